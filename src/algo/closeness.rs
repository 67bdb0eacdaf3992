//! Closeness (Wasserman–Faust) and harmonic centrality.

use super::par::{NO_PROGRESS, Progress, map_blocks};
use super::paths::{IncScratch, Sssp, distance_sums, is_weighted, lengths};
use crate::view::{Csr, Incidence, View};
use rayon::prelude::*;

/// Closeness and harmonic centrality of every node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closeness {
    /// Wasserman–Faust closeness: ((r−1)/Σd)·((r−1)/(n−1)), r = nodes
    /// reachable including the node itself, Σd the sum of distances to
    /// them; 0 when nothing is reachable. NetworkX
    /// `closeness_centrality(wf_improved=True)`.
    pub closeness: Vec<f64>,
    /// Σ_{v≠u} 1/d(u, v) over reachable v, not normalised (NetworkX
    /// `harmonic_centrality`).
    pub harmonic: Vec<f64>,
}

fn finish(n: usize, r: usize, tot: f64, harm: f64) -> (f64, f64) {
    let c = if tot > 0.0 && n > 1 {
        let r1 = (r - 1) as f64;
        (r1 / tot) * (r1 / (n - 1) as f64)
    } else {
        0.0
    };
    (c, harm)
}

/// Closeness and harmonic centrality of a view: the bit-parallel
/// multi-source BFS ([`distance_sums`](super::distance_sums)) when
/// unweighted, Dijkstra on lengths 1/weight when weighted.
///
/// Unweighted, the distance total is an exact integer and the harmonic sum
/// is Σ_d k_d/d over levels d in increasing order (k_d nodes at distance d),
/// the same bits as the group-incidence BFS ([`closeness_incidence`]); a
/// per-node BFS over the CSR summing 1/d node by node (what unweighted CSR
/// views used before the batched kernel) can differ in the last bit of the
/// harmonic value. Weighted, Σ 1/d is summed node by node in settle order.
///
/// Time O(n·m/64·levels) word operations unweighted (batches of
/// [`LANES`](super::LANES) sources), O(nm + n² log n) weighted. Each node's
/// value comes from its own lane or traversal, so thread count cannot
/// change any bit.
///
/// # Example
/// ```
/// use iuinet::algo::closeness_csr;
/// use iuinet::view::Csr;
/// // a star: centre 0, leaves 1, 2, 3
/// let g = Csr::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]).unwrap();
/// let c = closeness_csr(&g, false);
/// assert_eq!(c.closeness[0], 1.0);
/// assert_eq!(c.harmonic[1], 1.0 + 0.5 + 0.5);
/// ```
pub fn closeness(view: &View) -> Closeness {
    closeness_with(view, NO_PROGRESS)
}

/// [`closeness`], telling `progress` how many of the n nodes are done.
pub fn closeness_with(view: &View, progress: Progress<'_>) -> Closeness {
    csr_p(&view.csr, is_weighted(view), progress)
}

/// [`closeness`] over a CSR (multi-source BFS unweighted, Dijkstra weighted).
pub fn closeness_csr(g: &Csr, weighted: bool) -> Closeness {
    csr_p(g, weighted, NO_PROGRESS)
}

fn csr_p(g: &Csr, weighted: bool, progress: Progress<'_>) -> Closeness {
    let n = g.n();
    if !weighted {
        return split(
            distance_sums(g, progress)
                .iter()
                .map(|d| finish(n, d.reached as usize, d.total as f64, d.harmonic))
                .collect(),
        );
    }
    let len = weighted.then(|| lengths(g));
    // blocks of 16 sources (shared among peers if installed)
    let v = map_blocks(
        n.div_ceil(16),
        || Sssp::distances(g),
        |sp, b| {
            (b * 16..((b + 1) * 16).min(n))
                .map(|s| {
                    progress(0);
                    sp.run(g, s as u32, len.as_deref());
                    let mut tot = 0.0;
                    let mut harm = 0.0;
                    for &u in &sp.order[1..] {
                        let d = sp.dist[u as usize];
                        tot += d;
                        harm += 1.0 / d;
                    }
                    progress(1);
                    finish(n, sp.reached(), tot, harm)
                })
                .collect()
        },
    );
    split(v.into_iter().flatten().collect())
}

/// [`closeness`] (unweighted) over the group incidence of `n` nodes, one
/// BFS per source: the per-source kernel the multi-source BFS is checked
/// against (same bits).
pub fn closeness_incidence(inc: &Incidence, n: usize) -> Closeness {
    incidence_p(inc, n, NO_PROGRESS)
}

fn incidence_p(inc: &Incidence, n: usize, progress: Progress<'_>) -> Closeness {
    let v: Vec<(f64, f64)> = (0..n)
        .into_par_iter()
        .with_min_len(16)
        .map_init(
            || IncScratch::new(inc, n),
            |sc, s| {
                progress(0);
                sc.levels(inc, s as u32);
                let mut tot = 0u64;
                let mut harm = 0.0;
                for d in 1..sc.lstart.len() - 1 {
                    let k = sc.lstart[d + 1] - sc.lstart[d];
                    tot += (d * k) as u64;
                    harm += k as f64 / d as f64;
                }
                progress(1);
                finish(n, sc.order.len(), tot as f64, harm)
            },
        )
        .collect();
    split(v)
}

fn split(v: Vec<(f64, f64)>) -> Closeness {
    let (closeness, harmonic) = v.into_iter().unzip();
    Closeness {
        closeness,
        harmonic,
    }
}
