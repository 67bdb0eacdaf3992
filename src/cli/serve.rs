//! `iuinet serve [DATA] [--bind 127.0.0.1:8080]`: the broker's console.
//! Loads the dataset once, prints one line with the URL on stdout and
//! answers from memory until Ctrl-C. `--bind 127.0.0.1:0` takes a free
//! port (the line names it).
//!
//! Memory: the network, the default view, the brokerage reports and the
//! centrality table, plus the last few year-restricted views.

use super::common::{Ctx, DataArg};
use crate::error::Result;
use crate::serve::{Console, run as serve};
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Serve the console.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Address to listen on; port 0 picks a free port. Anything but a
    /// loopback address makes the console reachable from other machines.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let data = a.data.name();
    let console = ctx.stage("view", || Console::new(net, data.clone()))?;
    if !a.bind.ip().is_loopback() && !ctx.quiet {
        eprintln!(
            "note: listening on {}, reachable from other machines; the console has no login",
            a.bind
        );
    }
    let actors = console.net.actors.len();
    serve(console, a.bind, |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "iuinet console: http://{addr}/ ({data}, {actors} actors; Ctrl-C stops it)"
        );
        let _ = out.flush();
    })?;
    Ok(ExitCode::SUCCESS)
}
