//! An attributed simple graph ready for the graph-file writers (GraphML,
//! GEXF, edge list, Pajek): the nodes of a view with their actor fields, and
//! its collapsed edges with weight, link counts per layer and the years the
//! links span.

use crate::error::{Error, Result};
use crate::model::Network;
use crate::view::{View, pair_links};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::io::{self, Write};

/// The type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    /// Text.
    Str,
    /// A whole number.
    Int,
    /// A floating-point number.
    Float,
}

impl AttrType {
    /// The type's name in GraphML's `attr.type` and GEXF's `type`.
    pub fn xml_name(self) -> &'static str {
        match self {
            AttrType::Str => "string",
            AttrType::Int => "long",
            AttrType::Float => "double",
        }
    }
}

/// One attribute column.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// Attribute name as readers see it.
    pub name: String,
    /// Its type.
    pub ty: AttrType,
}

/// One attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Str(String),
    /// A whole number.
    Int(i64),
    /// A finite floating-point number.
    Float(f64),
}

impl Value {
    /// The value as written in files: floats in Rust's shortest round-trip
    /// form (`1.0`, `0.25`, `1e-7`), so readers get the same bits back.
    pub fn text(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(x) => fmt_float(*x),
        }
    }
}

/// Shortest round-trip text of a float (`{:?}`: `1.0`, `1e-7`).
pub fn fmt_float(x: f64) -> String {
    format!("{x:?}")
}

/// A node: its id (the actor id), a display label and one value per node key.
#[derive(Debug, Clone, PartialEq)]
pub struct GNode {
    /// Actor id.
    pub id: String,
    /// Display label: the actor's name, or its id when the name is empty.
    pub label: String,
    /// Values aligned with `AttrGraph::node_keys` (`None` = not given).
    pub values: Vec<Option<Value>>,
}

/// An undirected edge between two nodes (indices into `AttrGraph::nodes`,
/// `source < target`).
#[derive(Debug, Clone, PartialEq)]
pub struct GEdge {
    /// First end (index into nodes).
    pub source: usize,
    /// Second end (index into nodes).
    pub target: usize,
    /// The view's weight of the edge.
    pub weight: f64,
    /// Values aligned with `AttrGraph::edge_keys`.
    pub values: Vec<Option<Value>>,
}

/// An attributed simple undirected graph, in output order: nodes sorted by
/// actor id, edges by (source, target) position.
#[derive(Debug, Clone, PartialEq)]
pub struct AttrGraph {
    /// Node attribute columns.
    pub node_keys: Vec<Key>,
    /// Edge attribute columns (the weight is separate, in `GEdge::weight`).
    pub edge_keys: Vec<Key>,
    /// Nodes.
    pub nodes: Vec<GNode>,
    /// Edges.
    pub edges: Vec<GEdge>,
    /// View node → position in `nodes`.
    pub pos_of_view_node: Vec<usize>,
    /// For a two-mode graph ([`AttrGraph::two_mode`]): the number of
    /// first-mode nodes (the actors), which come first.
    pub two_mode: Option<usize>,
}

/// Names of the node attributes taken from actor fields, in output order.
pub const ACTOR_KEYS: [&str; 8] = [
    "name",
    "kind",
    "size_class",
    "employees",
    "region",
    "complex",
    "mini_clusters",
    "country",
];

/// Names of the edge attributes besides the weight, in output order.
pub const EDGE_KEYS: [&str; 6] = [
    "links",
    "event_links",
    "project_links",
    "tie_links",
    "first_year",
    "last_year",
];

