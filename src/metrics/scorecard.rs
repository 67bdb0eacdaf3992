//! The network scorecard: every mini cluster, complex or pan region scored
//! against a benchmark on three pillars, as KIET (2006) scored Korean
//! clusters against advanced clusters (= 100): interconnection between
//! companies 40, industry-university-institute collaboration 58, R&D
//! capability 45 (KICOX / Ministry of Knowledge Economy, *The Industrial
//! Complex Cluster Program of Korea*, 2010, §2.1).
//!
//! **Groups and members.** `region` and `complex`: the actors whose
//! attribute has that value (actors without one are in no group).
//! `mini_cluster`: the rule of the `mini_clusters` section
//! ([`super::activity::mini_cluster_members`]), the distinct participants
//! of the events that carry the mini cluster's name in the period (in a
//! year: of that year). A group's *member firms* F, *universities* U and
//! *institutes* R are its members of those kinds.
//!
//! **Records.** Each indicator counts the records of the existing domain
//! sections, of the period: business ties ([`super::inter_business`]),
//! I-U-I cases and links ([`super::iui`]), projects with their consortium
//! type ([`super::consortia`]) and large–SME flag ([`super::large_sme`]),
//! and `actor_years.csv` rows. The definitions are in [`INDICATORS`].
//!
//! **Scores.** score = 100 · value / benchmark, where the benchmark of an
//! indicator is the best group's value (`top`), a named group's value, or
//! a value from a file; null when either is null or the benchmark is 0.
//! A pillar's score is the weighted mean of its indicators' non-null
//! scores; the total is the weighted mean of the non-null pillar scores
//! (weights from a [`Weights`] file).
//!
//! **Bootstrap.** Per group, `replicates` resamples of its member firms
//! with replacement (same size), each indicator recomputed on the resample
//! (a firm drawn twice is two nodes with the same partners and no tie
//! between them; universities and institutes stay as they are) and scored
//! against the fixed benchmark; the interval is the percentile interval
//! (nearest rank). Replicate r of group g draws from ChaCha8 stream
//! (g << 32 | r) of a generator seeded with `--seed`, so the result does not depend on the thread
//! count.

use super::activity::mini_cluster_members;
use super::common::{About, Scope, domain_selection, ratio};
use super::consortia::{CONSORTIUM_TYPES, consortium_type};
use super::density::{ei_index, pairs_within};
use super::inter_business;
use super::iui;
use super::large_sme::large_and_sme;
use crate::algo::brokerage::brokerage_roles;
use crate::algo::{component_sizes, components};
use crate::error::{Error, Problem, Result};
use crate::model::{ActorIx, Kind, Layer, Network, YearRange};
use crate::view::{Csr, Selection};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

crate::names! {
    /// The attribute whose values are the scored groups.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum GroupBy("group attribute") {
        /// Mini clusters (members: participants of their events).
        MiniCluster = "mini_cluster",
        /// Industrial complexes (the actors' `complex`).
        Complex = "complex",
        /// Pan regions (the actors' `region`).
        Region = "region",
    }
}

crate::names! {
    /// The three pillars of the scorecard (KIET 2006's three ratings).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Pillar("pillar") {
        /// Interconnection between companies.
        Interconnection = "interconnection",
        /// Industry-university-institute collaboration.
        Iui = "iui",
        /// R&D capability.
        Rnd = "rnd",
    }
}

/// One indicator: its id, pillar, unit, definition and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct IndicatorDef {
    /// The id (weights and benchmark files use it).
    pub id: &'static str,
    /// Its pillar.
    pub pillar: Pillar,
    /// The unit of its value.
    pub unit: &'static str,
    /// What the value is, as a formula over the group's member firms F.
    pub definition: &'static str,
    /// Where the indicator comes from.
    pub source: &'static str,
}

const KIET: &str = "KIET (2006) in KICOX 2010 §2.1";

