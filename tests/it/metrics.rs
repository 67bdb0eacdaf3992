//! Domain metrics against values computed by hand on small datasets written
//! for the purpose (`tests/data/metrics-small/`, see its README, and inline
//! networks). Each expected value is derived in the comments, not taken from
//! the code's output.

use iuinet::metrics::activity::{activity_report, mini_clusters};
use iuinet::metrics::common::Scope;
use iuinet::metrics::consortia::{TYPES, consortia};
use iuinet::metrics::density::{By, density};
use iuinet::metrics::global::{GlobalOpts, global_networking};
use iuinet::metrics::inter_business::{FirmLinks, inter_business};
use iuinet::metrics::iui::iui_collaboration;
use iuinet::metrics::network::{NetworkOpts, network_summary};
use iuinet::metrics::triple_helix::{synergy, triple_helix};
use iuinet::model::{Layer, Network};
use iuinet::view::{Selection, View, ViewOpts};
use std::path::Path;

fn small() -> Network {
    iuinet::ingest::load(Path::new("tests/data/metrics-small")).expect("metrics-small loads")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[track_caller]
fn links(s: &FirmLinks, firms: u64, cases: u64, avg: f64, partners: f64, without: f64) {
    assert_eq!(s.firms, firms, "firms");
    assert_eq!(s.cases, cases, "cases");
    assert!(close(s.avg_cases_per_firm, avg), "avg cases {s:?}");
    assert!(close(s.avg_partners_per_firm, partners), "partners {s:?}");
    assert!(
        close(s.share_without_firm_partner, without),
        "without {s:?}"
    );
}

// Inter-business connections: business-type ties between two firms only
// (events, projects and f2–u1 mentoring do not count): f1–f2 supply ×2
// (2006), f3–f1 purchase (2007).
//   cases f1 = 2+1 = 3, f2 = 2, f3 = 1, f4 = 0 → 6/4
//   partners f1 {f2,f3}, f2 {f1}, f3 {f1}, f4 {} → 4/4; f4 alone → 1/4
//   participating firms (any event, project or tie): f1, f2, f3 → 6/3
#[test]
fn inter_business_overall_size_region_year() {
    let net = small();
    let sel = Selection::default();
    let r = inter_business(&Scope::new(&net, &sel));
    links(&r.overall, 4, 6, 1.5, 1.0, 0.25);
    assert_eq!(r.overall.participating_firms, 3);
    assert!(close(r.overall.avg_cases_per_participating_firm, 2.0));
    // size classes: f1 10 → lt30, f2 40 → 30-49, f3 120 → 100-299, f4 unknown
    let names: Vec<&str> = r.by_size_class.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["lt30", "30-49", "100-299", "unknown"]);
    links(&r.by_size_class[0].stats, 1, 3, 3.0, 2.0, 0.0);
    links(&r.by_size_class[2].stats, 1, 1, 1.0, 1.0, 0.0);
    links(&r.by_size_class[3].stats, 1, 0, 0.0, 0.0, 1.0);
    let groups: Vec<&str> = r.by_size_group.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(groups, ["small", "medium", "unknown"]);
    links(&r.by_size_group[0].stats, 2, 5, 2.5, 1.5, 0.0);
    // regions: North f1,f2,f4 (5 cases, 3 partners, f4 alone), South f3
    assert_eq!(r.by_region.len(), 2);
    assert_eq!(r.by_region[0].name, "North");
    links(&r.by_region[0].stats, 3, 5, 5.0 / 3.0, 1.0, 1.0 / 3.0);
    links(&r.by_region[1].stats, 1, 1, 1.0, 1.0, 0.0);
    // by year, denominators all 4 firms (participating firms of the year):
    //   2005: no tie → 0; participating f1, f2 (e1, p1), f3 (e2) → 3
    //   2006: f1 2 {f2}, f2 2 {f1} (parallel ties) → 4/4, 2/4, f3 f4 alone;
    //         participating f1, f2 (the ties; p2 has only g1) → 2
    //   2007: f1 1 {f3}, f3 1 {f1} → 2/4, 2/4, f2 f4 alone; participating
    //         f1, f2 (e3), f3 (p3) → 3
    let years: Vec<i32> = r.by_year.iter().map(|y| y.year).collect();
    assert_eq!(years, [2005, 2006, 2007]);
    links(&r.by_year[0].stats, 4, 0, 0.0, 0.0, 1.0);
    links(&r.by_year[1].stats, 4, 4, 1.0, 0.5, 0.5);
    links(&r.by_year[2].stats, 4, 2, 0.5, 0.5, 0.5);
    let part: Vec<u64> = r
        .by_year
        .iter()
        .map(|y| y.stats.participating_firms)
        .collect();
    assert_eq!(part, [3, 2, 3]);
    assert!(close(
        r.by_year[1].stats.avg_cases_per_participating_firm,
        2.0
    ));
}

