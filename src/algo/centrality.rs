//! One call for every centrality of a view: what `iuinet centrality` and
//! the domain metrics use.

use super::approx::{ApproxInfo, ApproxOpts, betweenness_approx};
use super::betweenness::{Traversal, is_weighted, traversal};
use super::core::core_number;
use super::degree::{degree, strength};
use super::edge_betweenness::{EdgeScore, edge_betweenness, top_edges};
use super::eigenvector::eigenvector;
use super::pagerank::pagerank;
use crate::view::View;
use std::fmt;
use std::str::FromStr;

/// A node centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Distinct neighbours.
    Degree,
    /// Sum of edge weights.
    Strength,
    /// Normalised betweenness (exact, or sampled with `approx`).
    Betweenness,
    /// Wasserman–Faust closeness.
    Closeness,
    /// Harmonic centrality.
    Harmonic,
    /// Eigenvector centrality (unit L2 norm).
    Eigenvector,
    /// PageRank (α = 0.85).
    Pagerank,
    /// k-core number.
    Core,
}

impl Measure {
    /// Every node measure, in output order.
    pub const ALL: [Measure; 8] = [
        Measure::Degree,
        Measure::Strength,
        Measure::Betweenness,
        Measure::Closeness,
        Measure::Harmonic,
        Measure::Eigenvector,
        Measure::Pagerank,
        Measure::Core,
    ];

    /// The name used on the command line and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::Strength => "strength",
            Measure::Betweenness => "betweenness",
            Measure::Closeness => "closeness",
            Measure::Harmonic => "harmonic",
            Measure::Eigenvector => "eigenvector",
            Measure::Pagerank => "pagerank",
            Measure::Core => "core",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = String;
    fn from_str(s: &str) -> Result<Measure, String> {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown measure {s:?}, expected one of degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, core"
                )
            })
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

/// Every requested measure, one value per view node (`None`: not asked for).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CentralityTable {
    /// Degree.
    pub degree: Option<Vec<u32>>,
    /// Strength.
    pub strength: Option<Vec<f64>>,
    /// Betweenness (NetworkX `normalized=True`).
    pub betweenness: Option<Vec<f64>>,
    /// Closeness (Wasserman–Faust).
    pub closeness: Option<Vec<f64>>,
    /// Harmonic.
    pub harmonic: Option<Vec<f64>>,
    /// Eigenvector.
    pub eigenvector: Option<Vec<f64>>,
    /// PageRank.
    pub pagerank: Option<Vec<f64>>,
    /// Core number.
    pub core: Option<Vec<u32>>,
    /// Top edges by betweenness, when asked for.
    pub edges: Option<Vec<EdgeScore>>,
    /// Sampling details when betweenness was approximated.
    pub approx: Option<ApproxInfo>,
    /// The traversal unweighted BFS measures used.
    pub traversal: Option<Traversal>,
}

impl CentralityTable {
    /// Value of a measure at node `v` as f64, if computed.
    pub fn value(&self, m: Measure, v: usize) -> Option<f64> {
        let f = |x: &Option<Vec<f64>>| x.as_ref().and_then(|x| x.get(v).copied());
        let u = |x: &Option<Vec<u32>>| x.as_ref().and_then(|x| x.get(v).map(|&d| f64::from(d)));
        match m {
            Measure::Degree => u(&self.degree),
            Measure::Strength => f(&self.strength),
            Measure::Betweenness => f(&self.betweenness),
            Measure::Closeness => f(&self.closeness),
            Measure::Harmonic => f(&self.harmonic),
            Measure::Eigenvector => f(&self.eigenvector),
            Measure::Pagerank => f(&self.pagerank),
            Measure::Core => u(&self.core),
        }
    }

    /// View nodes ordered by measure `m`, highest first, ties by node index;
    /// empty if `m` was not computed.
    pub fn ranking(&self, m: Measure) -> Vec<u32> {
        let Some(n) = self.len() else {
            return vec![];
        };
        if n > 0 && self.value(m, 0).is_none() {
            return vec![];
        }
        let mut ix: Vec<u32> = (0..n as u32).collect();
        ix.sort_by(|&a, &b| {
            let (x, y) = (
                self.value(m, a as usize).unwrap_or(0.0),
                self.value(m, b as usize).unwrap_or(0.0),
            );
            y.total_cmp(&x).then(a.cmp(&b))
        });
        ix
    }

    fn len(&self) -> Option<usize> {
        [
            self.strength.as_ref().map(Vec::len),
            self.betweenness.as_ref().map(Vec::len),
            self.closeness.as_ref().map(Vec::len),
            self.harmonic.as_ref().map(Vec::len),
            self.eigenvector.as_ref().map(Vec::len),
            self.pagerank.as_ref().map(Vec::len),
            self.degree.as_ref().map(Vec::len),
            self.core.as_ref().map(Vec::len),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

/// Compute the requested centralities of a view. Weighted views (weighting
/// `sum` or `newman`) use edge length 1/weight for path measures and the
/// weight itself for strength, eigenvector and PageRank; degree and core
/// ignore weights. Closeness and harmonic share one traversal per node.
/// Deterministic: same bits for any thread count.
pub fn centrality(view: &View, o: &CentralityOpts) -> CentralityTable {
    centrality_with(view, o, super::NO_PROGRESS)
}

/// [`centrality`], telling `progress` how many traversal sources are done:
/// n for exact betweenness and n for closeness/harmonic, when requested
/// (see [`CentralityOpts::traversals`]).
pub fn centrality_with(
    view: &View,
    o: &CentralityOpts,
    progress: super::Progress<'_>,
) -> CentralityTable {
    let ms: Vec<Measure> = if o.measures.is_empty() {
        Measure::ALL.to_vec()
    } else {
        o.measures.clone()
    };
    let has = |m: Measure| ms.contains(&m);
    let g = &view.csr;
    let w = is_weighted(view);
    let mut t = CentralityTable::default();
    if has(Measure::Degree) {
        t.degree = Some(degree(g));
    }
    if has(Measure::Strength) {
        t.strength = Some(strength(g));
    }
    if has(Measure::Betweenness) {
        match &o.approx {
            Some(a) => {
                let (b, info) = betweenness_approx(g, w, a);
                t.betweenness = Some(b);
                t.approx = Some(info);
            }
            None => t.betweenness = Some(super::betweenness_with(view, progress)),
        }
    }
    if has(Measure::Closeness) || has(Measure::Harmonic) {
        let c = super::closeness_with(view, progress);
        if has(Measure::Closeness) {
            t.closeness = Some(c.closeness);
        }
        if has(Measure::Harmonic) {
            t.harmonic = Some(c.harmonic);
        }
    }
    if has(Measure::Eigenvector) {
        t.eigenvector = Some(eigenvector(g));
    }
    if has(Measure::Pagerank) {
        t.pagerank = Some(pagerank(g));
    }
    if has(Measure::Core) {
        t.core = Some(core_number(g));
    }
    if let Some(k) = o.top_edges {
        t.edges = Some(top_edges(edge_betweenness(g, w), k));
    }
    if !w {
        t.traversal = Some(traversal(view));
    }
    t
}
