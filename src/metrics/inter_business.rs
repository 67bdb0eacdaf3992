//! Inter-business connections per company: the KICOX report's "Average
//! number of inter-business connection (cases / companies)" (2.49 in 2004 →
//! 2.93 in 2009, table "[R&D Improvement of Industrial Clusters]").
//!
//! Definitions (records fixed by the definition; `--layers` and `--kinds`
//! do not apply, `--years` clips the year axis):
//! - records: the ties of a **business** type (`purchase`, `sales`,
//!   `supply`, `mentoring`, see [`crate::model::tie_types`]) whose two ends
//!   are firms (any country). I-U-I collaboration ties, events and
//!   projects never enter.
//! - a firm's **cases** are its business ties: a tie counts once at each of
//!   its two firms (one connection each), parallel ties counted.
//! - its **partners** are the distinct firms it has at least one such tie with.
//! - `avg_cases_per_firm` = Σ cases / all firms of the dataset (firms with
//!   no tie count as 0); `avg_cases_per_participating_firm` = Σ cases /
//!   participating firms (firms with an event participation, project
//!   membership or tie in the period, see
//!   [`super::common::Participation`]); `avg_partners_per_firm` =
//!   Σ partners / firms; `share_without_firm_partner` = firms with no
//!   partner / firms. Null when the denominator is 0.
//! - By year: the same on the ties of that single year; `firms` stays every
//!   firm, `participating_firms` are those of that year.

use super::common::{About, InYear, Named, Participation, Scope, UNKNOWN, bucket, by_year, ratio};
use crate::model::tie_types::{TieClass, classify};
use crate::model::{ActorIx, Kind, SizeClass, Tie};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Firm–firm link figures over a set of firms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirmLinks {
    /// Firms in the set (the all-firms denominator).
    pub firms: u64,
    /// Of those, firms participating in the period (the participating-firms denominator).
    pub participating_firms: u64,
    /// Σ business ties at these firms (a tie between two firms of the set counts at both).
    pub cases: u64,
    /// cases / firms (connections per firm); null without firms.
    pub avg_cases_per_firm: Option<f64>,
    /// cases / participating_firms; null without participating firms.
    pub avg_cases_per_participating_firm: Option<f64>,
    /// Σ distinct firm partners / firms; null without firms.
    pub avg_partners_per_firm: Option<f64>,
    /// Share (0–1) of the firms with no firm partner; null without firms.
    pub share_without_firm_partner: Option<f64>,
}

/// The inter-business connection report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterBusiness {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// All firms, all business ties of the selected years.
    pub overall: FirmLinks,
    /// By firm size class (`lt30` … `300+`, then `unknown`).
    pub by_size_class: Vec<Named<FirmLinks>>,
    /// By size group (`small` < 50, `medium` 50–299, `large` 300+, `unknown`).
    pub by_size_group: Vec<Named<FirmLinks>>,
    /// By firm region, by name, `unknown` last.
    pub by_region: Vec<Named<FirmLinks>>,
    /// By year: ties of that year only; `firms` all firms, participating firms of that year.
    pub by_year: Vec<InYear<FirmLinks>>,
}

/// The firms of a selection and the selected groups (incl. ties as groups of
/// two) restricted to their firm members.
struct FirmGroups {
    /// Firm index → actor index.
    firms: Vec<u32>,
    /// Per group: its year and its firm members (firm indices), ≥ 2 of them.
    groups: Vec<(Option<i32>, Vec<u32>)>,
    /// Firm → groups it is in (ascending).
    of_firm: Vec<Vec<u32>>,
}

impl FirmGroups {
    fn new(s: &Scope) -> FirmGroups {
        let net = s.net;
        let mut fix = vec![u32::MAX; net.actors.len()];
        let mut firms = Vec::new();
        for (i, a) in net.actors.iter().enumerate() {
            if a.kind == Kind::Firm {
                fix[i] = firms.len() as u32;
                firms.push(i as u32);
            }
        }
        let mut groups = Vec::new();
        for t in s.ties().filter(|t| is_business_case(s, t)) {
            let (a, b) = (fix[t.source as usize], fix[t.target as usize]);
            groups.push((t.year, vec![a, b]));
        }
        let mut of_firm = vec![Vec::new(); firms.len()];
        for (gi, (_, m)) in groups.iter().enumerate() {
            for &f in m {
                of_firm[f as usize].push(gi as u32);
            }
        }
        FirmGroups {
            firms,
            groups,
            of_firm,
        }
    }

