//! `iuinet brokers` on Borgatti's example network (tests/fixtures/borgatti).

use predicates::str::contains;
use serde_json::Value;

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    crate::util::run("brokers", args)
}

#[test]
fn json_ranks_g_first_with_hand_counted_roles() {
    let out = run(&[
        "tests/fixtures/borgatti",
        "--by",
        "kind",
        "--format",
        "json",
    ])
    .success()
    .get_output()
    .stdout
    .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "iuinet.brokers/1");
    let g = &v["brokers"][0];
    assert_eq!(g["id"], "G");
    // G's 6 contacts give 15 pairs; A–B, A–E, A–F, B–D are linked: 11 open,
    // all coordinator (one group)
    assert_eq!(g["roles"]["total"], 11);
    assert_eq!(g["roles"]["coordinator"], 11);
    assert!((g["constraint"].as_f64().unwrap() - 0.400).abs() < 5e-4);
    assert!((g["effective_size"].as_f64().unwrap() - 4.667).abs() < 1e-3);
    assert_eq!(v["brokers"].as_array().unwrap().len(), 7);
}

#[test]
fn table_and_csv() {
    run(&["tests/fixtures/borgatti", "--top", "2"])
        .success()
        .stdout(contains("boundary = representative + gatekeeper"))
        .stdout(contains("G"));
    run(&[
        "tests/data/readme",
        "--by",
        "mini_cluster",
        "--format",
        "csv",
    ])
    .success()
    .stdout(contains("rank,id,name,kind,group,degree,coordinator"));
}

#[test]
fn bad_grouping_is_a_usage_error() {
    run(&["tests/fixtures/borgatti", "--by", "colour"])
        .code(2)
        .stderr(contains("unknown grouping"));
}
