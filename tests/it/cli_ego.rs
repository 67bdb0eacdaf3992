//! `iuinet ego`: the ego's figures equal the whole-view ones (and
//! NetworkX's), name lookup, and the graph/SVG outputs.

use crate::util::iuinet;
use iuinet::algo::brokerage::brokerage_roles;
use iuinet::algo::structural_holes::{StructuralHolesOpts, structural_holes};
use iuinet::metrics::brokers::{GroupBy, grouping};
use iuinet::metrics::ego::ego_network;
use iuinet::view::{View, ViewOpts, Weighting};
use predicates::str::contains;
use serde_json::Value;
use std::path::Path;

fn fixture(g: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(g)
}

/// For every actor of karate (weighted and not) and Les Misérables: the
/// ego's Burt measures equal NetworkX's (fixture, 1e-9) and the whole-view
/// computation, its roles equal the whole-view roles, and the partner
/// counts match the view.
#[test]
fn ego_figures_equal_whole_view_and_networkx() {
    for (graph, weighting) in [("karate", "none"), ("karate", "sum"), ("lesmis", "sum")] {
        let net = iuinet::ingest::load(&fixture(graph)).unwrap();
        let view = View::build(
            &net,
            &ViewOpts {
                weight: weighting.parse::<Weighting>().unwrap(),
                ..ViewOpts::default()
            },
        )
        .unwrap();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(fixture(graph).join(format!("expected-{weighting}.json")))
                .unwrap(),
        )
        .unwrap();
        let sh = structural_holes(
            &view.csr,
            &StructuralHolesOpts {
                weighted: weighting != "none",
            },
        );
        let gr = grouping(&net, &view, GroupBy::Kind);
        let roles = brokerage_roles(&view.csr, &gr.labels);
        for v in 0..view.n() as u32 {
            let (r, nodes) = ego_network(&net, &view, v, 1, GroupBy::Kind).unwrap();
            assert_eq!(r.partners as usize, view.csr.degree(v));
            assert_eq!(nodes.len(), 1 + view.csr.degree(v));
            assert_eq!(r.constraint, sh[v as usize].constraint, "{graph} {v}");
            assert_eq!(r.effective_size, sh[v as usize].effective_size);
            assert_eq!(r.hierarchy, sh[v as usize].hierarchy);
            assert_eq!(r.brokerage, roles[v as usize]);
            let id = &net.actor(view.actors[v as usize]).id;
            let want = expected["nodes"][id]["constraint"].as_f64().unwrap();
            let got = r.constraint.unwrap();
            assert!(
                (got - want).abs() <= 1e-9 * want.abs(),
                "{graph} {id}: {got} vs {want}"
            );
            // links among partners, counted by hand from the view
            let nb = view.csr.neighbors(v);
            let among: usize = nb
                .iter()
                .map(|&a| {
                    nb.iter()
                        .filter(|&&b| a < b && view.csr.weight(a, b).is_some())
                        .count()
                })
                .sum();
            assert_eq!(r.links_among_partners as usize, among);
            assert_eq!(r.links.len(), among + nb.len());
        }
    }
}

#[test]
fn radius_two_and_outputs() {
    let out = iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "ego",
            "tests/fixtures/karate",
            "--actor",
            "0",
            "--radius",
            "2",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["schema"], "iuinet.ego/1");
    // karate: node 0 reaches every node but 14, 15, 18, 20, 22, 23, 26,
    // 29 (distance 3) within two hops: 33 − 8 = 25 members
    assert_eq!(v["members"].as_array().unwrap().len(), 25);
    for fmt in ["graphml", "gexf", "svg"] {
        iuinet()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "ego",
                "tests/fixtures/karate",
                "--actor",
                "33",
                "--format",
                fmt,
            ])
            .assert()
            .success()
            .stdout(contains(if fmt == "svg" { "<svg" } else { "distance" }));
    }
}

#[test]
fn names_and_ambiguity() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors.csv"),
        "id,name,kind,region\nf1,Acme,firm,east\nf2,Acme,firm,west\nu1,Hanguk University,university,east\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ties.csv"),
        "source,target,type,year,weight\nf1,u1,tie,2006,1\nf2,u1,tie,2007,1\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    iuinet()
        .args(["ego", d, "--actor", "hanguk university"])
        .assert()
        .success()
        .stdout(contains("partners: 2"));
    iuinet()
        .args(["ego", d, "--actor", "Acme"])
        .assert()
        .code(2)
        .stderr(contains("2 actors are named \"Acme\""))
        .stderr(contains("f1 (firm, east)"))
        .stderr(contains("f2 (firm, west)"));
    iuinet()
        .args(["ego", d, "--actor", "f3"])
        .assert()
        .code(2)
        .stderr(contains("did you mean"));
    iuinet()
        .args(["ego", d, "--actor", "f1", "--radius", "3"])
        .assert()
        .code(2);
}
