//! k-core numbers.

use crate::view::Csr;

/// Core number of every node: the largest k such that the node belongs to
/// a subgraph where every node has degree ≥ k (NetworkX `core_number`;
/// weights ignored). Batagelj–Zaveršnik bucket algorithm.
///
/// Time O(n + m); O(n) extra space. Sequential.
///
/// # Example
/// ```
/// use iuinet::algo::core_number;
/// use iuinet::view::Csr;
/// // a triangle with a pendant
/// let g = Csr::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)]).unwrap();
/// assert_eq!(core_number(&g), vec![2, 2, 2, 1]);
/// ```
pub fn core_number(g: &Csr) -> Vec<u32> {
    let n = g.n();
    let mut deg: Vec<usize> = (0..n as u32).map(|v| g.degree(v)).collect();
    let maxd = deg.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; maxd + 2];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0u32; n];
    for v in 0..n {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v as u32;
        bin[deg[v]] += 1;
    }
    for d in (1..=maxd + 1).rev() {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for i in 0..n {
        let v = vert[i] as usize;
        for &u in g.neighbors(v as u32) {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw] as usize;
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w as u32;
                    pos[w] = pu;
                    vert[pw] = u as u32;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg.into_iter().map(|d| d as u32).collect()
}
