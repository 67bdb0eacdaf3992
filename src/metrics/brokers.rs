//! The `iuinet brokers` report: Gould–Fernandez roles with respect to a
//! grouping of the actors, next to Burt's structural-hole figures.
//!
//! Groupings (`--by`): the actor's `kind`, `region`, firm `size_class`,
//! `complex`, or `mini_cluster`. An actor in several mini clusters is put
//! in the first one listed for it in actors.csv; an actor with no value
//! (no region, no size class — every non-firm —, no complex, no mini
//! cluster) is in the group `unknown`, which is a group like any other.

use crate::algo::brokerage::{
    BrokerageExpected, BrokerageRatio, BrokerageRoles, brokerage_expected, brokerage_ratio,
    brokerage_roles,
};
use crate::algo::structural_holes::{StructuralHolesOpts, structural_holes};
use crate::model::{Actor, Kind, Network};
use crate::view::{View, ViewOpts, Weighting};
use serde::Serialize;
use std::collections::BTreeMap;

crate::names! {
    /// The attribute that defines the groups of a brokerage analysis.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum GroupBy("grouping") {
        /// Actor kind (firm, university, …).
        Kind = "kind",
        /// Region.
        #[default]
        Region = "region",
        /// Firm size class (non-firms: `unknown`).
        SizeClass = "size_class",
        /// First mini cluster of the actor.
        MiniCluster = "mini_cluster",
        /// Industrial complex.
        Complex = "complex",
    }
}

impl GroupBy {
    /// The group name of an actor.
    pub fn of(self, a: &Actor) -> String {
        let v = match self {
            GroupBy::Kind => Some(a.kind.as_str().to_string()),
            GroupBy::Region => a.region.clone(),
            GroupBy::SizeClass => a.size_class.map(|s| s.as_str().to_string()),
            GroupBy::MiniCluster => a.mini_clusters.first().cloned(),
            GroupBy::Complex => a.complex.clone(),
        };
        v.filter(|s| !s.is_empty())
            .unwrap_or_else(|| "unknown".to_string())
    }
}

/// Group labels of the view nodes: `labels[v]` indexes `names` (sorted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// Label per view node.
    pub labels: Vec<u32>,
    /// Group names, ascending; `unknown` for missing values.
    pub names: Vec<String>,
}

/// The grouping of a view's nodes. Time O(n log G).
pub fn grouping(net: &Network, view: &View, by: GroupBy) -> Grouping {
    let vals: Vec<String> = view.actors.iter().map(|&a| by.of(net.actor(a))).collect();
    let mut ids: BTreeMap<&str, u32> = vals.iter().map(|s| (s.as_str(), 0)).collect();
    for (i, v) in ids.values_mut().enumerate() {
        *v = i as u32;
    }
    let labels = vals.iter().map(|s| ids[s.as_str()]).collect();
    let names = ids.keys().map(|s| s.to_string()).collect();
    Grouping { labels, names }
}

/// One group and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupSize {
    /// Group name.
    pub name: String,
    /// Actors in the view in that group.
    pub actors: u64,
}

/// One actor's brokerage and structural-hole figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokerRow {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Actor kind.
    pub kind: Kind,
    /// The actor's group under the grouping.
    pub group: String,
    /// Distinct partners in the view.
    pub degree: u64,
    /// Open two-paths through the actor, by role (counts).
    pub roles: BrokerageRoles,
    /// Expected counts under random ties at the observed density.
    pub expected: BrokerageExpected,
    /// Observed / expected (null where the expectation is 0).
    pub ratio: BrokerageRatio,
    /// Burt's constraint (0–1+; low = many structural holes); null for isolates.
    pub constraint: Option<f64>,
    /// Burt's effective size (non-redundant contacts); null for isolates.
    pub effective_size: Option<f64>,
    /// Effective size / degree (0–1); null for isolates.
    pub efficiency: Option<f64>,
    /// Burt's hierarchy (0–1); null for isolates.
    pub hierarchy: Option<f64>,
}

/// The `iuinet brokers` report (`schema` = `iuinet.brokers/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokersReport {
    /// Schema tag.
    pub schema: &'static str,
    /// The grouping.
    pub by: GroupBy,
    /// How the view was built.
    pub view: ViewOpts,
    /// Actors in the view.
    pub actors: u64,
    /// Distinct linked pairs in the view.
    pub pairs: u64,
    /// Link density E / (N(N−1)/2).
    pub density: f64,
    /// Groups by name.
    pub groups: Vec<GroupSize>,
    /// Actors by total brokerage descending, then constraint ascending, then
    /// id; the first `top` only when a limit was given.
    pub brokers: Vec<BrokerRow>,
}

