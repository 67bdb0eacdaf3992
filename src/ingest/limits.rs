//! Limits that keep a hostile input from exhausting time or memory.
//!
//! * [`Limits`] are the user's settings (`--max-file-bytes`,
//!   `--max-line-bytes`): the largest input read and the longest row or
//!   value.
//! * [`Budget`] bounds what a reader may build from an input of a given
//!   size, so that peak memory stays O(input bytes) however the input is
//!   crafted (a GraphML `<default>` expands into every node; a JSON record
//!   with a new field widens every row). A file that exceeds a budget is
//!   refused with a data error (exit 2) before the expansion is built.

use crate::error::{Error, Problem, Result};
use std::io::Read;
use std::path::Path;

/// Limits that keep a hostile file from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file read, in bytes.
    pub max_file_bytes: u64,
    /// Longest CSV row, in bytes (of its trimmed cells; at most
    /// [`MAX_ROW_TEXT`](super::table::MAX_ROW_TEXT), 4 GiB − 1, whatever the
    /// setting); also the longest JSON record and XML value.
    pub max_line_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 4 << 30,
            max_line_bytes: 1 << 20,
        }
    }
}

impl Limits {
    /// Read a whole input file, refusing one above `max_file_bytes` before
    /// reading it (and one that grows past it while being read).
    pub fn read(&self, path: &Path) -> Result<Vec<u8>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > self.max_file_bytes {
            return Err(self.too_big(path, meta.len()));
        }
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        self.read_from(path, f, meta.len())
    }

    /// Read all of `r` (a file or standard input), refusing more than
    /// `max_file_bytes`; `hint` is the expected size. `path` names the
    /// input in messages.
    pub fn read_from(&self, path: &Path, r: impl Read, hint: u64) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(hint.min(self.max_file_bytes) as usize);
        r.take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        if bytes.len() as u64 > self.max_file_bytes {
            return Err(self.too_big(path, bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// The error for an input of `len` bytes (or, read from a stream that
    /// was cut at the limit, more).
    fn too_big(&self, path: &Path, len: u64) -> Error {
        let size = if len == self.max_file_bytes.saturating_add(1) {
            format!("more than {} bytes", self.max_file_bytes)
        } else {
            format!("{len} bytes")
        };
        Error::data(
            Problem::file(
                path,
                format!(
                    "file is {size}, more than the limit of {} bytes",
                    self.max_file_bytes
                ),
            )
            .hint("raise the limit with --max-file-bytes if the file is genuine"),
        )
    }
}

/// What a reader may build from an input of a given size: the cells of its
/// tables (rows × columns, 4 bytes each in [`Table`](super::table::Table)),
/// the non-empty cells (each about 100 bytes once validated into a
/// network), and the text of the cells. Each grows linearly with the input:
///
/// | budget | value for an input of B bytes |
/// |---|---|
/// | grid cells (rows × columns) | 2·B + 2²¹ |
/// | filled cells | B/8 + 2¹⁷ |
/// | cell text bytes | 2·B + 2²⁰ |
///
/// Ordinary files stay far below (a GraphML `<data>` element or a GEXF
/// `<attvalue>` takes 20+ bytes of the file per filled cell); a hostile
/// 1 MB file can make a reader build at most about 60 MB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Most cells of all tables (rows × columns).
    pub grid_cells: u64,
    /// Most non-empty cells.
    pub filled_cells: u64,
    /// Most bytes of cell text.
    pub text_bytes: u64,
}

impl Budget {
    /// The budget for an input of `bytes` bytes.
    pub fn for_input(bytes: usize) -> Budget {
        let b = bytes as u64;
        Budget {
            grid_cells: 2 * b + (1 << 21),
            filled_cells: b / 8 + (1 << 17),
            text_bytes: 2 * b + (1 << 20),
        }
    }

    /// Check what a reader is about to build; the error names the file and
    /// what would be built.
    pub fn check(&self, path: &Path, grid: u128, filled: u128, text: u128) -> Result<()> {
        let over = |what: &str, n: u128, max: u64| {
            Error::data(
                Problem::file(
                    path,
                    format!(
                        "the file would expand to {n} {what}, more than the limit of {max} for a file of its size"
                    ),
                )
                .hint("a <default> or a field name repeated over many records expands into every row; give the values explicitly, or drop unused attributes"),
            )
        };
        if grid > u128::from(self.grid_cells) {
            return Err(over("table cells", grid, self.grid_cells));
        }
        if filled > u128::from(self.filled_cells) {
            return Err(over("non-empty values", filled, self.filled_cells));
        }
        if text > u128::from(self.text_bytes) {
            return Err(over("bytes of values", text, self.text_bytes));
        }
        Ok(())
    }
}
