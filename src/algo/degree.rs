//! Degree and strength.

use crate::view::Csr;

/// Number of distinct neighbours of every node (NetworkX `G.degree()` on the
/// simple view; not normalised). Time O(n).
///
/// # Example
/// ```
/// use iuinet::algo::degree;
/// use iuinet::view::Csr;
/// let g = Csr::from_edges(3, &[(0, 1, 2.0), (0, 2, 1.0)]).unwrap();
/// assert_eq!(degree(&g), vec![2, 1, 1]);
/// ```
pub fn degree(g: &Csr) -> Vec<u32> {
    (0..g.n() as u32).map(|v| g.degree(v) as u32).collect()
}

/// Sum of edge weights of every node (NetworkX `G.degree(weight=…)`),
/// summed in neighbour order; equals the degree in an unweighted view.
/// Time O(n + m).
///
/// # Example
/// ```
/// use iuinet::algo::strength;
/// use iuinet::view::Csr;
/// let g = Csr::from_edges(3, &[(0, 1, 2.0), (0, 2, 1.0)]).unwrap();
/// assert_eq!(strength(&g), vec![3.0, 2.0, 1.0]);
/// ```
pub fn strength(g: &Csr) -> Vec<f64> {
    (0..g.n() as u32)
        .map(|v| g.weights_of(v).iter().sum())
        .collect()
}