// With --layers tie: f1 2+1, f2 2, f3 1 → 6/4; by year 2·ties/firms:
// 2006 2·2/4 = 1.0, 2007 2·1/4 = 0.5; the year axis is the ties' years.
#[test]
fn inter_business_ties_only() {
    let net = small();
    let sel = Selection {
        layers: vec![Layer::Tie],
        ..Selection::default()
    };
    let r = inter_business(&Scope::new(&net, &sel));
    links(&r.overall, 4, 6, 1.5, 1.0, 0.25);
    let years: Vec<i32> = r.by_year.iter().map(|y| y.year).collect();
    assert_eq!(years, [2006, 2007]);
    assert!(close(r.by_year[0].stats.avg_cases_per_firm, 1.0));
    assert!(close(r.by_year[1].stats.avg_cases_per_firm, 0.5));
}

// --years 2007: only the 2007 ties: f3–f1 → f1 1 {f3}, f3 1 {f1}; firms are all 4.
#[test]
fn inter_business_year_selection() {
    let net = small();
    let sel = Selection {
        years: Some("2007".parse().expect("year")),
        ..Selection::default()
    };
    let r = inter_business(&Scope::new(&net, &sel));
    links(&r.overall, 4, 2, 0.5, 0.5, 0.5);
    assert_eq!(r.by_year.len(), 1);
}

// Firms only in a group with no other firm have no case; no firms → nulls.
#[test]
fn inter_business_without_firms_is_null() {
    let net = iuinet::ingest::from_csv_strs(
        "id,kind\nu,university\nr,institute\n",
        Some("event_id,type,year,actor_id\ne,forum,2005,u\ne,forum,2005,r\n"),
        None,
        None,
    )
    .expect("net");
    let sel = Selection::default();
    let r = inter_business(&Scope::new(&net, &sel));
    assert_eq!(r.overall.firms, 0);
    assert_eq!(r.overall.avg_cases_per_firm, None);
    assert_eq!(r.overall.share_without_firm_partner, None);
}

// A 1000-firm event is no inter-business connection; a star of 999 supply
// ties from f0 is: f0 999 cases and partners, every other firm 1 → 1998/1000.
#[test]
fn inter_business_large_group() {
    let mut actors = String::from("id,kind\n");
    let mut events = String::from("event_id,type,year,actor_id\n");
    let mut ties = String::from("source,target,type,year\n");
    for i in 0..1000 {
        actors.push_str(&format!("f{i},firm\n"));
        events.push_str(&format!("big,forum,2005,f{i}\n"));
        if i > 0 {
            ties.push_str(&format!("f0,f{i},supply,2005\n"));
        }
    }
    let net = iuinet::ingest::from_csv_strs(&actors, Some(&events), None, None).expect("net");
    let sel = Selection::default();
    let r = inter_business(&Scope::new(&net, &sel));
    links(&r.overall, 1000, 0, 0.0, 0.0, 1.0);
    let net =
        iuinet::ingest::from_csv_strs(&actors, Some(&events), None, Some(&ties)).expect("net");
    let r = inter_business(&Scope::new(&net, &sel));
    links(&r.overall, 1000, 1998, 1.998, 1.998, 0.0);
}

