//! `iuinet density [DATA] --by region [--format table|json]`: link density
//! between groups of actors (by region, kind, size class, mini cluster or
//! complex), the share of links that cross groups, and Krackhardt's E-I
//! index, on the collapsed analysis view.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default, usage};
use crate::error::Result;
use crate::metrics::density::{By, density};
use crate::output::table::TextTable;
use crate::view::View;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Link density between groups of actors, and the E-I index.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Actor attribute that defines the groups: region, kind, size_class,
    /// mini_cluster, complex, or any column of actors.csv.
    #[arg(long, default_value = "region")]
    pub by: String,
    /// Test the E-I index and every block density against N random
    /// permutations of the actors' groups (UCINET's P >= Ob / P <= Ob).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub permutations: usize,
    /// Random seed of the permutations.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output format: table or json.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

fn num(x: Option<f64>, digits: usize) -> String {
    x.map_or("-".into(), |x| format!("{x:.digits$}"))
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    if a.format == Format::Csv {
        return Err(usage("density prints --format table or json"));
    }
    let net = load_or_default(ctx, a.data.as_deref())?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    let by = match a.by.parse::<By>() {
        Ok(b) if a.permutations == 0 => b,
        _ => return run_test(a, ctx, &net, &view),
    };
    let d = ctx.stage("density", || density(&net, &view, by));
    if a.format == Format::Json {
        crate::output::write_json(&d, a.out.output.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut o = String::new();
    let _ = writeln!(
        o,
        "dataset: {}\nby: {}\n",
        data_name(a.data.as_deref()),
        d.by
    );
    let mut t = TextTable::new(&[d.by.as_str(), "actors", "E-I index"]);
    for g in &d.groups {
        t.row(vec![
            g.name.clone(),
            g.actors.to_string(),
            num(d.ei_by_group.get(&g.name).copied().flatten(), 3),
        ]);
    }
    o.push_str(&t.render());
    o.push('\n');
    let mut t = TextTable::new(&["a", "b", "links", "pairs", "density"]);
    for c in &d.cells {
        t.row(vec![
            c.a.clone(),
            c.b.clone(),
            c.links.to_string(),
            c.pairs.to_string(),
            num(c.density, 4),
        ]);
    }
    o.push_str(&t.render());
    let _ = writeln!(
        o,
        "\nlinked pairs: {} ({} across groups, {} within)\ncross share: {}\nE-I index: {}",
        d.links,
        d.external,
        d.internal,
        num(d.cross_share, 4),
        num(d.ei_index, 4)
    );
    crate::output::write_out(o.as_bytes(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// `--permutations N` or a column of actors.csv: the tested report.
fn run_test(a: &Args, ctx: &Ctx, net: &crate::model::Network, view: &View) -> Result<ExitCode> {
    let t = ctx.stage("permutations", || {
        crate::metrics::significance::density_test(net, view, &a.by, a.permutations, a.seed)
    })?;
    if a.format == Format::Json {
        crate::output::write_json(&t, a.out.output.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let p = |x: Option<f64>| x.map_or("-".into(), |x| format!("{x:.4}"));
    let mut o = String::new();
    let _ = writeln!(
        o,
        "dataset: {}\nby: {}\npermutations: {} (seed {})\n",
        data_name(a.data.as_deref()),
        t.by,
        t.permutations,
        t.seed
    );
    let mut g = TextTable::new(&[t.by.as_str(), "actors"]);
    for (n, k) in &t.groups {
        g.row(vec![n.clone(), k.to_string()]);
    }
    o.push_str(&g.render());
    o.push('\n');
    let mut c = TextTable::new(&[
        "a",
        "b",
        "links",
        "pairs",
        "density",
        "perm mean",
        "perm sd",
        "P >= Ob",
        "P <= Ob",
    ]);
    for x in &t.cells {
        c.row(vec![
            x.a.clone(),
            x.b.clone(),
            x.links.to_string(),
            x.pairs.to_string(),
            p(x.density.observed),
            p(x.density.mean),
            p(x.density.sd),
            p(x.density.p_ge),
            p(x.density.p_le),
        ]);
    }
    o.push_str(&c.render());
    let e = &t.ei_index;
    let _ = writeln!(
        o,
        "\nlinked pairs: {} ({} across groups, {} within)\nE-I index: {}  permuted: mean {}, sd {}, min {}, max {}  P >= Ob {}  P <= Ob {}",
        t.links,
        t.external,
        t.internal,
        p(e.observed),
        p(e.mean),
        p(e.sd),
        p(e.min),
        p(e.max),
        p(e.p_ge),
        p(e.p_le)
    );
    crate::output::write_out(o.as_bytes(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