/// The indicators, in output order (the values of [`indicator_values`]).
pub const INDICATORS: [IndicatorDef; 16] = [
    IndicatorDef {
        id: "firm_ties_per_firm",
        pillar: Pillar::Interconnection,
        unit: "cases / firm",
        definition: "Σ over F of inter-business cases (business ties with a firm, each at both ends) / |F|",
        source: "KICOX 2010 [R&D Improvement of Industrial Clusters]: average number of inter-business connection; KIET (2006) interconnection between companies",
    },
    IndicatorDef {
        id: "firm_partner_share",
        pillar: Pillar::Interconnection,
        unit: "share 0-1",
        definition: "firms of F with at least one business partner firm (anywhere) / |F|",
        source: "inter_business share_without_firm_partner, complemented; KIET (2006)",
    },
    IndicatorDef {
        id: "internal_density",
        pillar: Pillar::Interconnection,
        unit: "share 0-1",
        definition: "business-linked pairs within F / (|F|(|F|-1)/2)",
        source: "Giuliani & Pietrobelli, IDB TN-317 (2011): network density",
    },
    IndicatorDef {
        id: "largest_component_share",
        pillar: Pillar::Interconnection,
        unit: "share 0-1",
        definition: "firms of F in the largest connected component of the business ties within F / |F|",
        source: "Giuliani & Pietrobelli, IDB TN-317 (2011): fragmentation (components)",
    },
    IndicatorDef {
        id: "external_share",
        pillar: Pillar::Interconnection,
        unit: "share 0-1",
        definition: "E / (E + I) = (1 + E-I index) / 2, E = business-linked pairs from F to firms outside the group, I = those within F",
        source: "Krackhardt & Stern E-I index (density section); KICOX 2010 pan-regional linkage aim",
    },
    IndicatorDef {
        id: "iui_cases_per_firm",
        pillar: Pillar::Iui,
        unit: "cases / firm",
        definition: "Σ over F of I-U-I collaboration cases (case ties with a university or institute, plus one per project with a university or institute member) / |F|",
        source: "KICOX 2010 [R&D Improvement of Industrial Clusters]: cases of industry-university-institute collaboration; KIET (2006)",
    },
    IndicatorDef {
        id: "iui_partner_share",
        pillar: Pillar::Iui,
        unit: "share 0-1",
        definition: "firms of F with at least one university or institute partner (case tie or shared project, anywhere) / |F|",
        source: KIET,
    },
    IndicatorDef {
        id: "firm_university_density",
        pillar: Pillar::Iui,
        unit: "share 0-1",
        definition: "linked (firm of F, university of U) pairs, linked by an I-U-I case tie or a shared project / (|F| |U|); null without universities",
        source: "Giuliani & Pietrobelli, IDB TN-317 (2011): block density between actor types",
    },
    IndicatorDef {
        id: "firm_institute_density",
        pillar: Pillar::Iui,
        unit: "share 0-1",
        definition: "linked (firm of F, institute of R) pairs / (|F| |R|); null without institutes",
        source: "Giuliani & Pietrobelli, IDB TN-317 (2011): block density between actor types",
    },
    IndicatorDef {
        id: "ur_brokerage_per_firm",
        pillar: Pillar::Iui,
        unit: "two-paths / firm",
        definition: "open two-paths firm-u-firm through the group's universities and institutes u between firms of F with no business tie (Gould-Fernandez itinerant role of u on F+U+R) / |F|",
        source: "Giuliani & Pietrobelli, IDB TN-317 (2011): brokerage; Gould & Fernandez (1989)",
    },
    IndicatorDef {
        id: "projects_per_firm",
        pillar: Pillar::Rnd,
        unit: "memberships / firm",
        definition: "project memberships of F (a project with two member firms counts twice) / |F|",
        source: "KICOX 2010 [Status of R&D Consortium Project Performance Types]; KIET (2006) R&D capability",
    },
    IndicatorDef {
        id: "consortium_share",
        pillar: Pillar::Rnd,
        unit: "share 0-1",
        definition: "project memberships of F in consortium projects (the six industry consortium types) / project memberships of F",
        source: "KICOX 2010 [Status of R&D Consortium Project Performance Types]",
    },
    IndicatorDef {
        id: "large_sme_projects_per_firm",
        pillar: Pillar::Rnd,
        unit: "memberships / firm",
        definition: "project memberships of F in projects with a 300+ firm and a firm under 300 / |F|",
        source: "KICOX 2010 [Status of R&D Projects with Large Companies]",
    },
    IndicatorDef {
        id: "rnd_funding_per_firm",
        pillar: Pillar::Rnd,
        unit: "thousand USD / firm-year",
        definition: "Σ rnd_funding of F's actor_years rows of the period / those rows with a value; null without actor_years",
        source: "KICOX 2010 [R&D Improvement of Industrial Clusters]: R&D funding (thousand dollars / companies); 2008 index: increase of investment in R&D",
    },
    IndicatorDef {
        id: "patents_per_firm",
        pillar: Pillar::Rnd,
        unit: "patents / firm-year",
        definition: "Σ patents of F's actor_years rows of the period / those rows with a value; null without actor_years",
        source: "KICOX 2010 [R&D Improvement of Industrial Clusters]: patents and certifications (cases / companies); 2008 index: patent application or registration",
    },
    IndicatorDef {
        id: "rnd_funding_growth",
        pillar: Pillar::Rnd,
        unit: "ratio",
        definition: "Σ rnd_funding of F in the period's last year / Σ in the first year of the year axis, over firms with both values (1 = no growth)",
        source: "KICOX 2010 [R&D Improvement of Industrial Clusters] (2004 to 2009 change, 206%)",
    },
];

/// Number of indicators.
pub const N: usize = INDICATORS.len();

/// The index of an indicator id.
pub fn indicator_ix(id: &str) -> Option<usize> {
    INDICATORS.iter().position(|d| d.id == id.trim())
}

/// The weights of the total and the pillars.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weights {
    /// Where they come from (a file, or the built-in default).
    pub source: String,
    /// Pillar weights, in [`Pillar::ALL`] order.
    pub pillars: Vec<NamedWeight>,
    /// Parts of the evaluation with no network measure: listed, not scored.
    pub unmeasured: Vec<NamedWeight>,
    /// Indicator weights within their pillar, in [`INDICATORS`] order.
    pub indicators: Vec<NamedWeight>,
    /// Σ pillar weights / Σ pillar and unmeasured weights: the share of the
    /// evaluation the total stands for.
    pub measured_share: Option<f64>,
}

/// A name and its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedWeight {
    /// Pillar, indicator or unmeasured part.
    pub name: String,
    /// Its weight (≥ 0).
    pub weight: f64,
    /// The source or remark (may be empty).
    pub source: String,
}

/// The built-in weights file.
pub const DEFAULT_WEIGHTS: &str = include_str!("../../graphs/korea-iccp/scorecard-weights.csv");
/// Its name in output.
pub const DEFAULT_WEIGHTS_NAME: &str = "korea-iccp/scorecard-weights.csv (built in)";

