//! Shared pieces of the GraphML and GEXF readers: byte offset → line, XML
//! text and attribute decoding with quick-xml, and the mapping of a parsed
//! graph (nodes and edges with named attributes) onto dataset tables.
//!
//! Mapping: node attributes named like an actors.csv column (`name`,
//! `kind`, `employees`, `size_class`, `region`, `complex`, `mini_clusters`,
//! `country`) fill that column; a `label` fills `name` when there is no
//! `name`; a missing or empty `kind` becomes `other`; any other attribute
//! becomes an extra column (`id` is renamed `id_attr`). Edges become ties:
//! attributes `type`, `year` and `weight` fill those columns, others become
//! extra columns (`source`/`target` renamed `source_attr`/`target_attr`).
//! Validation (unknown kinds, bad numbers, self-loops, unknown ends) is the
//! usual dataset validation, reported at the line of the node or edge.

use super::table::{LineCounter, Table, Tables};
use super::{Budget, Limits};
use crate::error::{Error, Problem, Result};
use quick_xml::events::Event;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;

/// A node or edge read from a graph file.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Line of its start tag.
    pub line: u64,
    /// Node id, or the edge's source.
    pub a: String,
    /// The edge's target (empty for nodes).
    pub b: String,
    /// Attribute name → value, in file order.
    pub attrs: Vec<(String, String)>,
}

/// Nodes and edges read from a graph file, before mapping.
#[derive(Debug, Clone, Default)]
pub struct GraphDoc {
    /// Nodes in file order.
    pub nodes: Vec<Item>,
    /// Edges in file order.
    pub edges: Vec<Item>,
    /// Node attribute names in declaration order.
    pub node_names: Vec<String>,
    /// Edge attribute names in declaration order.
    pub edge_names: Vec<String>,
    /// Default values of node attributes (name, value), one per name, in
    /// the order they apply; stored once, not copied into every node.
    pub node_defaults: Vec<(String, String)>,
    /// Default values of edge attributes, as `node_defaults`.
    pub edge_defaults: Vec<(String, String)>,
}

impl GraphDoc {
    /// Files a finished `<node>` (`false`) or `<edge>` (`true`).
    pub fn push(&mut self, item: Option<(bool, Item)>) {
        match item {
            Some((true, it)) => self.edges.push(it),
            Some((false, it)) => self.nodes.push(it),
            None => {}
        }
    }

    /// A problem for each node without an id and each edge without both
    /// ends, at its line.
    pub fn missing_ends<'d>(&'d self, path: &'d Path) -> impl Iterator<Item = Problem> + 'd {
        let nodes = self.nodes.iter().filter(|n| n.a.is_empty());
        let edges = self
            .edges
            .iter()
            .filter(|e| e.a.is_empty() || e.b.is_empty());
        nodes
            .map(move |n| Problem::at(path, n.line, "<node> without an id"))
            .chain(
                edges.map(move |e| Problem::at(path, e.line, "<edge> without a source or target")),
            )
    }
}

/// A list of names with O(1) membership, in insertion order (attribute
/// names: a file may declare many).
#[derive(Debug, Default)]
pub struct Names {
    seen: std::collections::HashSet<String>,
}

impl Names {
    /// Append `n` to `list` unless this set has seen it.
    pub fn add(&mut self, list: &mut Vec<String>, n: &str) {
        if !self.seen.contains(n) {
            self.seen.insert(n.to_string());
            list.push(n.to_string());
        }
    }
}

/// Line (1-based) of a byte offset.
pub fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let off = (offset as usize).min(bytes.len());
    1 + bytes[..off].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Check the file size limit and read the file (see [`Limits::read`]).
pub fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    limits.read(path)
}

/// The bytes as UTF-8 text, or a problem at the first bad byte's line.
pub fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        Error::data(
            Problem::at(
                path,
                line_at(bytes, e.valid_up_to() as u64),
                "not valid UTF-8",
            )
            .hint("save the file as UTF-8 (the encoding iuinet reads)"),
        )
    })
}

/// A problem at a byte offset.
pub fn problem(
    path: &Path,
    lines: &LineCounter<'_>,
    offset: u64,
    msg: impl Into<String>,
) -> Problem {
    Problem::at(path, lines.line_at(offset), msg)
}

