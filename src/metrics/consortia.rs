//! Consortium-type breakdown of projects (the KICOX report's "Status of R&D
//! Consortium Project Performance Types": 900 projects, 31 single, 128
//! industry-industry, 169 industry-institute, 450 industry-university, 30
//! industry-industry-institute, 82 industry-industry-university, 10
//! industry-university-institute).
//!
//! A project's type comes from its selected members' kinds: I = firm,
//! U = university, R = institute; agencies and `other` actors do not change
//! the type (they are counted in `with_agency` / ignored):
//! - `single`: exactly one I/U/R member;
//! - no firm (and not single) → `non-industry` (this includes projects with
//!   only agencies or others);
//! - firms only (≥ 2) → `industry-industry`;
//! - I + R → `industry-institute` (1 firm) or `industry-industry-institute` (≥ 2);
//! - I + U → `industry-university` (1 firm) or `industry-industry-university` (≥ 2);
//! - I + U + R → `industry-university-institute` (any number of firms).

use super::common::{About, Scope, UNKNOWN, ratio};
use crate::model::{Group, Kind, Layer};
use serde::Serialize;
use std::collections::BTreeMap;

/// The consortium types, in output order.
pub const TYPES: [&str; 8] = [
    "single",
    "industry-industry",
    "industry-institute",
    "industry-university",
    "industry-industry-institute",
    "industry-industry-university",
    "industry-university-institute",
    "non-industry",
];

/// The [`TYPES`] indices of the six industry consortium types (not
/// `single`, not `non-industry`): the report's "Consortium Projects".
pub const CONSORTIUM_TYPES: std::ops::Range<usize> = 1..7;

/// Name of the region of projects whose members span regions.
pub const CROSS_REGION: &str = "cross-region";

/// Index into [`TYPES`] of a project with these member kinds.
///
/// ```
/// use iuinet::metrics::consortia::{TYPES, consortium_type};
/// use iuinet::model::Kind::*;
/// assert_eq!(TYPES[consortium_type([Firm, Firm, University, Agency])], "industry-industry-university");
/// assert_eq!(TYPES[consortium_type([Firm, Agency])], "single");
/// assert_eq!(TYPES[consortium_type([Agency, Agency])], "non-industry");
/// ```
pub fn consortium_type(kinds: impl IntoIterator<Item = Kind>) -> usize {
    let (mut i, mut u, mut r) = (0usize, 0usize, 0usize);
    for k in kinds {
        match k {
            Kind::Firm => i += 1,
            Kind::University => u += 1,
            Kind::Institute => r += 1,
            Kind::Agency | Kind::Other => {}
        }
    }
    match (i, u > 0, r > 0) {
        _ if i + u + r == 1 => 0,
        (0, _, _) => 7,
        (_, true, true) => 6,
        (1, false, true) => 2,
        (_, false, true) => 4,
        (1, true, false) => 3,
        (_, true, false) => 5,
        (_, false, false) => 1,
    }
}

/// One consortium type's count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeCount {
    /// The consortium type (see [`TYPES`]).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Projects of this type.
    pub count: u64,
    /// 100 · count / projects (percent, full precision); null without projects.
    pub percent: Option<f64>,
    /// Projects of this type with at least one agency member.
    pub with_agency: u64,
}

/// A breakdown of a set of projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// Projects in the set.
    pub projects: u64,
    /// Every type, in [`TYPES`] order (zero counts included).
    pub types: Vec<TypeCount>,
    /// Consortium projects: the six industry types (not `single`, not `non-industry`).
    pub consortia: u64,
    /// 100 · consortia / projects; null without projects.
    pub consortia_percent: Option<f64>,
    /// Projects with at least one agency member.
    pub with_agency: u64,
}

/// A breakdown for a named subset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedBreakdown {
    /// Project type, region, `cross-region` or `unknown`.
    pub name: String,
    /// The breakdown.
    #[serde(flatten)]
    pub breakdown: Breakdown,
}

/// A breakdown for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearBreakdown {
    /// The year.
    pub year: i32,
    /// The breakdown.
    #[serde(flatten)]
    pub breakdown: Breakdown,
}

