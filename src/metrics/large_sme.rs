//! R&D projects of large companies with SMEs: the KICOX report's "[Status
//! of R&D Projects with Large Companies]" (6, 5, 15, 17, 14 cases in
//! 2005–2009; 57 in all).
//!
//! A project is a **large-company–SME project** when its members include a
//! firm of 300 or more employees (size class `300+`) and a firm of fewer
//! than 300 (any other known size class). Firms with no size class count
//! as neither. Records fixed by the definition: every project and member
//! (`--layers` and `--kinds` do not apply, `--years` clips the year axis).

use super::common::{About, Scope, Yearly, ratio};
use crate::model::{Group, Kind, Layer, SizeClass};
use serde::Serialize;

/// Large-company–SME projects of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LargeSmeCount {
    /// Projects of the period.
    pub projects: u64,
    /// Projects with a 300+ firm and a firm under 300.
    pub large_sme_projects: u64,
    /// large_sme_projects / projects (0–1); null without projects.
    pub share: Option<f64>,
    /// Projects with a 300+ firm member (with or without an SME).
    pub with_large_firm: u64,
}

/// The large-company–SME project report: all selected years (projects with
/// no year included) and each year.
pub type LargeSmeProjects = Yearly<LargeSmeCount>;

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "R&D projects with large companies: projects whose members include a firm of 300+ employees and a firm of fewer than 300",
    records: "projects.csv with the actors' size_class (firms without one count as neither), of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "share: projects of the period",
};

/// (has a 300+ firm, has a firm under 300) of a project.
pub fn large_and_sme(s: &Scope, g: &Group) -> (bool, bool) {
    let (mut large, mut sme) = (false, false);
    for m in &g.members {
        let a = s.net.actor(m.actor);
        if a.kind != Kind::Firm {
            continue;
        }
        match a.size_class {
            Some(SizeClass::S300Plus) => large = true,
            Some(_) => sme = true,
            None => {}
        }
    }
    (large, sme)
}

fn count(s: &Scope, projects: &[&Group]) -> LargeSmeCount {
    let (mut both, mut large) = (0u64, 0u64);
    for g in projects {
        let (l, m) = large_and_sme(s, g);
        large += u64::from(l);
        both += u64::from(l && m);
    }
    let n = projects.len() as u64;
    LargeSmeCount {
        projects: n,
        large_sme_projects: both,
        share: ratio(both as f64, n as f64),
        with_large_firm: large,
    }
}

/// Compute the report. Time O(project memberships + Y).
pub fn large_sme_projects(s: &Scope) -> LargeSmeProjects {
    let projects: Vec<&Group> = s.groups(Layer::Project).collect();
    Yearly::of_groups(s, ABOUT, &projects, |p| count(s, p))
}
