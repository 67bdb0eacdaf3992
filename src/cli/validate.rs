//! `iuinet validate DATA`: check a dataset; list every problem as
//! `FILE:LINE: message` with a hint, exit 2 if there is any.

use super::common::{Ctx, DataPath};
use crate::error::Result;
use std::process::ExitCode;

/// Check a dataset and list every problem found.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataPath,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let s = crate::metrics::summary::summary(&net);
    let line = format!(
        "ok: {}: {} actors, {} events ({} participations), {} projects, {} ties\n",
        a.data.data.display(),
        s.actors,
        s.events,
        s.participations,
        s.projects,
        s.ties
    );
    crate::output::write_out(line.as_bytes(), None)?;
    Ok(ExitCode::SUCCESS)
}