/// The consortium report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consortia {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// All selected projects.
    pub overall: Breakdown,
    /// By year (projects with no year appear in `overall` only).
    pub by_year: Vec<YearBreakdown>,
    /// By project `type` column, by name (`unknown` for empty).
    pub by_project_type: Vec<NamedBreakdown>,
    /// By region of the members: the region when all members with a region
    /// share it, `cross-region` when they span regions, `unknown` when no
    /// member has a region. Sorted by name, `cross-region` and `unknown` last.
    pub by_region: Vec<NamedBreakdown>,
}

#[derive(Default, Clone)]
struct Acc {
    n: [u64; 8],
    agency: [u64; 8],
}

impl Acc {
    fn add(&mut self, t: usize, agency: bool) {
        self.n[t] += 1;
        self.agency[t] += u64::from(agency);
    }

    fn breakdown(&self) -> Breakdown {
        let projects: u64 = self.n.iter().sum();
        let p = projects as f64;
        let consortia: u64 = self.n[CONSORTIUM_TYPES].iter().sum();
        Breakdown {
            projects,
            types: TYPES
                .iter()
                .enumerate()
                .map(|(i, &kind)| TypeCount {
                    kind,
                    count: self.n[i],
                    percent: ratio(100.0 * self.n[i] as f64, p),
                    with_agency: self.agency[i],
                })
                .collect(),
            consortia,
            consortia_percent: ratio(100.0 * consortia as f64, p),
            with_agency: self.agency.iter().sum(),
        }
    }
}

fn region_of(s: &Scope, g: &Group) -> String {
    let mut region: Option<&str> = None;
    for a in s.members(g) {
        if let Some(r) = s.net.actor(a).region.as_deref() {
            match region {
                None => region = Some(r),
                Some(x) if x != r => return CROSS_REGION.into(),
                _ => {}
            }
        }
    }
    region.unwrap_or(UNKNOWN).to_string()
}

fn named(m: BTreeMap<String, Acc>, last: &[&str]) -> Vec<NamedBreakdown> {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    for (name, acc) in m {
        let nb = NamedBreakdown {
            breakdown: acc.breakdown(),
            name,
        };
        if last.contains(&nb.name.as_str()) {
            tail.push(nb);
        } else {
            head.push(nb);
        }
    }
    tail.sort_by_key(|nb| last.iter().position(|l| *l == nb.name));
    head.extend(tail);
    head
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "R&D consortium project performance types: each project typed by its members' kinds (I firm, U university, R institute; agencies and others do not change the type)",
    records: "projects.csv (every member kind), of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "percent: projects of the set (0-100, full precision)",
};

/// Compute the consortium report over the selected projects (members of
/// unselected kinds are left out; projects left with no member are skipped). Time O(project memberships).
pub fn consortia(s: &Scope) -> Consortia {
    let mut overall = Acc::default();
    let mut by_year: BTreeMap<i32, Acc> =
        s.years().into_iter().map(|y| (y, Acc::default())).collect();
    let mut by_type: BTreeMap<String, Acc> = BTreeMap::new();
    let mut by_region: BTreeMap<String, Acc> = BTreeMap::new();
    for g in s.groups(Layer::Project) {
        if s.members(g).next().is_none() {
            continue;
        }
        let t = consortium_type(s.members(g).map(|a| s.net.actor(a).kind));
        let agency = s.members(g).any(|a| s.net.actor(a).kind == Kind::Agency);
        overall.add(t, agency);
        if let Some(y) = g.year {
            by_year.entry(y).or_default().add(t, agency);
        }
        let pt = if g.kind.is_empty() {
            UNKNOWN.to_string()
        } else {
            g.kind.clone()
        };
        by_type.entry(pt).or_default().add(t, agency);
        by_region.entry(region_of(s, g)).or_default().add(t, agency);
    }
    Consortia {
        about: ABOUT,
        overall: overall.breakdown(),
        by_year: by_year
            .into_iter()
            .map(|(year, a)| YearBreakdown {
                year,
                breakdown: a.breakdown(),
            })
            .collect(),
        by_project_type: named(by_type, &[UNKNOWN]),
        by_region: named(by_region, &[CROSS_REGION, UNKNOWN]),
    }
}
