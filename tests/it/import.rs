//! GraphML and GEXF import: files written by NetworkX (tests/fixtures/interop,
//! made by make_interop_fixtures.py) load with the actors and ties that the
//! script wrote; iuinet's own exports read back to the dataset they came
//! from; broken files give FILE:LINE errors.

use iuinet::ingest::{self, Limits, build, gexf, graphml};
use iuinet::model::{Kind, Network};
use iuinet::output::graph::AttrGraph;
use iuinet::view::{View, ViewOpts, Weighting};
use std::path::Path;

fn load(p: &str) -> Network {
    ingest::load(Path::new(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// What make_interop_fixtures.py wrote, by hand.
fn check_iui(net: &Network, what: &str) {
    let ids: Vec<&str> = net.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["F1", "F2", "U1", "R1", "X1"], "{what}");
    let a = |id: &str| net.actor(net.actor_ix(id).unwrap());
    let f1 = a("F1");
    assert_eq!(f1.name, "Daeil Precision");
    assert_eq!(f1.kind, Kind::Firm);
    assert_eq!(f1.employees, Some(45));
    assert_eq!(f1.size_class.map(|c| c.as_str()), Some("30-49"));
    assert_eq!(f1.region.as_deref(), Some("Dongnam"));
    assert_eq!(f1.mini_clusters, ["mc-cw-mech", "mc-cw-auto"]);
    assert_eq!(f1.country, "KR");
    assert!(
        f1.attrs
            .contains(&("founded".to_string(), "1987".to_string())),
        "{what}: {:?}",
        f1.attrs
    );
    assert_eq!(a("F2").employees, Some(1200));
    assert_eq!(a("F2").size_class.map(|c| c.as_str()), Some("300+"));
    assert_eq!(a("U1").kind, Kind::University);
    assert_eq!(a("R1").kind, Kind::Institute);
    assert_eq!(a("R1").region, None);
    // no kind in the file: other
    assert_eq!(a("X1").kind, Kind::Other);
    assert_eq!(a("X1").name, "Unknown Partner");
    let ties: Vec<(&str, &str, &str, Option<i32>, f64)> = net
        .ties
        .iter()
        .map(|t| {
            (
                net.actor(t.source).id.as_str(),
                net.actor(t.target).id.as_str(),
                t.kind.as_str(),
                t.year,
                t.weight,
            )
        })
        .collect();
    assert_eq!(
        ties,
        [
            ("F1", "F2", "supply", Some(2006), 2.5),
            ("F1", "U1", "mentoring", Some(2008), 1.0),
            ("U1", "R1", "", None, 1.0),
            ("R1", "X1", "joint R&D <pilot>", Some(2007), 0.5),
        ],
        "{what}"
    );
    assert!(net.groups.is_empty());
}

#[test]
fn networkx_graphml_loads() {
    check_iui(&load("tests/fixtures/interop/iui.graphml"), "graphml");
}

#[test]
fn networkx_gexf_1_2_loads() {
    check_iui(&load("tests/fixtures/interop/iui.gexf"), "gexf 1.2draft");
}

#[test]
fn networkx_gexf_1_3_loads() {
    check_iui(&load("tests/fixtures/interop/iui-1.3.gexf"), "gexf 1.3");
}

#[test]
fn unknown_kind_is_an_error_with_its_line() {
    let e = ingest::load(Path::new("tests/fixtures/interop/bad-kind.graphml")).unwrap_err();
    let s = e.to_string();
    assert!(s.contains("bad-kind.graphml:32:"), "{s}");
    assert!(s.contains("\"robot\""), "{s}");
}

fn graphml_bytes(g: &AttrGraph) -> Vec<u8> {
    let mut b = Vec::new();
    iuinet::output::graphml::write(g, &mut b).unwrap();
    b
}

fn gexf_bytes(g: &AttrGraph) -> Vec<u8> {
    let mut b = Vec::new();
    iuinet::output::gexf::write(g, &mut b).unwrap();
    b
}

/// Export a dataset, read the file back with iuinet's importer: the same
/// actors (every field and extra column) and one tie per view edge with the
/// view's weight and link counts.
fn round_trip(dir: &str) {
    let net = load(dir);
    let opts = ViewOpts {
        weight: Weighting::Sum,
        ..ViewOpts::default()
    };
    let view = View::build(&net, &opts).unwrap();
    let g = AttrGraph::from_view(&net, &view).unwrap();
    for (fmt, bytes) in [("graphml", graphml_bytes(&g)), ("gexf", gexf_bytes(&g))] {
        let p = Path::new("x").with_extension(fmt);
        let tables = if fmt == "graphml" {
            graphml::parse_bytes(&p, &bytes, &Limits::default())
        } else {
            gexf::parse_bytes(&p, &bytes, &Limits::default())
        }
        .unwrap_or_else(|e| panic!("{dir} {fmt}: {e}"));
        let back = build(tables).unwrap_or_else(|e| panic!("{dir} {fmt}: {e}"));
        assert_eq!(back.actors.len(), net.actors.len());
        for a in &net.actors {
            let b = back.actor(back.actor_ix(&a.id).unwrap());
            assert_eq!(
                (
                    &b.name,
                    b.kind,
                    b.employees,
                    b.size_class,
                    &b.region,
                    &b.complex,
                    &b.mini_clusters,
                    &b.country
                ),
                (
                    &a.name,
                    a.kind,
                    a.employees,
                    a.size_class,
                    &a.region,
                    &a.complex,
                    &a.mini_clusters,
                    &a.country
                ),
                "{dir} {fmt} actor {}",
                a.id
            );
            for kv in &a.attrs {
                assert!(b.attrs.contains(kv), "{dir} {fmt} {}: {kv:?}", a.id);
            }
        }
        assert_eq!(back.ties.len(), view.csr.m(), "{dir} {fmt}");
        for t in &back.ties {
            let (u, v) = (
                view.node_of(net.actor_ix(&back.actor(t.source).id).unwrap())
                    .unwrap(),
                view.node_of(net.actor_ix(&back.actor(t.target).id).unwrap())
                    .unwrap(),
            );
            assert_eq!(Some(t.weight), view.csr.weight(u, v), "{dir} {fmt}");
            let (s, _) = view.csr.range(u);
            let i = view.csr.neighbors(u).binary_search(&v).unwrap();
            let links = t.attrs.iter().find(|(k, _)| k == "links").unwrap();
            assert_eq!(links.1, view.multiplicity[s + i].to_string());
        }
    }
}

#[test]
fn own_exports_read_back_karate() {
    round_trip("tests/fixtures/karate");
}

#[test]
fn own_exports_read_back_readme() {
    round_trip("tests/data/readme");
}

#[test]
fn own_exports_read_back_tricky_text() {
    round_trip("tests/data/tricky");
}

fn graphml_err(s: &str) -> String {
    match graphml::parse_bytes(Path::new("g.graphml"), s.as_bytes(), &Limits::default()) {
        Ok(t) => match build(t) {
            Ok(_) => panic!("accepted: {s}"),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    }
}

fn gexf_err(s: &str) -> String {
    match gexf::parse_bytes(Path::new("g.gexf"), s.as_bytes(), &Limits::default()) {
        Ok(t) => match build(t) {
            Ok(_) => panic!("accepted: {s}"),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    }
}

const G_HEAD: &str = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n<graph edgedefault=\"undirected\">\n";

#[test]
fn graphml_errors_name_the_line() {
    let truncated =
        format!("{G_HEAD}<node id=\"a\"><data key=\"k\">firm</data></node>\n<node id=\"b\">");
    let e = graphml_err(&truncated);
    assert!(
        e.contains("g.graphml:6:") && e.contains("ends inside"),
        "{e}"
    );
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\"/>\n<hyperedge/>\n</graph></graphml>"
    ));
    assert!(
        e.contains("g.graphml:6:") && e.contains("hyperedges"),
        "{e}"
    );
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\">\n<graph></graph></node>\n</graph></graphml>"
    ));
    assert!(e.contains("g.graphml:6:") && e.contains("nested"), "{e}");
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\">\n<data key=\"zz\">1</data></node>\n</graph></graphml>"
    ));
    assert!(e.contains("g.graphml:6:") && e.contains("zz"), "{e}");
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\"/>\n<edge source=\"a\" target=\"nope\"/>\n</graph></graphml>"
    ));
    assert!(e.contains("g.graphml:6:") && e.contains("\"nope\""), "{e}");
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"/>\n</graph></graphml>"
    ));
    assert!(e.contains("g.graphml:6:") && e.contains("self-tie"), "{e}");
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a\"></nodex>\n</graph></graphml>"
    ));
    assert!(
        e.contains("g.graphml:5:") && e.contains("well-formed"),
        "{e}"
    );
    let e = graphml_err("<gexf/>");
    assert!(e.contains("not <graphml>"), "{e}");
    let e = graphml_err("");
    assert!(e.contains("no <graphml>"), "{e}");
    let e = graphml_err(&format!(
        "{G_HEAD}<node id=\"a&bogus;\"/>\n</graph></graphml>"
    ));
    assert!(e.contains("g.graphml:5:"), "{e}");
}

