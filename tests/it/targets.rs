//! The calibration targets of the korea-iccp generator and the
//! counts that check them, computed from a `Network` with plain code that
//! knows nothing of the generator. Every number here is typed in from the
//! seed (chapter III of `/work/shared/seeds/000_2c2bd471947d47f0.txt`).
//!
//! When iuinet's metrics functions land, they replace these counts.

use iuinet::model::{Kind, Layer, Network, SizeClass};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub const YEARS: [i32; 5] = [2005, 2006, 2007, 2008, 2009];

/// Linear interpolation between the seed's first- and fifth-year figures.
fn interp(a: f64, b: f64, y: i32) -> f64 {
    a + (b - a) * f64::from(y - 2005) / 4.0
}

/// Firms (actors of kind firm, foreign ones included).
pub fn firms(net: &Network) -> usize {
    net.actors.iter().filter(|a| a.kind == Kind::Firm).count()
}

/// Inter-business connections per firm in year y: 2·(firm–firm ties of y)/firms.
pub fn inter_business(net: &Network, y: i32) -> f64 {
    let n = net
        .ties
        .iter()
        .filter(|t| {
            t.year == Some(y)
                && net.actor(t.source).kind == Kind::Firm
                && net.actor(t.target).kind == Kind::Firm
        })
        .count();
    2.0 * n as f64 / firms(net) as f64
}

/// Share of purchase/sales ties of year y whose ends are in different countries.
pub fn global_share(net: &Network, y: i32) -> f64 {
    let trade: Vec<_> = net
        .ties
        .iter()
        .filter(|t| t.year == Some(y) && matches!(t.kind.as_str(), "purchase" | "sales"))
        .collect();
    let foreign = trade
        .iter()
        .filter(|t| net.actor(t.source).country != net.actor(t.target).country)
        .count();
    foreign as f64 / trade.len() as f64
}

/// Active mini clusters of year y and their members (distinct actors of their events).
pub fn mini_clusters(net: &Network, y: i32) -> BTreeMap<String, BTreeSet<u32>> {
    let mut m: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for g in net.events().filter(|g| g.year == Some(y)) {
        for mem in &g.members {
            if let Some(mc) = &mem.mini_cluster {
                m.entry(mc.clone()).or_default().insert(mem.actor);
            }
        }
    }
    m
}

/// (events, participations) of year y.
pub fn activities(net: &Network, y: i32) -> (usize, usize) {
    let ev: Vec<_> = net.events().filter(|g| g.year == Some(y)).collect();
    (ev.len(), ev.iter().map(|g| g.members.len()).sum())
}

/// The consortium type of a project from its members' kinds (I firm,
/// U university, R institute; agencies and others do not count).
pub fn consortium(net: &Network, g: &iuinet::model::Group) -> &'static str {
    let count = |k: Kind| {
        g.members
            .iter()
            .filter(|m| net.actor(m.actor).kind == k)
            .count()
    };
    let (i, u, r) = (
        count(Kind::Firm),
        count(Kind::University),
        count(Kind::Institute),
    );
    match (i, u > 0, r > 0) {
        (0, _, _) => "no firm",
        (1, false, false) => "single",
        (_, false, false) => "industry-industry",
        (1, false, true) => "industry-institute",
        (1, true, false) => "industry-university",
        (_, false, true) => "industry-industry-institute",
        (_, true, false) => "industry-industry-university",
        (_, true, true) => "industry-university-institute",
    }
}

pub const CONSORTIA: [(&str, usize); 7] = [
    ("single", 31),
    ("industry-industry", 128),
    ("industry-institute", 169),
    ("industry-university", 450),
    ("industry-industry-institute", 30),
    ("industry-industry-university", 82),
    ("industry-university-institute", 10),
];

pub fn consortia(net: &Network) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for g in net.projects() {
        *m.entry(consortium(net, g)).or_insert(0) += 1;
    }
    m
}

/// Projects of year y with a firm of 300+ employees and a firm of fewer than 300.
pub fn large_sme(net: &Network, y: i32) -> usize {
    net.projects()
        .filter(|g| g.year == Some(y))
        .filter(|g| {
            let firms: Vec<_> = g
                .members
                .iter()
                .map(|m| net.actor(m.actor))
                .filter(|a| a.kind == Kind::Firm)
                .collect();
            firms
                .iter()
                .any(|a| a.size_class == Some(SizeClass::S300Plus))
                && firms
                    .iter()
                    .any(|a| a.size_class.is_some_and(|c| c != SizeClass::S300Plus))
        })
        .count()
}

