//! Ingest: read a dataset (a directory of CSV files or one JSON document)
//! and validate it into a [`Network`].
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
pub mod pajek;
pub mod table;
pub mod xml;

use crate::error::{Error, Problem, Result};
use crate::model::{
    Actor, ActorIx, Group, Kind, Layer, Member, Network, Role, SizeClass, Sources, Tie,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use table::{RowRef, Segment, Table, Tables};

/// Limits that keep a hostile file from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file read, in bytes.
    pub max_file_bytes: u64,
    /// Longest CSV row, in bytes (of its trimmed cells; at most
    /// [`table::MAX_ROW_TEXT`], 4 GiB − 1, whatever the setting).
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
    /// reading it.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > self.max_file_bytes {
            return Err(Error::data(
                Problem::file(
                    path,
                    format!(
                        "file is {} bytes, more than the limit of {} bytes",
                        meta.len(),
                        self.max_file_bytes
                    ),
                )
                .hint("raise the limit with --max-file-bytes if the file is genuine"),
            ));
        }
        std::fs::read(path).map_err(|e| Error::io(path, e))
    }
}

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

/// Read the raw tables of a dataset without validating them.
pub fn read_tables(path: &Path, limits: &Limits) -> Result<Tables> {
    if path.is_dir() {
        csv::read_dir(path, limits)
    } else if path.is_file() {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => json::read_file(path, limits),
            Some("graphml") => graphml::read_file(path, limits),
            Some("gexf") => gexf::read_file(path, limits),
            Some("net") => pajek::read_file(path, limits),
            Some("edges" | "edgelist" | "txt") => edgelist::read_edges(path, limits),
            Some("csv") => edgelist::read_csv(path, limits),
            _ => Err(Error::data(Problem::file(path, "not a dataset").hint(
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

const ACTOR_COLS: [&str; 9] = [
    "id",
    "name",
    "kind",
    "employees",
    "size_class",
    "region",
    "complex",
    "mini_clusters",
    "country",
];
const EVENT_COLS: [&str; 5] = ["event_id", "type", "year", "actor_id", "mini_cluster"];
const PROJECT_COLS: [&str; 6] = ["project_id", "type", "year", "actor_id", "role", "funding"];
const TIE_COLS: [&str; 5] = ["source", "target", "type", "year", "weight"];

/// The standard columns of each file, in output order.
pub fn standard_columns(layer: Option<Layer>) -> &'static [&'static str] {
    match layer {
        None => &ACTOR_COLS,
        Some(Layer::Event) => &EVENT_COLS,
        Some(Layer::Project) => &PROJECT_COLS,
        Some(Layer::Tie) => &TIE_COLS,
    }
}

/// A map from ids (actor and group ids) to values, for the per-row lookups of
/// [`build`]. Ids of up to 15 bytes, the usual case, are packed with their
/// length into two `u64`s, so a lookup hashes 16 bytes and compares inline
/// instead of following a `String` pointer; longer ids go to a second map.
/// The hasher is foldhash, randomly seeded per map, so crafted ids cannot
/// force collisions. O(1) expected per operation.
struct Ids<V> {
    short: HashMap<(u64, u64), V, foldhash::fast::RandomState>,
    long: HashMap<String, V, foldhash::fast::RandomState>,
}

impl<V: Copy> Ids<V> {
    fn with_capacity(n: usize) -> Ids<V> {
        Ids {
            short: HashMap::with_capacity_and_hasher(n, Default::default()),
            long: HashMap::default(),
        }
    }

    /// The packed form of an id of at most 15 bytes (bytes, zero padding,
    /// length in the last byte): different ids pack differently.
    fn pack(id: &str) -> Option<(u64, u64)> {
        let b = id.as_bytes();
        if b.len() > 15 {
            return None;
        }
        let mut k = [0u8; 16];
        k[..b.len()].copy_from_slice(b);
        k[15] = b.len() as u8;
        let (lo, hi) = k.split_at(8);
        Some((
            u64::from_le_bytes(lo.try_into().unwrap_or_default()),
            u64::from_le_bytes(hi.try_into().unwrap_or_default()),
        ))
    }

    fn get(&self, id: &str) -> Option<V> {
        match Self::pack(id) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(id).copied(),
        }
    }

    fn insert(&mut self, id: &str, v: V) {
        match Self::pack(id) {
            Some(k) => self.short.insert(k, v),
            None => self.long.insert(id.to_string(), v),
        };
    }
}

/// Column lookup for one table: standard columns by name, extras in order.
struct Cols {
    idx: Vec<Option<usize>>,
    extra: Vec<(usize, String)>,
}

impl Cols {
    fn new(t: &Table, std_cols: &[&str], required: &[&str], problems: &mut Vec<Problem>) -> Cols {
        let idx: Vec<Option<usize>> = std_cols.iter().map(|c| t.col(c)).collect();
        if !(t.is_empty() && t.header.iter().all(String::is_empty)) {
            for r in required {
                if t.col(r).is_none() {
                    problems.push(
                        Problem::at(
                            &t.path,
                            t.header_line,
                            format!("missing required column `{r}`"),
                        )
                        .hint(format!(
                            "the header must name at least: {}",
                            required.join(",")
                        )),
                    );
                }
            }
        }
        let mut seen = HashMap::new();
        for (i, h) in t.header.iter().enumerate() {
            if let Some(first) = seen.insert(h.as_str(), i) {
                problems.push(Problem::at(
                    &t.path,
                    t.header_line,
                    format!(
                        "column `{h}` appears twice (columns {} and {})",
                        first + 1,
                        i + 1
                    ),
                ));
            }
        }
        let extra = t
            .header
            .iter()
            .enumerate()
            .filter(|(_, h)| !std_cols.contains(&h.as_str()))
            .map(|(i, h)| (i, h.clone()))
            .collect();
        Cols { idx, extra }
    }

    fn get<'r>(&self, row: RowRef<'r>, k: usize) -> &'r str {
        self.idx[k].and_then(|i| row.get(i)).unwrap_or("")
    }

    fn extras(&self, row: RowRef<'_>) -> Vec<(String, String)> {
        if self.extra.is_empty() {
            return Vec::new();
        }
        self.extra
            .iter()
            .filter_map(|(i, h)| {
                let v = row.get(*i)?;
                (!v.is_empty()).then(|| (h.clone(), v.to_string()))
            })
            .collect()
    }

    fn extra_names(&self) -> Vec<String> {
        self.extra.iter().map(|(_, h)| h.clone()).collect()
    }
}

fn parse_year(s: &str, path: &Path, line: u64, problems: &mut Vec<Problem>) -> Option<i32> {
    if s.is_empty() {
        return None;
    }
    match s.parse::<i32>() {
        Ok(y) if (0..=9999).contains(&y) => Some(y),
        _ => {
            problems.push(
                Problem::at(
                    path,
                    line,
                    format!("`year` is {s:?}, expected an integer year"),
                )
                .hint("write the year as four digits, e.g. 2007, or leave it empty"),
            );
            None
        }
    }
}

fn parse_nonneg(
    s: &str,
    col: &str,
    path: &Path,
    line: u64,
    problems: &mut Vec<Problem>,
) -> Option<f64> {
    match s.parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Some(w),
        _ => {
            problems.push(
                Problem::at(
                    path,
                    line,
                    format!("`{col}` is {s:?}, expected a finite number ≥ 0"),
                )
                .hint(format!("leave `{col}` empty for the default")),
            );
            None
        }
    }
}

