//! `iuinet metrics [DATA] [-o FILE] [--only LIST]`: the batch job. Computes
//! every domain figure (inter-business connections, I-U-I cases, global
//! networking weight, consortium types, activity, mini clusters, density,
//! triple helix) and the network summary on the selection of the view
//! flags, and writes one JSON document (schema `iuinet.metrics/1`; fields in
//! README). With `-o` the file is written atomically. Output bytes do not
//! depend on the run or the thread count.

use super::common::{ApproxArgs, Ctx, DataArg, OutArg, ViewArgs};
use crate::error::Result;
use crate::metrics::density::By;
use crate::metrics::document::{MetricsOpts, Section, metrics_with};
use crate::metrics::global::GlobalOpts;
use crate::metrics::network::NetworkOpts;
use std::process::ExitCode;

/// Compute all domain metrics and write them as one JSON document.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Compute only these sections (comma-separated): published,
    /// inter_business, iui_collaboration, global_networking, consortia,
    /// large_sme_projects, firm_size_mix, activity, mini_clusters, density,
    /// triple_helix, network, network_views, scorecard. The domain sections use the
    /// records their definitions name (`records` in the JSON); --layers,
    /// --kinds and --weight apply to density and network only.
    #[arg(long, value_delimiter = ',')]
    pub only: Option<Vec<Section>>,
    /// Tie types counted by the global networking weight (comma-separated;
    /// the KICOX figure is "related to purchase and sales").
    #[arg(long, value_delimiter = ',', default_value = "purchase,sales")]
    pub global_types: Vec<String>,
    /// Reference file of the `published` section (CSV: figure,
    /// source_table, source_line, report_year, data_year, published,
    /// tolerance, metric, note; see docs/metrics.md). Default: the built-in
    /// KICOX 2010 figures (graphs/korea-iccp/published.csv).
    #[arg(long, value_name = "FILE")]
    pub reference: Option<std::path::PathBuf>,
    /// Actor attribute of the density section: region, kind, size_class, mini_cluster, complex.
    #[arg(long, default_value = "region")]
    pub density_by: By,
    /// Groups of the scorecard section: mini_cluster, complex or region
    /// (benchmark `top`, the built-in weights; `iuinet scorecard` has the
    /// other options).
    #[arg(long, default_value = "mini_cluster")]
    pub scorecard_by: crate::metrics::scorecard::GroupBy,
    /// Top actors listed per measure in the network section.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Sampled betweenness in the network sections. Without it, each view's
    /// betweenness is exact when its estimated work is at most 2e10 units
    /// (about 10 CPU seconds; sources × (arcs + 64 × nodes) per component) and
    /// sampled (EPS 0.01, delta 0.1, seed 0) above that; `betweenness_method`
    /// in the JSON says which and why.
    #[command(flatten)]
    pub approx: ApproxArgs,
    /// Exact betweenness in the network sections whatever it costs.
    #[arg(long, conflicts_with = "approx")]
    pub exact: bool,
    #[command(flatten)]
    pub view: ViewArgs,
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
    let only = a.only.as_ref().map(|o| {
        let mut v = o.clone();
        v.sort();
        v.dedup();
        v
    });
    let reference = match &a.reference {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| crate::Error::io(p, e))?;
            let rows = crate::metrics::published::parse_reference(p, &text)?;
            Some((p.display().to_string(), rows))
        }
        None => None,
    };
    let opts = MetricsOpts {
        reference,
        only,
        global: GlobalOpts {
            types: a.global_types.clone(),
        },
        density_by: a.density_by,
        network: NetworkOpts {
            top: a.top,
            approx,
            exact_budget: (!a.exact).then_some(crate::algo::EXACT_BUDGET),
        },
        scorecard: crate::metrics::scorecard::ScoreOpts {
            by: a.scorecard_by,
            ..Default::default()
        },
    };
    let vo = a.view.opts();
    let m = ctx.stage("metrics", || {
        // the network section's traversals: one per selected actor and pass
        let n = net
            .actors
            .iter()
            .filter(|x| vo.selection.keeps_kind(x.kind))
            .count() as u64;
        // the flags' view, and the two named views (about as many actors)
        let views = u64::from(opts.wants(Section::Network))
            + 2 * u64::from(opts.wants(Section::NetworkViews));
        let passes = views * opts.network.traversals();
        let bar = ctx.bar(n * passes, "centrality traversals");
        let cb = bar.callback();
        let r = metrics_with(net, &a.data.name(), &vo, &opts, &cb);
        bar.finish();
        r
    })?;
    if ctx.writes {
        crate::output::write_json(&m, a.out.output.as_deref())?;
    }
    Ok(ExitCode::SUCCESS)
}