/// Cases of industry-university-institute collaboration per participating
/// firm in year y: (I-U-I ties of y + one per firm member of each project of
/// y that has a university or institute) / firms with an event, a project
/// or a tie in y.
pub fn iui_cases(net: &Network, y: i32) -> (f64, usize) {
    let org = |a: u32| matches!(net.actor(a).kind, Kind::University | Kind::Institute);
    let firm = |a: u32| net.actor(a).kind == Kind::Firm;
    let mut part: HashSet<u32> = HashSet::new();
    let mut cases = 0usize;
    for g in net.groups.iter().filter(|g| g.year == Some(y)) {
        part.extend(g.members.iter().map(|m| m.actor).filter(|&a| firm(a)));
        if g.layer == Layer::Project && g.members.iter().any(|m| org(m.actor)) {
            cases += g.members.iter().filter(|m| firm(m.actor)).count();
        }
    }
    for t in net.ties.iter().filter(|t| t.year == Some(y)) {
        part.extend([t.source, t.target].into_iter().filter(|&a| firm(a)));
        if iuinet::model::IUI_TIE_TYPES.contains(&t.kind.as_str())
            && (firm(t.source) && org(t.target) || firm(t.target) && org(t.source))
        {
            cases += 1;
        }
    }
    (cases as f64 / part.len() as f64, part.len())
}

/// Mean patents and R&D funding over the actor_years rows of year y.
pub fn rnd_means(net: &Network, y: i32) -> (f64, f64, usize) {
    let rows: Vec<_> = net.actor_years.iter().filter(|r| r.year == y).collect();
    let n = rows.len() as f64;
    (
        rows.iter()
            .map(|r| r.patents.unwrap_or(0) as f64)
            .sum::<f64>()
            / n,
        rows.iter()
            .map(|r| r.rnd_funding.unwrap_or(0.0))
            .sum::<f64>()
            / n,
        rows.len(),
    )
}

/// Participations in events and projects, and I-U-I ties, before the year
/// their actor or mini cluster joined the programme: agencies of the
/// complexes appointed in 2008, the mini clusters of those complexes, and
/// firms located in complexes that belong only to hubs appointed in 2008
/// (complexes.csv `appointed`), before 2008.
pub fn anachronisms(net: &Network) -> usize {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut appointed: HashMap<String, i32> = HashMap::new();
    let mut hubs_of: HashMap<String, Vec<String>> = HashMap::new();
    let mut rdr =
        csv::Reader::from_path(format!("{root}/graphs/korea-iccp/complexes.csv")).unwrap();
    for r in rdr.records() {
        let r = r.unwrap();
        if let Ok(y) = r[5].parse() {
            appointed.insert(r[0].to_string(), y);
        }
        let hubs: Vec<String> = if &r[2] == "hub" {
            vec![r[0].to_string()]
        } else {
            r[3].split(';').map(|s| s.trim().to_string()).collect()
        };
        hubs_of.insert(r[0].to_string(), hubs);
    }
    let (mcs, _) = mc_places();
    let joined = |a: u32| -> i32 {
        let x = net.actor(a);
        let Some(c) = &x.complex else { return 2005 };
        match x.kind {
            Kind::Agency => appointed.get(c).copied().unwrap_or(2005),
            Kind::Firm => {
                let h = &hubs_of[c];
                if h.iter().all(|h| appointed.get(h) == Some(&2008)) {
                    2008
                } else {
                    2005
                }
            }
            _ => 2005,
        }
    };
    let mc_joined = |mc: &str| -> i32 {
        let base = mc.split('~').next().unwrap_or(mc);
        let (hubs, _) = &mcs[base];
        // An MC listed only under hubs appointed in 2008 starts in 2008
        // (the generator's borrowed pilot MCs sit under non-programme hubs).
        if hubs.iter().all(|h| appointed.get(h) == Some(&2008)) {
            2008
        } else {
            2005
        }
    };
    let mut bad = 0;
    for g in &net.groups {
        let y = g.year.unwrap_or(0);
        for m in &g.members {
            if joined(m.actor) > y
                || m.mini_cluster
                    .as_deref()
                    .is_some_and(|mc| mc_joined(mc) > y)
            {
                bad += 1;
            }
        }
    }
    for t in net.ties.iter() {
        if iuinet::model::IUI_TIE_TYPES.contains(&t.kind.as_str()) {
            let y = t.year.unwrap_or(0);
            bad += usize::from(joined(t.source) > y || joined(t.target) > y);
        }
    }
    bad
}

