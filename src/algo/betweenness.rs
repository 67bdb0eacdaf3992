//! Exact betweenness (Brandes 2001) over the CSR, and the automatic choice
//! between the CSR and the group incidence.

use super::Progress;
use super::par::sum_over_sources;
use super::sssp::{Sssp, lengths};
use crate::view::{Csr, View};

/// Which representation a BFS-based measure walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Traversal {
    /// The collapsed adjacency (2m arcs per traversal).
    Csr,
    /// The group incidence (Σ group sizes + corrections per traversal).
    Incidence,
}

/// The cheaper traversal for unweighted BFS over `view`: the incidence when
/// `incidence.cost() < 2·m`, else the CSR. Weighted measures always use the CSR.
pub fn traversal(view: &View) -> Traversal {
    let inc = &view.incidence;
    if inc.node_offsets.len() == view.csr.n() + 1 && inc.cost() < 2 * view.csr.m() {
        Traversal::Incidence
    } else {
        Traversal::Csr
    }
}

/// Whether a view's weighting makes path lengths weighted.
pub fn is_weighted(view: &View) -> bool {
    view.opts.weight != crate::view::Weighting::None
}

/// NetworkX's `normalized=True` scale for undirected node betweenness of a
/// sum over *ordered* source–target pairs: 1/((n−1)(n−2)); 0 for n < 3.
pub(crate) fn node_scale(n: usize) -> f64 {
    if n < 3 {
        0.0
    } else {
        1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0))
    }
}

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
    betweenness_with(view, super::NO_PROGRESS)
}

/// [`betweenness`], telling `progress` how many of the n nodes are done.
pub fn betweenness_with(view: &View, progress: Progress<'_>) -> Vec<f64> {
    if is_weighted(view) {
        betweenness_csr_with(&view.csr, true, progress)
    } else {
        match traversal(view) {
            Traversal::Incidence => super::incidence_betweenness::betweenness_incidence_with(
                &view.incidence,
                &view.csr,
                progress,
            ),
            Traversal::Csr => betweenness_csr_with(&view.csr, false, progress),
        }
    }
}

/// Sources after folding degree-1 nodes, with their multiplicities.
///
/// A node u of degree 1 whose neighbour x has degree > 1 is not run as a
/// source: every shortest path from u is u–x followed by a shortest path
/// from x, so δ_u(y) = δ_x(y) for y ∉ {u, x} (u lies on no path between
/// others), and δ_u(x) = r − 2 with r the nodes x reaches. x is run with
/// multiplicity c = 1 + its folded neighbours. Exact, weighted or not
/// (edges of non-positive weight are never folded).
pub(crate) fn fold_pendants(g: &Csr) -> (Vec<u32>, Vec<f64>) {
    let n = g.n();
    let mut mult = vec![1.0f64; n];
    let mut keep = vec![true; n];
    for u in 0..n as u32 {
        let (a, _) = g.range(u);
        if g.degree(u) == 1 && g.weights[a] > 0.0 && g.weights[a].is_finite() {
            let x = g.neighbors(u)[0];
            if g.degree(x) > 1 {
                keep[u as usize] = false;
                mult[x as usize] += 1.0;
            }
        }
    }
    let src: Vec<u32> = (0..n as u32).filter(|&v| keep[v as usize]).collect();
    let m: Vec<f64> = src.iter().map(|&v| mult[v as usize]).collect();
    (src, m)
}

/// Exact Brandes betweenness over a CSR, normalised as [`betweenness`].
/// `weighted` selects Dijkstra on lengths 1/weight; otherwise BFS.
/// Degree-1 sources are folded into their neighbour (see `fold_pendants`).
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) per worker.
pub fn betweenness_csr(g: &Csr, weighted: bool) -> Vec<f64> {
    betweenness_csr_with(g, weighted, super::NO_PROGRESS)
}

/// [`betweenness_csr`] with progress (nodes done, folded ones included).
pub fn betweenness_csr_with(g: &Csr, weighted: bool, progress: Progress<'_>) -> Vec<f64> {
    let n = g.n();
    let len = weighted.then(|| lengths(g));
    let (src, mult) = fold_pendants(g);
    progress((n - src.len()) as u64);
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

/// Brandes' dependency pass for one source: adds `mult`·δ_s(v) to `node[v]` for
/// v ≠ s, and the pair dependency through each arc to `arcs[arc]`.
pub(crate) fn accumulate(
    g: &Csr,
    sp: &mut Sssp,
    s: u32,
    node: &mut [f64],
    mut arcs: Option<&mut [f64]>,
    mult: f64,
) {
    for i in (0..sp.order.len()).rev() {
        let w = sp.order[i];
        let wu = w as usize;
        let coef = (1.0 + sp.delta[wu]) / sp.sigma[wu];
        let (a, b) = (
            g.offsets[wu] as usize,
            g.offsets[wu] as usize + sp.npred[wu] as usize,
        );
        for slot in a..b {
            let v = sp.pred[slot] as usize;
            let c = sp.sigma[v] * coef;
            sp.delta[v] += c;
            if let Some(e) = arcs.as_deref_mut() {
                e[sp.pred_arc[slot] as usize] += c;
            }
        }
        if w != s {
            node[wu] += mult * sp.delta[wu];
        }
    }
}
