//! `iuinet match`: single actor, batch, filters and errors.

use crate::util::iuinet;
use predicates::str::contains;
use serde_json::Value;

fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    crate::util::run("match", args)
}

fn json(args: &[&str]) -> Value {
    crate::util::json("match", args)
}

/// Borgatti's network: C's only partner is G (6 contacts), so every other
/// contact of G scores 1/6 by resource allocation; with one common partner
/// each and no mini cluster or year, the tie goes by the seeded hash of the
/// id pair (`--seed`), not by id order; `--top 0` lists all five.
#[test]
fn ties_break_by_seeded_hash() {
    let v = json(&[
        "tests/fixtures/borgatti",
        "--actor",
        "C",
        "--top",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(v["schema"], "iuinet.match/1");
    let ids: Vec<&str> = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["actor"]["id"].as_str().unwrap())
        .collect();
    let mut all = ["A", "B", "D", "E", "F"];
    all.sort_by_key(|id| iuinet::metrics::matching::pair_hash("C", id, 0));
    assert_eq!(ids, all[..3].to_vec());
    assert!((v["candidates"][0]["score"].as_f64().unwrap() - 1.0 / 6.0).abs() < 1e-15);
    let v = json(&[
        "tests/fixtures/borgatti",
        "--actor",
        "C",
        "--top",
        "0",
        "--format",
        "json",
    ]);
    let n = v["candidates"].as_array().map_or(0, |a| a.len());
    assert_eq!(n, 5, "--top 0 lists every candidate");
}

#[test]
fn explain_names_partners_and_groups() {
    run(&["tests/data/readme", "--actor", "f1", "--explain"])
        .success()
        .stdout(contains("shared partners: f2 Hanbit Motors"))
        .stdout(contains("p2 (joint R&D 2007: f1, f2)"));
    let v = json(&[
        "tests/data/readme",
        "--actor",
        "f1",
        "--explain",
        "--format",
        "json",
    ]);
    assert_eq!(v["candidates"][0]["explanation"]["partners"][0]["id"], "f2");
}

#[test]
fn kind_and_region_filters() {
    // f1's only candidate is f3 (JP, no region): none in the same region
    let v = json(&[
        "tests/data/readme",
        "--actor",
        "f1",
        "--region",
        "same",
        "--format",
        "json",
    ]);
    assert_eq!(v["candidates"].as_array().unwrap().len(), 0);
    let v = json(&[
        "tests/data/readme",
        "--actor",
        "f1",
        "--kind",
        "university",
        "--format",
        "json",
    ]);
    assert_eq!(v["candidates"].as_array().unwrap().len(), 0);
}

#[test]
fn batch_writes_json_in_id_order() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("m.json");
    run(&[
        "tests/fixtures/borgatti",
        "--all",
        "--kind",
        "other",
        "-o",
        f.to_str().unwrap(),
    ])
    .success();
    let v: Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
    assert_eq!(v["schema"], "iuinet.match-batch/1");
    let ids: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["A", "B", "C", "D", "E", "F", "G"]);
    // same as the single-actor run
    let one = json(&[
        "tests/fixtures/borgatti",
        "--actor",
        "C",
        "--format",
        "json",
    ]);
    assert_eq!(v["results"][2]["candidates"], one["candidates"]);
}

#[test]
fn unknown_actor_exits_2_with_suggestion() {
    // ("g" is actor G's name, case ignored: a match, not an error)
    run(&["tests/fixtures/borgatti", "--actor", "GG"])
        .code(2)
        .stderr(contains("no actor with id \"GG\""))
        .stderr(contains("did you mean \"G\""));
    run(&["tests/fixtures/borgatti", "--all"]).code(2);
    run(&[
        "tests/fixtures/borgatti",
        "--actor",
        "A",
        "--method",
        "magic",
    ])
    .code(2)
    .stderr(contains("unknown method"));
}

/// A 300-actor dataset with pseudo-random ties (fixed LCG), for thread tests.
fn synthetic() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let mut actors = String::from("id,kind,region\n");
    let kinds = ["firm", "firm", "firm", "university", "institute"];
    let regions = ["east", "west", "north"];
    for i in 0..300 {
        actors.push_str(&format!("a{i:03},{},{}\n", kinds[i % 5], regions[i % 3]));
    }
    let mut ties = String::from("source,target,type,year\n");
    let mut x: u64 = 12345;
    for _ in 0..1500 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let a = (x >> 33) % 300;
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let b = ((x >> 33) % 40 + a + 1) % 300; // mostly local: clustering
        ties.push_str(&format!(
            "a{a:03},a{b:03},supply,{}\n",
            2005 + (x >> 40) % 5
        ));
    }
    std::fs::write(d.path().join("actors.csv"), actors).unwrap();
    std::fs::write(d.path().join("ties.csv"), ties).unwrap();
    d
}

#[test]
fn same_bytes_for_any_thread_count() {
    let d = synthetic();
    let p = d.path().to_str().unwrap();
    let cases: [&[&str]; 4] = [
        &["match", p, "--all", "--kind", "firm", "--explain"],
        &["match", p, "--all", "--kind", "firm", "--method", "katz"],
        &[
            "brokers", p, "--by", "region", "--top", "0", "--format", "json",
        ],
        &["match-eval", p, "--split-year", "2007", "--format", "json"],
    ];
    for args in cases {
        let out = |threads: &str| {
            iuinet()
                .env("RAYON_NUM_THREADS", threads)
                .args(args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let one = out("1");
        assert!(one.len() > 1000, "{args:?}");
        assert_eq!(one, out("4"), "{args:?}");
    }
}

/// `--actor` takes a name as `ego` does: the same candidates as the id; a
/// name two actors share is refused with both ids (exit 2).
#[test]
fn actor_by_name_and_ambiguous_name() {
    let by_id = json(&["tests/data/readme", "--actor", "f1", "--format", "json"]);
    let by_name = json(&[
        "tests/data/readme",
        "--actor",
        "daeil precision",
        "--format",
        "json",
    ]);
    assert_eq!(by_id["actor"]["id"], "f1");
    assert_eq!(by_id, by_name);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors.csv"),
        "id,name,kind,region\nf1,Acme,firm,east\nf2,Acme,firm,west\nu1,Hanguk University,university,east\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ties.csv"),
        "source,target,type,year,weight\nf1,u1,tie,2006,1\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    run(&[d, "--actor", "Acme"])
        .code(2)
        .stderr(contains("2 actors are named \"Acme\""))
        .stderr(contains("f1 (firm, east)"))
        .stderr(contains("f2 (firm, west)"));
}
