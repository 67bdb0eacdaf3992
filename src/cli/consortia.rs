//! `iuinet consortia [DATA] [--format table|json]`: the consortium-type
//! breakdown of projects (single, industry-industry, industry-institute, …),
//! overall, by year, by project type and by region.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::error::Result;
use crate::metrics::common::Scope;
use crate::metrics::consortia::consortia;
use std::process::ExitCode;

/// Break projects down by consortium type.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
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
    let opts = a.view.opts();
    let c = ctx.stage("consortia", || {
        consortia(&Scope::new(&net, &opts.selection))
    });
    crate::present::emit(&c, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
