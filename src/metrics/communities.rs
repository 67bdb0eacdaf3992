//! The `iuinet communities` report: Leiden communities of the analysis
//! view and, optionally, how they line up with an actor attribute such as
//! the official mini clusters.
//!
//! Conventions:
//! - Communities are numbered 0, 1, … from the largest (ties: the one
//!   holding the earliest actor of the view).
//! - Weighted when the view has a weighting (`--weight sum|newman`),
//!   unweighted with `--weight none` (the default).
//! - Comparison attribute (`--compare`): `kind`, `region`, `size_class`,
//!   `complex`, `mini_cluster` (the first mini cluster listed for the
//!   actor, as `iuinet brokers` does), or the name of any other column of
//!   actors.csv. Actors with no value (empty, or no mini cluster) are left
//!   out of NMI, ARI and the contingency table and counted in `unlabelled`:
//!   NMI/ARI then compare the communities restricted to the labelled actors
//!   with their labels.
//! - NMI: mutual information over the arithmetic mean of the two entropies
//!   (scikit-learn's default, igraph's `compare_communities("nmi")`), 0–1.
//!   ARI: adjusted Rand index, 1 for identical partitions, about 0 for
//!   chance agreement, can be negative.

use crate::algo::community::{Comparison, LeidenOpts, Partition, Quality, compare, leiden};
use crate::error::{Error, Result};
use crate::model::{Actor, Network};
use crate::view::{View, Weighting};
use serde::Serialize;
use std::collections::BTreeMap;

/// Options of the communities report.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunitiesOpts {
    /// Quality function.
    pub quality: Quality,
    /// Resolution γ.
    pub resolution: f64,
    /// Random seed.
    pub seed: u64,
    /// Attribute to compare with.
    pub compare: Option<String>,
    /// Communities the table lists (0 = all).
    pub table_top: usize,
}

/// One actor's community.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Community (0 = largest).
    pub community: u32,
    /// The compared attribute's value (absent without `--compare`; null
    /// when the actor has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Option<String>>,
}

/// One community of the comparison: its best-matching group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommunityMatch {
    /// Community id.
    pub community: u32,
    /// Labelled actors in the community.
    pub labelled: u64,
    /// The most common group among them (ties: first by name); null when
    /// no actor of the community is labelled.
    pub top_group: Option<String>,
    /// Actors of the community in `top_group`.
    pub top_count: u64,
    /// top_count / labelled (0–1); null when none is labelled.
    pub purity: Option<f64>,
    /// Distinct groups among the community's labelled actors.
    pub groups: u64,
}

/// A non-zero cell of the communities × groups contingency table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Community id.
    pub community: u32,
    /// Group name.
    pub group: String,
    /// Actors in both.
    pub actors: u64,
}

/// Communities compared with an actor attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommunityComparison {
    /// The attribute.
    pub by: String,
    /// Actors of the view with a value (compared).
    pub labelled: u64,
    /// Actors of the view without a value (left out).
    pub unlabelled: u64,
    /// Groups (distinct values), ascending, with their labelled actors.
    pub groups: BTreeMap<String, u64>,
    /// Normalised mutual information (arithmetic normalisation), 0–1.
    pub nmi: f64,
    /// Adjusted Rand index, ≤ 1.
    pub ari: f64,
    /// Per community, largest first.
    pub communities: Vec<CommunityMatch>,
    /// Non-zero contingency cells, by community then group name.
    pub contingency: Vec<Cell>,
}

/// The report (`iuinet communities --format json`, `schema` =
/// `iuinet.communities/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communities {
    /// Schema name and version.
    pub schema: &'static str,
    /// Quality function optimised.
    pub quality_function: Quality,
    /// Resolution γ.
    pub resolution: f64,
    /// Random seed.
    pub seed: u64,
    /// Whether edge weights were used (the view's weighting is not `none`).
    pub weighted: bool,
    /// Actors in the view.
    pub actors: u64,
    /// Linked pairs in the view.
    pub links: u64,
    /// Number of communities (isolated actors are communities of one).
    pub communities: u64,
    /// The partition's quality: modularity (−1/2 … 1) or CPM (edge-weight units).
    pub quality: f64,
    /// Leiden passes run.
    pub passes: u64,
    /// Whether the last pass changed nothing.
    pub converged: bool,
    /// Actors per community, largest first.
    pub sizes: Vec<u32>,
    /// Communities of more than one actor.
    pub non_singleton: u64,
    /// The comparison, when asked for.
    pub comparison: Option<CommunityComparison>,
    /// Every actor's community, in view order.
    pub membership: Vec<Member>,
    /// Communities the table lists (0 = all); not part of the JSON.
    #[serde(skip)]
    pub table_top: usize,
}

