//! Exact betweenness (Brandes 2001) over the CSR, and the automatic choice
//! between the CSR and the group incidence.

use super::incidence_betweenness::betweenness_incidence;
use super::par::sum_over_sources;
use super::sssp::{Sssp, lengths};
use crate::view::{Csr, Incidence, View};

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
/// Same bits for any thread count (see [`par`](super::par)).
pub fn betweenness(view: &View) -> Vec<f64> {
    if is_weighted(view) {
        betweenness_csr(&view.csr, true)
    } else {
        match traversal(view) {
            Traversal::Incidence => betweenness_incidence(&view.incidence, view.n()),
            Traversal::Csr => betweenness_csr(&view.csr, false),
        }
    }
}

/// Exact Brandes betweenness over a CSR, normalised as [`betweenness`].
/// `weighted` selects Dijkstra on lengths 1/weight; otherwise BFS.
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) per worker.
pub fn betweenness_csr(g: &Csr, weighted: bool) -> Vec<f64> {
    let n = g.n();
    let len = weighted.then(|| lengths(g));
    let raw = sum_over_sources(
        n,
        n,
        || Sssp::new(g),
        |sp, s, acc| {
            sp.run(g, s as u32, len.as_deref());
            accumulate(g, sp, s as u32, acc, None);
        },
    );
    let k = node_scale(n);
    raw.into_iter().map(|x| x * k).collect()
}

/// Brandes' dependency pass for one source: adds δ_s(v) to `node[v]` for
/// v ≠ s, and the pair dependency through each arc to `arcs[arc]`.
pub(crate) fn accumulate(
    g: &Csr,
    sp: &mut Sssp,
    s: u32,
    node: &mut [f64],
    mut arcs: Option<&mut [f64]>,
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
            node[wu] += sp.delta[wu];
        }
    }
}

/// Sanity helper for callers holding only an incidence and a CSR.
pub(crate) fn incidence_matches(inc: &Incidence, g: &Csr) -> bool {
    inc.node_offsets.len() == g.n() + 1
}
