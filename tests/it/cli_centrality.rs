//! `iuinet centrality`: output shape, determinism across thread counts,
//! and usage errors.

use crate::util::iuinet;
use predicates::str::contains;
use serde_json::Value;

fn run(threads: &str, args: &[&str]) -> Vec<u8> {
    let out = iuinet()
        .env("RAYON_NUM_THREADS", threads)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn same_bytes_on_one_and_two_threads() {
    for (data, weight) in [
        ("tests/fixtures/lesmis", "sum"),
        ("tests/fixtures/davis", "newman"),
        ("tests/fixtures/davis", "none"),
        ("tests/fixtures/karate", "none"),
    ] {
        let args = [
            "centrality",
            data,
            "--weight",
            weight,
            "--format",
            "json",
            "--top-edges",
            "10",
        ];
        let a = run("1", &args);
        let b = run("2", &args);
        assert_eq!(a, b, "{data} --weight {weight}");
        let c = run("3", &args);
        assert_eq!(a, c, "{data} --weight {weight}");
    }
    let args = [
        "centrality",
        "tests/fixtures/lesmis",
        "--measures",
        "betweenness",
        "--approx",
        "0.05",
        "--seed",
        "7",
        "--format",
        "json",
    ];
    assert_eq!(run("1", &args), run("2", &args));
}

#[test]
fn json_shape_and_order() {
    let out = run(
        "2",
        &["centrality", "tests/fixtures/karate", "--format", "json"],
    );
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "iuinet.centrality/1");
    assert_eq!(v["view"]["weight"], "none");
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 34);
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "nodes in actor-id order");
    for k in [
        "id",
        "kind",
        "degree",
        "strength",
        "betweenness",
        "closeness",
        "harmonic",
        "eigenvector",
        "pagerank",
        "core",
    ] {
        assert!(nodes[0].get(k).is_some(), "missing {k}");
    }
    // karate: actor 0 has betweenness 0.43763528138528146 (NetworkX)
    let b0 = nodes[0]["betweenness"].as_f64().unwrap();
    assert!((b0 - 0.437_635_281_385_281_46).abs() < 1e-12);
    assert!(v.get("edges").is_none());
}

#[test]
fn top_ranks_by_first_measure() {
    let out = run(
        "1",
        &[
            "centrality",
            "tests/fixtures/karate",
            "--measures",
            "degree,betweenness",
            "--top",
            "2",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_slice(&out).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 2);
    // karate: node 33 has degree 17, node 0 degree 16
    assert_eq!(nodes[0]["id"], "33");
    assert_eq!(nodes[1]["id"], "0");
    assert!(nodes[0].get("closeness").is_none());
}

#[test]
fn bad_arguments_exit_2() {
    iuinet()
        .args(["centrality", "tests/fixtures/karate", "--measures", "nope"])
        .assert()
        .code(2)
        .stderr(contains("unknown measure"));
    iuinet()
        .args(["centrality", "tests/fixtures/karate", "--approx", "1.5"])
        .assert()
        .code(2)
        .stderr(contains("--approx"));
    iuinet()
        .args(["centrality", "tests/fixtures/no-such-dir"])
        .assert()
        .failure();
}

#[test]
fn paths_in_hops_keep_the_weight_for_strength_only() {
    // davis (women × events): with Newman weights, `--paths hops` gives the
    // path measures of the unweighted view and the weighted measures of
    // the weighted one
    let json = |args: &[&str]| -> Value {
        let mut a = vec!["centrality", "tests/fixtures/davis", "--format", "json"];
        a.extend_from_slice(args);
        serde_json::from_slice(&run("2", &a)).unwrap()
    };
    let hops = json(&["--weight", "newman", "--paths", "hops"]);
    let plain = json(&["--weight", "none"]);
    let weighted = json(&["--weight", "newman"]);
    assert_eq!(hops["view"]["paths"], "hops");
    assert!(weighted["view"].get("paths").is_none());
    let nodes = |v: &Value| v["nodes"].as_array().unwrap().clone();
    let (h, p, w) = (nodes(&hops), nodes(&plain), nodes(&weighted));
    let mut differs = false;
    for i in 0..h.len() {
        for k in ["betweenness", "closeness", "harmonic"] {
            assert_eq!(h[i][k], p[i][k], "{k} of node {i}");
            differs |= h[i][k] != w[i][k];
        }
        for k in ["strength", "eigenvector", "pagerank"] {
            assert_eq!(h[i][k], w[i][k], "{k} of node {i}");
        }
    }
    assert!(differs, "weighted path lengths change some path measure");
}
