//! CSV bytes as actors.csv and ties.csv, then validation: Ok or a data
//! error, never a panic.
#![no_main]
use iuinet::ingest::{Limits, build, csv, table::Tables};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let mut problems = Vec::new();
    let t = csv::parse_bytes(
        PathBuf::from("x.csv"),
        data,
        &Limits::default(),
        &mut problems,
    );
    let tables = Tables {
        dataset: PathBuf::from("."),
        actors: Some(t.clone()),
        ties: Some(t),
        ..Tables::default()
    };
    let _ = build(tables);
});
