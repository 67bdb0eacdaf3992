//! Reading a plain edge list or an actor × group incidence matrix as a
//! dataset; actors are inferred from the ids (kind `other`, in order of
//! first appearance).
//!
//! * `.edges`, `.edgelist`, `.txt`: whitespace-separated `a b [weight]`
//!   lines (NetworkX `write_edgelist` / `write_weighted_edgelist`); `#`
//!   starts a comment; further columns are ignored.
//! * `.csv` with `source` and `target` columns (and optionally `weight`):
//!   one tie per row (pandas `to_csv` of NetworkX `to_pandas_edgelist`).
//! * any other `.csv`: an actor × group incidence matrix — the first
//!   column holds actor ids, every other column is a group (named by its
//!   header) and a cell that is not empty, `0` or `false` makes the actor a
//!   member; each group becomes an event of type `event`.

use super::Limits;
use super::table::{Table, Tables};
use crate::error::{Error, Problem, Result};
use std::collections::HashSet;
use std::path::Path;

fn tie_table(path: &Path) -> Table {
    Table::new(
        path.to_path_buf(),
        ["source", "target", "type", "year", "weight"]
            .map(String::from)
            .to_vec(),
        1,
    )
}

struct Actors {
    table: Table,
    seen: HashSet<String>,
}

impl Actors {
    fn new(path: &Path) -> Actors {
        Actors {
            table: Table::new(
                path.to_path_buf(),
                vec!["id".into(), "name".into(), "kind".into()],
                1,
            ),
            seen: HashSet::new(),
        }
    }
    fn add(&mut self, id: &str, line: u64) {
        if self.seen.insert(id.to_string()) {
            self.table
                .push_row(line, &[id.to_string(), id.to_string(), "other".into()]);
        }
    }
}

/// The one note of a dataset whose actors are inferred from its links:
/// they all have kind `other` and no attribute but a name.
pub(crate) fn inferred_note(path: &Path) -> String {
    format!(
        "note: {}: actors inferred from the ids the links name, all of kind `other`, with no attribute but a name (kind, region and size figures are empty; give a dataset directory with actors.csv for them)",
        path.display()
    )
}

/// The actors of a dataset that has ties.csv but no actors.csv: every
/// `source` and `target` id, in order of first appearance, kind `other`.
pub(crate) fn actors_from_ties(actors_path: &Path, ties: &Table) -> Table {
    let mut actors = Actors::new(actors_path);
    let (s, t) = (ties.col("source"), ties.col("target"));
    for row in ties.rows() {
        for c in [s, t].into_iter().flatten() {
            let id = row.get(c).unwrap_or("").trim();
            if !id.is_empty() {
                actors.add(id, row.line);
            }
        }
    }
    actors.table
}

/// Read a whitespace-separated edge list: `a b [weight]` lines, `#`
/// comments, an optional header line starting `source target`; further
/// columns are ignored.
pub fn read_edges(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = limits.read(path)?;
    let text = super::xml::utf8(path, &bytes)?;
    let mut actors = Actors::new(path);
    let mut ties = tie_table(path);
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let ln = i as u64 + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let t: Vec<&str> = line.split_whitespace().collect();
        // a header line `source target [weight …]` (as `iuinet export
        // --format edgelist` writes it) names the columns
        if ties.is_empty()
            && t.len() >= 2
            && t[0].eq_ignore_ascii_case("source")
            && t[1].eq_ignore_ascii_case("target")
        {
            continue;
        }
        if t.len() < 2 {
            problems.push(
                Problem::at(path, ln, format!("{line:?} is not an edge"))
                    .hint("write `source target [weight]` per line"),
            );
            if problems.len() >= 20 {
                break;
            }
            continue;
        }
        let w = t.get(2).copied().unwrap_or("");
        if !w.is_empty() && w.parse::<f64>().is_err() {
            problems.push(
                Problem::at(path, ln, format!("weight {w:?} is not a number"))
                    .hint("a third column, when present, is the edge weight"),
            );
            continue;
        }
        actors.add(t[0], ln);
        actors.add(t[1], ln);
        ties.push_row(ln, &[t[0], t[1], "tie", "", w]);
    }
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    Ok(Tables {
        dataset: path.to_path_buf(),
        actors: Some(actors.table),
        events: None,
        projects: None,
        ties: Some(ties),
        notes: vec![inferred_note(path)],
    })
}

/// Read a single `.csv` file: an edge list (`source,target[,weight]`) or
/// an actor × group incidence matrix.
pub fn read_csv(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = limits.read(path)?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let bad = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        Error::data(Problem::at(path, line, format!("not readable CSV: {e}")))
    };
    let header: Vec<String> = r
        .headers()
        .map_err(bad)?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let col = |n: &str| header.iter().position(|h| h.eq_ignore_ascii_case(n));
    let mut actors = Actors::new(path);
    let mut problems = Vec::new();
    if let (Some(s), Some(t)) = (col("source"), col("target")) {
        let wc = col("weight");
        let mut ties = tie_table(path);
        for rec in r.records() {
            let rec = rec.map_err(bad)?;
            let ln = rec.position().map_or(0, |p| p.line());
            let (a, b) = (
                rec.get(s).unwrap_or("").trim(),
                rec.get(t).unwrap_or("").trim(),
            );
            if a.is_empty() || b.is_empty() {
                problems.push(Problem::at(path, ln, "empty `source` or `target`"));
                continue;
            }
            let w = wc.and_then(|c| rec.get(c)).unwrap_or("").trim();
            actors.add(a, ln);
            actors.add(b, ln);
            ties.push_row(ln, &[a, b, "tie", "", w]);
        }
        if !problems.is_empty() {
            return Err(Error::from_problems(problems));
        }
        return Ok(Tables {
            dataset: path.to_path_buf(),
            actors: Some(actors.table),
            events: None,
            projects: None,
            ties: Some(ties),
            notes: vec![inferred_note(path)],
        });
    }
    if header.len() < 2 {
        return Err(Error::data(
            Problem::at(
                path,
                1,
                "one column: neither an edge list nor an incidence matrix",
            )
            .hint("give `source,target[,weight]` columns, or actor ids then one column per group"),
        ));
    }
    let mut events = Table::new(
        path.to_path_buf(),
        ["event_id", "type", "year", "actor_id"]
            .map(String::from)
            .to_vec(),
        1,
    );
    let mut rows: Vec<(u64, String, Vec<bool>)> = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(bad)?;
        let ln = rec.position().map_or(0, |p| p.line());
        let a = rec.get(0).unwrap_or("").trim().to_string();
        if a.is_empty() {
            problems.push(Problem::at(path, ln, "empty actor id in the first column"));
            continue;
        }
        let member = (1..header.len())
            .map(|c| {
                let v = rec.get(c).unwrap_or("").trim();
                !(v.is_empty()
                    || v == "0"
                    || v.eq_ignore_ascii_case("false")
                    || v.parse::<f64>() == Ok(0.0))
            })
            .collect();
        actors.add(&a, ln);
        rows.push((ln, a, member));
    }
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    // group by group, so each event's rows are together
    for (g, name) in header.iter().enumerate().skip(1) {
        for (ln, a, m) in &rows {
            if m[g - 1] {
                events.push_row(*ln, &[name.as_str(), "event", "", a.as_str()]);
            }
        }
    }
    Ok(Tables {
        dataset: path.to_path_buf(),
        actors: Some(actors.table),
        events: Some(events),
        projects: None,
        ties: None,
        notes: vec![inferred_note(path)],
    })
}
