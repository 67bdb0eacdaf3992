//! `iuinet scorecard` on the hand-made dataset `tests/data/scorecard`, every
//! indicator worked out by hand in the comments; the benchmark, weights and
//! bootstrap options; identical output across thread counts.

use crate::util::{json, run};
use iuinet::metrics::scorecard::{
    Benchmark, Card, GroupBy, INDICATORS, ScoreOpts, Scorecard, default_weights, scorecard,
};
use iuinet::model::Network;
use std::path::Path;

fn net() -> Network {
    iuinet::ingest::load(Path::new("tests/data/scorecard")).expect("scorecard data loads")
}

fn card(by: GroupBy, benchmark: Benchmark) -> Scorecard {
    let o = ScoreOpts {
        by,
        benchmark,
        ..ScoreOpts::default()
    };
    scorecard(&net(), &o).expect("scorecard")
}

fn value(c: &Card, id: &str) -> Option<f64> {
    c.indicators
        .iter()
        .find(|x| x.id == id)
        .and_then(|x| x.value)
}

fn score(c: &Card, id: &str) -> Option<f64> {
    c.indicators
        .iter()
        .find(|x| x.id == id)
        .and_then(|x| x.score)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn check(c: &Card, want: &[(&str, Option<f64>)]) {
    assert_eq!(want.len(), INDICATORS.len(), "every indicator is checked");
    for (id, w) in want {
        let got = value(c, id);
        match w {
            Some(w) => assert!(close(got, *w), "{id}: got {got:?}, want {w}"),
            None => assert_eq!(got, None, "{id}"),
        }
    }
}

// Region A: F = fa1 fa2 fa3 fa4 (n = 4), U = ua, R = ra (g1, an agency, is no member firm).
// Business ties (both years): fa1–fa2 supply and purchase (two cases at each,
// one pair), fa2–fa3, fa1–fb1 (to region B).
//   cases fa1 2+1, fa2 2+1, fa3 1, fa4 0 = 7 → 7/4 = 1.75
//   partners: fa1 {fa2, fb1}, fa2 {fa1, fa3}, fa3 {fa2}, fa4 none → 3/4 = 0.75
//   internal pairs fa1–fa2, fa2–fa3 = 2 of C(4,2) = 6 → 1/3
//   components within F: {fa1 fa2 fa3}, {fa4} → 3/4
//   E = 1 (fa1–fb1), I = 2 → E/(E+I) = 1/3, E-I = (1-2)/3 = -1/3
// I-U-I: case ties fa2–ua, fa3–ra, fa4–ua (and fb2–ua for B); projects with
// a university/institute: p1 (ua) → fa1, fa2; p2 (ra) → fa3.
//   cases fa1 1, fa2 2, fa3 2, fa4 1 = 6 → 1.5; all four have a U/R partner → 1
//   firm–university links fa1, fa2, fa4 (to ua) → 3/(4·1) = 0.75
//   firm–institute links fa3 (to ra) → 1/(4·1) = 0.25
//   brokerage: ua's firm neighbours fa1, fa2, fa4; fa1–fa2 are business-linked,
//   (fa1, fa4) and (fa2, fa4) are open two-paths → 2; ra: one neighbour → 0; 2/4 = 0.5
// R&D: memberships fa1 p1, fa2 p1, fa3 p2 = 3 → 0.75; p1 (I-I-U) and p2 (I-R)
//   are consortia → 3/3 = 1; p1 has fa1 (300+) and fa2 (lt30) → 2 memberships → 0.5
//   funding 2005–2006 (the 2004 row is outside the axis): fa1 100+150, fa2 10+20,
//   fa3 30 (2005 empty) → 310 / 5 rows = 62; patents 10+12+1+1+0+2 = 26 / 6 rows
//   growth: firms with 2005 and 2006 funding: fa1, fa2 → (150+20)/(100+10) = 17/11
// Region B: F = fb1 fb2, U = ub, R none.
//   cases fb1 2 (fa1, fb2), fb2 1 → 3/2 = 1.5; both have a partner → 1
//   internal fb1–fb2 1 of 1 → 1; one component → 1; E = 1, I = 1 → 0.5, E-I 0
//   I-U-I cases fb2 1 (tie to ua, a university of A) → 0.5; partner share 1/2
//   firm–university: no link to ub → 0/(2·1) = 0; no institute → null
//   brokerage: ub has no link → 0
//   projects: p3 (fb1 alone: single, not a consortium) → 1/2 = 0.5, 0/1 = 0, 0
//   funding 50+50+20+40 = 160/4 = 40; patents 5+5+2+2 = 14/4 = 3.5;
//   growth (50+40)/(50+20) = 9/7
#[test]
fn every_indicator_by_region() {
    let sc = card(GroupBy::Region, Benchmark::Top);
    let names: Vec<&str> = sc.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["A", "B"]);
    let a = &sc.groups[0].overall;
    assert_eq!(
        (a.member_firms, a.member_universities, a.member_institutes),
        (4, 1, 1)
    );
    assert!(close(a.ei_index, -1.0 / 3.0));
    check(
        a,
        &[
            ("firm_ties_per_firm", Some(1.75)),
            ("firm_partner_share", Some(0.75)),
            ("internal_density", Some(1.0 / 3.0)),
            ("largest_component_share", Some(0.75)),
            ("external_share", Some(1.0 / 3.0)),
            ("iui_cases_per_firm", Some(1.5)),
            ("iui_partner_share", Some(1.0)),
            ("firm_university_density", Some(0.75)),
            ("firm_institute_density", Some(0.25)),
            ("ur_brokerage_per_firm", Some(0.5)),
            ("projects_per_firm", Some(0.75)),
            ("consortium_share", Some(1.0)),
            ("large_sme_projects_per_firm", Some(0.5)),
            ("rnd_funding_per_firm", Some(62.0)),
            ("patents_per_firm", Some(26.0 / 6.0)),
            ("rnd_funding_growth", Some(17.0 / 11.0)),
        ],
    );
    let b = &sc.groups[1].overall;
    assert_eq!(
        (b.member_firms, b.member_universities, b.member_institutes),
        (2, 1, 0)
    );
    assert!(close(b.ei_index, 0.0));
    check(
        b,
        &[
            ("firm_ties_per_firm", Some(1.5)),
            ("firm_partner_share", Some(1.0)),
            ("internal_density", Some(1.0)),
            ("largest_component_share", Some(1.0)),
            ("external_share", Some(0.5)),
            ("iui_cases_per_firm", Some(0.5)),
            ("iui_partner_share", Some(0.5)),
            ("firm_university_density", Some(0.0)),
            ("firm_institute_density", None),
            ("ur_brokerage_per_firm", Some(0.0)),
            ("projects_per_firm", Some(0.5)),
            ("consortium_share", Some(0.0)),
            ("large_sme_projects_per_firm", Some(0.0)),
            ("rnd_funding_per_firm", Some(40.0)),
            ("patents_per_firm", Some(3.5)),
            ("rnd_funding_growth", Some(9.0 / 7.0)),
        ],
    );
}

