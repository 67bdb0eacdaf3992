//! Published figures next to computed ones: every figure of the KICOX
//! report's chapter III tables that a dataset of the programme can speak to
//! (KICOX / Ministry of Knowledge Economy, *The Industrial Complex Cluster
//! Program of Korea*, 2010), with the computed value under the definition
//! of its metrics section.
//!
//! The reference values live in a CSV file, not in code: the built-in one
//! is `graphs/korea-iccp/published.csv`; `iuinet metrics --reference FILE`
//! reads another with the same columns:
//!
//! | column | meaning |
//! |---|---|
//! | `figure` | the figure, in words |
//! | `source_table` | the report's table (or the caption the sentence belongs to) |
//! | `source_line` | line of the figure in the report's text |
//! | `report_year` | the year the report gives (empty: the whole period) |
//! | `data_year` | the year of the data compared with it (empty: all selected years) |
//! | `published` | the published value, in the unit of the metric |
//! | `tolerance` | largest absolute difference that counts as a match (0 for counts) |
//! | `metric` | which computed value: see [`METRICS`] |
//! | `note` | optional remark |

use super::common::About;
use super::document::Metrics;
use crate::error::{Error, Problem, Result};
use serde::Serialize;
use std::path::Path;

/// The built-in reference file (`graphs/korea-iccp/published.csv`).
pub const BUILT_IN: &str = include_str!("../../graphs/korea-iccp/published.csv");

/// Name of the built-in reference in output.
pub const BUILT_IN_NAME: &str = "korea-iccp/published.csv (built in)";

/// The metric ids of the `metric` column, with the definition each stands
/// for. `consortia.count:` takes a consortium type, `size_mix.percent:` a
/// size group (`small`, `medium`, `large`).
pub const METRICS: [(&str, &str); 12] = [
    (
        "activity.events",
        "events of the year with at least one participant (activity.by_year[].events)",
    ),
    (
        "activity.participations",
        "event x actor rows of the year (activity.by_year[].participations)",
    ),
    (
        "mini_clusters.active",
        "mini clusters named on an event of the year (mini_clusters.by_year[].active_mini_clusters)",
    ),
    (
        "mini_clusters.members",
        "sum over active mini clusters of the distinct participants of their events of the year (mini_clusters.by_year[].members)",
    ),
    (
        "mini_clusters.mean_members",
        "members / active mini clusters (mini_clusters.by_year[].mean_members_per_mini_cluster)",
    ),
    (
        "consortia.projects",
        "projects (consortia.overall.projects)",
    ),
    (
        "consortia.count:",
        "projects of the consortium type, typed by member kinds (consortia.overall.types[])",
    ),
    (
        "consortia.consortia",
        "projects of the six industry consortium types (consortia.overall.consortia)",
    ),
    (
        "large_sme.projects",
        "projects with a 300+ firm and a firm under 300 (large_sme_projects)",
    ),
    (
        "inter_business.avg_cases_per_firm",
        "business ties between two firms, counted at both firms, / every firm (inter_business.by_year[].avg_cases_per_firm)",
    ),
    (
        "iui.avg_cases_per_participating_firm",
        "(I-U-I collaboration ties of a firm with a university or institute + firm members of projects with a university or institute) / firms participating in the year (iui_collaboration.by_year[].avg_cases_per_participating_firm)",
    ),
    (
        "global.share_percent",
        "100 x share of purchase and sales ties with a foreign partner (global_networking.by_year[].share)",
    ),
];

/// The size-group metric (not in the fixed list because of its argument).
const SIZE_MIX: (&str, &str) = (
    "size_mix.percent:",
    "100 x share of the firms of the dataset in the size group (firm_size_mix.all_firms.by_size_group[])",
);

/// One reference row.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// `figure`.
    pub figure: String,
    /// `source_table`.
    pub source_table: String,
    /// `source_line`.
    pub source_line: Option<u64>,
    /// `report_year`.
    pub report_year: Option<i32>,
    /// `data_year`.
    pub data_year: Option<i32>,
    /// `published`.
    pub published: f64,
    /// `tolerance`.
    pub tolerance: f64,
    /// `metric`.
    pub metric: String,
    /// `note`.
    pub note: String,
}

fn definition_of(metric: &str) -> Option<&'static str> {
    METRICS
        .iter()
        .chain(std::iter::once(&SIZE_MIX))
        .find(|(id, _)| {
            if id.ends_with(':') {
                metric.starts_with(id) && metric.len() > id.len()
            } else {
                metric == *id
            }
        })
        .map(|x| x.1)
}