/// A value without the XML white space (space, tab, CR, LF) around it;
/// other characters, such as a no-break or ideographic space, are kept.
pub fn xml_trim(v: &str) -> &str {
    v.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// The XML attributes of a start tag as (local name, normalised value).
pub fn attrs(e: &BytesStart<'_>) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a: Attribute = a.map_err(|e| e.to_string())?;
        let k = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let v = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("attribute `{k}`: {e}"))?
            .into_owned();
        out.push((k, v));
    }
    Ok(out)
}

/// Look up an XML attribute by local name.
pub fn get<'a>(attrs: &'a [(String, String)], k: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// The text of an entity or character reference (`&amp;`, `&#38;`).
pub fn resolve_ref(r: &BytesRef<'_>) -> std::result::Result<String, String> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c.to_string()),
            _ => Err("bad character reference".to_string()),
        };
    }
    let name = r.decode().map_err(|e| e.to_string())?;
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_string)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

/// How one XML graph format names itself in messages.
pub struct Format {
    /// The root element (`graphml`, `gexf`).
    pub root: &'static str,
    /// The format's name (`GraphML`, `GEXF`).
    pub name: &'static str,
    /// The hint for a file of the other format.
    pub other: &'static str,
}

/// The next event of `r`; a document that is not well-formed XML becomes a
/// problem at the reader's error position.
pub fn read_event<'a>(
    r: &mut Reader<&'a [u8]>,
    path: &Path,
    lines: &LineCounter<'_>,
    format: &Format,
) -> std::result::Result<Event<'a>, Problem> {
    r.read_event().map_err(|e| {
        problem(
            path,
            lines,
            r.error_position(),
            format!("not well-formed XML: {e}"),
        )
        .hint(format!("the file may be truncated or not {}", format.name))
    })
}

/// The local name and attributes of a start tag; on the first tag of the
/// document (`root_seen` false) also checks that it is the format's root.
/// `at` makes a problem at the tag.
pub fn start_tag(
    e: &BytesStart<'_>,
    root_seen: &mut bool,
    format: &Format,
    at: impl Fn(String) -> Problem,
) -> std::result::Result<(String, Vec<(String, String)>), Problem> {
    let name = local(e);
    let a = attrs(e).map_err(|m| at(format!("<{name}>: {m}")))?;
    if !*root_seen {
        *root_seen = true;
        if name != format.root {
            return Err(at(format!(
                "the root element is <{name}>, not <{}>",
                format.root
            ))
            .hint(format!("give a {} file, or {}", format.name, format.other)));
        }
    }
    Ok((name, a))
}

/// Collects the text of a text, CDATA or reference event into `buf` while
/// an element's text is being read (`buf` is `Some`); a bad one becomes a
/// problem made by `at`. Returns whether `ev` was such an event.
pub fn collect_text(
    ev: &Event<'_>,
    buf: &mut Option<String>,
    problems: &mut Vec<Problem>,
    at: impl Fn(String) -> Problem,
) -> bool {
    if !matches!(ev, Event::Text(_) | Event::CData(_) | Event::GeneralRef(_)) {
        return false;
    }
    let Some(b) = buf.as_mut() else {
        return true;
    };
    let text = match ev {
        Event::Text(t) => t
            .xml10_content()
            .map(|s| s.into_owned())
            .map_err(|e| format!("bad text: {e}")),
        Event::CData(t) => t
            .decode()
            .map(|s| s.into_owned())
            .map_err(|e| format!("bad CDATA: {e}")),
        Event::GeneralRef(rf) => resolve_ref(rf),
        _ => return false,
    };
    match text {
        Ok(t) => b.push_str(&t),
        Err(m) => problems.push(at(m)),
    }
    true
}

/// The problem of a document that ends without its root element or inside
/// an element (`stack` holds the open ones); `None` when it ends well.
pub fn end_problem(
    root_seen: bool,
    stack: &[String],
    format: &Format,
    at: impl Fn(String) -> Problem,
) -> Option<Problem> {
    if !root_seen {
        Some(at(format!(
            "no <{}> element: the file is empty or not {}",
            format.root, format.name
        )))
    } else {
        stack.last().map(|open| {
            at(format!("the file ends inside <{open}>"))
                .hint("the file is truncated: export it again")
        })
    }
}

/// One element of a document, as [`walk`] hands it to a reader.
pub enum Tag<'t> {
    /// A start tag (`empty` for `<x/>`): its local name and attributes.
    Start {
        /// Local name.
        name: &'t str,
        /// Attributes as (local name, normalised value).
        attrs: &'t [(String, String)],
        /// Whether the tag is empty (`<x/>`: no end tag follows).
        empty: bool,
    },
    /// An end tag's local name.
    End(&'t str),
}

