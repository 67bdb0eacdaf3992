//! Pajek `.net` writer: `*Vertices N` with quoted actor ids as labels
//! (numbered 1…N in actor-id order), then `*Edges` with `i j weight`.
//! NetworkX's `read_pajek` and igraph's `Graph.Read_Pajek` read it.

use super::graph::{AttrGraph, fmt_float};
use crate::error::{Error, Result};
use std::io::{self, Write};

/// Check that ids can be written as quoted Pajek labels (no `"`, `\`,
/// newline or carriage return).
pub fn check(g: &AttrGraph) -> Result<()> {
    for n in &g.nodes {
        if n.id.contains(['"', '\\', '\n', '\r']) {
            return Err(Error::Usage(format!(
                "actor id {:?} cannot be written as a Pajek label (quote, backslash or newline); export as graphml or gexf",
                n.id
            )));
        }
    }
    Ok(())
}

/// Write `g` as Pajek.
pub fn write<W: Write>(g: &AttrGraph, mut w: W) -> io::Result<()> {
    writeln!(w, "*Vertices {}", g.nodes.len())?;
    for (i, n) in g.nodes.iter().enumerate() {
        writeln!(w, "{} \"{}\"", i + 1, n.id)?;
    }
    writeln!(w, "*Edges")?;
    for e in &g.edges {
        writeln!(
            w,
            "{} {} {}",
            e.source + 1,
            e.target + 1,
            fmt_float(e.weight)
        )?;
    }
    Ok(())
}
