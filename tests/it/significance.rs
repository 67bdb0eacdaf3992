//! `iuinet density --permutations N` and `--by COLUMN`: observed figures
//! equal the plain density report's, the permutation output is the same
//! on any thread count, and bad columns are refused.

use crate::util::iuinet;
use iuinet::metrics::density::{By, density};
use iuinet::metrics::significance::density_test;
use iuinet::view::{View, ViewOpts};
use predicates::str::contains;
use std::path::Path;

fn data(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// For single-valued attributes the tested report's observed figures are
/// exactly `density`'s (cells, links, pairs, E-I).
#[test]
fn observed_equals_density_report() {
    let net = iuinet::ingest::load(&data("tests/data/metrics-small")).unwrap();
    let view = View::build(&net, &ViewOpts::default()).unwrap();
    for by in [By::Region, By::Kind, By::Complex, By::SizeClass] {
        let d = density(&net, &view, by);
        let t = density_test(&net, &view, by.as_str(), 50, 3).unwrap();
        assert_eq!(t.links, d.linked_pairs);
        assert_eq!(t.internal, d.internal, "{by}");
        assert_eq!(t.ei_index.observed, d.ei_index, "{by}");
        assert_eq!(t.cells.len(), d.cells.len());
        for (x, y) in t.cells.iter().zip(&d.cells) {
            assert_eq!(
                (&x.a, &x.b, x.links, x.pairs),
                (&y.a, &y.b, y.linked_pairs, y.possible_pairs)
            );
            assert_eq!(x.density.observed, y.density);
        }
    }
}

/// Planted blocks: within-block density far above every permutation
/// (P >= Ob = 0), E-I far below (P <= Ob = 0).
#[test]
fn planted_blocks_significant() {
    let net = iuinet::ingest::load(&data("tests/fixtures/planted")).unwrap();
    let view = View::build(&net, &ViewOpts::default()).unwrap();
    let t = density_test(&net, &view, "block", 500, 1).unwrap();
    let e = &t.ei_index;
    assert_eq!(e.observed, Some((94.0 - 530.0) / 624.0));
    assert_eq!(e.p_le, Some(0.0));
    assert_eq!(e.p_ge, Some(1.0));
    for c in &t.cells {
        if c.a == c.b {
            assert_eq!(c.density.p_ge, Some(0.0), "{}", c.a);
        }
    }
}

#[test]
fn cli_same_bits_any_threads_and_errors() {
    let run = |threads: &str| {
        iuinet()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "density",
                "tests/fixtures/planted",
                "--by",
                "block",
                "--permutations",
                "300",
                "--seed",
                "5",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(run("1"), run("3"));
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["density", "tests/fixtures/planted", "--by", "block"])
        .assert()
        .success()
        .stdout(contains("E-I index: -0.6987"));
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["density", "tests/fixtures/planted", "--by", "club"])
        .assert()
        .code(2)
        .stderr(contains("no such attribute"));
}