/// Parse a reference file. Every bad row is reported (file, line, fix).
pub fn parse_reference(path: &Path, text: &str) -> Result<Vec<Reference>> {
    const COLS: [&str; 9] = [
        "figure",
        "source_table",
        "source_line",
        "report_year",
        "data_year",
        "published",
        "tolerance",
        "metric",
        "note",
    ];
    let mut rd = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = rd
        .headers()
        .map_err(|e| Error::data(Problem::at(path, 1, e.to_string())))?
        .clone();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let mut ix = [0usize; 9];
    for (i, c) in COLS.iter().enumerate() {
        match col(c) {
            Some(k) => ix[i] = k,
            None if *c == "note" || *c == "source_line" => ix[i] = usize::MAX,
            None => {
                return Err(Error::data(
                    Problem::at(path, 1, format!("missing column `{c}`"))
                        .hint(format!("the header must name {}", COLS.join(","))),
                ));
            }
        }
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for rec in rd.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Problem::at(path, line, e.to_string()));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| -> &str {
            if ix[i] == usize::MAX {
                ""
            } else {
                rec.get(ix[i]).unwrap_or("").trim()
            }
        };
        let mut bad = |col: &str, got: &str, want: &str| {
            problems.push(Problem::at(
                path,
                line,
                format!("`{col}` is {got:?}, expected {want}"),
            ));
        };
        let year = |s: &str| -> std::result::Result<Option<i32>, ()> {
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some).map_err(|_| ())
            }
        };
        let num = |s: &str| s.parse::<f64>().ok().filter(|x| x.is_finite());
        let report_year = year(get(3));
        let data_year = year(get(4));
        let published = num(get(5));
        let tolerance = num(get(6)).filter(|&t| t >= 0.0);
        let source_line = if get(2).is_empty() {
            Some(None)
        } else {
            get(2).parse::<u64>().ok().map(Some)
        };
        let metric = get(7).to_string();
        let ok = definition_of(&metric).is_some();
        match (
            report_year,
            data_year,
            published,
            tolerance,
            source_line,
            ok,
        ) {
            (
                Ok(report_year),
                Ok(data_year),
                Some(published),
                Some(tolerance),
                Some(source_line),
                true,
            ) => out.push(Reference {
                figure: get(0).to_string(),
                source_table: get(1).to_string(),
                source_line,
                report_year,
                data_year,
                published,
                tolerance,
                metric,
                note: get(8).to_string(),
            }),
            _ => {
                if report_year.is_err() {
                    bad("report_year", get(3), "a year or nothing");
                }
                if data_year.is_err() {
                    bad("data_year", get(4), "a year or nothing");
                }
                if published.is_none() {
                    bad("published", get(5), "a number");
                }
                if tolerance.is_none() {
                    bad("tolerance", get(6), "a number >= 0");
                }
                if source_line.is_none() {
                    bad("source_line", get(2), "a line number or nothing");
                }
                if !ok {
                    let ids: Vec<&str> = METRICS.iter().chain([&SIZE_MIX]).map(|m| m.0).collect();
                    problems.push(
                        Problem::at(
                            path,
                            line,
                            format!("`metric` is {metric:?}, not a known metric"),
                        )
                        .hint(format!("one of {}", ids.join(", "))),
                    );
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::from_problems(problems))
    }
}

/// One published figure and its computed counterpart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedFigure {
    /// The figure, in words.
    pub figure: String,
    /// The report's table.
    pub source_table: String,
    /// Line of the figure in the report's text.
    pub source_line: Option<u64>,
    /// The year the report gives; null for the whole period.
    pub year: Option<i32>,
    /// The year of the data compared; null for all selected years.
    pub data_year: Option<i32>,
    /// The published value.
    pub published: f64,
    /// The computed value; null when the data cannot give it.
    pub computed: Option<f64>,
    /// Largest difference that counts as a match.
    pub tolerance: f64,
    /// |computed − published| ≤ tolerance.
    pub matches: bool,
    /// The metric id.
    pub metric: String,
    /// What the computed value counts.
    pub definition: &'static str,
    /// Remark from the reference file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The published section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// The reference file.
    pub reference: String,
    /// Figures compared.
    pub figures: u64,
    /// Of those, figures within tolerance.
    pub matching: u64,
    /// Every figure, in file order.
    pub rows: Vec<PublishedFigure>,
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "figures of the KICOX report's chapter III tables (KICOX / Ministry of Knowledge Economy, The Industrial Complex Cluster Program of Korea, 2010) next to the values computed under the definitions of the metrics sections",
    records: "those of each figure's metrics section",
    denominator: "those of each figure's metrics section",
};