fn csv_rows(path: &Path, text: &str, cols: &[&str]) -> Result<Vec<(u64, Vec<String>)>> {
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = rd
        .headers()
        .map_err(|e| Error::data(Problem::at(path, 1, e.to_string())))?
        .clone();
    let mut ix = Vec::new();
    for c in cols {
        match header.iter().position(|h| h.trim() == *c) {
            Some(k) => ix.push(k),
            None => {
                return Err(Error::data(
                    Problem::at(path, 1, format!("missing column `{c}`"))
                        .hint(format!("the header must name {}", cols.join(","))),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Error::data(Problem::at(path, line, e.to_string()))
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        out.push((
            line,
            ix.iter()
                .map(|&i| rec.get(i).unwrap_or("").trim().to_string())
                .collect(),
        ));
    }
    Ok(out)
}

fn number(path: &Path, line: u64, col: &str, s: &str) -> Result<f64> {
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| {
            Error::data(
                Problem::at(path, line, format!("`{col}` is {s:?}"))
                    .hint("write a finite number >= 0"),
            )
        })
}

/// Parse a weights file: CSV with columns `level,name,weight` (and an
/// optional `source`); `level` is `pillar` (name one of [`Pillar::ALL`]),
/// `indicator` (name an indicator id) or `unmeasured` (any name). A pillar
/// or indicator not listed has weight 0; each may be listed once.
pub fn parse_weights(path: &Path, text: &str) -> Result<Weights> {
    let rows = csv_rows(path, text, &["level", "name", "weight"])?;
    let src = csv_rows(path, text, &["source"]).ok();
    let mut pillars: Vec<Option<NamedWeight>> = vec![None; Pillar::ALL.len()];
    let mut indicators: Vec<Option<NamedWeight>> = vec![None; N];
    let mut unmeasured = Vec::new();
    for (i, (line, r)) in rows.iter().enumerate() {
        let line = *line;
        let w = number(path, line, "weight", &r[2])?;
        let source = src
            .as_ref()
            .and_then(|s| s.get(i))
            .map_or(String::new(), |s| s.1[0].clone());
        let nw = NamedWeight {
            name: r[1].clone(),
            weight: w,
            source,
        };
        let dup = || {
            Error::data(
                Problem::at(path, line, format!("{} `{}` is listed twice", r[0], r[1]))
                    .hint("keep one row per pillar and indicator"),
            )
        };
        match r[0].as_str() {
            "pillar" => {
                let p: Pillar = r[1].parse().map_err(|e: String| {
                    Error::data(Problem::at(path, line, e).hint("name a pillar in `name`"))
                })?;
                let slot = &mut pillars[p as usize];
                if slot.is_some() {
                    return Err(dup());
                }
                *slot = Some(NamedWeight {
                    name: p.to_string(),
                    ..nw
                });
            }
            "indicator" => {
                let k = indicator_ix(&r[1]).ok_or_else(|| {
                    let ids: Vec<&str> = INDICATORS.iter().map(|d| d.id).collect();
                    Error::data(
                        Problem::at(path, line, format!("unknown indicator {:?}", r[1]))
                            .hint(format!("name one of {}", ids.join(", "))),
                    )
                })?;
                if indicators[k].is_some() {
                    return Err(dup());
                }
                indicators[k] = Some(nw);
            }
            "unmeasured" => unmeasured.push(nw),
            other => {
                return Err(Error::data(
                    Problem::at(path, line, format!("`level` is {other:?}"))
                        .hint("write pillar, indicator or unmeasured"),
                ));
            }
        }
    }
    let fill = |v: Vec<Option<NamedWeight>>, name: &dyn Fn(usize) -> String| {
        v.into_iter()
            .enumerate()
            .map(|(i, w)| {
                w.unwrap_or(NamedWeight {
                    name: name(i),
                    weight: 0.0,
                    source: "not listed".into(),
                })
            })
            .collect::<Vec<_>>()
    };
    let pillars = fill(pillars, &|i| Pillar::ALL[i].to_string());
    let indicators = fill(indicators, &|i| INDICATORS[i].id.to_string());
    let measured: f64 = pillars.iter().map(|w| w.weight).sum();
    let rest: f64 = unmeasured.iter().map(|w| w.weight).sum();
    Ok(Weights {
        source: path.display().to_string(),
        measured_share: ratio(measured, measured + rest),
        pillars,
        unmeasured,
        indicators,
    })
}

/// The built-in weights (the structure of the 2010 evaluation system).
pub fn default_weights() -> Weights {
    match parse_weights(Path::new(DEFAULT_WEIGHTS_NAME), DEFAULT_WEIGHTS) {
        Ok(mut w) => {
            w.source = DEFAULT_WEIGHTS_NAME.into();
            w
        }
        // the built-in file is checked by a unit test
        Err(_) => Weights {
            source: DEFAULT_WEIGHTS_NAME.into(),
            pillars: Vec::new(),
            unmeasured: Vec::new(),
            indicators: Vec::new(),
            measured_share: None,
        },
    }
}

/// What the scores are relative to.
#[derive(Debug, Clone, PartialEq)]
pub enum Benchmark {
    /// The best group's value of each indicator (that year's best, by year).
    Top,
    /// A named group's values.
    Group(String),
    /// Values from a file (`indicator,value`): an "advanced cluster" = 100.
    Values {
        /// The file.
        source: String,
        /// Per indicator, in [`INDICATORS`] order; `None` when not given.
        values: Vec<Option<f64>>,
    },
}

/// Parse a benchmark file: CSV with columns `indicator,value`, one row per
/// indicator (indicators not listed are not scored).
pub fn parse_benchmark(path: &Path, text: &str) -> Result<Benchmark> {
    let rows = csv_rows(path, text, &["indicator", "value"])?;
    let mut values = vec![None; N];
    for (line, r) in rows {
        let k = indicator_ix(&r[0]).ok_or_else(|| {
            let ids: Vec<&str> = INDICATORS.iter().map(|d| d.id).collect();
            Error::data(
                Problem::at(path, line, format!("unknown indicator {:?}", r[0]))
                    .hint(format!("name one of {}", ids.join(", "))),
            )
        })?;
        if values[k].is_some() {
            return Err(Error::data(
                Problem::at(path, line, format!("indicator `{}` is listed twice", r[0]))
                    .hint("keep one row per indicator"),
            ));
        }
        values[k] = Some(number(path, line, "value", &r[1])?);
    }
    Ok(Benchmark::Values {
        source: path.display().to_string(),
        values,
    })
}

/// Options of the scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreOpts {
    /// The group attribute.
    pub by: GroupBy,
    /// Years (None: all).
    pub years: Option<YearRange>,
    /// The benchmark.
    pub benchmark: Benchmark,
    /// The weights.
    pub weights: Weights,
    /// Bootstrap replicates (0: none).
    pub replicates: usize,
    /// Bootstrap seed.
    pub seed: u64,
}

impl Default for ScoreOpts {
    /// Mini clusters, all years, `top`, the built-in weights, no bootstrap.
    fn default() -> ScoreOpts {
        ScoreOpts {
            by: GroupBy::MiniCluster,
            years: None,
            benchmark: Benchmark::Top,
            weights: default_weights(),
            replicates: 0,
            seed: 1,
        }
    }
}

/// One indicator of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// The indicator id.
    pub id: &'static str,
    /// Its value (unit of the indicator); null when undefined.
    pub value: Option<f64>,
    /// 100 · value / benchmark; null when either is null or the benchmark is 0.
    pub score: Option<f64>,
    /// Bootstrap percentile interval of the score (with `--bootstrap`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_low: Option<f64>,
    /// Upper end of the interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_high: Option<f64>,
    /// Score minus the previous year's (by year; null for the first year or
    /// when either is null).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Option<f64>>,
}

/// A pillar score or the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PillarScore {
    /// The pillar, or `total`.
    pub name: &'static str,
    /// Weighted mean of the non-null scores below it; null when none.
    pub score: Option<f64>,
    /// Bootstrap percentile interval (with `--bootstrap`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_low: Option<f64>,
    /// Upper end of the interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci_high: Option<f64>,
    /// Change from the previous year (by year only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Option<f64>>,
}

