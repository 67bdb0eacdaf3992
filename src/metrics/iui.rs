//! Cases of industry-university-institute (I-U-I) collaboration per
//! company: the KICOX report's "Cases of industry-university-institute
//! collaboration (cases / companies)" (2.2 in 2004 → 4.8 in 2009, table
//! "[R&D Improvement of Industrial Clusters]").
//!
//! Definition (records fixed by the definition; `--layers` and `--kinds` do
//! not apply, `--years` clips the year axis). The **cases** of a period are
//! - **tie cases**: ties.csv rows of an I-U-I collaboration type
//!   (`joint_research`, `technology_transfer`, `technical_guidance`,
//!   `consulting`, see [`crate::model::tie_types`]) between a firm and a
//!   university or institute, one case per row;
//! - **project cases**: one case per (project, firm member) for the projects
//!   with at least one university or institute member.
//!
//! `avg_cases_per_participating_firm` = cases / firms participating in the
//! period (an event participation, project membership or tie, see
//! [`super::common::Participation`]): the surveyed population the report's
//! average refers to. `avg_cases_per_firm` = cases / every firm of the
//! dataset. Event co-attendance with a university or institute is reported
//! beside the cases (`event_cases`) but is not a collaboration case.

use super::common::{About, Participation, Scope, Yearly, bucket, by_year, ratio};
use crate::model::tie_types::{TieClass, classify};
use crate::model::{ActorIx, Group, Kind, Layer, Tie};
use serde::Serialize;

/// I-U-I collaboration figures of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IuiCases {
    /// Every firm of the dataset (the all-firms denominator).
    pub firms: u64,
    /// Firms participating in the period (the participating-firms denominator).
    pub participating_firms: u64,
    /// I-U-I collaboration ties between a firm and a university or institute.
    pub tie_cases: u64,
    /// Σ over projects with a university or institute member of their firm members.
    pub project_cases: u64,
    /// tie_cases + project_cases.
    pub cases: u64,
    /// cases / participating_firms (the report's figure); null without participating firms.
    pub avg_cases_per_participating_firm: Option<f64>,
    /// cases / firms; null without firms.
    pub avg_cases_per_firm: Option<f64>,
    /// project_cases / firms; null without firms.
    pub avg_project_cases_per_firm: Option<f64>,
    /// Not a case: Σ over events with a university or institute of their firm participants.
    pub event_cases: u64,
    /// event_cases / firms; null without firms.
    pub avg_event_cases_per_firm: Option<f64>,
    /// Firms with at least one tie or project case.
    pub firms_with_cases: u64,
}

/// The I-U-I collaboration report: the selected years together and each
/// year (records of that year; participating firms of that year).
pub type IuiCollaboration = Yearly<IuiCases>;

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "cases of industry-university-institute collaboration per company: one case per I-U-I collaboration tie (joint_research, technology_transfer, technical_guidance, consulting) between a firm and a university or institute, plus one per (project, firm member) of each project with a university or institute member",
    records: "ties.csv rows of an I-U-I type with a firm end and a university/institute end, and projects.csv, of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "avg_cases_per_participating_firm: firms with an event, project or tie in the period (as the KICOX report's figure); avg_cases_per_firm: every firm of the dataset",
};

fn is_ur(k: Kind) -> bool {
    matches!(k, Kind::University | Kind::Institute)
}

/// Whether a tie is an I-U-I collaboration case: an I-U-I type between a
/// firm and a university or institute.
pub fn is_iui_case(s: &Scope, t: &Tie) -> bool {
    let (a, b) = (s.net.actor(t.source).kind, s.net.actor(t.target).kind);
    classify(&t.kind) == TieClass::Iui
        && ((a == Kind::Firm && is_ur(b)) || (b == Kind::Firm && is_ur(a)))
}

/// Whether a group (a project) has a university or institute member: its
/// firm members then each have a project case.
pub fn has_university_or_institute(s: &Scope, g: &Group) -> bool {
    g.members.iter().any(|m| is_ur(s.net.actor(m.actor).kind))
}

/// The firm end of an I-U-I case tie (see [`is_iui_case`]).
pub fn case_firm(s: &Scope, t: &Tie) -> ActorIx {
    if s.net.actor(t.source).kind == Kind::Firm {
        t.source
    } else {
        t.target
    }
}