/// Where [`walk`] is when it hands a [`Tag`] to a reader.
pub struct At<'w> {
    path: &'w Path,
    lines: &'w LineCounter<'w>,
    /// Byte offset of the tag.
    pub pos: u64,
    /// The elements open around the tag, outermost first.
    pub stack: &'w [String],
    /// The text of the element being read: a reader that sets it to
    /// `Some(String::new())` gets the text up to the next tag appended.
    pub text: &'w mut Option<String>,
    /// The problems found so far.
    pub problems: &'w mut Vec<Problem>,
}

impl<'w> At<'w> {
    fn new(
        path: &'w Path,
        lines: &'w LineCounter<'w>,
        pos: u64,
        stack: &'w [String],
        text: &'w mut Option<String>,
        problems: &'w mut Vec<Problem>,
    ) -> At<'w> {
        At {
            path,
            lines,
            pos,
            stack,
            text,
            problems,
        }
    }

    /// A problem at the tag.
    pub fn problem(&self, msg: impl Into<String>) -> Problem {
        self.problem_at(self.pos, msg)
    }

    /// A problem at byte `offset` of the document.
    pub fn problem_at(&self, offset: u64, msg: impl Into<String>) -> Problem {
        problem(self.path, self.lines, offset, msg)
    }

    /// The line of the tag.
    pub fn line(&self) -> u64 {
        self.lines.line_at(self.pos)
    }
}

/// Reads `bytes`, a document of `format`, handing each start and end tag to
/// `on` (text goes to [`At::text`]). Stops at the end of the document, at
/// XML that is not well-formed or has the wrong root, when `on` breaks, or
/// after more than [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS) problems.
/// Returns every problem found, the document's own and those `on` pushed;
/// an error when `bytes` is not UTF-8.
pub fn walk(
    path: &Path,
    bytes: &[u8],
    format: &Format,
    mut on: impl FnMut(Tag<'_>, &mut At<'_>) -> ControlFlow<()>,
) -> Result<Vec<Problem>> {
    let text = utf8(path, bytes)?;
    let lines = &LineCounter::new(bytes);
    let mut r = Reader::from_str(text);
    r.config_mut().trim_text(false);
    let mut problems: Vec<Problem> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut buf: Option<String> = None;
    let mut root_seen = false;
    loop {
        let pos = r.buffer_position();
        let ev = match read_event(&mut r, path, lines, format) {
            Ok(ev) => ev,
            Err(p) => {
                problems.push(p);
                break;
            }
        };
        let at = |msg: String| problem(path, lines, pos, msg);
        let flow = match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let (name, attrs) = match start_tag(e, &mut root_seen, format, at) {
                    Ok(x) => x,
                    Err(p) => {
                        problems.push(p);
                        break;
                    }
                };
                let tag = Tag::Start {
                    name: &name,
                    attrs: &attrs,
                    empty,
                };
                let flow = on(
                    tag,
                    &mut At::new(path, lines, pos, &stack, &mut buf, &mut problems),
                );
                if !empty {
                    stack.push(name);
                }
                flow
            }
            Event::End(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                let mut at = At::new(path, lines, pos, &stack, &mut buf, &mut problems);
                on(Tag::End(&name), &mut at)
            }
            Event::Eof => {
                problems.extend(end_problem(root_seen, &stack, format, at));
                break;
            }
            ref other => {
                collect_text(other, &mut buf, &mut problems, at);
                ControlFlow::Continue(())
            }
        };
        if flow.is_break() || problems.len() > crate::error::MAX_PROBLEMS {
            break;
        }
    }
    Ok(problems)
}

