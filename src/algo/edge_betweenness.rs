//! Exact edge betweenness (Brandes 2001, edge variant).

use super::par::{NO_PROGRESS, sum_over_blocks, sum_over_sources};
use super::paths::{BATCH, Batched, Sssp, accumulate, lengths, locality};
use crate::view::Csr;

/// One edge's betweenness.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeScore {
    /// Smaller end (view node).
    pub a: u32,
    /// Larger end (view node).
    pub b: u32,
    /// Normalised betweenness.
    pub value: f64,
}

/// Betweenness of every edge {a, b} (a < b), in CSR order of (a, b).
///
/// e(a,b) = Σ_{s<t} σ_st(a,b)/σ_st over unordered pairs, divided by
/// n(n−1)/2 as `networkx.edge_betweenness_centrality(normalized=True)` on an
/// undirected graph (n < 2: zeros). Weighted paths as
/// [`betweenness_csr`](super::betweenness_csr).
///
/// Unweighted, sources run in batches of 64 through the batched Brandes
/// kernel (shared frontier, per-lane σ and δ) on the graph renumbered in
/// breadth-first order; weighted, one Dijkstra per source. The batched sums differ from one-source-at-a-time Brandes only
/// in the last bits.
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; O(64·n + m) per worker
/// plus one 2m-vector per source block in flight.
///
/// # Example
/// ```
/// use iuinet::algo::edge_betweenness;
/// use iuinet::view::Csr;
/// // the path 0 – 1 – 2: each edge lies on 2 of the 3 shortest paths
/// let g = Csr::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]).unwrap();
/// let e = edge_betweenness(&g, false);
/// assert_eq!((e[0].a, e[0].b), (0, 1));
/// assert!((e[0].value - 2.0 / 3.0).abs() < 1e-15);
/// ```
pub fn edge_betweenness(g: &Csr, weighted: bool) -> Vec<EdgeScore> {
    let n = g.n();
    let len = weighted.then(|| lengths(g));
    let arcs = g.targets.len();
    let raw = if weighted {
        sum_over_sources(
            n,
            arcs,
            NO_PROGRESS,
            || (Sssp::new(g), vec![0.0; n]),
            |(sp, node), s, acc| {
                sp.run(g, s as u32, len.as_deref());
                accumulate(g, sp, s as u32, node, Some(acc), 1.0);
            },
        )
    } else {
        // on the breadth-first renumbering (see `paths::locality`), arcs
        // mapped back below
        let ones = [1.0; BATCH];
        let re = locality(g);
        let h = &re.g;
        let raw_new = sum_over_blocks(
            n,
            BATCH,
            arcs,
            NO_PROGRESS,
            || (Batched::new(n), vec![0.0; n]),
            |(b, node), r, acc| {
                let src: Vec<u32> = r.map(|v| v as u32).collect();
                let span = re.span(src[0], src[src.len() - 1]);
                b.run(h, &src, &ones[..src.len()], node, Some(acc), span);
            },
        );
        let mut raw = vec![0.0; arcs];
        for v in 0..n as u32 {
            let nv = re.new_of[v as usize];
            let (a, b) = g.range(v);
            let (na, _) = h.range(nv);
            for (x, &w) in raw[a..b].iter_mut().zip(g.neighbors(v)) {
                let nw = re.new_of[w as usize];
                if let Ok(i) = h.neighbors(nv).binary_search(&nw) {
                    *x = raw_new[na + i];
                }
            }
        }
        raw
    };
    let k = if n < 2 {
        0.0
    } else {
        1.0 / (n as f64 * (n as f64 - 1.0))
    };
    let mut out = Vec::with_capacity(g.m());
    for v in 0..n as u32 {
        let (a, b) = g.range(v);
        for arc in a..b {
            let w = g.targets[arc];
            if v < w {
                // the reverse arc w → v
                let (ra, _) = g.range(w);
                let back = g
                    .neighbors(w)
                    .binary_search(&v)
                    .map_or(0.0, |i| raw[ra + i]);
                out.push(EdgeScore {
                    a: v,
                    b: w,
                    value: (raw[arc] + back) * k,
                });
            }
        }
    }
    out
}

/// The `top` edges by betweenness, highest first, ties by (a, b).
pub fn top_edges(mut e: Vec<EdgeScore>, top: usize) -> Vec<EdgeScore> {
    e.sort_by(|x, y| {
        y.value
            .total_cmp(&x.value)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    e.truncate(top);
    e
}
