//! `iuinet centrality [DATA]`: degree, strength, betweenness, closeness,
//! harmonic, eigenvector, PageRank and k-core of every actor of a view, with
//! NetworkX 3.x conventions; optionally the top edges by betweenness and
//! sampled (approximate) betweenness.
//!
//! Output: JSON (`iuinet.centrality/1`, nodes in actor-id order), CSV (one
//! row per actor; with `--top-edges`, a blank line and the edge rows), or a
//! table. Memory: the view (O(Σ s_g² + m)) plus O(n + m) per thread.

use super::common::{ApproxArgs, Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::algo::{self, CentralityOpts, CentralityTable, Measure};
use crate::error::Result;
use crate::metrics::centrality::report;
use crate::present::Centralities;
use std::process::ExitCode;

/// Rank actors by centrality measures.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
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
    #[command(flatten)]
    pub approx: ApproxArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    a.approx.opts()?;
    let net = a.data.load(ctx)?;
    run_on(a, ctx, &net)
}

/// [`run`] on a loaded dataset (a distributed run loads it once per process).
pub fn run_on(a: &Args, ctx: &Ctx, net: &crate::model::Network) -> Result<ExitCode> {
    let approx = a.approx.opts()?;
    let mut measures: Vec<Measure> = Vec::new();
    for &m in &a.measures {
        if !measures.contains(&m) {
            measures.push(m);
        }
    }
    if measures.is_empty() {
        measures = Measure::ALL.to_vec();
    }
    let view = a.view.build(net, ctx)?;
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
            let bar = ctx.bar(view.n() as u64 * opts.traversals(), &name);
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
    if !ctx.writes {
        return Ok(ExitCode::SUCCESS);
    }
    let r = report(net, &view, a.data.name(), &t, top);
    let shown = Centralities {
        report: &r,
        measures: &measures,
    };
    crate::present::emit(&shown, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
