//! `match --all --kind firm` on a large domain-like network.
//!
//! By default a seeded synthetic network of `IUINET_BENCH_ACTORS` actors
//! (10,000; CI-sized): 80 % firms, mini clusters of ~60 actors, events of
//! 8–30 members drawn mostly from one mini cluster, projects of 3–6 members,
//! one supply tie per actor. To bench the issue's target (the hundred-fold
//! generated dataset, < 1 minute on 2 cores), point `IUINET_BENCH_DATA` at
//! it:
//!
//! ```sh
//! iuinet generate --preset korea-iccp --scale 100 --output /tmp/iccp100
//! IUINET_BENCH_DATA=/tmp/iccp100 cargo bench --bench matching
//! ```
//!
//! Timed, per method (resource allocation, Adamic–Adar): candidates for
//! every firm (top 10) over a built view, that is `match_all` — the
//! library call behind `iuinet match --all --kind firm`. With
//! `IUINET_BENCH_DATA`, also `pipeline`: the whole batch job in process —
//! load the dataset, build the view, match every firm, write the JSON
//! (to a temporary file) — which is what the command line does. Thread
//! count: rayon default (all cores) — note it with the figures.

use criterion::{Criterion, criterion_group, criterion_main};
use iuinet::algo::linkpred::Method;
use iuinet::metrics::matching::{MatchOpts, match_all};
use iuinet::model::{Actor, Group, Kind, Layer, Member, Network, Sources, Tie};
use iuinet::view::{View, ViewOpts};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;

fn actor(i: usize, kind: Kind, region: usize, mc: usize) -> Actor {
    Actor {
        id: format!("A{i:07}"),
        name: String::new(),
        kind,
        employees: None,
        size_class: None,
        region: Some(format!("R{region}")),
        complex: None,
        mini_clusters: vec![format!("MC{mc:04}")],
        country: "KR".into(),
        attrs: vec![],
        line: 0,
    }
}

fn member(a: u32) -> Member {
    Member {
        actor: a,
        role: None,
        funding: None,
        mini_cluster: None,
        attrs: vec![],
        line: 0,
    }
}

/// Seeded synthetic network of `n` actors (see the module docs).
fn synthetic(n: usize, seed: u64) -> Network {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mcs = (n / 60).max(1);
    let mut actors = Vec::with_capacity(n);
    let mut by_mc: Vec<Vec<u32>> = vec![Vec::new(); mcs];
    for i in 0..n {
        let kind = match rng.random_range(0..100) {
            0..80 => Kind::Firm,
            80..88 => Kind::University,
            88..95 => Kind::Institute,
            _ => Kind::Agency,
        };
        let mc = rng.random_range(0..mcs);
        by_mc[mc].push(i as u32);
        actors.push(actor(i, kind, mc % 7, mc));
    }
    let mut groups = Vec::new();
    let pick = |rng: &mut ChaCha8Rng, size: usize| -> Vec<Member> {
        let mc = &by_mc[rng.random_range(0..mcs)];
        let mut m: Vec<u32> = Vec::with_capacity(size);
        while m.len() < size {
            let a = if rng.random_bool(0.8) && !mc.is_empty() {
                mc[rng.random_range(0..mc.len())]
            } else {
                rng.random_range(0..n as u32)
            };
            if !m.contains(&a) {
                m.push(a);
            }
        }
        m.into_iter().map(member).collect()
    };
    for e in 0..n / 10 {
        let size = rng.random_range(8..=30);
        groups.push(Group {
            id: format!("E{e}"),
            layer: Layer::Event,
            kind: "forum".into(),
            year: Some(rng.random_range(2005..=2009)),
            members: pick(&mut rng, size),
        });
    }
    for p in 0..n / 8 {
        let size = rng.random_range(3..=6);
        groups.push(Group {
            id: format!("P{p}"),
            layer: Layer::Project,
            kind: "joint-rnd".into(),
            year: Some(rng.random_range(2005..=2009)),
            members: pick(&mut rng, size),
        });
    }
    let mut ties = Vec::new();
    for i in 0..n as u32 {
        let j = rng.random_range(0..n as u32);
        if i != j {
            ties.push(Tie {
                source: i,
                target: j,
                kind: "supply".into(),
                year: Some(rng.random_range(2005..=2009)),
                weight: 1.0,
                attrs: vec![],
                line: 0,
            });
        }
    }
    Network::new(
        actors,
        groups,
        ties,
        vec![],
        [vec![], vec![], vec![]],
        Sources::default(),
    )
}

fn bench(c: &mut Criterion) {
    let net = match std::env::var_os("IUINET_BENCH_DATA") {
        Some(p) => match iuinet::ingest::load(std::path::Path::new(&p)) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("IUINET_BENCH_DATA: {e}");
                std::process::exit(2);
            }
        },
        None => {
            let n = std::env::var("IUINET_BENCH_ACTORS")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(10_000);
            synthetic(n, 42)
        }
    };
    let data = std::env::var_os("IUINET_BENCH_DATA");
    let view = View::build(&net, &ViewOpts::default()).expect("view");
    let firms = net.actors.iter().filter(|a| a.kind == Kind::Firm).count();
    eprintln!(
        "matching bench: {} actors ({firms} firms), {} links, {} rayon threads",
        view.n(),
        view.csr.m(),
        rayon::current_num_threads()
    );
    let mut g = c.benchmark_group("match_all_firms");
    g.sample_size(10);
    for m in [Method::ResourceAllocation, Method::AdamicAdar] {
        let o = MatchOpts {
            method: m,
            top: 10,
            ..MatchOpts::default()
        };
        g.bench_function(m.as_str(), |b| {
            b.iter(|| black_box(match_all(&net, &view, Kind::Firm, &o)))
        });
    }
    if let Some(p) = data {
        drop(view);
        drop(net);
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("firms.json");
        g.bench_function("pipeline", |b| {
            b.iter(|| {
                let net = iuinet::ingest::load(std::path::Path::new(&p)).expect("loaded above");
                let view = View::build(&net, &ViewOpts::default()).expect("view");
                let batch = match_all(&net, &view, Kind::Firm, &MatchOpts::default());
                iuinet::output::write_json_array_last(
                    &batch.head(),
                    "results",
                    &batch.results,
                    false,
                    Some(&out),
                )
                .expect("written");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
