//! Ego networks: the nodes within a few hops of an ego, and the subgraph
//! they induce.

use crate::error::Result;
use crate::view::Csr;

/// Nodes within `radius` hops of `ego` with their distance: the ego first
/// (distance 0), then by distance and node index. Time O(size of the ball
/// and its edges).
pub fn ego_ball(g: &Csr, ego: u32, radius: u32) -> Vec<(u32, u32)> {
    let mut out = vec![(ego, 0u32)];
    let mut seen = std::collections::BTreeSet::from([ego]);
    let mut frontier = vec![ego];
    for d in 1..=radius {
        let mut next: Vec<u32> = Vec::new();
        for &v in &frontier {
            for &u in g.neighbors(v) {
                if seen.insert(u) {
                    next.push(u);
                }
            }
        }
        next.sort_unstable();
        out.extend(next.iter().map(|&u| (u, d)));
        frontier = next;
    }
    out
}

/// The subgraph of `g` induced by `nodes` (distinct), with local ids in
/// the order given and the edge weights kept. Time O(Σ deg(nodes) log).
pub fn induced(g: &Csr, nodes: &[u32]) -> Result<Csr> {
    let local: std::collections::BTreeMap<u32, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, &v)| (v, i as u32))
        .collect();
    let mut edges = Vec::new();
    for (i, &v) in nodes.iter().enumerate() {
        let (a, b) = g.range(v);
        for arc in a..b {
            if let Some(&j) = local.get(&g.targets[arc])
                && (i as u32) < j
            {
                edges.push((i as u32, j, g.weights[arc]));
            }
        }
    }
    Csr::from_edges(nodes.len(), &edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path 0-1-2-3 plus 1-4: the ball of 1 with radius 1 is {1, 0, 2,
    /// 4}; radius 2 adds 3. The induced graph of {1, 0, 2} has 2 edges.
    #[test]
    fn path_ball() {
        let g = Csr::from_edges(5, &[(0, 1, 1.0), (1, 2, 2.0), (2, 3, 1.0), (1, 4, 1.0)]).unwrap();
        assert_eq!(ego_ball(&g, 1, 1), vec![(1, 0), (0, 1), (2, 1), (4, 1)]);
        assert_eq!(ego_ball(&g, 1, 2).last(), Some(&(3, 2)));
        let s = induced(&g, &[1, 0, 2]).unwrap();
        assert_eq!(s.m(), 2);
        assert_eq!(s.weight(0, 2), Some(2.0));
    }
}
