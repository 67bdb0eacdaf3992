//! `iuinet export --min-weight W`: weak links dropped, the rest read back
//! by iuinet's own edge-list reader with the same weights.

use crate::util::iuinet;
use iuinet::view::{View, ViewOpts, Weighting};

#[test]
fn min_weight_drops_weak_links_and_round_trips() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("strong.edges");
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "export",
            "tests/fixtures/karate",
            "--weight",
            "sum",
            "--min-weight",
            "3",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    // ties with weight ≥ 3, counted from the fixture itself
    let ties = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/karate/ties.csv"),
    )
    .unwrap();
    let strong: Vec<(String, String, f64)> = ties
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let w: f64 = f[4].parse().unwrap();
            (w >= 3.0).then(|| (f[0].to_string(), f[1].to_string(), w))
        })
        .collect();
    let net = iuinet::ingest::load(&out).unwrap();
    let view = View::build(
        &net,
        &ViewOpts {
            weight: Weighting::Sum,
            ..ViewOpts::default()
        },
    )
    .unwrap();
    assert_eq!(view.csr.m(), strong.len());
    for (a, b, w) in strong {
        let (x, y) = (net.actor_ix(&a).unwrap(), net.actor_ix(&b).unwrap());
        let pos = |ax| view.actors.iter().position(|&v| v == ax).unwrap() as u32;
        assert_eq!(view.csr.weight(pos(x), pos(y)), Some(w), "{a}-{b}");
    }
}
