//! The korea-iccp generator: determinism, scaling, calibration
//! targets, and the committed default dataset.

use crate::targets;
use crate::util::iuinet;
use iuinet::generate::{GenOpts, korea_iccp};
use iuinet::model::Network;
use iuinet::view::YearRange;
use std::path::Path;

fn write(net: &Network, dir: &Path) -> Vec<(String, Vec<u8>)> {
    iuinet::output::dataset::write_csv_dir(net, dir).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn generated(scale: f64, seed: u64) -> Network {
    korea_iccp(&GenOpts {
        scale,
        seed,
        ..GenOpts::default()
    })
    .unwrap()
}

#[test]
fn same_arguments_give_identical_bytes() {
    let t = tempfile::tempdir().unwrap();
    let a = write(&generated(0.5, 7), &t.path().join("a"));
    let b = write(&generated(0.5, 7), &t.path().join("b"));
    assert_eq!(a.len(), 5);
    assert!(a == b, "two runs with the same seed differ");
    let c = write(&generated(0.5, 8), &t.path().join("c"));
    assert!(a != c, "another seed gives the same bytes");
}

#[test]
fn scale_grows_actors_events_projects_linearly() {
    let one = generated(1.0, 1);
    for f in [0.1, 2.0] {
        let n = generated(f, 1);
        for (what, x, y) in [
            ("actors", one.actors.len(), n.actors.len()),
            ("events", one.events().count(), n.events().count()),
            ("projects", one.projects().count(), n.projects().count()),
            ("ties", one.ties.len(), n.ties.len()),
        ] {
            let r = y as f64 / (x as f64 * f);
            assert!(
                (r - 1.0).abs() < 0.03,
                "scale {f}: {what} {y} vs {x} at scale 1 (ratio {r:.3})"
            );
        }
        let (_, max) = targets::event_shape(&n);
        assert!(max <= 500);
    }
}

#[test]
fn scale_10_has_ten_times_the_actors() {
    let one = generated(1.0, 3);
    let ten = generated(10.0, 3);
    let r = ten.actors.len() as f64 / one.actors.len() as f64;
    assert!((r - 10.0).abs() < 0.1, "ratio {r}");
    let (_, max) = targets::event_shape(&ten);
    assert!(max <= 500);
    // Per-actor structure: participations per actor stay put.
    let per = |n: &Network| {
        n.events().map(|g| g.members.len()).sum::<usize>() as f64 / n.actors.len() as f64
    };
    assert!((per(&ten) / per(&one) - 1.0).abs() < 0.03);
    // The structure of scale 1 holds at scale 10: the published per-firm
    // figures, hubs, disassortative business ties, caps and history.
    for y in targets::YEARS {
        let t = 2.2 + 2.6 * f64::from(y - 2005) / 4.0;
        let (v, _) = targets::iui_cases(&ten, y);
        assert!((v - t).abs() <= 0.005, "I-U-I cases {y}: {v} vs {t}");
        let t = 2.49 + 0.44 * f64::from(y - 2005) / 4.0;
        let v = targets::inter_business(&ten, y);
        assert!((v - t).abs() <= 0.005, "connections {y}: {v} vs {t}");
    }
    let (big, small) = realism_checks::hub_ratio(&ten, 2009);
    assert!(big >= 3.0 * small, "hub ratio {big:.2} / {small:.2}");
    let business = realism_checks::business(&ten);
    let r = business.assortativity();
    assert!(r < -0.1, "business-tie assortativity {r}");
    // The copies are linked through exchanged business partners: the giant
    // component spans them (ten apart, it would hold about a tenth).
    let collaboration = realism_checks::collaboration(&ten);
    for (view, g) in [("collaboration", &collaboration), ("business", &business)] {
        let s = g.giant_share();
        println!("{view}: giant component {s:.4}");
        assert!(s > 0.95, "{view}: giant component {s:.3}");
    }
    // The caps give way only where a mini cluster's event needs more members
    // than are under their cap (the yearly totals come first): seed 3 has one
    // firm at 64, 63, 62 and 63 events in four of its 124,534 actor-years.
    for (k, n) in realism_checks::max_yearly_events(&ten) {
        let cap = if k == "firm" { 60 } else { 150 };
        assert!(n <= cap + cap / 10, "{k}: {n} events a year");
    }
    assert_eq!(targets::anachronisms(&ten), 0);
}

/// Mean number of distinct partners (view degree, all layers) of the firms.
fn mean_firm_partners(net: &Network) -> f64 {
    let view = iuinet::view::View::build(net, &Default::default()).unwrap();
    let (mut sum, mut n) = (0usize, 0usize);
    for v in 0..view.actors.len() {
        if net.actor(view.actors[v]).kind == iuinet::model::Kind::Firm {
            sum += view.csr.degree(v as u32);
            n += 1;
        }
    }
    sum as f64 / n as f64
}

#[test]
fn scale_3_keeps_the_partners_per_firm() {
    // Scaling replicates the mini clusters instead of inflating them, so a
    // firm's distinct partners do not grow with the scale.
    let one = mean_firm_partners(&generated(1.0, 2005));
    let three_net = generated(3.0, 2005);
    let three = mean_firm_partners(&three_net);
    assert!(
        (three / one - 1.0).abs() <= 0.25,
        "mean distinct partners of firms: {three:.1} at scale 3 vs {one:.1} at scale 1"
    );
    // Three copies of each mini cluster, the copies suffixed ~2 and ~3.
    let mcs: std::collections::BTreeSet<&str> = three_net
        .events()
        .flat_map(|g| g.members.iter().filter_map(|m| m.mini_cluster.as_deref()))
        .collect();
    let base = mcs.iter().filter(|m| !m.contains('~')).count();
    assert!(base >= 49, "{base} mini clusters in copy 0");
    assert_eq!(mcs.len(), 3 * base);
    assert!(mcs.contains("mc-metal~3"));
}

#[test]
fn years_option_keeps_a_prefix_of_the_calendar() {
    let all = generated(0.3, 5);
    let some = korea_iccp(&GenOpts {
        scale: 0.3,
        seed: 5,
        years: YearRange {
            from: 2007,
            to: 2008,
        },
        ..GenOpts::default()
    })
    .unwrap();
    let ev = |n: &Network, y: i32| n.events().filter(|g| g.year == Some(y)).count();
    assert_eq!(ev(&some, 2006), 0);
    assert_eq!(ev(&some, 2009), 0);
    assert_eq!(ev(&some, 2007), ev(&all, 2007));
    assert_eq!(ev(&some, 2008), ev(&all, 2008));
    assert!(
        korea_iccp(&GenOpts {
            years: YearRange {
                from: 2004,
                to: 2009
            },
            ..GenOpts::default()
        })
        .is_err()
    );
    assert!(
        korea_iccp(&GenOpts {
            scale: 0.0,
            ..GenOpts::default()
        })
        .is_err()
    );
    assert!(
        korea_iccp(&GenOpts {
            scale: f64::NAN,
            ..GenOpts::default()
        })
        .is_err()
    );
}

/// Prints the calibration table of docs/default-dataset.md: `cargo test --release --test it generate::calibration -- --nocapture`.
#[test]
fn calibration_targets_hold_at_scale_1() {
    let net = generated(1.0, iuinet::generate::DEFAULT_SEED);
    let rows = targets::report(&net);
    println!("| target | seed table | tolerance | produced |\n|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {}{} |",
            r.target,
            r.source,
            r.tolerance,
            r.produced,
            if r.ok { "" } else { " **MISSED**" }
        );
    }
    let missed: Vec<&str> = rows
        .iter()
        .filter(|r| !r.ok)
        .map(|r| r.target.as_str())
        .collect();
    assert!(missed.is_empty(), "missed: {missed:?}");
}

