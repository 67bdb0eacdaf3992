//! Pajek, edge lists and incidence matrices written by NetworkX
//! (`tests/fixtures/imports/`, made by `tests/fixtures/make_imports.py`)
//! load into the same network as the CSV fixtures: every centrality of
//! every actor agrees.

use crate::util::iuinet;
use iuinet::algo::{CentralityOpts, Measure, centrality};
use iuinet::view::{View, ViewOpts, Weighting};
use predicates::str::contains;
use std::collections::BTreeMap;
use std::path::Path;

fn fixture(p: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
}

/// Every centrality of every actor, by actor id.
fn scores(path: &Path, weight: Weighting) -> BTreeMap<String, Vec<f64>> {
    let net = iuinet::ingest::load(path).unwrap();
    let view = View::build(
        &net,
        &ViewOpts {
            weight,
            ..ViewOpts::default()
        },
    )
    .unwrap();
    let t = centrality(
        &view,
        &CentralityOpts {
            measures: vec![],
            approx: None,
            top_edges: None,
        },
    );
    (0..view.n())
        .map(|v| {
            let id = net.actor(view.actors[v]).id.clone();
            let row = Measure::ALL
                .iter()
                .map(|&m| t.value(m, v).unwrap_or(f64::NAN))
                .collect();
            (id, row)
        })
        .collect()
}

fn same(a: &BTreeMap<String, Vec<f64>>, b: &BTreeMap<String, Vec<f64>>, what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: actors");
    for (id, x) in a {
        let y = &b[id];
        for (m, (p, q)) in Measure::ALL.iter().zip(x.iter().zip(y)) {
            assert!(
                (p - q).abs() <= 1e-9 * q.abs().max(1.0),
                "{what}: {id} {m}: {p} vs {q}"
            );
        }
    }
}

#[test]
fn karate_in_every_format() {
    let want_w = scores(&fixture("karate"), Weighting::Sum);
    let want_1 = scores(&fixture("karate"), Weighting::None);
    for f in [
        "karate.net",
        "karate-weighted.edges",
        "karate.csv",
        "karate.graphml",
        "karate.gexf",
    ] {
        same(
            &scores(&fixture(&format!("imports/{f}")), Weighting::Sum),
            &want_w,
            f,
        );
    }
    for f in [
        "karate.net",
        "karate.edges",
        "karate.csv",
        "karate.graphml",
        "karate.gexf",
    ] {
        same(
            &scores(&fixture(&format!("imports/{f}")), Weighting::None),
            &want_1,
            f,
        );
    }
}

#[test]
fn davis_two_mode_pajek_and_incidence() {
    for w in [Weighting::None, Weighting::Sum, Weighting::Newman] {
        let want = scores(&fixture("davis"), w);
        for f in ["davis.net", "davis-incidence.csv"] {
            same(&scores(&fixture(&format!("imports/{f}")), w), &want, f);
        }
    }
}

