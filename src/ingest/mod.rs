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
    Ok(load_opts(
        path,
        &LoadOpts {
            limits: *limits,
            kind_attr: None,
        },
    )?
    .network)
}

/// How to load a dataset: the input limits and the actor attribute that
/// gives the kinds.
#[derive(Debug, Clone, Default)]
pub struct LoadOpts {
    /// Input limits.
    pub limits: Limits,
    /// Take actor kinds from this attribute (a GraphML/GEXF node attribute
    /// or a column of the actors table) instead of `kind`: see
    /// [`kind_from_attr`].
    pub kind_attr: Option<String>,
}

/// A loaded dataset with what the command line should tell the user about
/// it: notes on what was inferred and warnings.
#[derive(Debug)]
pub struct Loaded {
    /// The network.
    pub network: Network,
    /// Lines starting `note:` or `warning:`, in order.
    pub notes: Vec<String>,
}

/// Load a dataset: read, map `--kind-attr`, validate, and note what was
/// inferred. When no actor of a GraphML or GEXF file has a known kind (a
/// file without a `kind` attribute), a warning says so and names
/// `--kind-attr`. (Datasets of CSV or JSON files state every actor's kind.)
pub fn load_opts(path: &Path, opts: &LoadOpts) -> Result<Loaded> {
    let mut tables = read_tables(path, &opts.limits)?;
    if let Some(attr) = &opts.kind_attr {
        kind_from_attr(&mut tables, attr)?;
    }
    let mut notes = std::mem::take(&mut tables.notes);
    let mut net = build(tables)?;
    let years = path.join(actor_years::FILE);
    if path.is_dir() && years.is_file() {
        let rows = actor_years::read(&years, &opts.limits, &net)?;
        net = net.with_actor_years(rows);
    }
    let graph_file = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("graphml") || e.eq_ignore_ascii_case("gexf"));
    if graph_file
        && notes.is_empty()
        && !net.actors.is_empty()
        && net
            .actors
            .iter()
            .all(|a| a.kind == crate::model::Kind::Other)
    {
        notes.push(format!(
            "warning: {}: no actor has a known kind (all {} are `other`), so figures by kind (firms, universities, institutes, agencies, I-U-I) are empty; {}",
            path.display(),
            net.actors.len(),
            if opts.kind_attr.is_some() {
                "check the values of the --kind-attr attribute"
            } else {
                "if an attribute holds the kinds, name it with --kind-attr NAME"
            }
        ));
    }
    Ok(Loaded {
        network: net,
        notes,
    })
}

/// The kind a value of a `--kind-attr` attribute names: a kind's own name
/// or a common synonym (case ignored): `industry`, `company`, `enterprise`,
/// `I` → firm; `U` → university; `research institute`, `research`, `R` →
/// institute; `government`, `G` → agency; empty → other. Other values are
/// kept and refused by validation (with the line of the actor).
pub fn kind_synonym(v: &str) -> Option<crate::model::Kind> {
    use crate::model::Kind;
    let l = v.trim().to_lowercase();
    if let Ok(k) = l.parse::<Kind>() {
        return Some(k);
    }
    Some(match l.as_str() {
        "" => Kind::Other,
        "i" | "industry" | "company" | "enterprise" | "business" => Kind::Firm,
        "u" | "univ" => Kind::University,
        "r" | "research institute" | "research" | "institution" => Kind::Institute,
        "g" | "government" | "gov" => Kind::Agency,
        _ => return None,
    })
}

/// `--kind-attr NAME`: replace the actors' `kind` column by the values of
/// column NAME (a GraphML/GEXF node attribute becomes a column of the
/// same name), mapped by [`kind_synonym`]. A usage error naming the
/// available columns if there is no such column.
pub fn kind_from_attr(t: &mut Tables, attr: &str) -> Result<()> {
    let Some(actors) = t.actors.as_mut() else {
        return Ok(());
    };
    let Some(src) = actors.col(attr) else {
        let have: Vec<&str> = actors
            .header
            .iter()
            .map(String::as_str)
            .filter(|h| *h != "id" && *h != "kind")
            .collect();
        return Err(Error::Usage(format!(
            "--kind-attr {attr:?}: {} has no actor attribute of that name; it has: {}",
            actors.path.display(),
            have.join(", ")
        )));
    };
    let mut header = actors.header.clone();
    let dst = match actors.col("kind") {
        Some(k) => k,
        None => {
            header.push("kind".to_string());
            header.len() - 1
        }
    };
    let mut out = table::Table::new(actors.path.clone(), header.clone(), actors.header_line);
    let mut cells: Vec<String> = Vec::with_capacity(header.len());
    for row in actors.rows() {
        cells.clear();
        cells.extend((0..header.len()).map(|i| row.get(i).unwrap_or("").to_string()));
        let v = row.get(src).unwrap_or("");
        cells[dst] = kind_synonym(v).map_or_else(|| v.trim().to_string(), |k| k.to_string());
        out.push_row(row.line, &cells);
    }
    *actors = out;
    Ok(())
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
        notes: Vec::new(),
    };
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    build(tables)
}
