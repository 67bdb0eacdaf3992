//! Global networking weight: the share of purchase/sales networking whose
//! partner is abroad (the KICOX report's "Weight of global networking
//! related to purchase and sales (%)", 27.7% in 2004 → 30.6% in 2009, table
//! "[R&D Improvement of Industrial Clusters]").
//!
//! Among the ties whose type is in a list (default `purchase`, `sales`,
//! [`crate::model::tie_types::GLOBAL_TRADE`]; exact, case-sensitive match;
//! `--global-types` changes it), the share whose two ends have a different
//! `country`. Records fixed by the definition: `--layers` and `--kinds` do
//! not apply, `--years` clips the year axis. Null when there is no such tie.

use super::common::{About, Scope, bucket, by_year, ratio};
use crate::model::Tie;
use serde::Serialize;

/// Tie types counted by default.
pub const DEFAULT_TYPES: [&str; 2] = crate::model::tie_types::GLOBAL_TRADE;

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "weight of global networking related to purchase and sales: the share (0-1) of the ties of the counted types (`types`) whose two ends are in different countries",
    records: "ties.csv rows of the counted types (default purchase, sales; --global-types), any actor kinds, of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "ties of the counted types",
};

/// Options of the global networking weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalOpts {
    /// Tie types counted.
    pub types: Vec<String>,
}

impl Default for GlobalOpts {
    fn default() -> GlobalOpts {
        GlobalOpts {
            types: DEFAULT_TYPES.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// Counts and share over a set of ties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GlobalShare {
    /// Selected ties of the counted types.
    pub ties: u64,
    /// Those whose ends have different countries.
    pub global: u64,
    /// global / ties (0–1); null without ties.
    pub share: Option<f64>,
}

/// Figures for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearGlobalShare {
    /// The year.
    pub year: i32,
    /// Ties of that year.
    #[serde(flatten)]
    pub stats: GlobalShare,
}

/// The global networking report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GlobalNetworking {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// Tie types counted.
    pub types: Vec<String>,
    /// All selected ties of those types.
    pub overall: GlobalShare,
    /// By year.
    pub by_year: Vec<YearGlobalShare>,
}

fn share<'a>(s: &Scope, ts: impl Iterator<Item = &'a Tie>) -> GlobalShare {
    let (mut n, mut g) = (0u64, 0u64);
    for t in ts {
        n += 1;
        g += u64::from(s.net.actor(t.source).country != s.net.actor(t.target).country);
    }
    GlobalShare {
        ties: n,
        global: g,
        share: ratio(g as f64, n as f64),
    }
}

/// Compute the global networking report. Time O(ties · log + Y) for Y
/// years on the axis.
pub fn global_networking(s: &Scope, o: &GlobalOpts) -> GlobalNetworking {
    let ties: Vec<&Tie> = s.ties().filter(|t| o.types.contains(&t.kind)).collect();
    let ty = by_year(ties.iter().copied(), |t| t.year);
    GlobalNetworking {
        about: ABOUT,
        types: o.types.clone(),
        overall: share(s, ties.iter().copied()),
        by_year: s
            .years()
            .into_iter()
            .map(|y| YearGlobalShare {
                year: y,
                stats: share(s, bucket(&ty, y).iter().copied()),
            })
            .collect(),
    }
}
