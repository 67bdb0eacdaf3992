//! The command line: one small module per subcommand. Each parses its
//! arguments and wires the library stages together; none computes.
//!
//! Exit codes: 0 ok (a broken pipe too), 2 bad input data or bad arguments,
//! 3 a file that cannot be read or written, 1 anything else.

mod brokers;
mod centrality;
mod common;
mod communities;
mod consortia;
mod convert;
mod density;
mod distributed;
mod ego;
mod export;
mod generate;
mod match_eval;
mod matching;
mod metrics;
pub mod progress;
mod report;
mod scorecard;
mod serve;
mod summary;
mod validate;

use crate::error::Error;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Graph analysis for industry–university–institute collaboration networks.
#[derive(Debug, Parser)]
#[command(name = "iuinet", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Print no progress bars or notes on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print the time each stage took on stderr.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Refuse input files larger than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = crate::ingest::Limits::default().max_file_bytes)]
    pub max_file_bytes: u64,
    /// Refuse CSV rows and XML values longer than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = crate::ingest::Limits::default().max_line_bytes)]
    pub max_line_bytes: usize,
    /// The worker flags of a distributed run.
    #[command(flatten)]
    pub cluster: common::ClusterArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset and list every problem as FILE:LINE: message.
    Validate(validate::Args),
    /// Count actors, groups, ties and links.
    Summary(summary::Args),
    /// Convert a dataset between the CSV directory and JSON forms.
    Convert(convert::Args),
    /// Write the analysis view as GraphML, GEXF, an edge list or Pajek.
    Export(export::Args),
    /// Write a self-contained HTML report with charts and tables.
    Report(report::Args),
    /// Compute every domain metric and the network summary as one JSON document.
    Metrics(metrics::Args),
    /// Score mini clusters, complexes or pan regions against a benchmark (three pillars).
    Scorecard(scorecard::Args),
    /// Break projects down by consortium type (single, industry-university, …).
    Consortia(consortia::Args),
    /// Link density between groups of actors (by region, kind, …) and the E-I index.
    Density(density::Args),
    /// Who bridges groups: Gould–Fernandez roles and structural holes per actor.
    Brokers(brokers::Args),
    /// Rank unlinked actors as partners for an actor (or every actor of a kind).
    Match(matching::Args),
    /// Evaluate the matchmaking methods on a temporal split.
    MatchEval(match_eval::Args),
    /// Communities (Leiden) and how they match mini clusters or any actor attribute.
    Communities(communities::Args),
    /// An actor's ego network: partners, links among them, Burt measures, brokerage roles.
    Ego(ego::Args),
    /// Degree, betweenness, closeness, eigenvector, PageRank, k-core of every actor.
    Centrality(centrality::Args),
    /// Generate a synthetic dataset calibrated to the published figures of KICOX 2010.
    Generate(generate::Args),
    /// Serve the broker's console (web pages and a JSON API) on loopback.
    Serve(serve::Args),
}

/// Run the CLI and return the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // commands that write files remove their temporaries when killed; the
    // console writes none and handles Ctrl-C itself (a clean exit 0)
    if !matches!(cli.command, Command::Serve(_)) {
        crate::output::atomic::remove_temporaries_on_signal();
    }
    let ctx = common::Ctx {
        quiet: cli.quiet,
        verbose: cli.verbose,
        limits: crate::ingest::Limits {
            max_file_bytes: cli.max_file_bytes,
            max_line_bytes: cli.max_line_bytes,
        },
        writes: true,
    };
    if cli.cluster.wanted() {
        return distributed::main(cli, ctx).unwrap_or_else(|e| report(&e));
    }
    let res = match &cli.command {
        Command::Validate(a) => validate::run(a, &ctx),
        Command::Summary(a) => summary::run(a, &ctx),
        Command::Convert(a) => convert::run(a, &ctx),
        Command::Export(a) => export::run(a, &ctx),
        Command::Report(a) => report::run(a, &ctx),
        Command::Metrics(a) => metrics::run(a, &ctx),
        Command::Scorecard(a) => scorecard::run(a, &ctx),
        Command::Consortia(a) => consortia::run(a, &ctx),
        Command::Density(a) => density::run(a, &ctx),
        Command::Brokers(a) => brokers::run(a, &ctx),
        Command::Match(a) => matching::run(a, &ctx),
        Command::MatchEval(a) => match_eval::run(a, &ctx),
        Command::Centrality(a) => centrality::run(a, &ctx),
        Command::Communities(a) => communities::run(a, &ctx),
        Command::Ego(a) => ego::run(a, &ctx),
        Command::Generate(a) => generate::run(a, &ctx),
        Command::Serve(a) => serve::run(a, &ctx),
    };
    match res {
        Ok(code) => code,
        Err(e) => report(&e),
    }
}

/// Print an error once and return its exit code.
pub fn report(e: &Error) -> ExitCode {
    if let Error::Io { source, .. } = e
        && source.kind() == std::io::ErrorKind::BrokenPipe
    {
        return ExitCode::SUCCESS;
    }
    // stderr may be closed or full: report what can be written, never panic
    let mut err = std::io::stderr().lock();
    let _ = match e {
        Error::Data { problems, more } => (|| {
            use std::io::Write;
            for p in problems {
                writeln!(err, "{p}")?;
            }
            if *more > 0 {
                writeln!(err, "... and {more} more problems")?;
            }
            let n = problems.len() + more;
            writeln!(
                err,
                "error: {n} problem{} found",
                if n == 1 { "" } else { "s" }
            )
        })(),
        _ => std::io::Write::write_fmt(&mut err, format_args!("error: {e}\n")),
    };
    ExitCode::from(exit_code(e))
}

/// The exit code for an error.
pub fn exit_code(e: &Error) -> u8 {
    match e {
        Error::Data { .. } | Error::GroupTooLarge { .. } | Error::Usage(_) => 2,
        Error::Io { .. } => 3,
    }
}
