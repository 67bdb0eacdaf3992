//! Reading dataset directories of CSV files.

use super::Limits;
use super::table::{MAX_ROW_TEXT, Segment, Table, Tables};
use crate::error::{Error, Problem, Result};
use crate::model::Layer;
use crate::model::schema::file_name;
use std::path::{Path, PathBuf};

/// Read `actors.csv`, `events.csv`, `projects.csv` and `ties.csv` from a
/// directory. Only `actors.csv` is required, except that a directory with
/// `ties.csv` alone is read with the actors its ties name (kind `other`,
/// in order of first appearance). Collects every problem it can
/// (encoding, CSV structure) before failing.
pub fn read_dir(dir: &Path, limits: &Limits) -> Result<Tables> {
    let mut problems = Vec::new();
    let mut t = Tables {
        dataset: dir.to_path_buf(),
        ..Tables::default()
    };
    let actors = dir.join(file_name(None));
    if !actors.is_file() && std::fs::symlink_metadata(&actors).is_ok() {
        return Err(not_a_file(&actors));
    }
    let ties = dir.join(file_name(Some(Layer::Tie)));
    if !actors.is_file()
        && ties.is_file()
        && !dir.join(file_name(Some(Layer::Event))).is_file()
        && !dir.join(file_name(Some(Layer::Project))).is_file()
    {
        // ties alone: the actors are the ids the ties name (kind `other`)
        let t_ties = read_file(&ties, limits, &mut problems)?;
        if !problems.is_empty() {
            return Err(Error::from_problems(problems));
        }
        t.actors = Some(super::edgelist::actors_from_ties(&actors, &t_ties));
        t.ties = Some(t_ties);
        t.notes.push(super::edgelist::inferred_note(&ties));
        return Ok(t);
    }
    if !actors.is_file() {
        return Err(Error::data(
            Problem::file(&actors, "missing: a dataset needs actors.csv").hint(
                "a dataset is a directory with actors.csv and optional events.csv, projects.csv, ties.csv (see README, \"Dataset format\")",
            ),
        ));
    }
    t.actors = Some(read_file(&actors, limits, &mut problems)?);
    for (layer, slot) in [
        (Layer::Event, &mut t.events),
        (Layer::Project, &mut t.projects),
        (Layer::Tie, &mut t.ties),
    ] {
        let p = dir.join(file_name(Some(layer)));
        if p.is_file() {
            *slot = Some(read_file(&p, limits, &mut problems)?);
        } else if std::fs::symlink_metadata(&p).is_ok() {
            return Err(not_a_file(&p));
        }
    }
    if problems.is_empty() {
        Ok(t)
    } else {
        Err(Error::from_problems(problems))
    }
}

/// The error for a dataset file that exists but is not a readable regular
/// file (a directory, a dangling symbolic link, a device): an I/O error
/// (exit 3), never a silent skip.
fn not_a_file(p: &Path) -> Error {
    let why = match std::fs::metadata(p) {
        Err(e) => format!("cannot be read ({e}; a dangling symbolic link?)"),
        Ok(m) if m.is_dir() => "is a directory, not a file".to_string(),
        Ok(_) => "is not a regular file".to_string(),
    };
    Error::io(p, std::io::Error::other(why))
}

/// Read one CSV file into a table. Structural problems go to `problems`;
/// only an unreadable file is returned as an error.
pub fn read_file(path: &Path, limits: &Limits, problems: &mut Vec<Problem>) -> Result<Table> {
    let bytes = limits.read(path)?;
    Ok(parse_bytes(path.to_path_buf(), &bytes, limits, problems))
}

/// Input above this size is split into chunks of about this many bytes that
/// are parsed in parallel.
pub const CHUNK_BYTES: usize = 8 << 20;

