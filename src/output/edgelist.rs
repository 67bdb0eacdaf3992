//! Tab-separated edge list: a `#` comment line naming the columns, then one
//! line per edge `source target weight links event_links project_links
//! tie_links first_year last_year` (years `NA` when no link has one).
//! Isolated nodes do not appear. NetworkX reads it with
//! `read_edgelist(path, delimiter="\t", data=[("weight", float), …])`.

use super::graph::{AttrGraph, Value, fmt_float};
use crate::error::{Error, Result};
use std::io::{self, Write};

/// Check that ids can be written: no tab, newline or carriage return, not
/// starting with `#`, not empty.
pub fn check(g: &AttrGraph) -> Result<()> {
    for n in &g.nodes {
        if n.id.is_empty() || n.id.starts_with('#') || n.id.contains(['\t', '\n', '\r']) {
            return Err(Error::Usage(format!(
                "actor id {:?} cannot be written to a tab-separated edge list (tab, newline or a leading #); export as graphml or gexf",
                n.id
            )));
        }
    }
    Ok(())
}

/// Write `g` as an edge list.
pub fn write<W: Write>(g: &AttrGraph, mut w: W) -> io::Result<()> {
    write!(w, "# source\ttarget\tweight")?;
    for k in &g.edge_keys {
        write!(w, "\t{}", k.name)?;
    }
    writeln!(w)?;
    for e in &g.edges {
        write!(
            w,
            "{}\t{}\t{}",
            g.nodes[e.source].id,
            g.nodes[e.target].id,
            fmt_float(e.weight)
        )?;
        for v in &e.values {
            match v {
                Some(v) => write!(w, "\t{}", Value::text(v))?,
                None => write!(w, "\tNA")?,
            }
        }
        writeln!(w)?;
    }
    Ok(())
}
