//! Arbitrary bytes into the gexf reader, then validation: Ok or a data
//! error, never a panic.
#![no_main]
#[allow(unused_imports)]
use iuinet::ingest::{Limits, build, gexf};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = gexf::parse_bytes(Path::new("x.gexf"), data, &Limits::default()) {
        let _ = build(t);
    }
});
