//! The `iuinet metrics` document (schema `iuinet.metrics/1`): every
//! domain figure of the KICOX report's chapter III, the published figures
//! next to them, and the network summaries, in one serde document. Fields
//! are added, never renamed. The domain sections are computed on the
//! records their definitions name (each says so in `records`): the view
//! flags `--layers` and `--kinds` apply to `density` and `network` only;
//! `--years` clips every year axis.

use super::activity::{ActivityReport, MiniClusters, activity_report, mini_clusters};
use super::common::{Scope, domain_selection};
use super::consortia::{Consortia, consortia};
use super::density::{By, Density, density};
use super::global::{GlobalNetworking, GlobalOpts, global_networking};
use super::inter_business::{InterBusiness, inter_business};
use super::iui::{IuiCollaboration, iui_collaboration};
use super::large_sme::{LargeSmeProjects, large_sme_projects};
use super::network::{NetworkOpts, NetworkSummary};
use super::published::{BUILT_IN, BUILT_IN_NAME, Published, Reference, parse_reference, published};
use super::scorecard::{ScoreOpts, Scorecard, scorecard};
use super::size_mix::{SizeMix, size_mix};
use super::triple_helix::{TripleHelix, triple_helix};
use crate::error::Result;
use crate::model::Network;
use crate::view::{View, ViewOpts};
use serde::Serialize;

/// The schema tag of the report.
pub const SCHEMA: &str = "iuinet.metrics/1";

crate::names! {
    /// A section of the report (`--only` takes these names).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub enum Section("section") {
        /// `published`.
        Published = "published",
        /// `inter_business`.
        InterBusiness = "inter_business",
        /// `iui_collaboration`.
        IuiCollaboration = "iui_collaboration",
        /// `global_networking`.
        GlobalNetworking = "global_networking",
        /// `consortia`.
        Consortia = "consortia",
        /// `large_sme_projects`.
        LargeSmeProjects = "large_sme_projects",
        /// `firm_size_mix`.
        FirmSizeMix = "firm_size_mix",
        /// `activity`.
        Activity = "activity",
        /// `mini_clusters`.
        MiniClusters = "mini_clusters",
        /// `density`.
        Density = "density",
        /// `triple_helix`.
        TripleHelix = "triple_helix",
        /// `network`.
        Network = "network",
        /// `network_views`.
        NetworkViews = "network_views",
        /// `scorecard`.
        Scorecard = "scorecard",
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
    /// The reference of the published section: its name and rows; `None`
    /// uses the built-in KICOX file (`graphs/korea-iccp/published.csv`).
    pub reference: Option<(String, Vec<Reference>)>,
    /// The scorecard's options (its years are the view's `--years`).
    pub scorecard: ScoreOpts,
}