/// Parse CSV bytes (header row first) into a table.
///
/// Large inputs are parsed in parallel chunks (see [`parse_bytes_chunked`]);
/// the table and the problems are the same as a sequential parse's, in the
/// same order, for any thread count. O(bytes).
pub fn parse_bytes(
    path: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Table {
    parse_bytes_chunked(path, bytes, limits, problems, CHUNK_BYTES)
}

/// [`parse_bytes`] with an explicit chunk size (at least 1 byte), exposed so
/// that tests can check that every chunking gives the same result.
///
/// How it works: the header is read first. The data after it is cut into
/// chunks of about `chunk_bytes`, each cut right after a `\n` that ends a
/// non-empty, non-CRLF line with an even number of `"` since the previous cut
/// (where, for RFC 4180 quoting, a record ends). The chunks are parsed in
/// parallel, each by a fresh CSV reader, with line numbers offset by the
/// newlines before the chunk. A cut is only a guess (a stray quote inside a
/// field fools the count), so each chunk but the last is parsed with a
/// sentinel record appended: the guess was right exactly when the sentinel
/// starts a record right at the cut, i.e. a sequential reader would be at a
/// record start there with the same position. From the first chunk whose
/// guess was wrong, the rest of the input is parsed sequentially. Chunk
/// results are concatenated in order, so rows, lines and problems equal a
/// sequential parse's. O(bytes) work, O(bytes / threads) time.
pub fn parse_bytes_chunked(
    path: PathBuf,
    bytes: &[u8],
    limits: &Limits,
    problems: &mut Vec<Problem>,
    chunk_bytes: usize,
) -> Table {
    let mut table = Table::new(path, Vec::new(), 1);
    let mut rdr = reader(bytes, true);
    match rdr.byte_headers() {
        Ok(h) => {
            for (i, f) in h.iter().enumerate() {
                match std::str::from_utf8(f.trim_ascii()) {
                    Ok(s) => table
                        .header
                        .push(s.trim_start_matches('\u{feff}').to_string()),
                    Err(_) => {
                        problems.push(
                            Problem::at(
                                &table.path,
                                1,
                                format!("header column {} is not UTF-8", i + 1),
                            )
                            .hint("save the file as UTF-8"),
                        );
                        table.header.push(String::new());
                    }
                }
            }
        }
        Err(e) => {
            problems.push(csv_problem(&table.path, &e, 0));
            return table;
        }
    }
    // The reader is now at the first data record, in a state equivalent to a
    // fresh reader's (after a header ending in `\r`, a pending `\n` is
    // skipped by either).
    let start = (rdr.position().byte() as usize).min(bytes.len());
    let line0 = rdr.position().line();
    drop(rdr);
    let data = &bytes[start..];
    let cuts = cut_points(data, chunk_bytes.max(1));
    let ctx = Ctx {
        path: &table.path,
        header: &table.header,
        limits,
    };
    let mut parts: Vec<Part> = {
        let jobs: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
        let last = jobs.len().saturating_sub(1);
        if jobs.len() <= 1 {
            jobs.iter()
                .map(|&(a, b)| ctx.parse(&data[a..b], true))
                .collect()
        } else {
            use rayon::prelude::*;
            jobs.par_iter()
                .enumerate()
                .map(|(k, &(a, b))| ctx.parse(&data[a..b], k == last))
                .collect()
        }
    };
    // Concatenate in order, with lines made global: chunk k starts on line
    // `line0` plus the newlines of the chunks before it.
    let mut before = line0 - 1;
    let mut out = Vec::new();
    let mut k = 0;
    while k < parts.len() {
        if !parts[k].clean {
            // The cut after chunk k was not a record boundary: parse the rest
            // of the input sequentially, from chunk k's start (which is one).
            parts.truncate(k);
            parts.push(ctx.parse(&data[cuts[k]..], true));
        }
        let p = &mut parts[k];
        for pr in &mut p.problems {
            if let Some(l) = &mut pr.line {
                *l += before;
            }
        }
        problems.append(&mut p.problems);
        if let Some(e) = &p.failed {
            problems.push(csv_problem(ctx.path, e, before));
        }
        for mut s in std::mem::take(&mut p.segments) {
            s.offset_lines(before);
            out.push(s);
        }
        before += p.newlines;
        let failed = p.failed.is_some();
        k += 1;
        if failed {
            break;
        }
    }
    for s in out {
        table.push_segment(s);
    }
    table
}

/// A CSV reader over `input` with the dataset settings. Fields are trimmed by
/// the caller (with the same ASCII trim as `csv::Trim::All`), which saves the
/// reader a copy of every record.
fn reader<R: std::io::Read>(input: R, has_headers: bool) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(has_headers)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(input)
}

