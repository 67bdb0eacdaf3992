//! `iuinet summary [DATA] [--json]`: actors by kind, size class and region;
//! events, participations, projects, ties; links by layer and year.

use super::common::{Ctx, DataArg, Format, OutArg};
use crate::error::Result;
use crate::metrics::summary::summary;
use std::process::ExitCode;

/// Count actors, groups, ties and links.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Print JSON (schema iuinet.summary/1) instead of tables.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let s = ctx.stage("summary", || summary(&net));
    let format = if a.json { Format::Json } else { Format::Table };
    crate::present::emit(&s, format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
