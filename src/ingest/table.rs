//! A parsed but not yet validated input table: a header and rows of strings,
//! each row with the line it starts on. Both the CSV and the JSON readers
//! produce tables, so validation (in `ingest::build`) is shared.
//!
//! Storage is compact: the cells of many rows share one text buffer
//! ([`Segment`]), with one `u32` end offset per cell and one line number per
//! row, so a table of R rows and C columns costs its text plus about
//! 4·R·C + 8·R bytes and a handful of allocations, instead of one `String` per
//! cell. Rows are read through the light view [`RowRef`].

use std::fmt;
use std::path::PathBuf;

/// The most cell text one row can hold (the offsets are `u32`); longer rows
/// are refused by the readers (see [`Limits`](super::Limits)).
pub const MAX_ROW_TEXT: usize = u32::MAX as usize;

/// Rows of one table stored in one text buffer: `width` cells per row, each
/// cell ending at `ends[row * width + i]` (the row's first cell starts where
/// the previous row's last cell ends). Text never exceeds `u32::MAX` bytes.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    width: usize,
    text: String,
    ends: Vec<u32>,
    lines: Vec<u64>,
}

impl Segment {
    /// An empty segment for rows of `width` cells, with room for about
    /// `text_bytes` of text and `rows` rows.
    pub fn with_capacity(width: usize, text_bytes: usize, rows: usize) -> Segment {
        Segment {
            width,
            text: String::with_capacity(text_bytes.min(MAX_ROW_TEXT)),
            ends: Vec::with_capacity(rows.saturating_mul(width)),
            lines: Vec::with_capacity(rows),
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True if there are no rows.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Cells per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Bytes of cell text.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Whether a row with `bytes` bytes of cell text still fits.
    pub fn fits(&self, bytes: usize) -> bool {
        self.text.len().saturating_add(bytes) <= MAX_ROW_TEXT
    }

    /// Append a row; `cells` must yield exactly `width` cells whose total
    /// length fits (check with [`Segment::fits`]). O(cell text).
    ///
    /// # Panics
    /// If the row does not fit or has the wrong number of cells (a bug in
    /// the caller, not bad input).
    pub fn push<'c>(&mut self, line: u64, cells: impl IntoIterator<Item = &'c str>) {
        let before = self.ends.len();
        for c in cells {
            self.text.push_str(c);
            let end =
                u32::try_from(self.text.len()).expect("segment text fits u32 (checked by caller)");
            self.ends.push(end);
        }
        assert_eq!(self.ends.len() - before, self.width, "row width");
        self.lines.push(line);
    }

    /// Append a row from cells that may be missing (`None`): stores the row
    /// and returns `Ok` if all `width` cells are present, else stores nothing
    /// and returns the first missing column. The row must fit (see
    /// [`Segment::fits`]). O(cell text).
    pub fn push_checked<'c>(
        &mut self,
        line: u64,
        cells: impl IntoIterator<Item = Option<&'c str>>,
    ) -> Result<(), usize> {
        let (text, ends) = (self.text.len(), self.ends.len());
        for (i, c) in cells.into_iter().enumerate() {
            let Some(c) = c else {
                self.text.truncate(text);
                self.ends.truncate(ends);
                return Err(i);
            };
            self.text.push_str(c);
            let end =
                u32::try_from(self.text.len()).expect("segment text fits u32 (checked by caller)");
            self.ends.push(end);
        }
        assert_eq!(self.ends.len() - ends, self.width, "row width");
        self.lines.push(line);
        Ok(())
    }

    /// Add `by` to the line of every row. O(rows).
    pub fn offset_lines(&mut self, by: u64) {
        if by != 0 {
            for l in &mut self.lines {
                *l += by;
            }
        }
    }

    /// Give back spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.lines.shrink_to_fit();
    }

    /// The row at `r`. O(1).
    pub fn row(&self, r: usize) -> RowRef<'_> {
        let w = self.width;
        let ends = &self.ends[r * w..(r + 1) * w];
        let start = if r * w == 0 {
            0
        } else {
            self.ends[r * w - 1] as usize
        };
        RowRef {
            line: self.lines[r],
            text: &self.text,
            start,
            ends,
        }
    }

    /// The rows in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = RowRef<'_>> + '_ {
        (0..self.len()).map(|r| self.row(r))
    }
}

/// One row of a [`Table`]: its 1-based line and its cells (empty string = not
/// given). Copying it is cheap.
#[derive(Clone, Copy)]
pub struct RowRef<'a> {
    /// Line the row starts on.
    pub line: u64,
    text: &'a str,
    start: usize,
    ends: &'a [u32],
}