/// Where to cut `data` into chunks: offsets from 0 to `data.len()`.
/// Sequential, O(bytes), but only counts quotes (see [`count_byte`]).
fn cut_points(data: &[u8], chunk_bytes: usize) -> Vec<usize> {
    let count = count_byte;
    let mut cuts = vec![0];
    let mut prev = 0;
    while data.len() - prev > chunk_bytes {
        let mut pos = prev + chunk_bytes;
        let mut quotes = count(&data[prev..pos], b'"');
        let mut found = None;
        while let Some(i) = data[pos..].iter().position(|&b| b == b'\n') {
            let end = pos + i; // the '\n'
            quotes += count(&data[pos..end], b'"');
            let cut = end + 1;
            if quotes.is_multiple_of(2)
                && end > prev
                && !matches!(data[end - 1], b'\n' | b'\r')
                && cut < data.len()
            {
                found = Some(cut);
                break;
            }
            pos = cut;
        }
        let Some(cut) = found else { break };
        cuts.push(cut);
        prev = cut;
    }
    if prev < data.len() || cuts.len() == 1 {
        cuts.push(data.len());
    }
    cuts
}

/// How many bytes of `s` equal `c`. Counts in 32 one-byte lanes, which
/// compilers turn into vector compares: several GB/s. O(bytes).
fn count_byte(s: &[u8], c: u8) -> usize {
    const LANES: usize = 32;
    let mut n = 0;
    // a lane counts at most 255 before it is emptied
    for block in s.chunks(LANES * 255) {
        let mut acc = [0u8; LANES];
        let mut it = block.chunks_exact(LANES);
        for v in &mut it {
            for i in 0..LANES {
                acc[i] += u8::from(v[i] == c);
            }
        }
        n += acc.iter().map(|&a| usize::from(a)).sum::<usize>();
        n += it.remainder().iter().filter(|&&b| b == c).count();
    }
    n
}

/// What every chunk parse needs.
struct Ctx<'a> {
    path: &'a Path,
    header: &'a [String],
    limits: &'a Limits,
}

/// The result of parsing one chunk.
struct Part {
    segments: Vec<Segment>,
    problems: Vec<Problem>,
    /// The chunk ended exactly at a record boundary (always true for the last).
    clean: bool,
    /// The CSV reader failed; a sequential parse stops there.
    failed: Option<csv::Error>,
    /// Newlines in the chunk (when it is clean and not the last).
    newlines: u64,
}

/// Marks the end of a chunk that is not the last: it starts a record at the
/// cut exactly when the cut is a record boundary.
const SENTINEL: &[u8] = b"x\n";