/// The scores of a group in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Member firms |F|.
    pub member_firms: u64,
    /// Member universities |U|.
    pub member_universities: u64,
    /// Member institutes |R|.
    pub member_institutes: u64,
    /// Krackhardt's E-I index of the business ties of F (not scored; see
    /// `external_share`).
    pub ei_index: Option<f64>,
    /// Interconnection, iui, rnd, then `total`.
    pub pillars: Vec<PillarScore>,
    /// Every indicator, in [`INDICATORS`] order.
    pub indicators: Vec<IndicatorScore>,
}

/// A card of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearCard {
    /// The year.
    pub year: i32,
    /// Its scores (records and, for mini clusters, members of that year).
    #[serde(flatten)]
    pub card: Card,
}

/// One group's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCard {
    /// The group's name.
    pub name: String,
    /// The whole period.
    #[serde(flatten)]
    pub overall: Card,
    /// Each year of the axis.
    pub by_year: Vec<YearCard>,
}

/// The benchmark value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkValue {
    /// The indicator id.
    pub id: &'static str,
    /// The value that scores 100; null when unknown.
    pub value: Option<f64>,
    /// The group it comes from (`top`, a group benchmark); absent for a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// The bootstrap settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BootstrapInfo {
    /// Replicates per group.
    pub replicates: usize,
    /// The random seed of the bootstrap (`--seed`).
    pub seed: u64,
    /// Interval level (0.95).
    pub level: f64,
    /// How it is done.
    pub method: &'static str,
}

/// The scorecard report (`iuinet scorecard --format json`, and the
/// `scorecard` section of `iuinet metrics`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// The group attribute.
    pub by: GroupBy,
    /// The year axis of `by_year`.
    pub years: Vec<i32>,
    /// `top`, `group:NAME` or `file:PATH`.
    pub benchmark: String,
    /// The benchmark values of the whole period.
    pub benchmark_values: Vec<BenchmarkValue>,
    /// The weights.
    pub weights: Weights,
    /// The indicators' definitions.
    pub indicators: Vec<IndicatorDef>,
    /// Bootstrap settings, when intervals were computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<BootstrapInfo>,
    /// One card per group, by name.
    pub groups: Vec<GroupCard>,
}

/// The definition strings of the report.
pub const ABOUT: About = About {
    definition: "network scorecard: per group (mini cluster, complex or pan region) 16 indicators in three pillars (interconnection, iui, rnd), each scored 100 * value / benchmark; pillar scores and the total are weighted means of the non-null scores below them",
    records: "business ties, I-U-I case ties, projects (every member kind) and actor_years rows of the period (by_year: of the year); members: region/complex attribute, or participants of the mini cluster's events of the period; --layers and --kinds do not apply",
    denominator: "per-firm figures: the group's member firms; shares and densities: as each indicator's definition says",
};

/// The records of a period, prepared once for every group.
pub struct Period<'a> {
    net: &'a Network,
    /// Business-linked firm pairs, over actor indices.
    business: Csr,
    /// Inter-business cases per actor.
    cases: Vec<u64>,
    /// Distinct business partner firms per actor.
    partners: Vec<u64>,
    /// I-U-I links (firm, university/institute), over actor indices.
    iui: Csr,
    /// I-U-I cases per actor.
    iui_cases: Vec<u64>,
    /// Per actor: (project memberships, in consortia, in large–SME projects).
    projects: Vec<[u64; 3]>,
    /// Per actor: (Σ funding, rows with funding, Σ patents, rows with patents).
    rnd: Vec<(f64, u64, u64, u64)>,
    /// Per actor: funding in the first year of the axis and in the last year.
    growth: Vec<(Option<f64>, Option<f64>)>,
}

