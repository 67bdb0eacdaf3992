//! Eigenvector centrality by power iteration.

use crate::view::Csr;
use rayon::prelude::*;

/// Most power iterations before giving up (the last iterate is returned).
pub const EIGENVECTOR_MAX_ITER: usize = 10_000;

/// Eigenvector centrality: the principal eigenvector of the weighted
/// adjacency A, unit Euclidean norm, non-negative.
///
/// Power iteration on A + I from the uniform vector, as NetworkX
/// `eigenvector_centrality` (adding I leaves the eigenvectors unchanged and
/// makes bipartite graphs converge), until the L1 change is below n·1e-14
/// or [`EIGENVECTOR_MAX_ITER`] steps. For a disconnected graph the result
/// depends on the start vector, as in NetworkX. Edge weights are the view
/// weights (1 when unweighted).
///
/// Time O(m) per iteration; O(n) extra space. Each entry of an iterate is
/// computed by one thread from the previous iterate, so bits do not depend
/// on the thread count.
///
/// # Example
/// ```
/// use iuinet::algo::eigenvector;
/// use iuinet::view::Csr;
/// // a triangle: all equal, unit norm
/// let g = Csr::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]).unwrap();
/// let x = eigenvector(&g);
/// assert!(x.iter().all(|v| (v - 1.0 / 3f64.sqrt()).abs() < 1e-9));
/// ```
pub fn eigenvector(g: &Csr) -> Vec<f64> {
    let n = g.n();
    if n == 0 {
        return vec![];
    }
    let mut x = vec![1.0 / n as f64; n];
    let tol = n as f64 * 1e-14;
    for _ in 0..EIGENVECTOR_MAX_ITER {
        let mut y: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(256)
            .map(|v| {
                let (a, b) = g.range(v as u32);
                let mut s = x[v];
                for i in a..b {
                    s += g.weights[i] * x[g.targets[i] as usize];
                }
                s
            })
            .collect();
        let norm = y.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm > 0.0 { norm } else { 1.0 };
        let mut err = 0.0;
        for (yi, xi) in y.iter_mut().zip(&x) {
            *yi /= norm;
            err += (*yi - xi).abs();
        }
        x = y;
        if err < tol {
            break;
        }
    }
    x
}
