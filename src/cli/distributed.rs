//! `iuinet --processes N --process I [--workers W] [--hostfile FILE] CMD …`:
//! one process of a distributed run of `centrality`, `match --all` or
//! `metrics` (docs/distributed.md). Parses the worker flags, loads the
//! dataset once, and hands the command to the runtime in `crate::dist`.

use super::Cli;
use super::common::Ctx;
use crate::error::Result;
use std::process::ExitCode;

#[cfg(not(feature = "distributed"))]
/// Run a distributed command: this build has no distributed mode.
pub fn main(_cli: Cli, _ctx: Ctx) -> Result<ExitCode> {
    Err(super::common::usage(
        "this iuinet was built without the distributed mode (--workers, --processes, --process, --hostfile)\n  hint: build it with `cargo build --release --features distributed`",
    ))
}

#[cfg(feature = "distributed")]
/// Run this process's part of a distributed command; process 0 writes
/// the output. Exit codes as usual, plus 3 when another process is lost.
pub fn main(cli: Cli, ctx: Ctx) -> Result<ExitCode> {
    use super::Command;
    use super::common::usage;
    use std::sync::Arc;
    use std::time::Duration;

    // the command and all its flags but where the data comes from and
    // where the output goes (only process 0 writes)
    macro_rules! flags {
        ($a:expr) => {{
            let mut a = $a.clone();
            (a.data.data, a.out.output) = (None, None);
            format!("{a:?}")
        }};
    }
    let (data, name, flags) = match &cli.command {
        Command::Centrality(a) => (&a.data, "centrality", flags!(a)),
        Command::Match(a) if a.all => (&a.data, "match --all", flags!(a)),
        Command::Metrics(a) => (&a.data, "metrics", flags!(a)),
        _ => {
            return Err(usage(
                "--workers, --processes, --process and --hostfile apply to centrality, match --all and metrics",
            ));
        }
    };
    let c = &cli.cluster;
    let processes = c.processes.unwrap_or(1);
    let process = match (c.process, processes) {
        (Some(p), _) => p,
        (None, 1) => 0,
        (None, _) => return Err(usage("--processes N needs --process I (0 … N−1)")),
    };
    if processes == 0 || process >= processes {
        return Err(usage(format!(
            "--process {process} is not one of 0 … {} (--processes {processes})",
            processes.saturating_sub(1)
        )));
    }
    let workers = c.workers.unwrap_or(1);
    if workers == 0 {
        return Err(usage("--workers must be at least 1"));
    }
    let cluster = crate::dist::Cluster {
        workers,
        processes,
        process,
        addresses: crate::dist::addresses(c.hostfile.as_deref(), processes)?,
        connect_timeout: Duration::from_secs(c.connect_timeout),
        peer_timeout: Duration::from_secs(c.peer_timeout),
    };
    let net = data.load(&ctx)?;
    // what every process must agree on: the data (every record, hashed
    // through its Debug text; not the paths it came from), the command
    // and its flags
    let hash = ctx.stage("dataset hash", || {
        use std::fmt::Write;
        let mut h = crate::dist::ContentHash::default();
        let _ = write!(
            h,
            "{:?}{:?}{:?}{:?}{:?}{:?}\n{name}\n{flags}",
            net.actors, net.groups, net.ties, net.actor_extra, net.extra, net.actor_years
        );
        h.0
    });
    let (cli, net) = (Arc::new(cli), Arc::new(net));
    let results = crate::dist::run(&cluster, hash, move |index| {
        let ctx = Ctx {
            // one progress display per process, output from worker 0 only
            quiet: ctx.quiet || index % workers != 0,
            writes: index == 0,
            ..ctx
        };
        match &cli.command {
            Command::Centrality(a) => super::centrality::run_on(a, &ctx, &net),
            Command::Match(a) => super::matching::run_on(a, &ctx, &net),
            Command::Metrics(a) => super::metrics::run_on(a, &ctx, &net),
            _ => Ok(ExitCode::SUCCESS),
        }
    })?;
    let mut code = ExitCode::SUCCESS;
    for r in results {
        code = r?;
    }
    Ok(code)
}