// Scores against the best group (top): A's ties 1.75 is the best → 100, B
// 1.5/1.75 → 85.714…; internal density B 1 is best → A 33.33…
// Pillars (equal indicator weights, nulls left out):
//   A interconnection (100 + 75 + 33.33 + 75 + 66.67)/5 = 70
//   B interconnection (85.714 + 100·4)/5 = 97.142857…
//   B iui: (33.33 + 50 + 0 + 0)/4 (institute density null) = 20.8333…
//   A total: pillars 70, 100, 100 with weights 20/20/20 → 90
#[test]
fn scores_pillars_and_total_against_the_top_group() {
    let sc = card(GroupBy::Region, Benchmark::Top);
    let (a, b) = (&sc.groups[0].overall, &sc.groups[1].overall);
    assert!(close(score(a, "firm_ties_per_firm"), 100.0));
    assert!(close(score(b, "firm_ties_per_firm"), 100.0 * 1.5 / 1.75));
    assert!(close(score(a, "internal_density"), 100.0 / 3.0));
    assert!(close(
        score(b, "rnd_funding_growth"),
        100.0 * (9.0 / 7.0) / (17.0 / 11.0)
    ));
    assert_eq!(score(b, "firm_institute_density"), None);
    let p = |c: &Card, i: usize| c.pillars[i].score;
    assert!(close(p(a, 0), 70.0));
    assert!(close(p(b, 0), (100.0 * 1.5 / 1.75 + 400.0) / 5.0));
    assert!(close(p(b, 1), (100.0 / 3.0 + 50.0) / 4.0));
    assert!(close(p(a, 3), 90.0));
    let bv: Vec<Option<f64>> = sc.benchmark_values.iter().map(|b| b.value).collect();
    assert!(close(bv[0], 1.75) && close(bv[2], 1.0));
    assert_eq!(sc.benchmark_values[0].group.as_deref(), Some("A"));
}

