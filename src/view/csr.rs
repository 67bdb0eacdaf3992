//! Compressed sparse rows over `u32` node indices, and the group incidence.

use crate::error::{Error, Result};

/// A symmetric weighted adjacency in CSR form: the neighbours of `v` are
/// `targets[offsets[v]..offsets[v+1]]`, sorted ascending, with the matching
/// `weights`. Each undirected edge appears twice (once per end).
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    /// Row starts, length n+1.
    pub offsets: Vec<u32>,
    /// Neighbour of each arc.
    pub targets: Vec<u32>,
    /// Weight of each arc (> 0 unless a zero tie weight was given).
    pub weights: Vec<f64>,
}

impl Csr {
    /// Build from unique pairs `(a, b, weight, multiplicity)` with a < b,
    /// sorted by (a, b). Returns the CSR and the multiplicity of each arc.
    pub fn from_sorted_pairs(n: usize, pairs: &[(u32, u32, f64, u32)]) -> Result<(Csr, Vec<u32>)> {
        let arcs = pairs.len() * 2;
        if arcs > u32::MAX as usize || n >= u32::MAX as usize {
            return Err(Error::Usage(format!(
                "the view has {n} nodes and {arcs} arcs, more than u32 indices hold; select fewer layers or years"
            )));
        }
        let mut deg = vec![0u32; n + 1];
        for &(a, b, _, _) in pairs {
            deg[a as usize + 1] += 1;
            deg[b as usize + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let offsets = deg;
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut targets = vec![0u32; arcs];
        let mut weights = vec![0f64; arcs];
        let mut mult = vec![0u32; arcs];
        for &(a, b, w, k) in pairs {
            let ia = fill[a as usize] as usize;
            targets[ia] = b;
            weights[ia] = w;
            mult[ia] = k;
            fill[a as usize] += 1;
            let ib = fill[b as usize] as usize;
            targets[ib] = a;
            weights[ib] = w;
            mult[ib] = k;
            fill[b as usize] += 1;
        }
        Ok((
            Csr {
                offsets,
                targets,
                weights,
            },
            mult,
        ))
    }

    /// Build from an arbitrary undirected edge list (duplicates summed, self
    /// loops dropped). Convenient for tests and generated graphs.
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Result<Csr> {
        let mut p: Vec<(u32, u32, f64)> = edges
            .iter()
            .filter(|e| e.0 != e.1)
            .map(|&(a, b, w)| (a.min(b), a.max(b), w))
            .collect();
        p.sort_by_key(|e| (e.0, e.1));
        let mut u: Vec<(u32, u32, f64, u32)> = Vec::with_capacity(p.len());
        for (a, b, w) in p {
            match u.last_mut() {
                Some(e) if e.0 == a && e.1 == b => {
                    e.2 += w;
                    e.3 += 1;
                }
                _ => u.push((a, b, w, 1)),
            }
        }
        Ok(Csr::from_sorted_pairs(n, &u)?.0)
    }

    /// [`Csr::from_edges`] of an unweighted edge list: every pair a link of
    /// weight 1.
    pub fn from_pairs(n: usize, pairs: &[(u32, u32)]) -> Result<Csr> {
        let edges: Vec<(u32, u32, f64)> = pairs.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        Csr::from_edges(n, &edges)
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of undirected edges.
    pub fn m(&self) -> usize {
        self.targets.len() / 2
    }

    /// Neighbours of `v`, ascending.
    pub fn neighbors(&self, v: u32) -> &[u32] {
        let (a, b) = self.range(v);
        &self.targets[a..b]
    }

    /// Weights of the arcs out of `v`, aligned with `neighbors(v)`.
    pub fn weights_of(&self, v: u32) -> &[f64] {
        let (a, b) = self.range(v);
        &self.weights[a..b]
    }

    /// Number of distinct neighbours of `v`.
    pub fn degree(&self, v: u32) -> usize {
        let (a, b) = self.range(v);
        b - a
    }

    /// The arc index range of `v`.
    pub fn range(&self, v: u32) -> (usize, usize) {
        (
            self.offsets[v as usize] as usize,
            self.offsets[v as usize + 1] as usize,
        )
    }

    /// The weight of edge {u, v}, if present (binary search).
    pub fn weight(&self, u: u32, v: u32) -> Option<f64> {
        let (a, _) = self.range(u);
        self.neighbors(u)
            .binary_search(&v)
            .ok()
            .map(|i| self.weights[a + i])
    }
}

/// Group incidence of a view: every selected event and project, and every
/// tie as a group of two, over view nodes (groups with fewer than two
/// selected members are left out). Pairs that share k ≥ 2 groups are listed
/// in `corrections` with k − 1, so that an algorithm walking groups can
/// subtract the over-count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Incidence {
    /// Group member starts, length G+1.
    pub group_offsets: Vec<u32>,
    /// Members of each group (view nodes).
    pub group_members: Vec<u32>,
    /// Node starts into `node_groups`, length n+1.
    pub node_offsets: Vec<u32>,
    /// Groups of each node, ascending.
    pub node_groups: Vec<u32>,
    /// Node starts into `corr_targets`, length n+1.
    pub corr_offsets: Vec<u32>,
    /// For each node, the neighbours it shares ≥ 2 groups with, ascending.
    pub corr_targets: Vec<u32>,
    /// k − 1 for each entry of `corr_targets`.
    pub corr_extra: Vec<u32>,
}

impl Incidence {
    /// The incidence of flattened groups (`group_offsets`, `group_members`;
    /// every group with ≥ 2 members), without corrections. Time O(n + Σ |g|).
    pub fn from_groups(n: usize, group_offsets: Vec<u32>, group_members: Vec<u32>) -> Incidence {
        let mut count = vec![0u32; n + 1];
        for &v in &group_members {
            count[v as usize + 1] += 1;
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let node_offsets = count;
        let mut fill = node_offsets[..n].to_vec();
        let mut node_groups = vec![0u32; group_members.len()];
        for gi in 0..group_offsets.len() - 1 {
            for &v in &group_members[group_offsets[gi] as usize..group_offsets[gi + 1] as usize] {
                node_groups[fill[v as usize] as usize] = gi as u32;
                fill[v as usize] += 1;
            }
        }
        Incidence {
            group_offsets,
            group_members,
            node_offsets,
            node_groups,
            corr_offsets: vec![0; n + 1],
            corr_targets: Vec::new(),
            corr_extra: Vec::new(),
        }
    }

    /// Number of groups.
    pub fn groups(&self) -> usize {
        self.group_offsets.len() - 1
    }

    /// Members of group `g`.
    pub fn members(&self, g: u32) -> &[u32] {
        &self.group_members
            [self.group_offsets[g as usize] as usize..self.group_offsets[g as usize + 1] as usize]
    }

    /// Groups of node `v`.
    pub fn groups_of(&self, v: u32) -> &[u32] {
        &self.node_groups
            [self.node_offsets[v as usize] as usize..self.node_offsets[v as usize + 1] as usize]
    }

    /// Corrections at node `v`: (neighbour, k − 1) pairs.
    pub fn corrections_of(&self, v: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let (a, b) = (
            self.corr_offsets[v as usize] as usize,
            self.corr_offsets[v as usize + 1] as usize,
        );
        self.corr_targets[a..b]
            .iter()
            .copied()
            .zip(self.corr_extra[a..b].iter().copied())
    }

    /// Traversal cost of one BFS over the incidence: Σ group sizes (twice:
    /// node → group and group → node) plus corrections.
    pub fn cost(&self) -> usize {
        2 * self.group_members.len() + self.corr_targets.len()
    }
}
