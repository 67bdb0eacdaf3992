//! `iuinet density [DATA] --by region [--format table|json]`: link density
//! between groups of actors (by region, kind, size class, mini cluster or
//! complex), the share of links that cross groups, and Krackhardt's E-I
//! index, on the collapsed analysis view.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::error::Result;
use crate::metrics::density::{By, density};
use std::process::ExitCode;

/// Link density between groups of actors, and the E-I index.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Actor attribute that defines the groups: region, kind, size_class,
    /// mini_cluster, complex, or any column of actors.csv.
    #[arg(long, default_value = "region")]
    pub by: String,
    /// Test the E-I index and every block density against N random
    /// permutations of the actors' groups (UCINET's P >= Ob / P <= Ob).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub permutations: usize,
    /// Random seed of the permutations.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
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
    let (net, view) = a.view.load(&a.data, ctx)?;
    let out = a.out.output.as_deref();
    let by = match a.by.parse::<By>() {
        Ok(b) if a.permutations == 0 => b,
        // a column of actors.csv, or a permutation test
        _ => {
            let t = ctx.stage("permutations", || {
                crate::metrics::significance::density_test(
                    &net,
                    &view,
                    &a.by,
                    a.permutations,
                    a.seed,
                )
            })?;
            crate::present::emit(&t, a.format, &a.data.name(), out)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let d = ctx.stage("density", || density(&net, &view, by));
    crate::present::emit(&d, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
