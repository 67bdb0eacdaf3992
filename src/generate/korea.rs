//! The `korea-iccp` preset: the 2005–2009 Industrial Complex Cluster Program.
//!
//! Year by year (2005 first, each year built on the years before):
//! 1. **Mini clusters**: the active MCs of the year (49 in 2005–2007 on the
//!    7 pilot hubs, 53 in 2008 and 55 in 2009 with the 5 complexes added in
//!    2008) each get an exact number of members (the year's total split by a
//!    fixed per-MC weight), taken as a prefix of the MC's candidate list —
//!    its home firms, affiliated universities/institutes/agencies and a
//!    minority of outsiders, in a weighted random order fixed once — so
//!    membership is nested from year to year.
//! 2. **Events**: the year's events and participations are split between MC
//!    events (members of one MC, every member at least once) and complex-,
//!    region- and nation-wide events without an MC; sizes heavy tailed
//!    (Pareto weights), at most 500.
//! 3. **Projects**: the year's consortia, types in the KICOX report's exact counts;
//!    a lead firm from an active MC, partners by triadic closure (a partner
//!    of a partner in the network of earlier years) or else preferential
//!    attachment within the pan region; exactly the KICOX report's number of
//!    large-firm–SME projects.
//! 4. **Ties**: last year's firm–firm ties survive with probability 0.9;
//!    new ones (triadic closure, else preferential attachment) fill each
//!    category to the year's exact count: inter-business connections per firm
//!    and the foreign share of purchase/sales ties.
//!
//! Scale F ≥ 1.5 runs round(F) independent copies of all this at scale
//! F / round(F) and merges them (actors appended, mini clusters of copy c ≥ 1
//! suffixed `~<c+1>`, groups and ties renumbered per year), so that the
//! per-actor structure of scale 1 is kept while the totals grow linearly;
//! 2 % of the business-tie pairs then exchange partners across copies,
//! which links the copies without changing any actor's ties
//! ([`exchange_across_copies`]).
//!
//! Time O(participations + project memberships + ties) expected; memory
//! the records themselves.

use super::GenOpts;
use super::skeleton::Skeleton;
use crate::error::{Error, Result};
use crate::model::{
    Actor, ActorIx, ActorYear, Group, Kind, Layer, Member, Network, Role, SizeClass, Sources, Tie,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

const NY: usize = 5;
const Y0: i32 = 2005;

// ---- calibration targets, seed chapter III (see README "The default dataset")
/// MC members, first and fifth year ("[Changes of Mini Clusters]" text).
const MEMBERS: [f64; 2] = [2706.0, 5413.0];
/// Networking activities ("Industry-University-Institute Networking").
const EVENTS: [f64; 2] = [2020.0, 7511.0];
/// Participants of networking activities.
const PARTICIPATIONS: [f64; 2] = [23188.0, 65056.0];
/// Average inter-business connections per firm ("[R&D Improvement of Industrial Clusters]").
const IBC: [f64; 2] = [2.49, 2.93];
/// Global share of purchase/sales networking (same table).
const GLOBAL: [f64; 2] = [0.277, 0.306];
/// R&D support cases per year ("[Application Status by Project Type]"): spreads the 900 projects.
const RND_CASES: [f64; NY] = [172.0, 177.0, 132.0, 211.0, 230.0];
/// "[Status of R&D Consortium Project Performance Types]".
const CONSORTIA: [(Consortium, f64); 7] = [
    (Consortium::Single, 31.0),
    (Consortium::II, 128.0),
    (Consortium::IR, 169.0),
    (Consortium::IU, 450.0),
    (Consortium::IIR, 30.0),
    (Consortium::IIU, 82.0),
    (Consortium::IUR, 10.0),
];
/// "[Status of R&D Projects with Large Companies]".
const LARGE_SME: [f64; NY] = [6.0, 5.0, 15.0, 17.0, 14.0];
/// Companies supported, by size group (< 50, 50–299, 300+ employees):
/// "[Numbers of Project Application by Company Size]", Companies row
/// (1,571 / 356 / 41 of 1,968 = 79.8% / 18.1% / 2.1%).
const COMPANIES: [f64; 3] = [1571.0, 356.0, 41.0];
/// Support cases by size class ("[Support results by company size]":
/// 5,061 / 1,140 / 961 / 836 / 236): only used to split a size group of
/// [`COMPANIES`] into the classes < 30 / 30–49 and 50–99 / 100–299.
const CASES: [f64; 5] = [5061.0, 1140.0, 961.0, 836.0, 236.0];
/// Cases of industry-university-institute collaboration per participating
/// company ("[R&D Improvement of Industrial Clusters]": 2.2 → 4.8), first and
/// fifth year.
const IUI: [f64; 2] = [2.2, 4.8];
/// Patents and certifications per company, 2004 and 2009 (same table).
const PATENTS: [f64; 2] = [9.1, 12.6];
/// R&D funding per company, thousand dollars, 2004 and 2009 (same table).
const RND_FUNDING: [f64; 2] = [282.8, 582.6];
/// The report's pre-programme baseline year of those two rows.
const BASELINE_YEAR: i32 = 2004;
/// "[Pool of Experts on Industry-University-Institute]": university,
/// institute, supporting organisation, others.
const EXPERTS: [f64; 4] = [1695.0, 420.0, 365.0, 877.0];
/// Experts per organisation (a modelling choice: ~15).
const EXPERTS_PER_ORG: f64 = 15.0;

/// MCs of the pilot hubs kept from 2008 ("[Status of Mini Clusters in Each
/// Complex]" counts; capped by the MCs the 2010 list has for the hub).
const PILOT_KEEP: [(&str, usize); 7] = [
    ("Changwon", 5),
    ("Gumi", 6),
    ("Ulsan-Onsan", 4),
    ("Banwol-Sihwa", 7),
    ("High-tech Gwangju", 5),
    ("Gunsan", 4),
    ("Wonju", 4),
];
/// MCs of the complexes added in 2008, in 2008 (same table); all of the
/// hub's listed MCs from 2009.
const ADDED_2008: [(&str, usize); 5] = [
    ("Namdong", 5),
    ("Ochang Science", 3),
    ("Seongseo", 4),
    ("Noksan", 4),
    ("Daebul", 3),
];
/// MCs listed in 2010 under non-programme hubs of a pilot region that stand in
/// for pilot MCs the 2010 list no longer has (2005–2007, sponsor pilot hub).
const BORROWED: [(&str, &str); 7] = [
    ("mc-mnm", "Banwol-Sihwa"),
    ("mc-cm", "Changwon"),
    ("mc-mnf", "Changwon"),
    ("mc-smartcar", "Gumi"),
    ("mc-i2m", "Gumi"),
    ("mc-ane", "Gunsan"),
    ("mc-gangwoncomi", "Wonju"),
];

// ---- modelling choices
/// Programme firms (home MC) per MC member of the busiest year, scale 1.
const PROGRAMME_FIRMS: f64 = 6000.0;
const OTHER_DOMESTIC_FIRMS: f64 = 900.0;
const FOREIGN_FIRMS: f64 = 600.0;
const FOREIGN: [(&str, f64); 8] = [
    ("JP", 0.30),
    ("CN", 0.30),
    ("US", 0.14),
    ("DE", 0.08),
    ("TW", 0.07),
    ("VN", 0.05),
    ("IN", 0.03),
    ("TH", 0.03),
];
/// Share of a year's events without an MC (complex/region/nation-wide).
const OPEN_EVENT_SHARE: f64 = 0.10;
/// Share of a year's participations in events without an MC.
const OPEN_PART_SHARE: f64 = 0.22;
const MC_EVENT_TYPES: [(&str, f64); 5] = [
    ("technology seminar", 0.30),
    ("SIG meeting", 0.30),
    ("company visit", 0.20),
    ("joint seminar", 0.15),
    ("forum", 0.05),
];
const OPEN_EVENT_TYPES: [(&str, f64); 3] = [
    ("forum", 0.35),
    ("policy briefing", 0.40),
    ("joint seminar", 0.25),
];
const MAX_EVENT: usize = 500;
/// Pareto exponent of an actor's event activity weight.
const ACT_ALPHA: f64 = 1.15;
/// Pareto exponents of the event size weights: MC events, open events.
const MC_SIZE_ALPHA: f64 = 2.2;
/// Outsiders in an MC's candidate list, per member of its busiest year.
const OUTSIDERS: f64 = 0.3;
const OPEN_SIZE_ALPHA: f64 = 2.5;
/// Probability of choosing a partner by triadic closure.
const CLOSURE: f64 = 0.8;
/// Probability of choosing a new tie partner by triadic closure.
const TIE_CLOSURE: f64 = 0.85;
/// Share of a year's new ties that go to the most embedded firm pairs.
const STRONG_CLOSURE: f64 = 0.15;
const TIE_SURVIVAL: f64 = 0.9;
const MENTORING_SHARE: f64 = 0.06;
/// Most events an organisation attends in a year.
pub const EVENT_CAP_ORG: u32 = 150;
/// Most events a firm attends in a year.
pub const EVENT_CAP_FIRM: u32 = 60;
/// Most I-U-I collaboration ties of one organisation in a year.
pub const IUI_CAP_ORG: u32 = 800;
/// Most I-U-I collaboration ties of one firm in a year.
pub const IUI_CAP_FIRM: u32 = 40;
/// Share of a year's new domestic trade ties that hang on a supply hub
/// (one end drawn by size, the other an SME of its region).
const HUB_SHARE: f64 = 0.8;
/// Probability that last year's I-U-I pair collaborates again.
const IUI_REPEAT: f64 = 0.55;
/// Probability that a firm's new I-U-I partner is one its business partners
/// already collaborate with (in its pan region), when there is one.
const IUI_PARTNER_ORG: f64 = 0.9;
const IUI_TYPES: [(&str, f64); 4] = [
    ("joint_research", 0.35),
    ("technology_transfer", 0.15),
    ("technical_guidance", 0.30),
    ("consulting", 0.20),
];

/// Share of supply ties among a year's domestic trade ties (purchase, sales
/// and supply; foreign trade ties are purchase or sales).
const SUPPLY_SHARE: f64 = 0.30;

/// Splits a year's `trade` ties into (foreign purchase/sales, domestic
/// purchase/sales, domestic supply) so that the foreign share of the
/// purchase/sales ties — the report's "Weight of global networking related
/// to purchase and sales", which the `global` metric computes over purchase
/// and sales ties only — is as close to `share` as whole ties allow, with
/// about [`SUPPLY_SHARE`] of the domestic ties being supply ties.
fn trade_split(trade: usize, share: f64) -> (usize, usize, usize) {
    let split = |foreign: usize| {
        let domestic = trade - foreign;
        let supply = (SUPPLY_SHARE * domestic as f64).round() as usize;
        (foreign, domestic - supply, supply)
    };
    let error = |(f, d, _): (usize, usize, usize)| {
        if f + d == 0 {
            f64::INFINITY
        } else {
            (f as f64 / (f + d) as f64 - share).abs()
        }
    };
    // The share grows with `foreign`, so the best split is next to the
    // continuous solution f = share·(1 − s)·T / (1 − share·s).
    let guess = share * (1.0 - SUPPLY_SHARE) * trade as f64 / (1.0 - share * SUPPLY_SHARE);
    let lo = (guess.floor() as usize).saturating_sub(2);
    let hi = (guess.ceil() as usize + 2).min(trade);
    (lo..=hi)
        .map(split)
        .min_by(|a, b| error(*a).total_cmp(&error(*b)))
        .unwrap_or_else(|| split(0))
}

/// Size-class shares of firms: the company counts of the three size groups,
/// each group split into its classes in the proportion of its support cases.
fn size_shares() -> [f64; 5] {
    let c = COMPANIES;
    let k = CASES;
    [
        c[0] * k[0] / (k[0] + k[1]),
        c[0] * k[1] / (k[0] + k[1]),
        c[1] * k[2] / (k[2] + k[3]),
        c[1] * k[3] / (k[2] + k[3]),
        c[2],
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
enum Consortium {
    Single,
    II,
    IR,
    IU,
    IIR,
    IIU,
    IUR,
}

impl Consortium {
    fn label(self) -> &'static str {
        match self {
            Consortium::Single => "single",
            Consortium::II => "industry-industry",
            Consortium::IR => "industry-institute",
            Consortium::IU => "industry-university",
            Consortium::IIR => "industry-industry-institute",
            Consortium::IIU => "industry-industry-university",
            Consortium::IUR => "industry-university-institute",
        }
    }
    fn multi_firm(self) -> bool {
        matches!(self, Consortium::II | Consortium::IIR | Consortium::IIU)
    }
}

fn lerp(a: [f64; 2], k: usize) -> f64 {
    a[0] + (a[1] - a[0]) * k as f64 / (NY - 1) as f64
}

/// Largest-remainder apportionment of `total` over `weights` (ties by index).
fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let given: usize = out.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = exact[a] - exact[a].floor();
        let fb = exact[b] - exact[b].floor();
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for &i in order.iter().take(total.saturating_sub(given)) {
        out[i] += 1;
    }
    out
}

fn scaled(x: f64, scale: f64) -> usize {
    (x * scale).round().max(0.0) as usize
}

/// Pareto(α) with minimum 1.
fn pareto(rng: &mut ChaCha8Rng, alpha: f64) -> f64 {
    (1.0 - rng.random::<f64>()).powf(-1.0 / alpha)
}

fn pick_weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|x| x.1).sum();
    let mut x = rng.random::<f64>() * total;
    for &(t, w) in items {
        if x < w {
            return t;
        }
        x -= w;
    }
    items[items.len() - 1].0
}

