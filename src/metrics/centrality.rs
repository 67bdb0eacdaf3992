//! The `iuinet centrality` report (`schema` = `iuinet.centrality/1`).

use crate::algo::{ApproxInfo, CentralityTable, Measure, Traversal};
use crate::model::{Kind, Network};
use crate::view::{View, ViewOpts};
use serde::Serialize;

/// Schema tag of [`CentralityReport`].
pub const SCHEMA: &str = "iuinet.centrality/1";

/// What was analysed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewInfo {
    /// Dataset name (path, or the embedded dataset).
    pub data: String,
    /// Selection and weighting.
    #[serde(flatten)]
    pub opts: ViewOpts,
    /// Actors in the view.
    pub nodes: usize,
    /// Linked actor pairs (collapsed edges).
    pub edges: usize,
    /// Traversal of the unweighted BFS measures (`incidence` or `csr`);
    /// null for weighted views.
    pub traversal: Option<Traversal>,
    /// Sampling details when betweenness is approximate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<ApproxInfo>,
    /// With `--top N`: nodes are the N highest by this measure, highest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranked_by: Option<Measure>,
}

/// One actor's centralities (only the measures computed are present).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeRow {
    /// Actor id.
    pub id: String,
    /// Actor kind.
    pub kind: Kind,
    /// Distinct neighbours.
    pub degree: Option<u32>,
    /// Sum of edge weights.
    pub strength: Option<f64>,
    /// Betweenness, normalised by (n−1)(n−2)/2 (unordered pairs).
    pub betweenness: Option<f64>,
    /// Wasserman–Faust closeness, in [0, 1].
    pub closeness: Option<f64>,
    /// Σ 1/distance (distance in hops, or Σ 1/weight when weighted).
    pub harmonic: Option<f64>,
    /// Eigenvector centrality, unit Euclidean norm over the view.
    pub eigenvector: Option<f64>,
    /// PageRank (α = 0.85), sums to 1 over the view.
    pub pagerank: Option<f64>,
    /// k-core number.
    pub core: Option<u32>,
}

/// One edge's betweenness.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeRow {
    /// One end (the smaller actor id).
    pub a: String,
    /// The other end.
    pub b: String,
    /// Edge betweenness, normalised by n(n−1)/2 (unordered pairs).
    pub betweenness: f64,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentralityReport {
    /// Schema tag.
    pub schema: &'static str,
    /// What was analysed.
    pub view: ViewInfo,
    /// One row per actor, in actor-id order (or ranked, with `--top`).
    pub nodes: Vec<NodeRow>,
    /// Top edges by betweenness, highest first (ties by ids), when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edges: Option<Vec<EdgeRow>>,
}

/// Assemble the report. `top`: keep the `top` highest nodes by `rank_by`
/// (highest first, ties by actor id) instead of all nodes in id order.
pub fn report(
    net: &Network,
    view: &View,
    data: String,
    t: &CentralityTable,
    top: Option<(Measure, usize)>,
) -> CentralityReport {
    let id = |v: u32| net.actors[view.actors[v as usize] as usize].id.as_str();
    let row = |v: u32| {
        let a = &net.actors[view.actors[v as usize] as usize];
        let vu = v as usize;
        let f = |m: Measure| t.reals(m).map(|x| x[vu]);
        let u = |m: Measure| t.counts(m).map(|x| x[vu]);
        NodeRow {
            id: a.id.clone(),
            kind: a.kind,
            degree: u(Measure::Degree),
            strength: f(Measure::Strength),
            betweenness: f(Measure::Betweenness),
            closeness: f(Measure::Closeness),
            harmonic: f(Measure::Harmonic),
            eigenvector: f(Measure::Eigenvector),
            pagerank: f(Measure::Pagerank),
            core: u(Measure::Core),
        }
    };
    let mut order: Vec<u32> = (0..view.n() as u32).collect();
    order.sort_by(|&a, &b| id(a).cmp(id(b)));
    let ranked_by = top.map(|(m, k)| {
        let score: Vec<f64> = (0..view.n())
            .map(|v| t.value(m, v).unwrap_or(0.0))
            .collect();
        order = crate::algo::ranking(&score, |v| id(v as u32))
            .into_iter()
            .map(|v| v as u32)
            .collect();
        order.truncate(k);
        m
    });
    let edges = t.edges.as_ref().map(|es| {
        let mut rows: Vec<EdgeRow> = es
            .iter()
            .map(|e| {
                let (a, b) = (id(e.a), id(e.b));
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                EdgeRow {
                    a: a.to_string(),
                    b: b.to_string(),
                    betweenness: e.value,
                }
            })
            .collect();
        rows.sort_by(|x, y| {
            y.betweenness
                .total_cmp(&x.betweenness)
                .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
        });
        rows
    });
    CentralityReport {
        schema: SCHEMA,
        view: ViewInfo {
            data,
            opts: view.opts.clone(),
            nodes: view.n(),
            edges: view.csr.m(),
            traversal: t.traversal,
            approx: t.approx,
            ranked_by,
        },
        nodes: order.into_iter().map(row).collect(),
        edges,
    }
}