fn year_of<T>(v: &[T], y: Option<i32>, year: impl Fn(&T) -> i32) -> Option<&T> {
    y.and_then(|y| v.iter().find(|x| year(x) == y))
}

/// The computed value of a metric id for a data year (`None`: overall).
fn value(m: &Metrics, metric: &str, y: Option<i32>) -> Option<f64> {
    let (base, arg) = match metric.split_once(':') {
        Some((b, a)) => (b, Some(a)),
        None => (metric, None),
    };
    match base {
        "activity.events" | "activity.participations" => {
            let a = m.activity.as_ref()?;
            let s = match y {
                Some(_) => &year_of(&a.by_year, y, |x| x.year)?.stats,
                None => &a.overall,
            };
            Some(if base == "activity.events" {
                s.events as f64
            } else {
                s.participations as f64
            })
        }
        "mini_clusters.active" | "mini_clusters.members" | "mini_clusters.mean_members" => {
            let a = m.mini_clusters.as_ref()?;
            let s = match y {
                Some(_) => &year_of(&a.by_year, y, |x| x.year)?.stats,
                None => &a.overall,
            };
            match base {
                "mini_clusters.active" => Some(s.active_mini_clusters as f64),
                "mini_clusters.members" => Some(s.members as f64),
                _ => s.mean_members_per_mini_cluster,
            }
        }
        "consortia.projects" | "consortia.count" | "consortia.consortia" => {
            let c = m.consortia.as_ref()?;
            let b = match y {
                Some(_) => &year_of(&c.by_year, y, |x| x.year)?.breakdown,
                None => &c.overall,
            };
            match base {
                "consortia.projects" => Some(b.projects as f64),
                "consortia.consortia" => Some(b.consortia as f64),
                _ => b
                    .types
                    .iter()
                    .find(|t| Some(t.kind) == arg)
                    .map(|t| t.count as f64),
            }
        }
        "large_sme.projects" => {
            let l = m.large_sme_projects.as_ref()?;
            let s = match y {
                Some(_) => &year_of(&l.by_year, y, |x| x.year)?.stats,
                None => &l.overall,
            };
            Some(s.large_sme_projects as f64)
        }
        "inter_business.avg_cases_per_firm" => {
            let i = m.inter_business.as_ref()?;
            match y {
                Some(_) => year_of(&i.by_year, y, |x| x.year)?.stats.avg_cases_per_firm,
                None => i.overall.avg_cases_per_firm,
            }
        }
        "iui.avg_cases_per_participating_firm" => {
            let i = m.iui_collaboration.as_ref()?;
            match y {
                Some(_) => {
                    year_of(&i.by_year, y, |x| x.year)?
                        .stats
                        .avg_cases_per_participating_firm
                }
                None => i.overall.avg_cases_per_participating_firm,
            }
        }
        "global.share_percent" => {
            let g = m.global_networking.as_ref()?;
            let s = match y {
                Some(_) => year_of(&g.by_year, y, |x| x.year)?.stats.share,
                None => g.overall.share,
            };
            s.map(|x| 100.0 * x)
        }
        "size_mix.percent" => {
            let s = m.firm_size_mix.as_ref()?;
            s.all_firms
                .by_size_group
                .iter()
                .find(|g| Some(g.name.as_str()) == arg)
                .and_then(|g| g.share)
                .map(|x| 100.0 * x)
        }
        _ => None,
    }
}

/// Compare the computed sections of `m` with the reference rows. Time
/// O(rows · years).
pub fn published(m: &Metrics, reference: &str, rows: &[Reference]) -> Published {
    let rows: Vec<PublishedFigure> = rows
        .iter()
        .map(|r| {
            let computed = value(m, &r.metric, r.data_year);
            // a hair of slack for decimal published values (2.49 is not exact in binary)
            let matches = computed
                .is_some_and(|c| (c - r.published).abs() <= r.tolerance + 1e-9 * r.published.abs());
            PublishedFigure {
                figure: r.figure.clone(),
                source_table: r.source_table.clone(),
                source_line: r.source_line,
                year: r.report_year,
                data_year: r.data_year,
                published: r.published,
                computed,
                tolerance: r.tolerance,
                matches,
                metric: r.metric.clone(),
                definition: definition_of(&r.metric).unwrap_or(""),
                note: r.note.clone(),
            }
        })
        .collect();
    Published {
        about: ABOUT,
        reference: reference.to_string(),
        figures: rows.len() as u64,
        matching: rows.iter().filter(|r| r.matches).count() as u64,
        rows,
    }
}
