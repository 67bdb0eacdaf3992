//! Reading a Pajek `.net` file as a dataset.
//!
//! Supported (Pajek manual, "Networks"): `*Vertices n` with lines
//! `i ["label"|label] [x y z] [shape …]` (vertices without a line get their
//! number as label); `*Edges` and `*Arcs` with lines `a b [weight] […]`;
//! `*Edgeslist` / `*Arcslist` with lines `a b c …` (a linked to each);
//! comments `%`; `*Network name`. Arcs are read as undirected ties (iuinet's
//! networks are undirected); a repeated pair adds up. Two-mode networks
//! (`*Vertices n m`: vertices 1..m are the first mode) become actors
//! (first mode) and events (second mode, type `event`), each line between
//! the modes a participation; lines inside one mode are ties.
//! Actor ids are the labels when those are unique and non-empty, else the
//! vertex numbers (labels then become names). Every actor has kind `other`.
//! `*Matrix` sections and partition/vector files are refused with a hint.

use super::Limits;
use super::table::{Table, Tables};
use crate::error::{Error, Problem, Result};
use std::path::Path;

/// Read a Pajek `.net` file.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = limits.read(path)?;
    let text = super::xml::utf8(path, &bytes)?;
    parse_str(path, text)
}

/// Split a line into tokens; `"…"` is one token (quotes removed).
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                s.push(c);
            }
            out.push(s);
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(s);
        }
    }
    out
}

#[derive(PartialEq, Clone, Copy)]
enum Section {
    None,
    Vertices,
    Lines,
    List,
}

/// Parse Pajek text into dataset tables.
pub fn parse_str(path: &Path, text: &str) -> Result<Tables> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut n = 0usize;
    let mut mode1: Option<usize> = None;
    let mut labels: Vec<Option<String>> = Vec::new();
    let mut lines: Vec<(u64, usize, usize, String)> = Vec::new();
    let mut section = Section::None;
    let mut seen_vertices = false;
    for (i, raw) in text.lines().enumerate() {
        let ln = i as u64 + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('%') {
            continue;
        }
        if line.starts_with('*') {
            let t = tokens(line);
            let head = t[0].to_ascii_lowercase();
            section = match head.as_str() {
                "*vertices" => {
                    let num = |k: usize| t.get(k).and_then(|x| x.parse::<usize>().ok());
                    match num(1) {
                        Some(v) => n = v,
                        None => problems.push(
                            Problem::at(path, ln, "`*Vertices` needs the number of vertices")
                                .hint("write `*Vertices 34`"),
                        ),
                    }
                    mode1 = num(2);
                    if let Some(m) = mode1
                        && m > n
                    {
                        problems.push(Problem::at(
                            path,
                            ln,
                            format!(
                                "two-mode `*Vertices {n} {m}`: the first mode cannot exceed {n}"
                            ),
                        ));
                    }
                    labels = vec![None; n];
                    seen_vertices = true;
                    Section::Vertices
                }
                "*edges" | "*arcs" => Section::Lines,
                "*edgeslist" | "*arcslist" => Section::List,
                "*network" => Section::None,
                other => {
                    problems.push(
                        Problem::at(path, ln, format!("unsupported Pajek section `{other}`"))
                            .hint("iuinet reads *Vertices, *Edges, *Arcs, *Edgeslist and *Arcslist; export a *Matrix as *Edges"),
                    );
                    Section::None
                }
            };
            if problems.len() >= 20 {
                break;
            }
            continue;
        }
        let t = tokens(line);
        let vertex = |s: &str, problems: &mut Vec<Problem>| -> Option<usize> {
            match s.parse::<usize>() {
                Ok(v) if v >= 1 && v <= n => Some(v - 1),
                _ => {
                    problems.push(
                        Problem::at(
                            path,
                            ln,
                            format!("vertex {s:?} is not a number from 1 to {n}"),
                        )
                        .hint("vertex numbers refer to the *Vertices list"),
                    );
                    None
                }
            }
        };
        match section {
            Section::Vertices => {
                if let Some(v) = vertex(&t[0], &mut problems) {
                    labels[v] = t.get(1).cloned();
                }
            }
            Section::Lines => {
                if t.len() < 2 {
                    problems.push(Problem::at(path, ln, "a line needs two vertex numbers"));
                    continue;
                }
                let (a, b) = (vertex(&t[0], &mut problems), vertex(&t[1], &mut problems));
                let w = match t.get(2) {
                    Some(x) if x.parse::<f64>().is_ok() => x.clone(),
                    _ => String::new(),
                };
                if let (Some(a), Some(b)) = (a, b) {
                    lines.push((ln, a, b, w));
                }
            }
            Section::List => {
                if let Some(a) = vertex(&t[0], &mut problems) {
                    for x in &t[1..] {
                        if let Some(b) = vertex(x, &mut problems) {
                            lines.push((ln, a, b, String::new()));
                        }
                    }
                }
            }
            Section::None => problems.push(
                Problem::at(path, ln, "a line outside any section")
                    .hint("a Pajek network starts with `*Vertices n`"),
            ),
        }
        if problems.len() >= 20 {
            break;
        }
    }
    if !seen_vertices && problems.is_empty() {
        problems.push(
            Problem::file(path, "no `*Vertices` line: not a Pajek network")
                .hint("a Pajek .net file starts with `*Vertices n`"),
        );
    }
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    // ids: unique non-empty labels, else vertex numbers
    let mut sorted: Vec<&str> = labels.iter().filter_map(|l| l.as_deref()).collect();
    sorted.sort_unstable();
    let unique =
        sorted.len() == n && sorted.windows(2).all(|w| w[0] != w[1]) && !sorted.contains(&"");
    let id = |v: usize| -> String {
        if unique {
            labels[v].clone().unwrap_or_default()
        } else {
            (v + 1).to_string()
        }
    };
    let m1 = mode1.unwrap_or(n);
    let mut actors = Table::new(
        path.to_path_buf(),
        vec!["id".into(), "name".into(), "kind".into()],
        1,
    );
    for (v, label) in labels.iter().enumerate().take(m1) {
        let name = label.clone().unwrap_or_else(|| (v + 1).to_string());
        actors.push_row(0, &[id(v), name, "other".into()]);
    }
    let mut ties = Table::new(
        path.to_path_buf(),
        ["source", "target", "type", "year", "weight"]
            .map(String::from)
            .to_vec(),
        1,
    );
    let mut events = Table::new(
        path.to_path_buf(),
        ["event_id", "type", "year", "actor_id"]
            .map(String::from)
            .to_vec(),
        1,
    );
    for (ln, a, b, w) in lines {
        match (a < m1, b < m1) {
            (true, true) => {
                ties.push_row(ln, &[id(a), id(b), "tie".into(), String::new(), w]);
            }
            (true, false) | (false, true) => {
                let (actor, ev) = if a < m1 { (a, b) } else { (b, a) };
                events.push_row(ln, &[id(ev), "event".into(), String::new(), id(actor)]);
            }
            (false, false) => {
                return Err(Error::data(
                    Problem::at(path, ln, "a line between two second-mode vertices").hint(
                        "in a two-mode network every line joins the first mode to the second",
                    ),
                ));
            }
        }
    }
    Ok(Tables {
        dataset: path.to_path_buf(),
        actors: Some(actors),
        events: (!events.is_empty()).then_some(events),
        projects: None,
        ties: (!ties.is_empty()).then_some(ties),
        notes: vec![super::edgelist::inferred_note(path)],
    })
}
