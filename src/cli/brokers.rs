//! `iuinet brokers [DATA] --by region [--top N] [--format table|json|csv]`:
//! who bridges groups. Gould–Fernandez brokerage roles with respect to a
//! grouping of the actors, with expected counts under random ties, and
//! Burt's constraint, effective size, efficiency and hierarchy.
//!
//! Output: one row per actor, most open two-paths first (then lowest
//! constraint, then id). Memory: the view plus O(n) per thread.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::error::Result;
use crate::metrics::brokers::{GroupBy, brokers};
use std::process::ExitCode;

/// List the top brokers with their roles and structural-hole figures.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Grouping for the brokerage roles: kind, region, size_class,
    /// mini_cluster (the actor's first) or complex; missing values form the
    /// group `unknown`.
    #[arg(long, default_value = "region")]
    pub by: GroupBy,
    /// Number of actors to list (0 = all).
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Output format (JSON schema iuinet.brokers/1).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let (net, view) = a.view.load(&a.data, ctx)?;
    let r = ctx.stage("brokerage", || brokers(&net, &view, a.by, a.top));
    crate::present::emit(&r, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
