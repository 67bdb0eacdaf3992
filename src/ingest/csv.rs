//! Reading dataset directories of CSV files.

use super::Limits;
use super::table::{Row, Table, Tables};
use crate::error::{Error, Problem, Result};
use std::path::{Path, PathBuf};

/// Read `actors.csv`, `events.csv`, `projects.csv` and `ties.csv` from a
/// directory. Only `actors.csv` is required. Collects every problem it can
/// (encoding, CSV structure) before failing.
pub fn read_dir(dir: &Path, limits: &Limits) -> Result<Tables> {
    let mut problems = Vec::new();
    let mut t = Tables {
        dataset: dir.to_path_buf(),
        ..Tables::default()
    };
    let actors = dir.join("actors.csv");
    if !actors.is_file() {
        return Err(Error::data(
            Problem::file(&actors, "missing: a dataset needs actors.csv").hint(
                "a dataset is a directory with actors.csv and optional events.csv, projects.csv, ties.csv (see README, \"Dataset format\")",
            ),
        ));
    }
    t.actors = Some(read_file(&actors, limits, &mut problems)?);
    for (name, slot) in [
        ("events.csv", &mut t.events),
        ("projects.csv", &mut t.projects),
        ("ties.csv", &mut t.ties),
    ] {
        let p = dir.join(name);
        if p.is_file() {
            *slot = Some(read_file(&p, limits, &mut problems)?);
        }
    }
    if problems.is_empty() {
        Ok(t)
    } else {
        Err(Error::from_problems(problems))
    }
}

/// Read one CSV file into a table. Structural problems go to `problems`;
/// only an unreadable file is returned as an error.
pub fn read_file(path: &Path, limits: &Limits, problems: &mut Vec<Problem>) -> Result<Table> {
    let bytes = limits.read(path)?;
    Ok(parse_bytes(path.to_path_buf(), &bytes, limits, problems))
}

/// Parse CSV bytes (header row first) into a table.
pub fn parse_bytes(
    path: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Table {
    let mut table = Table {
        path: path.clone(),
        header_line: 1,
        ..Table::default()
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    match rdr.byte_headers() {
        Ok(h) => {
            for (i, f) in h.iter().enumerate() {
                match std::str::from_utf8(f) {
                    Ok(s) => table
                        .header
                        .push(s.trim_start_matches('\u{feff}').to_string()),
                    Err(_) => {
                        problems.push(
                            Problem::at(&path, 1, format!("header column {} is not UTF-8", i + 1))
                                .hint("save the file as UTF-8"),
                        );
                        table.header.push(String::new());
                    }
                }
            }
        }
        Err(e) => {
            problems.push(csv_problem(&path, &e));
            return table;
        }
    }
    let width = table.header.len();
    let mut rec = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map_or(0, |p| p.line());
                if rec.len() == 1 && rec.get(0).is_some_and(<[u8]>::is_empty) {
                    continue; // blank line
                }
                if rec.as_slice().len() > limits.max_line_bytes {
                    problems.push(
                        Problem::at(
                            &path,
                            line,
                            format!(
                                "row is {} bytes, more than the limit of {}",
                                rec.as_slice().len(),
                                limits.max_line_bytes
                            ),
                        )
                        .hint("check the quoting (an unclosed quote swallows the rest of the file), or raise the limit with --max-line-bytes"),
                    );
                    continue;
                }
                if rec.len() != width {
                    problems.push(
                        Problem::at(
                            &path,
                            line,
                            format!("row has {} fields, the header has {width}", rec.len()),
                        )
                        .hint("quote fields that contain commas"),
                    );
                    continue;
                }
                let mut cells = Vec::with_capacity(width);
                let mut ok = true;
                for (i, f) in rec.iter().enumerate() {
                    match std::str::from_utf8(f) {
                        Ok(s) => cells.push(s.to_string()),
                        Err(_) => {
                            problems.push(
                                Problem::at(
                                    &path,
                                    line,
                                    format!("column `{}` is not valid UTF-8", table.header[i]),
                                )
                                .hint("save the file as UTF-8"),
                            );
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    table.rows.push(Row { line, cells });
                }
            }
            Err(e) => {
                problems.push(csv_problem(&path, &e));
                break;
            }
        }
    }
    table
}

fn csv_problem(path: &Path, e: &csv::Error) -> Problem {
    let line = e.position().map_or(1, |p| p.line());
    Problem::at(path, line, format!("not readable as CSV: {e}"))
        .hint("a dataset file is UTF-8 CSV with a header row")
}
