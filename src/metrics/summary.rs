//! Dataset summary: actors by kind, size class and region; groups,
//! participations and ties; links by layer and year.

use crate::model::{Kind, Layer, Network, SizeClass};
use serde::Serialize;
use std::collections::BTreeMap;

/// A named count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// What is counted.
    pub name: String,
    /// How many.
    pub count: u64,
}

/// Links of one layer in one year (`year` null for links with no year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerYear {
    /// `event`, `project` or `tie`.
    pub layer: Layer,
    /// The year, or null.
    pub year: Option<i32>,
    /// Groups (events/projects) or ties in that year.
    pub records: u64,
    /// Links: actor pairs per shared group (n(n−1)/2 per group) and one per tie.
    pub links: u64,
}

/// The `iuinet summary` report (`schema` = `iuinet.summary/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Schema tag.
    pub schema: &'static str,
    /// Number of actors.
    pub actors: u64,
    /// Actors by kind, in kind order (all kinds listed).
    pub actors_by_kind: Vec<Count>,
    /// Firms by size class, smallest first, then `unknown`.
    pub firms_by_size_class: Vec<Count>,
    /// Actors by region, by name; `unknown` for none.
    pub actors_by_region: Vec<Count>,
    /// Number of events.
    pub events: u64,
    /// Event participations (rows of events.csv).
    pub participations: u64,
    /// Number of projects.
    pub projects: u64,
    /// Project memberships (rows of projects.csv).
    pub project_memberships: u64,
    /// Number of ties.
    pub ties: u64,
    /// Total links (cases) over all layers.
    pub links: u64,
    /// Links by layer and year, layer order then year ascending (null last).
    pub links_by_layer_year: Vec<LayerYear>,
}

/// Compute the summary of a network.
pub fn summary(net: &Network) -> Summary {
    let by_kind = Kind::ALL
        .iter()
        .map(|&k| Count {
            name: k.to_string(),
            count: net.actors.iter().filter(|a| a.kind == k).count() as u64,
        })
        .collect();
    let firms: Vec<_> = net.actors.iter().filter(|a| a.kind == Kind::Firm).collect();
    let mut by_size: Vec<Count> = SizeClass::ALL
        .iter()
        .map(|&c| Count {
            name: c.to_string(),
            count: firms.iter().filter(|a| a.size_class == Some(c)).count() as u64,
        })
        .collect();
    by_size.push(Count {
        name: "unknown".into(),
        count: firms.iter().filter(|a| a.size_class.is_none()).count() as u64,
    });
    let mut regions: BTreeMap<&str, u64> = BTreeMap::new();
    for a in &net.actors {
        *regions
            .entry(a.region.as_deref().unwrap_or("unknown"))
            .or_default() += 1;
    }
    // (layer, year) with None sorted after every year
    let mut ly: BTreeMap<(Layer, (bool, i32)), (u64, u64)> = BTreeMap::new();
    let key = |y: Option<i32>| (y.is_none(), y.unwrap_or(0));
    for g in &net.groups {
        let e = ly.entry((g.layer, key(g.year))).or_default();
        e.0 += 1;
        e.1 += g.pairs();
    }
    for t in &net.ties {
        let e = ly.entry((Layer::Tie, key(t.year))).or_default();
        e.0 += 1;
        e.1 += 1;
    }
    let links_by_layer_year: Vec<LayerYear> = ly
        .into_iter()
        .map(|((layer, (none, y)), (records, links))| LayerYear {
            layer,
            year: (!none).then_some(y),
            records,
            links,
        })
        .collect();
    let count = |l: Layer| net.groups.iter().filter(|g| g.layer == l).count() as u64;
    let members = |l: Layer| {
        net.groups
            .iter()
            .filter(|g| g.layer == l)
            .map(|g| g.members.len() as u64)
            .sum::<u64>()
    };
    Summary {
        schema: "iuinet.summary/1",
        actors: net.actors.len() as u64,
        actors_by_kind: by_kind,
        firms_by_size_class: by_size,
        actors_by_region: regions
            .into_iter()
            .map(|(name, count)| Count {
                name: name.to_string(),
                count,
            })
            .collect(),
        events: count(Layer::Event),
        participations: members(Layer::Event),
        projects: count(Layer::Project),
        project_memberships: members(Layer::Project),
        ties: net.ties.len() as u64,
        links: links_by_layer_year.iter().map(|l| l.links).sum(),
        links_by_layer_year,
    }
}
