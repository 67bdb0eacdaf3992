//! `iuinet consortia [DATA] [--format table|json]`: the consortium-type
//! breakdown of projects (single, industry-industry, industry-institute, …),
//! overall, by year, by project type and by region.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default, usage};
use crate::error::Result;
use crate::metrics::common::Scope;
use crate::metrics::consortia::{Breakdown, consortia};
use crate::output::table::TextTable;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Break projects down by consortium type.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Output format: table or json.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Short column names of [`TYPES`] for the wide tables (legend printed below them).
const SHORT: [&str; 8] = [
    "single", "I-I", "I-R", "I-U", "I-I-R", "I-I-U", "I-U-R", "non-I",
];

fn pct(p: Option<f64>) -> String {
    p.map_or("-".into(), |p| format!("{p:.1}%"))
}

fn overall_table(b: &Breakdown) -> String {
    let mut t = TextTable::new(&["type", "projects", "%", "with agency"]);
    for x in &b.types {
        t.row(vec![
            x.kind.to_string(),
            x.count.to_string(),
            pct(x.percent),
            x.with_agency.to_string(),
        ]);
    }
    t.row(vec![
        "consortia (subtotal)".into(),
        b.consortia.to_string(),
        pct(b.consortia_percent),
        String::new(),
    ]);
    t.row(vec![
        "total".into(),
        b.projects.to_string(),
        pct((b.projects > 0).then_some(100.0)),
        b.with_agency.to_string(),
    ]);
    t.render()
}

fn cross_table<'a>(title: &str, rows: impl Iterator<Item = (String, &'a Breakdown)>) -> String {
    let mut head = vec![title.to_string(), "projects".into()];
    head.extend(SHORT.iter().map(|t| t.to_string()));
    let mut t = TextTable::new(&head);
    for (name, b) in rows {
        let mut r = vec![name, b.projects.to_string()];
        r.extend(b.types.iter().map(|x| x.count.to_string()));
        t.row(r);
    }
    t.render()
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    if a.format == Format::Csv {
        return Err(usage("consortia prints --format table or json"));
    }
    let net = load_or_default(ctx, a.data.as_deref())?;
    let opts = a.view.opts();
    let c = ctx.stage("consortia", || {
        consortia(&Scope::new(&net, &opts.selection))
    });
    if a.format == Format::Json {
        crate::output::write_json(&c, a.out.output.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = String::new();
    let _ = writeln!(o, "dataset: {}\n", data_name(a.data.as_deref()));
    o.push_str(&overall_table(&c.overall));
    o.push('\n');
    o.push_str(&cross_table(
        "year",
        c.by_year.iter().map(|y| (y.year.to_string(), &y.breakdown)),
    ));
    o.push('\n');
    o.push_str(&cross_table(
        "project type",
        c.by_project_type
            .iter()
            .map(|y| (y.name.clone(), &y.breakdown)),
    ));
    o.push('\n');
    o.push_str(&cross_table(
        "region",
        c.by_region.iter().map(|y| (y.name.clone(), &y.breakdown)),
    ));
    o.push_str("\nI = firm, U = university, R = institute; non-I = no firm member\n");
    crate::output::write_out(o.as_bytes(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