impl Ctx<'_> {
    /// Parse one chunk that starts at a record boundary. Lines (of rows and
    /// problems) count from 1 at the chunk's start. O(chunk bytes); beyond
    /// the rows kept, memory O(`max_line_bytes` + header width) (see
    /// [`Records`]).
    fn parse(&self, chunk: &[u8], last: bool) -> Part {
        let path = self.path;
        let width = self.header.len();
        let max_row = self.limits.max_line_bytes.min(MAX_ROW_TEXT);
        let tail: &[u8] = if last { b"" } else { SENTINEL };
        // csv_core strips a UTF-8 BOM at the very start of its input, if
        // its first read brings at least 3 bytes; a sequential reader is
        // past that point here. So the first read brings at most 2 bytes.
        let (head, rest) = chunk.split_at(chunk.len().min(2));
        let mut rdr = Records::new([head, rest, tail], max_row, width);
        let est_rows = chunk.len() / 32 + 1;
        let mut seg = Segment::with_capacity(width, chunk.len(), est_rows);
        let mut part = Part {
            segments: Vec::new(),
            problems: Vec::new(),
            clean: last,
            failed: None,
            newlines: 0,
        };
        while let Some(rec) = rdr.next_record() {
            let (byte, local) = (rec.byte, rec.line);
            if !last && byte as usize >= chunk.len() {
                part.clean = byte as usize == chunk.len();
                part.newlines = local - 1;
                break;
            }
            let line = local;
            if rec.fields == 1 && rec.len == 0 {
                continue; // blank line
            }
            let len = rec.len;
            if len > max_row {
                part.problems.push(
                    Problem::at(
                        path,
                        line,
                        format!("row is {len} bytes, more than the limit of {max_row}"),
                    )
                    .hint("check the quoting (an unclosed quote swallows the rest of the file), or raise the limit with --max-line-bytes"),
                );
                continue;
            }
            if rec.fields != width {
                part.problems.push(
                    Problem::at(
                        path,
                        line,
                        format!("row has {} fields, the header has {width}", rec.fields),
                    )
                    .hint("quote fields that contain commas"),
                );
                continue;
            }
            let whole = std::str::from_utf8(rdr.slice()).ok();
            if !seg.fits(len) {
                seg.shrink_to_fit();
                let next = Segment::with_capacity(width, len, 1);
                part.segments.push(std::mem::replace(&mut seg, next));
            }
            if let Err(i) = seg.push_checked(line, (0..width).map(|i| cell(&rdr, whole, i))) {
                part.problems.push(
                    Problem::at(
                        path,
                        line,
                        format!("column `{}` is not valid UTF-8", self.header[i]),
                    )
                    .hint("save the file as UTF-8"),
                );
            }
        }
        seg.shrink_to_fit();
        part.segments.push(seg);
        part
    }
}

/// Field `i` of the current record, trimmed, if it is valid UTF-8. `whole`
/// is the record's text when all of it is valid UTF-8: then a field is
/// valid exactly when it starts and ends on character boundaries, an O(1)
/// check. O(field) otherwise.
fn cell<'r>(rec: &'r Records<'_>, whole: Option<&'r str>, i: usize) -> Option<&'r str> {
    match whole.zip(rec.range(i)).and_then(|(w, r)| w.get(r)) {
        Some(s) => Some(s.trim_ascii()),
        None => std::str::from_utf8(rec.field(i)?.trim_ascii()).ok(),
    }
}

/// Where a record starts and what it holds (see [`Records::next_record`]).
#[derive(Debug, Clone, Copy)]
struct Rec {
    /// Byte offset of its start, as `csv::Reader` reports it (the end of the
    /// previous record).
    byte: u64,
    /// Line of that offset.
    line: u64,
    /// Number of fields.
    fields: usize,
    /// Sum of the fields' lengths without ASCII white space around each.
    len: usize,
}

/// The trimmed length of a field given in pieces: bytes from its first to
/// its last non-white-space byte so far.
#[derive(Debug, Default, Clone, Copy)]
struct Trimmed {
    started: bool,
    core: usize,
    pending_ws: usize,
}

impl Trimmed {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b.is_ascii_whitespace() {
                if self.started {
                    self.pending_ws += 1;
                }
            } else if self.started {
                self.core += self.pending_ws + 1;
                self.pending_ws = 0;
            } else {
                self.started = true;
                self.core = 1;
            }
        }
    }
}

/// Counts of a record streamed past without holding it.
#[derive(Debug, Default)]
struct Streamed {
    /// Output bytes of the record so far (field ends are offsets in it).
    out: usize,
    /// Completed fields and the sum of their trimmed lengths.
    fields: usize,
    len: usize,
    cur: Trimmed,
}

impl Streamed {
    /// Feed output bytes starting at offset `self.out` of the record, and
    /// the field ends among them.
    fn feed(&mut self, bytes: &[u8], ends: &[usize]) {
        let base = self.out;
        let mut at = 0;
        for &e in ends {
            let e = e.saturating_sub(base).min(bytes.len());
            self.cur.feed(&bytes[at.min(e)..e]);
            self.len = self.len.saturating_add(self.cur.core);
            self.fields += 1;
            self.cur = Trimmed::default();
            at = e;
        }
        self.cur.feed(&bytes[at.min(bytes.len())..]);
        self.out += bytes.len();
    }
}