/// Brokerage roles and structural holes of every actor of `view`, ranked
/// as described on [`BrokersReport::brokers`]; `top` = 0 keeps all.
/// Structural holes are weighted when the view is.
///
/// Time O(Σ_v deg(v)² + n log n).
pub fn brokers(net: &Network, view: &View, by: GroupBy, top: usize) -> BrokersReport {
    let gr = grouping(net, view, by);
    let roles = brokerage_roles(&view.csr, &gr.labels);
    let expected = brokerage_expected(&view.csr, &gr.labels);
    let sh = structural_holes(
        &view.csr,
        &StructuralHolesOpts {
            weighted: view.opts.weight != Weighting::None,
        },
    );
    let mut sizes = vec![0u64; gr.names.len()];
    for &l in &gr.labels {
        sizes[l as usize] += 1;
    }
    let mut rows: Vec<BrokerRow> = (0..view.n())
        .map(|v| {
            let a = net.actor(view.actors[v]);
            BrokerRow {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                group: gr.names[gr.labels[v] as usize].clone(),
                degree: view.csr.degree(v as u32) as u64,
                roles: roles[v],
                expected: expected[v],
                ratio: brokerage_ratio(&roles[v], &expected[v]),
                constraint: sh[v].constraint,
                effective_size: sh[v].effective_size,
                efficiency: sh[v].efficiency,
                hierarchy: sh[v].hierarchy,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.roles
            .total
            .cmp(&a.roles.total)
            .then(
                a.constraint
                    .unwrap_or(f64::INFINITY)
                    .total_cmp(&b.constraint.unwrap_or(f64::INFINITY)),
            )
            .then(a.id.cmp(&b.id))
    });
    if top > 0 {
        rows.truncate(top);
    }
    let n = view.n() as f64;
    let pairs = n * (n - 1.0) / 2.0;
    BrokersReport {
        schema: "iuinet.brokers/1",
        by,
        view: view.opts.clone(),
        actors: view.n() as u64,
        pairs: view.csr.m() as u64,
        density: if pairs > 0.0 {
            view.csr.m() as f64 / pairs
        } else {
            0.0
        },
        groups: gr
            .names
            .iter()
            .zip(sizes)
            .map(|(name, actors)| GroupSize {
                name: name.clone(),
                actors,
            })
            .collect(),
        brokers: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_grouping_and_ranking() {
        // hub h (region A) links a1 (A), b1, b2 (B), c1 (C); b1–b2 linked.
        let net = crate::ingest::from_csv_strs(
            "id,kind,region\nh,agency,A\na1,firm,A\nb1,firm,B\nb2,university,B\nc1,firm,\n",
            None,
            None,
            Some(
                "source,target,type\nh,a1,mentoring\nh,b1,supply\nh,b2,supply\nh,c1,supply\nb1,b2,supply\n",
            ),
        )
        .unwrap();
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let r = brokers(&net, &view, GroupBy::Region, 0);
        let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, vec!["A", "B", "unknown"]);
        let h = &r.brokers[0];
        assert_eq!(h.id, "h");
        // pairs of h's contacts: a1-b1, a1-b2, a1-c1 boundary; b1-b2 closed;
        // b1-c1, b2-c1 liaison
        assert_eq!(
            h.roles,
            BrokerageRoles {
                coordinator: 0,
                itinerant: 0,
                boundary: 3,
                liaison: 2,
                total: 5
            }
        );
        // b1 and b2: contacts {h, other b}, linked: nothing
        assert_eq!(r.brokers.len(), 5);
        assert!(r.brokers[1..].iter().all(|b| b.roles.total == 0));
        // then by constraint ascending: b1, b2 ((1/2 + 1/2·1/2)² +
        // (1/2 + 1/2·1/4)² = 0.953) before the leaves a1, c1 (1.0)
        let order: Vec<&str> = r.brokers.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(order, vec!["h", "b1", "b2", "a1", "c1"]);
        assert!((r.brokers[1].constraint.unwrap() - (0.5625 + 0.390625)).abs() < 1e-12);
        assert_eq!(brokers(&net, &view, GroupBy::Region, 2).brokers.len(), 2);
        assert_eq!(
            grouping(&net, &view, GroupBy::SizeClass).names,
            vec!["unknown"]
        );
    }
}