#[test]
fn calibration_holds_for_other_seeds() {
    let net = generated(1.0, 99);
    let missed: Vec<String> = targets::report(&net)
        .into_iter()
        .filter(|r| !r.ok)
        .map(|r| format!("{}: {}", r.target, r.produced))
        .collect();
    assert!(missed.is_empty(), "missed: {missed:?}");
}

/// The committed default dataset is exactly what the generator writes, and
/// the embedded copy parses to the same network.
#[test]
fn committed_default_dataset_equals_a_fresh_generation() {
    let t = tempfile::tempdir().unwrap();
    let fresh = write(&korea_iccp(&GenOpts::default()).unwrap(), t.path());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/korea-iccp-2005-2009");
    for (name, bytes) in &fresh {
        let committed = std::fs::read(dir.join(name)).unwrap();
        assert!(
            &committed == bytes,
            "graphs/korea-iccp-2005-2009/{name} differs from a fresh `iuinet generate --preset korea-iccp`; regenerate it"
        );
    }
    let embedded = iuinet::ingest::embedded::default_network().unwrap();
    assert!(embedded == iuinet::ingest::load(&dir).unwrap());
    assert_eq!(
        embedded.sources.actors,
        Path::new("korea-iccp-2005-2009 (embedded)/actors.csv")
    );
}

