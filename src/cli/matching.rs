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

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default, usage};
use crate::algo::linkpred::Method;
use crate::error::Result;
use crate::metrics::matching::{
    MatchOpts, MatchResult, RegionFilter, find_actor, match_actor, match_all_with,
};
use crate::model::Kind;
use crate::output::rows::{csv_bytes, fixed};
use crate::output::table::TextTable;
use crate::view::View;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Rank unlinked actors as partners for one actor or for every actor of a kind.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// The actor to find partners for.
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
    view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let source = match &a.actor {
        Some(id) => Some(find_actor(&net, id)?),
        None => None,
    };
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
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
            let r = ctx.stage("match", || match_actor(&net, &view, s, &o))?;
            match a.format.unwrap_or(Format::Table) {
                Format::Json => crate::output::write_json(&r, out)?,
                Format::Csv => {
                    crate::output::write_out(&csv(std::slice::from_ref(&r.result))?, out)?
                }
                Format::Table => {
                    let mut t = String::new();
                    let _ = writeln!(t, "dataset: {}", data_name(a.data.as_deref()));
                    let x = &r.result.actor;
                    let _ = writeln!(
                        t,
                        "partners for {} {} ({}, region {}, {} partner{} now); method {}, kind {}, region {}\n",
                        x.id,
                        x.name,
                        x.kind,
                        x.region.as_deref().unwrap_or("unknown"),
                        r.result.degree,
                        if r.result.degree == 1 { "" } else { "s" },
                        o.method,
                        o.partner_kind.map_or("any", |k| k.as_str()),
                        o.region
                    );
                    t.push_str(&table(&r.result));
                    crate::output::write_out(t.as_bytes(), out)?;
                }
            }
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
                let bar = super::progress::Bar::new(ctx, todo as u64, "matching");
                let cb = bar.callback();
                let r = match_all_with(&net, &view, kind, &o, &cb);
                bar.finish();
                r
            });
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
                Format::Csv => crate::output::write_out(&csv(&b.results)?, out),
                Format::Table => Err(usage(
                    "--all writes json or csv; use --format json or --format csv",
                )),
            })?;
            // the process ends next: leave the millions of small
            // allocations of a large network to the OS instead of freeing
            // them one by one (seconds on the hundred-fold dataset)
            std::mem::forget((b, view, net));
            return Ok(ExitCode::SUCCESS);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn csv(results: &[MatchResult]) -> Result<Vec<u8>> {
    let header = [
        "actor",
        "rank",
        "candidate",
        "name",
        "kind",
        "region",
        "score",
        "shared_partners",
        "mini_clusters",
        "events",
        "projects",
    ];
    let mut rows = Vec::new();
    for r in results {
        for c in &r.candidates {
            let e = c.explanation.as_ref();
            rows.push(vec![
                r.actor.id.clone(),
                c.rank.to_string(),
                c.actor.id.clone(),
                c.actor.name.clone(),
                c.actor.kind.to_string(),
                c.actor.region.clone().unwrap_or_default(),
                c.score.to_string(),
                e.map_or(String::new(), |e| {
                    e.partners
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
                e.map_or(String::new(), |e| e.mini_clusters.join(";")),
                e.map_or(String::new(), |e| {
                    e.events
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
                e.map_or(String::new(), |e| {
                    e.projects
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
            ]);
        }
    }
    csv_bytes(&header, &rows)
}

fn table(r: &MatchResult) -> String {
    if r.candidates.is_empty() {
        return "no candidate: no unlinked actor passing the filters shares evidence with this actor\n"
            .to_string();
    }
    let mut t = TextTable::new(&["#", "id", "name", "kind", "region", "score"]);
    for c in &r.candidates {
        t.row(vec![
            c.rank.to_string(),
            c.actor.id.clone(),
            c.actor.name.clone(),
            c.actor.kind.to_string(),
            c.actor.region.clone().unwrap_or_else(|| "-".into()),
            fixed(Some(c.score), 4),
        ]);
    }
    let mut o = t.render();
    for c in &r.candidates {
        let Some(e) = &c.explanation else { continue };
        let _ = writeln!(o, "\n{}. {} {}", c.rank, c.actor.id, c.actor.name);
        if !e.partners.is_empty() {
            let more = e.partners_total as usize - e.partners.len();
            let _ = writeln!(
                o,
                "   shared partners: {}{}",
                e.partners
                    .iter()
                    .map(|p| format!("{} {} (+{:.4})", p.id, p.name, p.contribution))
                    .collect::<Vec<_>>()
                    .join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
        if !e.mini_clusters.is_empty() {
            let _ = writeln!(o, "   shared mini clusters: {}", e.mini_clusters.join(", "));
        }
        for (label, gs, total) in [
            ("events", &e.events, e.events_total),
            ("projects", &e.projects, e.projects_total),
        ] {
            if gs.is_empty() {
                continue;
            }
            let more = total as usize - gs.len();
            let _ = writeln!(
                o,
                "   {label}: {}{}",
                gs.iter()
                    .map(|g| format!(
                        "{} ({} {}: {})",
                        g.id,
                        g.kind,
                        g.year.map_or("-".to_string(), |y| y.to_string()),
                        g.with.join(", ")
                    ))
                    .collect::<Vec<_>>()
                    .join("; "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
    }
    o
}
