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

/// A seeded random network of `n` actors: `groups` events of 3–12 members
/// drawn mostly from one of a few communities (so pairs share several
/// groups, as in the generated data), plus random ties.
fn random_net(n: usize, groups: usize, seed: u64) -> iuinet::model::Network {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut actors = String::from("id,kind,region\n");
    for i in 0..n {
        let kind = ["firm", "firm", "university", "institute"][i % 4];
        actors.push_str(&format!("a{i:03},{kind},R{}\n", i % 3));
    }
    let mut events = String::from("event_id,actor_id\n");
    for e in 0..groups {
        let size = rng.random_range(3..=12usize).min(n);
        let base = rng.random_range(0..4usize) * n / 4;
        let mut m: Vec<usize> = Vec::new();
        while m.len() < size {
            let a = if rng.random_bool(0.8) {
                (base + rng.random_range(0..n / 4)) % n
            } else {
                rng.random_range(0..n)
            };
            if !m.contains(&a) {
                m.push(a);
            }
        }
        for a in m {
            events.push_str(&format!("e{e},a{a:03}\n"));
        }
    }
    let mut ties = String::from("source,target\n");
    for _ in 0..n / 2 {
        let (a, b) = (rng.random_range(0..n), rng.random_range(0..n));
        if a != b {
            ties.push_str(&format!("a{a:03},a{b:03}\n"));
        }
    }
    iuinet::ingest::from_csv_strs(&actors, Some(&events), None, Some(&ties)).unwrap()
}

/// Top-N through the clique cover of the group incidence equals top-N over
/// the plain CSR and a brute-force ranking of every pair by its exact sum,
/// for every source, method and filter; batch equals single runs; reported
/// scores agree with the pair scores.
#[test]
fn cover_ranking_equals_brute_force() {
    use iuinet::algo::linkpred::{Candidate, common_neighbors, contribution};
    for seed in 0..6u64 {
        let net = random_net(60, 40, seed);
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let g = &view.csr;
        let n = view.n() as u32;
        let rank: Vec<u32> = (0..n).map(|v| (v * 7919) % n).collect();
        for m in [
            Method::ResourceAllocation,
            Method::AdamicAdar,
            Method::Jaccard,
            Method::CommonNeighbors,
        ] {
            let plain = Predictor::new(g, m, Some(&rank));
            let cover = Predictor::with_incidence(g, &view.incidence, m, Some(&rank));
            let mut sc = Scratch::new(view.n());
            let keep = |s: u32, v: u32| !(s + v).is_multiple_of(5);
            let sources: Vec<u32> = (0..n).collect();
            let batch = cover.top_batch(&sources, 7, &keep);
            for s in 0..n {
                let a = cover.top(s, 7, &|v| keep(s, v), &mut sc);
                let b = plain.top(s, 7, &|v| keep(s, v), &mut sc);
                assert_eq!(a, b, "seed {seed} {m} source {s}");
                assert_eq!(batch[s as usize], a, "seed {seed} {m} batch {s}");
                // brute force over every pair: resource allocation and
                // Adamic–Adar tie exactly when the degrees of the common
                // neighbours are the same multiset, else order by the sum
                let mut all: Vec<(u32, f64, Vec<usize>)> = (0..n)
                    .filter(|&v| v != s && g.weight(s, v).is_none() && keep(s, v))
                    .filter_map(|v| {
                        let mut ks: Vec<usize> = common_neighbors(g, s, v)
                            .iter()
                            .map(|&w| g.degree(w))
                            .collect();
                        if ks.is_empty() {
                            return None;
                        }
                        ks.sort_unstable();
                        let x = ks.len() as f64;
                        let score = match m {
                            Method::Jaccard => x / (g.degree(s) as f64 + g.degree(v) as f64 - x),
                            Method::CommonNeighbors => x,
                            _ => ks.iter().rev().map(|&k| contribution(m, k)).sum(),
                        };
                        Some((v, score, ks))
                    })
                    .collect();
                // equal multisets of degrees are exact ties
                all.sort_by(|x, y| {
                    let tie = if matches!(m, Method::ResourceAllocation | Method::AdamicAdar) {
                        x.2 == y.2
                    } else {
                        x.1 == y.1
                    };
                    let by_score = if tie {
                        std::cmp::Ordering::Equal
                    } else {
                        y.1.total_cmp(&x.1)
                    };
                    by_score.then(rank[x.0 as usize].cmp(&rank[y.0 as usize]))
                });
                let want: Vec<u32> = all.iter().take(7).map(|x| x.0).collect();
                let got: Vec<u32> = a.iter().map(|c: &Candidate| c.node).collect();
                assert_eq!(got, want, "seed {seed} {m} source {s}");
                for c in &a {
                    assert!(
                        (c.score - plain.pair_score(s, c.node)).abs() < 1e-12,
                        "{m} {s} {}",
                        c.node
                    );
                }
            }
        }
    }
}