// I-U-I: projects with u1/r1: p1 (f1,f2), p3 (f3) → 3 cases; no I-U-I
// tie (f2–u1 is mentoring); 4 firms, 3 participating (f4 has no record).
// Events with u1/r1 (beside the cases): e1 (f1,f2), e3 (f1,f2) → 4.
#[test]
fn iui_cases() {
    let net = small();
    let sel = Selection::default();
    let r = iui_collaboration(&Scope::new(&net, &sel));
    assert_eq!(r.overall.firms, 4);
    assert_eq!(r.overall.project_cases, 3);
    assert_eq!(r.overall.event_cases, 4);
    assert!(close(r.overall.avg_project_cases_per_firm, 0.75));
    assert!(close(r.overall.avg_event_cases_per_firm, 1.0));
    assert!(close(r.overall.avg_cases_per_firm, 0.75));
    assert_eq!((r.overall.tie_cases, r.overall.cases), (0, 3));
    assert_eq!(r.overall.participating_firms, 3);
    assert!(close(r.overall.avg_cases_per_participating_firm, 1.0));
    assert_eq!(r.overall.firms_with_cases, 3);
    // 2005: p1 → 2, e1 → 2; 2006: none; 2007: p3 → 1, e3 → 2
    let y: Vec<(i32, u64, u64)> = r
        .by_year
        .iter()
        .map(|y| (y.year, y.stats.project_cases, y.stats.event_cases))
        .collect();
    assert_eq!(y, [(2005, 2, 2), (2006, 0, 0), (2007, 1, 2)]);
}

// Counted ties (purchase, sales): f3–f1 purchase (JP–KR, 2007) → 1/1; the
// supply and mentoring ties are not counted.
#[test]
fn global_networking_share() {
    let net = small();
    let sel = Selection::default();
    let r = global_networking(&Scope::new(&net, &sel), &GlobalOpts::default());
    assert_eq!((r.overall.ties, r.overall.global), (1, 1));
    assert!(close(r.overall.share, 1.0));
    assert_eq!(r.by_year[0].year, 2005);
    assert_eq!(r.by_year[0].stats.share, None);
    assert_eq!(r.by_year[1].stats.share, None);
    assert!(close(r.by_year[2].stats.share, 1.0));
    let o = GlobalOpts {
        types: vec!["mentoring".into()],
    };
    let r = global_networking(&Scope::new(&net, &sel), &o);
    assert_eq!((r.overall.ties, r.overall.global), (1, 0));
}

fn count(b: &iuinet::metrics::consortia::Breakdown, t: &str) -> u64 {
    b.types
        .iter()
        .find(|x| x.kind == t)
        .map(|x| x.count)
        .expect("type listed")
}

// p1 {f1,f2,u1} industry-industry-university (2005, North+South → cross);
// p2 {g1} only an agency → non-industry, with agency (2006, North);
// p3 {f3,r1,g1} industry-institute with agency (2007, South+East+North → cross);
// p4 {f1} single (2007, North, type market).
#[test]
fn consortia_small() {
    let net = small();
    let sel = Selection::default();
    let c = consortia(&Scope::new(&net, &sel));
    let o = &c.overall;
    assert_eq!(o.projects, 4);
    assert_eq!(count(o, "single"), 1);
    assert_eq!(count(o, "industry-industry-university"), 1);
    assert_eq!(count(o, "industry-institute"), 1);
    assert_eq!(count(o, "non-industry"), 1);
    assert_eq!(o.consortia, 2);
    assert!(close(o.consortia_percent, 50.0));
    assert_eq!(o.with_agency, 2);
    let wa: Vec<u64> = o.types.iter().map(|x| x.with_agency).collect();
    assert_eq!(wa, [0, 0, 1, 0, 0, 0, 0, 1]);
    let years: Vec<(i32, u64)> = c
        .by_year
        .iter()
        .map(|y| (y.year, y.breakdown.projects))
        .collect();
    assert_eq!(years, [(2005, 1), (2006, 1), (2007, 2)]);
    let pt: Vec<(&str, u64)> = c
        .by_project_type
        .iter()
        .map(|x| (x.name.as_str(), x.breakdown.projects))
        .collect();
    assert_eq!(pt, [("market", 1), ("rnd", 3)]);
    let rg: Vec<(&str, u64)> = c
        .by_region
        .iter()
        .map(|x| (x.name.as_str(), x.breakdown.projects))
        .collect();
    assert_eq!(rg, [("North", 2), ("cross-region", 2)]);
    assert_eq!(count(&c.by_region[0].breakdown, "single"), 1);
    assert_eq!(count(&c.by_region[0].breakdown, "non-industry"), 1);
}

