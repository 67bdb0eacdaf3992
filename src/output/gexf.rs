//! GEXF 1.3 writer (<http://gexf.net/1.3>), as Gephi and NetworkX's
//! `read_gexf` read it: an undirected graph, node and edge attributes
//! declared in `<attributes class="node|edge">` with numeric ids, node
//! `label` = the actor's name (or id), edge `weight` as the XML attribute.
//!
//! When some edge has a `first_year`, the graph is dynamic
//! (`mode="dynamic" timeformat="integer"`) and every edge with years gets
//! `start` = its first and `end` = its last link year (inclusive), so
//! Gephi's timeline shows a link from the year of its first link to the
//! year of its last; edges without a year are present throughout.

use super::graph::{AttrGraph, fmt_float, xml_document, xml_end, xml_start};
use quick_xml::Writer;
use quick_xml::events::{BytesStart, BytesText, Event};
use std::io::{self, Write};

fn attvalues<W: Write>(
    w: &mut Writer<W>,
    values: &[Option<super::graph::Value>],
) -> io::Result<()> {
    if values.iter().all(Option::is_none) {
        return Ok(());
    }
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            w.write_event(Event::Empty(xml_start(
                "attvalue",
                &[("for", &i.to_string()), ("value", &v.text())],
            )))?;
        }
    }
    xml_end(w, "attvalues")
}

/// Write `g` as GEXF 1.3.
pub fn write<W: Write>(g: &AttrGraph, out: W) -> io::Result<()> {
    let mut w = xml_document(
        out,
        "gexf",
        "http://gexf.net/1.3",
        "http://gexf.net/1.3/gexf.xsd",
        &[("version", "1.3")],
    )?;
    w.write_event(Event::Start(BytesStart::new("meta")))?;
    w.write_event(Event::Start(BytesStart::new("creator")))?;
    w.write_event(Event::Text(BytesText::new(concat!(
        "iuinet ",
        env!("CARGO_PKG_VERSION")
    ))))?;
    xml_end(&mut w, "creator")?;
    xml_end(&mut w, "meta")?;
    let key = |n: &str| g.edge_keys.iter().position(|k| k.name == n);
    let years = key("first_year").zip(key("last_year"));
    let year = |e: &super::graph::GEdge, i: usize| match &e.values[i] {
        Some(super::graph::Value::Int(y)) => Some(y.to_string()),
        _ => None,
    };
    let dynamic = years.is_some_and(|(f, _)| g.edges.iter().any(|e| year(e, f).is_some()));
    w.write_event(Event::Start(xml_start(
        "graph",
        if dynamic {
            &[
                ("defaultedgetype", "undirected"),
                ("mode", "dynamic"),
                ("timeformat", "integer"),
            ][..]
        } else {
            &[("defaultedgetype", "undirected"), ("mode", "static")][..]
        },
    )))?;
    for (class, keys) in [("node", &g.node_keys), ("edge", &g.edge_keys)] {
        w.write_event(Event::Start(xml_start(
            "attributes",
            &[("class", class), ("mode", "static")],
        )))?;
        for (i, k) in keys.iter().enumerate() {
            w.write_event(Event::Empty(xml_start(
                "attribute",
                &[
                    ("id", &i.to_string()),
                    ("title", &k.name),
                    ("type", k.ty.xml_name()),
                ],
            )))?;
        }
        xml_end(&mut w, "attributes")?;
    }
    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    for n in &g.nodes {
        let e = xml_start("node", &[("id", &n.id), ("label", &n.label)]);
        if n.values.iter().all(Option::is_none) {
            w.write_event(Event::Empty(e))?;
            continue;
        }
        w.write_event(Event::Start(e))?;
        attvalues(&mut w, &n.values)?;
        xml_end(&mut w, "node")?;
    }
    xml_end(&mut w, "nodes")?;
    w.write_event(Event::Start(BytesStart::new("edges")))?;
    for (i, e) in g.edges.iter().enumerate() {
        let id = i.to_string();
        let weight = fmt_float(e.weight);
        let mut attrs = vec![
            ("id", id.as_str()),
            ("source", g.nodes[e.source].id.as_str()),
            ("target", g.nodes[e.target].id.as_str()),
            ("weight", weight.as_str()),
        ];
        let span = years
            .filter(|_| dynamic)
            .and_then(|(f, l)| year(e, f).zip(year(e, l)));
        if let Some((a, b)) = &span {
            attrs.push(("start", a));
            attrs.push(("end", b));
        }
        let s = xml_start("edge", &attrs);
        if e.values.iter().all(Option::is_none) {
            w.write_event(Event::Empty(s))?;
            continue;
        }
        w.write_event(Event::Start(s))?;
        attvalues(&mut w, &e.values)?;
        xml_end(&mut w, "edge")?;
    }
    xml_end(&mut w, "edges")?;
    xml_end(&mut w, "graph")?;
    xml_end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")
}