#[test]
fn bad_files_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("bad.net");
    std::fs::write(&net, "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 3\n").unwrap();
    iuinet()
        .args(["summary", net.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bad.net:5:"))
        .stderr(contains("not a number from 1 to 2"));
    let el = dir.path().join("bad.edges");
    std::fs::write(&el, "a b 1\nc d x\n").unwrap();
    iuinet()
        .args(["summary", el.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("bad.edges:2:"));
    let mx = dir.path().join("m.net");
    std::fs::write(&mx, "*Vertices 2\n*Matrix\n0 1\n1 0\n").unwrap();
    iuinet()
        .args(["summary", mx.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(contains("*matrix"));
}

/// A directory with the karate club's ties.csv alone: actors inferred
/// (kind `other`), same centralities as the full fixture.
#[test]
fn ties_csv_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("karate/ties.csv"), dir.path().join("ties.csv")).unwrap();
    same(
        &scores(dir.path(), Weighting::Sum),
        &scores(&fixture("karate"), Weighting::Sum),
        "ties.csv alone",
    );
    let net = iuinet::ingest::load(dir.path()).unwrap();
    assert!(
        net.actors
            .iter()
            .all(|a| a.kind == iuinet::model::Kind::Other)
    );
}

/// Inferred actors are stated in exactly one note; a GraphML file without
/// kinds gets a warning naming --kind-attr; --kind-attr maps an attribute's
/// values (kind names or synonyms) onto kinds, silencing the warning.
#[test]
fn inferred_actors_note_and_kind_attr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("karate/ties.csv"), dir.path().join("ties.csv")).unwrap();
    let out = iuinet()
        .args(["summary", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let notes: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(notes.len(), 1, "one note: {err}");
    assert!(notes[0].starts_with("note: ") && notes[0].contains("kind `other`"));
    // edge lists and Pajek: one note too
    for f in ["karate.net", "karate.edges", "karate.csv"] {
        let out = iuinet()
            .args([
                "summary",
                fixture(&format!("imports/{f}")).to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches("note: ").count(), 1, "{f}: {err}");
        assert!(!err.contains("warning"), "{f}: {err}");
    }

    let g = dir.path().join("g.graphml");
    std::fs::write(
        &g,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="sector" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Company</data></node>
    <node id="b"><data key="d0">university</data></node>
    <node id="c"><data key="d0">research institute</data></node>
    <node id="d"><data key="d0">government</data></node>
    <edge source="a" target="b"/>
    <edge source="b" target="c"/>
    <edge source="c" target="d"/>
  </graph>
</graphml>
"#,
    )
    .unwrap();
    let gs = g.to_str().unwrap();
    iuinet()
        .args(["summary", gs, "--json"])
        .assert()
        .success()
        .stderr(contains("warning: "))
        .stderr(contains("no actor has a known kind"))
        .stderr(contains("--kind-attr NAME"));
    let out = iuinet()
        .args(["summary", gs, "--kind-attr", "sector", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: BTreeMap<String, u64> = v["actors_by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["count"].as_u64().unwrap(),
            )
        })
        .collect();
    for k in ["firm", "university", "institute", "agency"] {
        assert_eq!(kinds[k], 1, "{k}: {kinds:?}");
    }
    assert_eq!(kinds["other"], 0);
    // the warning is printed even with --quiet
    iuinet()
        .args(["-q", "summary", gs])
        .assert()
        .success()
        .stderr(contains("warning: "));
    iuinet()
        .args(["summary", gs, "--kind-attr", "sectr"])
        .assert()
        .code(2)
        .stderr(contains(
            "has no actor attribute of that name; it has: sector",
        ));
    // a value that names no kind is refused at its line
    std::fs::write(
        &g,
        std::fs::read_to_string(&g)
            .unwrap()
            .replace("government", "lab"),
    )
    .unwrap();
    iuinet()
        .args(["summary", gs, "--kind-attr", "sector"])
        .assert()
        .code(2)
        .stderr(contains("g.graphml:8:"));
}

/// Both XML readers report every node without an id and every edge without
/// both ends at its own line, however many good nodes come first: 60 nodes
/// on lines 3–62, the node without an id on line 63, edges on 64 and 65.
#[test]
fn xml_missing_ends_at_their_lines() {
    use iuinet::ingest::{Limits, gexf, graphml};
    let nodes: String = (0..60).map(|i| format!("<node id=\"n{i}\"/>\n")).collect();
    let body =
        format!("{nodes}<node/>\n<edge source=\"n1\" target=\"n2\"/>\n<edge target=\"n2\"/>\n");
    let gml = format!("<?xml version=\"1.0\"?>\n<graphml><graph>\n{body}</graph></graphml>\n");
    let gexf_doc = format!("<?xml version=\"1.0\"?>\n<gexf><graph>\n{body}</graph></gexf>\n");
    let lim = Limits::default();
    let errors = [
        graphml::parse_bytes(Path::new("x.graphml"), gml.as_bytes(), &lim),
        gexf::parse_bytes(Path::new("x.gexf"), gexf_doc.as_bytes(), &lim),
    ];
    for (e, file) in errors.into_iter().zip(["x.graphml", "x.gexf"]) {
        let e = e.expect_err("a node without an id is refused");
        let got: Vec<String> = e.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            [
                format!("{file}:63: <node> without an id"),
                format!("{file}:65: <edge> without a source or target"),
            ],
            "{file}"
        );
    }
}