/// The segments of a table, each with `f` applied to each of its rows, for
/// the row-local work of [`build`] (id lookups, allocations) that does not
/// depend on earlier rows: computed in parallel a batch of segments at a
/// time (so that only a batch's results are held at once), consumed in
/// order. O(rows) work.
fn with_pre<T, F>(segs: Vec<Segment>, f: F) -> impl Iterator<Item = (Segment, Vec<T>)>
where
    T: Send,
    F: Fn(RowRef<'_>) -> T + Sync,
{
    use rayon::prelude::*;
    let batch = 2 * rayon::current_num_threads().max(1);
    let mut rest = segs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let tail = rest.split_off(batch.min(rest.len()));
        let now = std::mem::replace(&mut rest, tail);
        let pre: Vec<Vec<T>> = now.par_iter().map(|s| s.rows().map(&f).collect()).collect();
        Some(now.into_iter().zip(pre))
    })
    .flatten()
}

/// Validate raw tables into a network, collecting every problem.
pub fn build(t: Tables) -> Result<Network> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut actors_t = t.actors.unwrap_or_default();
    let mut sources = Sources {
        dataset: t.dataset.clone(),
        actors: actors_t.path.clone(),
        ..Sources::default()
    };

    // --- actors
    let ac = Cols::new(&actors_t, &ACTOR_COLS, &["id", "kind"], &mut problems);
    let mut actors: Vec<Actor> = Vec::with_capacity(actors_t.len());
    let mut index: Ids<(ActorIx, u64)> = Ids::with_capacity(actors_t.len());
    let actor_rows = actors_t.take_segments();
    for row in actor_rows.iter().flat_map(table::Segment::rows) {
        let p = &actors_t.path;
        let line = row.line;
        let id = ac.get(row, 0).to_string();
        if id.is_empty() {
            problems
                .push(Problem::at(p, line, "`id` is empty").hint("every actor needs a unique id"));
            continue;
        }
        let kind = match ac.get(row, 2).parse::<Kind>() {
            Ok(k) => k,
            Err(m) => {
                problems.push(Problem::at(p, line, m).hint(
                    "agencies include government, local government, support organisations and cluster agencies",
                ));
                continue;
            }
        };
        let emp_s = ac.get(row, 3);
        let employees = if emp_s.is_empty() {
            None
        } else {
            match emp_s.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push(
                        Problem::at(
                            p,
                            line,
                            format!("`employees` is {emp_s:?}, expected a whole number"),
                        )
                        .hint("write the head count as digits, or leave it empty"),
                    );
                    None
                }
            }
        };
        let sc_s = ac.get(row, 4);
        let given = if sc_s.is_empty() {
            None
        } else {
            match sc_s.parse::<SizeClass>() {
                Ok(c) => Some(c),
                Err(m) => {
                    problems.push(Problem::at(p, line, m));
                    None
                }
            }
        };
        let derived = employees.map(SizeClass::from_employees);
        if let (Some(g), Some(d), Some(n)) = (given, derived, employees)
            && g != d
        {
            problems.push(
                Problem::at(
                    p,
                    line,
                    format!("`size_class` is {g} but {n} employees make the class {d}"),
                )
                .hint("fix one of the two, or leave size_class empty to derive it"),
            );
        }
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let mini_clusters = ac
            .get(row, 7)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let country = match ac.get(row, 8) {
            "" => "KR".to_string(),
            c => c.to_string(),
        };
        let ix = actors.len() as ActorIx;
        if let Some((_, first)) = index.get(&id) {
            problems.push(
                Problem::at(
                    p,
                    line,
                    format!("duplicate actor id {id:?} (first at line {first})"),
                )
                .hint("actor ids must be unique"),
            );
            continue;
        }
        index.insert(&id, (ix, line));
        actors.push(Actor {
            id,
            name: ac.get(row, 1).to_string(),
            kind,
            employees,
            size_class: given.or(derived),
            region: opt(ac.get(row, 5)),
            complex: opt(ac.get(row, 6)),
            mini_clusters,
            country,
            attrs: ac.extras(row),
            line,
        });
    }
    drop(actor_rows);
    let actor_extra = ac.extra_names();

    let lookup = |id: &str, col: &str, p: &Path, line: u64, problems: &mut Vec<Problem>| {
        if id.is_empty() {
            problems.push(
                Problem::at(p, line, format!("`{col}` is empty"))
                    .hint("name an actor id from actors.csv"),
            );
            return None;
        }
        match index.get(id) {
            Some((ix, _)) => Some(ix),
            None => {
                problems.push(
                    Problem::at(p, line, format!("`{col}` refers to unknown actor {id:?}"))
                        .hint("add the actor to actors.csv, or fix the id"),
                );
                None
            }
        }
    };

    // --- events and projects
    let mut groups: Vec<Group> = Vec::new();
    // groups whose rows are not consecutive (see `seen` below), by index
    let mut scattered: Vec<bool> = Vec::new();
    let mut extra: [Vec<String>; 3] = Default::default();
    for (layer, table) in [(Layer::Event, t.events), (Layer::Project, t.projects)] {
        let Some(mut tb) = table else { continue };
        let p = tb.path.clone();
        let id_col = if layer == Layer::Event {
            "event_id"
        } else {
            "project_id"
        };
        let std_cols: &[&str] = if layer == Layer::Event {
            &EVENT_COLS
        } else {
            &PROJECT_COLS
        };
        let gc = Cols::new(&tb, std_cols, &[id_col, "actor_id"], &mut problems);
        extra[layer as usize] = gc.extra_names();
        if layer == Layer::Event {
            sources.events = p.clone();
        } else {
            sources.projects = p.clone();
        }
        // group id -> (index in groups, first line, line where type/year were set)
        let mut gix: Ids<(usize, u64)> = Ids::with_capacity(0);
        // The group of the last row that got as far as its group, with the
        // group's first line: rows of one group usually come together, so
        // this saves most `gix` lookups.
        let mut cur: Option<(usize, u64)> = None;
        // Duplicate participations, reported at the repeated row with the
        // line of the actor's previous row in the group. While a group's rows
        // come together, the actor's previous row in the group is its last
        // row in this layer: `last_in[actor]` (group index + 1, 0 for none)
        // and `last_line[actor]`, O(1) per row without hashing. A group
        // whose rows resume after other groups' rows is `scattered` from
        // then on, and checked in `seen`, seeded with its members' last lines
        // (`dup_line` keeps the last line of repeated rows before that).
        let mut last_in: Vec<usize> = vec![0; actors.len()];
        let mut last_line: Vec<u64> = vec![0; actors.len()];
        let mut seen: HashMap<(usize, ActorIx), u64> = HashMap::new();
        let mut dup_line: HashMap<(usize, ActorIx), u64> = HashMap::new();
        let is_event = layer == Layer::Event;
        for (seg, pre) in with_pre(tb.take_segments(), |row| {
            let actor = index.get(gc.get(row, 3)).map(|(ix, _)| ix);
            let mc = if is_event { gc.get(row, 4) } else { "" };
            (actor, (!mc.is_empty()).then(|| mc.to_string()))
        }) {
            for (row, (pre_actor, pre_mc)) in seg.rows().zip(pre) {
                let line = row.line;
                let gid = gc.get(row, 0);
                if gid.is_empty() {
                    problems.push(Problem::at(&p, line, format!("`{id_col}` is empty")));
                    continue;
                }
                let year = parse_year(gc.get(row, 2), &p, line, &mut problems);
                let kind = gc.get(row, 1);
                let Some(actor) = pre_actor
                    .or_else(|| lookup(gc.get(row, 3), "actor_id", &p, line, &mut problems))
                else {
                    continue;
                };
                let (role, funding, mini_cluster) = if layer == Layer::Project {
                    let r = gc.get(row, 4);
                    let role = if r.is_empty() {
                        None
                    } else {
                        match r.parse::<Role>() {
                            Ok(r) => Some(r),
                            Err(m) => {
                                problems.push(Problem::at(&p, line, m));
                                None
                            }
                        }
                    };
                    let f = gc.get(row, 5);
                    let funding = if f.is_empty() {
                        None
                    } else {
                        parse_nonneg(f, "funding", &p, line, &mut problems)
                    };
                    (role, funding, None)
                } else {
                    (None, None, pre_mc)
                };
                let known = match cur {
                    Some((ci, first)) if groups[ci].id == gid => Some((ci, first)),
                    _ => gix.get(gid),
                };
                let gi = match known {
                    Some((gi, first)) => {
                        let g: &mut Group = &mut groups[gi];
                        if !kind.is_empty() && g.kind.is_empty() {
                            g.kind = kind.to_string();
                        } else if !kind.is_empty() && g.kind != kind {
                            problems.push(
                            Problem::at(&p, line, format!("{layer} {gid:?} has type {kind:?} here but {:?} at line {first}", g.kind))
                                .hint("all rows of one group must agree on type and year"),
                        );
                        }
                        if year.is_some() && g.year.is_none() {
                            g.year = year;
                        } else if year.is_some() && g.year != year {
                            problems.push(
                                Problem::at(
                                    &p,
                                    line,
                                    format!(
                                        "{layer} {gid:?} has year {} here but {} at line {first}",
                                        year.unwrap_or_default(),
                                        g.year.unwrap_or_default()
                                    ),
                                )
                                .hint("all rows of one group must agree on type and year"),
                            );
                        }
                        if cur.is_none_or(|(ci, _)| ci != gi) && !scattered[gi] {
                            scattered[gi] = true;
                            for m in &groups[gi].members {
                                let l = dup_line.get(&(gi, m.actor)).copied().unwrap_or(m.line);
                                seen.insert((gi, m.actor), l);
                            }
                        }
                        cur = Some((gi, first));
                        gi
                    }
                    None => {
                        gix.insert(gid, (groups.len(), line));
                        cur = Some((groups.len(), line));
                        scattered.push(false);
                        groups.push(Group {
                            id: gid.to_string(),
                            layer,
                            kind: kind.to_string(),
                            year,
                            members: Vec::new(),
                        });
                        groups.len() - 1
                    }
                };
                let a = actor as usize;
                let previous = if scattered[gi] {
                    seen.insert((gi, actor), line)
                } else if last_in[a] == gi + 1 {
                    dup_line.insert((gi, actor), line);
                    Some(last_line[a])
                } else {
                    None
                };
                last_in[a] = gi + 1;
                last_line[a] = line;
                if let Some(first) = previous {
                    problems.push(
                    Problem::at(
                        &p,
                        line,
                        format!(
                            "actor {:?} is listed twice in {layer} {gid:?} (first at line {first})",
                            gc.get(row, 3)
                        ),
                    )
                    .hint("one row per participation: remove the duplicate"),
                );
                    continue;
                }
                groups[gi].members.push(Member {
                    actor,
                    role,
                    funding,
                    mini_cluster,
                    attrs: gc.extras(row),
                    line,
                });
            }
        }
    }

    // --- ties
    let mut ties = Vec::new();
    if let Some(mut tb) = t.ties {
        let p = tb.path.clone();
        sources.ties = p.clone();
        let tc = Cols::new(&tb, &TIE_COLS, &["source", "target"], &mut problems);
        extra[Layer::Tie as usize] = tc.extra_names();
        ties.reserve(tb.len());
        let ix = |id: &str| index.get(id).map(|(ix, _)| ix);
        for (seg, pre) in with_pre(tb.take_segments(), |row| {
            (ix(tc.get(row, 0)), ix(tc.get(row, 1)))
        }) {
            for (row, (pre_s, pre_d)) in seg.rows().zip(pre) {
                let line = row.line;
                let s = pre_s.or_else(|| lookup(tc.get(row, 0), "source", &p, line, &mut problems));
                let d = pre_d.or_else(|| lookup(tc.get(row, 1), "target", &p, line, &mut problems));
                let year = parse_year(tc.get(row, 3), &p, line, &mut problems);
                let w = tc.get(row, 4);
                let weight = if w.is_empty() {
                    Some(1.0)
                } else {
                    parse_nonneg(w, "weight", &p, line, &mut problems)
                };
                let (Some(source), Some(target), Some(weight)) = (s, d, weight) else {
                    continue;
                };
                if source == target {
                    problems.push(
                        Problem::at(
                            &p,
                            line,
                            format!("self-tie: source and target are both {:?}", tc.get(row, 0)),
                        )
                        .hint("a tie joins two different actors; remove the row"),
                    );
                    continue;
                }
                ties.push(Tie {
                    source,
                    target,
                    kind: tc.get(row, 2).to_string(),
                    year,
                    weight,
                    attrs: tc.extras(row),
                    line,
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    Ok(Network::new(
        actors,
        groups,
        ties,
        actor_extra,
        extra,
        sources,
    ))
}

/// The path of a dataset's file for a layer (for messages).
pub fn file_name(layer: Option<Layer>) -> &'static str {
    match layer {
        None => "actors.csv",
        Some(Layer::Event) => "events.csv",
        Some(Layer::Project) => "projects.csv",
        Some(Layer::Tie) => "ties.csv",
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