fn cumulative(ws: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut acc = 0.0;
    ws.map(|w| {
        acc += w;
        acc
    })
    .collect()
}

fn pick_cum(rng: &mut ChaCha8Rng, cum: &[f64]) -> usize {
    let total = cum.last().copied().unwrap_or(0.0);
    let x = rng.random::<f64>() * total;
    cum.partition_point(|&c| c <= x)
        .min(cum.len().saturating_sub(1))
}

/// Sizes of events with per-event caps summing to `p` (clamped to what the
/// caps allow): each at least min(2, cap), the rest spread by Pareto weights.
fn event_sizes(rng: &mut ChaCha8Rng, caps: &[usize], p: usize, alpha: f64) -> Vec<usize> {
    let mins: Vec<usize> = caps.iter().map(|&c| c.min(2)).collect();
    let lo: usize = mins.iter().sum();
    let hi: usize = caps.iter().sum();
    let p = p.clamp(lo, hi);
    let rem = p - lo;
    let w: Vec<f64> = caps.iter().map(|_| pareto(rng, alpha)).collect();
    let wsum: f64 = w.iter().sum();
    let mut sizes: Vec<usize> = mins.clone();
    let mut given = 0;
    for i in 0..caps.len() {
        let add = ((rem as f64 * w[i] / wsum).floor() as usize).min(caps[i] - mins[i]);
        sizes[i] += add;
        given += add;
    }
    let mut left = rem - given;
    if !caps.is_empty() {
        let mut i = rng.random_range(0..caps.len());
        while left > 0 {
            if sizes[i] < caps[i] {
                sizes[i] += 1;
                left -= 1;
            }
            i = (i + 1) % caps.len();
        }
    }
    sizes
}

/// Add `k` distinct candidates not yet stamped with `tag` to `out`, drawn
/// with probability ∝ weight (`cum` is the cumulative weight of `cands`),
/// skipping candidates whose count `evn` has reached their `cap`; if too
/// few are left, capped candidates fill the rest (the yearly totals come
/// first; the caps are checked by the tests).
#[allow(clippy::too_many_arguments)]
fn sample_distinct(
    rng: &mut ChaCha8Rng,
    cands: &[u32],
    cum: &[f64],
    k: usize,
    stamp: &mut [u32],
    tag: u32,
    evn: &[u32],
    cap: &[u32],
    out: &mut Vec<u32>,
) {
    if k == 0 {
        return;
    }
    let open = |a: u32| evn[a as usize] < cap[a as usize];
    let free = cands
        .iter()
        .filter(|&&a| stamp[a as usize] != tag && open(a))
        .count();
    if free < k {
        let before = out.len();
        sample_distinct(rng, cands, cum, free, stamp, tag, evn, cap, out);
        let full: Vec<u32> = cands
            .iter()
            .copied()
            .filter(|&a| stamp[a as usize] != tag)
            .take(k - (out.len() - before))
            .collect();
        for a in full {
            stamp[a as usize] = tag;
            out.push(a);
        }
        return;
    }
    if (k as f64) > 0.5 * free as f64 {
        // Efraimidis–Spirakis: keys ln(u)/w, take the k largest.
        let mut keyed: Vec<(f64, u32)> = cands
            .iter()
            .enumerate()
            .filter(|(_, a)| stamp[**a as usize] != tag && open(**a))
            .map(|(i, &a)| {
                let w = cum[i] - if i == 0 { 0.0 } else { cum[i - 1] };
                let u: f64 = 1.0 - rng.random::<f64>();
                (u.ln() / w.max(1e-12), a)
            })
            .collect();
        keyed.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, a) in keyed.iter().take(k) {
            stamp[a as usize] = tag;
            out.push(a);
        }
        return;
    }
    // Rejection: pick_cum's draws until k open candidates are in. Most
    // draws can be rejections (the heavy weights sit on candidates that are
    // full or taken), so a draw is tested against the open candidates only:
    // position i takes the draws x with cum[i-1] ≤ x < cum[i] (the first
    // from 0, the last up to any x, as `pick_cum` clamps), so x picks an
    // open candidate iff it lies in one of their intervals, found by a
    // binary search over these few. The candidate picked, and the draws
    // made, are those of `pick_cum`.
    let n = cands.len();
    let total = cum.last().copied().unwrap_or(0.0);
    // (lower end, upper end, position) of the open candidates' intervals
    let mut open_iv: Vec<(f64, f64, usize)> = cands
        .iter()
        .enumerate()
        .filter(|&(_, &a)| stamp[a as usize] != tag && open(a))
        .map(|(i, _)| {
            let lo = if i == 0 {
                f64::NEG_INFINITY
            } else {
                cum[i - 1]
            };
            let hi = if i + 1 == n { f64::INFINITY } else { cum[i] };
            (lo, hi, i)
        })
        .filter(|&(lo, hi, _)| lo < hi)
        .collect();
    // Buckets of [0, total]: x goes to bucket `slot(x)`, monotone in x, so
    // an interval [lo, hi) can only send draws to slot(lo)..=slot(hi); a
    // draw in a bucket no open interval reaches is rejected at once.
    let nb = 8 * n + 64;
    let slot = |x: f64| (((x / total) * nb as f64) as usize).min(nb - 1);
    let mut reach = vec![false; nb];
    for &(lo, hi, _) in &open_iv {
        let from = if lo > 0.0 { slot(lo) } else { 0 };
        let to = if hi.is_finite() { slot(hi) } else { nb - 1 };
        reach[from..=to].iter_mut().for_each(|r| *r = true);
    }
    // distinct actors still open: `free` counts positions, and an actor
    // listed twice would leave the loop below waiting for a k-th actor
    // that is not there
    let mut left = {
        let mut ids: Vec<u32> = open_iv.iter().map(|iv| cands[iv.2]).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let mut got = 0;
    while got < k && left > 0 {
        let x = rng.random::<f64>() * total;
        if !reach[slot(x)] {
            continue;
        }
        let j = open_iv.partition_point(|iv| iv.0 <= x);
        if j == 0 || x >= open_iv[j - 1].1 {
            continue;
        }
        let a = cands[open_iv[j - 1].2];
        // taken from now on (also at another position, if listed twice)
        open_iv.remove(j - 1);
        if stamp[a as usize] != tag {
            stamp[a as usize] = tag;
            out.push(a);
            got += 1;
            left -= 1;
        }
    }
    // as when fewer are open: capped candidates fill the rest
    let full: Vec<u32> = cands
        .iter()
        .copied()
        .filter(|&a| stamp[a as usize] != tag)
        .take(k - got)
        .collect();
    for a in full {
        stamp[a as usize] = tag;
        out.push(a);
    }
}

/// A mini cluster as the generator runs it.
struct McPlan {
    id: String,
    region: usize,
    /// The complex it is listed under (first programme hub, else first hub).
    own_hub: usize,
    /// The programme hub that runs it.
    sponsor: usize,
    active: [bool; NY],
    /// Where its members go when it stops (2008).
    succ: Option<usize>,
    weight: f64,
}

/// An actor under construction.
struct Ag {
    kind: Kind,
    employees: Option<u64>,
    region: Option<usize>,
    complex: Option<usize>,
    country: &'static str,
    act: f64,
    /// Home MC of programme firms.
    home: Option<usize>,
    name: String,
    /// First year the actor may take part in the programme's events,
    /// projects and I-U-I collaborations.
    since: i32,
}

impl Ag {
    fn large(&self) -> bool {
        self.employees.is_some_and(|e| e >= 300)
    }
    fn domestic_firm(&self) -> bool {
        self.kind == Kind::Firm && self.country == "KR"
    }
}

const FIRM_WORDS: [&str; 24] = [
    "Hanbit", "Daeil", "Sejin", "Dongyang", "Samhwa", "Kumho", "Woojin", "Jinsung", "Taeyang",
    "Hyundo", "Seoyoung", "Kukje", "Shinil", "Daewon", "Haesung", "Mirae", "Nara", "Boram",
    "Chungang", "Iljin", "Gaon", "Saeron", "Yujin", "Dasan",
];
const FIRM_TRADES: [&str; 12] = [
    "Precision",
    "Electronics",
    "Machinery",
    "Materials",
    "Photonics",
    "Medical",
    "Motors",
    "Tech",
    "Industrial",
    "Systems",
    "Metal",
    "Chemical",
];
const FOREIGN_WORDS: [&str; 8] = [
    "Pacific", "Orient", "Global", "United", "Northern", "Summit", "Delta", "Apex",
];

