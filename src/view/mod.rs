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

pub use crate::model::YearRange;
pub use csr::{Csr, Incidence};
pub use links::{PairLinks, pair_links};
pub use selection::{PathLength, Record, Selection, Weighting};

use crate::error::{Error, Result};
use crate::model::{ActorIx, Network};
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
    /// Path measures on a weighted view: length 1/weight (default) or hops.
    #[serde(skip_serializing_if = "PathLength::is_weight")]
    pub paths: PathLength,
}

impl Default for ViewOpts {
    fn default() -> ViewOpts {
        ViewOpts {
            selection: Selection::default(),
            weight: Weighting::None,
            max_group_size: DEFAULT_MAX_GROUP_SIZE,
            paths: PathLength::Weight,
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
    /// Time O(P + Σ s_g² + m log k_max) for P participations, selected
    /// group sizes s_g, m collapsed pairs and largest degree k_max, in
    /// parallel over nodes; space O(P + m) plus O(n) per worker thread.
    pub fn build(net: &Network, opts: &ViewOpts) -> Result<View> {
        let (node_of, actors) = opts.selection.nodes(net);
        // groups (two or more selected members), then ties as groups of
        // two, flattened; and the per-pair contribution of each
        let mut group_offsets: Vec<u32> = vec![0];
        let mut group_members: Vec<u32> = Vec::new();
        let mut contrib: Vec<f64> = Vec::new();
        let too_many = || {
            Error::Usage(
                "the view has more group memberships than u32 indices hold; select fewer layers or years"
                    .into(),
            )
        };
        opts.selection
            .for_each_record(net, &node_of, opts.max_group_size, |rec, members| {
                if members.len() < 2 {
                    return Ok(());
                }
                group_members.extend_from_slice(members);
                group_offsets.push(u32::try_from(group_members.len()).map_err(|_| too_many())?);
                contrib.push(match (rec, opts.weight) {
                    (Record::Group(_), Weighting::None | Weighting::Sum)
                    | (Record::Tie(_), Weighting::None) => 1.0,
                    (Record::Group(g), Weighting::Newman) => 1.0 / (g.size() as f64 - 1.0),
                    (Record::Tie(t), _) => t.weight,
                });
                Ok(())
            })?;
        let n = actors.len();
        let incidence = Incidence::from_groups(n, group_offsets, group_members);
        let rows = links_by_row(&incidence, &contrib, opts.weight)?;
        Ok(View {
            opts: opts.clone(),
            actors,
            csr: rows.csr,
            incidence: Incidence {
                corr_offsets: rows.corr_offsets,
                corr_targets: rows.corr_targets,
                corr_extra: rows.corr_extra,
                ..incidence
            },
            multiplicity: rows.multiplicity,
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

/// The collapsed links of a view, row by row.
struct Rows {
    csr: Csr,
    multiplicity: Vec<u32>,
    corr_offsets: Vec<u32>,
    corr_targets: Vec<u32>,
    corr_extra: Vec<u32>,
}

/// Collapse the groups of an incidence into a simple graph, one node's
/// row at a time and in parallel: node a's row is every other member of
/// a's groups, with the summed contributions and the number of groups
/// shared. Each pair's contributions are added in group order from 0.0 on
/// both of its rows, so the weights are symmetric and do not depend on the
/// thread count. Time O(Σ_g |g|² + m log(max degree)); extra space
/// O(n) per worker thread plus the rows.
fn links_by_row(inc: &Incidence, contrib: &[f64], weight: Weighting) -> Result<Rows> {
    let n = inc.node_offsets.len() - 1;
    const CHUNK: usize = 2048;
    struct Part {
        lens: Vec<u32>,
        targets: Vec<u32>,
        weights: Vec<f64>,
        mult: Vec<u32>,
        corr_lens: Vec<u32>,
    }
    let parts: Vec<Part> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map_init(
            || (vec![0f64; n], vec![0u32; n], Vec::<u32>::new()),
            |(acc, cnt, touched), c| {
                let mut p = Part {
                    lens: Vec::with_capacity(CHUNK),
                    targets: Vec::new(),
                    weights: Vec::new(),
                    mult: Vec::new(),
                    corr_lens: Vec::with_capacity(CHUNK),
                };
                for a in (c * CHUNK) as u32..((c + 1) * CHUNK).min(n) as u32 {
                    for &g in inc.groups_of(a) {
                        let w = contrib[g as usize];
                        for &b in inc.members(g) {
                            if b == a {
                                continue;
                            }
                            if cnt[b as usize] == 0 {
                                touched.push(b);
                            }
                            cnt[b as usize] += 1;
                            acc[b as usize] += w;
                        }
                    }
                    touched.sort_unstable();
                    let mut corr = 0u32;
                    for &b in touched.iter() {
                        let k = std::mem::take(&mut cnt[b as usize]);
                        let w = std::mem::take(&mut acc[b as usize]);
                        p.targets.push(b);
                        p.weights
                            .push(if weight == Weighting::None { 1.0 } else { w });
                        p.mult.push(k);
                        corr += u32::from(k >= 2);
                    }
                    p.lens.push(touched.len() as u32);
                    p.corr_lens.push(corr);
                    touched.clear();
                }
                p
            },
        )
        .collect();
    let arcs: usize = parts.iter().map(|p| p.targets.len()).sum();
    if arcs > u32::MAX as usize {
        return Err(Error::Usage(format!(
            "the view has {n} nodes and {arcs} arcs, more than u32 indices hold; select fewer layers or years"
        )));
    }
    let mut offsets = Vec::with_capacity(n + 1);
    let mut corr_offsets = Vec::with_capacity(n + 1);
    offsets.push(0u32);
    corr_offsets.push(0u32);
    let mut targets = Vec::with_capacity(arcs);
    let mut weights = Vec::with_capacity(arcs);
    let mut multiplicity = Vec::with_capacity(arcs);
    let mut corr_targets = Vec::new();
    let mut corr_extra = Vec::new();
    for p in parts {
        for (&l, &cl) in p.lens.iter().zip(&p.corr_lens) {
            offsets.push(offsets[offsets.len() - 1] + l);
            corr_offsets.push(corr_offsets[corr_offsets.len() - 1] + cl);
        }
        for (&b, &k) in p.targets.iter().zip(&p.mult) {
            if k >= 2 {
                corr_targets.push(b);
                corr_extra.push(k - 1);
            }
        }
        targets.extend_from_slice(&p.targets);
        weights.extend_from_slice(&p.weights);
        multiplicity.extend_from_slice(&p.mult);
    }
    Ok(Rows {
        csr: Csr {
            offsets,
            targets,
            weights,
        },
        multiplicity,
        corr_offsets,
        corr_targets,
        corr_extra,
    })
}
