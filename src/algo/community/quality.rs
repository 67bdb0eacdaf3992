//! Quality functions of a partition: modularity and the Constant Potts Model.

use crate::view::Csr;
use serde::Serialize;

crate::names! {
    /// The quality function a partition is scored (and Leiden optimises) by.
    ///
    /// With `A_ij` the edge weight (1 when unweighted), `m = Σ_{i<j} A_ij`,
    /// `k_i` the (weighted) degree, `e_c` the weight of the edges inside
    /// community `c`, `K_c = Σ_{i∈c} k_i`, `n_c` its number of nodes and `γ`
    /// the resolution:
    ///
    /// * `Modularity`: `Q = Σ_c [ e_c / m − γ (K_c / 2m)² ]` (Newman 2006 with
    ///   a resolution as Reichardt & Bornholdt 2006; `γ = 1` is the classic
    ///   modularity, as igraph's `modularity(membership, weights, resolution)`
    ///   and NetworkX's `modularity(G, communities, resolution=γ)`). 0 when the
    ///   graph has no edge weight.
    /// * `Cpm`: `H = Σ_c [ e_c − γ · n_c (n_c − 1) / 2 ]`, the Constant Potts
    ///   Model as defined by Traag, Van Dooren & Nesterov (2011) and used by
    ///   the Leiden paper (leidenalg's `CPMVertexPartition.quality()`); `γ` is
    ///   the density a community must exceed. Not normalised: it grows with
    ///   the graph.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
    #[serde(rename_all = "lowercase")]
    pub enum Quality("quality function") {
        /// Modularity with a resolution parameter.
        #[default]
        Modularity = "modularity",
        /// The Constant Potts Model.
        Cpm = "cpm",
    }
}

/// The quality of `membership` (community id per node, any ids below
/// `membership.len()`) on `g`, by [`Quality`]'s definitions. `weighted`
/// false counts every edge as 1. Sums run over nodes and communities in
/// index order (same bits on every run). Time O(n + m).
///
/// # Panics
/// If `membership.len() != g.n()` or an id is ≥ `g.n()`.
pub fn quality(g: &Csr, membership: &[u32], q: Quality, resolution: f64, weighted: bool) -> f64 {
    let n = g.n();
    assert_eq!(membership.len(), n, "one community id per node");
    let mut inside = vec![0f64; n];
    let mut tot = vec![0f64; n];
    let mut size = vec![0u64; n];
    let mut m = 0f64;
    for v in 0..n as u32 {
        let c = membership[v as usize] as usize;
        size[c] += 1;
        let (a, b) = g.range(v);
        for i in a..b {
            let u = g.targets[i];
            let w = if weighted { g.weights[i] } else { 1.0 };
            tot[c] += w;
            if u > v {
                m += w;
                if membership[u as usize] as usize == c {
                    inside[c] += w;
                }
            }
        }
    }
    match q {
        Quality::Modularity => {
            if m == 0.0 {
                return 0.0;
            }
            let mut s = 0f64;
            for c in 0..n {
                if size[c] > 0 {
                    let k = tot[c] / (2.0 * m);
                    s += inside[c] / m - resolution * k * k;
                }
            }
            s
        }
        Quality::Cpm => {
            let mut s = 0f64;
            for c in 0..n {
                if size[c] > 0 {
                    let nc = size[c] as f64;
                    s += inside[c] - resolution * nc * (nc - 1.0) / 2.0;
                }
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles joined by one edge, split into the triangles:
    /// m = 7, e = 3 + 3, K = 7 + 7: Q = 6/7 − 2·(1/2)² = 0.357142…;
    /// CPM at γ = 0.5: 2·(3 − 0.5·3) = 3.
    #[test]
    fn two_triangles_by_hand() {
        let g = crate::algo::test_graphs::two_triangles();
        let p = [0, 0, 0, 1, 1, 1];
        let q = quality(&g, &p, Quality::Modularity, 1.0, true);
        assert!((q - (6.0 / 7.0 - 0.5)).abs() < 1e-15, "{q}");
        let h = quality(&g, &p, Quality::Cpm, 0.5, true);
        assert!((h - 3.0).abs() < 1e-15, "{h}");
        // all in one community: Q = 1 − 1 = 0
        let q1 = quality(&g, &[0; 6], Quality::Modularity, 1.0, true);
        assert!(q1.abs() < 1e-15);
    }
}
