//! Reading a GEXF file (1.1, 1.2 or 1.3; <https://gexf.net>) as a dataset:
//! nodes become actors (`label` → `name` when there is no `name`
//! attribute) and edges ties (`weight` → weight, edge `kind` → type when
//! there is no `type` attribute; an edge `type` other than
//! directed/undirected/mutual, as NetworkX writes it, is the type); declared attributes map as in
//! [`super::xml`]. Dynamic spells are ignored (the first value of an
//! attribute is kept); hierarchical graphs (nodes inside nodes) are refused.

use super::Limits;
use super::table::Tables;
use super::xml::{Format, GraphDoc, Item, Names, Tag, get, read_limited, to_tables, walk};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;

const FORMAT: Format = Format {
    root: "gexf",
    name: "GEXF",
    other: "a .graphml file for GraphML",
};

/// Read a GEXF file.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = read_limited(path, limits)?;
    parse_bytes(path, &bytes, limits)
}

#[derive(Default)]
struct Attr {
    title: String,
    default: Option<String>,
    /// Number of the last item that gave a value for it (items count
    /// from 1), so that a repeated `<attvalue>` is dropped in O(1).
    given_by: u64,
}

/// Parse GEXF bytes into dataset tables.
pub fn parse_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Tables> {
    let (mut node_names, mut edge_names) = (Names::default(), Names::default());
    let mut items = 0u64;
    // values the current item took from its start tag (label, weight, …)
    let mut tag_attrs = 0usize;
    let mut graphs = 0usize;
    // class ("node"/"edge") -> attribute id -> declaration
    let mut decl: HashMap<String, HashMap<String, Attr>> = HashMap::new();
    let mut doc = GraphDoc::default();
    let mut class = String::new();
    let mut attr_in_progress: Option<String> = None;
    let mut item: Option<(bool, Item)> = None;
    let mut problems = walk(path, bytes, &FORMAT, |tag, w| {
        match tag {
            Tag::Start {
                name,
                attrs: a,
                empty,
            } => {
                match name {
                    "attributes" => class = get(a, "class").unwrap_or("node").to_string(),
                    "attribute" if w.stack.last().is_some_and(|s| s == "attributes") => {
                        let id = get(a, "id").unwrap_or_default().to_string();
                        let title = get(a, "title").unwrap_or(&id).to_string();
                        if class == "node" {
                            node_names.add(&mut doc.node_names, &title);
                        } else if class == "edge" {
                            edge_names.add(&mut doc.edge_names, &title);
                        }
                        decl.entry(class.clone()).or_default().insert(
                            id.clone(),
                            Attr {
                                title,
                                ..Attr::default()
                            },
                        );
                        if !empty {
                            attr_in_progress = Some(id);
                        }
                    }
                    "default" if attr_in_progress.is_some() => *w.text = Some(String::new()),
                    "graph" if w.stack.iter().any(|s| s == "graph") => {
                        w.problems
                            .push(w.problem("nested graphs are not supported"));
                        return ControlFlow::Break(());
                    }
                    "graph" => {
                        graphs += 1;
                        if graphs > 1 {
                            w.problems.push(
                                w.problem("more than one <graph> in the file")
                                    .hint("a dataset is one graph: split the file"),
                            );
                            return ControlFlow::Break(());
                        }
                    }
                    "nodes" | "parents" if w.stack.iter().any(|s| s == "node") => {
                        w.problems.push(
                            w.problem("hierarchical graphs (nodes inside nodes) are not supported")
                                .hint("flatten the graph in Gephi before exporting"),
                        );
                        return ControlFlow::Break(());
                    }
                    "node" => {
                        items += 1;
                        let mut it = Item {
                            line: w.line(),
                            a: get(a, "id").unwrap_or_default().to_string(),
                            ..Item::default()
                        };
                        // a label equal to the id (NetworkX's default) carries nothing
                        if let Some(l) = get(a, "label").filter(|l| *l != it.a) {
                            node_names.add(&mut doc.node_names, "label");
                            it.attrs.push(("label".into(), l.to_string()));
                        }
                        tag_attrs = it.attrs.len();
                        if empty {
                            doc.nodes.push(it);
                        } else {
                            item = Some((false, it));
                        }
                    }
                    "edge" => {
                        items += 1;
                        let mut it = Item {
                            line: w.line(),
                            a: get(a, "source").unwrap_or_default().to_string(),
                            b: get(a, "target").unwrap_or_default().to_string(),
                            ..Item::default()
                        };
                        for (x, col) in [("weight", "weight"), ("label", "label")] {
                            if let Some(v) = get(a, x) {
                                edge_names.add(&mut doc.edge_names, col);
                                it.attrs.push((col.to_string(), v.to_string()));
                            }
                        }
                        // GEXF's edge `type` is the direction; NetworkX also
                        // writes a `type` data attribute there
                        if let Some(t) = get(a, "type")
                            && !matches!(t, "directed" | "undirected" | "mutual")
                        {
                            edge_names.add(&mut doc.edge_names, "type");
                            it.attrs.push(("type".into(), t.to_string()));
                        }
                        if let Some(k) = get(a, "kind") {
                            edge_names.add(&mut doc.edge_names, "kind");
                            it.attrs.push(("kind".into(), k.to_string()));
                        }
                        tag_attrs = it.attrs.len();
                        if empty {
                            doc.edges.push(it);
                        } else {
                            item = Some((true, it));
                        }
                    }
                    "attvalue" => {
                        if let Some((is_edge, it)) = item.as_mut() {
                            let cls = if *is_edge { "edge" } else { "node" };
                            let id = get(a, "for").or_else(|| get(a, "id")).unwrap_or_default();
                            let value = get(a, "value").unwrap_or_default();
                            match decl.get_mut(cls).and_then(|m| m.get_mut(id)) {
                            Some(d) => {
                                if value.len() > limits.max_line_bytes {
                                    w.problems.push(w.problem(format!(
                                        "value of `{}` is {} bytes, more than the limit of {}",
                                        d.title, value.len(), limits.max_line_bytes))
                                        .hint("raise the limit with --max-line-bytes if the value is genuine"));
                                } else if d.given_by != items
                                    && !it.attrs.iter().take(tag_attrs).any(|(n, _)| *n == d.title)
                                {
                                    d.given_by = items;
                                    it.attrs.push((d.title.clone(), value.to_string()));
                                }
                            }
                            None => w.problems.push(w.problem(format!(
                                "<attvalue for=\"{id}\"> refers to no declared {cls} attribute"))
                                .hint(format!("declare it in <attributes class=\"{cls}\">"))),
                        }
                        }
                    }
                    _ => {}
                }
            }
            Tag::End(name) => match name {
                "attribute" => attr_in_progress = None,
                "default" => {
                    if let (Some(id), Some(t)) = (&attr_in_progress, w.text.take())
                        && let Some(d) = decl.get_mut(&class).and_then(|m| m.get_mut(id))
                    {
                        d.default = Some(t);
                    }
                }
                "node" | "edge" => doc.push(item.take()),
                _ => {}
            },
        }
        ControlFlow::Continue(())
    })?;
    problems.extend(doc.missing_ends(path));
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    doc.node_defaults = defaults(&decl, "node");
    doc.edge_defaults = defaults(&decl, "edge");
    // edge `kind` is the tie type when no `type` attribute is declared
    if !doc.edge_names.iter().any(|n| n == "type") {
        for (k, _) in doc.edge_defaults.iter_mut() {
            if k == "kind" {
                *k = "type".into();
            }
        }
        for n in doc.edge_names.iter_mut() {
            if n == "kind" {
                *n = "type".into();
            }
        }
        for e in doc.edges.iter_mut() {
            for (k, _) in e.attrs.iter_mut() {
                if k == "kind" {
                    *k = "type".into();
                }
            }
        }
    }
    to_tables(path, doc, bytes.len())
}

/// The defaults of a class's attributes, one per title, in attribute id
/// order (the first attribute of a title wins).
fn defaults(decl: &HashMap<String, HashMap<String, Attr>>, cls: &str) -> Vec<(String, String)> {
    let Some(m) = decl.get(cls) else {
        return Vec::new();
    };
    let mut d: Vec<(&String, &Attr)> = m.iter().filter(|(_, d)| d.default.is_some()).collect();
    d.sort_by_key(|(id, _)| id.as_str());
    let mut names = std::collections::HashSet::new();
    d.into_iter()
        .filter(|(_, a)| names.insert(a.title.as_str()))
        .map(|(_, a)| (a.title.clone(), a.default.clone().unwrap_or_default()))
        .collect()
}
