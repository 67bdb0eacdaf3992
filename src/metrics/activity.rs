//! Networking activity and mini-cluster statistics (the KICOX report's networking
//! activities 2,020 in 2005 → 7,511 in 2009 with 23,188 → 65,056
//! participants; mini-cluster members 2,706 → 5,413, 55.2 → 98.4 per MC).
//!
//! Activity counts the selected events (event layer, years) with at least one
//! member of a selected kind; participations are their selected member rows.
//!
//! Mini clusters, dynamic view: a mini cluster is **active** in year Y when
//! some selected event of year Y carries its name in the `mini_cluster`
//! column (on any of its rows); its **members** in Y are the distinct actors
//! taking part in its events of Y. Static view: the actors' `mini_clusters`
//! column (selected kinds).

use super::common::{About, InYear, Scope, Yearly, bucket, by_year, ratio};
use crate::model::{ActorIx, Group, Layer};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Activity figures over a set of events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// Events.
    pub events: u64,
    /// Participations (event × actor rows).
    pub participations: u64,
    /// Distinct actors taking part.
    pub participants: u64,
    /// participations / events; null without events.
    pub mean_participants_per_event: Option<f64>,
    /// Events by `type` column (`unknown` for empty), by name.
    pub events_by_type: BTreeMap<String, u64>,
}

/// The activity report: all selected events (including those with no year)
/// and each year (zeros where there were no events).
pub type ActivityReport = Yearly<Activity>;

/// Mini-cluster figures from events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MiniClusterActivity {
    /// Mini clusters with at least one event.
    pub active_mini_clusters: u64,
    /// Σ over active mini clusters of their distinct participants.
    pub members: u64,
    /// members / active_mini_clusters; null when none is active.
    pub mean_members_per_mini_cluster: Option<f64>,
}

/// Mini-cluster membership from the actors' `mini_clusters` column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MiniClusterMembership {
    /// Distinct mini clusters named.
    pub mini_clusters: u64,
    /// Σ over actors of the mini clusters they list (actor × MC memberships).
    pub memberships: u64,
    /// Actors listing at least one mini cluster.
    pub actors: u64,
    /// memberships / mini_clusters; null when none.
    pub mean_members_per_mini_cluster: Option<f64>,
}

/// The mini-cluster report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MiniClusters {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// From the actors' `mini_clusters` column.
    #[serde(rename = "static")]
    pub static_membership: MiniClusterMembership,
    /// From events, all selected years together (members distinct over years).
    pub overall: MiniClusterActivity,
    /// From events, by year.
    pub by_year: Vec<InYear<MiniClusterActivity>>,
}

fn activity(s: &Scope, groups: &[&Group]) -> Activity {
    let mut events = 0u64;
    let mut participations = 0u64;
    let mut seen: Vec<u32> = Vec::new();
    let mut by_type: BTreeMap<String, u64> = BTreeMap::new();
    for g in groups {
        let mut k = 0u64;
        for a in s.members(g) {
            k += 1;
            seen.push(a);
        }
        if k == 0 {
            continue;
        }
        events += 1;
        participations += k;
        let t = if g.kind.is_empty() {
            "unknown"
        } else {
            &g.kind
        };
        *by_type.entry(t.to_string()).or_default() += 1;
    }
    seen.sort_unstable();
    seen.dedup();
    Activity {
        events,
        participations,
        participants: seen.len() as u64,
        mean_participants_per_event: ratio(participations as f64, events as f64),
        events_by_type: by_type,
    }
}

/// The members of each mini cluster named on these events: the distinct
/// (selected) actors taking part in the events that carry its name in the
/// `mini_cluster` column (on any row).
fn members_of<'a>(s: &Scope<'a>, groups: &[&'a Group]) -> BTreeMap<&'a str, BTreeSet<u32>> {
    let mut members: BTreeMap<&'a str, BTreeSet<u32>> = BTreeMap::new();
    for g in groups {
        let mcs: BTreeSet<&str> = g
            .members
            .iter()
            .filter_map(|m| m.mini_cluster.as_deref())
            .collect();
        for mc in mcs {
            let e = members.entry(mc).or_default();
            e.extend(s.members(g));
        }
    }
    members
}

/// The members of every mini cluster active in the scope's selected
/// events (the rule of the `mini_clusters` section: distinct participants
/// of its events), by name; each list ascending.
pub fn mini_cluster_members(s: &Scope) -> BTreeMap<String, Vec<ActorIx>> {
    let events: Vec<&Group> = s.groups(Layer::Event).collect();
    members_of(s, &events)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().collect()))
        .collect()
}

fn mc_activity<'a>(s: &Scope<'a>, groups: &[&'a Group]) -> MiniClusterActivity {
    let members = members_of(s, groups);
    let active = members.len() as u64;
    let total: u64 = members.values().map(|m| m.len() as u64).sum();
    MiniClusterActivity {
        active_mini_clusters: active,
        members: total,
        mean_members_per_mini_cluster: ratio(total as f64, active as f64),
    }
}

/// The definition strings of the activity section.
pub const ACTIVITY_ABOUT: About = About {
    definition: "networking activities and their participations: events with at least one participant, and event x actor rows",
    records: "events.csv (every actor kind), of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "mean_participants_per_event: events",
};

/// The definition strings of the mini-cluster section.
pub const MINI_CLUSTERS_ABOUT: About = About {
    definition: "mini clusters active in a year (named on the mini_cluster column of an event of that year) and their members (distinct participants of their events of that year, summed over mini clusters)",
    records: "events.csv rows with a mini_cluster (every actor kind), of the year; static: the actors' mini_clusters column; --layers and --kinds do not apply",
    denominator: "mean_members_per_mini_cluster: active mini clusters",
};

/// Compute the activity report. Time O(P log P + Y) for P participations
/// and Y years on the axis.
pub fn activity_report(s: &Scope) -> ActivityReport {
    let events: Vec<&Group> = s.groups(Layer::Event).collect();
    Yearly::of_groups(s, ACTIVITY_ABOUT, &events, |e| activity(s, e))
}

/// Compute the mini-cluster report. Time O(P log P + Y) for P
/// participations and Y years on the axis.
pub fn mini_clusters(s: &Scope) -> MiniClusters {
    let events: Vec<&Group> = s.groups(Layer::Event).collect();
    let ey = by_year(events.iter().copied(), |g| g.year);
    let mut names: BTreeSet<&str> = BTreeSet::new();
    let mut memberships = 0u64;
    let mut actors = 0u64;
    for (i, a) in s.net.actors.iter().enumerate() {
        if !s.keeps_actor(i as u32) {
            continue;
        }
        let mine: BTreeSet<&str> = a.mini_clusters.iter().map(String::as_str).collect();
        memberships += mine.len() as u64;
        actors += u64::from(!mine.is_empty());
        names.extend(mine);
    }
    MiniClusters {
        about: MINI_CLUSTERS_ABOUT,
        static_membership: MiniClusterMembership {
            mini_clusters: names.len() as u64,
            memberships,
            actors,
            mean_members_per_mini_cluster: ratio(memberships as f64, names.len() as f64),
        },
        overall: mc_activity(s, &events),
        by_year: s.per_year(|y| mc_activity(s, bucket(&ey, y))),
    }
}
