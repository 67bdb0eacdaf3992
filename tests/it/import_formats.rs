//! Pajek, edge lists and incidence matrices written by NetworkX
//! (`tests/fixtures/imports/`, made by `tests/fixtures/make_imports.py`)
//! load into the same network as the CSV fixtures: every centrality of
//! every actor agrees.

use crate::util::iuinet;
use iuinet::algo::{CentralityOpts, Measure, centrality};
use iuinet::view::{View, ViewOpts, Weighting};
use predicates::str::contains;
use std::collections::BTreeMap;
use std::path::Path;

fn fixture(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
}

/// Every centrality of every actor, by actor id.
fn scores(path: &Path, weight: Weighting) -> BTreeMap<String, Vec<f64>> {
    let net = iuinet::ingest::load(path).unwrap();
    let view = View::build(
        &net,
        &ViewOpts {
            weight,
            ..ViewOpts::default()
        },
    )
    .unwrap();
    let t = centrality(
        &view,
        &CentralityOpts {
            measures: vec![],
            approx: None,
            top_edges: None,
        },
    );
    (0..view.n())
        .map(|v| {
            let id = net.actor(view.actors[v]).id.clone();
            let row = Measure::ALL
                .iter()
                .map(|&m| t.value(m, v).unwrap_or(f64::NAN))
                .collect();
            (id, row)
        })
        .collect()
}

fn same(a: &BTreeMap<String, Vec<f64>>, b: &BTreeMap<String, Vec<f64>>, what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: actors");
    for (id, x) in a {
        let y = &b[id];
        for (m, (p, q)) in Measure::ALL.iter().zip(x.iter().zip(y)) {
            assert!(
                (p - q).abs() <= 1e-9 * q.abs().max(1.0),
                "{what}: {id} {m}: {p} vs {q}"
            );
        }
    }
}

#[test]
fn karate_in_every_format() {
    let want_w = scores(&fixture("karate"), Weighting::Sum);
    let want_1 = scores(&fixture("karate"), Weighting::None);
    for f in ["karate.net", "karate-weighted.edges", "karate.csv"] {
        same(
            &scores(&fixture(&format!("imports/{f}")), Weighting::Sum),
            &want_w,
            f,
        );
    }
    for f in ["karate.net", "karate.edges", "karate.csv"] {
        same(
            &scores(&fixture(&format!("imports/{f}")), Weighting::None),
            &want_1,
            f,
        );
    }
}

#[test]
fn davis_two_mode_pajek_and_incidence() {
    for w in [Weighting::None, Weighting::Sum, Weighting::Newman] {
        let want = scores(&fixture("davis"), w);
        for f in ["davis.net", "davis-incidence.csv"] {
            same(&scores(&fixture(&format!("imports/{f}")), w), &want, f);
        }
    }
}

#[test]
fn bad_files_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("bad.net");
    std::fs::write(&net, "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 3\n").unwrap();
    iuinet()
        .args(["summary", net.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bad.net:5:"))
        .stderr(contains("not a number from 1 to 2"));
    let el = dir.path().join("bad.edges");
    std::fs::write(&el, "a b 1\nc d x\n").unwrap();
    iuinet()
        .args(["summary", el.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bad.edges:2:"));
    let mx = dir.path().join("m.net");
    std::fs::write(&mx, "*Vertices 2\n*Matrix\n0 1\n1 0\n").unwrap();
    iuinet()
        .args(["summary", mx.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("*matrix"));
}

/// A directory with the karate club's ties.csv alone: actors inferred
/// (kind `other`), same centralities as the full fixture.
#[test]
fn ties_csv_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("karate/ties.csv"), dir.path().join("ties.csv")).unwrap();
    same(
        &scores(dir.path(), Weighting::Sum),
        &scores(&fixture("karate"), Weighting::Sum),
        "ties.csv alone",
    );
    let net = iuinet::ingest::load(dir.path()).unwrap();
    assert!(
        net.actors
            .iter()
            .all(|a| a.kind == iuinet::model::Kind::Other)
    );
}
