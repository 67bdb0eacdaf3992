//! Approximate betweenness by shortest-path sampling (Riondato and
//! Kornaropoulos 2016, "Fast approximation of betweenness centrality through
//! sampling", Data Min. Knowl. Disc. 30).

use super::par::{BLOCK, count_over_blocks};
use super::paths::{BATCH, Batched, Sssp, fold_pendants, lengths, locality, node_scale};
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
    /// True when the sample would need at least as many traversals as the
    /// exact computation, which was run instead (error 0); omitted when
    /// false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exact: bool,
}

/// Work (see [`exact_betweenness_cost`]) above which a caller that lets
/// the cost decide (`metrics`) samples betweenness instead of computing it
/// exactly: 2·10¹⁰ units, about 10 CPU seconds of the batched kernel.
pub const EXACT_BUDGET: u64 = 20_000_000_000;

/// Per node reached, the batched kernel updates 64 lanes of path counts and
/// dependencies; measured on the embedded dataset's views (one thread:
/// 0.48 ns per arc and 33 ns per node, per source), a node costs about what
/// 64 arcs do.
const NODE_ARCS: u64 = 64;

/// Work of exact betweenness on `g` ([`EXACT_BUDGET`]'s unit): over each
/// component, its sources (after pendant folding) × (its arcs + 64 × its
/// nodes), times 10 when `weighted` (one Dijkstra per source costs about
/// ten times a source's share of the batched breadth-first kernel).
///
/// Time O(n + m).
///
/// # Example
/// ```
/// use iuinet::algo::exact_betweenness_cost;
/// use iuinet::view::Csr;
/// // two triangles: 3 sources × (6 arcs + 64 × 3 nodes) each
/// let t = |a, b, c| [(a, b, 1.0), (b, c, 1.0), (a, c, 1.0)];
/// let e: Vec<_> = t(0, 1, 2).into_iter().chain(t(3, 4, 5)).collect();
/// let g = Csr::from_edges(6, &e).unwrap();
/// assert_eq!(exact_betweenness_cost(&g, false), 2 * 3 * (6 + 64 * 3));
/// assert_eq!(exact_betweenness_cost(&g, true), 10 * 2 * 3 * (6 + 64 * 3));
/// ```
pub fn exact_betweenness_cost(g: &Csr, weighted: bool) -> u64 {
    let label = super::components(g);
    let n = g.n();
    let mut sources = vec![0u64; n];
    let mut work = vec![0u64; n];
    for v in 0..n {
        work[label[v] as usize] += g.degree(v as u32) as u64 + NODE_ARCS;
    }
    for s in fold_pendants(g).0 {
        sources[label[s as usize] as usize] += 1;
    }
    let total: u64 = sources
        .iter()
        .zip(&work)
        .map(|(&s, &w)| s.saturating_mul(w))
        .fold(0, u64::saturating_add);
    if weighted {
        total.saturating_mul(10)
    } else {
        total
    }
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

/// Sample `i`: its generator (ChaCha8 seeded with `seed`, stream `i`) and
/// the pair (u, v), u ≠ v, it draws first.
fn pair(seed: u64, i: usize, n: usize) -> (ChaCha8Rng, u32, u32) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(i as u64);
    let u = below(&mut rng, n);
    let mut v = below(&mut rng, n - 1);
    if v >= u {
        v += 1;
    }
    (rng, u as u32, v as u32)
}

/// A predecessor drawn with probability σ(p)/σ(cur).
fn draw(rng: &mut ChaCha8Rng, sigma_cur: f64, preds: &[u32], sigma: impl Fn(u32) -> f64) -> u32 {
    let target = unit(rng) * sigma_cur;
    let mut run = 0.0;
    for &p in preds {
        run += sigma(p);
        if target < run {
            return p;
        }
    }
    preds[preds.len() - 1]
}

/// Credit an inner node of a sampled path.
fn credit(acc: &mut [u64], p: u32, u: u32) {
    if p != u {
        acc[p as usize] += 1;
    }
}