#[test]
fn written_files_read_back_to_the_same_network() {
    let t = tempfile::tempdir().unwrap();
    let net = generated(0.2, 11);
    iuinet::output::dataset::write_csv_dir(&net, t.path()).unwrap();
    let back = iuinet::ingest::load(t.path()).unwrap();
    assert!(back == net);
}

#[test]
fn cli_generate_writes_a_dataset_and_rejects_bad_arguments() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("d");
    iuinet()
        .args([
            "generate",
            "--preset",
            "korea-iccp",
            "--scale",
            "0.05",
            "--seed",
            "3",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    for f in ["actors.csv", "events.csv", "projects.csv", "ties.csv"] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    iuinet().args(["validate"]).arg(&out).assert().success();
    for bad in [
        ["--years", "2004..2009"],
        ["--scale", "-1"],
        ["--scale", "abc"],
        ["--hub-exponent", "3.5"],
        ["--hub-exponent", "NaN"],
        ["--iui-home-orgs", "0"],
        ["--iui-home-orgs", "21"],
    ] {
        iuinet()
            .args(["generate", "--preset", "korea-iccp"])
            .args(bad)
            .arg("-o")
            .arg(t.path().join("x"))
            .assert()
            .code(2);
    }
    // Every command without DATA runs on the embedded default dataset.
    iuinet()
        .args(["summary", "--json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"actors\": 7723"));
}

mod realism_checks {
    use super::*;
    use iuinet::model::{BUSINESS_TIE_TYPES, Kind, Layer};
    use std::collections::{BTreeMap, HashMap};

    pub use crate::realism::{Graph, TailFit, quantile, tail_fit};

    /// Largest number of events one actor of each kind attends in a year.
    pub fn max_yearly_events(net: &Network) -> BTreeMap<&'static str, usize> {
        let mut c: HashMap<(u32, i32), usize> = HashMap::new();
        for g in net.events() {
            for m in &g.members {
                *c.entry((m.actor, g.year.unwrap_or(0))).or_insert(0) += 1;
            }
        }
        let mut out = BTreeMap::new();
        for ((a, _), n) in c {
            let k = net.actor(a).kind.as_str();
            let e = out.entry(k).or_insert(0);
            *e = (*e).max(n);
        }
        out
    }

    /// Mean firm–firm business ties in `year` of firms of 300+ employees and
    /// of firms under 50.
    pub fn hub_ratio(net: &Network, year: i32) -> (f64, f64) {
        let mut deg = vec![0usize; net.actors.len()];
        for t in net
            .ties
            .iter()
            .filter(|t| t.year == Some(year) && BUSINESS_TIE_TYPES.contains(&t.kind.as_str()))
        {
            deg[t.source as usize] += 1;
            deg[t.target as usize] += 1;
        }
        let mean = |keep: &dyn Fn(u64) -> bool| {
            let v: Vec<usize> = net
                .actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == Kind::Firm && a.employees.is_some_and(keep))
                .map(|(i, _)| deg[i])
                .collect();
            v.iter().sum::<usize>() as f64 / v.len().max(1) as f64
        };
        (mean(&|e| e >= 300), mean(&|e| e < 50))
    }

    pub fn collaboration(net: &Network) -> Graph {
        Graph::of(net, &[Layer::Project], |_| true)
    }

    pub fn networking(net: &Network) -> Graph {
        Graph::of(net, &[Layer::Event], |_| false)
    }

    pub fn business(net: &Network) -> Graph {
        Graph::of(net, &[], |k| BUSINESS_TIE_TYPES.contains(&k))
    }

    /// One realism row per view.
    pub struct ViewRow {
        pub view: &'static str,
        pub actors: usize,
        pub giant: f64,
        pub clustering: f64,
        pub transitivity: f64,
        pub distance: f64,
        pub q: [u64; 4],
        pub max: u64,
        pub assortativity: f64,
        pub fit: TailFit,
        pub mean_degree: f64,
        pub ceiling: f64,
        pub top_triples: f64,
    }

    /// Measures of one view; clustering over every linked node, the mean
    /// distance over every pair of the giant component (one breadth-first
    /// search from each of its nodes).
    pub fn measure(view: &'static str, g: &Graph) -> ViewRow {
        let linked = g.linked();
        let giant = g.giant();
        let sources = &giant;
        let mut d = g.degrees();
        d.sort_unstable();
        ViewRow {
            view,
            actors: linked.len(),
            giant: g.giant_share(),
            clustering: g.avg_clustering(&linked),
            transitivity: g.transitivity(),
            distance: g.mean_distance(sources),
            q: [0.25, 0.5, 0.9, 0.99].map(|q| quantile(&d, q)),
            max: *d.last().unwrap_or(&0),
            assortativity: g.assortativity(),
            fit: tail_fit(&d),
            mean_degree: g.mean_degree(),
            ceiling: g.transitivity_ceiling(),
            top_triples: g.triples_share_of_top(0.01),
        }
    }
}

