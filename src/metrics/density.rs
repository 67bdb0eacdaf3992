//! Link density between groups of actors (the pan-regional reform's aim of
//! links across the 5+2 economic zones), and Krackhardt's E-I index.
//!
//! Conventions (on the collapsed view: each linked actor pair counted once,
//! however many links it has):
//! - Every actor of the view belongs to the groups given by its attribute
//!   (`--by region|kind|size_class|mini_cluster|complex`); actors with no
//!   value form the group `unknown`. For `mini_cluster` an actor in several
//!   mini clusters belongs to each.
//! - Cell (a, b), a ≤ b in group order: `linked_pairs` = linked pairs {u, v} with
//!   u ∈ a and v ∈ b (either way round; a pair counts once per cell);
//!   `possible_pairs` = possible such pairs of distinct actors: n(n−1)/2 within a
//!   group, n_a·n_b between groups, minus the pairs counted twice when the
//!   groups overlap (mini clusters): n_a·n_b − c − c(c−1)/2 with
//!   c = |a ∩ b|; `density` = linked_pairs / possible_pairs, null when possible_pairs = 0 (e.g. a
//!   one-member group with itself).
//! - A linked pair is **internal** (I) when its ends share a group (any
//!   shared mini cluster; two `unknown` actors are internal), else
//!   **external** (E). `cross_share` = E / (E + I);
//!   `ei_index` = (E − I) / (E + I) (Krackhardt & Stern 1988), from −1 (all
//!   links inside groups) to +1 (all across); null without links.
//! - Per group g: I_g = linked pairs with both ends in g, E_g = linked
//!   pairs with exactly one end in g; `ei_by_group[g]` = (E_g − I_g) /
//!   (E_g + I_g), null when g has no link.

use super::common::{UNKNOWN, ratio};
use crate::model::Network;
use crate::view::View;
use serde::Serialize;
use std::collections::BTreeMap;

crate::names! {
    /// The actor attribute that defines the groups.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum By("attribute") {
        /// `region`.
        #[default]
        Region = "region",
        /// `kind`.
        Kind = "kind",
        /// Firm `size_class` (non-firms without a class are `unknown`).
        SizeClass = "size_class",
        /// `mini_clusters` (an actor may be in several).
        MiniCluster = "mini_cluster",
        /// `complex`.
        Complex = "complex",
    }
}

/// A group and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupSize {
    /// Attribute value, or `unknown`.
    pub name: String,
    /// Actors of the view in the group.
    pub actors: u64,
}

/// One cell of the density matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// First group.
    pub a: String,
    /// Second group (equal to `a` on the diagonal).
    pub b: String,
    /// Linked actor pairs between (or within) the groups (`links` before 0.2).
    pub linked_pairs: u64,
    /// Possible pairs (`pairs` before 0.2).
    pub possible_pairs: u64,
    /// linked_pairs / possible_pairs; null when possible_pairs = 0.
    pub density: Option<f64>,
}

/// The density report (`iuinet density --format json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Density {
    /// The attribute.
    pub by: By,
    /// Groups, by name, `unknown` last.
    pub groups: Vec<GroupSize>,
    /// Every pair of groups a ≤ b (row-major over `groups`).
    pub cells: Vec<Cell>,
    /// external / links (0–1); null without links.
    pub cross_share: Option<f64>,
    /// (E − I) / (E + I) over all linked pairs, −1 … +1; null without links.
    pub ei_index: Option<f64>,
    /// Per group: (E_g − I_g) / (E_g + I_g); null when the group has no link.
    pub ei_by_group: BTreeMap<String, Option<f64>>,
    /// Linked actor pairs in the view (`links` before 0.2).
    pub linked_pairs: u64,
    /// Linked pairs whose ends share no group.
    pub external: u64,
    /// Linked pairs whose ends share a group.
    pub internal: u64,
}

fn groups_of(net: &Network, a: u32, by: By) -> Vec<String> {
    let x = net.actor(a);
    let one = |v: Option<String>| vec![v.unwrap_or_else(|| UNKNOWN.into())];
    match by {
        By::Region => one(x.region.clone()),
        By::Complex => one(x.complex.clone()),
        By::Kind => vec![x.kind.to_string()],
        By::SizeClass => one(x.size_class.map(|c| c.to_string())),
        By::MiniCluster => {
            let mut v = x.mini_clusters.clone();
            v.sort();
            v.dedup();
            if v.is_empty() {
                v.push(UNKNOWN.into());
            }
            v
        }
    }
}