/// The I-U-I collaboration links of a scope as (firm, university or
/// institute) pairs, one per case record: every I-U-I case tie, and every
/// (firm member, university or institute member) pair of each selected
/// project. Parallel links are kept (a caller collapses them).
pub fn iui_links(s: &Scope) -> Vec<(ActorIx, ActorIx)> {
    let mut out: Vec<(ActorIx, ActorIx)> = s
        .ties()
        .filter(|t| is_iui_case(s, t))
        .map(|t| {
            let f = case_firm(s, t);
            (f, if f == t.source { t.target } else { t.source })
        })
        .collect();
    for g in s.groups(Layer::Project) {
        for f in firm_members(s, g) {
            for m in &g.members {
                if is_ur(s.net.actor(m.actor).kind) {
                    out.push((f, m.actor));
                }
            }
        }
    }
    out
}

/// I-U-I collaboration cases per actor (0 for non-firms) on a scope: one
/// per case tie at its firm, one per (project with a university or
/// institute, firm member). Σ equals the section's `cases`.
pub fn cases_per_actor(s: &Scope) -> Vec<u64> {
    let mut c = vec![0u64; s.net.actors.len()];
    for t in s.ties().filter(|t| is_iui_case(s, t)) {
        c[case_firm(s, t) as usize] += 1;
    }
    for g in s.groups(Layer::Project) {
        if has_university_or_institute(s, g) {
            for f in firm_members(s, g) {
                c[f as usize] += 1;
            }
        }
    }
    c
}

fn firm_members<'a>(s: &'a Scope, g: &'a Group) -> impl Iterator<Item = u32> + 'a {
    g.members
        .iter()
        .map(|m| m.actor)
        .filter(|&a| s.net.actor(a).kind == Kind::Firm)
}

fn cases(
    s: &Scope,
    firms: u64,
    active: u64,
    ties: &[&Tie],
    projects: &[&Group],
    events: &[&Group],
) -> IuiCases {
    let has_ur = |g: &Group| has_university_or_institute(s, g);
    let mut with: Vec<u32> = Vec::new();
    let mut project_cases = 0u64;
    for g in projects.iter().filter(|g| has_ur(g)) {
        for a in firm_members(s, g) {
            project_cases += 1;
            with.push(a);
        }
    }
    for t in ties {
        with.push(case_firm(s, t));
    }
    let event_cases: u64 = events
        .iter()
        .filter(|g| has_ur(g))
        .map(|g| firm_members(s, g).count() as u64)
        .sum();
    with.sort_unstable();
    with.dedup();
    let tie_cases = ties.len() as u64;
    let total = tie_cases + project_cases;
    let f = firms as f64;
    IuiCases {
        firms,
        participating_firms: active,
        tie_cases,
        project_cases,
        cases: total,
        avg_cases_per_participating_firm: ratio(total as f64, active as f64),
        avg_cases_per_firm: ratio(total as f64, f),
        avg_project_cases_per_firm: ratio(project_cases as f64, f),
        event_cases,
        avg_event_cases_per_firm: ratio(event_cases as f64, f),
        firms_with_cases: with.len() as u64,
    }
}

/// Compute the I-U-I collaboration report on a scope (see the module docs
/// for the records; pass a [`super::common::domain_selection`] scope).
/// Time O(P log P + Y) for P participations and ties and Y years on the axis.
pub fn iui_collaboration(s: &Scope) -> IuiCollaboration {
    let part = Participation::new(s);
    let ties: Vec<&Tie> = s.ties().filter(|t| is_iui_case(s, t)).collect();
    let projects: Vec<&Group> = s.groups(Layer::Project).collect();
    let events: Vec<&Group> = s.groups(Layer::Event).collect();
    let ty = by_year(ties.iter().copied(), |t| t.year);
    let py = by_year(projects.iter().copied(), |g| g.year);
    let ey = by_year(events.iter().copied(), |g| g.year);
    IuiCollaboration {
        about: ABOUT,
        overall: cases(s, part.firms, part.overall, &ties, &projects, &events),
        by_year: s.per_year(|y| {
            cases(
                s,
                part.firms,
                part.year(y),
                bucket(&ty, y),
                bucket(&py, y),
                bucket(&ey, y),
            )
        }),
    }
}
