//! Approximate betweenness by shortest-path sampling (Riondato and
//! Kornaropoulos 2016, "Fast approximation of betweenness centrality through
//! sampling", Data Min. Knowl. Disc. 30).

use super::par::count_over;
use super::paths::{Sssp, lengths, node_scale};
use crate::view::Csr;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// Options of [`betweenness_approx`].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ApproxOpts {
    /// Additive error ε on the Riondato–Kornaropoulos scale (see below).
    pub epsilon: f64,
    /// Failure probability δ.
    pub delta: f64,
    /// Seed of the ChaCha8 generator; sample i uses stream i.
    pub seed: u64,
}

impl Default for ApproxOpts {
    fn default() -> ApproxOpts {
        ApproxOpts {
            epsilon: 0.01,
            delta: 0.1,
            seed: 0,
        }
    }
}

/// What an approximation did.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ApproxInfo {
    /// The options used.
    #[serde(flatten)]
    pub opts: ApproxOpts,
    /// Upper bound on the vertex diameter used for the sample size.
    pub vertex_diameter: usize,
    /// Number of sampled shortest paths r.
    pub samples: usize,
    /// Bound on the absolute error of each returned (NetworkX-scaled) value
    /// with probability ≥ 1 − δ: ε·n/(n−2).
    pub error_bound: f64,
}

/// Sample size r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5.
pub fn sample_size(epsilon: f64, delta: f64, vd: usize) -> usize {
    let lg = (vd.saturating_sub(2).max(1) as f64).log2().floor();
    let r = 0.5 / (epsilon * epsilon) * (lg + 1.0 + (1.0 / delta).ln());
    if r.is_finite() && r > 0.0 {
        r.ceil().min(1e12) as usize
    } else {
        0
    }
}

/// Upper bound on the vertex diameter (nodes on a longest shortest path):
/// unweighted, max over components of 2·ecc(first node)+1; weighted, the
/// largest component size.
pub fn vertex_diameter_bound(g: &Csr, weighted: bool) -> usize {
    let n = g.n();
    let mut comp = vec![u32::MAX; n];
    let mut best = 0;
    let mut queue = Vec::new();
    for s in 0..n {
        if comp[s] != u32::MAX {
            continue;
        }
        // BFS levels via comp as visited mark, ecc from levels
        queue.clear();
        queue.push((s as u32, 0usize));
        comp[s] = s as u32;
        let mut head = 0;
        let mut ecc = 0;
        while head < queue.len() {
            let (v, l) = queue[head];
            head += 1;
            ecc = ecc.max(l);
            for &w in g.neighbors(v) {
                if comp[w as usize] == u32::MAX {
                    comp[w as usize] = s as u32;
                    queue.push((w, l + 1));
                }
            }
        }
        let b = if weighted { queue.len() } else { 2 * ecc + 1 };
        best = best.max(b.min(queue.len()));
    }
    best
}

fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    ((rng.next_u64() as u128 * n as u128) >> 64) as usize
}

fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Approximate betweenness: r random pairs (u, v), one shortest u–v path
/// drawn uniformly for each, every inner node credited 1/r. With
/// probability ≥ 1 − δ every node's estimate is within ε of
/// Σ_{s≠t} σ_st(v)/σ_st / (n(n−1)) (RK's scale); the returned values are
/// rescaled by n/(n−2) to NetworkX's `normalized=True` scale, so their
/// bound is ε·n/(n−2).
///
/// Reproducible: sample i draws from ChaCha8 seeded with `seed`, stream i;
/// counts are integers, so neither order nor thread count matters.
/// Time O(r·(n + m)) unweighted, O(r·(m + n log n)) weighted.
pub fn betweenness_approx(g: &Csr, weighted: bool, o: &ApproxOpts) -> (Vec<f64>, ApproxInfo) {
    let n = g.n();
    let vd = vertex_diameter_bound(g, weighted);
    let r = if n < 3 {
        0
    } else {
        sample_size(o.epsilon, o.delta, vd)
    };
    let info = ApproxInfo {
        opts: *o,
        vertex_diameter: vd,
        samples: r,
        error_bound: if n < 3 {
            0.0
        } else {
            o.epsilon * n as f64 / (n as f64 - 2.0)
        },
    };
    if r == 0 {
        return (vec![0.0; n], info);
    }
    let len = weighted.then(|| lengths(g));
    let counts = count_over(
        r,
        n,
        || Sssp::new(g),
        |sp, i, acc| {
            let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
            rng.set_stream(i as u64);
            let u = below(&mut rng, n);
            let mut v = below(&mut rng, n - 1);
            if v >= u {
                v += 1;
            }
            sp.run(g, u as u32, len.as_deref());
            if sp.sigma[v] == 0.0 {
                return;
            }
            let mut cur = v as u32;
            while cur as usize != u {
                let (ps, _) = sp.preds(g, cur);
                let target = unit(&mut rng) * sp.sigma[cur as usize];
                let mut run = 0.0;
                let mut pick = ps[ps.len() - 1];
                for &p in ps {
                    run += sp.sigma[p as usize];
                    if target < run {
                        pick = p;
                        break;
                    }
                }
                if pick as usize != u {
                    acc[pick as usize] += 1;
                }
                cur = pick;
            }
        },
    );
    // RK scale: count / r; NetworkX scale: × n(n−1) / ((n−1)(n−2))
    let k = n as f64 * (n as f64 - 1.0) * node_scale(n) / r as f64;
    (counts.into_iter().map(|c| c as f64 * k).collect(), info)
}