/// Approximate betweenness: r random pairs (u, v), one shortest u–v path
/// drawn uniformly for each, every inner node credited 1/r. With
/// probability ≥ 1 − δ every node's estimate is within ε of
/// Σ_{s≠t} σ_st(v)/σ_st / (n(n−1)) (RK's scale); the returned values are
/// rescaled by n/(n−2) to NetworkX's `normalized=True` scale, so their
/// bound is ε·n/(n−2).
///
/// Unweighted, samples run in batches of 64 through the batched forward
/// pass (their distinct sources as bit lanes, on the graph renumbered in
/// breadth-first order, scratch reused per worker), samples grouped by
/// source and those joining two components (no path) left out untraversed,
/// each batch stopping at the level where its last target is reached; a
/// path's predecessors are drawn among the neighbours one level up in CSR
/// order. Weighted, one Dijkstra per sample, predecessors in settle
/// order. When r is at least the number of sources exact betweenness runs
/// (after pendant folding), the exact values are returned instead and
/// [`ApproxInfo::exact`] says so: sampling would cost more.
///
/// Reproducible: sample i draws from ChaCha8 seeded with `seed`, stream i;
/// counts are integers, so neither order nor thread count matters.
/// Time O(r·(n + m)/64 ·levels) word operations unweighted,
/// O(r·(m + n log n)) weighted.
///
/// # Example
/// ```
/// use iuinet::algo::{ApproxOpts, betweenness_approx};
/// use iuinet::view::Csr;
/// // a path of 200 nodes; ε = 0.2 needs fewer samples than sources
/// let e: Vec<(u32, u32, f64)> = (0..199).map(|i| (i, i + 1, 1.0)).collect();
/// let g = Csr::from_edges(200, &e).unwrap();
/// let o = ApproxOpts { epsilon: 0.2, ..ApproxOpts::default() };
/// let (b, info) = betweenness_approx(&g, false, &o);
/// assert!(!info.exact && info.samples < 200);
/// // the middle node lies on about half of all shortest paths
/// assert!((b[100] - 0.5).abs() <= info.error_bound);
/// ```
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
        exact: false,
    };
    if r == 0 {
        return (vec![0.0; n], info);
    }
    // Cost model: a sample costs one forward traversal, an exact source a
    // forward and a backward pass, and pendant folding leaves `n_src`
    // sources; so r ≥ n_src samples cost more than the exact answer.
    let n_src = fold_pendants(g).0.len();
    if r >= n_src {
        let info = ApproxInfo {
            exact: true,
            ..info
        };
        return (super::betweenness::betweenness_csr(g, weighted), info);
    }
    let counts = if weighted {
        let len = lengths(g);
        count_over_blocks(
            r,
            BLOCK,
            n,
            || Sssp::new(g),
            |sp, items, acc| {
                for i in items {
                    let (mut rng, u, v) = pair(o.seed, i, n);
                    sp.run(g, u, Some(&len));
                    if sp.sigma[v as usize] == 0.0 {
                        continue;
                    }
                    let mut cur = v;
                    while cur != u {
                        let (ps, _) = sp.preds(g, cur);
                        let pick = draw(&mut rng, sp.sigma[cur as usize], ps, |p| {
                            sp.sigma[p as usize]
                        });
                        credit(acc, pick, u);
                        cur = pick;
                    }
                }
            },
        )
    } else {
        // the forward passes run on the breadth-first renumbering (see
        // `paths::locality`); pairs, paths and the predecessor order stay
        // in the view's numbering, so the samples drawn do not change
        let re = locality(g);
        let (h, new_of) = (&re.g, &re.new_of[..]);
        // A sample whose ends lie in different components has no path and
        // credits nothing: it is left out before any traversal. The rest
        // are grouped by source (new number, then sample index), so a
        // batch's lanes are near each other and share their frontier and
        // component. Counts are integers: grouping changes no result.
        let comp_of = |v: u32| re.comp.partition_point(|&c| c <= new_of[v as usize]);
        let mut order: Vec<(u32, usize)> = (0..r)
            .filter_map(|i| {
                let (_, u, v) = pair(o.seed, i, n);
                (comp_of(u) == comp_of(v)).then_some((new_of[u as usize], i))
            })
            .collect();
        order.sort_unstable();
        count_over_blocks(
            order.len(),
            BATCH,
            n,
            || (Batched::with_dist(n), Vec::with_capacity(BATCH)),
            |(b, preds), items, acc| {
                // the distinct sources of the batch's samples, one lane each
                let samples: Vec<_> = order[items]
                    .iter()
                    .map(|&(_, i)| pair(o.seed, i, n))
                    .collect();
                let mut src: Vec<u32> = samples.iter().map(|s| new_of[s.1 as usize]).collect();
                src.dedup();
                let lane_of = |u: u32| src.partition_point(|&x| x < new_of[u as usize]);
                let targets: Vec<(u32, usize)> = samples
                    .iter()
                    .map(|s| (new_of[s.2 as usize], lane_of(s.1)))
                    .collect();
                // every target shares its source's component, and the
                // sources are in new-number order: the span from the first
                // source's component to the last's holds them all
                let span = re.span(src[0], src[src.len() - 1]);
                // stop once every sample's target is reached: its paths
                // use only the levels above it
                b.forward_until(h, &src, &targets, span);
                let dist = |p: u32, lane| b.dist(new_of[p as usize], lane);
                let sigma = |p: u32, lane| b.sigma(new_of[p as usize], lane);
                for (mut rng, u, v) in samples {
                    let lane = lane_of(u);
                    let dv = dist(v, lane);
                    if dv == u32::MAX {
                        continue;
                    }
                    let (mut cur, mut dc) = (v, dv);
                    while cur != u {
                        // predecessors in CSR order: neighbours one level up
                        preds.clear();
                        preds.extend(
                            g.neighbors(cur)
                                .iter()
                                .copied()
                                .filter(|&p| dist(p, lane) == dc - 1),
                        );
                        let pick = draw(&mut rng, sigma(cur, lane), preds, |p| sigma(p, lane));
                        credit(acc, pick, u);
                        cur = pick;
                        dc -= 1;
                    }
                }
            },
        )
    };
    // RK scale: count / r; NetworkX scale: × n(n−1) / ((n−1)(n−2))
    let k = n as f64 * (n as f64 - 1.0) * node_scale(n) / r as f64;
    (counts.into_iter().map(|c| c as f64 * k).collect(), info)
}
