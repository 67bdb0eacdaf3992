//! `iuinet ego [DATA] --actor ID|NAME [--radius 1|2] [--by GROUPING]
//! [--format table|json|graphml|gexf|svg]`: an actor's ego network with
//! its partners, the links among them, the ego's Burt measures and
//! brokerage roles. Memory: the view plus the radius-2 ball.

use super::common::{Ctx, DataArg, OutArg, ViewArgs, usage};
use crate::error::Result;
use crate::metrics::brokers::GroupBy;
use crate::metrics::ego::{ego_network, find_actor_by_id_or_name};
use crate::output::graph::AttrGraph;
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
    #[command(flatten)]
    pub data: DataArg,
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

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = a.data.load(ctx)?;
    let ax = find_actor_by_id_or_name(&net, &a.actor)?;
    let view = a.view.build(&net, ctx)?;
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
            let mut r = r;
            r.table_top = a.top;
            crate::present::emit(&r, crate::present::Format::Table, &a.data.name(), out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