    /// (cases, partners) of every firm on all groups.
    ///
    /// Time Σ over firms of the firm sizes of their groups; O(firms) scratch
    /// per thread (a stamp array), no pair list.
    fn per_firm(&self) -> Vec<(u64, u64)> {
        let n = self.firms.len();
        (0..n)
            .into_par_iter()
            .map_init(
                || vec![u32::MAX; n],
                |stamp, f| {
                    let mut cases = 0u64;
                    let mut partners = 0u64;
                    for &gi in &self.of_firm[f] {
                        let (_, m) = &self.groups[gi as usize];
                        cases += m.len() as u64 - 1;
                        for &o in m {
                            if o as usize != f && stamp[o as usize] != f as u32 {
                                stamp[o as usize] = f as u32;
                                partners += 1;
                            }
                        }
                    }
                    (cases, partners)
                },
            )
            .collect()
    }

    /// Totals (cases, Σ partners, firms with a partner) on the groups `gis`
    /// only. Time O(M log M + Σ_firms Σ_groups f_g) for the M firm
    /// memberships of those groups; `stamp` (one slot per firm) and `epoch`
    /// are reused across calls, so a year costs nothing beyond its groups.
    fn totals(&self, gis: &[u32], stamp: &mut [u64], epoch: &mut u64) -> (u64, u64, u64) {
        let mut fg: Vec<(u32, u32)> = gis
            .iter()
            .flat_map(|&gi| self.groups[gi as usize].1.iter().map(move |&f| (f, gi)))
            .collect();
        fg.sort_unstable();
        let (mut cases, mut partners, mut with) = (0u64, 0u64, 0u64);
        for run in fg.chunk_by(|a, b| a.0 == b.0) {
            let f = run[0].0;
            *epoch += 1;
            let mut p = 0u64;
            for &(_, gi) in run {
                let m = &self.groups[gi as usize].1;
                cases += m.len() as u64 - 1;
                for &o in m {
                    if o != f && stamp[o as usize] != *epoch {
                        stamp[o as usize] = *epoch;
                        p += 1;
                    }
                }
            }
            partners += p;
            with += u64::from(p > 0);
        }
        (cases, partners, with)
    }
}

/// Whether a tie is an inter-business connection: a business type
/// ([`crate::model::tie_types::BUSINESS`]) between two firms.
pub fn is_business_case(s: &Scope, t: &Tie) -> bool {
    let firm = |a: ActorIx| s.net.actor(a).kind == Kind::Firm;
    classify(&t.kind) == TieClass::Business && firm(t.source) && firm(t.target)
}

/// Per firm of the scope, in actor order: (the firm, its cases, its
/// partners), as the section counts them (cases: its business ties, each
/// parallel tie counted; partners: distinct firms it has such a tie with).
/// Time as [`inter_business`] without the breakdowns.
pub fn per_firm(s: &Scope) -> Vec<(ActorIx, u64, u64)> {
    let fg = FirmGroups::new(s);
    fg.per_firm()
        .into_iter()
        .zip(&fg.firms)
        .map(|((c, p), &a)| (a, c, p))
        .collect()
}

fn from_totals(firms: u64, active: u64, cases: u64, partners: u64, with: u64) -> FirmLinks {
    let f = firms as f64;
    FirmLinks {
        firms,
        participating_firms: active,
        cases,
        avg_cases_per_firm: ratio(cases as f64, f),
        avg_cases_per_participating_firm: ratio(cases as f64, active as f64),
        avg_partners_per_firm: ratio(partners as f64, f),
        share_without_firm_partner: ratio((firms - with) as f64, f),
    }
}