// By year, region A in 2006: business ties of 2006 are fb1–fb2 only → 0
// cases, density 0, every firm its own component → 1/4, no link → external
// share null. 2006 I-U-I: fa3–ra, fa4–ua ties, p2 → fa3 → (2+1)/4 = 0.75.
// Change of ties-per-firm score: 2005 100 (A is best) → 2006 0 (B is best) = −100.
#[test]
fn by_year_and_change() {
    let sc = card(GroupBy::Region, Benchmark::Top);
    assert_eq!(sc.years, [2005, 2006]);
    let a = &sc.groups[0];
    let y6 = &a.by_year[1].card;
    assert!(close(value(y6, "firm_ties_per_firm"), 0.0));
    assert!(close(value(y6, "internal_density"), 0.0));
    assert!(close(value(y6, "largest_component_share"), 0.25));
    assert_eq!(value(y6, "external_share"), None);
    assert!(close(value(y6, "iui_cases_per_firm"), 0.75));
    // growth in 2006 = 2006 funding / 2005 funding of fa1, fa2
    assert!(close(value(y6, "rnd_funding_growth"), 17.0 / 11.0));
    let ch = y6.indicators[0].change.flatten();
    assert!(close(ch, -100.0), "{ch:?}");
    assert_eq!(a.by_year[0].card.indicators[0].change, Some(None));
}

// Mini clusters: members are the participants of their events. mc-x: ev1
// (fa1, fa2, ua, g1) and ev2 (fa3, fb1) → F = fa1 fa2 fa3 fb1, U = ua.
// cases 3 + 3 + 1 + 2 = 9 → 9/4; internal pairs fa1–fa2, fa2–fa3, fa1–fb1 → 3/6;
// external fb1–fb2 → 1/(1+3). In 2006 mc-x is ev2 alone: F = fa3, fb1.
#[test]
fn mini_cluster_members_from_events() {
    let sc = card(GroupBy::MiniCluster, Benchmark::Top);
    let x = &sc.groups[0];
    assert_eq!(x.name, "mc-x");
    assert_eq!(
        (x.overall.member_firms, x.overall.member_universities),
        (4, 1)
    );
    assert!(close(value(&x.overall, "firm_ties_per_firm"), 2.25));
    assert!(close(value(&x.overall, "internal_density"), 0.5));
    assert!(close(value(&x.overall, "external_share"), 0.25));
    assert_eq!(x.by_year[1].card.member_firms, 2);
    assert_eq!(sc.groups[1].name, "mc-y");
    assert_eq!(sc.groups[1].overall.member_firms, 2);
}