/// Krackhardt's E-I index (E − I) / (E + I) of E external and I internal
/// linked pairs; null without links.
pub fn ei_index(e: u64, i: u64) -> Option<f64> {
    ratio(e as f64 - i as f64, (e + i) as f64)
}

/// Possible pairs of distinct actors within a group of `n`: n(n−1)/2.
pub fn pairs_within(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Compute the density report of a built view.
///
/// Time O(n·k + m·k²) for n nodes, m collapsed edges and k groups per actor
/// (1 except for mini clusters), plus O(G²) for the G×G cells.
pub fn density(net: &Network, view: &View, by: By) -> Density {
    // group names, sorted, unknown last
    let per_node: Vec<Vec<String>> = view.actors.iter().map(|&a| groups_of(net, a, by)).collect();
    let mut names: Vec<String> = per_node.iter().flatten().cloned().collect();
    names.sort();
    names.dedup();
    if let Some(p) = names.iter().position(|n| n == UNKNOWN) {
        let u = names.remove(p);
        names.push(u);
    }
    let ix: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let node_groups: Vec<Vec<usize>> = per_node
        .iter()
        .map(|v| {
            let mut g: Vec<usize> = v.iter().map(|n| ix[n.as_str()]).collect();
            g.sort_unstable();
            g
        })
        .collect();
    let k = names.len();
    let mut size = vec![0u64; k];
    let mut overlap = vec![0u64; k * k]; // c(a, b), a < b
    for g in &node_groups {
        for (i, &a) in g.iter().enumerate() {
            size[a] += 1;
            for &b in &g[i + 1..] {
                overlap[a * k + b] += 1;
            }
        }
    }
    let mut links = vec![0u64; k * k];
    let mut int_g = vec![0u64; k];
    let mut ext_g = vec![0u64; k];
    let (mut total, mut internal) = (0u64, 0u64);
    let mut cells_of_pair: Vec<usize> = Vec::new();
    let csr = &view.csr;
    for u in 0..view.n() as u32 {
        for &v in csr.neighbors(u) {
            if v <= u {
                continue;
            }
            total += 1;
            let (gu, gv) = (&node_groups[u as usize], &node_groups[v as usize]);
            cells_of_pair.clear();
            for &a in gu {
                for &b in gv {
                    cells_of_pair.push(a.min(b) * k + a.max(b));
                }
            }
            cells_of_pair.sort_unstable();
            cells_of_pair.dedup();
            for &c in &cells_of_pair {
                links[c] += 1;
            }
            let shares = gu.iter().any(|a| gv.binary_search(a).is_ok());
            internal += u64::from(shares);
            // per group: both ends in g → internal to g; exactly one → external
            for &a in gu {
                if gv.binary_search(&a).is_ok() {
                    int_g[a] += 1;
                } else {
                    ext_g[a] += 1;
                }
            }
            for &b in gv {
                if gu.binary_search(&b).is_err() {
                    ext_g[b] += 1;
                }
            }
        }
    }
    let mut cells = Vec::with_capacity(k * (k + 1) / 2);
    for a in 0..k {
        for b in a..k {
            let pairs = if a == b {
                pairs_within(size[a])
            } else {
                let c = overlap[a * k + b];
                size[a] * size[b] - c - c * c.saturating_sub(1) / 2
            };
            let l = links[a * k + b];
            cells.push(Cell {
                a: names[a].clone(),
                b: names[b].clone(),
                linked_pairs: l,
                possible_pairs: pairs,
                density: ratio(l as f64, pairs as f64),
            });
        }
    }
    let external = total - internal;
    let ei = ei_index;
    Density {
        by,
        groups: names
            .iter()
            .zip(&size)
            .map(|(n, &s)| GroupSize {
                name: n.clone(),
                actors: s,
            })
            .collect(),
        cells,
        cross_share: ratio(external as f64, total as f64),
        ei_index: ei(external, internal),
        ei_by_group: names
            .iter()
            .enumerate()
            .map(|(g, n)| (n.clone(), ei(ext_g[g], int_g[g])))
            .collect(),
        linked_pairs: total,
        external,
        internal,
    }
}
