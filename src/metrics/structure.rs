//! Structure statistics of the analysis view (the `structure` part of the
//! `network` section): clustering, assortativity, degree distribution,
//! diameter and mean distance. Unweighted (NetworkX `weight=None`
//! conventions; see [`crate::algo::structure`]).

use crate::algo::structure::{
    DistanceOpts, NO_LABEL, attribute_assortativity, clustering, degree_assortativity,
    degree_counts, distances, quantile,
};
use crate::metrics::brokers::GroupBy;
use crate::model::{Actor, Network};
use crate::view::View;
use serde::Serialize;
use std::collections::BTreeMap;

/// Clustering of the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusteringStats {
    /// Mean local clustering over all actors, actors with fewer than two
    /// partners counted as 0 (NetworkX `average_clustering`), 0–1; null
    /// for an empty view.
    pub average: Option<f64>,
    /// Mean local clustering over actors with at least two partners, 0–1;
    /// null when there is none.
    pub average_defined: Option<f64>,
    /// Transitivity: 3 × triangles / connected triples (NetworkX
    /// `transitivity`), 0–1.
    pub transitivity: f64,
    /// Triangles (closed triples of actors).
    pub triangles: u64,
}

/// Degree quantiles (NumPy's linear interpolation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DegreeQuantiles {
    /// Smallest degree.
    pub min: f64,
    /// 10th percentile.
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub median: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Largest degree.
    pub max: f64,
}

/// The degree (distinct partners) distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DegreeDistribution {
    /// `[degree, actors]` pairs, ascending by degree, degrees with no actor
    /// left out.
    pub counts: Vec<[u64; 2]>,
    /// Mean degree; null for an empty view.
    pub mean: Option<f64>,
    /// Quantiles; null for an empty view.
    pub quantiles: Option<DegreeQuantiles>,
    /// Discrete power-law fit of the tail of the degrees of linked actors
    /// (degree ≥ 1) and its likelihood-ratio comparisons with the
    /// exponential and the lognormal, as the Python `powerlaw` package
    /// (`Fit(degrees, discrete=True, estimate_discrete=False)`; see
    /// [`crate::algo::powerlaw`]): `xmin`, `alpha` (± `alpha_std_error`),
    /// `n_tail` of `n` actors, `ks_distance`, the fitted `exponential_lambda`,
    /// `lognormal_mu`, `lognormal_sigma`, and `vs_exponential` /
    /// `vs_lognormal` with `log_likelihood_ratio` R (> 0 favours the power
    /// law), `normalized_ratio` and the two-sided `p` of R's sign. Null
    /// with fewer than two distinct degrees.
    pub power_law: Option<crate::algo::powerlaw::PowerLawFit>,
}

/// Hop distances between reachable actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceStats {
    /// true: BFS from every actor; false: from `sources` actors sampled
    /// uniformly (seed 1), used when the view has more than 2,000 actors.
    pub exact: bool,
    /// BFS sources.
    pub sources: u64,
    /// Longest shortest path between reachable actors (hops); when sampled,
    /// the largest eccentricity of the sources, a lower bound.
    pub diameter: u64,
    /// Mean shortest-path length over ordered reachable pairs (hops); null
    /// without any.
    pub mean_distance: Option<f64>,
    /// Standard error of `mean_distance` (hops): 0 when exact; sampled, the
    /// per-source means' standard deviation / √sources with the finite
    /// population correction (±1.96 × this is a 95 % interval).
    pub mean_distance_std_error: f64,
}

/// The structure statistics of a view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Structure {
    /// Clustering.
    pub clustering: ClusteringStats,
    /// Degree assortativity (Pearson r of the degrees at edge ends, NetworkX
    /// `degree_assortativity_coefficient`), −1 … 1; null without edges or
    /// degree variance.
    pub degree_assortativity: Option<f64>,
    /// Attribute assortativity (NetworkX
    /// `attribute_assortativity_coefficient`), −1 … 1, by `kind`, `region`
    /// and `size_class`; links with an end lacking the value are left out
    /// (so `size_class` is among firms with a class); null when undefined.
    pub attribute_assortativity: BTreeMap<String, Option<f64>>,
    /// Degree distribution.
    pub degree_distribution: DegreeDistribution,
    /// Diameter and mean distance.
    pub distances: DistanceStats,
}

fn value(by: GroupBy, a: &Actor) -> Option<String> {
    let v = by.of(a);
    (v != crate::metrics::common::UNKNOWN).then_some(v)
}

/// Labels of the view's actors for an attribute (`NO_LABEL` when missing).
fn labels(net: &Network, view: &View, by: GroupBy) -> Vec<u32> {
    let vals: Vec<Option<String>> = view
        .actors
        .iter()
        .map(|&a| value(by, net.actor(a)))
        .collect();
    let ids: BTreeMap<&str, u32> = vals
        .iter()
        .flatten()
        .map(|s| (s.as_str(), 0))
        .collect::<BTreeMap<_, _>>()
        .into_keys()
        .enumerate()
        .map(|(i, k)| (k, i as u32))
        .collect();
    vals.iter()
        .map(|v| v.as_deref().map_or(NO_LABEL, |s| ids[s]))
        .collect()
}

/// Structure statistics of `view`. Time O(Σ deg² + 256 (n + m)) (exact
/// distances on views of at most 2,000 actors: O(n (n + m))).
pub fn structure(net: &Network, view: &View) -> Structure {
    let g = &view.csr;
    let c = clustering(g);
    let mut attr = BTreeMap::new();
    for by in [GroupBy::Kind, GroupBy::Region, GroupBy::SizeClass] {
        attr.insert(
            by.as_str().to_string(),
            attribute_assortativity(g, &labels(net, view, by)),
        );
    }
    let counts = degree_counts(g);
    let mut degs: Vec<f64> = (0..g.n() as u32).map(|v| g.degree(v) as f64).collect();
    degs.sort_by(f64::total_cmp);
    let q = |p| quantile(&degs, p);
    let quantiles = (!degs.is_empty()).then(|| DegreeQuantiles {
        min: degs[0],
        p10: q(0.1).unwrap_or(0.0),
        p25: q(0.25).unwrap_or(0.0),
        median: q(0.5).unwrap_or(0.0),
        p75: q(0.75).unwrap_or(0.0),
        p90: q(0.9).unwrap_or(0.0),
        p99: q(0.99).unwrap_or(0.0),
        max: degs[degs.len() - 1],
    });
    let d = distances(g, &DistanceOpts::default());
    Structure {
        clustering: ClusteringStats {
            average: c.average,
            average_defined: c.average_defined,
            transitivity: c.transitivity,
            triangles: c.triangles,
        },
        degree_assortativity: degree_assortativity(g),
        attribute_assortativity: attr,
        degree_distribution: DegreeDistribution {
            counts: counts.iter().map(|&(d, k)| [u64::from(d), k]).collect(),
            mean: crate::metrics::common::ratio(2.0 * g.m() as f64, g.n() as f64),
            quantiles,
            power_law: crate::algo::powerlaw::fit_discrete(
                &(0..g.n() as u32)
                    .map(|v| g.degree(v) as u64)
                    .collect::<Vec<u64>>(),
                &crate::algo::powerlaw::PowerLawOpts::default(),
            ),
        },
        distances: DistanceStats {
            exact: d.exact,
            sources: d.sources,
            diameter: d.diameter,
            mean_distance: d.mean,
            mean_distance_std_error: d.std_error,
        },
    }
}
