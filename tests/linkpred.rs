//! Link prediction scores against NetworkX 3.6.1 on Zachary's karate club
//! (`tests/fixtures/linkpred/make_linkpred.py`), every non-adjacent pair.

use iuinet::algo::linkpred::{Method, Predictor, Scratch};
use iuinet::view::{View, ViewOpts};
use serde_json::Value;
use std::path::Path;

#[test]
fn karate_scores_match_networkx() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let net = iuinet::ingest::load(&root.join("karate")).unwrap();
    let view = View::build(&net, &ViewOpts::default()).unwrap();
    let text = std::fs::read_to_string(root.join("linkpred/expected-karate.json")).unwrap();
    let exp: Value = serde_json::from_str(&text).unwrap();
    let node = |id: &str| view.node_of(net.actor_ix(id).unwrap()).unwrap();
    let fields = [
        (Method::ResourceAllocation, "resource_allocation"),
        (Method::AdamicAdar, "adamic_adar"),
        (Method::Jaccard, "jaccard"),
        (Method::CommonNeighbors, "common_neighbors"),
        (Method::PreferentialAttachment, "preferential_attachment"),
        (Method::Katz, "katz"),
    ];
    let pairs = exp["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 34 * 33 / 2 - 78);
    let mut sc = Scratch::new(view.n());
    for (m, field) in fields {
        let p = Predictor::new(&view.csr, m, None);
        let from: Vec<Vec<(u32, f64)>> = (0..view.n() as u32)
            .map(|s| {
                p.scores_from(s, &mut sc)
                    .iter()
                    .map(|c| (c.node, c.score))
                    .collect()
            })
            .collect();
        for e in pairs {
            let (u, v) = (
                node(e["u"].as_str().unwrap()),
                node(e["v"].as_str().unwrap()),
            );
            let want = e[field].as_f64().unwrap();
            let got = p.pair_score(u, v);
            assert!(
                (got - want).abs() < 1e-12,
                "{m} {u} {v}: {got} vs networkx {want}"
            );
            let scanned = from[u as usize]
                .iter()
                .find(|c| c.0 == v)
                .map_or(0.0, |c| c.1);
            assert!((scanned - want).abs() < 1e-12, "{m} scan {u} {v}");
        }
    }
}
