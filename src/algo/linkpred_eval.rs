//! Temporal evaluation of link prediction: score a training graph, compare
//! with the links that appear later.
//!
//! Input: the training graph (links up to the split year), the nodes
//! *present* in training (degree > 0 there), and the test pairs: pairs
//! u < v linked after the split, not linked in training, both present.
//! Node indices are shared by the two periods.
//!
//! Measures:
//!
//! * **AUC** by sampling (Lü & Zhou 2011): `auc_samples` times, draw one
//!   test pair and one non-link (a pair of distinct present nodes linked in
//!   neither period) uniformly; the predictor scores 1 if the test pair
//!   scores higher, 0.5 on a tie. The pairs come from a ChaCha8 stream
//!   seeded with `seed`, so every method sees the same comparisons.
//! * **precision@k / recall@k**, per actor and averaged (the matchmaking
//!   view: what one actor sees in its top k). For each present node u with
//!   at least one test link, the top k candidates (present, not linked to u
//!   in training, score > 0, ties by rank) are compared with u's test
//!   partners T(u): precision = hits / k, recall = hits / |T(u)|. A
//!   method that proposes fewer than k candidates is still divided by k.
//! * The **random** predictor scores every pair with an independent uniform
//!   draw; its top k is k distinct candidates drawn uniformly (ChaCha8
//!   stream `u` of `seed`).

use super::linkpred::{Method, Predictor, Scratch};
use crate::view::Csr;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

/// Options of [`evaluate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EvalOpts {
    /// Length of each actor's recommendation list.
    pub k: usize,
    /// Number of AUC comparisons.
    pub auc_samples: usize,
    /// Seed of the sampling streams.
    pub seed: u64,
}

impl Default for EvalOpts {
    fn default() -> EvalOpts {
        EvalOpts {
            k: 10,
            auc_samples: 10_000,
            seed: 1,
        }
    }
}

/// The data of one temporal split.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    /// Training graph.
    pub train: &'a Csr,
    /// Nodes with a link in training.
    pub present: &'a [bool],
    /// New links after the split between present nodes, u < v, sorted, unique.
    pub test: &'a [(u32, u32)],
}

/// What to evaluate: a scoring method or the random baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Predicts {
    /// Uniform random scores.
    Random,
    /// A link prediction method.
    Method(Method),
}

/// Scores of one predictor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalScore {
    /// Sampled AUC; `None` without test pairs or non-links.
    pub auc: Option<f64>,
    /// Mean precision@k over actors with test links; `None` if there are none.
    pub precision_at_k: Option<f64>,
    /// Mean recall@k over the same actors.
    pub recall_at_k: Option<f64>,
    /// Candidates picked into the top-k lists, by node class (see
    /// [`evaluate_classes`]); one entry per class.
    #[serde(skip)]
    pub picked_by_class: Vec<u64>,
}

