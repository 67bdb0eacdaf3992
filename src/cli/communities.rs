//! `iuinet communities [DATA] [--quality modularity|cpm] [--resolution R]
//! [--seed S] [--compare ATTR] [--format table|json|csv]`: Leiden
//! communities of the analysis view, optionally compared with an actor
//! attribute (NMI, ARI, contingency table).
//!
//! Output: table (summary, then the largest communities with their
//! best-matching groups), JSON (the full report with every actor's
//! community and the full contingency table) or CSV (one row per actor:
//! id, name, community, and the compared attribute's value).
//! Memory: the view plus O(n + m) for the aggregation levels.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::algo::community::Quality;
use crate::error::Result;
use crate::metrics::communities::{CommunitiesOpts, communities};
use std::process::ExitCode;

/// Find communities (Leiden) and compare them with an actor attribute.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Quality function to maximise.
    #[arg(long, value_enum, default_value_t)]
    pub quality: Quality,
    /// Resolution γ: higher gives more, smaller communities (modularity: 1
    /// is the classic modularity; CPM: the density a community must exceed).
    #[arg(long, default_value_t = 1.0)]
    pub resolution: f64,
    /// Random seed (same seed, same communities on any thread count).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Compare with an actor attribute: mini_cluster, region, complex,
    /// kind, size_class or any column of actors.csv.
    #[arg(long, value_name = "ATTR")]
    pub compare: Option<String>,
    /// Communities to list in the table (0 = all).
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Output format.
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
    let opts = CommunitiesOpts {
        quality: a.quality,
        resolution: a.resolution,
        seed: a.seed,
        compare: a.compare.clone(),
        table_top: a.top,
    };
    let r = ctx.stage("leiden", || communities(&net, &view, &opts))?;
    crate::present::emit(&r, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