impl Default for MetricsOpts {
    fn default() -> MetricsOpts {
        MetricsOpts {
            only: None,
            global: GlobalOpts::default(),
            density_by: By::Region,
            network: NetworkOpts::default(),
            reference: None,
            scorecard: ScoreOpts::default(),
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
#[serde_with::skip_serializing_none]
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
    /// Published figures of the KICOX report next to the computed ones.
    pub published: Option<Published>,
    /// Inter-business connections per firm.
    pub inter_business: Option<InterBusiness>,
    /// I-U-I collaboration cases per firm.
    pub iui_collaboration: Option<IuiCollaboration>,
    /// Global share of purchase and sales ties.
    pub global_networking: Option<GlobalNetworking>,
    /// Consortium-type breakdown of projects.
    pub consortia: Option<Consortia>,
    /// R&D projects of large companies with SMEs.
    pub large_sme_projects: Option<LargeSmeProjects>,
    /// Firms by size class and group.
    pub firm_size_mix: Option<SizeMix>,
    /// Networking activity statistics.
    pub activity: Option<ActivityReport>,
    /// Mini-cluster statistics.
    pub mini_clusters: Option<MiniClusters>,
    /// Link density between groups of actors.
    pub density: Option<OnView<Density>>,
    /// Triple-helix synergy of projects and events.
    pub triple_helix: Option<TripleHelix>,
    /// Whole-network summary of the view of the command's flags
    /// (`--layers`, `--kinds`, `--weight`); by default every layer, which
    /// event co-attendance dominates (see `network_views`).
    pub network: Option<OnView<NetworkSummary>>,
    /// The collaboration and networking views, each summarised and labelled.
    pub network_views: Option<super::network_views::NetworkViews>,
    /// Groups scored against a benchmark on three pillars.
    pub scorecard: Option<Scorecard>,
}

/// A section on the view of the command's flags (`density`, `network`),
/// with its definition strings first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnView<T> {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: super::common::About,
    /// The figures.
    #[serde(flatten)]
    pub figures: T,
}

/// The definition strings of the `density` section.
pub const DENSITY_ABOUT: super::common::About = super::common::About {
    definition: "link density between groups of actors (--density-by) and Krackhardt's E-I index, on distinct linked pairs",
    records: "the collapsed view of the command's flags (--layers, --years, --kinds; default every layer)",
    denominator: "density: possible pairs of the two groups; cross_share and ei_index: linked pairs",
};

/// The definition strings of the `network` section.
pub const NETWORK_ABOUT: super::common::About = super::common::About {
    definition: "whole-network summary and top actors by centrality of the view of the command's flags",
    records: "the collapsed view of the command's flags (--layers, --years, --kinds, --weight; default every layer, where event co-attendance gives most linked pairs: see network_views)",
    denominator: "actors of the view and their possible pairs",
};

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
    let dsel = domain_selection(&view.selection);
    let s = Scope::new(net, &dsel);
    let built = if o.wants(Section::Density) || o.wants(Section::Network) {
        Some(View::build(net, view)?)
    } else {
        None
    };
    // the published section reads the domain sections: compute them for it
    let pubs = o.wants(Section::Published);
    let want = |x: Section| o.wants(x);
    let need = |x: Section| pubs || o.wants(x);
    let mut m = Metrics {
        schema: SCHEMA,
        dataset: dataset.to_string(),
        view: view.clone(),
        sections: Section::ALL
            .into_iter()
            .filter(|&x| want(x))
            .map(Section::as_str)
            .collect(),
        published: None,
        inter_business: need(Section::InterBusiness).then(|| inter_business(&s)),
        iui_collaboration: need(Section::IuiCollaboration).then(|| iui_collaboration(&s)),
        global_networking: need(Section::GlobalNetworking)
            .then(|| global_networking(&s, &o.global)),
        consortia: need(Section::Consortia).then(|| consortia(&s)),
        large_sme_projects: need(Section::LargeSmeProjects).then(|| large_sme_projects(&s)),
        firm_size_mix: need(Section::FirmSizeMix).then(|| size_mix(&s)),
        activity: need(Section::Activity).then(|| activity_report(&s)),
        mini_clusters: need(Section::MiniClusters).then(|| mini_clusters(&s)),
        density: match (&built, want(Section::Density)) {
            (Some(v), true) => Some(OnView {
                about: DENSITY_ABOUT,
                figures: density(net, v, o.density_by),
            }),
            _ => None,
        },
        triple_helix: want(Section::TripleHelix).then(|| triple_helix(&s)),
        network: match (&built, want(Section::Network)) {
            (Some(v), true) => Some(OnView {
                about: NETWORK_ABOUT,
                figures: super::network::network_summary_with(net, v, &o.network, progress),
            }),
            _ => None,
        },
        network_views: if want(Section::NetworkViews) {
            Some(super::network_views::network_views(
                net,
                view.selection.years,
                &o.network,
                progress,
            )?)
        } else {
            None
        },
        scorecard: if want(Section::Scorecard) {
            Some(scorecard(
                net,
                &ScoreOpts {
                    years: view.selection.years,
                    ..o.scorecard.clone()
                },
            )?)
        } else {
            None
        },
    };
    if pubs {
        let built_in;
        let (name, rows) = match &o.reference {
            Some((n, r)) => (n.as_str(), r.as_slice()),
            None => {
                built_in = parse_reference(std::path::Path::new(BUILT_IN_NAME), BUILT_IN)?;
                (BUILT_IN_NAME, built_in.as_slice())
            }
        };
        m.published = Some(published(&m, name, rows));
        if !want(Section::InterBusiness) {
            m.inter_business = None;
        }
        if !want(Section::IuiCollaboration) {
            m.iui_collaboration = None;
        }
        if !want(Section::GlobalNetworking) {
            m.global_networking = None;
        }
        if !want(Section::Consortia) {
            m.consortia = None;
        }
        if !want(Section::LargeSmeProjects) {
            m.large_sme_projects = None;
        }
        if !want(Section::FirmSizeMix) {
            m.firm_size_mix = None;
        }
        if !want(Section::Activity) {
            m.activity = None;
        }
        if !want(Section::MiniClusters) {
            m.mini_clusters = None;
        }
    }
    Ok(m)
}
