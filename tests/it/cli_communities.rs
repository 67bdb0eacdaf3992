//! `iuinet communities` on the planted-partition and karate fixtures.

use crate::util::iuinet;
use predicates::str::contains;
use serde_json::Value;

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    crate::util::run("communities", args)
}

fn json(args: &[&str]) -> Value {
    crate::util::json("communities", args)
}

/// The planted blocks (a column of actors.csv) are found exactly:
/// NMI = ARI = 1, four communities of 32, each pure.
#[test]
fn planted_blocks_recovered_by_column() {
    let v = json(&[
        "tests/fixtures/planted",
        "--compare",
        "block",
        "--format",
        "json",
    ]);
    assert_eq!(v["schema"], "iuinet.communities/1");
    assert_eq!(v["sizes"], serde_json::json!([32, 32, 32, 32]));
    let c = &v["comparison"];
    assert_eq!(c["nmi"], 1.0);
    assert_eq!(c["ari"], 1.0);
    assert_eq!(c["labelled"], 128);
    assert_eq!(c["contingency"].as_array().unwrap().len(), 4);
    for m in c["communities"].as_array().unwrap() {
        assert_eq!(m["purity"], 1.0);
    }
    // same partition quality as igraph's best (0.599157…, fixture)
    let q = v["quality"].as_f64().unwrap();
    assert!((q - 0.599157).abs() < 1e-6, "{q}");
}

#[test]
fn table_and_csv() {
    run(&["tests/fixtures/planted", "--compare", "block"])
        .success()
        .stdout(contains("NMI: 1.0000"))
        .stdout(contains("communities: 4"));
    let out = run(&["tests/fixtures/karate", "--format", "csv"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("id,name,community\n"));
    assert_eq!(text.lines().count(), 35);
}

/// Same JSON for any thread count.
#[test]
fn same_output_on_1_and_3_threads() {
    let get = |t: &str| {
        iuinet()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", t)
            .args([
                "communities",
                "tests/fixtures/lesmis",
                "--weight",
                "sum",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(get("1"), get("3"));
}

#[test]
fn bad_arguments_exit_2() {
    run(&["tests/fixtures/karate", "--compare", "club"])
        .code(2)
        .stderr(contains("\"club\": no such attribute"));
    run(&["tests/fixtures/karate", "--resolution=-1"])
        .code(2)
        .stderr(contains("--resolution"));
}