/// The AUC comparisons of a split: (test pair, non-link) pairs drawn from
/// a ChaCha8 stream seeded with `seed`. Fewer than `samples` when non-links
/// are too rare to find in 100 draws per sample.
///
/// Time O(samples · log) expected.
pub fn auc_pairs(split: &Split, samples: usize, seed: u64) -> Vec<((u32, u32), (u32, u32))> {
    let nodes: Vec<u32> = (0..split.present.len() as u32)
        .filter(|&v| split.present[v as usize])
        .collect();
    let mut out = Vec::with_capacity(samples);
    if split.test.is_empty() || nodes.len() < 2 {
        return out;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut budget = samples.saturating_mul(100);
    while out.len() < samples && budget > 0 {
        budget -= 1;
        let pos = split.test[rng.random_range(0..split.test.len())];
        let a = nodes[rng.random_range(0..nodes.len())];
        let b = nodes[rng.random_range(0..nodes.len())];
        let (a, b) = (a.min(b), a.max(b));
        if a == b || split.train.weight(a, b).is_some() || split.test.binary_search(&(a, b)).is_ok()
        {
            continue;
        }
        out.push((pos, (a, b)));
    }
    out
}

/// Evaluate one predictor on a split (see the module docs). `rank` breaks
/// score ties in the top-k lists (smaller first), as in matchmaking.
///
/// Time: AUC O(samples · pair score); precision/recall one top-k query per
/// actor with test links (see [`Predictor::top`]), in parallel with O(n)
/// scratch per thread. Deterministic for any thread count: per-actor
/// results are summed in node order, random streams are per actor.
pub fn evaluate(split: &Split, what: Predicts, rank: &[u32], o: &EvalOpts) -> EvalScore {
    evaluate_classes(split, what, rank, o, &vec![0u8; split.train.n()], 1)
}

/// [`evaluate`], also counting the picked candidates of the top-k lists
/// by `class[v]` (< `classes`; e.g. the actor kind) in `picked_by_class`.
pub fn evaluate_classes(
    split: &Split,
    what: Predicts,
    rank: &[u32],
    o: &EvalOpts,
    class: &[u8],
    classes: usize,
) -> EvalScore {
    let g = split.train;
    let n = g.n();
    let pairs = auc_pairs(split, o.auc_samples, o.seed);
    let predictor = match what {
        Predicts::Method(m) => Some(Predictor::new(g, m, Some(rank))),
        Predicts::Random => None,
    };
    let auc = if pairs.is_empty() {
        None
    } else {
        let wins: Vec<f64> = match &predictor {
            Some(p) => pairs
                .par_iter()
                .map(|&((a, b), (c, d))| {
                    let (x, y) = (p.pair_score(a, b), p.pair_score(c, d));
                    if x > y {
                        1.0
                    } else if x == y {
                        0.5
                    } else {
                        0.0
                    }
                })
                .collect(),
            None => {
                let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
                rng.set_stream(u64::MAX);
                pairs
                    .iter()
                    .map(|_| {
                        let (x, y): (f64, f64) = (rng.random(), rng.random());
                        if x > y {
                            1.0
                        } else if x == y {
                            0.5
                        } else {
                            0.0
                        }
                    })
                    .collect()
            }
        };
        Some(wins.iter().sum::<f64>() / wins.len() as f64)
    };
    // test partners per node
    let mut tdeg = vec![0u32; n + 1];
    for &(u, v) in split.test {
        tdeg[u as usize + 1] += 1;
        tdeg[v as usize + 1] += 1;
    }
    for i in 0..n {
        tdeg[i + 1] += tdeg[i];
    }
    let mut fill = tdeg[..n].to_vec();
    let mut tpart = vec![0u32; split.test.len() * 2];
    for &(u, v) in split.test {
        tpart[fill[u as usize] as usize] = v;
        fill[u as usize] += 1;
        tpart[fill[v as usize] as usize] = u;
        fill[v as usize] += 1;
    }
    let actors: Vec<u32> = (0..n as u32)
        .filter(|&u| tdeg[u as usize + 1] > tdeg[u as usize])
        .collect();
    if actors.is_empty() || o.k == 0 {
        return EvalScore {
            auc,
            precision_at_k: None,
            recall_at_k: None,
            picked_by_class: vec![0; classes],
        };
    }
    let present_nodes: Vec<u32> = (0..n as u32)
        .filter(|&v| split.present[v as usize])
        .collect();
    let per: Vec<(f64, f64, Vec<u64>)> = actors
        .par_iter()
        .map_init(
            || Scratch::new(n),
            |sc, &u| {
                let mut t: Vec<u32> =
                    tpart[tdeg[u as usize] as usize..tdeg[u as usize + 1] as usize].to_vec();
                t.sort_unstable();
                let picked: Vec<u32> = match &predictor {
                    Some(p) => p
                        .top(u, o.k, &|v| split.present[v as usize], sc)
                        .iter()
                        .map(|c| c.node)
                        .collect(),
                    None => random_top(g, u, &present_nodes, o.k, o.seed),
                };
                let hits = picked.iter().filter(|v| t.binary_search(v).is_ok()).count() as f64;
                let mut by = vec![0u64; classes];
                for &v in &picked {
                    by[class[v as usize] as usize] += 1;
                }
                (hits / o.k as f64, hits / t.len() as f64, by)
            },
        )
        .collect();
    let m = per.len() as f64;
    let mut picked_by_class = vec![0u64; classes];
    for x in &per {
        for (c, k) in x.2.iter().enumerate() {
            picked_by_class[c] += k;
        }
    }
    EvalScore {
        auc,
        precision_at_k: Some(per.iter().map(|x| x.0).sum::<f64>() / m),
        recall_at_k: Some(per.iter().map(|x| x.1).sum::<f64>() / m),
        picked_by_class,
    }
}

/// k distinct uniform candidates for u: present, ≠ u, not linked to u.
fn random_top(g: &Csr, u: u32, present_nodes: &[u32], k: usize, seed: u64) -> Vec<u32> {
    let nb = g.neighbors(u);
    // every training neighbour is present (it has a link)
    let cands = present_nodes.len().saturating_sub(1 + nb.len());
    let ok = |v: u32| v != u && nb.binary_search(&v).is_err();
    if cands <= k {
        return present_nodes.iter().copied().filter(|&v| ok(v)).collect();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(u as u64);
    let mut out: Vec<u32> = Vec::with_capacity(k);
    while out.len() < k {
        let v = present_nodes[rng.random_range(0..present_nodes.len())];
        if ok(v) && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Training: two triangles-with-tails; test links close the obvious
    /// open two-paths, so common-neighbour methods must be perfect.
    /// ```text
    /// 0 – 1 – 2      4 – 5 – 6
    ///  \     /           \
    ///    3                7
    /// ```
    /// Train edges: 0-1, 1-2, 0-3, 2-3, 4-5, 5-6, 5-7. Present: all 8.
    /// Test: 0-2 and 1-3 (two common neighbours each), 4-6 (one).
    fn split_graph() -> (Csr, Vec<bool>, Vec<(u32, u32)>) {
        let e = [(0, 1), (1, 2), (0, 3), (2, 3), (4, 5), (5, 6), (5, 7)];
        let g = Csr::from_pairs(8, &e).unwrap();
        (g, vec![true; 8], vec![(0, 2), (1, 3), (4, 6)])
    }

    #[test]
    fn hand_checked_precision_and_recall() {
        let (g, present, test) = split_graph();
        let split = Split {
            train: &g,
            present: &present,
            test: &test,
        };
        let rank: Vec<u32> = (0..8).collect();
        let o = EvalOpts {
            k: 1,
            auc_samples: 2000,
            seed: 7,
        };
        let s = evaluate(&split, Predicts::Method(Method::CommonNeighbors), &rank, &o);
        // actors with test links: 0,1,2,3,4,6. Top-1 by CN:
        // 0 → 2 (2 common), 1 → 3, 2 → 0, 3 → 1: hits.
        // 4 → candidates 6, 7 (1 common each), tie by rank → 6: hit.
        // 6 → 4 or 7 tie → 4: hit. All six hit: precision 1, recall 1.
        assert_eq!(s.precision_at_k, Some(1.0));
        assert_eq!(s.recall_at_k, Some(1.0));
        // Non-links: 28 pairs − 7 train − 3 test = 18; CN > 0 only for 4-7
        // and 6-7 among them (one common neighbour 5). Test pair scores are
        // 2, 2, 1. P(win) = (2/3)·1 + (1/3)·(16/18 + 0.5·2/18) = 0.9815
        let auc = s.auc.unwrap();
        assert!((auc - 0.9815).abs() < 0.015, "{auc}");
        // preferential attachment: k=1 top of 4 is 6 or 7 (deg 1 both), of
        // 0 is 2 (deg 2) vs ... just check the random baseline is worse
        let r = evaluate(&split, Predicts::Random, &rank, &o);
        assert!(r.auc.unwrap() < 0.6 && r.auc.unwrap() > 0.4, "{:?}", r.auc);
        assert!(r.precision_at_k.unwrap() < 1.0);
        // deterministic
        assert_eq!(r, evaluate(&split, Predicts::Random, &rank, &o));
    }

    #[test]
    fn empty_test_gives_none() {
        let (g, present, _) = split_graph();
        let split = Split {
            train: &g,
            present: &present,
            test: &[],
        };
        let s = evaluate(
            &split,
            Predicts::Method(Method::ResourceAllocation),
            &(0..8).collect::<Vec<u32>>(),
            &EvalOpts::default(),
        );
        assert_eq!(s.auc, None);
        assert_eq!(s.precision_at_k, None);
    }

    #[test]
    fn random_top_draws_distinct_valid_candidates() {
        let (g, present, _) = split_graph();
        let nodes: Vec<u32> = (0..8).filter(|&v| present[v as usize]).collect();
        let t = random_top(&g, 5, &nodes, 3, 1);
        assert_eq!(t.len(), 3);
        for v in &t {
            assert!(![4, 5, 6, 7].contains(v));
        }
        // only 8 − 1 − 3 = 4 candidates for 5: k = 10 gives all of them
        assert_eq!(random_top(&g, 5, &nodes, 10, 1), vec![0, 1, 2, 3]);
    }
}