impl<'a> Period<'a> {
    /// Prepare the records of a scope; `first` and `last` are the years of
    /// the growth indicator and `years` the years of the actor_years rows.
    /// Time O(P log P + T log T) for P participations and T ties.
    pub fn new(
        s: &Scope<'a>,
        rnd_years: Option<(i32, i32)>,
        first: Option<i32>,
    ) -> Result<Period<'a>> {
        let net = s.net;
        let n = net.actors.len();
        let mut cases = vec![0u64; n];
        let mut partners = vec![0u64; n];
        for (a, c, p) in inter_business::per_firm(s) {
            cases[a as usize] = c;
            partners[a as usize] = p;
        }
        let edges: Vec<(u32, u32, f64)> = s
            .ties()
            .filter(|t| inter_business::is_business_case(s, t))
            .map(|t| (t.source, t.target, 1.0))
            .collect();
        let business = Csr::from_edges(n, &edges)?;
        let iui_csr = Csr::from_pairs(n, &iui::iui_links(s))?;
        let iui_cases = iui::cases_per_actor(s);
        let mut projects = vec![[0u64; 3]; n];
        for g in s.groups(Layer::Project) {
            let t = consortium_type(g.members.iter().map(|m| net.actor(m.actor).kind));
            let (large, sme) = large_and_sme(s, g);
            for m in &g.members {
                if net.actor(m.actor).kind == Kind::Firm {
                    let p = &mut projects[m.actor as usize];
                    p[0] += 1;
                    p[1] += u64::from(CONSORTIUM_TYPES.contains(&t));
                    p[2] += u64::from(large && sme);
                }
            }
        }
        let mut rnd = vec![(0.0, 0u64, 0u64, 0u64); n];
        let mut growth = vec![(None, None); n];
        for r in &net.actor_years {
            let a = r.actor as usize;
            if let Some((lo, hi)) = rnd_years
                && lo <= r.year
                && r.year <= hi
            {
                if let Some(f) = r.rnd_funding {
                    rnd[a].0 += f;
                    rnd[a].1 += 1;
                }
                if let Some(p) = r.patents {
                    rnd[a].2 += p;
                    rnd[a].3 += 1;
                }
            }
            if Some(r.year) == first {
                growth[a].0 = r.rnd_funding;
            }
            if Some(r.year) == rnd_years.map(|y| y.1) {
                growth[a].1 = r.rnd_funding;
            }
        }
        Ok(Period {
            net,
            business,
            cases,
            partners,
            iui: iui_csr,
            iui_cases,
            projects,
            rnd,
            growth,
        })
    }
}

/// Indicator values (in [`INDICATORS`] order) and the E-I index.
pub type Values = ([Option<f64>; N], Option<f64>);

/// A group's members of a period, split by kind (each list ascending).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Members {
    /// Firms F.
    pub firms: Vec<ActorIx>,
    /// Universities U.
    pub universities: Vec<ActorIx>,
    /// Institutes R.
    pub institutes: Vec<ActorIx>,
}

impl Members {
    fn of(net: &Network, actors: impl IntoIterator<Item = ActorIx>) -> Members {
        let mut m = Members::default();
        for a in actors {
            match net.actor(a).kind {
                Kind::Firm => m.firms.push(a),
                Kind::University => m.universities.push(a),
                Kind::Institute => m.institutes.push(a),
                Kind::Agency | Kind::Other => {}
            }
        }
        m.firms.sort_unstable();
        m.universities.sort_unstable();
        m.institutes.sort_unstable();
        m.firms.dedup();
        m.universities.dedup();
        m.institutes.dedup();
        m
    }
}

/// The members of every group of a scope, by group name.
pub fn group_members(s: &Scope, by: GroupBy) -> BTreeMap<String, Members> {
    let net = s.net;
    let mut raw: BTreeMap<String, Vec<ActorIx>> = BTreeMap::new();
    match by {
        GroupBy::MiniCluster => raw = mini_cluster_members(s),
        GroupBy::Region | GroupBy::Complex => {
            for (i, a) in net.actors.iter().enumerate() {
                let v = if by == GroupBy::Region {
                    &a.region
                } else {
                    &a.complex
                };
                if let Some(v) = v {
                    raw.entry(v.clone()).or_default().push(i as ActorIx);
                }
            }
        }
    }
    raw.into_iter()
        .map(|(k, v)| (k, Members::of(net, v)))
        .collect()
}

