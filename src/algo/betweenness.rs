//! Exact betweenness (Brandes 2001) over the CSR or the group incidence,
//! whichever [`traversal`] finds cheaper.

use super::par::{Progress, sum_over_blocks, sum_over_sources};
use super::paths::{
    BATCH, Batched, IncScratch, Sssp, Traversal, accumulate, fold_pendants, is_weighted, lengths,
    locality, node_scale, relabel, traversal,
};
use crate::view::{Csr, Incidence, View};

/// Betweenness of every node of a view, exact.
///
/// b(v) = Σ_{s<t, s≠v≠t} σ_st(v)/σ_st over unordered pairs, divided by
/// (n−1)(n−2)/2 as `networkx.betweenness_centrality(normalized=True)` on an
/// undirected graph; n < 3 gives zeros. Unweighted views use BFS (over the
/// group incidence or the CSR, whichever [`traversal`] finds cheaper);
/// weighted views use Dijkstra with edge length 1/weight and equal lengths
/// within [`PATH_TOL`](super::PATH_TOL) counted as ties.
///
/// Time O(n·c) unweighted (c = traversal cost), O(nm + n² log n) weighted;
/// O(n + m) scratch per worker plus one n-vector per source block in flight.
/// Same bits for any thread count (see the `par` module).
pub fn betweenness(view: &View) -> Vec<f64> {
    betweenness_with(view, super::par::NO_PROGRESS)
}

/// [`betweenness`], telling `progress` how many of the n nodes are done.
pub fn betweenness_with(view: &View, progress: Progress<'_>) -> Vec<f64> {
    if is_weighted(view) {
        betweenness_csr_with(&view.csr, true, progress)
    } else {
        match traversal(view) {
            Traversal::Incidence => {
                betweenness_incidence_with(&view.incidence, &view.csr, progress)
            }
            Traversal::Csr => betweenness_csr_with(&view.csr, false, progress),
        }
    }
}

/// Exact Brandes betweenness over a CSR, normalised as [`betweenness`].
/// `weighted` selects Dijkstra on lengths 1/weight; otherwise BFS.
/// Degree-1 sources are folded into their neighbour (see `fold_pendants`).
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; O(64·n) scratch per
/// worker unweighted, O(n + m) weighted.
/// Unweighted, sources run in batches of 64 through the batched Brandes
/// kernel (shared frontier, per-lane σ and δ; see the `paths` module) on
/// the graph renumbered in breadth-first order, batches of consecutive
/// new numbers, sums in block order; they differ from one-source-at-a-time
/// Brandes only in the last bits. Weighted, one Dijkstra per source.
///
/// # Example
/// ```
/// use iuinet::algo::betweenness_csr;
/// use iuinet::view::Csr;
/// // a star: the centre lies on every path between two leaves
/// let g = Csr::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]).unwrap();
/// assert_eq!(betweenness_csr(&g, false), vec![1.0, 0.0, 0.0, 0.0]);
/// ```
pub fn betweenness_csr(g: &Csr, weighted: bool) -> Vec<f64> {
    betweenness_csr_with(g, weighted, super::par::NO_PROGRESS)
}

