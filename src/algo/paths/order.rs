//! Cache-friendly node order for the bit-parallel kernels.
//!
//! The batched kernels keep 64–256 lanes of state per node (σ and δ rows
//! of 512 bytes each in batched Brandes, 32 bytes of bits in the
//! multi-source BFS), and every step reads the rows of a node's
//! neighbours. In the order nodes arrive from a dataset those rows are
//! scattered over megabytes, and most reads miss the caches. Renumbering
//! the nodes in breadth-first order puts neighbours at nearby numbers, so
//! their rows share pages and cache lines: on the generated 5k- and
//! 20k-actor graphs this alone made batched Brandes 2.7× and the
//! multi-source BFS 2.4× faster on one thread.
//!
//! The order: components from their highest-degree node (ties by number);
//! within a BFS, the unvisited neighbours of each node in decreasing
//! degree (ties by number). It depends on the graph only, so results
//! computed on the renumbered graph and mapped back are reproducible.

use crate::view::Csr;

/// A graph renumbered by [`locality`]: `g` has node `new_of[v]` for each
/// node v of the original, neighbours ascending in the new numbers.
pub(crate) struct Relabelled {
    /// The renumbered adjacency, without weights (`weights` is empty): only
    /// the unweighted kernels use it.
    pub g: Csr,
    /// New number of each original node.
    pub new_of: Vec<u32>,
    /// First new number of each component (components are consecutive
    /// ranges of new numbers), then n.
    pub comp: Vec<u32>,
}

impl Relabelled {
    /// `x[new_of[v]]` for every original node v, in original order.
    pub(crate) fn back<T: Copy>(&self, x: &[T]) -> Vec<T> {
        self.new_of.iter().map(|&i| x[i as usize]).collect()
    }

    /// The new numbers of the components holding new numbers `lo..=hi`
    /// (`lo ≤ hi`): every node a traversal from one of them can reach.
    pub(crate) fn span(&self, lo: u32, hi: u32) -> std::ops::Range<usize> {
        let first = self.comp.partition_point(|&c| c <= lo) - 1;
        let last = self.comp.partition_point(|&c| c <= hi);
        self.comp[first] as usize..self.comp[last] as usize
    }
}

/// `g` renumbered in breadth-first order (see the module docs).
///
/// Time O(n log n + m log Δ); memory one copy of the arcs (4 bytes each)
/// and O(n).
pub(crate) fn locality(g: &Csr) -> Relabelled {
    let n = g.n();
    let by_degree = |v: &u32| (std::cmp::Reverse(g.degree(*v)), *v);
    let mut roots: Vec<u32> = (0..n as u32).collect();
    roots.sort_unstable_by_key(by_degree);
    let mut new_of = vec![u32::MAX; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut fresh: Vec<u32> = Vec::new();
    let mut comp = Vec::new();
    for &root in &roots {
        if new_of[root as usize] != u32::MAX {
            continue;
        }
        comp.push(order.len() as u32);
        new_of[root as usize] = order.len() as u32;
        order.push(root);
        let mut head = order.len() - 1;
        while head < order.len() {
            let u = order[head];
            head += 1;
            fresh.clear();
            fresh.extend(
                g.neighbors(u)
                    .iter()
                    .copied()
                    .filter(|&v| new_of[v as usize] == u32::MAX),
            );
            fresh.sort_unstable_by_key(by_degree);
            for &v in &fresh {
                new_of[v as usize] = order.len() as u32;
                order.push(v);
            }
        }
    }
    comp.push(n as u32);
    let mut offsets = Vec::with_capacity(n + 1);
    let mut targets = Vec::with_capacity(g.targets.len());
    offsets.push(0u32);
    for &v in &order {
        let start = targets.len();
        targets.extend(g.neighbors(v).iter().map(|&u| new_of[u as usize]));
        targets[start..].sort_unstable();
        offsets.push(targets.len() as u32);
    }
    Relabelled {
        g: Csr {
            offsets,
            targets,
            weights: Vec::new(),
        },
        new_of,
        comp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadth_first_from_the_hub_and_arcs_kept() {
        // a path 0 – 1 – 2 – 3 plus 1 – 4: node 1 has the highest degree
        let g = Csr::from_edges(6, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (1, 4, 1.0)]).unwrap();
        let r = locality(&g);
        // 1 first; its neighbours by degree (2 has degree 2), then by
        // number (0, 4); then 3 from 2; the isolated node 5 last
        assert_eq!(r.new_of, vec![2, 0, 1, 4, 3, 5]);
        for v in 0..6u32 {
            let mut want: Vec<u32> = g
                .neighbors(v)
                .iter()
                .map(|&u| r.new_of[u as usize])
                .collect();
            want.sort_unstable();
            assert_eq!(r.g.neighbors(r.new_of[v as usize]), &want[..]);
        }
        assert_eq!(
            r.back(&[10, 11, 12, 13, 14, 15]),
            vec![12, 10, 11, 14, 13, 15]
        );
        // two components: new numbers 0..5 and 5..6
        assert_eq!(r.comp, vec![0, 5, 6]);
        assert_eq!(r.span(0, 0), 0..5);
        assert_eq!(r.span(4, 4), 0..5);
        assert_eq!(r.span(5, 5), 5..6);
        assert_eq!(r.span(3, 5), 0..6);
    }
}
