//! One error type for the whole crate.
//!
//! Data problems carry the file, the line and a hint with the fix; the CLI
//! maps each variant to an exit code (see `cli::exit_code`).

use std::fmt;
use std::path::PathBuf;

/// One problem found in an input file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line, when the problem is tied to one.
    pub line: Option<u64>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem at `path:line`.
    pub fn at(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            line: Some(line),
            message: message.into(),
            hint: None,
        }
    }

    /// A problem with a whole file.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            line: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Attach a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path.display(), l, self.message)?,
            None => write!(f, "{}: {}", self.path.display(), self.message)?,
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// The most problems a data error keeps; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;

/// Everything that can go wrong in iuinet.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input data is invalid; every problem found (up to `MAX_PROBLEMS`).
    #[error("{}", display_problems(problems, *more))]
    Data {
        /// The problems, in file and line order.
        problems: Vec<Problem>,
        /// How many further problems were found but not kept.
        more: usize,
    },
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A group is too large for a view that lists its pairs.
    #[error(
        "{layer} `{group}` has {size} members, more than the limit of {limit} for a view that lists member pairs\n  hint: raise the limit with --max-group-size {size}, or leave the {layer} layer out with --layers"
    )]
    GroupTooLarge {
        /// `event` or `project`.
        layer: &'static str,
        /// The group id.
        group: String,
        /// Its member count.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// Arguments that do not make sense together or name unknown things.
    #[error("{0}")]
    Usage(String),
}

fn display_problems(problems: &[Problem], more: usize) -> String {
    let mut s = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&p.to_string());
    }
    if more > 0 {
        s.push_str(&format!("\n... and {more} more problems"));
    }
    s
}

impl Error {
    /// A data error with a single problem.
    pub fn data(p: Problem) -> Error {
        Error::Data {
            problems: vec![p],
            more: 0,
        }
    }

    /// A data error from a list of problems (kept up to `MAX_PROBLEMS`).
    pub fn from_problems(mut problems: Vec<Problem>) -> Error {
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        Error::Data { problems, more }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The problems of a data error (empty for other kinds).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Data { problems, .. } => problems,
            _ => &[],
        }
    }
}

/// Result with iuinet's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
