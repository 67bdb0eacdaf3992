//! Whole-network summary of the analysis view: size, density, components,
//! mean degree, degree and betweenness centralisation, and the top actors by
//! each centrality measure of [`crate::algo::centrality`] (NetworkX
//! conventions; see `iuinet centrality`).

use super::common::ratio;
use crate::algo::{self, ApproxInfo, ApproxOpts, CentralityOpts, Measure};
use crate::model::Network;
use crate::view::View;
use serde::Serialize;

/// Options of the network summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkOpts {
    /// How many top actors to list per measure.
    pub top: usize,
    /// Sample betweenness instead of computing it exactly.
    pub approx: Option<ApproxOpts>,
    /// Without `approx`: sample betweenness (with [`ApproxOpts::default`])
    /// when exact betweenness would cost more work than this (see
    /// [`algo::exact_betweenness_cost`]); `None` always computes it exactly.
    pub exact_budget: Option<u64>,
}

impl NetworkOpts {
    /// All-source traversals the section runs: exact betweenness (unless
    /// `--approx`; when the cost rule samples, its pass is reported done at
    /// once) and closeness/harmonic.
    pub fn traversals(&self) -> u64 {
        1 + u64::from(self.approx.is_none())
    }
}

impl Default for NetworkOpts {
    fn default() -> NetworkOpts {
        NetworkOpts {
            top: 10,
            approx: None,
            exact_budget: Some(algo::EXACT_BUDGET),
        }
    }
}

/// An actor and its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Actor kind.
    pub kind: String,
    /// The score.
    pub value: f64,
}

/// Connected components of the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Components {
    /// Number of components (isolated actors are components of one).
    pub count: u64,
    /// Actors in the largest component.
    pub largest: u64,
    /// largest / actors (0–1); null for an empty view.
    pub largest_share: Option<f64>,
    /// Actors with no link.
    pub isolated: u64,
}

/// The network summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkSummary {
    /// Actors in the view (kinds selected).
    pub actors: u64,
    /// Distinct linked actor pairs (collapsed edges; `edges` before 0.2).
    pub pairs: u64,
    /// Links behind those pairs (parallel links counted: one per shared
    /// group and per tie).
    pub links: u64,
    /// 2·pairs / (n(n−1)); null for n < 2.
    pub density: Option<f64>,
    /// 2·pairs / n (distinct neighbours per actor); null for n = 0.
    pub mean_degree: Option<f64>,
    /// Freeman degree centralisation Σ(d_max − d_v) / ((n−1)(n−2)),
    /// 0 (all equal) … 1 (a star); null for n < 3.
    pub degree_centralization: Option<f64>,
    /// Connected components.
    pub components: Components,
    /// Top actors by degree (distinct neighbours), highest first, ties by id.
    pub top_degree: Vec<Ranked>,
    /// Top actors by strength (sum of view weights), highest first, ties by id.
    pub top_strength: Vec<Ranked>,
    /// Freeman betweenness centralisation Σ(b_max − b_v) / (n−1) on the
    /// normalised betweenness b (NetworkX `normalized=True`), 0 … 1 (a
    /// star); null for n < 3.
    pub betweenness_centralization: Option<f64>,
    /// Top actors by betweenness (normalised, NetworkX `normalized=True`).
    pub top_betweenness: Vec<Ranked>,
    /// Top actors by closeness (Wasserman–Faust, NetworkX `wf_improved=True`).
    pub top_closeness: Vec<Ranked>,
    /// Top actors by harmonic centrality (Σ 1/distance, not normalised).
    pub top_harmonic: Vec<Ranked>,
    /// Top actors by eigenvector centrality (unit Euclidean norm).
    pub top_eigenvector: Vec<Ranked>,
    /// Top actors by PageRank (α = 0.85).
    pub top_pagerank: Vec<Ranked>,
    /// Top actors by k-core number.
    pub top_core: Vec<Ranked>,
    /// How betweenness was computed, and why.
    pub betweenness_method: BetweennessMethod,
    /// Sampling details when betweenness was approximated; absent when
    /// exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betweenness_approx: Option<ApproxInfo>,
    /// Clustering, assortativity, degree distribution and distances
    /// (see [`super::structure`]).
    pub structure: super::structure::Structure,
}

/// How the network summary computed betweenness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BetweennessMethod {
    /// `exact` or `sampled` (see `betweenness_approx`).
    pub method: &'static str,
    /// `--approx` (sampling asked for), `--exact` (exactness asked for) or
    /// `cost` (exact when `exact_cost` is within `budget`).
    pub chosen_by: &'static str,
    /// Work of exact betweenness on this view: over each component,
    /// sources × (arcs + 64 × nodes), × 10 for weighted path lengths (see
    /// [`algo::exact_betweenness_cost`]).
    pub exact_cost: u64,
    /// The budget the cost was compared with (`cost` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<u64>,
}

