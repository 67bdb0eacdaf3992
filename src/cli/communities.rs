//! `iuinet communities [DATA] [--quality modularity|cpm] [--resolution R]
//! [--seed S] [--compare ATTR] [--format table|json|csv]`: Leiden
//! communities of the analysis view, optionally compared with an actor
//! attribute (NMI, ARI, contingency table).
//!
//! Output: table (summary, then the largest communities with their
//! best-matching groups), JSON (the full report with every actor's
//! community and the full contingency table) or CSV (one row per actor:
//! id, name, community, and the compared attribute's value).
//! Memory: the view plus O(n + m) for the aggregation levels.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default};
use crate::algo::community::Quality;
use crate::error::Result;
use crate::metrics::communities::{CommunitiesOpts, communities};
use crate::output::rows::csv_bytes;
use crate::output::table::TextTable;
use crate::view::View;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Find communities (Leiden) and compare them with an actor attribute.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Quality function to maximise.
    #[arg(long, value_enum, default_value_t)]
    pub quality: Quality,
    /// Resolution γ: higher gives more, smaller communities (modularity: 1
    /// is the classic modularity; CPM: the density a community must exceed).
    #[arg(long, default_value_t = 1.0)]
    pub resolution: f64,
    /// Random seed (same seed, same communities on any thread count).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Compare with an actor attribute: mini_cluster, region, complex,
    /// kind, size_class or any column of actors.csv.
    #[arg(long, value_name = "ATTR")]
    pub compare: Option<String>,
    /// Communities to list in the table (0 = all).
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    let opts = CommunitiesOpts {
        quality: a.quality,
        resolution: a.resolution,
        seed: a.seed,
        compare: a.compare.clone(),
    };
    let r = ctx.stage("leiden", || communities(&net, &view, &opts))?;
    let out = a.out.output.as_deref();
    match a.format {
        Format::Json => crate::output::write_json(&r, out)?,
        Format::Csv => {
            let mut header = vec!["id", "name", "community"];
            if let Some(by) = &a.compare {
                header.push(by);
            }
            let rows: Vec<Vec<String>> = r
                .membership
                .iter()
                .zip(&view.actors)
                .map(|(m, &ax)| {
                    let mut row = vec![m.id.clone(), m.name.clone(), m.community.to_string()];
                    if let Some(by) = &a.compare {
                        row.push(
                            crate::metrics::communities::label(net.actor(ax), by)
                                .unwrap_or_default(),
                        );
                    }
                    row
                })
                .collect();
            crate::output::write_out(&csv_bytes(&header, &rows)?, out)?;
        }
        Format::Table => {
            let mut o = String::new();
            let _ = writeln!(
                o,
                "dataset: {}\nview: {} actors, {} linked pairs, {}\nquality function: {} (resolution {}), seed {}\ncommunities: {} ({} with more than one actor)\nquality: {:.6}\nLeiden passes: {}{}",
                data_name(a.data.as_deref()),
                r.actors,
                r.links,
                if r.weighted { "weighted" } else { "unweighted" },
                r.quality_function,
                r.resolution,
                r.seed,
                r.communities,
                r.non_singleton,
                r.quality,
                r.passes,
                if r.converged {
                    " (converged)"
                } else {
                    " (stopped at the pass limit)"
                },
            );
            let top = if a.top == 0 {
                r.sizes.len()
            } else {
                a.top.min(r.sizes.len())
            };
            match &r.comparison {
                None => {
                    let mut t = TextTable::new(&["community", "actors"]);
                    for (c, s) in r.sizes.iter().take(top).enumerate() {
                        t.row(vec![c.to_string(), s.to_string()]);
                    }
                    o.push('\n');
                    o.push_str(&t.render());
                }
                Some(cmp) => {
                    let _ = writeln!(
                        o,
                        "\ncompared with: {} ({} groups; {} actors labelled, {} without a value left out)\nNMI: {:.4}\nARI: {:.4}\n",
                        cmp.by,
                        cmp.groups.len(),
                        cmp.labelled,
                        cmp.unlabelled,
                        cmp.nmi,
                        cmp.ari
                    );
                    let mut cells: BTreeMap<u32, Vec<(u64, &str)>> = BTreeMap::new();
                    for c in &cmp.contingency {
                        cells
                            .entry(c.community)
                            .or_default()
                            .push((c.actors, c.group.as_str()));
                    }
                    let mut t = TextTable::new(&[
                        "community",
                        "actors",
                        "labelled",
                        "purity",
                        "groups",
                        "largest groups (actors)",
                    ]);
                    for (c, s) in r.sizes.iter().take(top).enumerate() {
                        let m = &cmp.communities[c];
                        let mut v = cells.remove(&(c as u32)).unwrap_or_default();
                        v.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
                        let mut list: Vec<String> = v
                            .iter()
                            .take(3)
                            .map(|(k, g)| format!("{g} ({k})"))
                            .collect();
                        if v.len() > 3 {
                            list.push("…".into());
                        }
                        t.row(vec![
                            c.to_string(),
                            s.to_string(),
                            m.labelled.to_string(),
                            m.purity.map_or("-".into(), |p| format!("{p:.3}")),
                            m.groups.to_string(),
                            list.join(", "),
                        ]);
                    }
                    o.push_str(&t.render());
                }
            }
            if top < r.sizes.len() {
                let _ = writeln!(
                    o,
                    "({} more communities; --top 0 lists all, --format json gives the full contingency table)",
                    r.sizes.len() - top
                );
            }
            crate::output::write_out(o.as_bytes(), out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
