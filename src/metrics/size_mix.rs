//! Firm size mix: firms by size class and size group. The KICOX report
//! counts the *companies* supported by size in "[Numbers of Project
//! Application by Company Size]" (1,571 under 50 employees, 356 from 50 to
//! 300, 41 over 300; 1,968 in all) and the support *cases* by size in
//! "[Support results by company size]" (61.5 / 13.8 / 11.7 / 10.1 / 2.9%).
//! A dataset of firms speaks to the company counts.
//!
//! Records fixed by the definition: the firms of actors.csv (`--kinds` does
//! not apply); `participating` restricts them to firms with an event,
//! project or tie in the selected years.

use super::common::{About, Participation, Scope, UNKNOWN, ratio};
use crate::model::{Kind, SizeClass};
use serde::Serialize;

/// A size class or group and its firms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeCount {
    /// `lt30` … `300+` (classes), `small`/`medium`/`large` (groups), or `unknown`.
    pub name: String,
    /// Firms.
    pub firms: u64,
    /// firms / all firms of the set (0–1); null without firms.
    pub share: Option<f64>,
}

/// The mix of one set of firms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mix {
    /// Firms of the set.
    pub firms: u64,
    /// By size class, smallest first, `unknown` last (zero counts included).
    pub by_size_class: Vec<SizeCount>,
    /// By size group: small (< 50), medium (50–299), large (300+), unknown.
    pub by_size_group: Vec<SizeCount>,
}

/// The firm size mix report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeMix {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// Every firm of the dataset.
    pub all_firms: Mix,
    /// Firms participating in the selected years.
    pub participating_firms: Mix,
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "firm size mix: firms by size class (lt30, 30-49, 50-99, 100-299, 300+) and size group (small < 50, medium 50-299, large 300+)",
    records: "actors.csv rows of kind firm (all_firms), and those with an event, project or tie in the selected years (participating_firms); --layers and --kinds do not apply",
    denominator: "share: firms of the set",
};

fn mix(classes: &[Option<SizeClass>]) -> Mix {
    let n = classes.len() as u64;
    let share = |k: u64| ratio(k as f64, n as f64);
    let mut by_class = [0u64; 6];
    let mut by_group = [0u64; 4];
    for c in classes {
        let (ci, gi) = match c {
            Some(c) => (
                SizeClass::ALL.iter().position(|x| x == c).unwrap_or(5),
                c.group() as usize,
            ),
            None => (5, 3),
        };
        by_class[ci] += 1;
        by_group[gi] += 1;
    }
    let class_names = SizeClass::ALL.iter().map(|c| c.as_str()).chain([UNKNOWN]);
    let group_names = ["small", "medium", "large", UNKNOWN];
    Mix {
        firms: n,
        by_size_class: class_names
            .zip(by_class)
            .map(|(name, k)| SizeCount {
                name: name.to_string(),
                firms: k,
                share: share(k),
            })
            .collect(),
        by_size_group: group_names
            .into_iter()
            .zip(by_group)
            .map(|(name, k)| SizeCount {
                name: name.to_string(),
                firms: k,
                share: share(k),
            })
            .collect(),
    }
}

/// Compute the report. Time O(actors + P log P).
pub fn size_mix(s: &Scope) -> SizeMix {
    let part = Participation::new(s);
    let firms: Vec<(usize, Option<SizeClass>)> = s
        .net
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == Kind::Firm)
        .map(|(i, a)| (i, a.size_class))
        .collect();
    let all: Vec<Option<SizeClass>> = firms.iter().map(|f| f.1).collect();
    let active: Vec<Option<SizeClass>> = firms
        .iter()
        .filter(|f| part.active[f.0])
        .map(|f| f.1)
        .collect();
    SizeMix {
        about: ABOUT,
        all_firms: mix(&all),
        participating_firms: mix(&active),
    }
}
