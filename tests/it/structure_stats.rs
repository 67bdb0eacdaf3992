//! Clustering, assortativity, degree distribution and distances against
//! NetworkX (`tests/fixtures/structure/expected.json`, made by
//! `tests/fixtures/make_structure.py`).

use iuinet::algo::structure::{
    DistanceOpts, attribute_assortativity, clustering, degree_assortativity, degree_counts,
    distances, local_clustering, quantile, triangles,
};
use iuinet::view::{View, ViewOpts};
use serde_json::Value;
use std::path::Path;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(graph: &str) -> (iuinet::model::Network, View) {
    let net = iuinet::ingest::load(&fixtures().join(graph)).unwrap();
    let v = View::build(&net, &ViewOpts::default()).unwrap();
    assert!(v.actors.iter().enumerate().all(|(i, &a)| i == a as usize));
    (net, v)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

#[test]
fn structure_matches_networkx() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("structure/expected.json")).unwrap(),
    )
    .unwrap();
    for (name, want) in e["graphs"].as_object().unwrap() {
        let (net, v) = load(name);
        let g = &v.csr;
        let tri: Vec<u64> = want["triangles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(triangles(g), tri, "{name} triangles");
        for (i, (got, w)) in local_clustering(g)
            .iter()
            .zip(want["clustering"].as_array().unwrap())
            .enumerate()
        {
            assert!(
                close(*got, w.as_f64().unwrap()),
                "{name} clustering of node {i}"
            );
        }
        let c = clustering(g);
        let f = |k: &str| want[k].as_f64().unwrap();
        assert!(close(c.average.unwrap(), f("average_clustering")), "{name}");
        assert!(close(c.transitivity, f("transitivity")), "{name}");
        let r = degree_assortativity(g).unwrap();
        assert!(
            (r - f("degree_assortativity")).abs() < 1e-12,
            "{name} r {r}"
        );
        let d = distances(g, &DistanceOpts::default());
        assert!(d.exact);
        assert_eq!(d.diameter, want["diameter"].as_u64().unwrap(), "{name}");
        assert!(
            close(d.mean.unwrap(), f("average_shortest_path_length")),
            "{name}"
        );
        let counts: Vec<(u32, u64)> = want["degree_counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap()))
            .collect();
        assert_eq!(degree_counts(g), counts, "{name}");
        let mut degs: Vec<f64> = (0..g.n() as u32).map(|x| g.degree(x) as f64).collect();
        degs.sort_by(f64::total_cmp);
        for (q, w) in want["degree_quantiles"].as_object().unwrap() {
            let got = quantile(&degs, q.parse().unwrap()).unwrap();
            assert!(close(got, w.as_f64().unwrap()), "{name} q{q}");
        }
        if let Some(w) = want.get("block_assortativity") {
            let labels: Vec<u32> = net
                .actors
                .iter()
                .map(|a| {
                    a.attrs.iter().find(|(k, _)| k == "block").unwrap().1[1..]
                        .parse()
                        .unwrap()
                })
                .collect();
            let r = attribute_assortativity(g, &labels).unwrap();
            assert!(
                (r - w.as_f64().unwrap()).abs() < 1e-12,
                "{name} block r {r}"
            );
        }
    }
}

/// Sampled distances: the estimate lies within 4 stated standard errors
/// of the exact mean, and the sampled diameter is a lower bound.
#[test]
fn sampled_distances_within_stated_error() {
    let (_, v) = load("lesmis");
    let exact = distances(&v.csr, &DistanceOpts::default());
    for seed in 0..10 {
        let s = distances(
            &v.csr,
            &DistanceOpts {
                exact_limit: 10,
                samples: 25,
                seed,
            },
        );
        assert!(!s.exact);
        assert_eq!(s.sources, 25);
        assert!(s.std_error > 0.0);
        let dev = (s.mean.unwrap() - exact.mean.unwrap()).abs();
        assert!(
            dev <= 4.0 * s.std_error,
            "seed {seed}: off by {dev}, se {}",
            s.std_error
        );
        assert!(s.diameter <= exact.diameter);
    }
}

/// `metrics` carries the statistics in `network.structure`.
#[test]
fn metrics_network_has_structure() {
    let out = crate::util::iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["metrics", "tests/fixtures/karate", "--only", "network"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let s = &v["network"]["structure"];
    assert_eq!(s["distances"]["diameter"], 5);
    assert_eq!(s["distances"]["exact"], true);
    assert_eq!(s["clustering"]["triangles"], 45);
    // every karate actor has kind `other`: no variance, null
    assert_eq!(s["attribute_assortativity"]["kind"], Value::Null);
}