/// The records of CSV input given in pieces, read with `csv_core` with the
/// settings of [`reader`] (comma, `"` quotes doubled inside, CR/LF/CRLF
/// records, no header, any number of fields), at the positions a
/// `csv::Reader` reports.
///
/// A record is held (its fields readable with [`Records::field`]) while its
/// fields take at most `max_row` + 64 KiB and number at most `width` + 1.
/// Beyond either, the rest of it is streamed through a small buffer and
/// only counted, so a huge row never takes more memory than that; the count
/// says whether it is refused (too long, wrong width). A row that is within
/// both limits after all (white space around cells is not counted) is read
/// again from its start and held. O(bytes) time.
struct Records<'a> {
    pieces: [&'a [u8]; 3],
    /// Bytes of the pieces consumed.
    pos: usize,
    core: csv_core::Reader,
    buf: Vec<u8>,
    ends: Vec<usize>,
    /// Fields of the held record.
    n: usize,
    max_held: usize,
    max_fields: usize,
    done: bool,
}

impl<'a> Records<'a> {
    fn new(pieces: [&'a [u8]; 3], max_row: usize, width: usize) -> Records<'a> {
        Records {
            pieces,
            pos: 0,
            core: csv_core::Reader::new(),
            buf: vec![0; 1024],
            ends: vec![0; width + 1],
            n: 0,
            max_held: max_row.saturating_add(64 << 10),
            max_fields: width + 1,
            done: false,
        }
    }

    /// The unread input of the piece at `pos` (empty at the end).
    fn input_at(&self, pos: usize) -> &'a [u8] {
        let mut at = pos;
        for p in self.pieces {
            if at < p.len() {
                return &p[at..];
            }
            at -= p.len();
        }
        &[]
    }

    /// The next record, or `None` at the end of the input.
    fn next_record(&mut self) -> Option<Rec> {
        use csv_core::ReadRecordResult as R;
        if self.done {
            return None;
        }
        let (byte, line) = (self.pos as u64, self.core.line());
        let (mut outlen, mut endlen) = (0, 0);
        let mut streamed: Option<Streamed> = None;
        let mut scratch = Vec::new();
        let mut sends = Vec::new();
        loop {
            let input = self.input_at(self.pos);
            let res = if let Some(st) = streamed.as_mut() {
                let (res, nin, nout, nend) = self.core.read_record(input, &mut scratch, &mut sends);
                self.pos += nin;
                st.feed(&scratch[..nout], &sends[..nend]);
                res
            } else {
                let (res, nin, nout, nend) =
                    self.core
                        .read_record(input, &mut self.buf[outlen..], &mut self.ends[endlen..]);
                self.pos += nin;
                outlen += nout;
                endlen += nend;
                res
            };
            match res {
                R::InputEmpty => continue,
                R::OutputFull | R::OutputEndsFull if streamed.is_some() => continue,
                R::OutputFull if self.buf.len() < self.max_held => {
                    let grow = (self.buf.len() * 2).min(self.max_held.max(self.buf.len() + 1));
                    self.buf.resize(grow, 0);
                }
                R::OutputEndsFull if self.ends.len() < self.max_fields => {
                    let grow = (self.ends.len() * 2).min(self.max_fields);
                    self.ends.resize(grow, 0);
                }
                R::OutputFull | R::OutputEndsFull => {
                    // too big to hold: count the rest
                    let mut st = Streamed::default();
                    st.feed(&self.buf[..outlen], &self.ends[..endlen]);
                    streamed = Some(st);
                    scratch = vec![0; 64 << 10];
                    sends = vec![0; 1024];
                }
                R::Record => {
                    let Some(st) = streamed else {
                        self.n = endlen;
                        let len = (0..endlen)
                            .filter_map(|i| self.field(i))
                            .map(|f| f.trim_ascii().len())
                            .sum();
                        return Some(Rec {
                            byte,
                            line,
                            fields: endlen,
                            len,
                        });
                    };
                    let fields = st.fields;
                    let len = st.len;
                    self.n = 0;
                    if fields < self.max_fields && len <= self.max_held {
                        self.reread(byte as usize);
                    }
                    return Some(Rec {
                        byte,
                        line,
                        fields,
                        len,
                    });
                }
                R::End => {
                    self.done = true;
                    return None;
                }
            }
        }
    }

    /// Read the record at `start` again, holding it whatever its size.
    fn reread(&mut self, start: usize) {
        use csv_core::ReadRecordResult as R;
        let mut core = csv_core::Reader::new();
        let (mut pos, mut outlen, mut endlen) = (start, 0, 0);
        loop {
            let mut input = self.input_at(pos);
            if pos == start {
                // as at the start of a chunk: no BOM stripping (see `parse`)
                input = &input[..input.len().min(2)];
            }
            let (res, nin, nout, nend) =
                core.read_record(input, &mut self.buf[outlen..], &mut self.ends[endlen..]);
            pos += nin;
            outlen += nout;
            endlen += nend;
            match res {
                R::InputEmpty => {}
                R::OutputFull => {
                    let grow = self.buf.len() * 2;
                    self.buf.resize(grow, 0);
                }
                R::OutputEndsFull => {
                    let grow = self.ends.len() * 2;
                    self.ends.resize(grow, 0);
                }
                R::Record | R::End => {
                    self.n = endlen;
                    return;
                }
            }
        }
    }

    /// The byte range of field `i` of the held record.
    fn range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        if i >= self.n {
            return None;
        }
        let end = self.ends[i];
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(start..end)
    }

