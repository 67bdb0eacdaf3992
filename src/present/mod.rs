//! Presentation: how a report (a `metrics` struct) becomes a terminal
//! table, CSV rows or JSON. One [`emit`] for every command; the CLI only
//! chooses the format and the destination.
//!
//! A report implements [`Present`]: its table text and, where it has one,
//! its CSV form. JSON is the report's serde form, so the three formats can
//! never disagree on a value (the table rounds, CSV and JSON do not).

mod brokers;
mod centrality;
mod communities;
mod consortia;
mod density;
mod ego;
mod match_eval;
mod matching;
pub mod report;
mod scorecard;
mod significance;
mod summary;

pub use centrality::Centralities;
pub use matching::{batch_csv, match_table};

use crate::error::{Error, Result};
use serde::Serialize;
use std::path::Path;

/// Output format of the table-or-JSON commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Human-readable table.
    #[default]
    Table,
    /// JSON document.
    Json,
    /// CSV rows.
    Csv,
}

/// A report that can be shown as a table and, optionally, as CSV.
pub trait Present: Serialize {
    /// What the report is called in messages (`consortia`, `density`, …).
    const NAME: &'static str;

    /// The table text for the terminal; `data` names the dataset.
    fn table(&self, data: &str) -> String;

    /// The CSV form: one or more tables, written one after the other with a
    /// blank line between them. `None`: this report has no CSV form.
    fn csv(&self) -> Option<Vec<CsvTable>> {
        None
    }
}

/// One CSV table: a header and its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvTable {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// A table with these column names and no rows yet.
    pub fn new<S: AsRef<str>>(header: &[S]) -> CsvTable {
        CsvTable {
            header: header.iter().map(|h| h.as_ref().to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// Render CSV tables (RFC 4180, via the `csv` crate), a blank line between
/// two tables. Every write error is reported.
pub fn csv_bytes(tables: &[CsvTable]) -> Result<Vec<u8>> {
    let err = |e: csv::Error| Error::Usage(format!("writing CSV: {e}"));
    let mut out = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&t.header).map_err(err)?;
        for r in &t.rows {
            w.write_record(r).map_err(err)?;
        }
        out = w
            .into_inner()
            .map_err(|e| Error::Usage(format!("writing CSV: {e}")))?;
    }
    Ok(out)
}

/// Write a report in `format` to `out` (atomically) or to stdout.
pub fn emit<R: Present>(r: &R, format: Format, data: &str, out: Option<&Path>) -> Result<()> {
    match format {
        Format::Json => crate::output::write_json(r, out),
        Format::Table => crate::output::write_out(r.table(data).as_bytes(), out),
        Format::Csv => match r.csv() {
            Some(t) => crate::output::write_out(&csv_bytes(&t)?, out),
            None => Err(Error::Usage(format!(
                "{} prints --format table or json",
                R::NAME
            ))),
        },
    }
}

/// An optional float for CSV: full precision, empty for none.
pub fn opt(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| v.to_string())
}

/// An optional float for a table: `digits` decimals, `-` for none.
pub fn fixed(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.digits$}"))
}
