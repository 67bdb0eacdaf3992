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
use crate::metrics::global::GlobalOpts;
use crate::metrics::network::NetworkOpts;
use crate::metrics::report::{MetricsOpts, Section, metrics_with};
use std::process::ExitCode;

/// Compute all domain metrics and write them as one JSON document.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Compute only these sections (comma-separated): inter_business,
    /// iui_collaboration, global_networking, consortia, activity,
    /// mini_clusters, density, triple_helix, network.
    #[arg(long, value_delimiter = ',')]
    pub only: Option<Vec<Section>>,
    /// Tie types counted by the global networking weight (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "purchase,sales,supply")]
    pub global_types: Vec<String>,
    /// Actor attribute of the density section: region, kind, size_class, mini_cluster, complex.
    #[arg(long, default_value = "region")]
    pub density_by: By,
    /// Top actors listed per measure in the network section.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Sampled betweenness in the network section.
    #[command(flatten)]
    pub approx: ApproxArgs,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let approx = a.approx.opts()?;
    let net = a.data.load(ctx)?;
    let only = a.only.as_ref().map(|o| {
        let mut v = o.clone();
        v.sort();
        v.dedup();
        v
    });
    let opts = MetricsOpts {
        only,
        global: GlobalOpts {
            types: a.global_types.clone(),
        },
        density_by: a.density_by,
        network: NetworkOpts { top: a.top, approx },
    };
    let vo = a.view.opts();
    let m = ctx.stage("metrics", || {
        // the network section's traversals: one per selected actor and pass
        let n = net
            .actors
            .iter()
            .filter(|x| vo.selection.keeps_kind(x.kind))
            .count() as u64;
        let passes = if opts.wants(Section::Network) {
            opts.network.traversals()
        } else {
            0
        };
        let bar = ctx.bar(n * passes, "centrality traversals");
        let cb = bar.callback();
        let r = metrics_with(&net, &a.data.name(), &vo, &opts, &cb);
        bar.finish();
        r
    })?;
    crate::output::write_json(&m, a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
