//! Analysis views: a selection of the network (layers, years, kinds) turned
//! into a simple weighted graph in CSR form with `u32` node indices, plus the
//! group incidence that fast unweighted algorithms use instead of the
//! clique-expanded edges.
//!
//! Conventions: parallel links collapse to one edge whose weight depends on
//! the [`Weighting`]; self-links are dropped; actors with no link in the
//! selection stay in the view as isolated nodes.

mod csr;
mod links;
mod selection;

pub use csr::{Csr, Incidence};
pub use links::{PairLinks, pair_links};
pub use selection::{Selection, Weighting, YearRange};

use crate::error::{Error, Result};
use crate::model::{ActorIx, Layer, Network};
use rayon::prelude::*;
use serde::Serialize;

/// Default limit on the members of a group whose pairs a view lists.
pub const DEFAULT_MAX_GROUP_SIZE: usize = 500;

/// How to build a view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewOpts {
    /// Which links and actors to keep.
    #[serde(flatten)]
    pub selection: Selection,
    /// How parallel links become one weight.
    pub weight: Weighting,
    /// Largest group (selected members) that may be expanded into pairs.
    pub max_group_size: usize,
}

impl Default for ViewOpts {
    fn default() -> ViewOpts {
        ViewOpts {
            selection: Selection::default(),
            weight: Weighting::None,
            max_group_size: DEFAULT_MAX_GROUP_SIZE,
        }
    }
}

/// A simple-graph view of a network.
#[derive(Debug, Clone)]
pub struct View {
    /// How it was built.
    pub opts: ViewOpts,
    /// View node → actor index in the network.
    pub actors: Vec<ActorIx>,
    /// The collapsed, weighted, symmetric adjacency.
    pub csr: Csr,
    /// Groups (selected events, projects, and each tie as a group of two)
    /// over view nodes, with the pair corrections for pairs sharing ≥ 2 groups.
    pub incidence: Incidence,
    /// Number of links (cases, parallel links counted) behind each CSR arc,
    /// aligned with `csr.targets`.
    pub multiplicity: Vec<u32>,
}

impl View {
    /// Build a view of `net`.
    ///
    /// Time O(P + Σ s_g² + m log m) for P participations, selected group sizes
    /// s_g and m collapsed pairs; space O(Σ s_g²) while building.
    pub fn build(net: &Network, opts: &ViewOpts) -> Result<View> {
        let sel = &opts.selection;
        let na = net.actors.len();
        // actor -> view node
        let mut node_of = vec![u32::MAX; na];
        let mut actors = Vec::new();
        for (i, a) in net.actors.iter().enumerate() {
            if sel.keeps_kind(a.kind) {
                node_of[i] = actors.len() as u32;
                actors.push(i as ActorIx);
            }
        }
        // groups: selected members as view nodes, and the per-pair contribution
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let mut contrib: Vec<f64> = Vec::new();
        for g in &net.groups {
            if !sel.keeps_layer(g.layer) || !sel.keeps_year(g.year) {
                continue;
            }
            let members: Vec<u32> = g
                .members
                .iter()
                .map(|m| node_of[m.actor as usize])
                .filter(|&v| v != u32::MAX)
                .collect();
            if members.len() > opts.max_group_size {
                return Err(Error::GroupTooLarge {
                    layer: g.layer.as_str(),
                    group: g.id.clone(),
                    size: members.len(),
                    limit: opts.max_group_size,
                });
            }
            let w = match opts.weight {
                Weighting::None | Weighting::Sum => 1.0,
                Weighting::Newman => {
                    if g.size() > 1 {
                        1.0 / (g.size() as f64 - 1.0)
                    } else {
                        0.0
                    }
                }
            };
            groups.push(members);
            contrib.push(w);
        }
        if sel.keeps_layer(Layer::Tie) {
            for t in &net.ties {
                if !sel.keeps_year(t.year) {
                    continue;
                }
                let (a, b) = (node_of[t.source as usize], node_of[t.target as usize]);
                if a == u32::MAX || b == u32::MAX || a == b {
                    continue;
                }
                groups.push(vec![a, b]);
                contrib.push(match opts.weight {
                    Weighting::None => 1.0,
                    _ => t.weight,
                });
            }
        }
        // expand to pairs (a < b) in a fixed order, then sort stably
        let npairs: usize = groups
            .iter()
            .map(|g| g.len() * g.len().saturating_sub(1) / 2)
            .sum();
        let mut pairs: Vec<(u32, u32, f64)> = Vec::with_capacity(npairs);
        for (g, &w) in groups.iter().zip(&contrib) {
            for (i, &a) in g.iter().enumerate() {
                for &b in &g[i + 1..] {
                    if a != b {
                        pairs.push((a.min(b), a.max(b), w));
                    }
                }
            }
        }
        pairs.par_sort_by_key(|p| (p.0, p.1));
        // collapse: summed in the fixed order above, so bits do not depend on threads
        let mut edges: Vec<(u32, u32, f64, u32)> = Vec::new();
        for (a, b, w) in pairs {
            match edges.last_mut() {
                Some(e) if e.0 == a && e.1 == b => {
                    e.2 += w;
                    e.3 += 1;
                }
                _ => edges.push((a, b, w, 1)),
            }
        }
        if opts.weight == Weighting::None {
            for e in &mut edges {
                e.2 = 1.0;
            }
        }
        let n = actors.len();
        let (csr, multiplicity) = Csr::from_sorted_pairs(n, &edges)?;
        let incidence = Incidence::new(n, groups, &edges);
        Ok(View {
            opts: opts.clone(),
            actors,
            csr,
            incidence,
            multiplicity,
        })
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.actors.len()
    }

    /// The view node of an actor, if the actor is in the view.
    pub fn node_of(&self, a: ActorIx) -> Option<u32> {
        self.actors.binary_search(&a).ok().map(|i| i as u32)
    }
}
