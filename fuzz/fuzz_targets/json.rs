//! Arbitrary bytes into the json reader, then validation: Ok or a data
//! error, never a panic.
#![no_main]
#[allow(unused_imports)]
use iuinet::ingest::{Limits, build, json};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(t) = json::parse_bytes(Path::new("x.json"), data) {
        let _ = build(t);
    }
});
