//! `iuinet metrics`, `consortia` and `density` from the command line: JSON
//! shape, byte-identical output across thread counts, atomic `-o`, usage
//! errors.

use crate::util::iuinet;
use predicates::str::contains;
use serde_json::Value;

const DATA: &str = "tests/data/metrics-small";

fn run_json(args: &[&str]) -> Value {
    let out = iuinet()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON output")
}

#[test]
fn metrics_same_bytes_on_1_and_2_threads() {
    let run = |t: &str| {
        iuinet()
            .env("RAYON_NUM_THREADS", t)
            .args(["metrics", DATA])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let (a, b) = (run("1"), run("2"));
    assert!(!a.is_empty());
    assert_eq!(a, b);
    assert_eq!(a, run("2"));
}

#[test]
fn metrics_document_has_schema_view_and_every_section() {
    let v = run_json(&["metrics", DATA, "--years", "2005..2007"]);
    assert_eq!(v["schema"], "iuinet.metrics/1");
    assert_eq!(v["view"]["years"], "2005..2007");
    assert_eq!(
        v["view"]["layers"],
        serde_json::json!(["event", "project", "tie"])
    );
    for k in [
        "inter_business",
        "iui_collaboration",
        "global_networking",
        "consortia",
        "activity",
        "mini_clusters",
        "density",
        "triple_helix",
        "network",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    // hand-computed in tests/metrics.rs: 6 cases over 4 firms
    assert_eq!(v["inter_business"]["overall"]["avg_cases_per_firm"], 1.5);
    assert_eq!(v["iuinet_version"], env!("CARGO_PKG_VERSION"));
    for k in ["published", "large_sme_projects", "firm_size_mix"] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["density"]["by"], "region");
}

#[test]
fn metrics_only_and_ties_layer() {
    let v = run_json(&[
        "metrics",
        DATA,
        "--only",
        "inter_business",
        "--layers",
        "tie",
    ]);
    assert_eq!(v["sections"], serde_json::json!(["inter_business"]));
    assert!(v.get("consortia").is_none());
    // 2·(firm–firm business ties of the year) / 4 firms: 2006 → 1.0,
    // 2007 → 0.5; the records are fixed, so --layers changes nothing and
    // the year axis is that of every record (2005 has events)
    let y = &v["inter_business"]["by_year"];
    assert_eq!(y[0]["year"], 2005);
    assert_eq!(y[1]["avg_cases_per_firm"], 1.0);
    assert_eq!(y[2]["avg_cases_per_firm"], 0.5);
    let all = run_json(&["metrics", DATA, "--only", "inter_business"]);
    assert_eq!(all["inter_business"], v["inter_business"]);
}

#[test]
fn metrics_unknown_section_is_a_usage_error() {
    iuinet()
        .args(["metrics", DATA, "--only", "nope"])
        .assert()
        .code(2)
        .stderr(contains("unknown section"));
}

#[test]
fn metrics_group_limit_names_the_flag() {
    iuinet()
        .args(["metrics", DATA, "--max-group-size", "2"])
        .assert()
        .code(2)
        .stderr(contains("--max-group-size"));
    // sections that need no pair view run under any limit
    iuinet()
        .args([
            "metrics",
            DATA,
            "--max-group-size",
            "2",
            "--only",
            "consortia",
        ])
        .assert()
        .success();
}

#[test]
fn metrics_output_file_is_atomic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("m.json");
    let out_s = out.to_str().expect("utf-8 path");
    iuinet()
        .args(["metrics", DATA, "-o", out_s])
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read(&out).expect("written");
    let stdout = iuinet()
        .args(["metrics", DATA])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(text, stdout);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("readdir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["m.json"], "no temporary file left");
    // an unwritable target exits 3 and leaves nothing behind
    let bad = dir.path().join("no-such-dir").join("m.json");
    iuinet()
        .args(["metrics", DATA, "-o", bad.to_str().expect("utf-8")])
        .assert()
        .code(3);
}

#[test]
fn metrics_without_data_gives_a_clear_answer() {
    // With the embedded default dataset this succeeds; without it, a clear
    // usage error (exit 2) that says to pass DATA. Never a panic.
    let out = iuinet()
        .args(["metrics", "--only", "consortia"])
        .output()
        .expect("run");
    let code = out.status.code();
    assert!(code == Some(0) || code == Some(2), "exit {code:?}");
    if code == Some(2) {
        assert!(String::from_utf8_lossy(&out.stderr).contains("DATA"));
    }
}

#[test]
fn consortia_table_and_json() {
    iuinet()
        .args(["consortia", DATA])
        .assert()
        .success()
        .stdout(contains("industry-industry-university"))
        .stdout(contains("25.0%"));
    let v = run_json(&["consortia", DATA, "--format", "json"]);
    assert_eq!(v["overall"]["projects"], 4);
    assert_eq!(v["overall"]["types"][0]["type"], "single");
    assert_eq!(v["overall"]["types"][0]["percent"], 25.0);
}

#[test]
fn density_json_shape() {
    let v = run_json(&["density", DATA, "--by", "region", "--format", "json"]);
    assert_eq!(v["by"], "region");
    assert_eq!(
        v["groups"][0],
        serde_json::json!({"name": "East", "actors": 1})
    );
    assert_eq!(
        v["cells"][0],
        serde_json::json!({"a": "East", "b": "East", "linked_pairs": 0, "possible_pairs": 0, "density": null})
    );
    assert_eq!(v["cells"][1]["density"], 0.75);
    assert!(v["cross_share"].is_number());
    assert!(v["ei_index"].is_number());
    assert_eq!(v["ei_by_group"]["North"], 0.6);
    iuinet()
        .args(["density", DATA, "--by", "kind"])
        .assert()
        .success()
        .stdout(contains("E-I index"));
    iuinet()
        .args(["density", DATA, "--by", "colour"])
        .assert()
        .code(2);
}

/// A seeded pseudo-random dataset big enough for rayon to split the work.
fn write_random_dataset(dir: &std::path::Path) {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    let kinds = ["firm", "firm", "firm", "university", "institute", "agency"];
    let regions = ["Capital", "Dongnam", "Honam", "Chungcheong", ""];
    let mut a = String::from("id,kind,employees,region,mini_clusters,country\n");
    for i in 0..3000 {
        let k = kinds[next(6) as usize];
        let emp = if k == "firm" {
            next(500).to_string()
        } else {
            String::new()
        };
        let country = if next(5) == 0 { "JP" } else { "KR" };
        a.push_str(&format!(
            "a{i},{k},{emp},{},mc{},{country}\n",
            regions[next(5) as usize],
            next(40)
        ));
    }
    let mut e = String::from("event_id,type,year,actor_id,mini_cluster\n");
    for g in 0..1500 {
        let size = 2 + next(30);
        let y = 2005 + next(5);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..size {
            let m = next(3000);
            if seen.insert(m) {
                e.push_str(&format!("e{g},forum,{y},a{m},mc{}\n", g % 40));
            }
        }
    }
    let mut p = String::from("project_id,type,year,actor_id\n");
    for g in 0..900 {
        let size = 1 + next(4);
        let y = 2005 + next(5);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..size {
            let m = next(3000);
            if seen.insert(m) {
                p.push_str(&format!("p{g},rnd,{y},a{m}\n"));
            }
        }
    }
    let types = ["purchase", "sales", "supply", "mentoring"];
    let mut t = String::from("source,target,type,year,weight\n");
    for _ in 0..5000 {
        let (s, d) = (next(3000), next(3000));
        if s != d {
            t.push_str(&format!(
                "a{s},a{d},{},{},{}\n",
                types[next(4) as usize],
                2005 + next(5),
                1 + next(3)
            ));
        }
    }
    for (f, s) in [
        ("actors.csv", a),
        ("events.csv", e),
        ("projects.csv", p),
        ("ties.csv", t),
    ] {
        std::fs::write(dir.join(f), s).expect("write");
    }
}

/// Every section except `network`, whose exact centralities are slow in
/// debug builds on 3,000 actors (their thread-count independence is tested
/// with the algorithms; here on metrics-small).
const SECTIONS_BUT_NETWORK: &str = "inter_business,iui_collaboration,global_networking,consortia,activity,mini_clusters,density,triple_helix";

#[test]
fn metrics_same_bytes_on_1_and_2_threads_random() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_random_dataset(dir.path());
    let data = dir.path().to_str().expect("utf-8");
    let run = |t: &str, w: &str| {
        iuinet()
            .env("RAYON_NUM_THREADS", t)
            .args([
                "metrics",
                data,
                "--weight",
                w,
                "--only",
                SECTIONS_BUT_NETWORK,
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    for w in ["none", "newman"] {
        assert_eq!(run("1", w), run("2", w), "weighting {w}");
    }
}

/// Every object key of the metrics JSON is documented in docs/metrics.md (as
/// `` `key` ``), except the keys of maps whose keys are data values.
#[test]
fn every_metrics_field_is_documented() {
    fn walk(v: &Value, keys: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    keys.insert(k.clone());
                    if !["events_by_type", "ei_by_group", "codes"].contains(&k.as_str()) {
                        walk(x, keys);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, keys)),
            _ => {}
        }
    }
    let readme = std::fs::read_to_string("docs/metrics.md").expect("docs/metrics.md");
    let mut keys = std::collections::BTreeSet::new();
    walk(&run_json(&["metrics", DATA]), &mut keys);
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !readme.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "undocumented metrics fields: {missing:?}"
    );
}

#[test]
fn metrics_network_with_approx_betweenness() {
    let v = run_json(&[
        "metrics", DATA, "--only", "network", "--approx", "0.2", "--seed", "7",
    ]);
    assert_eq!(v["network"]["betweenness_approx"]["seed"], 7);
    assert!(v["network"]["top_betweenness"].is_array());
    iuinet()
        .args(["metrics", DATA, "--approx", "2"])
        .assert()
        .code(2)
        .stderr(contains("--approx"));
}
