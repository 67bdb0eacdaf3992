//! `iuinet centrality [DATA]`: degree, strength, betweenness, closeness,
//! harmonic, eigenvector, PageRank and k-core of every actor of a view, with
//! NetworkX 3.x conventions; optionally the top edges by betweenness and
//! sampled (approximate) betweenness.
//!
//! Output: JSON (`iuinet.centrality/1`, nodes in actor-id order), CSV (one
//! row per actor; with `--top-edges`, a blank line and the edge rows), or a
//! table. Memory: the view (O(Σ s_g² + m)) plus O(n + m) per thread.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default};
use crate::algo::{self, CentralityOpts, CentralityTable, Measure};
use crate::error::Result;
use crate::metrics::centrality::{CentralityReport, report};
use crate::output::table::TextTable;
use crate::view::View;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Rank actors by centrality measures.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Measures, comma-separated: degree, strength, betweenness, closeness,
    /// harmonic, eigenvector, pagerank, core (default: all).
    #[arg(long, value_delimiter = ',')]
    pub measures: Vec<Measure>,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Keep only the N highest actors by the first measure, highest first.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Also list the N edges with the highest betweenness.
    #[arg(long, value_name = "N")]
    pub top_edges: Option<usize>,
    /// Sample betweenness with additive error EPS (Riondato–Kornaropoulos)
    /// instead of computing it exactly.
    #[arg(long, value_name = "EPS")]
    pub approx: Option<f64>,
    /// Failure probability δ of `--approx`.
    #[arg(long, value_name = "DELTA", default_value_t = 0.1)]
    pub approx_delta: f64,
    /// Seed of `--approx` sampling.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let approx = super::common::approx_opts(a.approx, a.approx_delta, a.seed)?;
    let mut measures: Vec<Measure> = Vec::new();
    for &m in &a.measures {
        if !measures.contains(&m) {
            measures.push(m);
        }
    }
    if measures.is_empty() {
        measures = Measure::ALL.to_vec();
    }
    let net = load_or_default(ctx, a.data.as_deref())?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    // one stage per measure (closeness and harmonic share their traversals)
    let mut t = CentralityTable::default();
    let mut done: Vec<Measure> = Vec::new();
    for &m in &measures {
        if done.contains(&m) {
            continue;
        }
        let mut group = vec![m];
        if matches!(m, Measure::Closeness | Measure::Harmonic) {
            for o in [Measure::Closeness, Measure::Harmonic] {
                if o != m && measures.contains(&o) {
                    group.push(o);
                }
            }
        }
        let name = group
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join("+");
        let opts = CentralityOpts {
            measures: group.clone(),
            approx,
            top_edges: None,
        };
        let part = ctx.stage(&name, || {
            let bar = super::progress::Bar::new(ctx, view.n() as u64 * opts.traversals(), &name);
            let cb = bar.callback();
            let r = algo::centrality_with(&view, &opts, &cb);
            bar.finish();
            r
        });
        t.merge(part);
        done.extend(group);
    }
    if let Some(k) = a.top_edges {
        let part = ctx.stage("edge betweenness", || {
            algo::centrality(
                &view,
                &CentralityOpts {
                    measures: vec![Measure::Degree],
                    approx: None,
                    top_edges: Some(k),
                },
            )
        });
        t.edges = part.edges;
        t.traversal = t.traversal.or(part.traversal);
    }
    let top = a.top.map(|k| (measures[0], k));
    let r = report(&net, &view, data_name(a.data.as_deref()), &t, top);
    match a.format {
        Format::Json => crate::output::write_json(&r, a.out.output.as_deref())?,
        Format::Csv => {
            crate::output::write_out(csv(&r, &measures).as_bytes(), a.out.output.as_deref())?
        }
        Format::Table => {
            crate::output::write_out(table(&r, &measures).as_bytes(), a.out.output.as_deref())?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The cells of one node row, in `measures` order; `prec` decimals for
/// floats (None: shortest round-trip form).
fn cells(
    n: &crate::metrics::centrality::NodeRow,
    measures: &[Measure],
    prec: Option<usize>,
) -> Vec<String> {
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

fn csv(r: &CentralityReport, measures: &[Measure]) -> String {
    let mut w = ::csv::Writer::from_writer(vec![]);
    let _ = w.write_record(header(measures));
    for n in &r.nodes {
        let _ = w.write_record(cells(n, measures, None));
    }
    if let Some(es) = &r.edges {
        let _ = w.flush();
        let mut out = w.into_inner().unwrap_or_default();
        out.push(b'\n');
        let mut w = ::csv::Writer::from_writer(out);
        let _ = w.write_record(["a", "b", "betweenness"]);
        for e in es {
            let _ = w.write_record([e.a.clone(), e.b.clone(), e.betweenness.to_string()]);
        }
        return String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn table(r: &CentralityReport, measures: &[Measure]) -> String {
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
