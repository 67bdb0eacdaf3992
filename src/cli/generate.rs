//! `iuinet generate --preset korea-iccp [--years 2005..2009] [--scale F]
//! [--seed S] [--hub-exponent X] [--iui-home-orgs N] -o DIR`: write a synthetic dataset calibrated to the published
//! aggregates of KICOX 2010 (see docs/default-dataset.md).

use super::common::Ctx;
use crate::error::Result;
use crate::generate::{DEFAULT_HUB_EXPONENT, DEFAULT_IUI_HOME_ORGS, DEFAULT_SEED, GenOpts, YEARS};
use crate::model::YearRange;
use std::path::PathBuf;
use std::process::ExitCode;

/// The generator presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Preset {
    /// Korea's Industrial Complex Cluster Program 2005–2009.
    #[value(name = "korea-iccp")]
    KoreaIccp,
}

/// Generate a synthetic dataset.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which dataset to generate.
    #[arg(long, value_enum)]
    pub preset: Preset,
    /// Years to write, FROM..TO within 2005..2009.
    #[arg(long, default_value_t = YEARS)]
    pub years: YearRange,
    /// Size factor: actors, events, projects and ties grow linearly.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// RNG seed (ChaCha8); the same arguments give the same bytes.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Exponent of a firm's head count in its weight as a supply hub, 0 to
    /// 3; lower spreads the supply ties over more large firms. The report's
    /// counts do not depend on it; docs/default-dataset.md shows what it
    /// does to the network's structure.
    #[arg(long, default_value_t = DEFAULT_HUB_EXPONENT)]
    pub hub_exponent: f64,
    /// Universities and institutes a firm works with before it keeps to
    /// them, 1 to 20. The report's counts do not depend on it.
    #[arg(long, default_value_t = DEFAULT_IUI_HOME_ORGS)]
    pub iui_home_orgs: usize,
    /// Directory to write the CSV files into (created if needed).
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let opts = GenOpts {
        years: a.years,
        scale: a.scale,
        seed: a.seed,
        hub_exponent: a.hub_exponent,
        iui_home_orgs: a.iui_home_orgs,
    };
    let bar = ctx.bar(0, "generating");
    let net = ctx.stage("generate", || match a.preset {
        Preset::KoreaIccp => {
            crate::generate::korea_iccp_with_progress(&opts, &mut |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })
        }
    });
    bar.finish();
    let net = net?;
    // `Ctx::stage` shows a spinner while the files are written
    let written = ctx.stage("write", || {
        crate::output::dataset::write_csv_dir(&net, &a.output)
    });
    written?;
    Ok(ExitCode::SUCCESS)
}