/// [`betweenness_csr`] with progress (nodes done, folded ones included).
pub fn betweenness_csr_with(g: &Csr, weighted: bool, progress: Progress<'_>) -> Vec<f64> {
    let n = g.n();
    let len = weighted.then(|| lengths(g));
    let (src, mult) = fold_pendants(g);
    progress((n - src.len()) as u64);
    if !weighted {
        // the batched kernel runs on the breadth-first renumbering (see
        // `paths::locality`): its rows stay in cache, and a batch of
        // consecutive sources shares most of its frontier
        let re = locality(g);
        let mut folded: Vec<(u32, f64)> = src
            .iter()
            .zip(&mult)
            .map(|(&s, &m)| (re.new_of[s as usize], m))
            .collect();
        folded.sort_unstable_by_key(|x| x.0);
        let (src, mult): (Vec<u32>, Vec<f64>) = folded.into_iter().unzip();
        let g = &re.g;
        let raw = sum_over_blocks(
            src.len(),
            BATCH,
            n,
            progress,
            || Batched::new(n),
            |b, r, acc| {
                let (s, m) = (&src[r.clone()], &mult[r]);
                b.run(g, s, m, acc, None, re.span(s[0], s[s.len() - 1]));
                for (i, (&s, &m)) in s.iter().zip(m).enumerate() {
                    if m > 1.0 {
                        acc[s as usize] += (m - 1.0) * (b.reached[i] as f64 - 2.0);
                    }
                }
            },
        );
        let k = node_scale(n);
        return re.back(&raw).into_iter().map(|x| x * k).collect();
    }
    let raw = sum_over_sources(
        src.len(),
        n,
        progress,
        || Sssp::new(g),
        |sp, i, acc| {
            let s = src[i];
            sp.run(g, s, len.as_deref());
            accumulate(g, sp, s, acc, None, mult[i]);
            if mult[i] > 1.0 {
                acc[s as usize] += (mult[i] - 1.0) * (sp.reached() as f64 - 2.0);
            }
        },
    );
    let k = node_scale(n);
    raw.into_iter().map(|x| x * k).collect()
}

/// Exact unweighted betweenness of the `n` view nodes over the group
/// incidence; same definition and normalisation as
/// [`betweenness`](super::betweenness) (NetworkX `normalized=True`).
///
/// `g` is the view's CSR (for degrees): degree-1 sources are folded into
/// their neighbour as in [`betweenness_csr`](super::betweenness_csr).
///
/// Time O(n·(2·Σ|g| + corrections)), i.e. O(n · `inc.cost()`); scratch
/// O(n + groups) per worker. Same bits for any thread count.
///
/// # Example
/// ```
/// use iuinet::algo::{betweenness_csr, betweenness_incidence};
/// use iuinet::view::{Csr, Incidence};
/// // one event {0, 1, 2} and a tie {2, 3}
/// let g = Csr::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (2, 3, 1.0)]).unwrap();
/// let inc = Incidence::from_groups(4, vec![0, 3, 5], vec![0, 1, 2, 2, 3]);
/// let b = betweenness_incidence(&inc, &g);
/// assert!((b[2] - betweenness_csr(&g, false)[2]).abs() < 1e-15);
/// assert!((b[2] - 2.0 / 3.0).abs() < 1e-15);
/// ```
pub fn betweenness_incidence(inc: &Incidence, g: &Csr) -> Vec<f64> {
    betweenness_incidence_with(inc, g, super::par::NO_PROGRESS)
}

/// [`betweenness_incidence`] with progress (nodes done, folded ones included).
pub fn betweenness_incidence_with(inc: &Incidence, g: &Csr, progress: Progress<'_>) -> Vec<f64> {
    let n = g.n();
    if inc.node_offsets.len() != n + 1 {
        return vec![0.0; n];
    }
    let (src0, mult) = fold_pendants(g);
    // Work on a copy relabelled for locality: members of a group get
    // nearby labels, so their state shares cache lines.
    let (inc, new_of) = relabel(inc, n);
    let inc = &inc;
    let src: Vec<u32> = src0.iter().map(|&v| new_of[v as usize]).collect();
    progress((n - src.len()) as u64);
    let raw = sum_over_sources(
        src.len(),
        n,
        progress,
        || IncScratch::new(inc, n),
        |sc, i, acc| {
            let s = src[i];
            sc.forward(inc, s);
            sc.backward(inc, acc, mult[i]);
            if mult[i] > 1.0 {
                acc[s as usize] += (mult[i] - 1.0) * (sc.order.len() as f64 - 2.0);
            }
        },
    );
    let k = node_scale(n);
    (0..n).map(|v| raw[new_of[v] as usize] * k).collect()
}
