//! I-U-I collaboration cases per firm (the seed's "cases of
//! industry-university-institute collaboration (cases / companies)", 2.2 in
//! 2004 → 4.8 in 2009).
//!
//! A firm's I-U-I **project cases** are the selected projects it takes part
//! in together with at least one university or institute (of a selected
//! kind); its **event cases** the same for events. Averages are over every
//! firm of the selection (firms with no case count as 0), null without firms.

use super::common::{Scope, bucket, by_year, ratio};
use crate::model::{Group, Kind, Layer};
use serde::Serialize;

/// I-U-I collaboration figures over the firms of the selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IuiCases {
    /// Firms of the selection (the denominator).
    pub firms: u64,
    /// Σ over firms of their projects with a university or institute.
    pub project_cases: u64,
    /// Σ over firms of their events with a university or institute.
    pub event_cases: u64,
    /// project_cases / firms; null without firms.
    pub avg_project_cases_per_firm: Option<f64>,
    /// event_cases / firms; null without firms.
    pub avg_event_cases_per_firm: Option<f64>,
    /// (project_cases + event_cases) / firms; null without firms.
    pub avg_cases_per_firm: Option<f64>,
    /// Firms with at least one project or event case.
    pub firms_with_cases: u64,
}

/// Figures for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearIuiCases {
    /// The year.
    pub year: i32,
    /// Groups of that year only; all firms as denominator.
    #[serde(flatten)]
    pub stats: IuiCases,
}

/// The I-U-I collaboration report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IuiCollaboration {
    /// All selected projects and events.
    pub overall: IuiCases,
    /// By year.
    pub by_year: Vec<YearIuiCases>,
}

fn cases(s: &Scope, firms_n: u64, projects: &[&Group], events: &[&Group]) -> IuiCases {
    let mut with: Vec<u32> = Vec::new();
    let mut count = |groups: &[&Group]| -> u64 {
        let mut total = 0u64;
        for g in groups.iter().filter(|g| has_ur(s, g)) {
            for a in s.members(g) {
                if s.net.actor(a).kind == Kind::Firm {
                    total += 1;
                    with.push(a);
                }
            }
        }
        total
    };
    let project_cases = count(projects);
    let event_cases = count(events);
    with.sort_unstable();
    with.dedup();
    let f = firms_n as f64;
    IuiCases {
        firms: firms_n,
        project_cases,
        event_cases,
        avg_project_cases_per_firm: ratio(project_cases as f64, f),
        avg_event_cases_per_firm: ratio(event_cases as f64, f),
        avg_cases_per_firm: ratio((project_cases + event_cases) as f64, f),
        firms_with_cases: with.len() as u64,
    }
}

fn has_ur(s: &Scope, g: &Group) -> bool {
    s.members(g)
        .any(|a| matches!(s.net.actor(a).kind, Kind::University | Kind::Institute))
}

/// Compute the I-U-I collaboration report. Time O(P log P + Y) for P
/// participations and Y years on the axis.
pub fn iui_collaboration(s: &Scope) -> IuiCollaboration {
    let firms_n = if s.sel.keeps_kind(Kind::Firm) {
        s.net.actors.iter().filter(|a| a.kind == Kind::Firm).count() as u64
    } else {
        0
    };
    let projects: Vec<&Group> = s.groups(Layer::Project).collect();
    let events: Vec<&Group> = s.groups(Layer::Event).collect();
    let py = by_year(projects.iter().copied(), |g| g.year);
    let ey = by_year(events.iter().copied(), |g| g.year);
    IuiCollaboration {
        overall: cases(s, firms_n, &projects, &events),
        by_year: s
            .years()
            .into_iter()
            .map(|y| YearIuiCases {
                year: y,
                stats: cases(s, firms_n, bucket(&py, y), bucket(&ey, y)),
            })
            .collect(),
    }
}
