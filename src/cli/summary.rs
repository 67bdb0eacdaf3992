//! `iuinet summary DATA [--json]`: actors by kind, size class and region;
//! events, participations, projects, ties; links by layer and year.

use super::common::{Ctx, OutArg, data_name, load_or_default};
use crate::error::Result;
use crate::metrics::summary::{Count, summary};
use crate::output::table::TextTable;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Count actors, groups, ties and links.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Print JSON (schema iuinet.summary/1) instead of tables.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let s = ctx.stage("summary", || summary(&net));
    if a.json {
        crate::output::write_json(&s, a.out.output.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = String::new();
    let counts = |title: &str, c: &[Count], o: &mut String| {
        let mut t = TextTable::new(&[title, "count"]);
        for x in c {
            t.row(vec![x.name.clone(), x.count.to_string()]);
        }
        o.push_str(&t.render());
        o.push('\n');
    };
    let _ = writeln!(o, "dataset: {}\n", data_name(a.data.as_deref()));
    let mut t = TextTable::new(&["records", "count"]);
    for (k, v) in [
        ("actors", s.actors),
        ("events", s.events),
        ("participations", s.participations),
        ("projects", s.projects),
        ("project memberships", s.project_memberships),
        ("ties", s.ties),
        ("links", s.links),
    ] {
        t.row(vec![k.to_string(), v.to_string()]);
    }
    o.push_str(&t.render());
    o.push('\n');
    counts("kind", &s.actors_by_kind, &mut o);
    counts("firm size class", &s.firms_by_size_class, &mut o);
    counts("region", &s.actors_by_region, &mut o);
    let mut t = TextTable::new(&["layer", "year", "records", "links"]);
    for l in &s.links_by_layer_year {
        t.row(vec![
            l.layer.to_string(),
            l.year.map_or("-".to_string(), |y| y.to_string()),
            l.records.to_string(),
            l.links.to_string(),
        ]);
    }
    o.push_str(&t.render());
    crate::output::write_out(o.as_bytes(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
