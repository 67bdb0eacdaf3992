//! Tab-separated edge list: a header line naming the columns, then one
//! line per edge `source target weight links event_links project_links
//! tie_links first_year last_year` (years `NA` when no link has one), and a
//! separate nodes table ([`write_nodes`]: `id` then every node attribute,
//! isolated nodes included). pandas reads both with
//! `read_csv(path, sep="\t", dtype={"source": str, "target": str})`, and
//! NetworkX builds the graph with `from_pandas_edgelist(edges,
//! edge_attr=True)` (or `parse_edgelist` on the lines after the header).
//! A field holding a tab, quote or newline is quoted as in CSV.

use super::graph::{AttrGraph, Value, fmt_float};
use crate::error::{Error, Result};
use std::io::{self, Write};

/// Check that ids can be written: not empty, not starting with `#`.
pub fn check(g: &AttrGraph) -> Result<()> {
    for n in &g.nodes {
        if n.id.is_empty() || n.id.starts_with('#') {
            return Err(Error::Usage(format!(
                "actor id {:?} cannot be written to an edge list (empty or a leading #); export as graphml or gexf",
                n.id
            )));
        }
    }
    Ok(())
}

/// A tab-separated writer that quotes a field only when it holds a tab,
/// a quote, a newline or a carriage return (as pandas and Python's `csv`
/// read it).
fn tsv<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(w)
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        k => io::Error::other(format!("{k:?}")),
    }
}

/// The nodes table of an edge list: a header `id` + the node attribute
/// names, then one line per node (every node, isolated ones too), empty
/// cells for missing values.
pub fn write_nodes<W: Write>(g: &AttrGraph, w: W) -> io::Result<()> {
    let mut t = tsv(w);
    let mut head = vec!["id".to_string()];
    head.extend(g.node_keys.iter().map(|k| k.name.clone()));
    t.write_record(&head).map_err(io_err)?;
    for n in &g.nodes {
        let mut row = vec![n.id.clone()];
        row.extend(
            n.values
                .iter()
                .map(|v| v.as_ref().map(Value::text).unwrap_or_default()),
        );
        t.write_record(&row).map_err(io_err)?;
    }
    t.flush()
}

/// Write `g` as an edge list.
pub fn write<W: Write>(g: &AttrGraph, w: W) -> io::Result<()> {
    let mut t = tsv(w);
    let mut head: Vec<String> = ["source", "target", "weight"].map(String::from).to_vec();
    head.extend(g.edge_keys.iter().map(|k| k.name.clone()));
    t.write_record(&head).map_err(io_err)?;
    for e in &g.edges {
        let mut row = vec![
            g.nodes[e.source].id.clone(),
            g.nodes[e.target].id.clone(),
            fmt_float(e.weight),
        ];
        row.extend(
            e.values
                .iter()
                .map(|v| v.as_ref().map_or_else(|| "NA".to_string(), Value::text)),
        );
        t.write_record(&row).map_err(io_err)?;
    }
    t.flush()
}