// Every rule of the type table, and regions: members without a region are
// ignored, all unknown → `unknown`.
#[test]
fn consortium_type_rules() {
    let actors = "id,kind,region\nf1,firm,A\nf2,firm,\nf3,firm,A\nu,university,\nr,institute,B\ng,agency,C\no,other,\n";
    let rows = [
        ("s1", "f1"),
        ("s2", "u"),
        ("s3", "f2;g;o"), // one firm + agency/other: still single
        ("ii", "f1;f2;f3"),
        ("ir", "f1;r"),
        ("iu", "f2;u"),
        ("iir", "f1;f2;r"),
        ("iiu", "f1;f3;u;g"),
        ("iur", "f1;u;r"),
        ("iiur", "f1;f2;u;r"),
        ("ur", "u;r"),
        ("gg", "g;o"),
    ];
    let mut p = String::from("project_id,type,year,actor_id\n");
    for (id, ms) in rows {
        for m in ms.split(';') {
            p.push_str(&format!("{id},rnd,2005,{m}\n"));
        }
    }
    let net = iuinet::ingest::from_csv_strs(actors, None, Some(&p), None).expect("net");
    let sel = Selection::default();
    let c = consortia(&Scope::new(&net, &sel));
    let got: Vec<u64> = c.overall.types.iter().map(|x| x.count).collect();
    // single s1 s2 s3; I-I ii; I-R ir; I-U iu; I-I-R iir; I-I-U iiu;
    // I-U-R iur iiur; non-industry ur gg
    assert_eq!(got, [3, 1, 1, 1, 1, 1, 2, 2]);
    let wa: Vec<u64> = c.overall.types.iter().map(|x| x.with_agency).collect();
    assert_eq!(wa, [1, 0, 0, 0, 0, 1, 0, 1]);
    // regions: s1 A; s2 unknown; s3 C (g); ii A (f2 ignored); ir cross (A,B);
    // iu unknown; iir cross; iiu cross (A,C); iur cross; iiur cross; ur B; gg C
    let rg: Vec<(&str, u64)> = c
        .by_region
        .iter()
        .map(|x| (x.name.as_str(), x.breakdown.projects))
        .collect();
    assert_eq!(
        rg,
        [
            ("A", 2),
            ("B", 1),
            ("C", 2),
            ("cross-region", 5),
            ("unknown", 2)
        ]
    );
}

// The seed's 900 R&D projects (chapter III, "Status of R&D Consortium
// Project Performance Types"): 31 single, 128 I-I, 169 I-R, 450 I-U, 30
// I-I-R, 82 I-I-U, 10 I-U-R; subtotal 869. Percentages are recomputed
// (the seed rounds 31/900 to 3.5 and 450/900 to 49.9; exact values here).
#[test]
fn consortia_reproduce_seed_900() {
    let actors = "id,kind\nf1,firm\nf2,firm\nu1,university\nr1,institute\n";
    let comps: [(&str, usize); 7] = [
        ("f1", 31),
        ("f1;f2", 128),
        ("f1;r1", 169),
        ("f1;u1", 450),
        ("f1;f2;r1", 30),
        ("f1;f2;u1", 82),
        ("f1;u1;r1", 10),
    ];
    let mut p = String::from("project_id,type,year,actor_id\n");
    let mut n = 0;
    for (ms, k) in comps {
        for _ in 0..k {
            n += 1;
            for m in ms.split(';') {
                p.push_str(&format!("p{n},rnd,{},{m}\n", 2005 + n % 5));
            }
        }
    }
    let net = iuinet::ingest::from_csv_strs(actors, None, Some(&p), None).expect("net");
    let sel = Selection::default();
    let c = consortia(&Scope::new(&net, &sel));
    let got: Vec<(&str, u64)> = c.overall.types.iter().map(|x| (x.kind, x.count)).collect();
    assert_eq!(
        got,
        [
            ("single", 31),
            ("industry-industry", 128),
            ("industry-institute", 169),
            ("industry-university", 450),
            ("industry-industry-institute", 30),
            ("industry-industry-university", 82),
            ("industry-university-institute", 10),
            ("non-industry", 0),
        ]
    );
    assert_eq!(c.overall.projects, 900);
    assert_eq!(c.overall.consortia, 869);
    let pct: Vec<String> = c
        .overall
        .types
        .iter()
        .map(|x| format!("{:.1}", x.percent.unwrap_or(f64::NAN)))
        .collect();
    assert_eq!(
        pct,
        ["3.4", "14.2", "18.8", "50.0", "3.3", "9.1", "1.1", "0.0"]
    );
    assert_eq!(
        format!("{:.1}", c.overall.consortia_percent.unwrap_or(f64::NAN)),
        "96.6"
    );
    assert_eq!(TYPES.len(), 8);
    assert_eq!(c.by_year.len(), 5);
    assert_eq!(
        c.by_year.iter().map(|y| y.breakdown.projects).sum::<u64>(),
        900
    );
}

