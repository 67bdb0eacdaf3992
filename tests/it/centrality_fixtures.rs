//! Every centrality against the NetworkX / exact-Fraction fixtures in
//! `tests/fixtures/` (see `tests/fixtures/SOURCE.md` for how they were made).

use iuinet::algo::{self, CentralityOpts, Measure};
use iuinet::view::{View, ViewOpts, Weighting};
use serde_json::Value;
use std::path::Path;

fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want.abs() + 1e-14
}

fn check(graph: &str, weighting: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(graph);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("expected-{weighting}.json"))).unwrap(),
    )
    .unwrap();
    let net = iuinet::ingest::load(&dir).unwrap();
    let opts = ViewOpts {
        weight: weighting.parse::<Weighting>().unwrap(),
        ..ViewOpts::default()
    };
    let view = View::build(&net, &opts).unwrap();
    let t = algo::centrality(
        &view,
        &CentralityOpts {
            measures: vec![],
            approx: None,
            top_edges: Some(usize::MAX),
        },
    );
    let nodes = expected["nodes"].as_object().unwrap();
    assert_eq!(nodes.len(), view.n(), "{graph}/{weighting}: node count");
    let mut failures = vec![];
    for (v, &a) in view.actors.iter().enumerate() {
        let id = &net.actors[a as usize].id;
        let want = &nodes[id];
        for m in Measure::ALL {
            let rel = match m {
                Measure::Eigenvector | Measure::Pagerank => 1e-7,
                _ => 1e-9,
            };
            let w = want[m.as_str()].as_f64().unwrap();
            let g = t.value(m, v).unwrap();
            if !close(g, w, rel) {
                failures.push(format!("{id} {m}: got {g}, want {w}"));
            }
        }
    }
    // edge betweenness, matched by ends
    let edges = t.edges.as_ref().unwrap();
    let exp = expected["edge_betweenness"].as_array().unwrap();
    assert_eq!(edges.len(), exp.len(), "{graph}/{weighting}: edge count");
    let mut got: Vec<(String, String, f64)> = edges
        .iter()
        .map(|e| {
            let a = net.actors[view.actors[e.a as usize] as usize].id.clone();
            let b = net.actors[view.actors[e.b as usize] as usize].id.clone();
            if a < b {
                (a, b, e.value)
            } else {
                (b, a, e.value)
            }
        })
        .collect();
    got.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
    for e in exp {
        let (a, b) = (e["a"].as_str().unwrap(), e["b"].as_str().unwrap());
        let w = e["value"].as_f64().unwrap();
        match got.binary_search_by(|x| (x.0.as_str(), x.1.as_str()).cmp(&(a, b))) {
            Ok(i) if close(got[i].2, w, 1e-9) => {}
            Ok(i) => failures.push(format!("edge {a}-{b}: got {}, want {w}", got[i].2)),
            Err(_) => failures.push(format!("edge {a}-{b} missing")),
        }
    }
    assert!(
        failures.is_empty(),
        "{graph}/{weighting}: {} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Both traversals (incidence and CSR) must give the fixture values.
fn check_both_traversals(graph: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(graph);
    let net = iuinet::ingest::load(&dir).unwrap();
    let view = View::build(&net, &ViewOpts::default()).unwrap();
    let a = algo::betweenness_csr(&view.csr, false);
    let b = algo::betweenness_incidence(&view.incidence, &view.csr);
    let c = algo::closeness_csr(&view.csr, false);
    let d = algo::closeness_incidence(&view.incidence, view.n());
    for v in 0..view.n() {
        assert!(close(a[v], b[v], 1e-12), "{graph} betweenness {v}");
        assert!(
            close(c.closeness[v], d.closeness[v], 1e-12),
            "{graph} closeness {v}"
        );
        assert!(
            close(c.harmonic[v], d.harmonic[v], 1e-12),
            "{graph} harmonic {v}"
        );
    }
}

#[test]
fn karate_none() {
    check("karate", "none");
}
#[test]
fn karate_sum() {
    check("karate", "sum");
}
#[test]
fn florentine_none() {
    check("florentine", "none");
}
#[test]
fn lesmis_none() {
    check("lesmis", "none");
}
#[test]
fn lesmis_sum() {
    check("lesmis", "sum");
}
#[test]
fn davis_none() {
    check("davis", "none");
}
#[test]
fn davis_sum() {
    check("davis", "sum");
}
#[test]
fn davis_newman() {
    check("davis", "newman");
}
#[test]
fn borgatti_none() {
    check("borgatti", "none");
}
#[test]
fn davis_traversals_agree() {
    check_both_traversals("davis");
}
#[test]
fn karate_traversals_agree() {
    check_both_traversals("karate");
}

/// Sampled betweenness stays within its stated bound of the NetworkX
/// values (fixed seeds, so this is a deterministic check of the bound).
#[test]
fn approx_within_bound() {
    for (graph, weighting) in [("lesmis", "none"), ("karate", "sum"), ("davis", "newman")] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(graph);
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("expected-{weighting}.json"))).unwrap(),
        )
        .unwrap();
        let net = iuinet::ingest::load(&dir).unwrap();
        let opts = ViewOpts {
            weight: weighting.parse::<Weighting>().unwrap(),
            ..ViewOpts::default()
        };
        let view = View::build(&net, &opts).unwrap();
        for seed in 0..3 {
            let o = algo::ApproxOpts {
                epsilon: 0.03,
                delta: 0.1,
                seed,
            };
            let (b, info) = algo::betweenness_approx(&view.csr, algo::is_weighted(&view), &o);
            assert!(info.samples > 0);
            for (v, &a) in view.actors.iter().enumerate() {
                let id = &net.actors[a as usize].id;
                let want = expected["nodes"][id]["betweenness"].as_f64().unwrap();
                assert!(
                    (b[v] - want).abs() <= info.error_bound,
                    "{graph} seed {seed} {id}: {} vs {want} (bound {})",
                    b[v],
                    info.error_bound
                );
            }
        }
    }
}