/// Share of firms in each size class.
pub fn size_shares(net: &Network) -> Vec<f64> {
    let n = firms(net) as f64;
    SizeClass::ALL
        .iter()
        .map(|c| {
            net.actors
                .iter()
                .filter(|a| a.kind == Kind::Firm && a.size_class == Some(*c))
                .count() as f64
                / n
        })
        .collect()
}

pub fn count_kind(net: &Network, k: Kind) -> usize {
    net.actors.iter().filter(|a| a.kind == k).count()
}

type McPlaces = HashMap<String, (Vec<String>, String)>;
type ComplexHubs = HashMap<String, Vec<String>>;

/// Hubs and pan region of each MC, from graphs/korea-iccp/.
fn mc_places() -> (McPlaces, ComplexHubs) {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut mcs = HashMap::new();
    let mut rdr =
        csv::Reader::from_path(format!("{root}/graphs/korea-iccp/mini_clusters.csv")).unwrap();
    for r in rdr.records() {
        let r = r.unwrap();
        let hubs = r[2].split(';').map(|s| s.trim().to_string()).collect();
        mcs.insert(r[0].to_string(), (hubs, r[1].to_string()));
    }
    // complex -> hubs it belongs to (itself for a hub)
    let mut cx = HashMap::new();
    let mut rdr =
        csv::Reader::from_path(format!("{root}/graphs/korea-iccp/complexes.csv")).unwrap();
    for r in rdr.records() {
        let r = r.unwrap();
        let hubs: Vec<String> = if &r[2] == "hub" {
            vec![r[0].to_string()]
        } else {
            r[3].split(';').map(|s| s.trim().to_string()).collect()
        };
        cx.insert(r[0].to_string(), hubs);
    }
    (mcs, cx)
}

/// Of the participations in MC events: (share by actors of the MC's own
/// complex group — its hub or a complex connected to it —, share by actors
/// from another pan region).
pub fn locality(net: &Network) -> (f64, f64) {
    let (mcs, cx) = mc_places();
    let (mut n, mut home, mut other_region) = (0usize, 0usize, 0usize);
    for g in net.events() {
        for m in &g.members {
            let Some(mc) = &m.mini_cluster else { continue };
            let (hubs, region) = &mcs[mc];
            let a = net.actor(m.actor);
            n += 1;
            if a.complex
                .as_ref()
                .and_then(|c| cx.get(c))
                .is_some_and(|h| h.iter().any(|h| hubs.contains(h)))
            {
                home += 1;
            }
            if a.region.as_deref() != Some(region.as_str()) {
                other_region += 1;
            }
        }
    }
    (home as f64 / n as f64, other_region as f64 / n as f64)
}

/// Share of events with an MC, and the largest event.
pub fn event_shape(net: &Network) -> (f64, usize) {
    let n = net.events().count();
    let with_mc = net
        .events()
        .filter(|g| g.members.iter().all(|m| m.mini_cluster.is_some()))
        .count();
    let max = net.events().map(|g| g.members.len()).max().unwrap_or(0);
    (with_mc as f64 / n as f64, max)
}

/// Share of project member pairs (firms, universities, institutes) in the same pan region.
pub fn project_same_region(net: &Network) -> f64 {
    let (mut n, mut same) = (0usize, 0usize);
    for g in net.projects() {
        let ms: Vec<_> = g
            .members
            .iter()
            .map(|m| net.actor(m.actor))
            .filter(|a| matches!(a.kind, Kind::Firm | Kind::University | Kind::Institute))
            .collect();
        for i in 0..ms.len() {
            for j in i + 1..ms.len() {
                n += 1;
                if ms[i].region.is_some() && ms[i].region == ms[j].region {
                    same += 1;
                }
            }
        }
    }
    same as f64 / n as f64
}