// Events: e1 2005 seminar {f1,f2,u1}, e2 2005 forum {f2,f3,g1}, e3 2007
// forum {f1,f2,r1}; 2006 has none.
#[test]
fn activity_by_year() {
    let net = small();
    let sel = Selection::default();
    let a = activity_report(&Scope::new(&net, &sel));
    assert_eq!(
        (
            a.overall.events,
            a.overall.participations,
            a.overall.participants
        ),
        (3, 9, 6)
    );
    assert!(close(a.overall.mean_participants_per_event, 3.0));
    assert_eq!(a.overall.events_by_type.get("forum"), Some(&2));
    assert_eq!(a.overall.events_by_type.get("seminar"), Some(&1));
    let y: Vec<(i32, u64, u64, u64)> = a
        .by_year
        .iter()
        .map(|y| {
            (
                y.year,
                y.stats.events,
                y.stats.participations,
                y.stats.participants,
            )
        })
        .collect();
    assert_eq!(y, [(2005, 2, 6, 5), (2006, 0, 0, 0), (2007, 1, 3, 3)]);
    assert_eq!(a.by_year[1].stats.mean_participants_per_event, None);
    assert!(a.by_year[1].stats.events_by_type.is_empty());
}

// Static: f1 mcA, f2 mcA+mcB, f3 mcB, u1 mcA → 2 MCs, 5 memberships, 4 actors.
// Events: 2005 mcA (e1: f1,f2,u1) and mcB (e2: f2,f3,g1 — g1's row has no
// MC but is in the event) → 2 active, 6 members, 3.0; 2006, 2007 none.
#[test]
fn mini_cluster_statistics() {
    let net = small();
    let sel = Selection::default();
    let m = mini_clusters(&Scope::new(&net, &sel));
    let st = &m.static_membership;
    assert_eq!((st.mini_clusters, st.memberships, st.actors), (2, 5, 4));
    assert!(close(st.mean_members_per_mini_cluster, 2.5));
    assert_eq!((m.overall.active_mini_clusters, m.overall.members), (2, 6));
    let y: Vec<(i32, u64, u64)> = m
        .by_year
        .iter()
        .map(|y| (y.year, y.stats.active_mini_clusters, y.stats.members))
        .collect();
    assert_eq!(y, [(2005, 2, 6), (2006, 0, 0), (2007, 0, 0)]);
    assert!(close(m.by_year[0].stats.mean_members_per_mini_cluster, 3.0));
    assert_eq!(m.by_year[1].stats.mean_members_per_mini_cluster, None);
}

// Collapsed pairs of metrics-small (11): f1f2 f1u1 f2u1 f2f3 f2g1 f3g1 f1r1
// f2r1 f3r1 r1g1 f1f3. Regions: North {f1,f2,f4,g1}, South {f3,u1}, East {r1}.
//   East–East 0/0 null; East–North {f1r1,f2r1,r1g1} 3/4; East–South {f3r1} 1/2;
//   North–North {f1f2,f2g1} 2/6; North–South {f1u1,f2u1,f2f3,f3g1,f1f3} 5/8;
//   South–South 0/1. I = 2, E = 9: cross 9/11, E-I 7/11.
//   Per group: East I0 E4 → 1; North I2 E8 → 0.6; South I0 E6 → 1.
#[test]
fn density_by_region() {
    let net = small();
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let d = density(&net, &view, By::Region);
    let g: Vec<(&str, u64)> = d
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.actors))
        .collect();
    assert_eq!(g, [("East", 1), ("North", 4), ("South", 2)]);
    let cells: Vec<(&str, &str, u64, u64)> = d
        .cells
        .iter()
        .map(|c| (c.a.as_str(), c.b.as_str(), c.linked_pairs, c.possible_pairs))
        .collect();
    assert_eq!(
        cells,
        [
            ("East", "East", 0, 0),
            ("East", "North", 3, 4),
            ("East", "South", 1, 2),
            ("North", "North", 2, 6),
            ("North", "South", 5, 8),
            ("South", "South", 0, 1),
        ]
    );
    assert_eq!(d.cells[0].density, None);
    assert!(close(d.cells[1].density, 0.75));
    assert!(close(d.cells[3].density, 1.0 / 3.0));
    assert!(close(d.cells[5].density, 0.0));
    assert_eq!((d.linked_pairs, d.internal, d.external), (11, 2, 9));
    assert!(close(d.cross_share, 9.0 / 11.0));
    assert!(close(d.ei_index, 7.0 / 11.0));
    assert!(close(d.ei_by_group["East"], 1.0));
    assert!(close(d.ei_by_group["North"], 0.6));
    assert!(close(d.ei_by_group["South"], 1.0));
}

