//! `iuinet centrality`: one row per actor, a column per measure, and the top
//! edges by betweenness.

use super::{CsvTable, Present};
use crate::algo::Measure;
use crate::metrics::centrality::{CentralityReport, NodeRow};
use crate::output::table::TextTable;
use serde::Serialize;
use std::fmt::Write;

/// A centrality report with its measures in the order they were asked for
/// (the column order of the table and the CSV; JSON is the report alone).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Centralities<'a> {
    /// The report.
    pub report: &'a CentralityReport,
    /// Measures, in column order.
    #[serde(skip)]
    pub measures: &'a [Measure],
}

/// The cells of one node row, in `measures` order; `prec` decimals for
/// floats (None: shortest round-trip form).
fn cells(n: &NodeRow, measures: &[Measure], prec: Option<usize>) -> Vec<String> {
    let f = |x: Option<f64>| match (x, prec) {
        (Some(x), Some(p)) => format!("{x:.p$}"),
        (Some(x), None) => x.to_string(),
        (None, _) => String::new(),
    };
    let u = |x: Option<u32>| x.map_or(String::new(), |x| x.to_string());
    let mut row = vec![n.id.clone(), n.kind.to_string()];
    for m in measures {
        row.push(match m {
            Measure::Degree => u(n.degree),
            Measure::Strength => f(n.strength),
            Measure::Betweenness => f(n.betweenness),
            Measure::Closeness => f(n.closeness),
            Measure::Harmonic => f(n.harmonic),
            Measure::Eigenvector => f(n.eigenvector),
            Measure::Pagerank => f(n.pagerank),
            Measure::Core => u(n.core),
        });
    }
    row
}

fn header(measures: &[Measure]) -> Vec<&'static str> {
    let mut h = vec!["id", "kind"];
    h.extend(measures.iter().map(|m| m.as_str()));
    h
}

impl Present for Centralities<'_> {
    const NAME: &'static str = "centrality";

    fn table(&self, _data: &str) -> String {
        let (r, measures) = (self.report, self.measures);
        let mut o = String::new();
        let v = &r.view;
        let _ = writeln!(
            o,
            "dataset: {}\nview: {} actors, {} linked pairs, weight {}{}\n",
            v.data,
            v.nodes,
            v.edges,
            v.opts.weight,
            v.approx.map_or(String::new(), |a| format!(
                ", betweenness sampled ({} paths, error ≤ {:.4} with probability ≥ {})",
                a.samples,
                a.error_bound,
                1.0 - a.opts.delta
            ))
        );
        let mut t = TextTable::new(&header(measures));
        for n in &r.nodes {
            t.row(cells(n, measures, Some(6)));
        }
        o.push_str(&t.render());
        if let Some(es) = &r.edges {
            o.push('\n');
            let mut t = TextTable::new(&["a", "b", "betweenness"]);
            for e in es {
                t.row(vec![
                    e.a.clone(),
                    e.b.clone(),
                    format!("{:.6}", e.betweenness),
                ]);
            }
            o.push_str(&t.render());
        }
        o
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let (r, measures) = (self.report, self.measures);
        let mut nodes = CsvTable::new(&header(measures));
        nodes.rows = r.nodes.iter().map(|n| cells(n, measures, None)).collect();
        let mut out = vec![nodes];
        if let Some(es) = &r.edges {
            let mut edges = CsvTable::new(&["a", "b", "betweenness"]);
            edges.rows = es
                .iter()
                .map(|e| vec![e.a.clone(), e.b.clone(), e.betweenness.to_string()])
                .collect();
            out.push(edges);
        }
        Some(out)
    }
}
