//! Reading a GraphML file (<http://graphml.graphdrawing.org/>) as a dataset:
//! nodes become actors and edges ties (see [`super::xml`] for how attributes
//! map to columns). One graph per file; nested graphs, hyperedges and ports
//! are refused with the line they are on.

use super::Limits;
use super::table::Tables;
use super::xml::{Format, GraphDoc, Item, Names, Tag, get, read_limited, to_tables, walk};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;

const FORMAT: Format = Format {
    root: "graphml",
    name: "GraphML",
    other: "a .gexf file for GEXF",
};

/// Read a GraphML file.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = read_limited(path, limits)?;
    parse_bytes(path, &bytes, limits)
}

struct Key {
    domain: String,
    name: String,
    default: Option<String>,
}

/// Parse GraphML bytes into dataset tables.
pub fn parse_bytes(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Tables> {
    let (mut node_names, mut edge_names) = (Names::default(), Names::default());
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut doc = GraphDoc::default();
    let mut graphs = 0usize;
    let mut item: Option<(bool, Item)> = None; // (is_edge, item)
    let mut key_in_progress: Option<String> = None;
    let mut data_key: Option<(String, u64)> = None;
    let mut problems = walk(path, bytes, &FORMAT, |tag, w| {
        match tag {
            Tag::Start {
                name,
                attrs: a,
                empty,
            } => match name {
                "key" => {
                    let id = get(a, "id").unwrap_or_default().to_string();
                    if id.is_empty() {
                        w.problems.push(w.problem("<key> without an id"));
                    }
                    let attr_name = get(a, "attr.name").unwrap_or(&id).to_string();
                    keys.insert(
                        id.clone(),
                        Key {
                            domain: get(a, "for").unwrap_or("all").to_string(),
                            name: attr_name.clone(),
                            default: None,
                        },
                    );
                    let dom = get(a, "for").unwrap_or("all");
                    if dom == "node" || dom == "all" {
                        node_names.add(&mut doc.node_names, &attr_name);
                    }
                    if dom == "edge" || dom == "all" {
                        edge_names.add(&mut doc.edge_names, &attr_name);
                    }
                    if !empty {
                        key_in_progress = Some(id);
                    }
                }
                "default" if key_in_progress.is_some() => *w.text = Some(String::new()),
                "graph" => {
                    if w.stack.iter().any(|s| s == "node" || s == "edge") {
                        w.problems.push(
                            w.problem("nested graphs are not supported")
                                .hint("flatten the graph: one <graph> of nodes and edges"),
                        );
                        return ControlFlow::Break(());
                    }
                    graphs += 1;
                    if graphs > 1 {
                        w.problems.push(
                            w.problem("more than one <graph> in the file")
                                .hint("a dataset is one graph: split the file"),
                        );
                        return ControlFlow::Break(());
                    }
                }
                "node" => {
                    let it = Item {
                        line: w.line(),
                        a: get(a, "id").unwrap_or_default().to_string(),
                        ..Item::default()
                    };
                    if empty {
                        doc.nodes.push(it);
                    } else {
                        item = Some((false, it));
                    }
                }
                "edge" => {
                    let it = Item {
                        line: w.line(),
                        a: get(a, "source").unwrap_or_default().to_string(),
                        b: get(a, "target").unwrap_or_default().to_string(),
                        ..Item::default()
                    };
                    if empty {
                        doc.edges.push(it);
                    } else {
                        item = Some((true, it));
                    }
                }
                "hyperedge" => {
                    w.problems.push(
                        w.problem("hyperedges are not supported")
                            .hint("write each hyperedge as an event or project in a CSV dataset"),
                    );
                    return ControlFlow::Break(());
                }
                "data" if item.is_some() && !empty => {
                    let k = get(a, "key").unwrap_or_default().to_string();
                    data_key = Some((k, w.pos));
                    *w.text = Some(String::new());
                }
                _ => {}
            },
            Tag::End(name) => match name {
                "key" => key_in_progress = None,
                "default" => {
                    if let (Some(k), Some(t)) = (&key_in_progress, w.text.take())
                        && let Some(key) = keys.get_mut(k)
                    {
                        key.default = Some(t);
                    }
                }
                "data" => {
                    if let (Some((k, dpos)), Some(t)) = (data_key.take(), w.text.take())
                        && let Some((is_edge, it)) = item.as_mut()
                    {
                        match keys.get(&k) {
                            Some(key) => {
                                let want = if *is_edge { "edge" } else { "node" };
                                if key.domain != want && key.domain != "all" {
                                    w.problems.push(w.problem_at(dpos, format!(
                                        "<data key=\"{k}\"> on a {want}, but the key is declared for {}", key.domain)));
                                } else if t.len() > limits.max_line_bytes {
                                    w.problems.push(w.problem_at(dpos, format!(
                                        "value of `{}` is {} bytes, more than the limit of {}", key.name, t.len(), limits.max_line_bytes))
                                        .hint("raise the limit with --max-line-bytes if the value is genuine"));
                                } else {
                                    it.attrs.push((key.name.clone(), t));
                                }
                            }
                            None => w.problems.push(w.problem_at(dpos, format!(
                                "<data key=\"{k}\"> refers to no declared <key>"))
                                .hint("declare every key with <key id=… for=… attr.name=…> before the graph")),
                        }
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
    doc.node_defaults = defaults(&keys, "node");
    doc.edge_defaults = defaults(&keys, "edge");
    to_tables(path, doc, bytes.len())
}

/// The defaults of the keys of a domain, one per attribute name, in key id
/// order (the first key of a name wins).
fn defaults(keys: &HashMap<String, Key>, want: &str) -> Vec<(String, String)> {
    let mut d: Vec<(&String, &Key)> = keys
        .iter()
        .filter(|(_, k)| (k.domain == want || k.domain == "all") && k.default.is_some())
        .collect();
    d.sort_by_key(|(id, _)| id.as_str());
    let mut names = std::collections::HashSet::new();
    d.into_iter()
        .filter(|(_, k)| names.insert(k.name.as_str()))
        .map(|(_, k)| (k.name.clone(), k.default.clone().unwrap_or_default()))
        .collect()
}
