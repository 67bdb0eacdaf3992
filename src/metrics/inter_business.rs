//! Inter-business connections: firm–firm links per firm ("cases /
//! companies" in the seed's R&D improvement table, 2.49 in 2004 → 2.93 in
//! 2009).
//!
//! Definitions (links with both ends `kind == firm`, any country):
//! - a firm's **cases** are its firm–firm links: one per other firm in each
//!   shared selected event or project and one per selected tie, parallel
//!   links counted. A firm in a group with f other firms has f cases from it;
//!   groups are never expanded into pairs.
//! - its **partners** are the distinct firms it has at least one link with.
//! - `avg_cases_per_firm` = Σ cases / firms, `avg_partners_per_firm` =
//!   Σ partners / firms, `share_without_firm_partner` = firms with no
//!   partner / firms, over every firm of the selection (firms with no link
//!   count as 0). Null when there are no firms.
//! - By year: the same on the links of that single year only; the
//!   denominators are still every firm of the selection.

use super::common::{Scope, UNKNOWN, bucket, by_year, ratio};
use crate::model::{Kind, Layer, SizeClass};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Firm–firm link figures over a set of firms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirmLinks {
    /// Firms in the set (the denominator).
    pub firms: u64,
    /// Σ firm–firm links at these firms (a link between two firms of the set counts at both).
    pub cases: u64,
    /// cases / firms (links per firm); null without firms.
    pub avg_cases_per_firm: Option<f64>,
    /// Σ distinct firm partners / firms; null without firms.
    pub avg_partners_per_firm: Option<f64>,
    /// Share (0–1) of the firms with no firm partner; null without firms.
    pub share_without_firm_partner: Option<f64>,
}

/// Figures for a named set of firms (a size class, a region).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedFirmLinks {
    /// Size class, size group or region; `unknown` when not given.
    pub name: String,
    /// The figures.
    #[serde(flatten)]
    pub stats: FirmLinks,
}

/// Figures on the links of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearFirmLinks {
    /// The year.
    pub year: i32,
    /// The figures (all firms of the selection as denominator).
    #[serde(flatten)]
    pub stats: FirmLinks,
}

/// The inter-business connection report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterBusiness {
    /// All firms of the selection, all selected links.
    pub overall: FirmLinks,
    /// By firm size class (`lt30` … `300+`, then `unknown`).
    pub by_size_class: Vec<NamedFirmLinks>,
    /// By size group (`small` < 50, `medium` 50–299, `large` 300+, `unknown`).
    pub by_size_group: Vec<NamedFirmLinks>,
    /// By firm region, by name, `unknown` last.
    pub by_region: Vec<NamedFirmLinks>,
    /// By year: links of that year only; denominators all firms.
    pub by_year: Vec<YearFirmLinks>,
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
            if a.kind == Kind::Firm && s.sel.keeps_kind(Kind::Firm) {
                fix[i] = firms.len() as u32;
                firms.push(i as u32);
            }
        }
        let mut groups = Vec::new();
        for layer in [Layer::Event, Layer::Project] {
            for g in s.groups(layer) {
                let fm: Vec<u32> = g
                    .members
                    .iter()
                    .map(|m| fix[m.actor as usize])
                    .filter(|&f| f != u32::MAX)
                    .collect();
                if fm.len() >= 2 {
                    groups.push((g.year, fm));
                }
            }
        }
        for t in s.ties() {
            let (a, b) = (fix[t.source as usize], fix[t.target as usize]);
            if a != u32::MAX && b != u32::MAX {
                groups.push((t.year, vec![a, b]));
            }
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

fn from_totals(firms: u64, cases: u64, partners: u64, with: u64) -> FirmLinks {
    let f = firms as f64;
    FirmLinks {
        firms,
        cases,
        avg_cases_per_firm: ratio(cases as f64, f),
        avg_partners_per_firm: ratio(partners as f64, f),
        share_without_firm_partner: ratio((firms - with) as f64, f),
    }
}

fn stats<'a>(it: impl Iterator<Item = &'a (u64, u64)>) -> FirmLinks {
    let (mut firms, mut cases, mut partners, mut alone) = (0u64, 0u64, 0u64, 0u64);
    for &(c, p) in it {
        firms += 1;
        cases += c;
        partners += p;
        alone += u64::from(p == 0);
    }
    let f = firms as f64;
    FirmLinks {
        firms,
        cases,
        avg_cases_per_firm: ratio(cases as f64, f),
        avg_partners_per_firm: ratio(partners as f64, f),
        share_without_firm_partner: ratio(alone as f64, f),
    }
}

/// Compute the inter-business connection report of a selection.
///
/// Time O(P log P + Σ_firms Σ_{groups ∋ firm} f_g + Y) for P participations,
/// f_g firms in a group and Y years on the axis (overall and the years
/// together); space O(P + firms) per thread.
pub fn inter_business(s: &Scope) -> InterBusiness {
    let fg = FirmGroups::new(s);
    let net = s.net;
    let all = fg.per_firm();
    let by = |key: &dyn Fn(u32) -> String, order: &[&str]| -> Vec<NamedFirmLinks> {
        let mut m: BTreeMap<String, Vec<(u64, u64)>> = BTreeMap::new();
        for (i, &a) in fg.firms.iter().enumerate() {
            m.entry(key(a)).or_default().push(all[i]);
        }
        let mut out: Vec<NamedFirmLinks> = Vec::new();
        for name in order {
            if let Some(v) = m.remove(*name) {
                out.push(NamedFirmLinks {
                    name: name.to_string(),
                    stats: stats(v.iter()),
                });
            }
        }
        let unknown = m.remove(UNKNOWN);
        for (name, v) in m {
            out.push(NamedFirmLinks {
                name,
                stats: stats(v.iter()),
            });
        }
        if let Some(v) = unknown {
            out.push(NamedFirmLinks {
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
    let by_year = s
        .years()
        .into_iter()
        .map(|y| {
            let (c, p, w) = fg.totals(bucket(&years, y), &mut stamp, &mut epoch);
            YearFirmLinks {
                year: y,
                stats: from_totals(firms, c, p, w),
            }
        })
        .collect();
    InterBusiness {
        overall: stats(all.iter()),
        by_size_class,
        by_size_group,
        by_region,
        by_year,
    }
}