impl AttrGraph {
    /// The graph of a view: every view node with its actor's fields (and
    /// the dataset's extra actor columns, as text), and every collapsed edge
    /// with its weight, its links (multiplicity) and links per layer, and
    /// the first and last year among its links.
    pub fn from_view(net: &Network, view: &View) -> Result<AttrGraph> {
        let str_key = |n: &str| Key {
            name: n.to_string(),
            ty: AttrType::Str,
        };
        let mut node_keys: Vec<Key> = ACTOR_KEYS
            .iter()
            .map(|&n| Key {
                name: n.to_string(),
                ty: if n == "employees" {
                    AttrType::Int
                } else {
                    AttrType::Str
                },
            })
            .collect();
        node_keys.extend(net.actor_extra.iter().map(|n| str_key(n)));
        let mut order: Vec<usize> = (0..view.n()).collect();
        order.sort_by(|&x, &y| {
            net.actor(view.actors[x])
                .id
                .cmp(&net.actor(view.actors[y]).id)
        });
        let mut pos_of_view_node = vec![0usize; view.n()];
        for (p, &v) in order.iter().enumerate() {
            pos_of_view_node[v] = p;
        }
        let s = |x: &Option<String>| x.clone().filter(|s| !s.is_empty()).map(Value::Str);
        let nodes = order
            .iter()
            .map(|&v| {
                let a = net.actor(view.actors[v]);
                let mut values = vec![
                    (!a.name.is_empty()).then(|| Value::Str(a.name.clone())),
                    Some(Value::Str(a.kind.to_string())),
                    a.size_class.map(|c| Value::Str(c.to_string())),
                    a.employees
                        .map(|e| Value::Int(i64::try_from(e).unwrap_or(i64::MAX))),
                    s(&a.region),
                    s(&a.complex),
                    (!a.mini_clusters.is_empty()).then(|| Value::Str(a.mini_clusters.join(";"))),
                    (!a.country.is_empty()).then(|| Value::Str(a.country.clone())),
                ];
                for n in &net.actor_extra {
                    values.push(
                        a.attrs
                            .iter()
                            .find(|(k, _)| k == n)
                            .map(|(_, v)| Value::Str(v.clone())),
                    );
                }
                GNode {
                    id: a.id.clone(),
                    label: if a.name.is_empty() {
                        a.id.clone()
                    } else {
                        a.name.clone()
                    },
                    values,
                }
            })
            .collect();
        let edge_keys = EDGE_KEYS
            .iter()
            .map(|&n| Key {
                name: n.to_string(),
                ty: AttrType::Int,
            })
            .collect();
        let pairs = pair_links(net, view)?;
        let mut edges: Vec<GEdge> = pairs
            .iter()
            .map(|p| {
                let (x, y) = (
                    pos_of_view_node[p.a as usize],
                    pos_of_view_node[p.b as usize],
                );
                let weight = view.csr.weight(p.a, p.b).unwrap_or(0.0);
                let int = |v: u32| Some(Value::Int(i64::from(v)));
                GEdge {
                    source: x.min(y),
                    target: x.max(y),
                    weight,
                    values: vec![
                        int(p.links()),
                        int(p.by_layer[0]),
                        int(p.by_layer[1]),
                        int(p.by_layer[2]),
                        p.first_year.map(|y| Value::Int(i64::from(y))),
                        p.last_year.map(|y| Value::Int(i64::from(y))),
                    ],
                }
            })
            .collect();
        edges.sort_by_key(|e| (e.source, e.target));
        Ok(AttrGraph {
            node_keys,
            edge_keys,
            nodes,
            edges,
            pos_of_view_node,
            two_mode: None,
        })
    }

    /// The two-mode (actor × group) graph of a view: the view's actors
    /// (sorted by id, with their fields and `mode` = `actor`,
    /// `bipartite` = 0), then every event and project the view selects (in
    /// dataset order, id `event:ID` or `project:ID`, label its id, `mode` =
    /// its layer, `bipartite` = 1, `type` and `year`), and one edge of weight
    /// 1 per membership with the group's year as `first_year` and
    /// `last_year`. Direct ties are not groups and are left out.
    pub fn two_mode(net: &Network, view: &View) -> Result<AttrGraph> {
        let mut g = AttrGraph::from_view(net, view)?;
        g.edges.clear();
        let n1 = g.nodes.len();
        let int_key = |n: &str| Key {
            name: n.to_string(),
            ty: AttrType::Int,
        };
        let str_key = |n: &str| Key {
            name: n.to_string(),
            ty: AttrType::Str,
        };
        let base = g.node_keys.len();
        g.node_keys.extend([
            str_key("mode"),
            int_key("bipartite"),
            str_key("type"),
            int_key("year"),
        ]);
        for n in &mut g.nodes {
            n.values.extend([
                Some(Value::Str("actor".into())),
                Some(Value::Int(0)),
                None,
                None,
            ]);
        }
        g.edge_keys = vec![int_key("first_year"), int_key("last_year")];
        let (node_of, _) = view.opts.selection.nodes(net);
        let mut edges = Vec::new();
        let mut nodes = std::mem::take(&mut g.nodes);
        view.opts.selection.for_each_record(
            net,
            &node_of,
            view.opts.max_group_size,
            |rec, members| {
                let crate::view::Record::Group(grp) = rec else {
                    return Ok(());
                };
                let pos = nodes.len();
                let year = grp.year.map(|y| Value::Int(i64::from(y)));
                let mut values = vec![None; base];
                values[0] = Some(Value::Str(grp.id.clone())); // `name`
                values.extend([
                    Some(Value::Str(grp.layer.to_string())),
                    Some(Value::Int(1)),
                    (!grp.kind.is_empty()).then(|| Value::Str(grp.kind.clone())),
                    year.clone(),
                ]);
                nodes.push(GNode {
                    id: format!("{}:{}", grp.layer, grp.id),
                    label: grp.id.clone(),
                    values,
                });
                let mut ends: Vec<usize> = members
                    .iter()
                    .map(|&v| g.pos_of_view_node[v as usize])
                    .collect();
                ends.sort_unstable();
                ends.dedup();
                for a in ends {
                    edges.push(GEdge {
                        source: a,
                        target: pos,
                        weight: 1.0,
                        values: vec![year.clone(), year.clone()],
                    });
                }
                Ok(())
            },
        )?;
        edges.sort_by_key(|e| (e.source, e.target));
        g.nodes = nodes;
        g.edges = edges;
        g.two_mode = Some(n1);
        Ok(g)
    }

