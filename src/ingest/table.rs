//! A parsed but not yet validated input table: a header and rows of strings,
//! each row with the line it starts on. Both the CSV and the JSON readers
//! produce tables, so validation (in `ingest::build`) is shared.

use std::path::PathBuf;

/// One row: its 1-based line and its cells (empty string = not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line the row starts on.
    pub line: u64,
    /// Cells, one per header column.
    pub cells: Vec<String>,
}

/// One input table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The file it came from.
    pub path: PathBuf,
    /// Column names, trimmed.
    pub header: Vec<String>,
    /// Line of the header (for missing-column messages).
    pub header_line: u64,
    /// Data rows.
    pub rows: Vec<Row>,
}

impl Table {
    /// The position of a column, if present.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// The four tables of a dataset; absent optional files are `None`.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// Where the dataset is (directory or JSON file).
    pub dataset: PathBuf,
    /// actors (required).
    pub actors: Option<Table>,
    /// events (optional).
    pub events: Option<Table>,
    /// projects (optional).
    pub projects: Option<Table>,
    /// ties (optional).
    pub ties: Option<Table>,
}