impl BetweennessMethod {
    /// The choice for a view whose exact betweenness costs `cost` arc
    /// visits, and the sampling options when it is sampled.
    pub fn choose(o: &NetworkOpts, cost: u64) -> (BetweennessMethod, Option<ApproxOpts>) {
        let (approx, chosen_by) = match (o.approx, o.exact_budget) {
            (Some(a), _) => (Some(a), "--approx"),
            (None, None) => (None, "--exact"),
            (None, Some(b)) => ((cost > b).then(ApproxOpts::default), "cost"),
        };
        let m = BetweennessMethod {
            method: if approx.is_some() { "sampled" } else { "exact" },
            chosen_by,
            exact_cost: cost,
            budget: o.exact_budget.filter(|_| chosen_by == "cost"),
        };
        (m, approx)
    }
}

/// Component label of every node (labels are the smallest node of the
/// component); see [`crate::algo::components`].
pub fn components(view: &View) -> Vec<u32> {
    algo::components(&view.csr)
}

fn top(net: &Network, view: &View, score: &[f64], k: usize) -> Vec<Ranked> {
    algo::ranking(score, |v| net.actor(view.actors[v]).id.as_str())
        .into_iter()
        .take(k)
        .map(|v| {
            let a = net.actor(view.actors[v]);
            Ranked {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.to_string(),
                value: score[v],
            }
        })
        .collect()
}

/// Compute the network summary of a built view. Time O(n log n + m) plus
/// the centralities: exact betweenness and closeness are O(n·m) unweighted
/// (see [`crate::algo::betweenness`]).
pub fn network_summary(net: &Network, view: &View, o: &NetworkOpts) -> NetworkSummary {
    network_summary_with(net, view, o, crate::algo::NO_PROGRESS)
}

/// [`network_summary`], reporting traversal progress (see
/// [`crate::algo::centrality_with`]; [`NetworkOpts::traversals`] per node).
pub fn network_summary_with(
    net: &Network,
    view: &View,
    o: &NetworkOpts,
    progress: crate::algo::Progress<'_>,
) -> NetworkSummary {
    let n = view.n();
    let csr = &view.csr;
    let m = csr.m() as u64;
    let deg: Vec<f64> = algo::degree(csr).into_iter().map(f64::from).collect();
    let strength = algo::strength(csr);
    let size = algo::component_sizes(&algo::components(csr));
    let count = size.iter().filter(|&&s| s > 0).count() as u64;
    let largest = size.iter().copied().max().unwrap_or(0);
    let nf = n as f64;
    let centralization = algo::centralization(&deg, (nf - 1.0) * (nf - 2.0));
    let cost = algo::exact_betweenness_cost(csr, algo::is_weighted(view));
    let (method, approx) = BetweennessMethod::choose(o, cost);
    if approx.is_some() && o.approx.is_none() {
        // the exact pass counted in `NetworkOpts::traversals` is not run
        progress(n as u64);
    }
    let ct = crate::algo::centrality_with(
        view,
        &CentralityOpts {
            measures: vec![
                Measure::Betweenness,
                Measure::Closeness,
                Measure::Harmonic,
                Measure::Eigenvector,
                Measure::Pagerank,
                Measure::Core,
            ],
            approx,
            top_edges: None,
        },
        progress,
    );
    let scores =
        |m: Measure| -> Vec<f64> { (0..n).map(|v| ct.value(m, v).unwrap_or(0.0)).collect() };
    let btw = scores(Measure::Betweenness);
    NetworkSummary {
        actors: n as u64,
        pairs: m,
        links: view.multiplicity.iter().map(|&k| u64::from(k)).sum::<u64>() / 2,
        density: (n >= 2).then(|| 2.0 * m as f64 / (nf * (nf - 1.0))),
        mean_degree: ratio(2.0 * m as f64, nf),
        degree_centralization: centralization,
        components: Components {
            count,
            largest,
            largest_share: ratio(largest as f64, nf),
            isolated: deg.iter().filter(|&&d| d == 0.0).count() as u64,
        },
        top_degree: top(net, view, &deg, o.top),
        top_strength: top(net, view, &strength, o.top),
        betweenness_centralization: algo::centralization(&btw, nf - 1.0),
        top_betweenness: top(net, view, &btw, o.top),
        top_closeness: top(net, view, &scores(Measure::Closeness), o.top),
        top_harmonic: top(net, view, &scores(Measure::Harmonic), o.top),
        top_eigenvector: top(net, view, &scores(Measure::Eigenvector), o.top),
        top_pagerank: top(net, view, &scores(Measure::Pagerank), o.top),
        top_core: top(net, view, &scores(Measure::Core), o.top),
        betweenness_method: method,
        betweenness_approx: ct.approx,
        structure: super::structure::structure(net, view),
    }
}