// Hand-drawn graph, mini clusters with overlap:
//     a(X,Y) — b(X)        a–b, a–c, b–c, c–d
//       \     /           groups X {a,b}, Y {a,c}, unknown {d}; X∩Y = {a}
//        c(Y) — d()
//   X–X 1/1; X–Y pairs 2·2 − 1 − 0 = 3 ({a,c},{b,a},{b,c}), links a–b a–c b–c = 3;
//   X–unknown 0/2; Y–Y 1/1; Y–unknown 1/2; unknown–unknown 0/0.
//   Internal (share an MC): a–b, a–c; external b–c, c–d → E-I 0, cross 0.5.
//   X: I {ab} E {ac, bc} → 1/3; Y: I {ac} E {ab, bc, cd} → 1/2; unknown: E {cd} → 1.
#[test]
fn density_mini_cluster_overlap_and_ei() {
    let net = iuinet::ingest::from_csv_strs(
        "id,kind,mini_clusters\na,firm,X;Y\nb,firm,X\nc,firm,Y\nd,firm,\n",
        None,
        None,
        Some("source,target,type\na,b,supply\na,c,supply\nb,c,supply\nc,d,supply\n"),
    )
    .expect("net");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let d = density(&net, &view, By::MiniCluster);
    let cells: Vec<(&str, &str, u64, u64)> = d
        .cells
        .iter()
        .map(|c| (c.a.as_str(), c.b.as_str(), c.linked_pairs, c.possible_pairs))
        .collect();
    assert_eq!(
        cells,
        [
            ("X", "X", 1, 1),
            ("X", "Y", 3, 3),
            ("X", "unknown", 0, 2),
            ("Y", "Y", 1, 1),
            ("Y", "unknown", 1, 2),
            ("unknown", "unknown", 0, 0),
        ]
    );
    assert!(close(d.ei_index, 0.0));
    assert!(close(d.cross_share, 0.5));
    assert!(close(d.ei_by_group["X"], 1.0 / 3.0));
    assert!(close(d.ei_by_group["Y"], 0.5));
    assert!(close(d.ei_by_group["unknown"], 1.0));
}

// All links inside one kind: E-I = −1; no links: null.
#[test]
fn density_ei_extremes() {
    let net = iuinet::ingest::from_csv_strs(
        "id,kind\na,firm\nb,firm\nc,university\n",
        None,
        None,
        Some("source,target\na,b\n"),
    )
    .expect("net");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let d = density(&net, &view, By::Kind);
    assert!(close(d.ei_index, -1.0));
    assert!(close(d.ei_by_group["firm"], -1.0));
    assert_eq!(d.ei_by_group["university"], None);
    let net = iuinet::ingest::from_csv_strs("id,kind\na,firm\n", None, None, None).expect("net");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let d = density(&net, &view, By::Kind);
    assert_eq!((d.ei_index, d.cross_share), (None, None));
}

