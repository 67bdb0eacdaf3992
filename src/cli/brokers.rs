//! `iuinet brokers [DATA] --by region [--top N] [--format table|json|csv]`:
//! who bridges groups. Gould–Fernandez brokerage roles with respect to a
//! grouping of the actors, with expected counts under random ties, and
//! Burt's constraint, effective size, efficiency and hierarchy.
//!
//! Output: one row per actor, most open two-paths first (then lowest
//! constraint, then id). Memory: the view plus O(n) per thread.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default};
use crate::error::Result;
use crate::metrics::brokers::{GroupBy, brokers};
use crate::output::rows::{csv_bytes, fixed, opt};
use crate::output::table::TextTable;
use crate::view::View;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// List the top brokers with their roles and structural-hole figures.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Grouping for the brokerage roles: kind, region, size_class,
    /// mini_cluster (the actor's first) or complex; missing values form the
    /// group `unknown`.
    #[arg(long, default_value = "region")]
    pub by: GroupBy,
    /// Number of actors to list (0 = all).
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Output format (JSON schema iuinet.brokers/1).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    let r = ctx.stage("brokerage", || brokers(&net, &view, a.by, a.top));
    let out = a.out.output.as_deref();
    match a.format {
        Format::Json => crate::output::write_json(&r, out)?,
        Format::Csv => {
            let header = [
                "rank",
                "id",
                "name",
                "kind",
                "group",
                "degree",
                "coordinator",
                "itinerant",
                "boundary",
                "liaison",
                "total",
                "expected_total",
                "ratio_total",
                "ratio_boundary",
                "ratio_liaison",
                "constraint",
                "effective_size",
                "efficiency",
                "hierarchy",
            ];
            let rows: Vec<Vec<String>> = r
                .brokers
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    vec![
                        (i + 1).to_string(),
                        b.id.clone(),
                        b.name.clone(),
                        b.kind.to_string(),
                        b.group.clone(),
                        b.degree.to_string(),
                        b.roles.coordinator.to_string(),
                        b.roles.itinerant.to_string(),
                        b.roles.boundary.to_string(),
                        b.roles.liaison.to_string(),
                        b.roles.total.to_string(),
                        b.expected.total.to_string(),
                        opt(b.ratio.total),
                        opt(b.ratio.boundary),
                        opt(b.ratio.liaison),
                        opt(b.constraint),
                        opt(b.effective_size),
                        opt(b.efficiency),
                        opt(b.hierarchy),
                    ]
                })
                .collect();
            crate::output::write_out(&csv_bytes(&header, &rows)?, out)?;
        }
        Format::Table => {
            let mut o = String::new();
            let _ = writeln!(
                o,
                "dataset: {}\nview: {} actors, {} linked pairs, density {:.4}; groups by {}: {}\n",
                data_name(a.data.as_deref()),
                r.actors,
                r.pairs,
                r.density,
                r.by,
                r.groups
                    .iter()
                    .map(|g| format!("{} ({})", g.name, g.actors))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut t = TextTable::new(&[
                "#", "id", "name", "kind", "group", "deg", "coord", "itin", "bound", "liais",
                "total", "obs/exp", "constr", "effsize", "effic", "hier",
            ]);
            for (i, b) in r.brokers.iter().enumerate() {
                t.row(vec![
                    (i + 1).to_string(),
                    b.id.clone(),
                    b.name.clone(),
                    b.kind.to_string(),
                    b.group.clone(),
                    b.degree.to_string(),
                    b.roles.coordinator.to_string(),
                    b.roles.itinerant.to_string(),
                    b.roles.boundary.to_string(),
                    b.roles.liaison.to_string(),
                    b.roles.total.to_string(),
                    fixed(b.ratio.total, 2),
                    fixed(b.constraint, 3),
                    fixed(b.effective_size, 2),
                    fixed(b.efficiency, 3),
                    fixed(b.hierarchy, 3),
                ]);
            }
            o.push_str(&t.render());
            o.push_str(
                "\nroles count open two-paths a–b–c (a, c not linked) once per pair; boundary = representative + gatekeeper.\n",
            );
            crate::output::write_out(o.as_bytes(), out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