    /// Add a float node attribute given per view node (e.g. a centrality).
    /// Non-finite values are left out.
    pub fn add_node_floats(&mut self, name: &str, by_view_node: &[f64]) {
        self.node_keys.push(Key {
            name: name.to_string(),
            ty: AttrType::Float,
        });
        let mut col: Vec<Option<Value>> = vec![None; self.nodes.len()];
        for (v, &x) in by_view_node.iter().enumerate() {
            if let Some(&p) = self.pos_of_view_node.get(v)
                && x.is_finite()
            {
                col[p] = Some(Value::Float(x));
            }
        }
        for (n, c) in self.nodes.iter_mut().zip(col) {
            n.values.push(c);
        }
    }

    /// Add a whole-number node attribute given per view node.
    pub fn add_node_ints(&mut self, name: &str, by_view_node: &[i64]) {
        self.node_keys.push(Key {
            name: name.to_string(),
            ty: AttrType::Int,
        });
        let mut col: Vec<Option<Value>> = vec![None; self.nodes.len()];
        for (v, &x) in by_view_node.iter().enumerate() {
            if let Some(&p) = self.pos_of_view_node.get(v) {
                col[p] = Some(Value::Int(x));
            }
        }
        for (n, c) in self.nodes.iter_mut().zip(col) {
            n.values.push(c);
        }
    }

    /// Check that every id, label, key name and text value holds only
    /// characters XML 1.0 can carry.
    pub fn check_xml_chars(&self) -> Result<()> {
        let bad = |s: &str| s.chars().find(|&c| !xml_char(c));
        let err = |what: String, c: char| {
            Error::Usage(format!(
                "{what} contains the character U+{:04X}, which XML 1.0 cannot hold; remove it from the data, or export as edgelist or pajek",
                c as u32
            ))
        };
        for k in self.node_keys.iter().chain(&self.edge_keys) {
            if let Some(c) = bad(&k.name) {
                return Err(err(format!("column name {:?}", k.name), c));
            }
        }
        for n in &self.nodes {
            if let Some(c) = bad(&n.id) {
                return Err(err(format!("actor id {:?}", n.id), c));
            }
            for (k, v) in self.node_keys.iter().zip(&n.values) {
                if let Some(Value::Str(s)) = v
                    && let Some(c) = bad(s)
                {
                    return Err(err(format!("actor {:?}: `{}`", n.id, k.name), c));
                }
            }
        }
        Ok(())
    }
}

/// Whether XML 1.0 allows the character.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A writer of an indented UTF-8 XML document on `out`, with the
/// declaration and the start tag of `root` written: namespace `xmlns`, the
/// schema at `xsd` for it, then `attrs`.
pub fn xml_document<W: Write>(
    out: W,
    root: &str,
    xmlns: &str,
    xsd: &str,
    attrs: &[(&str, &str)],
) -> io::Result<Writer<W>> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let location = format!("{xmlns} {xsd}");
    let mut all = vec![
        ("xmlns", xmlns),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ("xsi:schemaLocation", location.as_str()),
    ];
    all.extend_from_slice(attrs);
    w.write_event(Event::Start(xml_start(root, &all)))?;
    Ok(w)
}

/// A start tag with its attributes, the values escaped by [`xml_escape`].
pub fn xml_start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        let esc = xml_escape(v);
        e.push_attribute((k.as_bytes(), esc.as_bytes()));
    }
    e
}

/// Write the end tag of `name`.
pub fn xml_end<W: Write>(w: &mut Writer<W>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// Escape text for an XML attribute value or element content: the five
/// markup characters, and tab, newline and carriage return as character
/// references so that readers do not normalise them to spaces.
pub fn xml_escape(s: &str) -> String {
    if !s.contains(['<', '>', '&', '"', '\'', '\t', '\n', '\r']) {
        return s.to_string();
    }
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' => o.push_str("&#9;"),
            '\n' => o.push_str("&#10;"),
            '\r' => o.push_str("&#13;"),
            c => o.push(c),
        }
    }
    o
}
