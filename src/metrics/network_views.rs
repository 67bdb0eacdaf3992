//! The two named network views of `metrics` and `report`:
//!
//! - **collaboration**: projects and direct ties (business and I-U-I ties),
//!   unweighted; who works with whom.
//! - **networking**: event co-attendance. One mass seminar would otherwise
//!   link all its participants pairwise (a 467-participant seminar is a
//!   466-core by itself), so events with more
//!   than [`NETWORKING_MAX_EVENT`] participants are left out of this view
//!   (they stay in `activity`), and the rest enter with Newman's (2001)
//!   collaboration weight 1/(n−1) per event of n participants. The weight
//!   counts where a measure sums tie strength (strength, eigenvector,
//!   PageRank); path measures (betweenness, closeness, harmonic) count
//!   hops, each co-attending pair one step ([`PathLength::Hops`]). Weighted
//!   shortest paths on this view would need one Dijkstra per actor (the
//!   section took 69 CPU seconds on the embedded dataset, 6 with hops), and
//!   1/(n−1) mostly measures event size, which the cap already bounds.
//!
//! Both keep every actor kind and the `--years` of the command;
//! `--layers`/`--kinds`/`--weight` describe the command's own view (the
//! `network` section), not these.

use super::common::About;
use super::network::{NetworkOpts, NetworkSummary, network_summary_with};
use crate::error::Result;
use crate::model::{Layer, Network};
use crate::view::{PathLength, Selection, View, ViewOpts, Weighting, YearRange};
use serde::Serialize;

/// Largest event (participants) that enters the networking view.
pub const NETWORKING_MAX_EVENT: usize = 50;

/// Which named view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Projects and ties.
    Collaboration,
    /// Event co-attendance, capped and Newman-weighted.
    Networking,
}

impl Named {
    /// Both, in output order.
    pub const ALL: [Named; 2] = [Named::Collaboration, Named::Networking];

    /// The JSON key.
    pub fn as_str(self) -> &'static str {
        match self {
            Named::Collaboration => "collaboration",
            Named::Networking => "networking",
        }
    }

    /// The label shown with its figures.
    pub fn label(self) -> String {
        match self {
            Named::Collaboration => {
                "collaboration view: projects and direct ties (who works with whom)".into()
            }
            Named::Networking => format!(
                "networking view: co-attendance of events with at most {NETWORKING_MAX_EVENT} participants, Newman weight 1/(n-1) per event (strength, eigenvector, PageRank); paths counted in hops"
            ),
        }
    }
}

/// A named view built on a network: the view and, for the networking
/// view, the reduced network it is built on (node actors index into it,
/// and its actors are those of the original network in the same order).
#[derive(Debug, Clone)]
pub struct NamedView {
    /// Which view.
    pub which: Named,
    /// The view.
    pub view: View,
    /// Events left out for their size (networking view only).
    pub events_left_out: u64,
}

/// Build a named view of `net` over `years`. Time and space of
/// [`View::build`] on the kept groups (plus a copy of the kept events for
/// the networking view).
pub fn build(net: &Network, which: Named, years: Option<YearRange>) -> Result<NamedView> {
    match which {
        Named::Collaboration => {
            let o = ViewOpts {
                selection: Selection {
                    layers: vec![Layer::Project, Layer::Tie],
                    years,
                    kinds: None,
                },
                weight: Weighting::None,
                max_group_size: usize::MAX,
                paths: PathLength::Weight,
            };
            Ok(NamedView {
                which,
                view: View::build(net, &o)?,
                events_left_out: 0,
            })
        }
        Named::Networking => {
            let kept: Vec<_> = net
                .groups
                .iter()
                .filter(|g| g.layer == Layer::Event && g.size() <= NETWORKING_MAX_EVENT)
                .cloned()
                .collect();
            let left_out = net
                .events()
                .filter(|g| g.size() > NETWORKING_MAX_EVENT)
                .filter(|g| years.is_none_or(|r| g.year.is_some_and(|y| r.from <= y && y <= r.to)))
                .count() as u64;
            let small = Network::new(
                net.actors.clone(),
                kept,
                Vec::new(),
                net.actor_extra.clone(),
                net.extra.clone(),
                net.sources.clone(),
            );
            let o = ViewOpts {
                selection: Selection {
                    layers: vec![Layer::Event],
                    years,
                    kinds: None,
                },
                weight: Weighting::Newman,
                max_group_size: NETWORKING_MAX_EVENT,
                paths: PathLength::Hops,
            };
            Ok(NamedView {
                which,
                view: View::build(&small, &o)?,
                events_left_out: left_out,
            })
        }
    }
}

/// One named view's summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewSummary {
    /// What the view is.
    pub label: String,
    /// Events left out of the view for their size (networking view).
    pub events_left_out: u64,
    /// The network summary of the view.
    pub summary: NetworkSummary,
}

/// The `network_views` section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkViews {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// Projects and ties.
    pub collaboration: ViewSummary,
    /// Event co-attendance.
    pub networking: ViewSummary,
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "network summaries of two named views: collaboration (projects and direct ties) and networking (event co-attendance, events of at most 50 participants, Newman weight 1/(n-1) for strength, eigenvector and PageRank; betweenness, closeness and harmonic count hops)",
    records: "collaboration: projects.csv and ties.csv; networking: events.csv rows of events with at most 50 participants; every actor kind; --years applies, --layers/--kinds/--weight do not",
    denominator: "as in the network section (actors of the view, their pairs)",
};

/// Compute both named views' summaries. Time: two [`network_summary_with`].
pub fn network_views(
    net: &Network,
    years: Option<YearRange>,
    o: &NetworkOpts,
    progress: crate::algo::Progress<'_>,
) -> Result<NetworkViews> {
    let one = |w: Named| -> Result<ViewSummary> {
        let nv = build(net, w, years)?;
        Ok(ViewSummary {
            label: w.label(),
            events_left_out: nv.events_left_out,
            summary: network_summary_with(net, &nv.view, o, progress),
        })
    };
    Ok(NetworkViews {
        about: ABOUT,
        collaboration: one(Named::Collaboration)?,
        networking: one(Named::Networking)?,
    })
}
