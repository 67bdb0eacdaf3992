//! Pajek `.net` writer: `*Vertices N` with quoted actor ids as labels
//! (numbered 1…N in actor-id order; a two-mode graph writes `*Vertices N M`
//! with its M actors first), then `*Edges` with `i j weight`. NetworkX's
//! `read_pajek` and igraph's `Graph.Read_Pajek` read it.
//!
//! Node attributes go where Pajek keeps them, in files beside the network
//! ([`attribute_files`]): a partition (`.clu`) for each text attribute and
//! a vector (`.vec`) for each numeric one, each `*Vertices N` then one value
//! per vertex in vertex order. A partition numbers the attribute's values
//! 1, 2, … in sorted order (0 = no value) and lists them in `%` comment
//! lines (`% 1 firm`; a backslash, newline or carriage return in a value as
//! `\\`, `\n`, `\r`), so no value is lost; a vector writes a missing value
//! as 0 and lists the vertices that lack one in a `%` comment.

use super::graph::{AttrGraph, AttrType, Value, fmt_float};
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
    match g.two_mode {
        Some(m) => writeln!(w, "*Vertices {} {m}", g.nodes.len())?,
        None => writeln!(w, "*Vertices {}", g.nodes.len())?,
    }
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

/// The partition and vector files of `g`'s node attributes: (file name
/// suffix `NAME.clu` or `NAME.vec`, contents), in attribute order. NAME is
/// the attribute name with characters other than letters, digits, `-` and
/// `_` replaced by `_`.
pub fn attribute_files(g: &AttrGraph) -> Vec<(String, Vec<u8>)> {
    let n = g.nodes.len();
    let mut out = Vec::new();
    for (i, k) in g.node_keys.iter().enumerate() {
        let name: String = k
            .name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let col = || g.nodes.iter().map(move |nd| nd.values[i].as_ref());
        let mut b: Vec<u8> = Vec::new();
        let mut line = |s: String| {
            b.extend_from_slice(s.as_bytes());
            b.push(b'\n');
        };
        match k.ty {
            AttrType::Str => {
                let mut vals: Vec<String> = col().flatten().map(Value::text).collect();
                vals.sort_unstable();
                vals.dedup();
                line(format!(
                    "% partition `{}` of {n} vertices: 0 = no value",
                    k.name
                ));
                for (j, v) in vals.iter().enumerate() {
                    let esc = v
                        .replace('\\', "\\\\")
                        .replace('\n', "\\n")
                        .replace('\r', "\\r");
                    line(format!("% {} {esc}", j + 1));
                }
                line(format!("*Vertices {n}"));
                for v in col() {
                    let c = v.map_or(0, |v| vals.binary_search(&v.text()).map_or(0, |j| j + 1));
                    line(c.to_string());
                }
                out.push((format!("{name}.clu"), b));
            }
            AttrType::Int | AttrType::Float => {
                let missing: Vec<String> = col()
                    .enumerate()
                    .filter(|(_, v)| v.is_none())
                    .map(|(j, _)| (j + 1).to_string())
                    .collect();
                line(format!("% vector `{}` of {n} vertices", k.name));
                if !missing.is_empty() {
                    line(format!("% no value (written as 0): {}", missing.join(" ")));
                }
                line(format!("*Vertices {n}"));
                for v in col() {
                    line(v.map_or_else(|| "0".to_string(), Value::text));
                }
                out.push((format!("{name}.vec"), b));
            }
        }
    }
    out
}