/// The local name of an element.
pub fn local(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// Map a parsed graph onto the actors and ties tables (see the module docs).
/// `input_bytes` is the size of the file, for the [`Budget`] that the
/// tables (defaults included) must fit before they are built.
///
/// Fails for a record with more than
/// [`MAX_ROW_TEXT`](super::table::MAX_ROW_TEXT) bytes of text and for tables
/// over the budget. O(nodes × node columns + edges × edge columns).
pub fn to_tables(path: &Path, doc: GraphDoc, input_bytes: usize) -> Result<Tables> {
    // node columns
    let has_name = doc.node_names.iter().any(|n| n == "name");
    let node_col = |n: &str| -> String {
        match n {
            "id" => "id_attr".to_string(),
            "label" if !has_name => "name".to_string(),
            _ => n.to_string(),
        }
    };
    let edge_col = |n: &str| -> String {
        match n {
            "source" | "target" => format!("{n}_attr"),
            _ => n.to_string(),
        }
    };
    let columns = |first: [&str; 2], names: &[String], col: &dyn Fn(&str) -> String| {
        let mut header: Vec<String> = first.iter().map(|s| s.to_string()).collect();
        let mut index: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), i))
            .collect();
        for n in names {
            let c = col(n);
            if !index.contains_key(&c) {
                index.insert(c.clone(), header.len());
                header.push(c);
            }
        }
        (header, index)
    };
    let (header, nidx) = columns(["id", "kind"], &doc.node_names, &node_col);
    let (eheader, eidx) = columns(["source", "target"], &doc.edge_names, &edge_col);
    // what the tables will hold, checked before they are built
    let explicit: usize = doc
        .nodes
        .iter()
        .chain(&doc.edges)
        .map(|it| it.attrs.len())
        .sum();
    let (nn, ne) = (doc.nodes.len() as u128, doc.edges.len() as u128);
    let dtext = |d: &[(String, String)]| d.iter().map(|(_, v)| v.len() as u128).sum::<u128>();
    let given_text: usize = doc
        .nodes
        .iter()
        .chain(&doc.edges)
        .flat_map(|it| &it.attrs)
        .map(|(_, v)| v.len())
        .sum();
    Budget::for_input(input_bytes).check(
        path,
        nn * header.len() as u128 + ne * eheader.len() as u128,
        explicit as u128
            + nn * doc.node_defaults.len() as u128
            + ne * doc.edge_defaults.len() as u128,
        given_text as u128 + nn * dtext(&doc.node_defaults) + ne * dtext(&doc.edge_defaults),
    )?;
    let mut too_long = Vec::new();
    // Fill a row: the item's own values (the first non-empty one of a
    // column wins), then the defaults of attributes it does not give.
    let mut given: Vec<bool> = Vec::new();
    let mut fill = |cells: &mut Vec<String>,
                    attrs: Vec<(String, String)>,
                    defaults: &[(String, String)],
                    idx: &HashMap<String, usize>,
                    col: &dyn Fn(&str) -> String| {
        given.clear();
        given.resize(cells.len(), false);
        let mut names: Vec<usize> = Vec::new();
        for (k, v) in attrs {
            if let Some(&i) = idx.get(&col(&k)) {
                names.push(i);
                if cells[i].is_empty() {
                    cells[i] = xml_trim(&v).to_string();
                }
            }
        }
        for i in names {
            given[i] = true;
        }
        for (k, v) in defaults {
            if let Some(&i) = idx.get(&col(k))
                && !given[i]
            {
                given[i] = true;
                if cells[i].is_empty() {
                    cells[i] = xml_trim(v).to_string();
                }
            }
        }
    };
    let mut actors = Table::new(path.to_path_buf(), header.clone(), 1);
    for it in doc.nodes {
        let mut cells = vec![String::new(); header.len()];
        cells[0] = it.a;
        fill(&mut cells, it.attrs, &doc.node_defaults, &nidx, &node_col);
        if cells[1].is_empty() {
            cells[1] = "other".to_string();
        }
        if !actors.push_row(it.line, &cells) {
            too_long.push(it.line);
        }
    }
    let mut ties = Table::new(path.to_path_buf(), eheader.clone(), 1);
    for it in doc.edges {
        let mut cells = vec![String::new(); eheader.len()];
        cells[0] = it.a;
        cells[1] = it.b;
        fill(&mut cells, it.attrs, &doc.edge_defaults, &eidx, &edge_col);
        if !ties.push_row(it.line, &cells) {
            too_long.push(it.line);
        }
    }
    if !too_long.is_empty() {
        return Err(Error::from_problems(
            too_long
                .into_iter()
                .map(|line| {
                    Problem::at(
                        path,
                        line,
                        format!(
                            "record holds more than {} bytes of text",
                            super::table::MAX_ROW_TEXT
                        ),
                    )
                })
                .collect(),
        ));
    }
    Ok(Tables {
        dataset: path.to_path_buf(),
        actors: Some(actors),
        events: None,
        projects: None,
        ties: Some(ties),
        notes: Vec::new(),
    })
}
