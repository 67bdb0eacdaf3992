//! `iuinet export [DATA] --format graphml|gexf|edgelist|pajek -o FILE`:
//! write the analysis view as a graph file for Gephi, NetworkX, igraph or
//! Pajek. Nodes are the view's actors with their fields; edges are the
//! collapsed pairs with `weight`, `links` and links per layer, and the first
//! and last year of their links. With `--two-mode`, the actor × group
//! graph instead. An edge list's nodes table and Pajek's partitions and
//! vectors are written beside FILE.

use super::common::{Ctx, DataArg, ViewArgs, usage};
use crate::error::Result;
use crate::output::graph::AttrGraph;
use crate::output::{edgelist, gexf, graphml, pajek};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A graph file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// GraphML (NetworkX, igraph, Gephi, yEd).
    Graphml,
    /// GEXF 1.3 (Gephi, NetworkX).
    Gexf,
    /// Tab-separated edge list with a `#` header line.
    Edgelist,
    /// Pajek .net.
    Pajek,
}

impl GraphFormat {
    /// The format a file name suggests.
    pub fn from_path(p: &Path) -> Option<GraphFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "graphml" | "xml" => Some(GraphFormat::Graphml),
            "gexf" => Some(GraphFormat::Gexf),
            "tsv" | "edgelist" | "edges" | "txt" => Some(GraphFormat::Edgelist),
            "net" | "paj" | "pajek" => Some(GraphFormat::Pajek),
            _ => None,
        }
    }
}

/// Write the analysis view as a graph file.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Output format (default: from the -o file name's extension).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<GraphFormat>,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Add the centralities (degree, strength, betweenness, closeness,
    /// harmonic, eigenvector, pagerank, core) and Burt's structural holes
    /// (constraint, effective_size, efficiency, hierarchy; left out for
    /// isolates) as node attributes.
    #[arg(long)]
    pub with_metrics: bool,
    /// Drop links whose view weight is below W (with --weight sum or
    /// newman; with --weight none every link weighs 1). Actors stay.
    #[arg(long, value_name = "W")]
    pub min_weight: Option<f64>,
    /// Export the two-mode graph: actors and the events and projects of the
    /// view as nodes (attribute `bipartite` 0 and 1), one edge per
    /// membership; direct ties are left out.
    #[arg(long, conflicts_with = "with_metrics")]
    pub two_mode: bool,
}

/// The file beside `out` holding `suffix`: `dir/x.net` → `dir/x.SUFFIX`.
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}.{suffix}"))
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let format = match (a.format, a.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(p)) => GraphFormat::from_path(p).ok_or_else(|| {
            usage(format!(
                "cannot tell the format from {:?}; give --format graphml, gexf, edgelist or pajek",
                p.display().to_string()
            ))
        })?,
        (None, None) => {
            return Err(usage(
                "give --format graphml, gexf, edgelist or pajek (or -o FILE with one of those extensions)",
            ));
        }
    };
    let (net, view) = a.view.load(&a.data, ctx)?;
    let mut g = ctx.stage("export graph", || {
        if a.two_mode {
            AttrGraph::two_mode(&net, &view)
        } else {
            AttrGraph::from_view(&net, &view)
        }
    })?;
    if a.with_metrics {
        let t = ctx.stage("centrality", || {
            crate::algo::centrality(&view, &crate::algo::CentralityOpts::default())
        });
        add_centralities(&mut g, &t);
        let sh = ctx.stage("structural holes", || {
            crate::algo::structural_holes::structural_holes(
                &view.csr,
                &crate::algo::structural_holes::StructuralHolesOpts {
                    weighted: view.opts.weight != crate::view::Weighting::None,
                },
            )
        });
        let col = |f: fn(&crate::algo::structural_holes::StructuralHoles) -> Option<f64>| {
            sh.iter()
                .map(|x| f(x).unwrap_or(f64::NAN))
                .collect::<Vec<f64>>()
        };
        g.add_node_floats("constraint", &col(|x| x.constraint));
        g.add_node_floats("effective_size", &col(|x| x.effective_size));
        g.add_node_floats("efficiency", &col(|x| x.efficiency));
        g.add_node_floats("hierarchy", &col(|x| x.hierarchy));
    }
    if let Some(w) = a.min_weight {
        if !w.is_finite() {
            return Err(usage(format!("--min-weight {w}: expected a number")));
        }
        g.edges.retain(|e| e.weight >= w);
    }
    match format {
        GraphFormat::Graphml | GraphFormat::Gexf => g.check_xml_chars()?,
        GraphFormat::Edgelist => edgelist::check(&g)?,
        GraphFormat::Pajek => pajek::check(&g)?,
    }
    // streamed: to a temporary file renamed into place, or to stdout
    let fill = |w: &mut dyn Write| -> std::io::Result<()> {
        match format {
            GraphFormat::Graphml => graphml::write(&g, w),
            GraphFormat::Gexf => gexf::write(&g, w),
            GraphFormat::Edgelist => edgelist::write(&g, w),
            GraphFormat::Pajek => pajek::write(&g, w),
        }
    };
    ctx.stage("write", || match a.output.as_deref() {
        Some(p) => crate::output::atomic::write_file(p, fill),
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            fill(&mut w)
                .and_then(|_| w.flush())
                .map_err(|e| crate::Error::io("<stdout>", e))
        }
    })?;
    // node attributes beside the file: the nodes table of an edge list,
    // Pajek's partitions and vectors
    let side: Vec<(String, Vec<u8>)> = match format {
        GraphFormat::Edgelist => {
            let mut b = Vec::new();
            edgelist::write_nodes(&g, &mut b).map_err(|e| crate::Error::io("<memory>", e))?;
            vec![("nodes.tsv".to_string(), b)]
        }
        GraphFormat::Pajek => pajek::attribute_files(&g),
        GraphFormat::Graphml | GraphFormat::Gexf => Vec::new(),
    };
    match a
        .output
        .as_deref()
        .filter(|p| !crate::output::atomic::is_stdout(p))
    {
        Some(p) => {
            for (suffix, bytes) in &side {
                let f = beside(p, suffix);
                crate::output::atomic::write_file(&f, |w| w.write_all(bytes))?;
            }
        }
        None if !side.is_empty() && !ctx.quiet => eprintln!(
            "note: the node attributes are written beside -o FILE; on stdout only the links"
        ),
        None => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// Add every computed centrality as a node attribute, in `Measure::ALL`
/// order; counts (degree, core) as whole numbers.
fn add_centralities(g: &mut AttrGraph, t: &crate::algo::CentralityTable) {
    use crate::algo::{Measure, Scores};
    for m in Measure::ALL {
        match t.get(m) {
            Some(Scores::Count(v)) => {
                let v: Vec<i64> = v.iter().map(|&x| i64::from(x)).collect();
                g.add_node_ints(m.as_str(), &v);
            }
            Some(Scores::Real(v)) => g.add_node_floats(m.as_str(), v),
            None => {}
        }
    }
}