fn stats<'a>(it: impl Iterator<Item = &'a (u64, u64, bool)>) -> FirmLinks {
    let (mut firms, mut cases, mut partners, mut alone) = (0u64, 0u64, 0u64, 0u64);
    let mut active = 0u64;
    for &(c, p, act) in it {
        firms += 1;
        active += u64::from(act);
        cases += c;
        partners += p;
        alone += u64::from(p == 0);
    }
    let f = firms as f64;
    FirmLinks {
        firms,
        participating_firms: active,
        cases,
        avg_cases_per_firm: ratio(cases as f64, f),
        avg_cases_per_participating_firm: ratio(cases as f64, active as f64),
        avg_partners_per_firm: ratio(partners as f64, f),
        share_without_firm_partner: ratio(alone as f64, f),
    }
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "inter-business connections per company: each firm-firm tie of a business type (purchase, sales, supply, mentoring) counts as one connection at each of its two firms",
    records: "ties.csv rows of a business type with two firm ends, of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "avg_cases_per_firm: every firm of the dataset (as the KICOX report's figure); avg_cases_per_participating_firm: firms with an event, project or tie in the period",
};

/// Compute the inter-business connection report of a selection.
///
/// Time O(P log P + Σ_firms Σ_{groups ∋ firm} f_g + Y) for P participations,
/// f_g firms in a group and Y years on the axis (overall and the years
/// together); space O(P + firms) per thread.
pub fn inter_business(s: &Scope) -> InterBusiness {
    let fg = FirmGroups::new(s);
    let net = s.net;
    let part = Participation::new(s);
    let all: Vec<(u64, u64, bool)> = fg
        .per_firm()
        .into_iter()
        .zip(&fg.firms)
        .map(|((c, p), &a)| (c, p, part.active[a as usize]))
        .collect();
    let by = |key: &dyn Fn(u32) -> String, order: &[&str]| -> Vec<Named<FirmLinks>> {
        let mut m: BTreeMap<String, Vec<(u64, u64, bool)>> = BTreeMap::new();
        for (i, &a) in fg.firms.iter().enumerate() {
            m.entry(key(a)).or_default().push(all[i]);
        }
        let mut out: Vec<Named<FirmLinks>> = Vec::new();
        for name in order {
            if let Some(v) = m.remove(*name) {
                out.push(Named {
                    name: name.to_string(),
                    stats: stats(v.iter()),
                });
            }
        }
        let unknown = m.remove(UNKNOWN);
        for (name, v) in m {
            out.push(Named {
                name,
                stats: stats(v.iter()),
            });
        }
        if let Some(v) = unknown {
            out.push(Named {
                name: UNKNOWN.into(),
                stats: stats(v.iter()),
            });
        }
        out
    };
    let classes: Vec<&str> = SizeClass::ALL.iter().map(|c| c.as_str()).collect();
    let by_size_class = by(
        &|a| {
            net.actor(a)
                .size_class
                .map_or(UNKNOWN.into(), |c| c.to_string())
        },
        &classes,
    );
    let by_size_group = by(
        &|a| {
            net.actor(a)
                .size_class
                .map_or(UNKNOWN.into(), |c| c.group().as_str().to_string())
        },
        &["small", "medium", "large"],
    );
    let by_region = by(
        &|a| {
            net.actor(a)
                .region
                .clone()
                .unwrap_or_else(|| UNKNOWN.into())
        },
        &[],
    );
    let years = by_year(0..fg.groups.len() as u32, |&gi| fg.groups[gi as usize].0);
    let mut stamp = vec![0u64; fg.firms.len()];
    let mut epoch = 0u64;
    let firms = fg.firms.len() as u64;
    let by_year = s.per_year(|y| {
        let (c, p, w) = fg.totals(bucket(&years, y), &mut stamp, &mut epoch);
        from_totals(firms, part.year(y), c, p, w)
    });
    InterBusiness {
        about: ABOUT,
        overall: stats(all.iter()),
        by_size_class,
        by_size_group,
        by_region,
        by_year,
    }
}
