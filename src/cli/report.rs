//! `iuinet report [DATA] -o report.html`: one self-contained HTML page with
//! the dataset summary, the consortium-type breakdown, region × region link
//! density, inter-business connection averages by firm size class,
//! activities and participants per year, the published figures over the
//! years, the degree distribution, communities against the mini clusters,
//! top actors by betweenness, top brokers and a drawing of the network of
//! regions. The figures are built by `present::report` from `metrics`;
//! charts are drawn by `output::report`.

use super::common::{ApproxArgs, Ctx, DataArg, ViewArgs};
use crate::error::Result;
use crate::output::report::render;
use crate::present::report::{ReportOpts, report_data};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the HTML report.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Rows of the top-actor tables.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Groups of the scorecard section: mini_cluster, complex or region
    /// (benchmark `top`, the built-in weights).
    #[arg(long, default_value = "region")]
    pub scorecard_by: crate::metrics::scorecard::GroupBy,
    #[command(flatten)]
    pub approx: ApproxArgs,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let approx = a.approx.opts()?;
    let net = a.data.load(ctx)?;
    let o = ReportOpts {
        name: a.data.name(),
        view: a.view.opts(),
        approx,
        top: a.top,
        communities_rows: 12,
        communities_cols: 16,
        scorecard_by: a.scorecard_by,
    };
    let d = ctx.stage("report figures", || report_data(&net, &o))?;
    let html = ctx.stage("render", || render(&d))?;
    crate::output::write_out(html.as_bytes(), a.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