// A group benchmark: B = 100, so A's ties score is 100 · 1.75/1.5.
// A file benchmark gives the "advanced cluster" values directly.
#[test]
fn group_and_file_benchmarks() {
    let sc = card(GroupBy::Region, Benchmark::Group("B".into()));
    assert!(close(
        score(&sc.groups[0].overall, "firm_ties_per_firm"),
        100.0 * 1.75 / 1.5
    ));
    assert!(close(
        score(&sc.groups[1].overall, "firm_ties_per_firm"),
        100.0
    ));
    let dir = std::env::temp_dir().join(format!("iuinet-scorecard-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("advanced.csv");
    std::fs::write(&f, "indicator,value\nfirm_ties_per_firm,3.5\n").expect("write");
    let v = json(
        "scorecard",
        &[
            "tests/data/scorecard",
            "--by",
            "region",
            "--benchmark",
            f.to_str().unwrap_or(""),
            "--format",
            "json",
        ],
    );
    let s = v["groups"][0]["indicators"][0]["score"].as_f64();
    assert!(close(s, 50.0), "{s:?}");
    assert!(v["groups"][0]["indicators"][1]["score"].is_null());
    // an unknown indicator: file, line and the fix, exit 2
    std::fs::write(&f, "indicator,value\nfirm_ties,3.5\n").expect("write");
    run(
        "scorecard",
        &[
            "tests/data/scorecard",
            "--benchmark",
            f.to_str().unwrap_or(""),
        ],
    )
    .code(2)
    .stderr(predicates::str::contains("advanced.csv:2"))
    .stderr(predicates::str::contains("firm_ties_per_firm"));
    // an unknown group
    run(
        "scorecard",
        &["tests/data/scorecard", "--by", "region", "--benchmark", "C"],
    )
    .code(2)
    .stderr(predicates::str::contains("A, B"));
    let _ = std::fs::remove_dir_all(&dir);
}

// Weights: only the R&D pillar → total = A's rnd score; a bad weight is
// reported with file and line (exit 2).
#[test]
fn weights_file() {
    let dir = std::env::temp_dir().join(format!("iuinet-scw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("w.csv");
    std::fs::write(
        &f,
        "level,name,weight\npillar,rnd,1\nindicator,projects_per_firm,1\nindicator,consortium_share,3\n",
    )
    .expect("write");
    let v = json(
        "scorecard",
        &[
            "tests/data/scorecard",
            "--by",
            "region",
            "--weights",
            f.to_str().unwrap_or(""),
            "--format",
            "json",
        ],
    );
    // B: projects 0.5/0.75 → 66.67, consortium 0 → (66.67 + 3·0)/4
    let b = &v["groups"][1]["pillars"];
    let want = 100.0 * (0.5 / 0.75) / 4.0;
    assert!(close(b[2]["score"].as_f64(), want));
    assert!(close(b[3]["score"].as_f64(), want));
    assert!(
        b[0]["score"].is_null(),
        "interconnection has no weighted indicator"
    );
    std::fs::write(&f, "level,name,weight\npillar,rnd,-1\n").expect("write");
    run(
        "scorecard",
        &[
            "tests/data/scorecard",
            "--weights",
            f.to_str().unwrap_or(""),
        ],
    )
    .code(2)
    .stderr(predicates::str::contains("w.csv:2"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn default_weights_are_the_2010_structure() {
    let w = default_weights();
    let p: Vec<f64> = w.pillars.iter().map(|x| x.weight).collect();
    assert_eq!(p, [20.0, 20.0, 20.0]);
    let u: f64 = w.unmeasured.iter().map(|x| x.weight).sum();
    assert_eq!(u, 40.0);
    assert!(close(w.measured_share, 0.6));
    assert!(w.indicators.iter().all(|x| x.weight == 1.0));
}

// Same bytes for 1, 2 and 4 threads, with the bootstrap.
#[test]
fn identical_across_thread_counts() {
    let out = |t: &str| {
        crate::util::iuinet()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", t)
            .args([
                "scorecard",
                "--by",
                "region",
                "--bootstrap",
                "20",
                "--seed",
                "7",
                "--format",
                "csv",
                "-q",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = out("1");
    assert!(one.len() > 1000);
    assert_eq!(one, out("2"));
    assert_eq!(one, out("4"));
}

fn width(c: &Card, id: &str) -> f64 {
    let x = c.indicators.iter().find(|x| x.id == id).expect("indicator");
    x.ci_high.expect("interval") - x.ci_low.expect("interval")
}

// Two regions of the same make-up, 8 and 128 firms: firm i is tied to firm
// i+1 when i % 4 == 0, so half the firms have one case and the ties per
// firm are 0.5 in both (scores 100 against top). Resampling 8 firms varies
// the mean far more than resampling 128: the interval shrinks with the group.
#[test]
fn bootstrap_intervals_shrink_as_the_group_grows() {
    let mut actors = String::from("id,kind,region\n");
    let mut ties = String::from("source,target,type,year\n");
    for (r, n) in [("S", 8), ("L", 128)] {
        for i in 0..n {
            actors.push_str(&format!("{r}{i},firm,{r}\n"));
            if i % 4 == 0 {
                ties.push_str(&format!("{r}{i},{r}{},supply,2005\n", i + 1));
            }
        }
    }
    let net = iuinet::ingest::from_csv_strs(&actors, None, None, Some(&ties)).expect("loads");
    let o = ScoreOpts {
        by: GroupBy::Region,
        replicates: 400,
        seed: 3,
        ..ScoreOpts::default()
    };
    let sc = scorecard(&net, &o).expect("scorecard");
    let (l, s) = (&sc.groups[0], &sc.groups[1]);
    assert_eq!((l.name.as_str(), s.name.as_str()), ("L", "S"));
    for c in [&l.overall, &s.overall] {
        assert!(close(value(c, "firm_ties_per_firm"), 0.5));
        let x = &c.indicators[0];
        assert!(x.ci_low <= x.score && x.score <= x.ci_high, "{x:?}");
    }
    for id in ["firm_ties_per_firm", "firm_partner_share"] {
        let (wl, ws) = (width(&l.overall, id), width(&s.overall, id));
        assert!(
            ws > 2.0 * wl && wl > 0.0,
            "{id}: 8 firms {ws}, 128 firms {wl}"
        );
    }
    // the seed decides the draws: the same seed, the same intervals
    let again = scorecard(&net, &o).expect("scorecard");
    assert_eq!(again, sc);
}

// The metrics section is the command's report (same figures), and the HTML
// report has the scorecard table and one small chart per pillar and the total.
#[test]
fn metrics_section_and_report() {
    let m = json(
        "metrics",
        &[
            "tests/data/scorecard",
            "--only",
            "scorecard",
            "--scorecard-by",
            "region",
        ],
    );
    let mut c = json(
        "scorecard",
        &["tests/data/scorecard", "--by", "region", "--format", "json"],
    );
    if let Some(o) = c.as_object_mut() {
        o.remove("iuinet_version");
    }
    assert_eq!(m["sections"], serde_json::json!(["scorecard"]));
    assert_eq!(m["scorecard"], c);
    let out = run(
        "report",
        &["tests/data/scorecard", "-q", "--scorecard-by", "region"],
    )
    .success()
    .get_output()
    .stdout
    .clone();
    let html = String::from_utf8(out).expect("utf-8");
    assert!(html.contains("<h2 id=\"scorecard\">Scorecard</h2>"));
    for i in 0..4 {
        assert!(
            html.contains(&format!("id=\"chart-scorecard-{i}\"")),
            "chart {i}"
        );
    }
    // A's total against top, as worked out above
    assert!(html.contains(
        "<tr><td>A</td><td class=\"num\">4</td><td class=\"num\">70.0</td><td class=\"num\">100.0</td><td class=\"num\">100.0</td><td class=\"num\">90.0</td></tr>"
    ));
}