    /// Field `i` of the held record.
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.buf.get(self.range(i)?)
    }

    /// The fields of the held record, end to end.
    fn slice(&self) -> &[u8] {
        let end = if self.n == 0 {
            0
        } else {
            self.ends[self.n - 1]
        };
        &self.buf[..end]
    }
}

/// A CSV reader error, its line offset by `lines_before`.
fn csv_problem(path: &Path, e: &csv::Error, lines_before: u64) -> Problem {
    let line = e.position().map_or(1, |p| p.line() + lines_before);
    Problem::at(path, line, format!("not readable as CSV: {e}"))
        .hint("a dataset file is UTF-8 CSV with a header row")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Header, rows (line and cells) and problems of a parse.
    type Parsed = (Vec<String>, Vec<(u64, Vec<String>)>, Vec<Problem>);

    /// The sequential parser as it was before chunking and compact tables:
    /// the oracle for every chunking.
    fn reference(path: &Path, bytes: &[u8], limits: &Limits) -> Parsed {
        let mut problems = Vec::new();
        let mut header = Vec::new();
        let mut rows = Vec::new();
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        match rdr.byte_headers() {
            Ok(h) => {
                for (i, f) in h.iter().enumerate() {
                    match std::str::from_utf8(f) {
                        Ok(s) => header.push(s.trim_start_matches('\u{feff}').to_string()),
                        Err(_) => {
                            problems.push(
                                Problem::at(
                                    path,
                                    1,
                                    format!("header column {} is not UTF-8", i + 1),
                                )
                                .hint("save the file as UTF-8"),
                            );
                            header.push(String::new());
                        }
                    }
                }
            }
            Err(e) => {
                problems.push(csv_problem(path, &e, 0));
                return (header, rows, problems);
            }
        }
        let width = header.len();
        let mut rec = csv::ByteRecord::new();
        loop {
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    let line = rec.position().map_or(0, |p| p.line());
                    if rec.len() == 1 && rec.get(0).is_some_and(<[u8]>::is_empty) {
                        continue;
                    }
                    if rec.as_slice().len() > limits.max_line_bytes {
                        problems.push(
                            Problem::at(
                                path,
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
                                path,
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
                                        path,
                                        line,
                                        format!("column `{}` is not valid UTF-8", header[i]),
                                    )
                                    .hint("save the file as UTF-8"),
                                );
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        rows.push((line, cells));
                    }
                }
                Err(e) => {
                    problems.push(csv_problem(path, &e, 0));
                    break;
                }
            }
        }
        (header, rows, problems)
    }

    fn parse(bytes: &[u8], limits: &Limits, chunk: usize) -> (Table, Vec<Problem>) {
        let mut problems = Vec::new();
        let t = parse_bytes_chunked(PathBuf::from("x.csv"), bytes, limits, &mut problems, chunk);
        (t, problems)
    }

    /// Every chunk size gives the reference's header, rows and problems.
    fn check(bytes: &[u8], limits: &Limits) {
        let (header, rows, problems) = reference(Path::new("x.csv"), bytes, limits);
        let (whole, whole_p) = parse(bytes, limits, usize::MAX);
        assert_eq!(whole.header, header);
        let got: Vec<(u64, Vec<String>)> = whole
            .rows()
            .map(|r| (r.line, r.cells().map(str::to_string).collect()))
            .collect();
        assert_eq!(got, rows, "rows of {:?}", String::from_utf8_lossy(bytes));
        assert_eq!(whole_p, problems);
        for chunk in [1, 2, 3, 5, 8, 13, 40, 100] {
            let (t, p) = parse(bytes, limits, chunk);
            assert_eq!(
                t,
                whole,
                "chunk {chunk}, input {:?}",
                String::from_utf8_lossy(bytes)
            );
            assert_eq!(
                p,
                whole_p,
                "chunk {chunk}, input {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            4 => Just(b"a".to_vec()),
            2 => Just(b"bc".to_vec()),
            3 => Just(b",".to_vec()),
            3 => Just(b"\n".to_vec()),
            2 => Just(b"\r\n".to_vec()),
            1 => Just(b"\r".to_vec()),
            2 => Just(b"\"".to_vec()),
            1 => Just(b"\"\"".to_vec()),
            1 => Just(b"\"q,\nr\"\"s\"".to_vec()),
            1 => Just(b" ".to_vec()),
            1 => Just(b"\t".to_vec()),
            1 => Just(b"\xef\xbb\xbf".to_vec()),
            1 => Just(b"\xff".to_vec()),
            1 => Just("é".as_bytes().to_vec()),
            1 => Just(b"\xc3".to_vec()),
            1 => Just(b"\n\n".to_vec()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn chunks_equal_sequential(
            bom in any::<bool>(),
            header in prop_oneof![Just(&b"id,kind,x\n"[..]), Just(&b"id,kind\r\n"[..]), Just(&b" a , b\n\n"[..])],
            pieces in prop::collection::vec(piece(), 0..80),
            max_line in prop_oneof![Just(1usize << 20), Just(4usize)],
        ) {
            let mut bytes = Vec::new();
            if bom {
                bytes.extend_from_slice(b"\xef\xbb\xbf");
            }
            bytes.extend_from_slice(header);
            for p in pieces {
                bytes.extend_from_slice(&p);
            }
            let limits = Limits { max_line_bytes: max_line, ..Limits::default() };
            check(&bytes, &limits);
        }

        #[test]
        fn arbitrary_bytes_chunk_alike(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            check(&bytes, &Limits::default());
        }
    }

    #[test]
    fn chunked_cases() {
        let cases: &[&[u8]] = &[
            b"",
            b"id,kind",
            b"id,kind\n",
            b"\xef\xbb\xbfid,kind\r\na,firm\r\nb,robot\r\nc,firm\r\n",
            b"id,kind\n\n\na,firm\n\nb,robot\n   \nc\n",
            b"id,kind\na,\"multi\nline \"\"quoted\"\"\"\nb,firm\n\"c\nd\",x\ne,f",
            b"id,kind\na,5\" stray\nb,\"q\nr\"\nc,d\ne,f\ng,h\n",
            b"id,kind\na,\"unclosed\nb,c\nd,e\n",
            b"id,kind\na,b,c\nd\ne,\xff\n\xc3,x\nf,\xc3\xa9\n",
            b"id,kind\ra,b\rc,d\r",
            b"id,kind\na,b\r\n\r\nc,d\n",
            b"id,kind\na,b\n\xef\xbb\xbfc,d\n\xef\xbb\xbf\n",
            b"\xef\xbb\xbfid,kind\n\xef\xbb\xbfc,d\n",
        ];
        for c in cases {
            check(c, &Limits::default());
            check(
                c,
                &Limits {
                    max_line_bytes: 3,
                    ..Limits::default()
                },
            );
        }
    }

    /// Rows too big to hold are counted while streamed past, and give the
    /// reference's rows and problems: long rows, rows with many fields, and
    /// rows that are long only in white space around their cells (read
    /// again and kept), with and without a BOM and quotes.
    #[test]
    fn streamed_rows_equal_reference() {
        let pad = " ".repeat(70_000);
        let long = "x".repeat(70_000);
        let many = ",".repeat(70_000);
        let cases = [
            format!("id,kind\na,{pad}firm{pad}\nb,firm\n"),
            format!("id,kind\na,{long}\nb,firm\n"),
            format!("id,kind\na,b{many}\nb,firm\n"),
            format!("id,kind\na,\"{long}\nq\"\"\"\nb,firm\r\n"),
            format!("id,kind\n\u{feff}{pad}a,firm\n{pad}\nb,{pad}\n"),
            format!("id,kind\na,\"{pad}\"\nb,\"unclosed{long}"),
        ];
        for c in &cases {
            check(c.as_bytes(), &Limits::default());
            check(
                c.as_bytes(),
                &Limits {
                    max_line_bytes: 5,
                    ..Limits::default()
                },
            );
        }
    }

    #[test]
    fn cuts_fall_after_record_ends() {
        let data = b"a,b\nc,\"d\ne\"\n\nf,g\r\nh,i\nj,k\n";
        let cuts = cut_points(data, 2);
        assert_eq!(cuts.first(), Some(&0));
        assert_eq!(cuts.last(), Some(&data.len()));
        for w in cuts.windows(2) {
            assert!(w[0] < w[1]);
        }
        for &c in &cuts[1..cuts.len() - 1] {
            assert_eq!(data[c - 1], b'\n');
            assert!(!matches!(data[c - 2], b'\n' | b'\r'));
        }
        // the cut inside the quoted field ("d\ne") is never taken
        assert!(!cuts.contains(&9));
    }

    #[test]
    fn count_byte_counts() {
        let mut v: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 251) as u8).collect();
        v.extend_from_slice(&[b'"'; 600]);
        for len in [0, 1, 31, 32, 33, 8160, 8161, v.len()] {
            let s = &v[..len];
            for c in [b'"', 0, 250] {
                assert_eq!(count_byte(s, c), s.iter().filter(|&&b| b == c).count());
            }
        }
    }

    #[test]
    fn large_input_is_parsed_in_chunks_alike() {
        let mut s = String::from("id,kind,note\n");
        for i in 0..20_000 {
            match i % 97 {
                0 => s.push_str(&format!("a{i},firm,\"two\nlines \"\"q\"\"\"\n")),
                1 => s.push_str(&format!("a{i},5\" stray,x\n")),
                2 => s.push('\n'),
                3 => s.push_str(&format!("a{i},bad\r\n")),
                _ => s.push_str(&format!("a{i},firm,n{i}\n")),
            }
        }
        let limits = Limits::default();
        let (whole, wp) = parse(s.as_bytes(), &limits, usize::MAX);
        for chunk in [64, 1000, 4096, 65536] {
            let (t, p) = parse(s.as_bytes(), &limits, chunk);
            assert_eq!(t, whole);
            assert_eq!(p, wp);
        }
        let (header, rows, problems) = reference(Path::new("x.csv"), s.as_bytes(), &limits);
        assert_eq!(whole.header, header);
        assert_eq!(whole.len(), rows.len());
        assert_eq!(wp, problems);
    }
}