#[test]
fn gexf_errors_name_the_line() {
    let head = "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph>\n<nodes>\n";
    let e = gexf_err(&format!(
        "{head}<node id=\"a\">\n<attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node></nodes></graph></gexf>"
    ));
    assert!(e.contains("g.gexf:6:") && e.contains("for=\"9\""), "{e}");
    let e = gexf_err(&format!("{head}<node id=\"a\">\n<nodes>"));
    assert!(e.contains("g.gexf:6:") && e.contains("hierarchical"), "{e}");
    let e = gexf_err(&format!("{head}<node id=\"a\"/>\n"));
    assert!(e.contains("ends inside"), "{e}");
    let e = gexf_err("<graphml/>");
    assert!(e.contains("not <gexf>"), "{e}");
}

#[test]
fn value_longer_than_the_limit_is_refused() {
    let lim = Limits {
        max_line_bytes: 8,
        ..Limits::default()
    };
    let s = format!(
        "{G_HEAD}<node id=\"a\">\n<data key=\"k\">firmfirmfirm</data></node>\n</graph></graphml>"
    );
    let e = graphml::parse_bytes(Path::new("g.graphml"), s.as_bytes(), &lim).unwrap_err();
    assert!(e.to_string().contains("g.graphml:6:"), "{e}");
    assert!(e.to_string().contains("limit of 8"), "{e}");
}

#[test]
fn non_utf8_is_refused_with_line() {
    let mut b = G_HEAD.as_bytes().to_vec();
    b.extend_from_slice(b"<node id=\"\xff\"/>");
    let e = graphml::parse_bytes(Path::new("g.graphml"), &b, &Limits::default()).unwrap_err();
    assert!(e.to_string().contains("g.graphml:5:"), "{e}");
}
