//! The optional per-year actor table `actor_years.csv` (columns `year`,
//! `actor_id`, `employees`, `rnd_funding`, `patents`): read after the other
//! tables, since its rows refer to actors. Extra columns are ignored.
//!
//! Every bad row is reported as `FILE:LINE: message` with a hint: a missing
//! or non-integer year, an unknown actor, a head count or patent count that
//! is not a whole number, R&D funding that is not a finite number ≥ 0, and a
//! second row for the same actor and year.

use super::Limits;
use super::table::Table;
use crate::error::{Error, Problem, Result};
use crate::model::{ACTOR_YEAR_COLS, ActorYear, Network};
use std::collections::HashMap;
use std::path::Path;

/// The file name inside a dataset directory.
pub use crate::model::ACTOR_YEARS_FILE as FILE;

/// Read and validate `path` against the actors of `net`.
pub fn read(path: &Path, limits: &Limits, net: &Network) -> Result<Vec<ActorYear>> {
    let mut problems = Vec::new();
    let t = super::csv::read_file(path, limits, &mut problems)?;
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    validate(&t, net)
}

/// Parse CSV bytes of `actor_years.csv` (named `path` in messages) and
/// validate them against the actors of `net`.
pub fn parse_bytes(path: &Path, bytes: &[u8], net: &Network) -> Result<Vec<ActorYear>> {
    let mut problems = Vec::new();
    let t = super::csv::parse_bytes(path.to_path_buf(), bytes, &Limits::default(), &mut problems);
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    validate(&t, net)
}

/// Validate a parsed table, collecting every problem. O(rows).
pub fn validate(t: &Table, net: &Network) -> Result<Vec<ActorYear>> {
    let p = &t.path;
    let mut problems = Vec::new();
    let col: Vec<Option<usize>> = ACTOR_YEAR_COLS.iter().map(|c| t.col(c)).collect();
    for (i, req) in ["year", "actor_id"].iter().enumerate() {
        if col[i].is_none() {
            problems.push(
                Problem::at(p, t.header_line, format!("missing required column `{req}`"))
                    .hint(format!("the header is: {}", ACTOR_YEAR_COLS.join(","))),
            );
        }
    }
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    let whole = |s: &str, c: &str, line: u64, problems: &mut Vec<Problem>| -> Option<u64> {
        if s.is_empty() {
            return None;
        }
        s.parse::<u64>().map_or_else(
            |_| {
                problems.push(
                    Problem::at(p, line, format!("`{c}` is {s:?}, expected a whole number"))
                        .hint(format!("write `{c}` as digits, or leave it empty")),
                );
                None
            },
            Some,
        )
    };
    let mut out = Vec::with_capacity(t.len());
    let mut first: HashMap<(u32, i32), u64> = HashMap::new();
    for row in t.rows() {
        let line = row.line;
        let cell = |k: usize| col[k].and_then(|i| row.get(i)).unwrap_or("");
        let year = match cell(0).parse::<i32>() {
            Ok(y) if (0..=9999).contains(&y) => Some(y),
            _ => {
                problems.push(
                    Problem::at(
                        p,
                        line,
                        format!("`year` is {:?}, expected an integer year", cell(0)),
                    )
                    .hint("every row needs its year as four digits, e.g. 2007"),
                );
                None
            }
        };
        let actor = match net.actor_ix(cell(1)) {
            Some(a) => Some(a),
            None => {
                problems.push(
                    Problem::at(
                        p,
                        line,
                        format!("`actor_id` refers to unknown actor {:?}", cell(1)),
                    )
                    .hint("add the actor to actors.csv, or fix the id"),
                );
                None
            }
        };
        let employees = whole(cell(2), "employees", line, &mut problems);
        let rnd_funding = match cell(3) {
            "" => None,
            s => match s.parse::<f64>() {
                Ok(f) if f.is_finite() && f >= 0.0 => Some(f),
                _ => {
                    problems.push(
                        Problem::at(
                            p,
                            line,
                            format!("`rnd_funding` is {s:?}, expected a finite number ≥ 0"),
                        )
                        .hint("thousand US dollars, e.g. 282.8, or leave it empty"),
                    );
                    None
                }
            },
        };
        let patents = whole(cell(4), "patents", line, &mut problems);
        let (Some(year), Some(actor)) = (year, actor) else {
            continue;
        };
        if let Some(l) = first.insert((actor, year), line) {
            first.insert((actor, year), l);
            problems.push(
                Problem::at(
                    p,
                    line,
                    format!(
                        "second row for actor {:?} in {year} (first at line {l})",
                        cell(1)
                    ),
                )
                .hint("one row per actor and year: remove the duplicate"),
            );
            continue;
        }
        out.push(ActorYear {
            year,
            actor,
            employees,
            rnd_funding,
            patents,
            line,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::from_problems(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net() -> Network {
        crate::ingest::from_csv_strs("id,kind\nf1,firm\nu1,university\n", None, None, None).unwrap()
    }

    #[test]
    fn reads_rows_and_leaves_empty_cells_empty() {
        let rows = parse_bytes(
            Path::new("actor_years.csv"),
            b"year,actor_id,employees,rnd_funding,patents,note\n2004,f1,12,282.8,9,x\n2005,f1,,,,\n",
            &net(),
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            ActorYear {
                year: 2004,
                actor: 0,
                employees: Some(12),
                rnd_funding: Some(282.8),
                patents: Some(9),
                line: 2
            }
        );
        assert_eq!((rows[1].employees, rows[1].rnd_funding), (None, None));
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let e = parse_bytes(
            Path::new("actor_years.csv"),
            b"year,actor_id,employees,rnd_funding,patents\n\
              20x4,f1,1,1,1\n\
              2004,zz,1,1,1\n\
              2004,f1,1.5,-3,n\n\
              2004,u1,,,\n\
              2004,u1,,,\n",
            &net(),
        )
        .unwrap_err()
        .to_string();
        for want in [
            "actor_years.csv:2: `year` is \"20x4\"",
            "actor_years.csv:3: `actor_id` refers to unknown actor \"zz\"",
            "actor_years.csv:4: `employees` is \"1.5\"",
            "actor_years.csv:4: `rnd_funding` is \"-3\"",
            "actor_years.csv:4: `patents` is \"n\"",
            "actor_years.csv:6: second row for actor \"u1\" in 2004 (first at line 5)",
        ] {
            assert!(e.contains(want), "{want:?} not in {e}");
        }
        let e = parse_bytes(Path::new("a.csv"), b"actor_id\nf1\n", &net())
            .unwrap_err()
            .to_string();
        assert!(e.contains("a.csv:1: missing required column `year`"), "{e}");
    }
}
