//! Ingest time per input size, for each format: read the bytes into tables
//! and validate them into a network (what `iuinet validate FILE` does after
//! reading the file). The time per MB should be flat from 1 MB to 200 MB:
//! every reader is linear in its input.
//!
//! Inputs are synthetic datasets of about the given sizes, in memory: a CSV
//! directory's `actors.csv` + `ties.csv` (the two are parsed and validated
//! together), a JSON document, a GraphML and a GEXF file, each with
//! actors (id, kind, name, region) and ties (source, target, type, year,
//! weight), one element or record per line. Sizes in MB come from
//! `IUINET_BENCH_INGEST_MB` (default `1,10,100,200`):
//!
//! ```sh
//! IUINET_BENCH_INGEST_MB=1,10,100,200 cargo bench --bench ingest
//! ```
//!
//! Criterion reports throughput (MiB/s) per format and size: flat
//! throughput is flat time per MB.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use iuinet::ingest::{Limits, build, csv, gexf, graphml, json, table::Tables};
use std::fmt::Write;
use std::hint::black_box;
use std::path::{Path, PathBuf};

const KINDS: [&str; 4] = ["firm", "university", "institute", "agency"];

/// Actors and ties for about `bytes` bytes of CSV: n actors, 4n ties.
fn counts(bytes: usize) -> (usize, usize) {
    // ~40 bytes per actor row, ~40 per tie row
    let n = (bytes / 200).max(10);
    (n, 4 * n)
}

/// A deterministic tie list: (source, target, year, weight).
fn ties(n: usize, m: usize) -> impl Iterator<Item = (usize, usize, usize, usize)> {
    (0..m).map(move |i| {
        let s = (i * 7919) % n;
        let t = (s + 1 + (i * 104_729) % (n - 1)) % n;
        (s, t, 2005 + i % 5, 1 + i % 3)
    })
}

fn csv_text(bytes: usize) -> (String, String) {
    let (n, m) = counts(bytes);
    let mut a = String::from("id,kind,name,region\n");
    for i in 0..n {
        let _ = writeln!(a, "a{i},{},Actor {i},Dongnam", KINDS[i % 4]);
    }
    let mut t = String::from("source,target,type,year,weight\n");
    for (s, d, y, w) in ties(n, m) {
        let _ = writeln!(t, "a{s},a{d},supply,{y},{w}");
    }
    (a, t)
}

fn json_text(bytes: usize) -> String {
    let (n, m) = counts(bytes);
    let mut s = String::from("{\"actors\": [\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "{}{{\"id\": \"a{i}\", \"kind\": \"{}\", \"name\": \"Actor {i}\", \"region\": \"Dongnam\"}}",
            if i == 0 { "" } else { "," },
            KINDS[i % 4]
        );
    }
    s.push_str("],\n\"ties\": [\n");
    for (k, (a, b, y, w)) in ties(n, m).enumerate() {
        let _ = writeln!(
            s,
            "{}{{\"source\": \"a{a}\", \"target\": \"a{b}\", \"type\": \"supply\", \"year\": {y}, \"weight\": {w}}}",
            if k == 0 { "" } else { "," }
        );
    }
    s.push_str("]}\n");
    s
}

fn graphml_text(bytes: usize) -> String {
    let (n, m) = counts(bytes);
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         <key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
         <key id=\"r\" for=\"node\" attr.name=\"region\" attr.type=\"string\"><default>Dongnam</default></key>\n\
         <key id=\"y\" for=\"edge\" attr.name=\"year\" attr.type=\"int\"/>\n\
         <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         <graph edgedefault=\"undirected\">\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "<node id=\"a{i}\"><data key=\"k\">{}</data><data key=\"n\">Actor {i}</data></node>",
            KINDS[i % 4]
        );
    }
    for (a, b, y, w) in ties(n, m) {
        let _ = writeln!(
            s,
            "<edge source=\"a{a}\" target=\"a{b}\"><data key=\"y\">{y}</data><data key=\"w\">{w}</data></edge>"
        );
    }
    s.push_str("</graph>\n</graphml>\n");
    s
}

fn gexf_text(bytes: usize) -> String {
    let (n, m) = counts(bytes);
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n\
         <attributes class=\"node\">\n<attribute id=\"0\" title=\"kind\" type=\"string\"/>\n\
         <attribute id=\"1\" title=\"region\" type=\"string\"><default>Dongnam</default></attribute>\n</attributes>\n\
         <attributes class=\"edge\">\n<attribute id=\"0\" title=\"year\" type=\"integer\"/>\n</attributes>\n<nodes>\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "<node id=\"a{i}\" label=\"Actor {i}\"><attvalues><attvalue for=\"0\" value=\"{}\"/></attvalues></node>",
            KINDS[i % 4]
        );
    }
    s.push_str("</nodes>\n<edges>\n");
    for (k, (a, b, y, w)) in ties(n, m).enumerate() {
        let _ = writeln!(
            s,
            "<edge id=\"{k}\" source=\"a{a}\" target=\"a{b}\" weight=\"{w}\"><attvalues><attvalue for=\"0\" value=\"{y}\"/></attvalues></edge>"
        );
    }
    s.push_str("</edges>\n</graph>\n</gexf>\n");
    s
}

fn sizes_mb() -> Vec<usize> {
    std::env::var("IUINET_BENCH_INGEST_MB")
        .unwrap_or_else(|_| "1,10,100,200".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

fn ingest(c: &mut Criterion) {
    let lim = Limits::default();
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    for mb in sizes_mb() {
        let bytes = mb << 20;
        let (a, t) = csv_text(bytes);
        g.throughput(Throughput::Bytes((a.len() + t.len()) as u64));
        g.bench_with_input(BenchmarkId::new("csv", mb), &(a, t), |b, (a, t)| {
            b.iter(|| {
                let mut problems = Vec::new();
                let tables = Tables {
                    dataset: PathBuf::from("."),
                    actors: Some(csv::parse_bytes(
                        "actors.csv".into(),
                        a.as_bytes(),
                        &lim,
                        &mut problems,
                    )),
                    ties: Some(csv::parse_bytes(
                        "ties.csv".into(),
                        t.as_bytes(),
                        &lim,
                        &mut problems,
                    )),
                    ..Tables::default()
                };
                assert!(problems.is_empty());
                black_box(build(tables).expect("valid"))
            })
        });
        let formats: [(&str, String); 3] = [
            ("json", json_text(bytes)),
            ("graphml", graphml_text(bytes)),
            ("gexf", gexf_text(bytes)),
        ];
        for (name, text) in formats {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, mb), &text, |b, text| {
                b.iter(|| {
                    let p = Path::new("x");
                    let t = match name {
                        "json" => json::parse_bytes_with(p, text.as_bytes(), &lim),
                        "graphml" => graphml::parse_bytes(p, text.as_bytes(), &lim),
                        _ => gexf::parse_bytes(p, text.as_bytes(), &lim),
                    };
                    black_box(t.and_then(build).expect("valid"))
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
