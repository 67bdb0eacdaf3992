//! Ingest: read a dataset (a directory of CSV files, or one JSON, GraphML
//! or GEXF file) and validate it into a [`Network`].
//!
//! This module dispatches: [`read_tables`] picks the reader of a format
//! ([`csv`] for a directory, [`FORMATS`] by extension for a file), each
//! reader produces raw [`table::Tables`], and [`validate::build`] turns
//! them into a network, whatever the format. The column and file names are
//! the dataset schema in [`crate::model::schema`].
//!
//! Every problem is reported as `FILE:LINE: message` with a hint, all of them
//! (up to [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS)), not just the first.

pub mod actor_years;
pub mod csv;
pub mod edgelist;
pub mod embedded;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod limits;
pub mod pajek;
pub mod table;
pub mod validate;
pub mod xml;

use crate::error::{Error, Problem, Result};
use crate::model::Network;
use std::path::{Path, PathBuf};
use table::Tables;

pub use limits::{Budget, Limits};
pub use validate::build;

/// Load a dataset: a directory of CSV files, or a `.json` file.
pub fn load(path: &Path) -> Result<Network> {
    load_with(path, &Limits::default())
}

/// Load a dataset with explicit limits.
pub fn load_with(path: &Path, limits: &Limits) -> Result<Network> {
    let tables = read_tables(path, limits)?;
    let net = build(tables)?;
    let years = path.join(actor_years::FILE);
    if path.is_dir() && years.is_file() {
        let rows = actor_years::read(&years, limits, &net)?;
        return Ok(net.with_actor_years(rows));
    }
    Ok(net)
}

/// The name of standard input in messages (the DATA argument `-`).
pub const STDIN: &str = "<stdin>";

/// A reader of one single-file format: the file, the limits → raw tables.
pub type ReadFn = fn(&Path, &Limits) -> Result<Tables>;

/// The single-file formats, by lower-case file extension. A new importer is
/// one line here (and its module above).
pub const FORMATS: &[(&str, ReadFn)] = &[
    ("json", json::read_file),
    ("graphml", graphml::read_file),
    ("gexf", gexf::read_file),
    ("net", pajek::read_file),
    ("edges", edgelist::read_edges),
    ("edgelist", edgelist::read_edges),
    ("txt", edgelist::read_edges),
    ("csv", edgelist::read_csv),
];

/// The reader for a file, chosen by its extension (case-insensitive).
pub fn format_of(path: &Path) -> Option<ReadFn> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    FORMATS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
}

/// Read the raw tables of a dataset without validating them.
///
/// `-` reads a JSON dataset from standard input (named `<stdin>` in
/// messages), within the same limits as a file.
pub fn read_tables(path: &Path, limits: &Limits) -> Result<Tables> {
    if path == Path::new("-") {
        let name = Path::new(STDIN);
        let bytes = limits.read_from(name, std::io::stdin().lock(), 0)?;
        json::parse_bytes_with(name, &bytes, limits)
    } else if path.is_dir() {
        csv::read_dir(path, limits)
    } else if path.is_file() {
        match format_of(path) {
            Some(read) => read(path, limits),
            None => Err(Error::data(Problem::file(path, "not a dataset").hint(
                "give a directory of CSV files (actors.csv, …), a .json dataset file, a .graphml, .gexf or Pajek .net graph, an edge list (.edges, .csv) or an incidence matrix (.csv)",
            ))),
        }
    } else {
        Err(Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
        ))
    }
}

/// Convenience for tests and tools: parse a dataset given as CSV strings.
pub fn from_csv_strs(
    actors: &str,
    events: Option<&str>,
    projects: Option<&str>,
    ties: Option<&str>,
) -> Result<Network> {
    let limits = Limits::default();
    let mut problems = Vec::new();
    let mut parse = |name: &str, s: &str| {
        csv::parse_bytes(PathBuf::from(name), s.as_bytes(), &limits, &mut problems)
    };
    let tables = Tables {
        dataset: PathBuf::from("."),
        actors: Some(parse("actors.csv", actors)),
        events: events.map(|s| parse("events.csv", s)),
        projects: projects.map(|s| parse("projects.csv", s)),
        ties: ties.map(|s| parse("ties.csv", s)),
    };
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    build(tables)
}
