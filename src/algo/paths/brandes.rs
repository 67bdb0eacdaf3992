//! Brandes' machinery shared by every betweenness kernel (Brandes 2001,
//! "A faster algorithm for betweenness centrality", J. Math. Sociol. 25):
//! the choice of traversal, the normalisation, folding of degree-1 sources
//! and the dependency accumulation over an [`Sssp`] result.

use super::sssp::Sssp;
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

/// How many times cheaper, per arc, the batched CSR Brandes is than the
/// group-incidence Brandes per unit of [`Incidence::cost`]: the batched
/// kernel pays one AND per arc for 64 sources off the shortest-path DAGs,
/// the incidence kernel a scalar step per member per source. Measured on
/// the generated 5k-actor view (cost 28,962 against 2m = 123,418): batched
/// CSR 10.2 s, incidence 17.6 s on one thread, i.e. 1.7× faster at 4.3×
/// the cost units, so a factor of about 7; 8 is used.
///
/// [`Incidence::cost`]: crate::view::Incidence::cost
pub const BATCHED_ADVANTAGE: usize = 8;

/// The cheaper traversal for unweighted betweenness over `view`: the
/// incidence when `BATCHED_ADVANTAGE · incidence.cost() < 2·m`, else the
/// batched CSR kernel. Weighted measures always use the CSR; unweighted
/// distance-only measures (closeness, harmonic) always use the CSR
/// multi-source BFS.
pub fn traversal(view: &View) -> Traversal {
    let inc = &view.incidence;
    if inc.node_offsets.len() == view.csr.n() + 1
        && BATCHED_ADVANTAGE * inc.cost() < 2 * view.csr.m()
    {
        Traversal::Incidence
    } else {
        Traversal::Csr
    }
}

/// Whether a view's weighting makes path lengths weighted.
pub fn is_weighted(view: &View) -> bool {
    view.opts.weight != crate::view::Weighting::None
        && view.opts.paths == crate::view::PathLength::Weight
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
