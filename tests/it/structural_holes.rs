//! Structural holes against NetworkX 3.6.1 reference values
//! (`tests/fixtures/*/expected-*.json`, see `tests/fixtures/SOURCE.md`).

use iuinet::algo::structural_holes::{StructuralHolesOpts, structural_holes};
use iuinet::view::{View, ViewOpts, Weighting};
use serde_json::Value;
use std::path::Path;

fn check(graph: &str, weighting: Weighting) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(graph);
    let net = iuinet::ingest::load(&dir).unwrap();
    let opts = ViewOpts {
        weight: weighting,
        ..ViewOpts::default()
    };
    let view = View::build(&net, &opts).unwrap();
    let s = structural_holes(
        &view.csr,
        &StructuralHolesOpts {
            weighted: weighting != Weighting::None,
        },
    );
    let text = std::fs::read_to_string(dir.join(format!("expected-{weighting}.json"))).unwrap();
    let exp: Value = serde_json::from_str(&text).unwrap();
    let nodes = exp["nodes"].as_object().unwrap();
    assert_eq!(nodes.len(), view.n());
    let mut checked = 0;
    for (v, &a) in view.actors.iter().enumerate() {
        let id = &net.actor(a).id;
        let e = &nodes[id.as_str()];
        let got = [
            ("constraint", s[v].constraint),
            ("effective_size", s[v].effective_size),
            ("efficiency", s[v].efficiency),
            ("hierarchy", s[v].hierarchy),
        ];
        for (field, g) in got {
            match (e[field].as_f64(), g) {
                (None, None) => {}
                (Some(x), Some(y)) => {
                    assert!(
                        (x - y).abs() <= 1e-9,
                        "{graph}/{weighting} {id} {field}: networkx {x}, iuinet {y}"
                    );
                    checked += 1;
                }
                (x, y) => panic!("{graph}/{weighting} {id} {field}: networkx {x:?}, iuinet {y:?}"),
            }
        }
    }
    assert_eq!(checked, 4 * view.n());
}

#[test]
fn karate_unweighted() {
    check("karate", Weighting::None);
}

#[test]
fn karate_weighted() {
    check("karate", Weighting::Sum);
}

#[test]
fn florentine_unweighted() {
    check("florentine", Weighting::None);
}

#[test]
fn lesmis_unweighted() {
    check("lesmis", Weighting::None);
}

#[test]
fn lesmis_weighted() {
    check("lesmis", Weighting::Sum);
}

#[test]
fn davis_projection_all_weightings() {
    for w in [Weighting::None, Weighting::Sum, Weighting::Newman] {
        check("davis", w);
    }
}

#[test]
fn borgatti_fixture() {
    check("borgatti", Weighting::None);
}