impl<'a> RowRef<'a> {
    /// The cell in column `i`, if the row has that many. O(1).
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 {
            self.start
        } else {
            self.ends[i - 1] as usize
        };
        self.text.get(start..end)
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True for a row without cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cells in column order.
    pub fn cells(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }
}

impl fmt::Debug for RowRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Row")
            .field("line", &self.line)
            .field("cells", &self.cells().collect::<Vec<_>>())
            .finish()
    }
}

/// One input table.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The file it came from.
    pub path: PathBuf,
    /// Column names, trimmed.
    pub header: Vec<String>,
    /// Line of the header (for missing-column messages).
    pub header_line: u64,
    segments: Vec<Segment>,
    len: usize,
}

impl PartialEq for Table {
    /// Same path, header and rows (lines and cells), however they are split
    /// into segments.
    fn eq(&self, o: &Table) -> bool {
        self.path == o.path
            && self.header == o.header
            && self.header_line == o.header_line
            && self.len == o.len
            && self
                .rows()
                .zip(o.rows())
                .all(|(a, b)| a.line == b.line && a.len() == b.len() && a.cells().eq(b.cells()))
    }
}

impl Eq for Table {}

impl Table {
    /// An empty table with a header.
    pub fn new(path: PathBuf, header: Vec<String>, header_line: u64) -> Table {
        Table {
            path,
            header,
            header_line,
            segments: Vec::new(),
            len: 0,
        }
    }

    /// The position of a column, if present.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True if there are no data rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Append a row of `header.len()` cells (missing cells are empty, extra
    /// ones dropped), for readers that build rows one at a time (JSON, XML).
    /// Returns false, storing nothing, if the row's text exceeds
    /// [`MAX_ROW_TEXT`]. O(cell text), amortised.
    pub fn push_row<S: AsRef<str>>(&mut self, line: u64, cells: &[S]) -> bool {
        let width = self.header.len();
        let cell = |i: usize| cells.get(i).map_or("", |c| c.as_ref());
        let bytes: usize = (0..width).map(|i| cell(i).len()).sum();
        if bytes > MAX_ROW_TEXT {
            return false;
        }
        let need_new = match self.segments.last() {
            Some(s) => s.width() != width || !s.fits(bytes),
            None => true,
        };
        if need_new {
            self.segments.push(Segment::with_capacity(width, 0, 0));
        }
        if let Some(s) = self.segments.last_mut() {
            s.push(line, (0..width).map(cell));
            self.len += 1;
        }
        true
    }

    /// Append the rows of a segment (of `header.len()` cells per row).
    pub fn push_segment(&mut self, s: Segment) {
        debug_assert_eq!(s.width(), self.header.len());
        if s.is_empty() {
            return;
        }
        self.len += s.len();
        self.segments.push(s);
    }

    /// The rows in order. O(1) per row.
    pub fn rows(&self) -> impl Iterator<Item = RowRef<'_>> + '_ {
        self.segments.iter().flat_map(Segment::rows)
    }

    /// Take the rows out, segment by segment, so that a consumer can free
    /// each segment once it is done with it. The table keeps its header and
    /// is left without rows.
    pub fn take_segments(&mut self) -> Vec<Segment> {
        self.len = 0;
        std::mem::take(&mut self.segments)
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
    /// What the reader inferred rather than read (printed as notes by the
    /// command line), e.g. actors taken from the ids the links name.
    pub notes: Vec<String>,
}

/// Lines of byte offsets in one input, for readers that learn a record's
/// byte offset (JSON, XML): the count of newlines is carried forward from
/// the previous query, so offsets asked in increasing order cost O(bytes)
/// in all. An offset before the previous one restarts the count from the
/// start of the input (the JSON reader does this at most once per list).
#[derive(Debug)]
pub struct LineCounter<'a> {
    bytes: &'a [u8],
    /// (offset, line of that offset) of the last query.
    at: std::cell::Cell<(usize, u64)>,
}

impl<'a> LineCounter<'a> {
    /// A counter over `bytes`, at line 1.
    pub fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            at: std::cell::Cell::new((0, 1)),
        }
    }

    /// The 1-based line of byte `offset` (clamped to the input's length).
    pub fn line_at(&self, offset: u64) -> u64 {
        let off = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let (mut from, mut line) = self.at.get();
        if off < from {
            (from, line) = (0, 1);
        }
        line += self.bytes[from..off]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at.set((off, line));
        line
    }
}
