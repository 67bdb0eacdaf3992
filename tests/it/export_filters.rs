//! `iuinet export --min-weight W`: weak links dropped, the rest read back
//! by iuinet's own edge-list reader with the same weights.

use crate::util::iuinet;
use iuinet::view::{View, ViewOpts, Weighting};

#[test]
fn min_weight_drops_weak_links_and_round_trips() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("strong.edges");
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "export",
            "tests/fixtures/karate",
            "--weight",
            "sum",
            "--min-weight",
            "3",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    // ties with weight ≥ 3, counted from the fixture itself
    let ties = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/karate/ties.csv"),
    )
    .unwrap();
    let strong: Vec<(String, String, f64)> = ties
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let w: f64 = f[4].parse().unwrap();
            (w >= 3.0).then(|| (f[0].to_string(), f[1].to_string(), w))
        })
        .collect();
    let net = iuinet::ingest::load(&out).unwrap();
    let view = View::build(
        &net,
        &ViewOpts {
            weight: Weighting::Sum,
            ..ViewOpts::default()
        },
    )
    .unwrap();
    assert_eq!(view.csr.m(), strong.len());
    for (a, b, w) in strong {
        let (x, y) = (net.actor_ix(&a).unwrap(), net.actor_ix(&b).unwrap());
        let pos = |ax| view.actors.iter().position(|&v| v == ax).unwrap() as u32;
        assert_eq!(view.csr.weight(pos(x), pos(y)), Some(w), "{a}-{b}");
    }
}

/// `--two-mode` Pajek: `*Vertices N M` with the actors first; read back by
/// iuinet's two-mode Pajek reader, its groups give the same collapsed
/// links as the dataset's event and project layers. The node attributes
/// are in partitions beside the file (`kind` numbered in sorted order).
#[test]
fn two_mode_pajek_round_trips_with_partitions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bip.net");
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["export", "tests/data/readme", "--two-mode", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("*Vertices 10 6\n"), "{text}");
    let back = iuinet::ingest::load(&out).unwrap();
    let orig = iuinet::ingest::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readme"),
    )
    .unwrap();
    let pairs = |net: &iuinet::model::Network, layers: Vec<iuinet::model::Layer>| {
        let mut o = ViewOpts::default();
        o.selection.layers = layers;
        let v = View::build(net, &o).unwrap();
        let mut p: Vec<(String, String)> = (0..v.n() as u32)
            .flat_map(|a| {
                v.csr
                    .neighbors(a)
                    .iter()
                    .filter(move |&&b| a < b)
                    .map(move |&b| (a, b))
                    .collect::<Vec<_>>()
            })
            .map(|(a, b)| {
                let (x, y) = (
                    net.actor(v.actors[a as usize]).id.clone(),
                    net.actor(v.actors[b as usize]).id.clone(),
                );
                (x.clone().min(y.clone()), x.max(y))
            })
            .collect();
        p.sort();
        p
    };
    use iuinet::model::Layer;
    assert_eq!(
        pairs(&back, vec![Layer::Event]),
        pairs(&orig, vec![Layer::Event, Layer::Project])
    );
    let clu = std::fs::read_to_string(tmp.path().join("bip.kind.clu")).unwrap();
    // actors f1 f2 f3 g1 r1 u1; kinds agency=1 firm=2 institute=3 university=4
    assert!(
        clu.ends_with("*Vertices 10\n2\n2\n2\n1\n3\n4\n0\n0\n0\n0\n"),
        "{clu}"
    );
    let mode = std::fs::read_to_string(tmp.path().join("bip.mode.clu")).unwrap();
    assert!(
        mode.contains("% 1 actor\n% 2 event\n% 3 project\n"),
        "{mode}"
    );
}
