//! Degree and strength.

use crate::view::Csr;

/// Number of distinct neighbours of every node (NetworkX `G.degree()` on the
/// simple view; not normalised). Time O(n).
pub fn degree(g: &Csr) -> Vec<u32> {
    (0..g.n() as u32).map(|v| g.degree(v) as u32).collect()
}

/// Sum of edge weights of every node (NetworkX `G.degree(weight=…)`),
/// summed in neighbour order; equals the degree in an unweighted view.
/// Time O(n + m).
pub fn strength(g: &Csr) -> Vec<f64> {
    (0..g.n() as u32)
        .map(|v| g.weights_of(v).iter().sum())
        .collect()
}
