//! Arbitrary bytes into the graphml reader, then validation: Ok or a data
//! error, never a panic.
#![no_main]
#[allow(unused_imports)]
use iuinet::ingest::{Limits, build, graphml};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = graphml::parse_bytes(Path::new("x.graphml"), data, &Limits::default()) {
        let _ = build(t);
    }
});