// Table of 4 projects: {U,I} ×2, {G}, {I}.
//   H_U = H(1/2) = 1; H_I = H(3/4); H_G = H(1/4) = H(3/4) = 2 − (3/4)·log2 3;
//   H_UI: (1,1)×2 (0,0) (0,1) → 1.5; H_UG: (1,0)×2 (0,1) (0,0) → 1.5;
//   H_IG: (1,0)×3 (0,1) → H(1/4); H_UIG: 110×2 001 010 → 1.5.
//   T = 1 + 2H(1/4) − 1.5 − 1.5 − H(1/4) + 1.5 = H(1/4) − 0.5 bits.
#[test]
fn triple_helix_hand_computed() {
    let h = 2.0 - 0.75 * 3f64.log2();
    let mut t = [0u64; 8];
    t[0b110] = 2; // U, I
    t[0b001] = 1; // G
    t[0b010] = 1; // I
    let (e, tt) = synergy(&t).expect("non-empty");
    assert!((e.h_u - 1.0).abs() < 1e-12);
    assert!((e.h_i - h).abs() < 1e-12 && (e.h_g - h).abs() < 1e-12);
    assert!((e.h_ui - 1.5).abs() < 1e-12 && (e.h_ug - 1.5).abs() < 1e-12);
    assert!((e.h_ig - h).abs() < 1e-12 && (e.h_uig - 1.5).abs() < 1e-12);
    assert!((tt - (h - 0.5)).abs() < 1e-12);
    assert!(synergy(&[0; 8]).is_none());
    // the same table as a network: institutes are not coded
    let net = iuinet::ingest::from_csv_strs(
        "id,kind\nu,university\nf,firm\ng,agency\nr,institute\n",
        None,
        Some("project_id,type,year,actor_id\np1,x,2005,u\np1,x,2005,f\np2,x,2005,u\np2,x,2005,f\np2,x,2005,r\np3,x,2006,g\np4,x,2006,f\n"),
        None,
    )
    .expect("net");
    let sel = Selection::default();
    let r = triple_helix(&Scope::new(&net, &sel));
    assert_eq!(r.projects.overall.groups, 4);
    assert_eq!(r.projects.overall.codes["ui-"], 2);
    assert!(close(r.projects.overall.t_uig_mbits, 1000.0 * (h - 0.5)));
    // 2005 alone: both projects U+I → all entropies 0: T is 0 by
    // identity, so it is null with the reason
    let y = &r.projects.by_year[0].stats;
    assert_eq!(y.t_uig_mbits, None);
    assert!(
        y.degenerate
            .as_deref()
            .is_some_and(|d| d.starts_with("H(U), H(I), H(G) = 0"))
    );
    assert_eq!(r.events.overall.t_uig_mbits, None);
}

// metrics-small view: n = 7, m = 11, degrees f1 4, f2 5, f3 4, u1 2, g1 3,
// r1 4, f4 0. Density 22/42; mean degree 22/7; Freeman Σ(5 − d) = 13 over
// 6·5 → 13/30; components {f4} and the rest.
#[test]
fn network_summary_small() {
    let net = small();
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let s = network_summary(
        &net,
        &view,
        &NetworkOpts {
            top: 3,
            ..NetworkOpts::default()
        },
    );
    assert_eq!((s.actors, s.pairs), (7, 11));
    // links: e1 3 + e2 3 + e3 3 + p1 3 + p3 3 + ties 4 = 19
    assert_eq!(s.links, 19);
    assert!(close(s.density, 22.0 / 42.0));
    assert!(close(s.mean_degree, 22.0 / 7.0));
    assert!(close(s.degree_centralization, 13.0 / 30.0));
    assert_eq!(
        (
            s.components.count,
            s.components.largest,
            s.components.isolated
        ),
        (2, 6, 1)
    );
    let top: Vec<(&str, f64)> = s
        .top_degree
        .iter()
        .map(|r| (r.id.as_str(), r.value))
        .collect();
    assert_eq!(top, [("f2", 5.0), ("f1", 4.0), ("f3", 4.0)]);
}

