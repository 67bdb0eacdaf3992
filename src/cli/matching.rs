//! `iuinet match [DATA] --actor ID [--kind K] [--region same|other|any]
//! [--top N] [--method M] [--explain]`: partners not yet linked to an actor,
//! best first, with the shared partners, mini clusters and events behind
//! each score.
//!
//! `iuinet match [DATA] --all --kind firm -o FILE` does the same for every
//! actor of a kind in parallel and writes JSON (schema iuinet.match-batch/1)
//! or CSV. With `--actor`, `--kind` filters the candidates; with `--all` it
//! selects the actors to match and `--partner-kind` filters the candidates.
//!
//! Memory: the view plus O(n) per thread (and the batch output).

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs, usage};
use crate::algo::linkpred::Method;
use crate::error::Result;
use crate::metrics::ego::find_actor_by_id_or_name;
use crate::metrics::matching::{MatchOpts, RegionFilter, match_actor, match_all_with};
use crate::model::Kind;
use std::process::ExitCode;

/// Rank unlinked actors as partners for one actor or for every actor of a kind.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// The actor to find partners for: an id or a name (case ignored; a
    /// name several actors share is refused with their ids).
    #[arg(long, conflicts_with = "all", required_unless_present = "all")]
    pub actor: Option<String>,
    /// Find partners for every actor of --kind (batch; writes JSON by default).
    #[arg(long, requires = "kind")]
    pub all: bool,
    /// With --actor: candidates of this kind only. With --all: the actors to
    /// match. firm, university, institute, agency or other.
    #[arg(long)]
    pub kind: Option<Kind>,
    /// With --all: candidates of this kind only.
    #[arg(long, requires = "all")]
    pub partner_kind: Option<Kind>,
    /// Candidates in the same region as the actor, another region, or any.
    #[arg(long, default_value = "any")]
    pub region: RegionFilter,
    /// Candidates per actor (0: all). Equal scores are ordered by common
    /// partners, shared mini clusters, recency, then a seeded hash (--seed).
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Seed of the last tie-break between equal scores.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Scoring method: resource-allocation, adamic-adar, jaccard,
    /// common-neighbors, katz (walks ≤ 3, β = 0.05) or preferential-attachment.
    #[arg(long, default_value = "resource-allocation")]
    pub method: Method,
    /// Name the shared partners, mini clusters, events and projects behind each score.
    #[arg(long)]
    pub explain: bool,
    /// Output format (default: table for --actor, json for --all).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    pub out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let r = run_on(a, ctx, &net);
    // the process ends next: leave the millions of small allocations of
    // a large network to the OS instead of freeing them one by one
    // (seconds on the hundred-fold dataset)
    std::mem::forget(net);
    r
}

/// [`run`] on a loaded dataset (a distributed run loads it once per
/// process; `--all` only).
pub fn run_on(a: &Args, ctx: &Ctx, net: &crate::model::Network) -> Result<ExitCode> {
    let source = match &a.actor {
        Some(id) => Some(find_actor_by_id_or_name(net, id)?),
        None => None,
    };
    let view = a.view.build(net, ctx)?;
    let o = MatchOpts {
        method: a.method,
        partner_kind: if a.all { a.partner_kind } else { a.kind },
        region: a.region,
        top: a.top,
        explain: a.explain,
        seed: a.seed,
    };
    let out = a.out.output.as_deref();
    match source {
        Some(s) => {
            let r = ctx.stage("match", || match_actor(net, &view, s, &o))?;
            let format = a.format.unwrap_or(Format::Table);
            crate::present::emit(&r, format, &a.data.name(), out)?;
        }
        None => {
            let kind = a
                .kind
                .ok_or_else(|| usage("--all needs --kind (the actors to match)"))?;
            let b = ctx.stage("match --all", || {
                let todo = view
                    .actors
                    .iter()
                    .filter(|&&x| net.actor(x).kind == kind)
                    .count();
                let bar = ctx.bar(todo as u64, "matching");
                let cb = bar.callback();
                let r = match_all_with(net, &view, kind, &o, &cb);
                bar.finish();
                r
            });
            if !ctx.writes {
                std::mem::forget((b, view));
                return Ok(ExitCode::SUCCESS);
            }
            ctx.stage("write", || match a.format.unwrap_or(Format::Json) {
                Format::Json => {
                    // one line: a batch file is for programs, and
                    // indentation would make up ~40 % of it
                    crate::output::write_json_array_last(
                        &b.head(),
                        "results",
                        &b.results,
                        false,
                        out,
                    )
                }
                Format::Csv => crate::output::write_out(
                    &crate::present::csv_bytes(&[crate::present::batch_csv(&b.results)])?,
                    out,
                ),
                Format::Table => Err(usage(
                    "--all writes json or csv; use --format json or --format csv",
                )),
            })?;
            // as for the network in `run`
            std::mem::forget((b, view));
            return Ok(ExitCode::SUCCESS);
        }
    }
    Ok(ExitCode::SUCCESS)
}
