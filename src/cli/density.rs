//! `iuinet density [DATA] --by region [--format table|json]`: link density
//! between groups of actors (by region, kind, size class, mini cluster or
//! complex), the share of links that cross groups, and Krackhardt's E-I
//! index, on the collapsed analysis view.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::error::Result;
use crate::metrics::density::{By, density};
use crate::view::View;
use std::process::ExitCode;

/// Link density between groups of actors, and the E-I index.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Actor attribute that defines the groups: region, kind, size_class, mini_cluster, complex.
    #[arg(long, default_value = "region")]
    pub by: By,
    /// Output format: table or json (no CSV form).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    let d = ctx.stage("density", || density(&net, &view, a.by));
    crate::present::emit(&d, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