/// The indicator values of a group whose firm list is `firms` (a member
/// firm may appear more than once: a bootstrap resample); `m` gives the
/// group's member set (who is inside) and its universities and institutes.
/// Also returns the E-I index. Time O(Σ_{f ∈ firms} (deg_business(f) +
/// deg_iui(f)) log) plus the brokerage count on the group's graph.
pub fn indicator_values(p: &Period, m: &Members, firms: &[ActorIx]) -> Result<Values> {
    let mut v = [None; N];
    let n = firms.len();
    if n == 0 {
        return Ok((v, None));
    }
    let nf = n as f64;
    // copies of each firm: (actor, copy index), sorted
    let mut pos: Vec<(ActorIx, u32)> = firms
        .iter()
        .enumerate()
        .map(|(i, &a)| (a, i as u32))
        .collect();
    pos.sort_unstable();
    let copies = |a: ActorIx| {
        let lo = pos.partition_point(|x| x.0 < a);
        let hi = pos.partition_point(|x| x.0 <= a);
        &pos[lo..hi]
    };
    let inside = |a: ActorIx| m.firms.binary_search(&a).is_ok();
    let ur: Vec<ActorIx> = {
        let mut x: Vec<ActorIx> = m
            .universities
            .iter()
            .chain(&m.institutes)
            .copied()
            .collect();
        x.sort_unstable();
        x
    };
    let k = ur.len();
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    let mut external = 0u64;
    let (mut cases, mut with_partner, mut iui_cases, mut with_ur) = (0u64, 0u64, 0u64, 0u64);
    let (mut fu, mut fr) = (0u64, 0u64);
    let mut iui_edges: Vec<(u32, u32, f64)> = Vec::new();
    let mut pr = [0u64; 3];
    let (mut fund, mut fund_n, mut pat, mut pat_n) = (0.0f64, 0u64, 0u64, 0u64);
    let (mut g_first, mut g_last, mut g_n) = (0.0f64, 0.0f64, 0u64);
    for (i, &f) in firms.iter().enumerate() {
        for &g in p.business.neighbors(f) {
            if inside(g) {
                for &(_, j) in copies(g) {
                    if (i as u32) < j {
                        edges.push((i as u32, j, 1.0));
                    }
                }
            } else {
                external += 1;
            }
        }
        cases += p.cases[f as usize];
        with_partner += u64::from(p.partners[f as usize] > 0);
        iui_cases += p.iui_cases[f as usize];
        with_ur += u64::from(p.iui.degree(f) > 0);
        for &u in p.iui.neighbors(f) {
            if let Ok(x) = ur.binary_search(&u) {
                iui_edges.push((i as u32, (n + x) as u32, 1.0));
                match p.net.actor(u).kind {
                    Kind::University => fu += 1,
                    _ => fr += 1,
                }
            }
        }
        for (t, x) in pr.iter_mut().zip(p.projects[f as usize]) {
            *t += x;
        }
        let r = p.rnd[f as usize];
        fund += r.0;
        fund_n += r.1;
        pat += r.2;
        pat_n += r.3;
        if let (Some(a), Some(b)) = p.growth[f as usize] {
            g_first += a;
            g_last += b;
            g_n += 1;
        }
    }
    let firm_graph = Csr::from_edges(n, &edges)?;
    let internal = firm_graph.m() as u64;
    let largest = component_sizes(&components(&firm_graph))
        .into_iter()
        .max()
        .unwrap_or(0);
    edges.extend(iui_edges);
    let all = Csr::from_edges(n + k, &edges)?;
    let labels: Vec<u32> = (0..n + k).map(|i| u32::from(i >= n)).collect();
    let roles = brokerage_roles(&all, &labels);
    let brokered: u64 = roles[n..].iter().map(|r| r.itinerant).sum();
    v[0] = ratio(cases as f64, nf);
    v[1] = ratio(with_partner as f64, nf);
    v[2] = ratio(internal as f64, pairs_within(n as u64) as f64);
    v[3] = ratio(largest as f64, nf);
    v[4] = ratio(external as f64, (external + internal) as f64);
    v[5] = ratio(iui_cases as f64, nf);
    v[6] = ratio(with_ur as f64, nf);
    v[7] = ratio(fu as f64, nf * m.universities.len() as f64);
    v[8] = ratio(fr as f64, nf * m.institutes.len() as f64);
    v[9] = ratio(brokered as f64, nf);
    v[10] = ratio(pr[0] as f64, nf);
    v[11] = ratio(pr[1] as f64, pr[0] as f64);
    v[12] = ratio(pr[2] as f64, nf);
    v[13] = ratio(fund, fund_n as f64);
    v[14] = ratio(pat as f64, pat_n as f64);
    v[15] = if g_n > 0 {
        ratio(g_last, g_first)
    } else {
        None
    };
    Ok((v, ei_index(external, internal)))
}

fn score(value: Option<f64>, bench: Option<f64>) -> Option<f64> {
    match (value, bench) {
        (Some(x), Some(b)) if b != 0.0 => Some(100.0 * (x / b)),
        _ => None,
    }
}

fn weighted(scores: impl Iterator<Item = (Option<f64>, f64)>) -> Option<f64> {
    let (mut s, mut w) = (0.0f64, 0.0f64);
    for (x, wt) in scores {
        if let Some(x) = x
            && wt > 0.0
        {
            s += wt * x;
            w += wt;
        }
    }
    ratio(s, w)
}

/// Pillar scores and the total of indicator scores: [interconnection, iui,
/// rnd, total].
pub fn pillar_scores(scores: &[Option<f64>; N], w: &Weights) -> [Option<f64>; 4] {
    let iw = |i: usize| w.indicators.get(i).map_or(0.0, |x| x.weight);
    let mut out = [None; 4];
    for (pi, p) in Pillar::ALL.iter().enumerate() {
        out[pi] = weighted(
            INDICATORS
                .iter()
                .enumerate()
                .filter(|(_, d)| d.pillar == *p)
                .map(|(i, _)| (scores[i], iw(i))),
        );
    }
    out[3] = weighted((0..3).map(|pi| (out[pi], w.pillars.get(pi).map_or(0.0, |x| x.weight))));
    out
}

const PILLAR_NAMES: [&str; 4] = ["interconnection", "iui", "rnd", "total"];

fn card(
    m: &Members,
    vals: &[Option<f64>; N],
    ei: Option<f64>,
    bench: &[Option<f64>; N],
    w: &Weights,
) -> Card {
    let scores: [Option<f64>; N] = std::array::from_fn(|i| score(vals[i], bench[i]));
    let ps = pillar_scores(&scores, w);
    Card {
        member_firms: m.firms.len() as u64,
        member_universities: m.universities.len() as u64,
        member_institutes: m.institutes.len() as u64,
        ei_index: ei,
        pillars: (0..4)
            .map(|i| PillarScore {
                name: PILLAR_NAMES[i],
                score: ps[i],
                ci_low: None,
                ci_high: None,
                change: None,
            })
            .collect(),
        indicators: (0..N)
            .map(|i| IndicatorScore {
                id: INDICATORS[i].id,
                value: vals[i],
                score: scores[i],
                ci_low: None,
                ci_high: None,
                change: None,
            })
            .collect(),
    }
}

/// Benchmark values and the group each comes from.
type BenchOf = ([Option<f64>; N], Vec<Option<String>>);

