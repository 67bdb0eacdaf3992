//! The GraphML and GEXF readers under arbitrary input: bytes and XML-like
//! token soup never panic and every problem names a line; random small
//! networks survive export → import; every truncation of an export is an
//! error, never a smaller network.

use iuinet::ingest::{Limits, build, gexf, graphml, table::Tables};
use iuinet::model::Network;
use iuinet::output::graph::AttrGraph;
use iuinet::view::{View, ViewOpts, Weighting};
use proptest::prelude::*;
use std::path::Path;

type Parser = fn(&Path, &[u8], &Limits) -> iuinet::Result<Tables>;

fn parsers() -> [(&'static str, Parser); 2] {
    [
        ("x.graphml", graphml::parse_bytes as Parser),
        ("x.gexf", gexf::parse_bytes as Parser),
    ]
}

fn check_lines(e: &iuinet::Error) {
    for p in e.problems() {
        assert!(
            p.line.is_some() || p.message.contains("bytes"),
            "problem without a line: {p}"
        );
    }
}

fn run_all(bytes: &[u8]) {
    for (name, parse) in parsers() {
        match parse(Path::new(name), bytes, &Limits::default()) {
            Ok(t) => {
                if let Err(e) = build(t) {
                    check_lines(&e);
                }
            }
            Err(e) => check_lines(&e),
        }
    }
}

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<?xml version=\"1.0\"?>",
        "<graphml>",
        "</graphml>",
        "<gexf version=\"1.3\">",
        "</gexf>",
        "<graph>",
        "</graph>",
        "<key id=\"k\" for=\"node\" attr.name=\"kind\"/>",
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\">",
        "<default>",
        "</default>",
        "</key>",
        "<attributes class=\"node\">",
        "</attributes>",
        "<attribute id=\"0\" title=\"kind\"/>",
        "<nodes>",
        "</nodes>",
        "<edges>",
        "</edges>",
        "<node id=\"a\">",
        "<node id=\"b\"/>",
        "<node>",
        "</node>",
        "<data key=\"k\">",
        "<data key=\"w\">",
        "<data key=\"zz\">",
        "</data>",
        "<attvalues>",
        "<attvalue for=\"0\" value=\"firm\"/>",
        "<attvalue for=\"7\" value=\"x\"/>",
        "</attvalues>",
        "<edge source=\"a\" target=\"b\" weight=\"2\"/>",
        "<edge source=\"a\" target=\"a\"/>",
        "<edge source=\"a\">",
        "</edge>",
        "<hyperedge/>",
        "firm",
        "robot",
        "-1",
        "NaN",
        "&amp;",
        "&#0;",
        "&#x41;",
        "&nope;",
        "<![CDATA[<x>]]>",
        "<!-- c -->",
        "<!DOCTYPE x [<!ENTITY e \"eee\">]>",
        "\n",
        " ",
        "<",
        ">",
        "\"",
    ])
}

/// A small network: ids and text fields drawn from a pool with markup,
/// quotes, whitespace and non-ASCII text.
fn network() -> impl Strategy<Value = Network> {
    let text = prop::sample::select(vec![
        "",
        "a",
        "Kim & Lee",
        "<b>\"q\"</b>",
        "대한",
        "tab\there",
        "two\nlines",
        "cr\rx",
        "  padded  ",
        "semi;colon",
        "apos'",
    ]);
    let kind = prop::sample::select(vec!["firm", "university", "institute", "agency", "other"]);
    let actor = (
        text.clone(),
        kind,
        prop::option::of(0u64..2000),
        text.clone(),
        text,
    );
    (
        prop::collection::vec(actor, 1..12),
        prop::collection::vec(
            (
                0usize..12,
                0usize..12,
                0u32..40,
                prop::option::of(2000i32..2012),
            ),
            0..20,
        ),
    )
        .prop_map(|(actors, ties)| {
            let mut a = String::from("id,name,kind,employees,region,note\n");
            let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            for (i, (name, kind, emp, region, note)) in actors.iter().enumerate() {
                a.push_str(&format!(
                    "{},{},{kind},{},{},{}\n",
                    q(&format!("id {i} <&>")),
                    q(name),
                    emp.map(|e| e.to_string()).unwrap_or_default(),
                    q(region),
                    q(note)
                ));
            }
            let n = actors.len();
            let mut t = String::from("source,target,type,year,weight\n");
            for (u, v, w, y) in ties {
                let (u, v) = (u % n, v % n);
                if u != v {
                    t.push_str(&format!(
                        "{},{},x,{},{}\n",
                        q(&format!("id {u} <&>")),
                        q(&format!("id {v} <&>")),
                        y.map(|y| y.to_string()).unwrap_or_default(),
                        f64::from(w) / 8.0
                    ));
                }
            }
            iuinet::ingest::from_csv_strs(&a, None, None, Some(&t))
                .expect("generated data is valid")
        })
}

fn export(net: &Network) -> (View, Vec<Vec<u8>>) {
    let view = View::build(
        net,
        &ViewOpts {
            weight: Weighting::Sum,
            ..ViewOpts::default()
        },
    )
    .expect("view");
    let g = AttrGraph::from_view(net, &view).expect("graph");
    let mut a = Vec::new();
    iuinet::output::graphml::write(&g, &mut a).expect("graphml");
    let mut b = Vec::new();
    iuinet::output::gexf::write(&g, &mut b).expect("gexf");
    (view, vec![a, b])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn xml_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run_all(&bytes);
    }

    #[test]
    fn xml_token_soup_never_panics(toks in prop::collection::vec(token(), 0..40)) {
        run_all(toks.concat().as_bytes());
    }

    #[test]
    fn export_then_import_gives_the_same_actors_and_edges(net in network()) {
        let (view, files) = export(&net);
        for ((name, parse), bytes) in parsers().into_iter().zip(files) {
            let back = build(parse(Path::new(name), &bytes, &Limits::default()).expect("parse"))
                .expect("valid");
            prop_assert_eq!(back.actors.len(), net.actors.len());
            for a in &net.actors {
                let b = back.actor(back.actor_ix(&a.id).expect("actor kept"));
                prop_assert_eq!(&b.name, &a.name);
                prop_assert_eq!(b.kind, a.kind);
                prop_assert_eq!(b.employees, a.employees);
                prop_assert_eq!(&b.region, &a.region);
                prop_assert_eq!(&b.attrs.iter().find(|(k, _)| k == "note"), &a.attrs.iter().find(|(k, _)| k == "note"));
            }
            prop_assert_eq!(back.ties.len(), view.csr.m());
            for t in &back.ties {
                let u = view.node_of(net.actor_ix(&back.actor(t.source).id).expect("id")).expect("node");
                let v = view.node_of(net.actor_ix(&back.actor(t.target).id).expect("id")).expect("node");
                prop_assert_eq!(Some(t.weight), view.csr.weight(u, v));
            }
        }
    }

    #[test]
    fn every_truncation_is_an_error(net in network(), frac in 0.0f64..1.0) {
        let (_, files) = export(&net);
        for ((name, parse), bytes) in parsers().into_iter().zip(files) {
            // cut anywhere before the closing root tag
            let root_end = bytes.len() - bytes.iter().rev().position(|&b| b == b'<').expect("tag") - 1;
            let cut = (root_end as f64 * frac) as usize;
            let res = parse(Path::new(name), &bytes[..cut], &Limits::default()).and_then(build);
            prop_assert!(res.is_err(), "{} cut at {} of {} was accepted", name, cut, bytes.len());
        }
    }
}
