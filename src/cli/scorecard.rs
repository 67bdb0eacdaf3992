//! `iuinet scorecard [DATA] --by mini_cluster|complex|region`: every group
//! scored against a benchmark on three pillars (interconnection, I-U-I
//! collaboration, R&D), by year, with bootstrap intervals.

use super::common::{Ctx, DataArg, Format, OutArg};
use crate::error::{Error, Result};
use crate::metrics::scorecard::{
    Benchmark, GroupBy, ScoreOpts, default_weights, parse_benchmark, parse_weights, scorecard,
};
use crate::view::YearRange;
use std::path::Path;
use std::process::ExitCode;

/// Score mini clusters, complexes or pan regions against a benchmark.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// The groups: mini_cluster, complex or region.
    #[arg(long, default_value = "mini_cluster")]
    pub by: GroupBy,
    /// Years, FROM..TO (inclusive) or one year.
    #[arg(long)]
    pub years: Option<YearRange>,
    /// What scores 100: `top` (the best group of each indicator), a group's
    /// name, or a CSV file with columns indicator,value.
    #[arg(long, default_value = "top")]
    pub benchmark: String,
    /// Weights CSV (level,name,weight[,source]); default: the built-in
    /// structure of the 2010 evaluation system.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<std::path::PathBuf>,
    /// Bootstrap replicates per group (0: no intervals).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    out: OutArg,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// The scorecard options of the flags (reads the weights and benchmark files).
pub fn opts(
    by: GroupBy,
    years: Option<YearRange>,
    benchmark: &str,
    weights: Option<&Path>,
    replicates: usize,
    seed: u64,
) -> Result<ScoreOpts> {
    let weights = match weights {
        Some(p) => parse_weights(p, &read(p)?)?,
        None => default_weights(),
    };
    let p = Path::new(benchmark);
    let benchmark = if benchmark == "top" {
        Benchmark::Top
    } else if p.is_file() {
        parse_benchmark(p, &read(p)?)?
    } else {
        Benchmark::Group(benchmark.to_string())
    };
    Ok(ScoreOpts {
        by,
        years,
        benchmark,
        weights,
        replicates,
        seed,
    })
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let o = opts(
        a.by,
        a.years,
        &a.benchmark,
        a.weights.as_deref(),
        a.bootstrap,
        a.seed,
    )?;
    let net = a.data.load(ctx)?;
    let card = ctx.stage("scorecard", || scorecard(&net, &o))?;
    crate::present::emit(&card, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
