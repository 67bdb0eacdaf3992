//! The definitions of the domain sections of `iuinet metrics`, each on the
//! hand-made dataset `tests/data/metrics-iui` (see its README) with the
//! counts worked out by hand in the comments.

use iuinet::metrics::document::{MetricsOpts, Section, metrics};
use iuinet::model::{Kind, Layer, Network};
use iuinet::view::{Selection, ViewOpts};
use std::path::Path;

fn net() -> Network {
    iuinet::ingest::load(Path::new("tests/data/metrics-iui")).expect("metrics-iui loads")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

fn run(view: &ViewOpts) -> iuinet::metrics::document::Metrics {
    let o = MetricsOpts {
        only: Some(
            Section::ALL
                .into_iter()
                .filter(|s| !matches!(s, Section::Network | Section::Density))
                .collect(),
        ),
        ..MetricsOpts::default()
    };
    metrics(&net(), "metrics-iui", view, &o).expect("metrics")
}

// Participating firms (an event, project or tie in the year):
//   2005: p1 f1 f2, p2 f2 f4, ties f1 (f1–u1), f3 (r1–f3), f1 f2 (consulting) → 4
//   2006: p3 f3, p4 f2 f3, ties f3 (f3–g1), f1 (f1–u1 ×3), f2 f3 (supply), e2 f3 → 3
//   (e1 has no firm; f4 takes part in 2005 only; f5 never) — any year: 4.
//
// I-U-I cases:
//   2005: ties f1–u1 joint_research, r1–f3 technology_transfer → 2
//         (f1–f2 consulting: two firms, not a case); p1 with u1 → f1, f2 → 2;
//         4 cases / 4 participating = 1.0, / 5 firms = 0.8
//   2006: ties f1–u1 joint_research ×2 (one case per row) → 2 (f3–g1:
//         agency, f1–u1 purchase: business type, neither a case); p3 with r1
//         → f3 → 1; 3 cases / 3 participating = 1.0, / 5 = 0.6
//   overall: 7 cases / 4 participating = 1.75, / 5 = 1.4; firms with a case
//   f1, f2, f3 → 3. Event co-attendance: e2 (f3 with u1) → 1, beside.
#[test]
fn iui_cases_ties_and_projects_per_participating_firm() {
    let m = run(&ViewOpts::default());
    let r = m.iui_collaboration.expect("section");
    let o = &r.overall;
    assert_eq!((o.firms, o.participating_firms), (5, 4));
    assert_eq!((o.tie_cases, o.project_cases, o.cases), (3 + 1, 3, 7));
    assert!(close(o.avg_cases_per_participating_firm, 1.75));
    assert!(close(o.avg_cases_per_firm, 1.4));
    assert_eq!((o.event_cases, o.firms_with_cases), (1, 3));
    let y: Vec<(i32, u64, u64, u64, u64)> = r
        .by_year
        .iter()
        .map(|y| {
            let s = &y.stats;
            (
                y.year,
                s.participating_firms,
                s.tie_cases,
                s.project_cases,
                s.cases,
            )
        })
        .collect();
    assert_eq!(y, [(2005, 4, 2, 2, 4), (2006, 3, 2, 1, 3)]);
    assert!(close(
        r.by_year[0].stats.avg_cases_per_participating_firm,
        1.0
    ));
    assert!(close(r.by_year[0].stats.avg_cases_per_firm, 0.8));
    assert!(close(
        r.by_year[1].stats.avg_cases_per_participating_firm,
        1.0
    ));
    assert!(close(r.by_year[1].stats.avg_cases_per_firm, 0.6));
    assert!(r.about.records.contains("I-U-I type"));
}

// Inter-business: business-type ties between two firms only: f2–f3 supply
// 2006 → 2 cases (one at each end). Not f1–f2 consulting (an I-U-I type),
// not f1–u1 purchase (a university end).
//   2005: 0 / 5 = 0.0, participating 4; 2006: 2 / 5 = 0.4, 2 / 3 participating
//   partners 2006: f2 {f3}, f3 {f2} → 2/5; firms without a partner 3/5.
#[test]
fn inter_business_counts_business_ties_between_firms_only() {
    let m = run(&ViewOpts::default());
    let r = m.inter_business.expect("section");
    assert_eq!((r.overall.firms, r.overall.cases), (5, 2));
    assert_eq!(r.overall.participating_firms, 4);
    assert!(close(r.overall.avg_cases_per_participating_firm, 0.5));
    let y = &r.by_year;
    assert_eq!((y[0].year, y[0].stats.cases), (2005, 0));
    assert!(close(y[0].stats.avg_cases_per_firm, 0.0));
    assert_eq!(y[0].stats.participating_firms, 4);
    assert_eq!((y[1].year, y[1].stats.cases), (2006, 2));
    assert!(close(y[1].stats.avg_cases_per_firm, 0.4));
    assert!(close(
        y[1].stats.avg_cases_per_participating_firm,
        2.0 / 3.0
    ));
    assert!(close(y[1].stats.avg_partners_per_firm, 0.4));
    assert!(close(y[1].stats.share_without_firm_partner, 0.6));
}

// The domain sections do not depend on --layers/--kinds (their records are
// fixed): the same figures with only the event layer and only universities.
#[test]
fn domain_sections_ignore_layer_and_kind_flags() {
    let all = run(&ViewOpts::default());
    let narrow = run(&ViewOpts {
        selection: Selection {
            layers: vec![Layer::Event],
            years: None,
            kinds: Some(vec![Kind::University]),
        },
        ..ViewOpts::default()
    });
    assert_eq!(all.inter_business, narrow.inter_business);
    assert_eq!(all.iui_collaboration, narrow.iui_collaboration);
    assert_eq!(all.global_networking, narrow.global_networking);
    assert_eq!(all.consortia, narrow.consortia);
    assert_eq!(all.large_sme_projects, narrow.large_sme_projects);
    assert_eq!(all.firm_size_mix, narrow.firm_size_mix);
    assert_eq!(all.triple_helix, narrow.triple_helix);
    // --years clips the axis
    let y2006 = run(&ViewOpts {
        selection: Selection {
            years: Some("2006".parse().expect("year")),
            ..Selection::default()
        },
        ..ViewOpts::default()
    });
    let r = y2006.iui_collaboration.expect("section");
    assert_eq!((r.overall.cases, r.overall.participating_firms), (3, 3));
}

// Global share, default types purchase and sales: f1–u1 purchase (KR–KR)
// → 0 / 1. With supply too: f2–f3 supply is KR–JP → 1 / 2.
#[test]
fn global_share_of_purchase_and_sales() {
    let m = run(&ViewOpts::default());
    let g = m.global_networking.expect("section");
    assert_eq!(g.types, ["purchase", "sales"]);
    assert_eq!((g.overall.ties, g.overall.global), (1, 0));
    assert!(close(g.overall.share, 0.0));
    let o = MetricsOpts {
        only: Some(vec![Section::GlobalNetworking]),
        global: iuinet::metrics::global::GlobalOpts {
            types: vec!["purchase".into(), "sales".into(), "supply".into()],
        },
        ..MetricsOpts::default()
    };
    let m = metrics(&net(), "x", &ViewOpts::default(), &o).expect("metrics");
    let g = m.global_networking.expect("section");
    assert_eq!((g.overall.ties, g.overall.global), (2, 1));
}

// Large-company–SME projects: p1 (f2 500 with f1 10) 2005, p4 (f2 with f3
// 60) 2006 → 1, 1, total 2; p2 (f2 with f4, no size class) has a large firm
// but no SME → with_large_firm 3.
#[test]
fn large_company_sme_projects_by_year() {
    let m = run(&ViewOpts::default());
    let l = m.large_sme_projects.expect("section");
    assert_eq!(
        (
            l.overall.projects,
            l.overall.large_sme_projects,
            l.overall.with_large_firm
        ),
        (4, 2, 3)
    );
    let y: Vec<(i32, u64, u64)> = l
        .by_year
        .iter()
        .map(|y| (y.year, y.stats.projects, y.stats.large_sme_projects))
        .collect();
    assert_eq!(y, [(2005, 2, 1), (2006, 2, 1)]);
    assert!(close(l.overall.share, 0.5));
}

// Size mix: f1 lt30, f2 300+, f3 50-99, f4 unknown, f5 lt30 → small 2,
// medium 1, large 1, unknown 1 of 5; participating f1..f4 → 1, 1, 1, 1 of 4.
#[test]
fn firm_size_mix_all_and_participating() {
    let m = run(&ViewOpts::default());
    let s = m.firm_size_mix.expect("section");
    let groups = |mix: &iuinet::metrics::size_mix::Mix| -> Vec<(String, u64)> {
        mix.by_size_group
            .iter()
            .map(|g| (g.name.clone(), g.firms))
            .collect()
    };
    let want = |v: [u64; 4]| -> Vec<(String, u64)> {
        ["small", "medium", "large", "unknown"]
            .iter()
            .map(|s| s.to_string())
            .zip(v)
            .collect()
    };
    assert_eq!(groups(&s.all_firms), want([2, 1, 1, 1]));
    assert_eq!(groups(&s.participating_firms), want([1, 1, 1, 1]));
    assert!(close(s.all_firms.by_size_group[0].share, 0.4));
    let classes: Vec<u64> = s.all_firms.by_size_class.iter().map(|c| c.firms).collect();
    assert_eq!(classes, [2, 0, 1, 0, 1, 1]);
}

fn h(counts: &[f64]) -> f64 {
    let n: f64 = counts.iter().sum();
    counts
        .iter()
        .filter(|&&c| c > 0.0)
        .map(|&c| -(c / n) * (c / n).log2())
        .sum()
}

// Triple helix. Codes (U university, I firm, G agency): p1 ui-, p2 -i-,
// p3 -ig (r1 is not coded), p4 -i-, e1 u--, e2 ui-.
// Projects alone: I in all four → H(I) = 0, degenerate, T null.
// Events alone: U in both, G in neither → degenerate on U and G.
// All six groups together (`all_groups`):
//   H_U = H(3,3), H_I = H(5,1), H_G = H(1,5),
//   H_UI: (u,i) 11 ×2, 01 ×3, 10 ×1 → H(2,3,1); H_UG: 10 ×3, 00 ×2, 01 ×1 → H(3,2,1)
//   H_IG: 10 ×4, 11 ×1, 00 ×1 → H(4,1,1); H_UIG: H(2,2,1,1)
#[test]
fn triple_helix_degenerate_and_headline() {
    let m = run(&ViewOpts::default());
    let t = m.triple_helix.expect("section");
    let p = &t.projects.overall;
    assert_eq!(p.groups, 4);
    assert_eq!(p.t_uig_mbits, None);
    assert!(
        p.degenerate
            .as_deref()
            .is_some_and(|d| d.starts_with("H(I) = 0"))
    );
    let e = &t.events.overall;
    assert_eq!(e.t_uig_mbits, None);
    assert!(
        e.degenerate
            .as_deref()
            .is_some_and(|d| d.starts_with("H(U), H(G) = 0"))
    );
    let want = h(&[3.0, 3.0]) + h(&[5.0, 1.0]) + h(&[1.0, 5.0])
        - h(&[2.0, 3.0, 1.0])
        - h(&[3.0, 2.0, 1.0])
        - h(&[4.0, 1.0, 1.0])
        + h(&[2.0, 2.0, 1.0, 1.0]);
    let hl = &t.all_groups.overall;
    assert_eq!((hl.groups, hl.degenerate.clone()), (6, None));
    let got = hl.t_uig_mbits.expect("not degenerate");
    assert!(
        (got - 1000.0 * want).abs() < 1e-9,
        "{got} vs {}",
        1000.0 * want
    );
    // Headline: collaboration relations, each coded by its two partners.
    //   project pairs: p1 f1f2 -i-, f1u1 ui-, f2u1 ui-; p2 f2f4 -i-;
    //   p3 f3r1 -i- (r1 not coded), f3g1 -ig, r1g1 --g; p4 f2f3 -i-
    //   ties: f1u1 ×4 (joint_research ×3, purchase) ui-, r1f3 -i-, f1f2 -i-,
    //   f3g1 -ig, f2f3 -i-
    //   -i- 7, ui- 6, -ig 2, --g 1 → 16 relations
    //   H_U = H(6,10), H_I = H(15,1), H_G = H(3,13), H_UI = H(6,9,1),
    //   H_UG = H(6,7,3), H_IG = H(13,2,1), H_UIG = H(7,6,2,1)
    let want = h(&[6.0, 10.0]) + h(&[15.0, 1.0]) + h(&[3.0, 13.0])
        - h(&[6.0, 9.0, 1.0])
        - h(&[6.0, 7.0, 3.0])
        - h(&[13.0, 2.0, 1.0])
        + h(&[7.0, 6.0, 2.0, 1.0]);
    let hl = &t.headline.overall;
    assert_eq!((hl.groups, hl.codes["-i-"], hl.codes["ui-"]), (16, 7, 6));
    let got = hl.t_uig_mbits.expect("not degenerate");
    assert!(
        (got - 1000.0 * want).abs() < 1e-9,
        "{got} vs {}",
        1000.0 * want
    );
}

// The published section: a reference file with one matching and one
// failing row, one row the data cannot give (a year with no data).
#[test]
fn published_rows_compare_within_tolerance() {
    let csv = "figure,source_table,source_line,report_year,data_year,published,tolerance,metric,note\n\
        I-U-I,[T],928,2005,2005,1.0,0.05,iui.avg_cases_per_participating_firm,\n\
        IBC,[T],929,2006,2006,0.5,0.05,inter_business.avg_cases_per_firm,\n\
        Large,[T],914,2007,2007,1,0,large_sme.projects,no such year\n\
        Small (%),[T],773,,,40,0,size_mix.percent:small,\n";
    let rows = iuinet::metrics::published::parse_reference(Path::new("ref.csv"), csv)
        .expect("reference parses");
    let o = MetricsOpts {
        reference: Some(("ref.csv".into(), rows)),
        ..MetricsOpts::default()
    };
    let m = metrics(&net(), "x", &ViewOpts::default(), &o).expect("metrics");
    let p = m.published.expect("section");
    assert_eq!((p.figures, p.matching), (4, 2));
    let r = &p.rows;
    assert!(r[0].matches && close(r[0].computed, 1.0));
    assert!(!r[1].matches && close(r[1].computed, 0.4));
    assert!(!r[2].matches && r[2].computed.is_none());
    assert!(r[3].matches && close(r[3].computed, 40.0));
    assert_eq!(r[0].year, Some(2005));
}

// A bad reference file names the file, the line and the fix.
#[test]
fn bad_reference_rows_are_reported() {
    let csv = "figure,source_table,source_line,report_year,data_year,published,tolerance,metric,note\n\
        a,[T],1,2005,2005,x,0,activity.events,\n\
        b,[T],1,2005,2005,1,0,activity.eventz,\n";
    let e = iuinet::metrics::published::parse_reference(Path::new("ref.csv"), csv)
        .expect_err("bad rows");
    let msg = e.to_string();
    assert!(msg.contains("ref.csv:2: `published` is \"x\""), "{msg}");
    assert!(
        msg.contains("ref.csv:3: `metric` is \"activity.eventz\""),
        "{msg}"
    );
}