/// The benchmark values of a period, and the group each comes from.
fn bench_of(names: &[String], vals: &[Values], b: &Benchmark) -> Result<BenchOf> {
    match b {
        Benchmark::Top => {
            let mut best = [None; N];
            let mut from = vec![None; N];
            for i in 0..N {
                for (g, v) in vals.iter().enumerate() {
                    if let Some(x) = v.0[i]
                        && best[i].is_none_or(|b: f64| x > b)
                    {
                        best[i] = Some(x);
                        from[i] = Some(names[g].clone());
                    }
                }
            }
            Ok((best, from))
        }
        Benchmark::Group(name) => match names.iter().position(|n| n == name) {
            Some(g) => Ok((vals[g].0, vec![Some(name.clone()); N])),
            None => Ok(([None; N], vec![Some(name.clone()); N])),
        },
        Benchmark::Values { values, .. } => Ok((std::array::from_fn(|i| values[i]), vec![None; N])),
    }
}

fn benchmark_name(b: &Benchmark) -> String {
    match b {
        Benchmark::Top => "top".into(),
        Benchmark::Group(g) => format!("group:{g}"),
        Benchmark::Values { source, .. } => format!("file:{source}"),
    }
}

/// Nearest-rank percentile interval of sorted values at `level`.
pub fn percentile_interval(sorted: &[f64], level: f64) -> Option<(f64, f64)> {
    let k = sorted.len();
    if k == 0 {
        return None;
    }
    let a = (1.0 - level) / 2.0;
    // rank ⌈q·k⌉; the tolerance keeps (1 − 0.95)/2 · 40 = 1.0000000000000009 at 1
    let rank = |q: f64| (((q * k as f64) - 1e-9).ceil() as usize).clamp(1, k) - 1;
    Some((sorted[rank(a)], sorted[rank(1.0 - a)]))
}

/// Interval level of the bootstrap.
pub const LEVEL: f64 = 0.95;

/// The scores of one bootstrap replicate: N indicator scores then 4 pillar scores.
fn replicate(
    p: &Period,
    m: &Members,
    bench: &[Option<f64>; N],
    w: &Weights,
    seed: u64,
    g: usize,
    r: usize,
) -> Result<[Option<f64>; N + 4]> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(((g as u64) << 32) | r as u64);
    let n = m.firms.len();
    if n == 0 {
        return Ok([None; N + 4]);
    }
    let draw: Vec<ActorIx> = (0..n).map(|_| m.firms[rng.random_range(0..n)]).collect();
    let (vals, _) = indicator_values(p, m, &draw)?;
    let scores: [Option<f64>; N] = std::array::from_fn(|i| score(vals[i], bench[i]));
    let ps = pillar_scores(&scores, w);
    Ok(std::array::from_fn(|i| {
        if i < N { scores[i] } else { ps[i - N] }
    }))
}

