//! GraphML writer (<http://graphml.graphdrawing.org/>), as NetworkX's
//! `read_graphml` and igraph's `Graph.Read_GraphML` read it: one undirected
//! graph, typed `<key>` declarations (`string`, `long`, `double`), node ids
//! = actor ids, a `<data>` element per given value (missing values are left
//! out, not written empty).

use super::graph::{
    AttrGraph, AttrType, Key, fmt_float, xml_document, xml_end, xml_escape, xml_start,
};
use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};
use std::io::{self, Write};

fn data<W: Write>(w: &mut Writer<W>, key: &str, text: &str) -> io::Result<()> {
    w.write_event(Event::Start(xml_start("data", &[("key", key)])))?;
    w.write_event(Event::Text(BytesText::from_escaped(xml_escape(text))))?;
    xml_end(w, "data")
}

/// Write `g` as GraphML. Key ids are `n0…` for node and `e0…` for edge
/// attributes (`e0` is `weight`); readers go by `attr.name`.
pub fn write<W: Write>(g: &AttrGraph, out: W) -> io::Result<()> {
    let mut w = xml_document(
        out,
        "graphml",
        "http://graphml.graphdrawing.org/xmlns",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        &[],
    )?;
    let key = |w: &mut Writer<W>, id: &str, dom: &str, k: &Key| -> io::Result<()> {
        w.write_event(Event::Empty(xml_start(
            "key",
            &[
                ("id", id),
                ("for", dom),
                ("attr.name", &k.name),
                ("attr.type", k.ty.xml_name()),
            ],
        )))
    };
    for (i, k) in g.node_keys.iter().enumerate() {
        key(&mut w, &format!("n{i}"), "node", k)?;
    }
    let weight = Key {
        name: "weight".into(),
        ty: AttrType::Float,
    };
    key(&mut w, "e0", "edge", &weight)?;
    for (i, k) in g.edge_keys.iter().enumerate() {
        key(&mut w, &format!("e{}", i + 1), "edge", k)?;
    }
    w.write_event(Event::Start(xml_start(
        "graph",
        &[("id", "G"), ("edgedefault", "undirected")],
    )))?;
    let nk: Vec<String> = (0..g.node_keys.len()).map(|i| format!("n{i}")).collect();
    let ek: Vec<String> = (0..=g.edge_keys.len()).map(|i| format!("e{i}")).collect();
    for n in &g.nodes {
        let e = xml_start("node", &[("id", &n.id)]);
        if n.values.iter().all(Option::is_none) {
            w.write_event(Event::Empty(e))?;
            continue;
        }
        w.write_event(Event::Start(e))?;
        for (i, v) in n.values.iter().enumerate() {
            if let Some(v) = v {
                data(&mut w, &nk[i], &v.text())?;
            }
        }
        xml_end(&mut w, "node")?;
    }
    for e in &g.edges {
        w.write_event(Event::Start(xml_start(
            "edge",
            &[
                ("source", &g.nodes[e.source].id),
                ("target", &g.nodes[e.target].id),
            ],
        )))?;
        data(&mut w, "e0", &fmt_float(e.weight))?;
        for (i, v) in e.values.iter().enumerate() {
            if let Some(v) = v {
                data(&mut w, &ek[i + 1], &v.text())?;
            }
        }
        xml_end(&mut w, "edge")?;
    }
    xml_end(&mut w, "graph")?;
    xml_end(&mut w, "graphml")?;
    w.into_inner().write_all(b"\n")
}
