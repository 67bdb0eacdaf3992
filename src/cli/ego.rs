//! `iuinet ego [DATA] --actor ID|NAME [--radius 1|2] [--by GROUPING]
//! [--format table|json|graphml|gexf|svg]`: an actor's ego network with
//! its partners, the links among them, the ego's Burt measures and
//! brokerage roles. Memory: the view plus the radius-2 ball.

use super::common::{Ctx, OutArg, ViewArgs, data_name, load_or_default, usage};
use crate::error::Result;
use crate::metrics::brokers::GroupBy;
use crate::metrics::ego::{ego_network, find_actor_by_id_or_name};
use crate::output::graph::AttrGraph;
use crate::output::table::TextTable;
use crate::view::View;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `iuinet ego`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EgoFormat {
    /// Human-readable summary and partner table.
    #[default]
    Table,
    /// JSON document (schema iuinet.ego/1).
    Json,
    /// GraphML of the ego network (with a `distance` node attribute).
    Graphml,
    /// GEXF of the ego network (with a `distance` node attribute).
    Gexf,
    /// An SVG drawing (ego in the centre, partners on a ring).
    Svg,
}

/// An actor's ego network, Burt measures and brokerage roles.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// The ego: an actor id, or a name (a name several actors share lists their ids).
    #[arg(long)]
    pub actor: String,
    /// Hops from the ego: 1 (partners) or 2 (partners' partners too).
    #[arg(long, default_value_t = 1)]
    pub radius: u32,
    /// Grouping for the brokerage roles: kind, region, size_class, mini_cluster or complex.
    #[arg(long, default_value = "region")]
    pub by: GroupBy,
    /// Partners to list in the table (0 = all).
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: EgoFormat,
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

fn num(x: Option<f64>) -> String {
    x.map_or("-".into(), |x| format!("{x:.4}"))
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let ax = find_actor_by_id_or_name(&net, &a.actor)?;
    let view = ctx.stage("view", || View::build(&net, &a.view.opts()))?;
    let ego = view.actors.iter().position(|&x| x == ax).ok_or_else(|| {
        usage(format!(
            "actor {:?} is not in the view (its kind is {}; see --kinds)",
            net.actor(ax).id,
            net.actor(ax).kind
        ))
    })? as u32;
    let (r, nodes) = ctx.stage("ego network", || {
        ego_network(&net, &view, ego, a.radius, a.by)
    })?;
    let out = a.out.output.as_deref();
    match a.format {
        EgoFormat::Json => crate::output::write_json(&r, out)?,
        EgoFormat::Graphml | EgoFormat::Gexf => {
            let full = ctx.stage("graph", || AttrGraph::from_view(&net, &view))?;
            let mut dist = vec![0u32; nodes.len()];
            let by_id: std::collections::BTreeMap<&str, u32> = r
                .members
                .iter()
                .map(|m| (m.id.as_str(), m.distance))
                .collect();
            for (i, &v) in nodes.iter().enumerate() {
                let id = &net.actor(view.actors[v as usize]).id;
                dist[i] = by_id.get(id.as_str()).copied().unwrap_or(0);
            }
            let g = crate::output::ego::induced_graph(&full, &nodes, &dist);
            g.check_xml_chars()?;
            let gexf = a.format == EgoFormat::Gexf;
            let fill = |w: &mut dyn std::io::Write| -> std::io::Result<()> {
                if gexf {
                    crate::output::gexf::write(&g, w)
                } else {
                    crate::output::graphml::write(&g, w)
                }
            };
            let mut buf = Vec::new();
            fill(&mut buf).map_err(|e| crate::Error::io("<memory>", e))?;
            crate::output::write_out(&buf, out)?;
        }
        EgoFormat::Svg => {
            crate::output::write_out(crate::output::ego::svg(&r).as_bytes(), out)?;
        }
        EgoFormat::Table => {
            let mut o = String::new();
            let e = &r.ego;
            let _ = writeln!(
                o,
                "dataset: {}\nego: {} ({}), {}, {}\nradius: {} ({} actors in the ego network)\npartners: {}; links among them: {}; density among them: {}\nconstraint: {}  effective size: {}  efficiency: {}  hierarchy: {}\nbrokerage by {}: coordinator {}, itinerant {}, boundary {}, liaison {} (open two-paths {})\n",
                data_name(a.data.as_deref()),
                e.name,
                e.id,
                e.kind,
                e.region.as_deref().unwrap_or("no region"),
                r.radius,
                r.members.len() + 1,
                r.partners,
                r.links_among_partners,
                num(r.partner_density),
                num(r.constraint),
                num(r.effective_size),
                num(r.efficiency),
                num(r.hierarchy),
                r.by,
                r.brokerage.coordinator,
                r.brokerage.itinerant,
                r.brokerage.boundary,
                r.brokerage.liaison,
                r.brokerage.total,
            );
            let mut t = TextTable::new(&[
                "id",
                "name",
                "kind",
                r.by.as_str(),
                "hops",
                "links to ego",
                "weight",
                "partners here",
            ]);
            let shown = if a.top == 0 { r.members.len() } else { a.top };
            for m in r.members.iter().take(shown) {
                t.row(vec![
                    m.id.clone(),
                    m.name.clone(),
                    m.kind.to_string(),
                    m.group.clone(),
                    m.distance.to_string(),
                    m.links_to_ego.to_string(),
                    m.weight_to_ego.map_or("-".into(), |w| format!("{w}")),
                    m.degree_in_ego_network.to_string(),
                ]);
            }
            o.push_str(&t.render());
            if shown < r.members.len() {
                let _ = writeln!(o, "({} more; --top 0 lists all)", r.members.len() - shown);
            }
            crate::output::write_out(o.as_bytes(), out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
