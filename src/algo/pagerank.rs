//! PageRank.

use crate::view::Csr;
use rayon::prelude::*;

/// Damping factor.
pub const PAGERANK_ALPHA: f64 = 0.85;
/// Convergence threshold on the L1 change between iterates.
pub const PAGERANK_TOL: f64 = 1e-12;
/// Most iterations before giving up (the last iterate is returned).
pub const PAGERANK_MAX_ITER: usize = 10_000;

/// PageRank with damping α = 0.85, weight-aware, as NetworkX `pagerank`:
/// each node passes its score to its neighbours in proportion to edge
/// weight; nodes with zero strength (isolated) spread theirs uniformly;
/// teleport is uniform. Iterates from the uniform vector until the L1 change
/// is below 1e-12. Scores sum to 1.
///
/// Time O(m) per iteration; O(n + m) extra space. Bits do not depend on the
/// thread count (each entry is a pull over its neighbours in CSR order).
///
/// # Example
/// ```
/// use iuinet::algo::pagerank;
/// use iuinet::view::Csr;
/// let g = Csr::from_edges(3, &[(0, 1, 1.0), (0, 2, 1.0)]).unwrap();
/// let p = pagerank(&g);
/// assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12 && p[0] > p[1]);
/// ```
pub fn pagerank(g: &Csr) -> Vec<f64> {
    let n = g.n();
    if n == 0 {
        return vec![];
    }
    let nf = n as f64;
    let strength: Vec<f64> = (0..n as u32)
        .map(|v| g.weights_of(v).iter().sum())
        .collect();
    let dangling: Vec<u32> = (0..n as u32)
        .filter(|&v| strength[v as usize] == 0.0)
        .collect();
    // arc weight divided by the strength of its head (the sender)
    let share: Vec<f64> = (0..n as u32)
        .flat_map(|v| {
            g.neighbors(v)
                .iter()
                .zip(g.weights_of(v))
                .map(|(&w, &x)| {
                    let s = strength[w as usize];
                    if s > 0.0 { x / s } else { 0.0 }
                })
                .collect::<Vec<f64>>()
        })
        .collect();
    let mut x = vec![1.0 / nf; n];
    for _ in 0..PAGERANK_MAX_ITER {
        let dsum: f64 = dangling.iter().map(|&v| x[v as usize]).sum();
        let base = PAGERANK_ALPHA * dsum / nf + (1.0 - PAGERANK_ALPHA) / nf;
        let y: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(256)
            .map(|v| {
                let (a, b) = g.range(v as u32);
                let mut s = 0.0;
                for i in a..b {
                    s += x[g.targets[i] as usize] * share[i];
                }
                PAGERANK_ALPHA * s + base
            })
            .collect();
        let err: f64 = y.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = y;
        if err < PAGERANK_TOL {
            break;
        }
    }
    x
}