/// The realism table of the default dataset's README/docs section:
/// `cargo test --release --test it realism -- --nocapture`.
#[test]
fn realism_heavy_tails_hubs_disassortative_ties_and_caps() {
    use realism_checks::*;
    let net = generated(1.0, iuinet::generate::DEFAULT_SEED);
    let rows = [
        measure("collaboration (projects + ties)", &collaboration(&net)),
        measure("networking (events)", &networking(&net)),
        measure("business ties (firm–firm)", &business(&net)),
    ];
    println!(
        "| view | actors | giant component | clustering | transitivity | mean distance | degree q25/q50/q90/q99/max | assortativity | tail: xmin, α, n | LR power law vs exponential (R, p) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.2} | {}/{}/{}/{}/{} | {:.3} | {}, {:.2}, {} | {:.1}, {:.2e} |",
            r.view,
            r.actors,
            r.giant,
            r.clustering,
            r.transitivity,
            r.distance,
            r.q[0],
            r.q[1],
            r.q[2],
            r.q[3],
            r.max,
            r.assortativity,
            r.fit.xmin,
            r.fit.alpha,
            r.fit.n_tail,
            r.fit.r,
            r.fit.p
        );
    }
    // Against a random graph of the same size and mean degree (Watts &
    // Strogatz 1998: distance ln n / ln z, clustering z / n) and the
    // largest transitivity the degrees allow.
    println!();
    println!(
        "| view | mean degree z | distance / (ln n / ln z) | clustering / (z / n) | transitivity / largest possible with these degrees | connected triples at the top 1 % by degree |"
    );
    println!("|---|---|---|---|---|---|");
    for r in &rows {
        let n = r.actors as f64;
        let z = r.mean_degree;
        println!(
            "| {} | {:.2} | {:.2} / {:.2} = {:.2} | {:.3} / {:.5} = {:.0} | {:.3} / {:.3} | {:.3} |",
            r.view,
            z,
            r.distance,
            n.ln() / z.ln(),
            r.distance / (n.ln() / z.ln()),
            r.clustering,
            z / n,
            r.clustering / (z / n),
            r.transitivity,
            r.ceiling,
            r.top_triples
        );
    }
    let caps = max_yearly_events(&net);
    println!("largest yearly event count per actor: {caps:?}");
    let (big, small) = hub_ratio(&net, 2009);
    println!(
        "2009 business ties per firm: 300+ {big:.2}, under 50 {small:.2} (ratio {:.1})",
        big / small
    );
    // NetworkX 3.6.1 and igraph 1.0.0 on the same views
    // (tests/fixtures/realism/expected.txt): giant share, clustering,
    // transitivity, assortativity, mean degree, the transitivity ceiling and
    // the mean distance agree.
    let nx = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/realism/expected.txt"),
    )
    .expect("the NetworkX figures");
    for (r, line) in rows.iter().zip(nx.lines()) {
        let field = |k: &str| -> f64 {
            line.split_whitespace()
                .find_map(|w| w.strip_prefix(k).and_then(|v| v.strip_prefix('=')))
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN)
        };
        for (k, ours) in [
            ("giant", r.giant),
            ("clustering", r.clustering),
            ("transitivity", r.transitivity),
            ("assortativity", r.assortativity),
            ("ceiling", r.ceiling),
            ("z", r.mean_degree),
            ("distance", r.distance),
        ] {
            assert!(
                (ours - field(k)).abs() <= 5e-4,
                "{}: {k} {ours:.4} against NetworkX {}",
                r.view,
                field(k)
            );
        }
    }
    // Heavy tails: power law preferred over the exponential (R > 0, p < 0.1).
    for r in &rows[..2] {
        assert!(
            r.fit.r > 0.0 && r.fit.p < 0.1,
            "{}: power law not preferred over the exponential: {:?}",
            r.view,
            r.fit
        );
    }
    // Hubs: 300+ firms have several times the ties of firms under 50.
    assert!(big >= 3.0 * small, "hub ratio {big:.2} / {small:.2}");
    // Disassortative supply network and tie view.
    assert!(rows[2].assortativity < -0.1, "{}", rows[2].assortativity);
    assert!(rows[0].assortativity < -0.1, "{}", rows[0].assortativity);
    // The figures docs/default-dataset.md lists as inside published ranges
    // stay there: giant component of every view in the board-interlock
    // range (Kogut & Belinky 2008, 77–100 %); mean distance of the
    // collaboration and business-tie views in the firm range (2.5–4.2);
    // mean distance over a random graph's (ln n / ln z) of the
    // collaboration and networking views within the social rows of Newman
    // 2003 (0.83–1.37); transitivity and mean local clustering of the
    // networking view within those rows (0.088–0.59, 0.34–0.88); mean local
    // clustering of the collaboration view within the co-authorship rows
    // (0.34–0.60) and of business ties within the boards (0.35–0.42,
    // Heemskerk & Schnyder 2008).
    let inside = |what: &str, x: f64, lo: f64, hi: f64| {
        assert!((lo..=hi).contains(&x), "{what} {x:.3} outside {lo}–{hi}");
    };
    for r in &rows {
        inside(&format!("{}: giant component", r.view), r.giant, 0.77, 1.0);
    }
    inside("collaboration: mean distance", rows[0].distance, 2.5, 4.2);
    inside("business ties: mean distance", rows[2].distance, 2.5, 4.2);
    for r in &rows[..2] {
        let random = (r.actors as f64).ln() / r.mean_degree.ln();
        inside(
            &format!("{}: distance / random", r.view),
            r.distance / random,
            0.83,
            1.37,
        );
    }
    inside(
        "networking: transitivity",
        rows[1].transitivity,
        0.088,
        0.59,
    );
    inside("networking: clustering", rows[1].clustering, 0.34, 0.88);
    inside("collaboration: clustering", rows[0].clustering, 0.34, 0.60);
    inside("business ties: clustering", rows[2].clustering, 0.35, 0.42);
    // Yearly caps.
    for (k, &n) in &caps {
        let cap = if *k == "firm" { 60 } else { 150 };
        assert!(n <= cap, "a {k} attends {n} events in a year (cap {cap})");
    }
}

