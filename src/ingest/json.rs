//! Reading a dataset from one JSON document:
//! `{"actors":[…],"events":[…],"projects":[…],"ties":[…]}`, field names as
//! the CSV columns. Each record keeps the line it starts on, so validation
//! messages name `FILE:LINE` as for CSV.

use super::table::{LineCounter, Table, Tables};
use super::{Budget, Limits};
use crate::error::{Error, Problem, Result};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc<'a> {
    #[serde(borrow, default)]
    actors: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    events: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    projects: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    ties: Option<Vec<&'a RawValue>>,
}

/// Read a JSON dataset file.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Tables> {
    let bytes = limits.read(path)?;
    parse_bytes_with(path, &bytes, limits)
}

/// Parse JSON dataset bytes with the default limits.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Tables> {
    parse_bytes_with(path, bytes, &Limits::default())
}

/// Parse JSON dataset bytes. A UTF-8 byte order mark is skipped, as the
/// CSV reader does. A record with more than `max_line_bytes` of text is
/// refused like a long CSV row, and the tables built stay within the
/// [`Budget`] of the input's size. Lines are counted forward as records are
/// read: O(bytes) in all.
pub fn parse_bytes_with(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Tables> {
    let max_row = limits.max_line_bytes.min(super::table::MAX_ROW_TEXT);
    let budget = Budget::for_input(bytes.len());
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        Error::data(Problem::at(path, line, "not valid UTF-8").hint("save the file as UTF-8"))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Doc = serde_json::from_str(text).map_err(|e| {
        Error::data(
            Problem::at(path, e.line().max(1) as u64, format!("not a dataset document: {e}")).hint(
                "expected {\"actors\":[…],\"events\":[…],\"projects\":[…],\"ties\":[…]} (see README, \"Dataset format\")",
            ),
        )
    })?;
    let mut problems = Vec::new();
    let base = text.as_ptr() as usize;
    let lines = LineCounter::new(text.as_bytes());
    let line_of = |raw: &RawValue| -> u64 {
        let off = (raw.get().as_ptr() as usize).saturating_sub(base);
        lines.line_at(off as u64)
    };
    let table = |recs: Option<Vec<&RawValue>>, problems: &mut Vec<Problem>| -> Option<Table> {
        let recs = recs?;
        let mut header: Vec<String> = Vec::new();
        let mut col_of: std::collections::HashMap<String, usize> = Default::default();
        let mut rows: Vec<(u64, BTreeMap<usize, String>)> = Vec::with_capacity(recs.len());
        for raw in recs {
            let line = line_of(raw);
            let obj: serde_json::Map<String, Value> = match serde_json::from_str(raw.get()) {
                Ok(Value::Object(m)) => m,
                _ => {
                    problems.push(Problem::at(path, line, "record is not a JSON object"));
                    continue;
                }
            };
            let mut cells = BTreeMap::new();
            let mut bad = false;
            for (k, v) in obj {
                let s = match v {
                    Value::Null => String::new(),
                    Value::Bool(b) => b.to_string(),
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s,
                    Value::Array(items) => {
                        let mut parts = Vec::with_capacity(items.len());
                        for it in items {
                            match it {
                                Value::String(s) => parts.push(s),
                                Value::Number(n) => parts.push(n.to_string()),
                                _ => bad = true,
                            }
                        }
                        parts.join(";")
                    }
                    Value::Object(_) => {
                        bad = true;
                        String::new()
                    }
                };
                if bad {
                    problems.push(Problem::at(
                        path,
                        line,
                        format!("field `{k}` must be a string, number or list of strings"),
                    ));
                    break;
                }
                let col = match col_of.get(&k) {
                    Some(&c) => c,
                    None => {
                        col_of.insert(k.clone(), header.len());
                        header.push(k);
                        header.len() - 1
                    }
                };
                cells.insert(col, s);
            }
            if bad {
                continue;
            }
            let len: usize = cells.values().map(String::len).sum();
            if len > max_row {
                problems.push(
                    Problem::at(
                        path,
                        line,
                        format!("record is {len} bytes, more than the limit of {max_row}"),
                    )
                    .hint("raise the limit with --max-line-bytes if the record is genuine"),
                );
                continue;
            }
            rows.push((line, cells));
        }
        let width = header.len();
        // the cells given are O(bytes); a field name that appears in only
        // some records widens all of them
        if let Err(e) = budget.check(path, width as u128 * rows.len() as u128, 0, 0) {
            problems.extend(e.problems().iter().cloned());
            return None;
        }
        let mut t = Table::new(path.to_path_buf(), header, 1);
        for (line, mut m) in rows {
            let cells: Vec<String> = (0..width)
                .map(|c| m.remove(&c).unwrap_or_default())
                .collect();
            if !t.push_row(line, &cells) {
                problems.push(Problem::at(
                    path,
                    line,
                    format!(
                        "record holds more than {} bytes of text",
                        super::table::MAX_ROW_TEXT
                    ),
                ));
            }
        }
        Some(t)
    };
    let t = Tables {
        dataset: path.to_path_buf(),
        actors: table(doc.actors, &mut problems),
        events: table(doc.events, &mut problems),
        projects: table(doc.projects, &mut problems),
        ties: table(doc.ties, &mut problems),
        notes: Vec::new(),
    };
    if t.actors.is_none() {
        problems.push(
            Problem::at(path, 1, "missing `actors`: a dataset needs an actors list")
                .hint("add \"actors\": [{\"id\": …, \"kind\": …}, …]"),
        );
    }
    if problems.is_empty() {
        Ok(t)
    } else {
        Err(Error::from_problems(problems))
    }
}