/// Make every actor name unique: the second actor with a name gets
/// " 2" appended, the third " 3", and so on (skipping suffixed names that
/// are already taken).
fn unique_names(ag: &mut [Ag]) {
    let mut taken: HashSet<String> = ag.iter().map(|a| a.name.clone()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    // the next suffix to try per repeated name: "B n" can only be taken by
    // an original name or by an earlier repeat of B, whose suffixes rise,
    // so resuming after the last one gives the smallest free suffix without
    // rescanning (rescanning made the scale-100 dataset quadratic)
    let mut next: HashMap<String, u64> = HashMap::new();
    for a in ag.iter_mut() {
        if seen.insert(a.name.clone()) {
            continue;
        }
        let mut n = next.get(&a.name).copied().unwrap_or(2);
        let name = loop {
            let c = format!("{} {n}", a.name);
            if !taken.contains(&c) {
                break c;
            }
            n += 1;
        };
        next.insert(a.name.clone(), n + 1);
        taken.insert(name.clone());
        seen.insert(name.clone());
        a.name = name;
    }
}

/// Generate the korea-iccp dataset.
pub fn korea_iccp(opts: &GenOpts) -> Result<Network> {
    korea_iccp_with_progress(opts, &mut |_, _| {})
}

/// Generate the korea-iccp dataset, calling `progress(done, total)` as work
/// advances (units: events, projects and ties generated).
pub fn korea_iccp_with_progress(
    opts: &GenOpts,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Network> {
    if !(opts.scale.is_finite() && opts.scale > 0.0 && opts.scale <= 1000.0) {
        return Err(Error::Usage(format!(
            "--scale {}: expected a number > 0 and ≤ 1000",
            opts.scale
        )));
    }
    if !(opts.hub_exponent.is_finite() && (0.0..=3.0).contains(&opts.hub_exponent)) {
        return Err(Error::Usage(format!(
            "--hub-exponent {}: expected a number from 0 to 3",
            opts.hub_exponent
        )));
    }
    if !(1..=20).contains(&opts.iui_home_orgs) {
        return Err(Error::Usage(format!(
            "--iui-home-orgs {}: expected a whole number from 1 to 20",
            opts.iui_home_orgs
        )));
    }
    if opts.years.from < super::YEARS.from || opts.years.to > super::YEARS.to {
        return Err(Error::Usage(format!(
            "--years {}: the korea-iccp preset is calibrated for {} only",
            opts.years,
            super::YEARS
        )));
    }
    let sk = Skeleton::load()?;
    let copies = copies(opts.scale);
    if copies == 1 {
        return Gen::new(opts, sk).run(progress);
    }
    // Scale F ≥ 1.5: `copies` independent programmes of scale F / copies
    // (≈ 1), so mini clusters, events and partners per actor keep their
    // scale-1 sizes while the totals grow linearly.
    let mut base: Option<Gen> = None;
    let mut events: Vec<Group> = Vec::new();
    let mut projects: Vec<Group> = Vec::new();
    let mut ties: Vec<Tie> = Vec::new();
    let mut years_rows: Vec<ActorYear> = Vec::new();
    // end of each copy's ties in `ties`
    let mut copy_ends: Vec<usize> = Vec::with_capacity(copies);
    for c in 0..copies {
        let sub = GenOpts {
            scale: opts.scale / copies as f64,
            seed: copy_seed(opts.seed, c),
            ..*opts
        };
        let mut g = Gen::new(&sub, sk.clone());
        let n = copies as u64;
        g.simulate(&mut |d, t| progress(c as u64 * t + d, n * t))?;
        let offset = base.as_ref().map_or(0, |b| b.ag.len()) as u32;
        let suffix = copy_suffix(c);
        for mut gr in std::mem::take(&mut g.groups) {
            for m in &mut gr.members {
                m.actor += offset as ActorIx;
                if let Some(mc) = &mut m.mini_cluster {
                    mc.push_str(&suffix);
                }
            }
            if gr.layer == Layer::Event {
                events.push(gr);
            } else {
                projects.push(gr);
            }
        }
        for mut t in std::mem::take(&mut g.ties) {
            t.source += offset as ActorIx;
            t.target += offset as ActorIx;
            ties.push(t);
        }
        copy_ends.push(ties.len());
        for mut r in std::mem::take(&mut g.years_rows) {
            r.actor += offset as ActorIx;
            years_rows.push(r);
        }
        match &mut base {
            None => base = Some(g),
            Some(b) => b.ag.append(&mut g.ag),
        }
        if c == 0 {
            // the other copies are about as large: grow once, not by doubling
            let more = copies - 1;
            events.reserve(events.len() * more);
            projects.reserve(projects.len() * more);
            ties.reserve(ties.len() * more);
            years_rows.reserve(years_rows.len() * more);
            if let Some(b) = &mut base {
                b.ag.reserve(b.ag.len() * more);
            }
        }
    }
    let Some(mut base) = base else {
        return Err(Error::Usage("--scale: no copies to generate".into()));
    };
    exchange_across_copies(&mut ties, &base.ag, &copy_ends, opts.seed);
    // Year order, then one serial per year and layer across the copies.
    let mut events = by_year(events, |g| g.year);
    let mut projects = by_year(projects, |g| g.year);
    let ties = by_year(ties, |t| t.year);
    renumber(&mut events, "ev", 5);
    renumber(&mut projects, "pj", 4);
    events.append(&mut projects);
    base.groups = events;
    base.ties = ties;
    base.years_rows = years_rows;
    base.copies = copies;
    base.opts = *opts;
    let net = base.finish();
    Ok(net)
}

/// `items` stably sorted by year (no year first): the order of
/// `sort_by_key(year)`, by moving each item twice instead of sorting the
/// merged copies' records.
fn by_year<T>(items: Vec<T>, year: impl Fn(&T) -> Option<i32>) -> Vec<T> {
    let mut count: std::collections::BTreeMap<Option<i32>, usize> = Default::default();
    for x in &items {
        *count.entry(year(x)).or_default() += 1;
    }
    let mut buckets: std::collections::BTreeMap<Option<i32>, Vec<T>> = count
        .into_iter()
        .map(|(y, n)| (y, Vec::with_capacity(n)))
        .collect();
    let n = items.len();
    for x in items {
        if let Some(v) = buckets.get_mut(&year(&x)) {
            v.push(x);
        }
    }
    let mut out = Vec::with_capacity(n);
    for (_, mut v) in buckets {
        out.append(&mut v);
    }
    out
}

/// Share of the firm pairs with business ties in each copy whose far end is
/// exchanged with a like pair of another copy (see
/// [`exchange_across_copies`]).
const CROSS_COPY_SHARE: f64 = 0.02;

/// Connects the copies of a scaled programme without changing any count
/// the calibration reads. A share [`CROSS_COPY_SHARE`] of the linked pairs
/// a → b whose ties are all business ties (purchase, sales, supply,
/// mentoring), picked at random, exchange partners with a pair x → y of
/// another copy whose ties have the same types and years and whose ends
/// have the same regions, size (300+ employees or not) and country (Korea
/// or abroad): a → b and x → y become a → y and x → b, every tie of each
/// pair moving along. So every actor keeps its ties of each type and year
/// and its number of distinct partners, every region pair and size pair
/// keeps its ties, and no actor meets a partner before both take part;
/// only the copy the partner is in changes. Pairs are tried in the order
/// of their first tie and partners drawn from an RNG seeded by `--seed`,
/// so the result is deterministic; time linear in the ties.
fn exchange_across_copies(ties: &mut [Tie], ag: &[Ag], copy_ends: &[usize], seed: u64) {
    type End = (Option<usize>, bool, bool);
    type Key = ([End; 2], Vec<(&'static str, Option<i32>)>);
    let end = |a: ActorIx| {
        let a = &ag[a as usize];
        (a.region, a.large(), a.country == "KR")
    };
    let business = |t: &Tie| {
        crate::model::BUSINESS_TIE_TYPES
            .into_iter()
            .find(|k| *k == t.kind)
    };
    // the oriented pairs, in the order of their first tie, with their ties
    let mut index: HashMap<(ActorIx, ActorIx), usize> = HashMap::new();
    let mut pairs: Vec<Vec<usize>> = Vec::new();
    for (i, t) in ties.iter().enumerate() {
        let p = *index.entry((t.source, t.target)).or_insert_with(|| {
            pairs.push(Vec::new());
            pairs.len() - 1
        });
        pairs[p].push(i);
    }
    let key = |p: &[usize]| -> Option<Key> {
        let (s, t) = (ties[p[0]].source, ties[p[0]].target);
        if index.contains_key(&(t, s)) {
            return None;
        }
        let mut recs = Vec::with_capacity(p.len());
        for &i in p {
            recs.push((business(&ties[i])?, ties[i].year));
        }
        recs.sort_unstable();
        Some(([end(s), end(t)], recs))
    };
    let keys: Vec<Option<Key>> = pairs.iter().map(|p| key(p)).collect();
    let mut buckets: HashMap<&Key, Vec<usize>> = HashMap::new();
    for (p, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            buckets.entry(k).or_default().push(p);
        }
    }
    let copy_of = |p: usize| copy_ends.partition_point(|&e| e <= pairs[p][0]);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xC0C0_A5A5_0000_0001);
    let mut exchanged = vec![false; pairs.len()];
    let mut made: HashSet<(ActorIx, ActorIx)> = HashSet::new();
    for p in 0..pairs.len() {
        if exchanged[p] || !rng.random_bool(CROSS_COPY_SHARE) {
            continue;
        }
        let Some(bucket) = keys[p].as_ref().and_then(|k| buckets.get(k)) else {
            continue;
        };
        // a few draws: most of a bucket lies in other copies
        for _ in 0..4 {
            let q = bucket[rng.random_range(0..bucket.len())];
            let (a, b) = (ties[pairs[p][0]].source, ties[pairs[p][0]].target);
            let (x, y) = (ties[pairs[q][0]].source, ties[pairs[q][0]].target);
            let fresh = |u: ActorIx, v: ActorIx| !made.contains(&(u.min(v), u.max(v)));
            if exchanged[q] || copy_of(q) == copy_of(p) || !fresh(a, y) || !fresh(x, b) {
                continue;
            }
            for &i in &pairs[p] {
                ties[i].target = y;
            }
            for &i in &pairs[q] {
                ties[i].target = b;
            }
            made.insert((a.min(y), a.max(y)));
            made.insert((x.min(b), x.max(b)));
            exchanged[p] = true;
            exchanged[q] = true;
            break;
        }
    }
}

/// Copies of the scale-1 programme at `scale`: 1 below 1.5, else
/// round(scale).
fn copies(scale: f64) -> usize {
    if scale < 1.5 {
        1
    } else {
        scale.round() as usize
    }
}

/// The RNG seed of copy `c` (copy 0 keeps the user's seed).
fn copy_seed(seed: u64, c: usize) -> u64 {
    seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Suffix of copy `c`'s mini-cluster ids: "" for copy 0, "~2", "~3", …
fn copy_suffix(c: usize) -> String {
    if c == 0 {
        String::new()
    } else {
        format!("~{}", c + 1)
    }
}

/// Number `groups` (sorted by year) `<prefix><yy>-<serial>` per year, the
/// serial zero-padded to at least `min_width` digits.
fn renumber(groups: &mut [Group], prefix: &str, min_width: usize) {
    let mut start = 0;
    while start < groups.len() {
        let year = groups[start].year;
        let end = start
            + groups[start..]
                .iter()
                .position(|g| g.year != year)
                .unwrap_or(groups.len() - start);
        let width = (end - start).max(1).ilog10() as usize + 1;
        let width = width.max(min_width);
        let yy = year.unwrap_or(0) % 100;
        for (i, g) in groups[start..end].iter_mut().enumerate() {
            g.id = format!("{prefix}{yy:02}-{:0width$}", i + 1);
        }
        start = end;
    }
}

struct Gen {
    opts: GenOpts,
    sk: Skeleton,
    rng: ChaCha8Rng,
    mcs: Vec<McPlan>,
    ag: Vec<Ag>,
    /// members[mc][y]: exact member count (0 when inactive).
    members: Vec<[usize; NY]>,
    /// Candidate lists: [phase 0 (2005–2007), phase 1 (2008–2009)] per MC.
    cands: Vec<[Vec<u32>; 2]>,
    groups: Vec<Group>,
    ties: Vec<Tie>,
    /// Network of earlier years (projects and ties), for triadic closure.
    adj: Vec<Vec<u32>>,
    stamp: Vec<u32>,
    tag: u32,
    total_work: u64,
    done_work: u64,
    /// Copies of the programme merged into this one (mini-cluster ids).
    copies: usize,
    /// The year being simulated.
    year: i32,
    /// Events of the current year per actor, and each actor's yearly cap.
    evn: Vec<u32>,
    cap: Vec<u32>,
    /// Per-year attributes of the domestic firms (`actor_years.csv`).
    years_rows: Vec<ActorYear>,
    /// Each firm's I-U-I partners so far, in order of first collaboration.
    iui_orgs: Vec<Vec<u32>>,
}

impl Gen {
    fn new(opts: &GenOpts, sk: Skeleton) -> Gen {
        Gen {
            opts: *opts,
            sk,
            rng: ChaCha8Rng::seed_from_u64(opts.seed),
            mcs: Vec::new(),
            ag: Vec::new(),
            members: Vec::new(),
            cands: Vec::new(),
            groups: Vec::new(),
            ties: Vec::new(),
            adj: Vec::new(),
            stamp: Vec::new(),
            tag: 0,
            total_work: 0,
            done_work: 0,
            copies: 1,
            year: Y0,
            evn: Vec::new(),
            cap: Vec::new(),
            years_rows: Vec::new(),
            iui_orgs: Vec::new(),
        }
    }

    fn next_tag(&mut self) -> u32 {
        self.tag = self.tag.wrapping_add(1);
        if self.tag == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.tag = 1;
        }
        self.tag
    }

    fn run(mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<Network> {
        self.simulate(progress)?;
        let total = self.total_work;
        let net = self.finish();
        progress(total, total);
        Ok(net)
    }

    /// Simulate all years, leaving the records in `groups` and `ties`.
    fn simulate(&mut self, progress: &mut dyn FnMut(u64, u64)) -> Result<()> {
        self.plan_mcs()?;
        self.plan_members();
        self.make_actors();
        self.make_candidates();
        let s = self.opts.scale;
        let last = (self.opts.years.to - Y0) as usize;
        let n_firms = self.ag.iter().filter(|a| a.kind == Kind::Firm).count();
        self.total_work = (0..=last)
            .map(|k| {
                scaled(lerp(EVENTS, k), s) as u64
                    + scaled(900.0 * RND_CASES[k] / RND_CASES.iter().sum::<f64>(), s) as u64
                    + (lerp(IBC, k) * n_firms as f64 / 2.0).round() as u64
            })
            .sum();
        self.adj = vec![Vec::new(); self.ag.len()];
        self.iui_orgs = vec![Vec::new(); self.ag.len()];
        self.stamp = vec![0; self.ag.len()];
        self.evn = vec![0; self.ag.len()];
        self.cap = self
            .ag
            .iter()
            .map(|a| {
                if a.kind == Kind::Firm {
                    EVENT_CAP_FIRM
                } else {
                    EVENT_CAP_ORG
                }
            })
            .collect();
        progress(0, self.total_work);
        let project_types = self.project_types();
        let mut prev_ties: Vec<(u32, u32, &'static str)> = Vec::new();
        let mut prev_iui: Vec<(u32, u32, &'static str)> = Vec::new();
        let mut events = Vec::new();
        let mut projects = Vec::new();
        for (k, types) in project_types.iter().enumerate().take(last + 1) {
            self.year = Y0 + k as i32;
            let first_event = events.len();
            let first_project = projects.len();
            self.events(k, &mut events, progress);
            let pending_p = self.projects(k, types, &mut projects);
            self.done_work += types.len() as u64;
            progress(self.done_work, self.total_work);
            let (cur, pending_t) = self.ties(k, &prev_ties, n_firms);
            self.done_work += cur.len() as u64;
            progress(self.done_work, self.total_work);
            let year = Y0 + k as i32;
            for &(a, b, kind) in &cur {
                self.ties.push(Tie {
                    source: a,
                    target: b,
                    kind: kind.to_string(),
                    year: Some(year),
                    weight: 1.0,
                    attrs: Vec::new(),
                    line: 0,
                });
            }
            let iui = self.iui_ties(
                k,
                &events[first_event..],
                &projects[first_project..],
                &cur,
                &prev_iui,
            );
            for &(a, b, kind) in &iui {
                self.ties.push(Tie {
                    source: a,
                    target: b,
                    kind: kind.to_string(),
                    year: Some(year),
                    weight: 1.0,
                    attrs: Vec::new(),
                    line: 0,
                });
            }
            prev_iui = iui;
            prev_ties = cur;
            for (a, b) in pending_p.into_iter().chain(pending_t) {
                self.adj[a as usize].push(b);
                self.adj[b as usize].push(a);
            }
            for v in &mut self.adj {
                v.sort_unstable();
                v.dedup();
            }
        }
        self.groups = events;
        self.groups.extend(projects);
        self.adj = Vec::new();
        self.stamp = Vec::new();
        self.actor_years(last);
        Ok(())
    }

    /// The year's I-U-I collaboration ties (firm, university or institute,
    /// type). Their number makes the year's cases — these ties plus one per
    /// firm member of each project with a university or institute — per
    /// participating firm (a firm with an event, a project or a tie in the
    /// year) equal the report's figure. Only firms already participating
    /// collaborate, so the ties do not change the denominator.
    ///
    /// Last year's (firm, organisation) ties recur with probability
    /// [`IUI_REPEAT`]. A new case goes to a firm drawn by activity and size;
    /// once the firm has [`GenOpts::iui_home_orgs`] partners it stays with them (a
    /// type it has not used with one of them this year), and only when they
    /// are all used does it take a new one. A new partner is, with
    /// probability [`IUI_PARTNER_ORG`], an organisation of its pan region
    /// that one of this year's business partners already collaborates with
    /// (a supplier and its customer working with the same university), else
    /// one of its pan region (heavy-tailed weights) and rarely of another.
    /// At most one tie per (firm, organisation, type) and year; yearly caps
    /// [`IUI_CAP_FIRM`], [`IUI_CAP_ORG`].
    fn iui_ties(
        &mut self,
        k: usize,
        events: &[Group],
        projects: &[Group],
        firm_ties: &[(u32, u32, &'static str)],
        prev: &[(u32, u32, &'static str)],
    ) -> Vec<(u32, u32, &'static str)> {
        let n = self.ag.len();
        let mut part = vec![false; n];
        for g in events.iter().chain(projects) {
            for m in &g.members {
                part[m.actor as usize] = true;
            }
        }
        let mut partners: Vec<Vec<u32>> = vec![Vec::new(); n];
        for &(a, b, _) in firm_ties {
            part[a as usize] = true;
            part[b as usize] = true;
            partners[a as usize].push(b);
            partners[b as usize].push(a);
        }
        let is_org =
            |g: &Gen, a: u32| matches!(g.ag[a as usize].kind, Kind::University | Kind::Institute);
        let participating = (0..n)
            .filter(|&i| part[i] && self.ag[i].kind == Kind::Firm)
            .count();
        let project_cases: usize = projects
            .iter()
            .filter(|g| g.members.iter().any(|m| is_org(self, m.actor)))
            .map(|g| {
                g.members
                    .iter()
                    .filter(|m| self.ag[m.actor as usize].kind == Kind::Firm)
                    .count()
            })
            .sum();
        let target =
            ((lerp(IUI, k) * participating as f64).round() as usize).saturating_sub(project_cases);
        let year = self.year;
        let firm_ok = |g: &Gen, f: u32| {
            let a = &g.ag[f as usize];
            part[f as usize] && a.domestic_firm() && a.since <= year
        };
        let mut used = vec![0u32; n];
        let mut set: HashSet<(u32, u32, &'static str)> = HashSet::new();
        let mut out: Vec<(u32, u32, &'static str)> = Vec::with_capacity(target);
        let cap = |g: &Gen, a: u32| {
            if g.ag[a as usize].kind == Kind::Firm {
                IUI_CAP_FIRM
            } else {
                IUI_CAP_ORG
            }
        };
        for &(f, o, kind) in prev {
            if out.len() >= target {
                break;
            }
            if self.rng.random::<f64>() >= IUI_REPEAT || !firm_ok(self, f) {
                continue;
            }
            let kind = if self.rng.random::<f64>() < 0.7 {
                kind
            } else {
                pick_weighted(&mut self.rng, &IUI_TYPES)
            };
            if used[f as usize] < cap(self, f)
                && used[o as usize] < cap(self, o)
                && set.insert((f, o, kind))
            {
                used[f as usize] += 1;
                used[o as usize] += 1;
                out.push((f, o, kind));
            }
        }
        // New cases.
        let firms: Vec<u32> = (0..n as u32).filter(|&f| firm_ok(self, f)).collect();
        let firm_cum = cumulative(firms.iter().map(|&f| {
            let a = &self.ag[f as usize];
            a.act * (1.0 + (a.employees.unwrap_or(1) as f64).ln())
        }));
        let n_regions = self.sk.regions.len();
        let mut orgs: Vec<Vec<u32>> = vec![Vec::new(); n_regions + 1];
        for (i, a) in self.ag.iter().enumerate() {
            if is_org(self, i as u32) && a.since <= self.year {
                if let Some(r) = a.region {
                    orgs[r].push(i as u32);
                }
                orgs[n_regions].push(i as u32);
            }
        }
        let org_cum: Vec<Vec<f64>> = orgs
            .iter()
            .map(|v| cumulative(v.iter().map(|&o| self.ag[o as usize].act.powf(1.5))))
            .collect();
        let mut shared: Vec<u32> = Vec::new();
        let mut guard = 0usize;
        while out.len() < target && !firms.is_empty() && guard < 100 * (target + 10) {
            guard += 1;
            let f = firms[pick_cum(&mut self.rng, &firm_cum)];
            if used[f as usize] >= IUI_CAP_FIRM {
                continue;
            }
            let kind = pick_weighted(&mut self.rng, &IUI_TYPES);
            let home = &self.iui_orgs[f as usize];
            let mut pick = None;
            if home.len() >= self.opts.iui_home_orgs {
                // The first free (organisation, type), from a random home
                // organisation and the drawn type on.
                let start = self.rng.random_range(0..home.len());
                let first = IUI_TYPES.iter().position(|t| t.0 == kind).unwrap_or(0);
                'home: for j in 0..home.len() {
                    let o = home[(start + j) % home.len()];
                    if used[o as usize] >= IUI_CAP_ORG {
                        continue;
                    }
                    for t in 0..IUI_TYPES.len() {
                        let kind = IUI_TYPES[(first + t) % IUI_TYPES.len()].0;
                        if !set.contains(&(f, o, kind)) {
                            pick = Some((o, kind));
                            break 'home;
                        }
                    }
                }
            }
            let (o, kind) = match pick {
                Some(p) => p,
                None => {
                    let region = self.ag[f as usize].region;
                    shared.clear();
                    if self.rng.random::<f64>() < IUI_PARTNER_ORG {
                        for &b in &partners[f as usize] {
                            for &o in &self.iui_orgs[b as usize] {
                                if self.ag[o as usize].region == region
                                    && self.ag[o as usize].since <= year
                                    && !self.iui_orgs[f as usize].contains(&o)
                                {
                                    shared.push(o);
                                }
                            }
                        }
                    }
                    let o = if shared.is_empty() {
                        let r = match region {
                            Some(r) if self.rng.random::<f64>() < 0.85 && !orgs[r].is_empty() => r,
                            _ => n_regions,
                        };
                        if orgs[r].is_empty() {
                            break;
                        }
                        orgs[r][pick_cum(&mut self.rng, &org_cum[r])]
                    } else {
                        shared[self.rng.random_range(0..shared.len())]
                    };
                    (o, kind)
                }
            };
            if used[o as usize] >= IUI_CAP_ORG || !set.insert((f, o, kind)) {
                continue;
            }
            used[f as usize] += 1;
            used[o as usize] += 1;
            out.push((f, o, kind));
            if !self.iui_orgs[f as usize].contains(&o) {
                self.iui_orgs[f as usize].push(o);
            }
        }
        out
    }

    /// Per-year attributes of every domestic firm for the baseline year
    /// 2004 and each simulated year: employees (this year's head count
    /// grown back from the actor's, which is the last year's), R&D funding
    /// (thousand dollars, one decimal) and patents and certifications,
    /// apportioned over the firms by heavy-tailed, size-dependent weights so
    /// that their mean is the report's per-company figure of the year
    /// (linear between its 2004 and 2009 values; exact to the rounding unit
    /// over the firms).
    fn actor_years(&mut self, last: usize) {
        let firms: Vec<u32> = (0..self.ag.len() as u32)
            .filter(|&f| self.ag[f as usize].domestic_firm())
            .collect();
        if firms.is_empty() {
            return;
        }
        let nf = firms.len() as f64;
        // Firm propensities (fixed) and yearly growth.
        let prop: Vec<(f64, f64, f64)> = firms
            .iter()
            .map(|&f| {
                let e = self.ag[f as usize].employees.unwrap_or(1) as f64;
                let base = e.powf(0.7) * pareto(&mut self.rng, 2.2);
                let pat = e.powf(0.5) * pareto(&mut self.rng, 2.2);
                let growth = 1.0 + 0.08 * self.rng.random::<f64>();
                (base, pat, growth)
            })
            .collect();
        let span = (super::YEARS.to - BASELINE_YEAR) as f64;
        let last_year = Y0 + last as i32;
        let years = std::iter::once(BASELINE_YEAR)
            .chain((self.opts.years.from..=last_year).filter(|&y| y > BASELINE_YEAR));
        for y in years {
            let t = (y - BASELINE_YEAR) as f64 / span;
            let fund_total = ((RND_FUNDING[0] + (RND_FUNDING[1] - RND_FUNDING[0]) * t) * nf * 10.0)
                .round() as usize;
            let pat_total = ((PATENTS[0] + (PATENTS[1] - PATENTS[0]) * t) * nf).round() as usize;
            let fw: Vec<f64> = prop
                .iter()
                .map(|p| p.0 * p.2.powi(y - BASELINE_YEAR) * (0.8 + 0.4 * self.rng.random::<f64>()))
                .collect();
            let pw: Vec<f64> = prop
                .iter()
                .map(|p| p.1 * (1.0 + 0.06 * (y - BASELINE_YEAR) as f64 * p.2))
                .collect();
            let fund = apportion(fund_total, &fw);
            let pat = apportion(pat_total, &pw);
            for (i, &f) in firms.iter().enumerate() {
                let e = self.ag[f as usize].employees.unwrap_or(1) as f64;
                let back = prop[i].2.powi(last_year - y) * 0.5 + 0.5;
                let emp = ((e / back).round() as u64).max(1);
                self.years_rows.push(ActorYear {
                    year: y,
                    actor: f,
                    employees: Some(emp),
                    rnd_funding: Some(fund[i] as f64 / 10.0),
                    patents: Some(pat[i] as u64),
                    line: 0,
                });
            }
        }
    }

    /// Which MCs run in which year.
    fn plan_mcs(&mut self) -> Result<()> {
        let sk = &self.sk;
        let mut per_hub: Vec<usize> = vec![0; sk.complexes.len()];
        for mc in &sk.mini_clusters {
            let own = mc
                .hubs
                .iter()
                .filter_map(|h| sk.complex(h))
                .find(|&c| sk.complexes[c].appointed.is_some())
                .or_else(|| mc.hubs.first().and_then(|h| sk.complex(h)));
            let Some(own) = own else { continue };
            let borrowed = BORROWED.iter().find(|b| b.0 == mc.id);
            let (sponsor, active) = if let Some(&(_, sponsor)) = borrowed {
                let Some(sp) = sk.complex(sponsor) else {
                    continue;
                };
                (sp, [true, true, true, false, false])
            } else {
                let c = &sk.complexes[own];
                let rank = per_hub[own];
                match c.appointed {
                    Some(2005) => {
                        per_hub[own] += 1;
                        let keep = PILOT_KEEP
                            .iter()
                            .find(|p| p.0 == c.id)
                            .map_or(usize::MAX, |p| p.1);
                        (own, [true, true, true, rank < keep, rank < keep])
                    }
                    Some(2008) => {
                        per_hub[own] += 1;
                        let first = ADDED_2008
                            .iter()
                            .find(|p| p.0 == c.id)
                            .map_or(usize::MAX, |p| p.1);
                        (own, [false, false, false, rank < first, true])
                    }
                    _ => continue,
                }
            };
            self.mcs.push(McPlan {
                id: mc.id.clone(),
                region: mc.region,
                own_hub: own,
                sponsor,
                active,
                succ: None,
                weight: 0.7 + 0.6 * self.rng.random::<f64>(),
            });
        }
        // Successors: stopped MCs hand their members to the sponsor's
        // surviving MCs, round robin.
        let mut rr: Vec<usize> = vec![0; sk.complexes.len()];
        for i in 0..self.mcs.len() {
            if self.mcs[i].active[2] && !self.mcs[i].active[3] {
                let sp = self.mcs[i].sponsor;
                let survivors: Vec<usize> = (0..self.mcs.len())
                    .filter(|&j| self.mcs[j].sponsor == sp && self.mcs[j].active[NY - 1])
                    .collect();
                if !survivors.is_empty() {
                    self.mcs[i].succ = Some(survivors[rr[sp] % survivors.len()]);
                    rr[sp] += 1;
                }
            }
        }
        if self.mcs.is_empty() {
            return Err(Error::Usage(
                "the korea-iccp skeleton has no programme mini clusters".into(),
            ));
        }
        Ok(())
    }

    fn plan_members(&mut self) {
        let s = self.opts.scale;
        self.members = vec![[0; NY]; self.mcs.len()];
        for k in 0..NY {
            let active: Vec<usize> = (0..self.mcs.len())
                .filter(|&i| self.mcs[i].active[k])
                .collect();
            let w: Vec<f64> = active.iter().map(|&i| self.mcs[i].weight).collect();
            let total = scaled(lerp(MEMBERS, k), s).max(active.len() * 2);
            for (j, n) in apportion(total, &w).into_iter().enumerate() {
                self.members[active[j]][k] = n;
            }
        }
    }

    fn make_actors(&mut self) {
        let s = self.opts.scale;
        let rng = &mut self.rng;
        // Programme firms: home MCs in proportion to each MC's peak demand.
        let demand: Vec<f64> = self
            .members
            .iter()
            .map(|m| *m.iter().max().unwrap_or(&0) as f64)
            .collect();
        let n_prog = scaled(PROGRAMME_FIRMS, s).max(self.mcs.len());
        let per_mc = apportion(n_prog, &demand);
        let mut homes: Vec<Option<usize>> = per_mc
            .iter()
            .enumerate()
            .flat_map(|(i, &n)| std::iter::repeat_n(Some(i), n))
            .collect();
        homes.extend(std::iter::repeat_n(None, scaled(OTHER_DOMESTIC_FIRMS, s)));
        homes.shuffle(rng);
        let n_foreign = scaled(FOREIGN_FIRMS, s);
        let n_firms = homes.len() + n_foreign;
        // Size classes in the KICOX report's exact proportions over all firms.
        let counts = apportion(n_firms, &size_shares());
        let mut classes: Vec<usize> = counts
            .iter()
            .enumerate()
            .flat_map(|(c, &n)| std::iter::repeat_n(c, n))
            .collect();
        classes.shuffle(rng);
        let programme_hubs: Vec<usize> = (0..self.sk.complexes.len())
            .filter(|&c| self.sk.complexes[c].appointed.is_some())
            .collect();
        // Complexes outside the programme (hosts of the other domestic firms).
        let outside: Vec<usize> = (0..self.sk.complexes.len())
            .filter(|&c| {
                let cx = &self.sk.complexes[c];
                cx.appointed.is_none()
                    && !cx.hubs.iter().any(|h| {
                        self.sk
                            .complex(h)
                            .is_some_and(|i| self.sk.complexes[i].appointed.is_some())
                    })
            })
            .collect();
        let connected: Vec<Vec<usize>> = self
            .sk
            .complexes
            .iter()
            .map(|c| self.sk.connected_to(&c.id))
            .collect();
        let employees = |rng: &mut ChaCha8Rng, class: usize| -> u64 {
            let u: f64 = rng.random();
            match class {
                0 => 1 + (29.0 * u * u) as u64,
                1 => rng.random_range(30..50),
                2 => rng.random_range(50..100),
                3 => rng.random_range(100..300),
                _ => (300.0 * (1.0 - u).powf(-1.0 / 1.3)).min(60000.0) as u64,
            }
        };
        let firm_name = |rng: &mut ChaCha8Rng| -> String {
            format!(
                "{} {}",
                FIRM_WORDS[rng.random_range(0..FIRM_WORDS.len())],
                FIRM_TRADES[rng.random_range(0..FIRM_TRADES.len())]
            )
        };
        for (i, home) in homes.iter().enumerate() {
            let class = classes[i];
            let (region, complex) = match home {
                Some(m) => {
                    let hub = self.mcs[*m].own_hub;
                    let cn = &connected[hub];
                    let cx = if !cn.is_empty() && rng.random::<f64>() < 0.3 {
                        cn[rng.random_range(0..cn.len())]
                    } else {
                        hub
                    };
                    (self.sk.complexes[cx].region, cx)
                }
                None => {
                    let cx = outside[rng.random_range(0..outside.len())];
                    (self.sk.complexes[cx].region, cx)
                }
            };
            let emp = employees(rng, class);
            let since = home.map_or(Y0, |m| {
                Y0 + self.mcs[m].active.iter().position(|&a| a).unwrap_or(0) as i32
            });
            self.ag.push(Ag {
                kind: Kind::Firm,
                employees: Some(emp),
                region: Some(region),
                complex: Some(complex),
                country: "KR",
                act: pareto(rng, ACT_ALPHA) * (1.0 + 0.15 * class as f64),
                home: *home,
                name: firm_name(rng),
                since,
            });
        }
        for i in 0..n_foreign {
            let class = classes[homes.len() + i];
            let country = pick_weighted(rng, &FOREIGN);
            let emp = employees(rng, class);
            self.ag.push(Ag {
                kind: Kind::Firm,
                employees: Some(emp),
                region: None,
                complex: None,
                country,
                act: pareto(rng, ACT_ALPHA),
                home: None,
                since: Y0,
                name: format!(
                    "{} {} ({country})",
                    FOREIGN_WORDS[rng.random_range(0..FOREIGN_WORDS.len())],
                    FIRM_TRADES[rng.random_range(0..FIRM_TRADES.len())]
                ),
            });
        }
        // Organisations: the expert pool's ratios, ~15 experts each. Regions in
        // proportion to their programme MCs.
        let mut region_w = vec![0.0; self.sk.regions.len()];
        for m in &self.mcs {
            region_w[m.region] += 1.0;
        }
        let region_items: Vec<(usize, f64)> = region_w
            .iter()
            .enumerate()
            .map(|(r, &w)| (r, w + 0.5))
            .collect();
        let hubs_in = |r: usize| -> Vec<usize> {
            programme_hubs
                .iter()
                .copied()
                .filter(|&c| self.sk.complexes[c].region == r)
                .collect()
        };
        let kinds = [Kind::University, Kind::Institute, Kind::Agency, Kind::Other];
        let names = [
            ["University", "National University", "College"],
            [
                "Research Institute",
                "Technology Institute",
                "Research Center",
            ],
            ["Technopark", "Business Support Center", "Industry Agency"],
            ["Consulting", "Patent Office", "Industry Association"],
        ];
        for (ki, &kind) in kinds.iter().enumerate() {
            let n = scaled(EXPERTS[ki] / EXPERTS_PER_ORG, s).max(1);
            for j in 0..n {
                // The first agencies are the programme hubs' cluster agencies.
                let (region, complex, name) = if kind == Kind::Agency && j < programme_hubs.len() {
                    let c = programme_hubs[j];
                    (
                        self.sk.complexes[c].region,
                        Some(c),
                        format!("KICOX {} cluster agency", self.sk.complexes[c].id),
                    )
                } else {
                    let r = pick_weighted(rng, &region_items);
                    let hubs = hubs_in(r);
                    let c = (!hubs.is_empty()).then(|| hubs[rng.random_range(0..hubs.len())]);
                    let place = c.map_or(self.sk.regions[r].as_str(), |c| {
                        self.sk.complexes[c].id.as_str()
                    });
                    let suffix = names[ki][rng.random_range(0..3)];
                    (r, c, format!("{place} {suffix} {}", j + 1))
                };
                // Agencies work for their complex's programme from the
                // year it was appointed (2005 pilots, 2008 additions).
                let since = match (kind, complex) {
                    (Kind::Agency, Some(c)) => self.sk.complexes[c].appointed.unwrap_or(Y0),
                    _ => Y0,
                };
                self.ag.push(Ag {
                    kind,
                    employees: None,
                    region: Some(region),
                    complex,
                    country: "KR",
                    act: 2.0 * pareto(rng, ACT_ALPHA),
                    home: None,
                    name,
                    since,
                });
            }
        }
    }

    /// Each MC's candidates in a weighted random order (the order members join).
    fn make_candidates(&mut self) {
        let rng = &mut self.rng;
        let n_mc = self.mcs.len();
        // (key, actor) per MC, phase-independent.
        let mut own: Vec<Vec<(f64, u32)>> = vec![Vec::new(); n_mc];
        let key = |rng: &mut ChaCha8Rng, w: f64| -> f64 { (1.0 - rng.random::<f64>()).ln() / w };
        for (i, a) in self.ag.iter().enumerate() {
            if let Some(h) = a.home {
                own[h].push((key(rng, a.act), i as u32));
            }
        }
        let n_regions = self.sk.regions.len();
        let mut orgs_by_region: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        let mut firms_by_region: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        let mut all_dom: Vec<u32> = Vec::new();
        for (i, a) in self.ag.iter().enumerate() {
            match (a.kind, a.region) {
                (Kind::Firm, Some(r)) if a.country == "KR" => {
                    firms_by_region[r].push(i as u32);
                    all_dom.push(i as u32);
                }
                (Kind::Firm, _) => {}
                (_, Some(r)) => orgs_by_region[r].push(i as u32),
                _ => {}
            }
        }
        // Organisations and outsider firms join MCs in proportion to their
        // activity, so that the number of MCs an actor is in is heavy tailed.
        let act_cum = |v: &Vec<u32>| cumulative(v.iter().map(|&a| self.ag[a as usize].act));
        let org_cum: Vec<Vec<f64>> = orgs_by_region
            .iter()
            .map(|v| cumulative(v.iter().map(|&a| self.ag[a as usize].act.powi(2))))
            .collect();
        let firm_cum: Vec<Vec<f64>> = firms_by_region.iter().map(act_cum).collect();
        let dom_cum = act_cum(&all_dom);
        for (m, mc) in self.mcs.iter().enumerate() {
            let peak = *self.members[m].iter().max().unwrap_or(&0);
            // Affiliated organisations (core members: high keys).
            let orgs = &orgs_by_region[mc.region];
            let n_org = ((0.2 * peak as f64).round() as usize).min(orgs.len());
            let mut chosen: HashSet<u32> = own[m].iter().map(|x| x.1).collect();
            let mut tries = 0;
            while chosen.len() < own[m].len() + n_org && tries < 20 * (n_org + 1) {
                tries += 1;
                let a = orgs[pick_cum(rng, &org_cum[mc.region])];
                if chosen.insert(a) {
                    let w = 3.0 * self.ag[a as usize].act;
                    own[m].push((key(rng, w), a));
                }
            }
            // Outsiders: other complexes of the region, rarely other regions.
            let n_out =
                (OUTSIDERS * peak as f64).round() as usize + peak.saturating_sub(own[m].len());
            let region_firms = &firms_by_region[mc.region];
            let mut tries = 0;
            let target = own[m].len() + n_out;
            while own[m].len() < target && tries < 50 * (n_out + 1) {
                tries += 1;
                let a = if rng.random::<f64>() < 0.85 && !region_firms.is_empty() {
                    region_firms[pick_cum(rng, &firm_cum[mc.region])]
                } else {
                    all_dom[pick_cum(rng, &dom_cum)]
                };
                if self.ag[a as usize].home == Some(m) || !chosen.insert(a) {
                    continue;
                }
                let w = 0.4 * self.ag[a as usize].act;
                own[m].push((key(rng, w), a));
            }
        }
        let sorted = |mut v: Vec<(f64, u32)>| -> Vec<u32> {
            v.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let mut seen = HashSet::new();
            v.into_iter()
                .filter(|x| seen.insert(x.1))
                .map(|x| x.1)
                .collect()
        };
        self.cands = (0..n_mc)
            .map(|m| {
                let mut late = own[m].clone();
                for (p, o) in own.iter().enumerate() {
                    if self.mcs[p].succ == Some(m) {
                        late.extend(o.iter().copied());
                    }
                }
                // 2005–2007: only actors already in the programme then.
                let early: Vec<(f64, u32)> = own[m]
                    .iter()
                    .copied()
                    .filter(|x| self.ag[x.1 as usize].since < Y0 + 3)
                    .collect();
                [sorted(early), sorted(late)]
            })
            .collect();
    }

    /// The year's members of an MC.
    fn mc_members(&self, m: usize, k: usize) -> &[u32] {
        let list = &self.cands[m][usize::from(k >= 3)];
        &list[..self.members[m][k].min(list.len())]
    }

    fn events(&mut self, k: usize, out: &mut Vec<Group>, progress: &mut dyn FnMut(u64, u64)) {
        let s = self.opts.scale;
        let year = Y0 + k as i32;
        let e_total = scaled(lerp(EVENTS, k), s).max(1);
        let p_total = scaled(lerp(PARTICIPATIONS, k), s);
        let e_open = (e_total as f64 * OPEN_EVENT_SHARE).round() as usize;
        let p_open = (p_total as f64 * OPEN_PART_SHARE).round() as usize;
        let active: Vec<usize> = (0..self.mcs.len())
            .filter(|&m| self.mcs[m].active[k])
            .collect();
        let w: Vec<f64> = active.iter().map(|&m| self.members[m][k] as f64).collect();
        let e_mc = apportion(e_total - e_open, &w);
        let p_mc = apportion(p_total - p_open, &w);
        let width = (e_total.max(1).ilog10() as usize + 1).max(5);
        let mut serial = 0usize;
        let new_id = |serial: &mut usize| {
            *serial += 1;
            format!("ev{:02}-{:0width$}", year % 100, serial)
        };
        self.evn.iter_mut().for_each(|x| *x = 0);
        // First every MC's members each get one of its events (so that each
        // counts as a member), then the events are filled up by activity
        // under the yearly caps.
        let mut plans: Vec<(Vec<usize>, Vec<Vec<u32>>)> = Vec::with_capacity(active.len());
        for (j, &m) in active.iter().enumerate() {
            let mem: Vec<u32> = self.mc_members(m, k).to_vec();
            let n_ev = e_mc[j].max(1);
            let cap = mem.len().min(MAX_EVENT);
            let p = p_mc[j].max(mem.len()).min(n_ev * cap);
            let mut sizes = event_sizes(&mut self.rng, &vec![cap; n_ev], p, MC_SIZE_ALPHA);
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            // Each member's one sure event: one seat per event in turn (in
            // a random order of the events each round), so that sure seats
            // spread over small and large events alike.
            let mut slots: Vec<u32> = Vec::with_capacity(mem.len());
            let mut round = 0;
            while slots.len() < mem.len() {
                let mut open: Vec<u32> = (0..n_ev as u32)
                    .filter(|&i| sizes[i as usize] > round)
                    .collect();
                if open.is_empty() {
                    break;
                }
                open.shuffle(&mut self.rng);
                slots.extend(open);
                round += 1;
            }
            let mut ev: Vec<Vec<u32>> = vec![Vec::new(); n_ev];
            for (a, &slot) in mem.iter().zip(&slots) {
                ev[slot as usize].push(*a);
                self.evn[*a as usize] += 1;
            }
            plans.push((sizes, ev));
        }
        // Events without an MC: complex (70%), pan-region (27%), nation (3%).
        let mut by_hub: Vec<Vec<u32>> = vec![Vec::new(); self.sk.complexes.len()];
        let mut by_region: Vec<Vec<u32>> = vec![Vec::new(); self.sk.regions.len()];
        let mut nation: Vec<u32> = Vec::new();
        for &m in &active {
            let mem = self.mc_members(m, k).to_vec();
            by_hub[self.mcs[m].sponsor].extend(&mem);
            by_region[self.mcs[m].region].extend(&mem);
            nation.extend(&mem);
        }
        for (i, a) in self.ag.iter().enumerate() {
            if a.kind == Kind::Agency
                && a.since <= year
                && let Some(r) = a.region
            {
                by_region[r].push(i as u32);
                if let Some(c) = a.complex {
                    by_hub[c].push(i as u32);
                }
                nation.push(i as u32);
            }
        }
        for v in by_hub
            .iter_mut()
            .chain(by_region.iter_mut())
            .chain(std::iter::once(&mut nation))
        {
            v.sort_unstable();
            v.dedup();
        }
        let hub_items: Vec<(usize, f64)> = by_hub
            .iter()
            .enumerate()
            .filter(|(_, v)| v.len() >= 2)
            .map(|(h, v)| (h, v.len() as f64))
            .collect();
        let region_items: Vec<(usize, f64)> = by_region
            .iter()
            .enumerate()
            .filter(|(_, v)| v.len() >= 2)
            .map(|(r, v)| (r, v.len() as f64))
            .collect();
        let e_open = if hub_items.is_empty() || region_items.is_empty() || nation.len() < 2 {
            0
        } else {
            e_open
        };
        // host: 0 hub, 1 region, 2 nation
        let hosts: Vec<(u8, usize)> = (0..e_open)
            .map(|_| {
                let x: f64 = self.rng.random();
                if x < 0.7 {
                    (0, pick_weighted(&mut self.rng, &hub_items))
                } else if x < 0.97 {
                    (1, pick_weighted(&mut self.rng, &region_items))
                } else {
                    (2, 0)
                }
            })
            .collect();
        let cand = |h: (u8, usize)| -> &Vec<u32> {
            match h.0 {
                0 => &by_hub[h.1],
                1 => &by_region[h.1],
                _ => &nation,
            }
        };
        let caps: Vec<usize> = hosts
            .iter()
            .map(|&h| ((cand(h).len() * 4) / 5).clamp(2, MAX_EVENT))
            .collect();
        let open_sizes = if hosts.is_empty() {
            Vec::new()
        } else {
            event_sizes(&mut self.rng, &caps, p_open, OPEN_SIZE_ALPHA)
        };
        let cum_of = |v: &Vec<u32>| cumulative(v.iter().map(|&a| self.ag[a as usize].act));
        let hub_cum: Vec<Vec<f64>> = by_hub.iter().map(cum_of).collect();
        let region_cum: Vec<Vec<f64>> = by_region.iter().map(cum_of).collect();
        let nation_cum = cum_of(&nation);
        let mc_mem: Vec<Vec<u32>> = active
            .iter()
            .map(|&m| self.mc_members(m, k).to_vec())
            .collect();
        let mc_cum: Vec<Vec<f64>> = mc_mem.iter().map(cum_of).collect();
        // Fill every event of the year, largest first (MC and open events
        // together), so that the yearly caps bind only on small events.
        // job: (size, MC position or usize::MAX for open, event index)
        let mut jobs: Vec<(usize, usize, usize)> = Vec::new();
        for (j, (sizes, _)) in plans.iter().enumerate() {
            jobs.extend(sizes.iter().enumerate().map(|(i, &n)| (n, j, i)));
        }
        jobs.extend(
            open_sizes
                .iter()
                .enumerate()
                .map(|(i, &n)| (n, usize::MAX, i)),
        );
        jobs.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut open_built: Vec<Vec<u32>> = vec![Vec::new(); hosts.len()];
        for &(size, j, i) in &jobs {
            let (c, cum, mut members) = if j == usize::MAX {
                let h = hosts[i];
                let cum = match h.0 {
                    0 => &hub_cum[h.1],
                    1 => &region_cum[h.1],
                    _ => &nation_cum,
                };
                (cand(h), cum, Vec::with_capacity(size))
            } else {
                (&mc_mem[j], &mc_cum[j], std::mem::take(&mut plans[j].1[i]))
            };
            let first = members.len();
            let tag = self.next_tag();
            for &a in &members {
                self.stamp[a as usize] = tag;
            }
            sample_distinct(
                &mut self.rng,
                c,
                cum,
                size - first,
                &mut self.stamp,
                tag,
                &self.evn,
                &self.cap,
                &mut members,
            );
            for &a in &members[first..] {
                self.evn[a as usize] += 1;
            }
            members.sort_unstable();
            if j == usize::MAX {
                open_built[i] = members;
            } else {
                plans[j].1[i] = members;
            }
        }
        for (&m, (_, ev)) in active.iter().zip(plans) {
            let mc_id = self.mcs[m].id.clone();
            let n_ev = ev.len();
            for members in ev {
                let kind = pick_weighted(&mut self.rng, &MC_EVENT_TYPES);
                out.push(group(
                    new_id(&mut serial),
                    Layer::Event,
                    kind,
                    year,
                    &members,
                    Some(&mc_id),
                ));
            }
            self.done_work += n_ev as u64;
            progress(self.done_work, self.total_work);
        }
        for members in open_built {
            let kind = pick_weighted(&mut self.rng, &OPEN_EVENT_TYPES);
            out.push(group(
                new_id(&mut serial),
                Layer::Event,
                kind,
                year,
                &members,
                None,
            ));
        }
        self.done_work += e_open as u64;
        progress(self.done_work, self.total_work);
    }
    /// The consortium type of every project, per year.
    fn project_types(&mut self) -> Vec<Vec<Consortium>> {
        let s = self.opts.scale;
        let counts = apportion(
            scaled(900.0, s),
            &CONSORTIA.iter().map(|c| c.1).collect::<Vec<_>>(),
        );
        let mut all: Vec<Consortium> = CONSORTIA
            .iter()
            .zip(&counts)
            .flat_map(|(c, &n)| std::iter::repeat_n(c.0, n))
            .collect();
        all.shuffle(&mut self.rng);
        let per_year = apportion(all.len(), &RND_CASES);
        let mut out = Vec::new();
        let mut it = all.into_iter();
        for n in per_year {
            out.push(it.by_ref().take(n).collect());
        }
        out
    }

    /// Is actor `c` acceptable for slot `need`?
    fn fits(&self, c: u32, need: Need) -> bool {
        let a = &self.ag[c as usize];
        if a.since > self.year {
            return false;
        }
        match need {
            Need::Sme => a.domestic_firm() && !a.large(),
            Need::Large => a.domestic_firm() && a.large(),
            Need::AnyFirm => a.domestic_firm(),
            Need::University => a.kind == Kind::University,
            Need::Institute => a.kind == Kind::Institute,
            Need::Agency => a.kind == Kind::Agency,
        }
    }

    /// A partner for a project: triadic closure through the members so far,
    /// else preferential attachment (urn of earlier participations) within
    /// the region, else anyone fitting.
    fn partner(&mut self, members: &[u32], need: Need, region: usize, urn: &Urns) -> Option<u32> {
        let ok = |g: &Gen, c: u32| g.fits(c, need) && !members.contains(&c);
        if !members.is_empty() && self.rng.random::<f64>() < CLOSURE {
            for _ in 0..40 {
                let m = members[self.rng.random_range(0..members.len())];
                let n1 = &self.adj[m as usize];
                if n1.is_empty() {
                    continue;
                }
                let n = n1[self.rng.random_range(0..n1.len())];
                let n2 = &self.adj[n as usize];
                if n2.is_empty() {
                    continue;
                }
                let c = n2[self.rng.random_range(0..n2.len())];
                if ok(self, c) {
                    return Some(c);
                }
            }
        }
        let region = if self.rng.random::<f64>() < 0.9 {
            region
        } else {
            self.rng.random_range(0..self.sk.regions.len())
        };
        let ni = need as usize;
        for attempt in 0..60 {
            let r = if attempt < 40 {
                region
            } else {
                self.rng.random_range(0..self.sk.regions.len())
            };
            let u = &urn.urn[ni][r];
            let p = &urn.pool[ni][r];
            let c = if !u.is_empty() && self.rng.random::<f64>() < 0.6 {
                u[self.rng.random_range(0..u.len())]
            } else if !p.is_empty() {
                p[self.rng.random_range(0..p.len())]
            } else {
                continue;
            };
            if ok(self, c) {
                return Some(c);
            }
        }
        (0..self.ag.len() as u32).find(|&c| ok(self, c))
    }

    /// The year's projects; returns the new collaboration pairs.
    fn projects(
        &mut self,
        k: usize,
        types: &[Consortium],
        out: &mut Vec<Group>,
    ) -> Vec<(u32, u32)> {
        let s = self.opts.scale;
        let year = Y0 + k as i32;
        let n_regions = self.sk.regions.len();
        // Urns and pools per need and region (built from earlier projects).
        let mut urns = Urns {
            urn: vec![vec![Vec::new(); n_regions]; 6],
            pool: vec![vec![Vec::new(); n_regions]; 6],
        };
        for (i, a) in self.ag.iter().enumerate() {
            let Some(r) = a.region else { continue };
            for need in Need::ALL {
                if self.fits(i as u32, need) {
                    urns.pool[need as usize][r].push(i as u32);
                }
            }
        }
        for g in out.iter() {
            for m in &g.members {
                let a = &self.ag[m.actor as usize];
                let Some(r) = a.region else { continue };
                for need in Need::ALL {
                    if self.fits(m.actor, need) {
                        urns.urn[need as usize][r].push(m.actor);
                    }
                }
            }
        }
        let active: Vec<(usize, f64)> = (0..self.mcs.len())
            .filter(|&m| self.mcs[m].active[k])
            .map(|m| (m, self.members[m][k] as f64))
            .collect();
        // Strong closure for projects: the firm–university and
        // firm–institute pairs most embedded in earlier years' network (highest
        // resource-allocation score) start projects of a fitting type first.
        let org_need = |t: Consortium| match t {
            Consortium::IU | Consortium::IIU | Consortium::IUR => Some(Need::University),
            Consortium::IR | Consortium::IIR => Some(Need::Institute),
            _ => None,
        };
        let mut strong: [Vec<(u32, u32)>; 2] = Default::default();
        for (x, need) in [Need::University, Need::Institute].into_iter().enumerate() {
            let n = types.iter().filter(|&&t| org_need(t) == Some(need)).count();
            let year = self.year;
            let fits = |a: &Ag, c: &Ag| {
                a.domestic_firm()
                    && a.since <= year
                    && c.since <= year
                    && c.kind
                        == if x == 0 {
                            Kind::University
                        } else {
                            Kind::Institute
                        }
            };
            strong[x] = self.top_ra_pairs((STRONG_CLOSURE * n as f64).round() as usize, fits);
            strong[x].reverse();
        }
        let n_ls = scaled(LARGE_SME[k], s);
        let mut ls_left = n_ls;
        let mut pairs = Vec::new();
        let width = (types.len().max(1).ilog10() as usize + 1).max(4);
        for (i, &t) in types.iter().enumerate() {
            let ls = t.multi_firm() && ls_left > 0;
            if ls {
                ls_left -= 1;
            }
            // Lead firm: a member of an active MC of the year.
            let mc = pick_weighted(&mut self.rng, &active);
            let phase = usize::from(k >= 3);
            let len = self.members[mc][k].min(self.cands[mc][phase].len());
            let lead_need = if t.multi_firm() {
                Need::Sme
            } else {
                Need::AnyFirm
            };
            let mut lead = None;
            let mut first_org = None;
            if let Some(need) = org_need(t) {
                let q = &mut strong[usize::from(need == Need::Institute)];
                if let Some(&(f, o)) = q.last()
                    && self.fits(f, lead_need)
                {
                    q.pop();
                    lead = Some(f);
                    first_org = Some((need, o));
                }
            }
            for _ in 0..if len == 0 || lead.is_some() { 0 } else { 200 } {
                let c = self.cands[mc][phase][self.rng.random_range(0..len)];
                if self.fits(c, lead_need) {
                    lead = Some(c);
                    break;
                }
            }
            let region = self.mcs[mc].region;
            let lead = match lead {
                Some(l) => l,
                None => match self.partner(&[], lead_need, region, &urns) {
                    Some(l) => l,
                    None => continue,
                },
            };
            let mut members = vec![lead];
            let extra_firms = match t {
                Consortium::II => 1 + usize::from(self.rng.random::<f64>() < 0.4),
                Consortium::IIR | Consortium::IIU => 1,
                _ => 0,
            };
            let mut needs: Vec<Need> = Vec::new();
            for f in 0..extra_firms {
                needs.push(if ls && f == 0 { Need::Large } else { Need::Sme });
            }
            let two = self.rng.random::<f64>() < 0.2;
            match t {
                Consortium::IU => {
                    needs.push(Need::University);
                    if two {
                        needs.push(Need::University);
                    }
                }
                Consortium::IR => {
                    needs.push(Need::Institute);
                    if two {
                        needs.push(Need::Institute);
                    }
                }
                Consortium::IIU => needs.push(Need::University),
                Consortium::IIR => needs.push(Need::Institute),
                Consortium::IUR => {
                    needs.push(Need::University);
                    needs.push(Need::Institute);
                }
                _ => {}
            }
            if self.rng.random::<f64>() < 0.05 {
                needs.push(Need::Agency);
            }
            if let Some((need, o)) = first_org
                && let Some(x) = needs.iter().position(|&n| n == need)
            {
                needs.remove(x);
                members.push(o);
            }
            for need in needs {
                if let Some(c) = self.partner(&members, need, region, &urns) {
                    members.push(c);
                }
            }
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    pairs.push((a, b));
                }
            }
            let funding = (100.0 * pareto(&mut self.rng, 2.0)).round();
            let mut g = group(
                format!("pj{:02}-{:0width$}", year % 100, i + 1),
                Layer::Project,
                t.label(),
                year,
                &members,
                None,
            );
            for (x, m) in g.members.iter_mut().enumerate() {
                m.role = Some(if x == 0 { Role::Lead } else { Role::Member });
                m.funding = (x == 0).then_some(funding);
            }
            out.push(g);
        }
        pairs
    }

    /// The year's firm–firm ties (pairs with their type) and the pairs new this year.
    #[allow(clippy::type_complexity)]
    fn ties(
        &mut self,
        k: usize,
        prev: &[(u32, u32, &'static str)],
        n_firms: usize,
    ) -> (Vec<(u32, u32, &'static str)>, Vec<(u32, u32)>) {
        let total = (lerp(IBC, k) * n_firms as f64 / 2.0).round() as usize;
        let mentoring = (total as f64 * MENTORING_SHARE).round() as usize;
        let trade = total - mentoring;
        let (foreign, domestic_ps, domestic_supply) = trade_split(trade, lerp(GLOBAL, k));
        let is_foreign =
            |g: &Gen, a: u32, b: u32| g.ag[a as usize].country != g.ag[b as usize].country;
        // Survivors by category: 0 domestic purchase/sales, 1 foreign
        // purchase/sales, 2 mentoring, 3 domestic supply.
        let mut cats: [Vec<(u32, u32, &'static str)>; 4] = Default::default();
        for &t in prev {
            if self.rng.random::<f64>() < TIE_SURVIVAL {
                let c = if t.2 == "mentoring" {
                    2
                } else if is_foreign(self, t.0, t.1) {
                    1
                } else if t.2 == "supply" {
                    3
                } else {
                    0
                };
                cats[c].push(t);
            }
        }
        let targets = [domestic_ps, foreign, mentoring, domestic_supply];
        let mut set: HashSet<(u32, u32)> = HashSet::new();
        for (c, v) in cats.iter_mut().enumerate() {
            if v.len() > targets[c] {
                v.shuffle(&mut self.rng);
                v.truncate(targets[c]);
            }
            for t in v.iter() {
                set.insert((t.0.min(t.1), t.0.max(t.1)));
            }
        }
        // Lists for sampling.
        let n_regions = self.sk.regions.len();
        let mut dom_by_region: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        let mut dom: Vec<u32> = Vec::new();
        let mut foreign_firms: Vec<u32> = Vec::new();
        let mut mentors: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        let mut smalls: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        for (i, a) in self.ag.iter().enumerate() {
            if a.kind != Kind::Firm {
                continue;
            }
            let i = i as u32;
            match a.region {
                Some(r) if a.country == "KR" => {
                    dom_by_region[r].push(i);
                    dom.push(i);
                    let e = a.employees.unwrap_or(0);
                    if e >= 300 {
                        mentors[r].push(i);
                    } else if e < 50 {
                        smalls[r].push(i);
                    }
                }
                _ => foreign_firms.push(i),
            }
        }
        let mut urn_region: Vec<Vec<u32>> = vec![Vec::new(); n_regions];
        let mut urn_foreign: Vec<u32> = Vec::new();
        let mut urn_global_dom: Vec<u32> = Vec::new();
        for v in [&cats[0], &cats[1], &cats[3]] {
            for &(a, b, _) in v {
                for x in [a, b] {
                    match self.ag[x as usize].region {
                        Some(r) if self.ag[x as usize].country == "KR" => {
                            urn_region[r].push(x);
                        }
                        _ => urn_foreign.push(x),
                    }
                }
            }
        }
        for &(a, b, _) in &cats[1] {
            for x in [a, b] {
                if self.ag[x as usize].country == "KR" {
                    urn_global_dom.push(x);
                }
            }
        }
        // Supply hubs: domestic firms weighted by head count^hub_exponent.
        let hub_exponent = self.opts.hub_exponent;
        let hub_cum = cumulative(dom.iter().map(|&f| {
            (self.ag[f as usize].employees.unwrap_or(1).max(1) as f64).powf(hub_exponent)
        }));
        // Centres of open wedges a–n–c in earlier years' network.
        let wedges: Vec<u32> = (0..self.adj.len() as u32)
            .filter(|&n| self.adj[n as usize].len() >= 2)
            .collect();
        let trade_kinds: [(&'static str, f64); 2] = [("purchase", 0.5), ("sales", 0.5)];
        let mut new_pairs = Vec::new();
        let mut fresh: Vec<(u32, u32, &'static str)> = Vec::new();
        // Strong closure: the firm pairs most embedded in earlier years'
        // network (highest resource-allocation score) meet first.
        let room: usize = (0..4)
            .map(|c| targets[c].saturating_sub(cats[c].len()))
            .sum();
        let mut strong: [Vec<(u32, u32)>; 2] = Default::default();
        let firm_pair =
            |a: &Ag, c: &Ag| c.kind == Kind::Firm && (a.country == "KR" || c.country == "KR");
        for (a, b) in self.top_ra_pairs((STRONG_CLOSURE * room as f64).round() as usize, firm_pair)
        {
            let foreign_pair = self.ag[a as usize].country != self.ag[b as usize].country;
            strong[usize::from(foreign_pair)].push((a, b));
        }
        strong[0].reverse();
        strong[1].reverse();
        for c in 0..4 {
            // Domestic supply ties are drawn like domestic purchase/sales ties.
            let draw = if c == 3 { 0 } else { c };
            let mut guard = 0usize;
            let mut have = cats[c].len();
            while have < targets[c] && guard < 200 * (targets[c] + 10) {
                guard += 1;
                let closure = self.rng.random::<f64>() < TIE_CLOSURE;
                let hub = draw == 0 && self.rng.random::<f64>() < HUB_SHARE;
                let queued = if draw < 2 && !hub {
                    strong[draw].pop()
                } else {
                    None
                };
                let pick = match draw {
                    0 if hub => self.hub_tie(&dom, &hub_cum, &smalls),
                    _ if queued.is_some() => queued,
                    0 if closure => self.wedge(
                        &wedges,
                        |g, a| g.ag[a as usize].domestic_firm(),
                        |g, c| g.ag[c as usize].domestic_firm(),
                    ),
                    1 if closure => self.wedge(
                        &wedges,
                        |g, a| g.ag[a as usize].domestic_firm(),
                        |g, c| {
                            let x = &g.ag[c as usize];
                            x.kind == Kind::Firm && x.country != "KR"
                        },
                    ),
                    2 if closure => self.wedge(
                        &wedges,
                        |g, a| {
                            g.ag[a as usize].domestic_firm()
                                && g.ag[a as usize].employees.unwrap_or(0) >= 300
                        },
                        |g, c| {
                            g.ag[c as usize].domestic_firm()
                                && g.ag[c as usize].employees.unwrap_or(0) < 50
                        },
                    ),
                    0 => self.new_domestic(&dom, &dom_by_region, &urn_region),
                    1 => self.new_foreign(
                        &dom,
                        &hub_cum,
                        &foreign_firms,
                        &urn_global_dom,
                        &urn_foreign,
                    ),
                    _ => {
                        let r = self.rng.random_range(0..n_regions);
                        if mentors[r].is_empty() || smalls[r].is_empty() {
                            None
                        } else {
                            Some((
                                mentors[r][self.rng.random_range(0..mentors[r].len())],
                                smalls[r][self.rng.random_range(0..smalls[r].len())],
                            ))
                        }
                    }
                };
                let Some((a, b)) = pick else { continue };
                if a == b || !set.insert((a.min(b), a.max(b))) {
                    continue;
                }
                let kind = match c {
                    2 => "mentoring",
                    3 => "supply",
                    _ => pick_weighted(&mut self.rng, &trade_kinds),
                };
                let (s, t) = if c == 2 || self.rng.random::<bool>() {
                    (a, b)
                } else {
                    (b, a)
                };
                fresh.push((s, t, kind));
                have += 1;
                new_pairs.push((a, b));
                for x in [a, b] {
                    match self.ag[x as usize].region {
                        Some(r) if self.ag[x as usize].country == "KR" => urn_region[r].push(x),
                        _ => urn_foreign.push(x),
                    }
                }
                if c == 1 {
                    urn_global_dom.push(if self.ag[a as usize].country == "KR" {
                        a
                    } else {
                        b
                    });
                }
            }
        }
        // Survivors in last year's order, then the new ties.
        let mut keep: HashSet<(u32, u32)> = HashSet::new();
        for v in &cats {
            for t in v {
                keep.insert((t.0, t.1));
            }
        }
        let mut cur: Vec<(u32, u32, &'static str)> = prev
            .iter()
            .copied()
            .filter(|t| keep.contains(&(t.0, t.1)))
            .collect();
        cur.extend(fresh);
        (cur, new_pairs)
    }

    /// The `k` pairs (a firm a, a partner c with a larger index accepted by
    /// `fits(a, c)`; not yet linked) with the highest resource-allocation
    /// score Σ 1/deg(n) over common neighbours n in earlier years' network,
    /// best first. O(Σ deg²) time, O(n) scratch.
    fn top_ra_pairs(&self, k: usize, fits: impl Fn(&Ag, &Ag) -> bool) -> Vec<(u32, u32)> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        if k == 0 {
            return Vec::new();
        }
        let n = self.ag.len();
        let mut score = vec![0.0f64; n];
        let mut linked = vec![u32::MAX; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut heap: BinaryHeap<Reverse<(u64, u32, u32)>> = BinaryHeap::new();
        for a in 0..n {
            let ga = &self.ag[a];
            if ga.kind != Kind::Firm || self.adj[a].is_empty() {
                continue;
            }
            for &m in &self.adj[a] {
                linked[m as usize] = a as u32;
            }
            for &m in &self.adj[a] {
                let nm = &self.adj[m as usize];
                let w = 1.0 / nm.len() as f64;
                // adjacency lists are sorted: skip the partners c ≤ a at once
                let later = nm.partition_point(|&c| c as usize <= a);
                for &c in &nm[later..] {
                    let cu = c as usize;
                    if linked[cu] == a as u32 {
                        continue;
                    }
                    if !fits(ga, &self.ag[cu]) {
                        continue;
                    }
                    if score[cu] == 0.0 {
                        touched.push(c);
                    }
                    score[cu] += w;
                }
            }
            for &c in &touched {
                let sc = score[c as usize];
                score[c as usize] = 0.0;
                // keep the k best: a pair no better than the worst kept one
                // would be pushed and popped again (pairs are distinct, so
                // there are no ties), so skip it without touching the heap
                let x = Reverse((sc.to_bits(), a as u32, c));
                if heap.len() < k {
                    heap.push(x);
                } else if let Some(mut worst) = heap.peek_mut()
                    && x < *worst
                {
                    *worst = x;
                }
            }
            touched.clear();
        }
        let mut v: Vec<(u64, u32, u32)> = heap.into_iter().map(|r| r.0).collect();
        v.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        v.into_iter().map(|x| (x.1, x.2)).collect()
    }

    /// Triadic closure: a pair (a, c) of neighbours of one actor in earlier
    /// years' network, a fitting `fa` and c fitting `fc`.
    fn wedge(
        &mut self,
        wedges: &[u32],
        fa: impl Fn(&Gen, u32) -> bool,
        fc: impl Fn(&Gen, u32) -> bool,
    ) -> Option<(u32, u32)> {
        if wedges.is_empty() {
            return None;
        }
        for _ in 0..30 {
            let n = wedges[self.rng.random_range(0..wedges.len())];
            let nb = &self.adj[n as usize];
            let a = nb[self.rng.random_range(0..nb.len())];
            let c = nb[self.rng.random_range(0..nb.len())];
            if a == c {
                continue;
            }
            if fa(self, a) && fc(self, c) {
                return Some((a, c));
            }
            if fa(self, c) && fc(self, a) {
                return Some((c, a));
            }
        }
        None
    }

    fn new_domestic(
        &mut self,
        dom: &[u32],
        by_region: &[Vec<u32>],
        urn_region: &[Vec<u32>],
    ) -> Option<(u32, u32)> {
        if self.rng.random::<f64>() < TIE_CLOSURE {
            // A partner of a partner (earlier years' ties and projects).
            for _ in 0..20 {
                let a = dom[self.rng.random_range(0..dom.len())];
                let n1 = &self.adj[a as usize];
                if n1.is_empty() {
                    continue;
                }
                let n = n1[self.rng.random_range(0..n1.len())];
                let n2 = &self.adj[n as usize];
                let c = n2[self.rng.random_range(0..n2.len())];
                if c != a && self.ag[c as usize].domestic_firm() {
                    return Some((a, c));
                }
            }
        }
        let a = dom[self.rng.random_range(0..dom.len())];
        let r = self.ag[a as usize].region?;
        let r = if self.rng.random::<f64>() < 0.85 {
            r
        } else {
            self.rng.random_range(0..by_region.len())
        };
        let u = &urn_region[r];
        let p = &by_region[r];
        if !u.is_empty() && self.rng.random::<f64>() < 0.6 {
            Some((a, u[self.rng.random_range(0..u.len())]))
        } else if !p.is_empty() {
            Some((a, p[self.rng.random_range(0..p.len())]))
        } else {
            None
        }
    }

    /// A supply-chain tie: a hub drawn by size among the domestic firms and
    /// an SME (< 50 employees) of its pan region, half the time one already
    /// two steps from the hub in earlier years' network.
    fn hub_tie(&mut self, dom: &[u32], hub_cum: &[f64], smalls: &[Vec<u32>]) -> Option<(u32, u32)> {
        let h = dom[pick_cum(&mut self.rng, hub_cum)];
        let r = self.ag[h as usize].region?;
        if self.rng.random::<f64>() < 0.5 {
            for _ in 0..10 {
                let n1 = &self.adj[h as usize];
                if n1.is_empty() {
                    break;
                }
                let n = n1[self.rng.random_range(0..n1.len())];
                let n2 = &self.adj[n as usize];
                let c = n2[self.rng.random_range(0..n2.len())];
                let a = &self.ag[c as usize];
                if c != h && a.domestic_firm() && a.employees.unwrap_or(0) < 50 {
                    return Some((h, c));
                }
            }
        }
        let s = &smalls[r];
        (!s.is_empty()).then(|| (h, s[self.rng.random_range(0..s.len())]))
        // (the spoke is uniform among the region's SMEs: no preference for
        // well-connected ones, which keeps the supply network disassortative)
    }

    fn new_foreign(
        &mut self,
        dom: &[u32],
        hub_cum: &[f64],
        foreign: &[u32],
        urn_dom: &[u32],
        urn_foreign: &[u32],
    ) -> Option<(u32, u32)> {
        if foreign.is_empty() {
            return None;
        }
        let x = self.rng.random::<f64>();
        let a = if !urn_dom.is_empty() && x < 0.3 {
            urn_dom[self.rng.random_range(0..urn_dom.len())]
        } else if x < 0.6 {
            dom[pick_cum(&mut self.rng, hub_cum)]
        } else {
            loop {
                let a = dom[self.rng.random_range(0..dom.len())];
                let e = self.ag[a as usize].employees.unwrap_or(0) as f64;
                if self.rng.random::<f64>() < (0.3 + e / 200.0).min(1.0) {
                    break a;
                }
            }
        };
        if self.rng.random::<f64>() < TIE_CLOSURE {
            for _ in 0..20 {
                let n1 = &self.adj[a as usize];
                if n1.is_empty() {
                    break;
                }
                let n = n1[self.rng.random_range(0..n1.len())];
                let n2 = &self.adj[n as usize];
                if n2.is_empty() {
                    continue;
                }
                let c = n2[self.rng.random_range(0..n2.len())];
                if self.ag[c as usize].kind == Kind::Firm && self.ag[c as usize].country != "KR" {
                    return Some((a, c));
                }
            }
        }
        let b = if !urn_foreign.is_empty() && self.rng.random::<f64>() < 0.2 {
            urn_foreign[self.rng.random_range(0..urn_foreign.len())]
        } else {
            foreign[self.rng.random_range(0..foreign.len())]
        };
        Some((a, b))
    }

    fn finish(mut self) -> Network {
        unique_names(&mut self.ag);
        let from = self.opts.years.from;
        let width = (self.ag.len().max(1).ilog10() as usize + 1).max(5);
        let mut groups: Vec<Group> = self
            .groups
            .into_iter()
            .filter(|g| g.year.is_some_and(|y| y >= from))
            .collect();
        let mut ties: Vec<Tie> = self
            .ties
            .into_iter()
            .filter(|t| t.year.is_some_and(|y| y >= from))
            .collect();
        // MCs each actor belongs to (from the events written), in list order.
        let mc_order: Vec<String> = (0..self.copies)
            .flat_map(|c| {
                let suffix = copy_suffix(c);
                self.sk
                    .mini_clusters
                    .iter()
                    .map(move |m| format!("{}{suffix}", m.id))
            })
            .collect();
        let mut mc_index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, id) in mc_order.iter().enumerate() {
            mc_index.entry(id.as_str()).or_insert(i);
        }
        let mut mcs_of: Vec<Vec<usize>> = vec![Vec::new(); self.ag.len()];
        for g in &groups {
            // All members of an event share its MC.
            let Some(Some(mc)) = g.members.first().map(|m| m.mini_cluster.as_deref()) else {
                continue;
            };
            let Some(&i) = mc_index.get(mc) else { continue };
            for m in &g.members {
                let v = &mut mcs_of[m.actor as usize];
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        let prefix = |k: Kind| match k {
            Kind::Firm => "f",
            Kind::University => "u",
            Kind::Institute => "r",
            Kind::Agency => "g",
            Kind::Other => "o",
        };
        let actors: Vec<Actor> = self
            .ag
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut mcs = std::mem::take(&mut mcs_of[i]);
                mcs.sort_unstable();
                mcs.dedup();
                Actor {
                    id: format!("{}{:0width$}", prefix(a.kind), i + 1),
                    name: a.name.clone(),
                    kind: a.kind,
                    employees: a.employees,
                    size_class: a.employees.map(SizeClass::from_employees),
                    region: a.region.map(|r| self.sk.regions[r].clone()),
                    complex: a.complex.map(|c| self.sk.complexes[c].id.clone()),
                    mini_clusters: mcs.into_iter().map(|m| mc_order[m].clone()).collect(),
                    country: a.country.to_string(),
                    attrs: Vec::new(),
                    line: i as u64 + 2,
                }
            })
            .collect();
        let mut line = [1u64; 2];
        for g in &mut groups {
            let l = &mut line[usize::from(g.layer == Layer::Project)];
            for m in &mut g.members {
                *l += 1;
                m.line = *l;
            }
        }
        for (i, t) in ties.iter_mut().enumerate() {
            t.line = i as u64 + 2;
        }
        let name = PathBuf::from("korea-iccp (generated)");
        let sources = Sources {
            dataset: name.clone(),
            actors: name.join("actors.csv"),
            events: name.join("events.csv"),
            projects: name.join("projects.csv"),
            ties: name.join("ties.csv"),
        };
        let mut years = std::mem::take(&mut self.years_rows);
        years.sort_by_key(|r| (r.year, r.actor));
        for (i, r) in years.iter_mut().enumerate() {
            r.line = i as u64 + 2;
        }
        Network::new(
            actors,
            groups,
            ties,
            Vec::new(),
            Default::default(),
            sources,
        )
        .with_actor_years(years)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    Sme,
    Large,
    AnyFirm,
    University,
    Institute,
    Agency,
}

impl Need {
    const ALL: [Need; 6] = [
        Need::Sme,
        Need::Large,
        Need::AnyFirm,
        Need::University,
        Need::Institute,
        Need::Agency,
    ];
}

struct Urns {
    urn: Vec<Vec<Vec<u32>>>,
    pool: Vec<Vec<Vec<u32>>>,
}

fn group(
    id: String,
    layer: Layer,
    kind: &str,
    year: i32,
    members: &[u32],
    mc: Option<&str>,
) -> Group {
    Group {
        id,
        layer,
        kind: kind.to_string(),
        year: Some(year),
        members: members
            .iter()
            .map(|&a| Member {
                actor: a as ActorIx,
                role: None,
                funding: None,
                mini_cluster: mc.map(str::to_string),
                attrs: Vec::new(),
                line: 0,
            })
            .collect(),
    }
}
