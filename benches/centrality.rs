//! Criterion benches of every centrality kernel (batched Brandes, the
//! group-incidence Brandes, the multi-source BFS and the per-source BFS it
//! replaced, Dijkstra, sampling, spectral measures) on generated domain-like views
//! (see `common`): 1k and 5k actors by default, plus 20k actors for exact
//! betweenness with `IUINET_BENCH_LARGE=1`. The view is built outside the
//! timed loop; rayon uses its default thread count (set
//! `RAYON_NUM_THREADS` to pin it).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use iuinet::algo;
use iuinet::view::Weighting;
use std::hint::black_box;
use std::time::Duration;

fn benches(c: &mut Criterion) {
    let mut sizes = vec![1000, 5000];
    if std::env::var_os("IUINET_BENCH_LARGE").is_some() {
        sizes.push(20000);
    }
    for &n in &sizes {
        let v = common::domain_view(n, Weighting::None);
        let w = common::domain_view(n, Weighting::Newman);
        let mut g = c.benchmark_group(format!("n{}_m{}", v.n(), v.csr.m()));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_secs(2));
        g.bench_function("betweenness_auto", |b| {
            b.iter(|| black_box(algo::betweenness(&v)))
        });
        if n > 5000 {
            g.finish();
            continue;
        }
        g.bench_function("betweenness_incidence", |b| {
            b.iter(|| black_box(algo::betweenness_incidence(&v.incidence, &v.csr)))
        });
        g.bench_function("betweenness_csr_batched", |b| {
            b.iter(|| black_box(algo::betweenness_csr(&v.csr, false)))
        });
        g.bench_function("betweenness_weighted", |b| {
            b.iter(|| black_box(algo::betweenness(&w)))
        });
        g.bench_function("betweenness_approx_0.02", |b| {
            let o = algo::ApproxOpts {
                epsilon: 0.02,
                ..Default::default()
            };
            b.iter(|| black_box(algo::betweenness_approx(&v.csr, false, &o)))
        });
        g.bench_function("edge_betweenness", |b| {
            b.iter(|| black_box(algo::edge_betweenness(&v.csr, false)))
        });
        g.bench_function("closeness_harmonic_msbfs", |b| {
            b.iter(|| black_box(algo::closeness(&v)))
        });
        g.bench_function("closeness_harmonic_incidence_per_source", |b| {
            b.iter(|| black_box(algo::closeness_incidence(&v.incidence, v.n())))
        });
        g.bench_function("distance_sums_msbfs", |b| {
            b.iter(|| black_box(algo::distance_sums(&v.csr, algo::NO_PROGRESS)))
        });
        g.bench_function("eigenvector", |b| {
            b.iter(|| black_box(algo::eigenvector(&w.csr)))
        });
        g.bench_function("pagerank", |b| b.iter(|| black_box(algo::pagerank(&w.csr))));
        g.bench_function("core", |b| b.iter(|| black_box(algo::core_number(&v.csr))));
        g.bench_function("degree_strength", |b| {
            b.iter(|| black_box((algo::degree(&w.csr), algo::strength(&w.csr))))
        });
        g.finish();
    }
}

criterion_group!(centrality, benches);
criterion_main!(centrality);