/// Asserts that every calibration row taken from the report holds, and
/// returns the generator's own design targets that `net` misses.
fn published_figures_hold(net: &Network, hub_exponent: f64, iui_home_orgs: usize) -> Vec<String> {
    let (design, published): (Vec<_>, Vec<_>) = targets::report(net)
        .into_iter()
        .partition(|r| r.source.starts_with("design target"));
    let missed: Vec<String> = published
        .iter()
        .filter(|r| !r.ok)
        .map(|r| format!("{}: {}", r.target, r.produced))
        .collect();
    assert!(
        missed.is_empty(),
        "hub exponent {hub_exponent}, home organisations {iui_home_orgs}: missed {missed:?}"
    );
    design
        .iter()
        .filter(|r| !r.ok)
        .map(|r| format!("{} ({})", r.produced, r.tolerance))
        .collect()
}

/// The generator's two structural choices against the published ranges of
/// docs/default-dataset.md: `cargo test --release --test it
/// generate::realism_tradeoff -- --nocapture` prints the table that page
/// quotes. Every setting keeps the calibration targets; spreading the supply
/// ties over more firms (a lower hub exponent) lifts the business ties'
/// transitivity past the Internet's 0.035 but takes their local clustering
/// below the boards' 0.35 and their mean distance past the firm range's 4.2,
/// and no setting brings the collaboration view's transitivity near the
/// co-authorship minimum of 0.066.
#[test]
fn realism_tradeoff_of_hub_exponent_and_home_organisations() {
    use realism_checks::*;
    println!(
        "| hub exponent | home organisations | collaboration: transitivity / clustering / mean distance / assortativity | business ties: transitivity / clustering / mean distance / assortativity | 2009 business ties, 300+ ÷ under 50 | design targets |"
    );
    println!("|---|---|---|---|---|---|");
    let mut rows = Vec::new();
    for (hub_exponent, iui_home_orgs) in [(1.5, 6), (1.0, 6), (0.5, 6), (1.5, 2), (1.0, 2)] {
        let net = korea_iccp(&GenOpts {
            hub_exponent,
            iui_home_orgs,
            ..GenOpts::default()
        })
        .unwrap();
        // The report's figures hold at every setting; the generator's own
        // design targets (triadic closure) are listed when missed.
        let design_missed = published_figures_hold(&net, hub_exponent, iui_home_orgs);
        let cg = collaboration(&net);
        if rows.is_empty() {
            // Where the collaboration view's connected triples sit.
            let org = |v: u32| net.actors[v as usize].kind != iuinet::model::Kind::Firm;
            let (at_orgs, closed_at_orgs) = cg.triples_at(org);
            let (all, _) = cg.triples_at(|_| true);
            let organisations = (0..net.actors.len() as u32)
                .filter(|&v| org(v) && !cg.adj[v as usize].is_empty())
                .count();
            println!(
                "collaboration view at the defaults: {at_orgs} of {all} connected triples ({:.0} %) centred at the {organisations} linked organisations, {closed_at_orgs} of them closed ({:.2} %)",
                100.0 * at_orgs as f64 / all as f64,
                100.0 * closed_at_orgs as f64 / at_orgs as f64
            );
        }
        let c = measure("collaboration", &cg);
        let b = measure("business ties", &business(&net));
        let (big, small) = hub_ratio(&net, 2009);
        println!(
            "| {hub_exponent:.1} | {iui_home_orgs} | {:.3} / {:.3} / {:.2} / {:.3} | {:.3} / {:.3} / {:.2} / {:.3} | {:.1} ÷ {:.1} = {:.1} | {} |",
            c.transitivity,
            c.clustering,
            c.distance,
            c.assortativity,
            b.transitivity,
            b.clustering,
            b.distance,
            b.assortativity,
            big,
            small,
            big / small,
            if design_missed.is_empty() {
                "all held".to_string()
            } else {
                format!("missed: {}", design_missed.join("; "))
            }
        );
        rows.push((hub_exponent, c, b));
    }
    // The ends of both options' ranges keep the report's figures too.
    for (hub_exponent, iui_home_orgs) in [(0.0, 1), (3.0, 20)] {
        let net = korea_iccp(&GenOpts {
            hub_exponent,
            iui_home_orgs,
            ..GenOpts::default()
        })
        .unwrap();
        published_figures_hold(&net, hub_exponent, iui_home_orgs);
    }
    let default = &rows[0];
    assert_eq!(default.0, iuinet::generate::DEFAULT_HUB_EXPONENT);
    for (h, c, b) in &rows {
        assert!(
            c.transitivity < 0.05,
            "hub exponent {h}: {}",
            c.transitivity
        );
        if *h < default.0 {
            assert!(
                b.transitivity > 0.035,
                "hub exponent {h}: {}",
                b.transitivity
            );
            assert!(
                b.clustering < 0.35 && b.distance > 4.2,
                "hub exponent {h}: clustering {} distance {}",
                b.clustering,
                b.distance
            );
        }
    }
}
