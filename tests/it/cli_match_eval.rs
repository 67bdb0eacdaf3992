//! `iuinet match-eval` on the README dataset.

use predicates::str::contains;
use serde_json::Value;

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    crate::util::run("match-eval", args)
}

#[test]
fn json_report_lists_baselines_first() {
    let out = run(&[
        "tests/data/readme",
        "--split-year",
        "2006",
        "--format",
        "json",
    ])
    .success()
    .get_output()
    .stdout
    .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "iuinet.match-eval/1");
    let methods: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["method"].as_str().unwrap())
        .collect();
    assert_eq!(
        methods,
        vec![
            "random",
            "preferential-attachment",
            "resource-allocation",
            "adamic-adar",
            "jaccard",
            "common-neighbors",
            "katz"
        ]
    );
    assert_eq!(v["train_years"], "2005..2006");
    assert_eq!(v["test_years"], "2007..2008");
}

#[test]
fn same_bytes_twice_and_table() {
    let a = run(&[
        "tests/data/readme",
        "--split-year",
        "2006",
        "--method",
        "ra",
    ])
    .success()
    .stdout(contains("precision@10"))
    .get_output()
    .stdout
    .clone();
    let b = run(&[
        "tests/data/readme",
        "--split-year",
        "2006",
        "--method",
        "ra",
    ])
    .get_output()
    .stdout
    .clone();
    assert_eq!(a, b);
}

#[test]
fn split_outside_the_data_is_a_usage_error() {
    run(&["tests/data/readme", "--split-year", "2008"])
        .code(2)
        .stderr(contains("leaves no test period"));
    run(&[
        "tests/data/readme",
        "--split-year",
        "2006",
        "--years",
        "2005..2006",
    ])
    .code(2);
}