fn pairs_of(net: &Network, keep: impl Fn(i32) -> bool) -> HashSet<(u32, u32)> {
    let mut s = HashSet::new();
    let mut add = |a: u32, b: u32| {
        if a != b {
            s.insert((a.min(b), a.max(b)));
        }
    };
    for g in net
        .groups
        .iter()
        .filter(|g| g.layer == Layer::Project && g.year.is_some_and(&keep))
    {
        for (i, a) in g.members.iter().enumerate() {
            for b in &g.members[i + 1..] {
                add(a.actor, b.actor);
            }
        }
    }
    for t in net.ties.iter().filter(|t| {
        t.year.is_some_and(&keep) && iuinet::model::BUSINESS_TIE_TYPES.contains(&t.kind.as_str())
    }) {
        add(t.source, t.target);
    }
    s
}

/// Link prediction on the projects and the firm–firm business ties (the
/// records the target was set on; the I-U-I collaboration ties are left
/// out) split at 2008: of the pairs
/// linked in 2009 and not before, the share at distance 2 in the ≤2008
/// network; the resource-allocation AUC against all unlinked pairs
/// (estimated on `samples` random positive/negative pairs, fixed LCG); and
/// the precision of the 10 best RA-scored unlinked pairs over random.
pub fn link_prediction(net: &Network, samples: usize) -> (f64, f64, f64) {
    let train = pairs_of(net, |y| y <= 2008);
    let test: Vec<(u32, u32)> = {
        let mut v: Vec<_> = pairs_of(net, |y| y == 2009)
            .into_iter()
            .filter(|p| !train.contains(p))
            .collect();
        v.sort_unstable();
        v
    };
    let n = net.actors.len();
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in &train {
        adj[a as usize].push(b);
        adj[b as usize].push(a);
    }
    for v in &mut adj {
        v.sort_unstable();
    }
    let ra = |a: u32, b: u32| -> f64 {
        let (x, y) = (&adj[a as usize], &adj[b as usize]);
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += 1.0 / adj[x[i] as usize].len() as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    };
    let dist2 = test.iter().filter(|&&(a, b)| ra(a, b) > 0.0).count() as f64 / test.len() as f64;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| -> usize {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let mut wins = 0.0;
    for _ in 0..samples {
        let (a, b) = test[next(test.len())];
        let (c, d) = loop {
            let (c, d) = (next(n) as u32, next(n) as u32);
            let p = (c.min(d), c.max(d));
            if c != d && !train.contains(&p) && test.binary_search(&p).is_err() {
                break (c, d);
            }
        };
        let (sp, sn) = (ra(a, b), ra(c, d));
        wins += if sp > sn {
            1.0
        } else if sp == sn {
            0.5
        } else {
            0.0
        };
    }
    // Precision@10: every unlinked pair at distance 2, scored by RA.
    let mut scores: HashMap<(u32, u32), f64> = HashMap::new();
    for nb in &adj {
        let w = 1.0 / nb.len() as f64;
        for (i, &a) in nb.iter().enumerate() {
            for &c in &nb[i + 1..] {
                if !train.contains(&(a, c)) {
                    *scores.entry((a, c)).or_insert(0.0) += w;
                }
            }
        }
    }
    let mut ranked: Vec<((u32, u32), f64)> = scores.into_iter().collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let hits = ranked
        .iter()
        .take(10)
        .filter(|(p, _)| test.binary_search(p).is_ok())
        .count();
    let unlinked = (n * (n - 1) / 2 - train.len()) as f64;
    let lift = (hits as f64 / 10.0) / (test.len() as f64 / unlinked);
    (dist2, wins / samples as f64, lift)
}

/// One row of the README table.
pub struct Row {
    pub target: String,
    pub source: &'static str,
    pub tolerance: String,
    pub produced: String,
    pub ok: bool,
}

const MC: &str = "§3.3(1) text after \"[Status of Mini Clusters in Each Complex]\"";
const NETW: &str = "§3.3(2) \"Industry-University-Institute Networking\" text";
const RND: &str = "§3.4(3) \"[R&D Improvement of Industrial Clusters]\"";

/// Every calibration target of the scale-1 default dataset, checked.
pub fn report(net: &Network) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row =
        |target: String, source: &'static str, tolerance: String, produced: String, ok: bool| {
            rows.push(Row {
                target,
                source,
                tolerance,
                produced,
                ok,
            })
        };
    for y in [2005, 2009] {
        let m = mini_clusters(net, y);
        let (target_n, target_m) = if y == 2005 { (49, 2706) } else { (55, 5413) };
        let members: usize = m.values().map(BTreeSet::len).sum();
        row(
            format!("mini clusters {y}: {target_n}, members {target_m}"),
            MC,
            "exact".into(),
            format!(
                "{}, {members} ({:.1} per MC)",
                m.len(),
                members as f64 / m.len() as f64
            ),
            m.len() == target_n && members == target_m,
        );
    }
    for y in YEARS {
        let m = mini_clusters(net, y);
        let members: usize = m.values().map(BTreeSet::len).sum();
        let t = interp(2706.0, 5413.0, y).round() as usize;
        if y != 2005 && y != 2009 {
            row(
                format!("MC members {y}: {t} (interpolated)"),
                MC,
                "exact".into(),
                format!("{members} in {} MCs", m.len()),
                members == t,
            );
        }
    }
    for y in YEARS {
        let (e, p) = activities(net, y);
        let te = interp(2020.0, 7511.0, y).round() as usize;
        let tp = interp(23188.0, 65056.0, y).round() as usize;
        let note = if y == 2005 || y == 2009 {
            ""
        } else {
            " (interpolated)"
        };
        row(
            format!("activities {y}: {te} events, {tp} participations{note}"),
            NETW,
            "exact".into(),
            format!("{e}, {p}"),
            e == te && p == tp,
        );
    }
    let (mc_share, max) = event_shape(net);
    row(
        "event types: the six named; size ≤ 500".into(),
        NETW,
        "exact".into(),
        format!(
            "{} types, largest {max}, {:.1}% in an MC",
            {
                net.events()
                    .map(|g| g.kind.as_str())
                    .collect::<BTreeSet<_>>()
                    .len()
            },
            100.0 * mc_share
        ),
        max <= 500
            && net.events().all(|g| {
                [
                    "technology seminar",
                    "joint seminar",
                    "policy briefing",
                    "company visit",
                    "forum",
                    "SIG meeting",
                ]
                .contains(&g.kind.as_str())
            }),
    );
    let (home, cross_region) = locality(net);
    row(
        "MC participation mostly within the MC's complex group, a minority across pan regions"
            .into(),
        "§3.3(1) \"Building Up and Operating Mini Clusters\"",
        "home ≥ 60%, other region ≤ 10%".into(),
        format!(
            "home {:.1}%, other region {:.1}%",
            100.0 * home,
            100.0 * cross_region
        ),
        home >= 0.60 && cross_region <= 0.10,
    );
    let c = consortia(net);
    let produced: Vec<String> = CONSORTIA
        .iter()
        .map(|(k, _)| c.get(k).copied().unwrap_or(0).to_string())
        .collect();
    let ok = net.projects().count() == 900 && CONSORTIA.iter().all(|(k, n)| c.get(k) == Some(n));
    row(
        "R&D projects 900: 31 single, 128 I-I, 169 I-R, 450 I-U, 30 I-I-R, 82 I-I-U, 10 I-U-R"
            .into(),
        "§3.4(3) \"[Status of R&D Consortium Project Performance Types]\"",
        "exact".into(),
        format!("{}: {}", net.projects().count(), produced.join(", ")),
        ok,
    );
    let ls: Vec<usize> = YEARS.iter().map(|&y| large_sme(net, y)).collect();
    row(
        "large-company–SME projects 6, 5, 15, 17, 14".into(),
        "§3.4(2) \"[Status of R&D Projects with Large Companies]\"",
        "exact".into(),
        format!("{ls:?}"),
        ls == [6, 5, 15, 17, 14],
    );
    let same = project_same_region(net);
    row(
        "project members mostly from the same pan region".into(),
        "design target (regional consortia)",
        "≥ 70% of member pairs".into(),
        format!("{:.1}%", 100.0 * same),
        same >= 0.70,
    );
    for y in YEARS {
        let v = inter_business(net, y);
        let t = interp(2.49, 2.93, y);
        row(
            format!(
                "inter-business connections per firm {y}: {t:.2}{}",
                if y == 2005 || y == 2009 {
                    ""
                } else {
                    " (interpolated)"
                }
            ),
            RND,
            "± 0.005".into(),
            format!("{v:.4}"),
            (v - t).abs() <= 0.005,
        );
    }
    for y in YEARS {
        let v = global_share(net, y);
        let t = interp(0.277, 0.306, y);
        row(
            format!(
                "global share of purchase/sales ties {y}: {:.2}%{}",
                100.0 * t,
                if y == 2005 || y == 2009 {
                    ""
                } else {
                    " (interpolated)"
                }
            ),
            RND,
            "± 0.1 pp".into(),
            format!("{:.2}%", 100.0 * v),
            (v - t).abs() <= 0.001,
        );
    }
    let shares = size_shares(net);
    let groups = [shares[0] + shares[1], shares[2] + shares[3], shares[4]];
    let target = [1571.0 / 1968.0, 356.0 / 1968.0, 41.0 / 1968.0];
    row(
        "firms by size group (companies): under 50 79.8%, 50–299 18.1%, 300+ 2.1%".into(),
        "§3.4(2) \"[Numbers of Project Application by Company Size]\", Companies row",
        "± 0.1 pp each".into(),
        groups
            .iter()
            .map(|s| format!("{:.1}%", 100.0 * s))
            .collect::<Vec<_>>()
            .join(", "),
        groups
            .iter()
            .zip(target)
            .all(|(s, t)| (s - t).abs() <= 0.001),
    );
    let within = [shares[0] / groups[0], shares[2] / groups[1]];
    let want = [5061.0 / 6201.0, 961.0 / 1797.0];
    row(
        "within a group, classes split as support cases: lt30 of under 50 81.6%, 50-99 of 50–299 53.5%".into(),
        "§3.4(5) \"[Support results by company size]\"",
        "± 0.2 pp each".into(),
        within
            .iter()
            .map(|s| format!("{:.1}%", 100.0 * s))
            .collect::<Vec<_>>()
            .join(", "),
        within.iter().zip(want).all(|(s, t)| (s - t).abs() <= 0.002),
    );
    for y in YEARS {
        let (v, p) = iui_cases(net, y);
        let t = interp(2.2, 4.8, y);
        row(
            format!(
                "I-U-I collaboration cases per participating firm {y}: {t:.2}{}",
                if y == 2005 || y == 2009 {
                    ""
                } else {
                    " (interpolated)"
                }
            ),
            RND,
            "± 0.005".into(),
            format!("{v:.4} ({p} participating firms)"),
            (v - t).abs() <= 0.005,
        );
    }
    for y in 2004..=2009 {
        let (pat, fund, n) = rnd_means(net, y);
        let f = f64::from(y - 2004) / 5.0;
        let (tp, tf) = (9.1 + 3.5 * f, 282.8 + 299.8 * f);
        row(
            format!(
                "per company {y}: patents and certifications {tp:.2}, R&D funding {tf:.2} thousand dollars{}",
                if y == 2004 || y == 2009 {
                    ""
                } else {
                    " (interpolated)"
                }
            ),
            RND,
            "± 0.005; ± 0.05".into(),
            format!("{pat:.3}, {fund:.3} ({n} firms)"),
            n > 0 && (pat - tp).abs() <= 0.005 && (fund - tf).abs() <= 0.05,
        );
    }
    let names: BTreeSet<&str> = net.actors.iter().map(|a| a.name.as_str()).collect();
    let bad = anachronisms(net);
    row(
        "history: no participation before the actor or mini cluster joined (2008 complexes from 2008); unique names".into(),
        "§2.3 \"[Progress of the Industrial Cluster Program]\"",
        "0; all distinct".into(),
        format!("{bad} anachronisms; {} names for {} actors", names.len(), net.actors.len()),
        bad == 0 && names.len() == net.actors.len(),
    );
    let orgs =
        [Kind::University, Kind::Institute, Kind::Agency, Kind::Other].map(|k| count_kind(net, k));
    let experts = [1695.0, 420.0, 365.0, 877.0];
    let ok = orgs
        .iter()
        .zip(experts)
        .all(|(&n, e)| ((n as f64) - e / 15.0).abs() <= 1.0);
    row("universities : institutes : support organisations (agency) : others = 1,695 : 420 : 365 : 877 experts, ~15 experts each".into(),
        "§3.3(2) \"[Pool of Experts on Industry-University-Institute]\"", "± 1 organisation".into(),
        format!("{} : {} : {} : {}", orgs[0], orgs[1], orgs[2], orgs[3]), ok);
    let (d2, auc, lift) = link_prediction(net, 20000);
    row(
        "link prediction (project+tie layers, split at 2008): new 2009 pairs at distance 2; RA AUC; RA precision@10 over random"
            .into(),
        "design target (triadic closure)",
        "≥ 50%; ≥ 0.80; ≥ 5×".into(),
        format!("{:.1}%; {auc:.3}; {lift:.0}×", 100.0 * d2),
        d2 >= 0.5 && auc >= 0.80 && lift >= 5.0,
    );
    rows
}
