//! Reading a GraphML file (<http://graphml.graphdrawing.org/>) as a dataset:
//! nodes become actors and edges ties (see [`super::xml`] for how attributes
//! map to columns). One graph per file; nested graphs, hyperedges and ports
//! are refused with the line they are on.

use super::Limits;
use super::table::LineCounter;
use super::table::Tables;
use super::xml::{
    Format, GraphDoc, Item, Names, collect_text, end_problem, get, problem, read_event,
    read_limited, start_tag, to_tables, utf8,
};
use crate::error::{Error, Problem, Result};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::HashMap;
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
    let text = utf8(path, bytes)?;
    let lines = LineCounter::new(bytes);
    let (mut node_names, mut edge_names) = (Names::default(), Names::default());
    let mut r = Reader::from_str(text);
    r.config_mut().trim_text(false);
    let mut problems: Vec<Problem> = Vec::new();
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut doc = GraphDoc::default();
    let mut stack: Vec<String> = Vec::new();
    let mut graphs = 0usize;
    let mut item: Option<(bool, Item)> = None; // (is_edge, item)
    let mut key_in_progress: Option<String> = None;
    let mut data_key: Option<(String, u64)> = None;
    let mut text_buf: Option<String> = None;
    let mut root_seen = false;
    loop {
        let pos = r.buffer_position();
        let ev = match read_event(&mut r, path, &lines, &FORMAT) {
            Ok(ev) => ev,
            Err(p) => {
                problems.push(p);
                break;
            }
        };
        let at = |msg: String| problem(path, &lines, pos, msg);
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let (name, a) = match start_tag(e, &mut root_seen, &FORMAT, at) {
                    Ok(x) => x,
                    Err(p) => {
                        problems.push(p);
                        break;
                    }
                };
                match name.as_str() {
                    "key" => {
                        let id = get(&a, "id").unwrap_or_default().to_string();
                        if id.is_empty() {
                            problems.push(at("<key> without an id".into()));
                        }
                        let attr_name = get(&a, "attr.name").unwrap_or(&id).to_string();
                        keys.insert(
                            id.clone(),
                            Key {
                                domain: get(&a, "for").unwrap_or("all").to_string(),
                                name: attr_name.clone(),
                                default: None,
                            },
                        );
                        let dom = get(&a, "for").unwrap_or("all");
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
                    "default" if key_in_progress.is_some() => text_buf = Some(String::new()),
                    "graph" => {
                        if stack.iter().any(|s| s == "node" || s == "edge") {
                            problems.push(
                                at("nested graphs are not supported".into())
                                    .hint("flatten the graph: one <graph> of nodes and edges"),
                            );
                            break;
                        }
                        graphs += 1;
                        if graphs > 1 {
                            problems.push(
                                at("more than one <graph> in the file".into())
                                    .hint("a dataset is one graph: split the file"),
                            );
                            break;
                        }
                    }
                    "node" => {
                        let id = get(&a, "id").unwrap_or_default().to_string();
                        let it = Item {
                            line: lines.line_at(pos),
                            a: id,
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
                            line: lines.line_at(pos),
                            a: get(&a, "source").unwrap_or_default().to_string(),
                            b: get(&a, "target").unwrap_or_default().to_string(),
                            ..Item::default()
                        };
                        if empty {
                            doc.edges.push(it);
                        } else {
                            item = Some((true, it));
                        }
                    }
                    "hyperedge" => {
                        problems.push(
                            at("hyperedges are not supported".into()).hint(
                                "write each hyperedge as an event or project in a CSV dataset",
                            ),
                        );
                        break;
                    }
                    "data" if item.is_some() && !empty => {
                        let k = get(&a, "key").unwrap_or_default().to_string();
                        data_key = Some((k, pos));
                        text_buf = Some(String::new());
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                }
            }
            Event::End(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                match name.as_str() {
                    "key" => key_in_progress = None,
                    "default" => {
                        if let (Some(k), Some(t)) = (&key_in_progress, text_buf.take())
                            && let Some(key) = keys.get_mut(k)
                        {
                            key.default = Some(t);
                        }
                    }
                    "data" => {
                        if let (Some((k, dpos)), Some(t)) = (data_key.take(), text_buf.take())
                            && let Some((is_edge, it)) = item.as_mut()
                        {
                            match keys.get(&k) {
                                Some(key) => {
                                    let want = if *is_edge { "edge" } else { "node" };
                                    if key.domain != want && key.domain != "all" {
                                        problems.push(problem(path, &lines, dpos, format!(
                                            "<data key=\"{k}\"> on a {want}, but the key is declared for {}", key.domain)));
                                    } else if t.len() > limits.max_line_bytes {
                                        problems.push(problem(path, &lines, dpos, format!(
                                            "value of `{}` is {} bytes, more than the limit of {}", key.name, t.len(), limits.max_line_bytes))
                                            .hint("raise the limit with --max-line-bytes if the value is genuine"));
                                    } else {
                                        it.attrs.push((key.name.clone(), t));
                                    }
                                }
                                None => problems.push(problem(path, &lines, dpos, format!(
                                    "<data key=\"{k}\"> refers to no declared <key>"))
                                    .hint("declare every key with <key id=… for=… attr.name=…> before the graph")),
                            }
                        }
                    }
                    "node" | "edge" => doc.push(item.take()),
                    _ => {}
                }
            }
            Event::Eof => {
                problems.extend(end_problem(root_seen, &stack, &FORMAT, at));
                break;
            }
            ref other => {
                collect_text(other, &mut text_buf, &mut problems, at);
            }
        }
        if problems.len() > crate::error::MAX_PROBLEMS {
            break;
        }
    }
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.a.is_empty() {
            problems.push(Problem::at(path, n.line, "<node> without an id"));
        }
        if i > crate::error::MAX_PROBLEMS {
            break;
        }
    }
    for e in &doc.edges {
        if e.a.is_empty() || e.b.is_empty() {
            problems.push(Problem::at(
                path,
                e.line,
                "<edge> without a source or target",
            ));
        }
    }
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
