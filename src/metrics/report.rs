//! The `iuinet metrics` batch report (schema `iuinet.metrics/1`): every
//! domain figure of the seed's chapter III plus the network summary, in one
//! serde document. Fields are added, never renamed.

use super::activity::{ActivityReport, MiniClusters, activity_report, mini_clusters};
use super::common::Scope;
use super::consortia::{Consortia, consortia};
use super::density::{By, Density, density};
use super::global::{GlobalNetworking, GlobalOpts, global_networking};
use super::inter_business::{InterBusiness, inter_business};
use super::iui::{IuiCollaboration, iui_collaboration};
use super::network::{NetworkOpts, NetworkSummary};
use super::triple_helix::{TripleHelix, triple_helix};
use crate::error::Result;
use crate::model::Network;
use crate::view::{View, ViewOpts};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The schema tag of the report.
pub const SCHEMA: &str = "iuinet.metrics/1";

/// A section of the report (`--only` takes these names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// `inter_business`.
    InterBusiness,
    /// `iui_collaboration`.
    IuiCollaboration,
    /// `global_networking`.
    GlobalNetworking,
    /// `consortia`.
    Consortia,
    /// `activity`.
    Activity,
    /// `mini_clusters`.
    MiniClusters,
    /// `density`.
    Density,
    /// `triple_helix`.
    TripleHelix,
    /// `network`.
    Network,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 9] = [
        Section::InterBusiness,
        Section::IuiCollaboration,
        Section::GlobalNetworking,
        Section::Consortia,
        Section::Activity,
        Section::MiniClusters,
        Section::Density,
        Section::TripleHelix,
        Section::Network,
    ];

    /// The JSON key and `--only` name.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::InterBusiness => "inter_business",
            Section::IuiCollaboration => "iui_collaboration",
            Section::GlobalNetworking => "global_networking",
            Section::Consortia => "consortia",
            Section::Activity => "activity",
            Section::MiniClusters => "mini_clusters",
            Section::Density => "density",
            Section::TripleHelix => "triple_helix",
            Section::Network => "network",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Section {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Section, String> {
        Section::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
            .ok_or_else(|| {
                let all: Vec<&str> = Section::ALL.iter().map(|x| x.as_str()).collect();
                format!("unknown section {s:?}, expected one of {}", all.join(", "))
            })
    }
}

/// Options of the metrics report.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsOpts {
    /// Sections to compute; `None` computes all.
    pub only: Option<Vec<Section>>,
    /// Global networking weight options.
    pub global: GlobalOpts,
    /// Attribute of the density section.
    pub density_by: By,
    /// Network summary options.
    pub network: NetworkOpts,
}

impl Default for MetricsOpts {
    fn default() -> MetricsOpts {
        MetricsOpts {
            only: None,
            global: GlobalOpts::default(),
            density_by: By::Region,
            network: NetworkOpts::default(),
        }
    }
}

impl MetricsOpts {
    /// Whether a section is computed.
    pub fn wants(&self, s: Section) -> bool {
        self.only.as_ref().is_none_or(|o| o.contains(&s))
    }
}

/// The metrics report. Sections not computed (`--only`) are omitted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// `iuinet.metrics/1`.
    pub schema: &'static str,
    /// The dataset (path, or the embedded dataset's name).
    pub dataset: String,
    /// The selection and weighting the figures are computed on.
    pub view: ViewOpts,
    /// Sections computed, in report order.
    pub sections: Vec<&'static str>,
    /// Inter-business connections per firm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inter_business: Option<InterBusiness>,
    /// I-U-I collaboration cases per firm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iui_collaboration: Option<IuiCollaboration>,
    /// Global share of purchase/sales/supply ties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_networking: Option<GlobalNetworking>,
    /// Consortium-type breakdown of projects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consortia: Option<Consortia>,
    /// Networking activity statistics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityReport>,
    /// Mini-cluster statistics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mini_clusters: Option<MiniClusters>,
    /// Link density between groups of actors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub density: Option<Density>,
    /// Triple-helix synergy of projects and events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triple_helix: Option<TripleHelix>,
    /// Whole-network summary of the view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkSummary>,
}

/// Compute the metrics report of `net` on the selection of `view`.
///
/// Builds the collapsed view only when the density or network section is
/// asked for; that build refuses groups above `view.max_group_size`.
pub fn metrics(net: &Network, dataset: &str, view: &ViewOpts, o: &MetricsOpts) -> Result<Metrics> {
    metrics_with(net, dataset, view, o, crate::algo::NO_PROGRESS)
}

/// [`metrics`], reporting the network section's traversal progress.
pub fn metrics_with(
    net: &Network,
    dataset: &str,
    view: &ViewOpts,
    o: &MetricsOpts,
    progress: crate::algo::Progress<'_>,
) -> Result<Metrics> {
    let s = Scope::new(net, &view.selection);
    let built = if o.wants(Section::Density) || o.wants(Section::Network) {
        Some(View::build(net, view)?)
    } else {
        None
    };
    let want = |x: Section| o.wants(x);
    Ok(Metrics {
        schema: SCHEMA,
        dataset: dataset.to_string(),
        view: view.clone(),
        sections: Section::ALL
            .into_iter()
            .filter(|&x| want(x))
            .map(Section::as_str)
            .collect(),
        inter_business: want(Section::InterBusiness).then(|| inter_business(&s)),
        iui_collaboration: want(Section::IuiCollaboration).then(|| iui_collaboration(&s)),
        global_networking: want(Section::GlobalNetworking)
            .then(|| global_networking(&s, &o.global)),
        consortia: want(Section::Consortia).then(|| consortia(&s)),
        activity: want(Section::Activity).then(|| activity_report(&s)),
        mini_clusters: want(Section::MiniClusters).then(|| mini_clusters(&s)),
        density: match (&built, want(Section::Density)) {
            (Some(v), true) => Some(density(net, v, o.density_by)),
            _ => None,
        },
        triple_helix: want(Section::TripleHelix).then(|| triple_helix(&s)),
        network: match (&built, want(Section::Network)) {
            (Some(v), true) => Some(super::network::network_summary_with(
                net, v, &o.network, progress,
            )),
            _ => None,
        },
    })
}
