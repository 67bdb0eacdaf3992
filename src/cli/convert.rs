//! `iuinet convert DATA -o PATH`: rewrite a dataset as a CSV directory or a
//! JSON document (chosen by PATH: a `.json` name gives JSON).

use super::common::{Ctx, DataPath};
use crate::error::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Convert a dataset between the CSV directory and JSON forms.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataPath,
    /// Where to write: a .json file (- for JSON on standard output), or a
    /// directory for CSV files.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let is_json = crate::output::atomic::is_stdout(&a.output)
        || a.output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    ctx.stage("write", || {
        if is_json {
            crate::output::dataset::write_json(&net, &a.output)
        } else {
            crate::output::dataset::write_csv_dir(&net, &a.output)
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
