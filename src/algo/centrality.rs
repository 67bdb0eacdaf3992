//! One call for every centrality of a view: what `iuinet centrality` and
//! the domain metrics use.

use super::approx::{ApproxInfo, ApproxOpts, betweenness_approx};
use super::betweenness::betweenness_with;
use super::closeness::{Closeness, closeness_with};
use super::core::core_number;
use super::degree::{degree, strength};
use super::edge_betweenness::{EdgeScore, edge_betweenness, top_edges};
use super::eigenvector::eigenvector;
use super::pagerank::pagerank;
use super::par::{NO_PROGRESS, Progress};
use super::paths::{Traversal, is_weighted, traversal};
use crate::view::View;
use std::collections::BTreeMap;

crate::names! {
    /// A node centrality measure.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Measure("measure") {
        /// Distinct neighbours.
        Degree = "degree",
        /// Sum of edge weights.
        Strength = "strength",
        /// Normalised betweenness (exact, or sampled with `approx`).
        Betweenness = "betweenness",
        /// Wasserman–Faust closeness.
        Closeness = "closeness",
        /// Harmonic centrality.
        Harmonic = "harmonic",
        /// Eigenvector centrality (unit L2 norm).
        Eigenvector = "eigenvector",
        /// PageRank (α = 0.85).
        Pagerank = "pagerank",
        /// k-core number.
        Core = "core",
    }
}

/// What [`centrality`] computes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CentralityOpts {
    /// Node measures (empty: all of [`Measure::ALL`]).
    pub measures: Vec<Measure>,
    /// Sample betweenness instead of computing it exactly.
    pub approx: Option<ApproxOpts>,
    /// Also compute edge betweenness and keep this many top edges.
    pub top_edges: Option<usize>,
}

impl CentralityOpts {
    /// How many all-source traversals [`centrality_with`] reports progress
    /// for: one for exact betweenness, one for closeness/harmonic.
    pub fn traversals(&self) -> u64 {
        let all = self.measures.is_empty();
        let has = |m: Measure| all || self.measures.contains(&m);
        u64::from(has(Measure::Betweenness) && self.approx.is_none())
            + u64::from(has(Measure::Closeness) || has(Measure::Harmonic))
    }
}

/// One measure's values, one per view node: counts (degree, core) or reals.
#[derive(Debug, Clone, PartialEq)]
pub enum Scores {
    /// Whole numbers (degree, core number).
    Count(Vec<u32>),
    /// Real values.
    Real(Vec<f64>),
}

impl Scores {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        match self {
            Scores::Count(v) => v.len(),
            Scores::Real(v) => v.len(),
        }
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at node `v` as f64.
    pub fn at(&self, v: usize) -> f64 {
        match self {
            Scores::Count(x) => f64::from(x[v]),
            Scores::Real(x) => x[v],
        }
    }

    /// Every value as f64.
    pub fn to_f64(&self) -> Vec<f64> {
        (0..self.len()).map(|v| self.at(v)).collect()
    }
}

/// Every requested measure, one value per view node, stored by measure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CentralityTable {
    scores: BTreeMap<Measure, Scores>,
    /// Top edges by betweenness, when asked for.
    pub edges: Option<Vec<EdgeScore>>,
    /// Sampling details when betweenness was approximated.
    pub approx: Option<ApproxInfo>,
    /// The traversal unweighted BFS measures used.
    pub traversal: Option<Traversal>,
}

impl CentralityTable {
    /// The values of measure `m`, if computed.
    pub fn get(&self, m: Measure) -> Option<&Scores> {
        self.scores.get(&m)
    }

    /// Real values of measure `m`, if computed and real.
    pub fn reals(&self, m: Measure) -> Option<&[f64]> {
        match self.scores.get(&m) {
            Some(Scores::Real(v)) => Some(v),
            _ => None,
        }
    }

    /// Counts of measure `m`, if computed and whole.
    pub fn counts(&self, m: Measure) -> Option<&[u32]> {
        match self.scores.get(&m) {
            Some(Scores::Count(v)) => Some(v),
            _ => None,
        }
    }

    /// Store the values of measure `m` (replacing earlier ones).
    pub fn insert(&mut self, m: Measure, s: Scores) {
        self.scores.insert(m, s);
    }

    /// Add what `other` holds and `self` lacks (measures, edges, approx
    /// details, traversal); `self` wins where both hold a value.
    pub fn merge(&mut self, other: CentralityTable) {
        for (m, s) in other.scores {
            self.scores.entry(m).or_insert(s);
        }
        self.edges = self.edges.take().or(other.edges);
        self.approx = self.approx.or(other.approx);
        self.traversal = self.traversal.or(other.traversal);
    }

    /// Value of a measure at node `v` as f64, if computed.
    pub fn value(&self, m: Measure, v: usize) -> Option<f64> {
        self.get(m).filter(|s| v < s.len()).map(|s| s.at(v))
    }

    /// View nodes ordered by measure `m`, highest first, ties by node index
    /// (see [`ranking`](super::ranking)); empty if `m` was not computed.
    pub fn ranking(&self, m: Measure) -> Vec<u32> {
        self.get(m).map_or_else(Vec::new, |s| {
            super::rank::ranking(&s.to_f64(), |v| v)
                .into_iter()
                .map(|v| v as u32)
                .collect()
        })
    }
}

/// Compute the requested centralities of a view. Weighted views (weighting
/// `sum` or `newman`) use edge length 1/weight for path measures and the
/// weight itself for strength, eigenvector and PageRank; degree and core
/// ignore weights. Closeness and harmonic share one traversal per node.
/// Deterministic: same bits for any thread count.
pub fn centrality(view: &View, o: &CentralityOpts) -> CentralityTable {
    centrality_with(view, o, NO_PROGRESS)
}

/// [`centrality`], telling `progress` how many traversal sources are done:
/// n for exact betweenness and n for closeness/harmonic, when requested
/// (see [`CentralityOpts::traversals`]).
pub fn centrality_with(view: &View, o: &CentralityOpts, progress: Progress<'_>) -> CentralityTable {
    let ms: Vec<Measure> = if o.measures.is_empty() {
        Measure::ALL.to_vec()
    } else {
        o.measures.clone()
    };
    let g = &view.csr;
    let w = is_weighted(view);
    let mut t = CentralityTable::default();
    let mut paths = None;
    for m in ms {
        if t.get(m).is_some() {
            continue;
        }
        let s = match m {
            Measure::Degree => Scores::Count(degree(g)),
            Measure::Strength => Scores::Real(strength(g)),
            Measure::Betweenness => match &o.approx {
                Some(a) => {
                    let (b, info) = betweenness_approx(g, w, a);
                    t.approx = Some(info);
                    Scores::Real(b)
                }
                None => Scores::Real(betweenness_with(view, progress)),
            },
            Measure::Closeness | Measure::Harmonic => {
                // one traversal per node serves both
                let c: &Closeness = paths.get_or_insert_with(|| closeness_with(view, progress));
                Scores::Real(if m == Measure::Closeness {
                    c.closeness.clone()
                } else {
                    c.harmonic.clone()
                })
            }
            Measure::Eigenvector => Scores::Real(eigenvector(g)),
            Measure::Pagerank => Scores::Real(pagerank(g)),
            Measure::Core => Scores::Count(core_number(g)),
        };
        t.insert(m, s);
    }
    if let Some(k) = o.top_edges {
        t.edges = Some(top_edges(edge_betweenness(g, w), k));
    }
    if !w {
        t.traversal = Some(traversal(view));
    }
    t
}