/// Compute the scorecard of a network.
///
/// Time O(Y · (P log P + T log T) + (Y + 1 + B) · Σ_groups cost of
/// [`indicator_values`]) for Y years, B replicates; groups and replicates
/// in parallel, reduced in group and replicate order.
pub fn scorecard(net: &Network, o: &ScoreOpts) -> Result<Scorecard> {
    let sel = domain_selection(&Selection {
        years: o.years,
        ..Selection::default()
    });
    let s = Scope::new(net, &sel);
    let axis = s.years();
    let first = axis.first().copied();
    let span = first.zip(axis.last().copied());
    let period = Period::new(&s, span, first)?;
    let members = group_members(&s, o.by);
    let names: Vec<String> = members.keys().cloned().collect();
    let ms: Vec<&Members> = members.values().collect();
    if let Benchmark::Group(g) = &o.benchmark
        && !members.contains_key(g)
    {
        let shown: Vec<&str> = names.iter().take(12).map(String::as_str).collect();
        return Err(Error::Usage(format!(
            "--benchmark {g:?}: no {} of that name; name one of {}{} (or top, or a CSV file of indicator,value)",
            o.by,
            shown.join(", "),
            if names.len() > 12 { ", …" } else { "" }
        )));
    }
    let vals: Vec<Values> = ms
        .par_iter()
        .map(|m| indicator_values(&period, m, &m.firms))
        .collect::<Result<_>>()?;
    let (bench, from) = bench_of(&names, &vals, &o.benchmark)?;
    let mut cards: Vec<Card> = ms
        .iter()
        .zip(&vals)
        .map(|(m, v)| card(m, &v.0, v.1, &bench, &o.weights))
        .collect();
    // bootstrap
    if o.replicates > 0 {
        let jobs: Vec<(usize, usize)> = (0..ms.len())
            .flat_map(|g| (0..o.replicates).map(move |r| (g, r)))
            .collect();
        let reps: Vec<[Option<f64>; N + 4]> = jobs
            .par_iter()
            .map(|&(g, r)| replicate(&period, ms[g], &bench, &o.weights, o.seed, g, r))
            .collect::<Result<_>>()?;
        for (g, c) in cards.iter_mut().enumerate() {
            let mine = &reps[g * o.replicates..(g + 1) * o.replicates];
            for j in 0..N + 4 {
                let mut xs: Vec<f64> = mine.iter().filter_map(|x| x[j]).collect();
                xs.sort_by(f64::total_cmp);
                if let Some((lo, hi)) = percentile_interval(&xs, LEVEL) {
                    if j < N {
                        c.indicators[j].ci_low = Some(lo);
                        c.indicators[j].ci_high = Some(hi);
                    } else {
                        c.pillars[j - N].ci_low = Some(lo);
                        c.pillars[j - N].ci_high = Some(hi);
                    }
                }
            }
        }
    }
    // by year
    let mut by_year: Vec<Vec<YearCard>> = vec![Vec::new(); names.len()];
    for &y in &axis {
        let ysel = Selection {
            years: Some(YearRange { from: y, to: y }),
            ..sel.clone()
        };
        let ys = Scope::new(net, &ysel);
        let yp = Period::new(&ys, Some((y, y)), first)?;
        let mut ym = group_members(&ys, o.by);
        let yms: Vec<Members> = names
            .iter()
            .map(|n| ym.remove(n).unwrap_or_default())
            .collect();
        let yvals: Vec<Values> = yms
            .par_iter()
            .map(|m| indicator_values(&yp, m, &m.firms))
            .collect::<Result<_>>()?;
        let (yb, _) = bench_of(&names, &yvals, &o.benchmark)?;
        for (g, (m, v)) in yms.iter().zip(&yvals).enumerate() {
            let mut c = card(m, &v.0, v.1, &yb, &o.weights);
            let prev = by_year[g].last().map(|p: &YearCard| &p.card);
            let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a - b);
            for (i, x) in c.indicators.iter_mut().enumerate() {
                x.change = Some(prev.and_then(|p| diff(x.score, p.indicators[i].score)));
            }
            for (i, x) in c.pillars.iter_mut().enumerate() {
                x.change = Some(prev.and_then(|p| diff(x.score, p.pillars[i].score)));
            }
            by_year[g].push(YearCard { year: y, card: c });
        }
    }
    Ok(Scorecard {
        about: ABOUT,
        by: o.by,
        years: axis,
        benchmark: benchmark_name(&o.benchmark),
        benchmark_values: (0..N)
            .map(|i| BenchmarkValue {
                id: INDICATORS[i].id,
                value: bench[i],
                group: from[i].clone(),
            })
            .collect(),
        weights: o.weights.clone(),
        indicators: INDICATORS.to_vec(),
        bootstrap: (o.replicates > 0).then_some(BootstrapInfo {
            replicates: o.replicates,
            seed: o.seed,
            level: LEVEL,
            method: "member firms resampled with replacement per group, indicators recomputed, scored against the fixed benchmark; nearest-rank percentile interval",
        }),
        groups: names
            .into_iter()
            .zip(cards)
            .zip(by_year)
            .map(|((name, overall), by_year)| GroupCard {
                name,
                overall,
                by_year,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_weights_parse() {
        let w = parse_weights(Path::new("w"), DEFAULT_WEIGHTS).expect("built-in weights");
        assert_eq!(w.pillars.len(), 3);
        assert_eq!(w.indicators.len(), N);
        assert!(w.indicators.iter().all(|x| x.source != "not listed"));
    }

    #[test]
    fn bad_weights_name_file_line_and_fix() {
        let e = parse_weights(
            Path::new("w.csv"),
            "level,name,weight\npillar,rnd,1\npillar,rnd,2\n",
        )
        .expect_err("duplicate");
        assert!(e.to_string().contains("w.csv:3"), "{e}");
        let e = parse_weights(Path::new("w.csv"), "level,name\n").expect_err("no weight column");
        assert!(e.to_string().contains("weight"), "{e}");
        let e = parse_weights(Path::new("w.csv"), "level,name,weight\npilar,rnd,1\n")
            .expect_err("bad level");
        assert!(e.to_string().contains("w.csv:2"), "{e}");
        let e = parse_benchmark(Path::new("b.csv"), "indicator,value\npatents_per_firm,x\n")
            .expect_err("bad value");
        assert!(e.to_string().contains("b.csv:2"), "{e}");
    }

    // nearest rank: k = 40 values 1..=40, 2.5% → rank ceil(1) = 1 → 1;
    // 97.5% → rank ceil(39) = 39 → 39
    #[test]
    fn percentile_interval_nearest_rank() {
        let v: Vec<f64> = (1..=40).map(f64::from).collect();
        assert_eq!(percentile_interval(&v, 0.95), Some((1.0, 39.0)));
        assert_eq!(percentile_interval(&[5.0], 0.95), Some((5.0, 5.0)));
        assert_eq!(percentile_interval(&[], 0.95), None);
    }

    // a group without firms (only a university) has no values and no
    // interval, and the bootstrap does not draw from an empty list
    #[test]
    fn group_without_firms() {
        let net = crate::ingest::from_csv_strs(
            "id,kind,region\nf1,firm,A\nf2,firm,A\nu1,university,C\n",
            None,
            None,
            Some("source,target,type,year\nf1,f2,supply,2005\nf1,u1,joint_research,2005\n"),
        )
        .expect("loads");
        let o = ScoreOpts {
            by: GroupBy::Region,
            replicates: 5,
            ..ScoreOpts::default()
        };
        let sc = scorecard(&net, &o).expect("scorecard");
        let c = &sc.groups[1];
        assert_eq!((c.name.as_str(), c.overall.member_firms), ("C", 0));
        assert!(
            c.overall
                .indicators
                .iter()
                .all(|x| x.value.is_none() && x.ci_low.is_none())
        );
        assert_eq!(c.overall.pillars[3].score, None);
        assert_eq!(sc.groups[0].overall.indicators[0].value, Some(1.0));
    }

    // weights 1 and 3 over scores 40 and 80, a null left out: (40 + 240)/4
    #[test]
    fn pillar_scores_are_weighted_means_of_non_null_scores() {
        let mut w = default_weights();
        w.indicators[0].weight = 1.0;
        w.indicators[1].weight = 3.0;
        let mut s = [None; N];
        s[0] = Some(40.0);
        s[1] = Some(80.0);
        let p = pillar_scores(&s, &w);
        assert_eq!(p[0], Some(70.0));
        assert_eq!((p[1], p[2]), (None, None));
        assert_eq!(p[3], Some(70.0));
        assert_eq!(score(Some(1.0), Some(0.0)), None);
        assert_eq!(score(Some(1.0), Some(4.0)), Some(25.0));
    }
}
