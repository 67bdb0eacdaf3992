//! An actor's current partners, by layer and year, from the whole network
//! (every layer; every year, or the links dated within a year range).
//!
//! A partner is another actor that shares an event or a project with the
//! actor, or has a direct tie with it. Each shared group and each tie is
//! one link.

use crate::model::{ActorIx, Edge, Layer, Network};
use crate::view::YearRange;
use petgraph::graph::NodeIndex;
use std::collections::BTreeMap;

/// The links between the actor and one partner.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartnerLinks {
    /// The partner.
    pub actor: ActorIx,
    /// Links per (layer, year); a missing year is `None`.
    pub links: BTreeMap<(Layer, Option<i32>), u32>,
}

impl PartnerLinks {
    /// All links with this partner.
    pub fn total(&self) -> u32 {
        self.links.values().sum()
    }
}

/// Every partner of the actor, with their links.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Partners {
    /// Partners, most links first, then by id.
    pub partners: Vec<PartnerLinks>,
    /// Distinct partners per (layer, year).
    pub by_layer_year: BTreeMap<(Layer, Option<i32>), u32>,
    /// Distinct partners per layer (any year).
    pub by_layer: BTreeMap<Layer, u32>,
}

/// Whether a link of this year is kept: every link without a range, only
/// links dated within it with one (as the views select years).
pub fn keeps_year(years: Option<YearRange>, year: Option<i32>) -> bool {
    years.is_none_or(|r| year.is_some_and(|y| r.from <= y && y <= r.to))
}

/// The partners of `a`, counting only links within `years` when given
/// (time O(Σ size of its groups + its ties)).
pub fn partners(net: &Network, a: ActorIx, years: Option<YearRange>) -> Partners {
    let mut per: BTreeMap<ActorIx, PartnerLinks> = BTreeMap::new();
    let mut add = |b: ActorIx, layer: Layer, year: Option<i32>| {
        if b == a || !keeps_year(years, year) {
            return;
        }
        *per.entry(b)
            .or_insert_with(|| PartnerLinks {
                actor: b,
                links: BTreeMap::new(),
            })
            .links
            .entry((layer, year))
            .or_insert(0) += 1;
    };
    for g in net.groups_of(a) {
        let g = &net.groups[g as usize];
        for m in &g.members {
            add(m.actor, g.layer, g.year);
        }
    }
    for e in net.graph.edges(NodeIndex::new(a as usize)) {
        if let Edge::Tie(t) = *e.weight() {
            let t = &net.ties[t as usize];
            let b = if t.source == a { t.target } else { t.source };
            add(b, Layer::Tie, t.year);
        }
    }
    let mut by_layer_year: BTreeMap<(Layer, Option<i32>), u32> = BTreeMap::new();
    let mut by_layer: BTreeMap<Layer, u32> = BTreeMap::new();
    for p in per.values() {
        for &k in p.links.keys() {
            *by_layer_year.entry(k).or_insert(0) += 1;
        }
        let mut layers: Vec<Layer> = p.links.keys().map(|k| k.0).collect();
        layers.dedup();
        for l in layers {
            *by_layer.entry(l).or_insert(0) += 1;
        }
    }
    let mut partners: Vec<PartnerLinks> = per.into_values().collect();
    partners.sort_by(|x, y| {
        y.total()
            .cmp(&x.total())
            .then_with(|| net.actor(x.actor).id.cmp(&net.actor(y.actor).id))
    });
    Partners {
        partners,
        by_layer_year,
        by_layer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_counted() {
        // a meets b at two events (2005, 2006) and c at one (2006); a has a
        // project with c (2007) and a tie with d (no year)
        let net = crate::ingest::from_csv_strs(
            "id,kind\na,firm\nb,firm\nc,university\nd,firm\n",
            Some(
                "event_id,type,year,actor_id\n\
                 e1,forum,2005,a\ne1,forum,2005,b\n\
                 e2,forum,2006,a\ne2,forum,2006,b\ne2,forum,2006,c\n",
            ),
            Some("project_id,type,year,actor_id\np1,rnd,2007,a\np1,rnd,2007,c\n"),
            Some("source,target,type\na,d,supply\n"),
        )
        .unwrap();
        let a = net.actor_ix("a").unwrap();
        let p = partners(&net, a, None);
        let got: Vec<(&str, u32)> = p
            .partners
            .iter()
            .map(|x| (net.actor(x.actor).id.as_str(), x.total()))
            .collect();
        assert_eq!(got, vec![("b", 2), ("c", 2), ("d", 1)]);
        assert_eq!(p.by_layer_year[&(Layer::Event, Some(2005))], 1);
        assert_eq!(p.by_layer_year[&(Layer::Event, Some(2006))], 2);
        assert_eq!(p.by_layer_year[&(Layer::Project, Some(2007))], 1);
        assert_eq!(p.by_layer_year[&(Layer::Tie, None)], 1);
        assert_eq!(p.by_layer[&Layer::Event], 2);
        assert_eq!(p.by_layer.values().sum::<u32>(), 4);
        // 2006..2007 keeps e2 and p1: b once, c twice; d's tie has no year
        let p = partners(
            &net,
            a,
            Some(YearRange {
                from: 2006,
                to: 2007,
            }),
        );
        let got: Vec<(&str, u32)> = p
            .partners
            .iter()
            .map(|x| (net.actor(x.actor).id.as_str(), x.total()))
            .collect();
        assert_eq!(got, vec![("c", 2), ("b", 1)]);
    }
}
