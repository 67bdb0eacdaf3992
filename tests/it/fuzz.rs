//! The `fuzz/` targets on a stable toolchain: the same four entry points
//! (CSV, JSON, GraphML and GEXF bytes into their reader, then validation),
//! fed by proptest with arbitrary bytes and with mutations (byte flips,
//! cuts, splices) of the regression corpus in `fuzz/corpus/regressions/`,
//! which holds every hostile case of the hardening work. Each run must end
//! in a network or a data error with FILE:LINE problems, never a panic.
//!
//! Cases per target: 256, or `IUINET_FUZZ_CASES` (CI runs the default; a
//! longer local run: `IUINET_FUZZ_CASES=100000 cargo test --release --test
//! it fuzz`). With cargo-fuzz on nightly, the corpus seeds
//! `cargo +nightly fuzz run TARGET fuzz/corpus/regressions/TARGET`.

use iuinet::ingest::{Limits, build, csv, gexf, graphml, json, table::Tables};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// The four targets, as in `fuzz/fuzz_targets/*.rs`.
const TARGETS: [&str; 4] = ["csv", "json", "graphml", "gexf"];

/// Run one target on `data`: the result is a network or a data error.
fn run_target(target: &str, data: &[u8]) {
    let lim = Limits {
        max_line_bytes: 4096,
        ..Limits::default()
    };
    let tables = match target {
        "csv" => {
            let mut problems = Vec::new();
            let t = csv::parse_bytes(PathBuf::from("x.csv"), data, &lim, &mut problems);
            Ok(Tables {
                dataset: PathBuf::from("."),
                actors: Some(t.clone()),
                ties: Some(t),
                ..Tables::default()
            })
        }
        "json" => json::parse_bytes_with(Path::new("x.json"), data, &lim),
        "graphml" => graphml::parse_bytes(Path::new("x.graphml"), data, &lim),
        _ => gexf::parse_bytes(Path::new("x.gexf"), data, &lim),
    };
    let res = tables.and_then(build);
    if let Err(e) = res {
        assert!(
            matches!(e, iuinet::Error::Data { .. }),
            "{target}: not a data error: {e}"
        );
        assert!(
            !e.problems().is_empty(),
            "{target}: a data error without problems"
        );
    }
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new("fuzz/corpus/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("corpus file"))
        .collect()
}

fn cases() -> u32 {
    std::env::var("IUINET_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

/// Every file of the regression corpus runs cleanly as it is.
#[test]
fn regression_corpus_runs_cleanly() {
    for t in TARGETS {
        let c = corpus(t);
        assert!(c.len() >= 4, "{t}: corpus too small");
        for bytes in c {
            run_target(t, &bytes);
        }
    }
}

/// A mutation of a corpus file: flip bytes, cut, or splice in another
/// file's tail.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Splice(usize, usize, usize),
    Insert(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, f, b)| Mutation::Splice(a, f, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just(b"<".to_vec()),
                Just(b"\"".to_vec()),
                Just(b"&#0;".to_vec()),
                Just(b"<graph>".to_vec()),
                Just(b"<default>x</default>".to_vec()),
                Just(b"\xef\xbb\xbf".to_vec()),
                Just(b"\n".to_vec()),
                Just(b",".to_vec()),
                Just(b"1e308".to_vec()),
                Just(b"\xff".to_vec()),
            ]
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
    ]
}

fn apply(mut v: Vec<u8>, all: &[Vec<u8>], muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let n = v.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !v.is_empty() {
                    v[i % n] ^= b;
                }
            }
            Mutation::Cut(i) => v.truncate(i % (n + 1)),
            Mutation::Splice(a, f, b) => {
                let other = &all[f % all.len()];
                let from = b % (other.len() + 1);
                v.truncate(a % (n + 1));
                v.extend_from_slice(&other[from..]);
            }
            Mutation::Insert(i, b) => {
                let at = i % (v.len() + 1);
                v.splice(at..at, b.iter().copied());
            }
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Arbitrary bytes into each target.
    #[test]
    fn arbitrary_bytes(t in 0usize..4, bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        run_target(TARGETS[t], &bytes);
    }

    /// Mutated corpus files into each target.
    #[test]
    fn mutated_corpus(
        t in 0usize..4,
        pick in any::<usize>(),
        muts in prop::collection::vec(mutation(), 1..6),
    ) {
        let all = corpus(TARGETS[t]);
        let base = all[pick % all.len()].clone();
        run_target(TARGETS[t], &apply(base, &all, &muts));
    }
}