/// The attribute value an actor is compared by (None: no value).
pub fn label(a: &Actor, by: &str) -> Option<String> {
    let v = match by {
        "kind" => Some(a.kind.as_str().to_string()),
        "region" => a.region.clone(),
        "size_class" => a.size_class.map(|s| s.as_str().to_string()),
        "mini_cluster" | "mini_clusters" => a.mini_clusters.first().cloned(),
        "complex" => a.complex.clone(),
        col => a
            .attrs
            .iter()
            .find(|(k, _)| k == col)
            .map(|(_, v)| v.clone()),
    };
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Whether `by` names a built-in attribute or a column some actor has.
pub fn known_attribute(net: &Network, by: &str) -> Result<()> {
    const BUILT_IN: [&str; 6] = [
        "kind",
        "region",
        "size_class",
        "mini_cluster",
        "mini_clusters",
        "complex",
    ];
    if BUILT_IN.contains(&by)
        || net
            .actors
            .iter()
            .any(|a| a.attrs.iter().any(|(k, _)| k == by))
    {
        return Ok(());
    }
    let mut cols: Vec<&str> = net
        .actors
        .iter()
        .flat_map(|a| a.attrs.iter().map(|(k, _)| k.as_str()))
        .collect();
    cols.sort_unstable();
    cols.dedup();
    let extra = if cols.is_empty() {
        String::new()
    } else {
        format!(" or a column of actors.csv: {}", cols.join(", "))
    };
    Err(Error::Usage(format!(
        "{by:?}: no such attribute; expected kind, region, size_class, mini_cluster, complex{extra}"
    )))
}

/// Compare a partition of the view with an actor attribute.
pub fn compare_with(
    net: &Network,
    view: &View,
    membership: &[u32],
    by: &str,
) -> Result<CommunityComparison> {
    known_attribute(net, by)?;
    let labels: Vec<Option<String>> = view
        .actors
        .iter()
        .map(|&a| label(net.actor(a), by))
        .collect();
    let mut names: BTreeMap<String, u64> = BTreeMap::new();
    for l in labels.iter().flatten() {
        *names.entry(l.clone()).or_default() += 1;
    }
    let ids: BTreeMap<&str, u32> = names
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    let name_list: Vec<&str> = names.keys().map(|s| s.as_str()).collect();
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (v, l) in labels.iter().enumerate() {
        if let Some(l) = l {
            a.push(membership[v]);
            b.push(ids[l.as_str()]);
        }
    }
    let Comparison {
        nmi, ari, cells, ..
    } = compare(&a, &b);
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    let mut per: Vec<CommunityMatch> = (0..k as u32)
        .map(|c| CommunityMatch {
            community: c,
            labelled: 0,
            top_group: None,
            top_count: 0,
            purity: None,
            groups: 0,
        })
        .collect();
    for c in &cells {
        let m = &mut per[c.a as usize];
        m.labelled += c.count;
        m.groups += 1;
        // cells ascend by group id = name order, so ">" keeps the first name
        if c.count > m.top_count {
            m.top_count = c.count;
            m.top_group = Some(name_list[c.b as usize].to_string());
        }
    }
    for m in &mut per {
        m.purity = crate::metrics::common::ratio(m.top_count as f64, m.labelled as f64);
    }
    let contingency = cells
        .iter()
        .map(|c| Cell {
            community: c.a,
            group: name_list[c.b as usize].to_string(),
            actors: c.count,
        })
        .collect();
    Ok(CommunityComparison {
        by: by.to_string(),
        labelled: a.len() as u64,
        unlabelled: (labels.len() - a.len()) as u64,
        groups: names,
        nmi,
        ari,
        communities: per,
        contingency,
    })
}

/// Leiden communities of `view`, compared with an attribute when asked.
pub fn communities(net: &Network, view: &View, o: &CommunitiesOpts) -> Result<Communities> {
    if !o.resolution.is_finite() || o.resolution < 0.0 {
        return Err(Error::Usage(format!(
            "--resolution {}: expected a number ≥ 0",
            o.resolution
        )));
    }
    if let Some(by) = &o.compare {
        known_attribute(net, by)?;
    }
    let weighted = view.opts.weight != Weighting::None;
    let p: Partition = leiden(
        &view.csr,
        &LeidenOpts {
            quality: o.quality,
            resolution: o.resolution,
            weighted,
            seed: o.seed,
            ..LeidenOpts::default()
        },
    );
    let comparison = match &o.compare {
        Some(by) => Some(compare_with(net, view, &p.membership, by)?),
        None => None,
    };
    let membership = view
        .actors
        .iter()
        .zip(&p.membership)
        .map(|(&a, &c)| {
            let act = net.actor(a);
            Member {
                id: act.id.clone(),
                name: act.name.clone(),
                community: c,
                group: o.compare.as_deref().map(|by| label(act, by)),
            }
        })
        .collect();
    Ok(Communities {
        schema: "iuinet.communities/1",
        quality_function: o.quality,
        resolution: o.resolution,
        seed: o.seed,
        weighted,
        actors: view.csr.n() as u64,
        links: view.csr.m() as u64,
        communities: p.sizes.len() as u64,
        quality: p.quality,
        passes: p.passes as u64,
        converged: p.converged,
        non_singleton: p.sizes.iter().filter(|&&s| s > 1).count() as u64,
        sizes: p.sizes,
        comparison,
        membership,
        table_top: o.table_top,
    })
}