// Years far apart: the axis fills every year between, each empty year
// costs O(1) (no rescan of all records per year).
#[test]
fn sparse_years_fill_the_axis() {
    let mut actors = String::from("id,kind\n");
    let mut events = String::from("event_id,type,year,actor_id\n");
    let mut ties = String::from("source,target,type,year\n");
    for i in 0..2000 {
        actors.push_str(&format!("f{i},firm\n"));
        events.push_str(&format!(
            "e{},forum,{},f{i}\n",
            i / 2,
            if i < 1000 { 1 } else { 9999 }
        ));
        if i % 2 == 1 && i < 1000 {
            ties.push_str(&format!("f{},f{i},sales,1\n", i - 1));
        }
    }
    let net =
        iuinet::ingest::from_csv_strs(&actors, Some(&events), None, Some(&ties)).expect("net");
    let sel = Selection::default();
    let s = Scope::new(&net, &sel);
    let ib = inter_business(&s);
    assert_eq!(ib.by_year.len(), 9999);
    // year 1: 500 sales ties between 2 firms → 1000 cases over 2000 firms
    assert!(close(ib.by_year[0].stats.avg_cases_per_firm, 0.5));
    assert!(close(ib.by_year[1].stats.share_without_firm_partner, 1.0));
    let a = activity_report(&s);
    assert_eq!(a.by_year[9998].stats.events, 500);
    assert_eq!(a.by_year[5000].stats.events, 0);
}

/// Four firms tied in a path a – b – c – d.
fn path_of_four_firms() -> Network {
    iuinet::ingest::from_csv_strs(
        "id,kind\na,firm\nb,firm\nc,firm\nd,firm\n",
        None,
        None,
        Some("source,target\na,b\nb,c\nc,d\n"),
    )
    .expect("net")
}

// Path a – b – c – d: betweenness (unordered pairs over (n−1)(n−2)/2 = 3):
// b carries {a,c}, {a,d} → 2/3, c likewise, a and d 0. Freeman
// betweenness centralisation Σ(2/3 − b_v)/(n − 1) = (4/3)/3 = 4/9; degree
// centralisation Σ(2 − d_v)/((n−1)(n−2)) = 2/6 = 1/3; a star is 1 for both.
#[test]
fn network_centralization_path_and_star() {
    let net = path_of_four_firms();
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let s = network_summary(&net, &view, &NetworkOpts::default());
    assert!(close(s.betweenness_centralization, 4.0 / 9.0));
    assert!(close(s.degree_centralization, 1.0 / 3.0));
    let top: Vec<(&str, f64)> = s
        .top_betweenness
        .iter()
        .map(|r| (r.id.as_str(), r.value))
        .collect();
    assert_eq!(top[0].0, "b");
    assert!((top[0].1 - 2.0 / 3.0).abs() < 1e-12 && (top[1].1 - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(top[2].1, 0.0);
    let net = iuinet::ingest::from_csv_strs(
        "id,kind\nh,agency\nx,firm\ny,firm\nz,firm\n",
        None,
        None,
        Some("source,target\nh,x\nh,y\nh,z\n"),
    )
    .expect("net");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let s = network_summary(&net, &view, &NetworkOpts::default());
    assert!(close(s.betweenness_centralization, 1.0));
    assert!(close(s.degree_centralization, 1.0));
    assert_eq!(s.top_betweenness[0].id, "h");
    assert_eq!(s.top_closeness[0].id, "h");
    assert!(s.betweenness_approx.is_none());
}

#[test]
fn betweenness_is_exact_within_the_budget_and_sampled_above_it() {
    // a path a – b – c – d: 2 sources (b, c; the ends are folded) ×
    // (6 arcs + 64 × 4 nodes) = 524 units of work
    let net = path_of_four_firms();
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let with = |budget: Option<u64>, approx| {
        network_summary(
            &net,
            &view,
            &NetworkOpts {
                exact_budget: budget,
                approx,
                ..NetworkOpts::default()
            },
        )
    };
    let within = with(Some(524), None);
    assert_eq!(within.betweenness_method.method, "exact");
    assert_eq!(within.betweenness_method.chosen_by, "cost");
    assert_eq!(within.betweenness_method.exact_cost, 524);
    assert!(within.betweenness_approx.is_none());
    let above = with(Some(523), None);
    assert_eq!(above.betweenness_method.method, "sampled");
    let info = above.betweenness_approx.expect("sampling details");
    assert_eq!(info.opts, iuinet::algo::ApproxOpts::default());
    let forced = with(None, None);
    assert_eq!(
        (
            forced.betweenness_method.method,
            forced.betweenness_method.chosen_by
        ),
        ("exact", "--exact")
    );
    assert!(forced.betweenness_method.budget.is_none());
    let asked = with(Some(u64::MAX), Some(iuinet::algo::ApproxOpts::default()));
    assert_eq!(
        (
            asked.betweenness_method.method,
            asked.betweenness_method.chosen_by
        ),
        ("sampled", "--approx")
    );
}
