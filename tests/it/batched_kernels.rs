//! The batched kernels (multi-source BFS for distance measures, batched
//! Brandes for betweenness) against the per-source kernels they replace,
//! on random graphs large enough to span several batches of bit lanes, and
//! their bits on 1, 2 and 4 threads.

use iuinet::algo;
use iuinet::view::{Csr, Incidence};

/// A random graph: `n` nodes, a sparse random part plus a few dense
/// "events" (cliques), and some isolated nodes and pendants. Deterministic
/// in `seed` (64-bit LCG).
fn graph(n: usize, seed: u64) -> Csr {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |k: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % k
    };
    let mut e = Vec::new();
    let core = n - n / 10; // the last tenth: isolated or pendant
    for _ in 0..2 * core {
        e.push((next(core) as u32, next(core) as u32, 1.0));
    }
    for _ in 0..core / 20 {
        let size = 2 + next(8);
        let m: Vec<u32> = (0..size).map(|_| next(core) as u32).collect();
        for i in 0..m.len() {
            for j in i + 1..m.len() {
                e.push((m[i], m[j], 1.0));
            }
        }
    }
    for v in core..n {
        if next(2) == 0 {
            e.push((v as u32, next(core) as u32, 1.0));
        }
    }
    // a separate small component
    e.push((0, 0, 1.0));
    let mut g = Csr::from_edges(n, &e).unwrap();
    // duplicate pairs were summed: back to unit weights
    g.weights.fill(1.0);
    g
}

/// Every edge as a group of two: the incidence whose BFS is the plain BFS.
fn pairs_incidence(g: &Csr) -> Incidence {
    let mut off = vec![0u32];
    let mut mem = Vec::new();
    for v in 0..g.n() as u32 {
        for &w in g.neighbors(v) {
            if v < w {
                mem.extend([v, w]);
                off.push(mem.len() as u32);
            }
        }
    }
    Incidence::from_groups(g.n(), off, mem)
}

const SIZES: [(usize, u64); 4] = [(1, 1), (70, 2), (300, 3), (700, 4)];

#[test]
fn multi_source_closeness_has_the_bits_of_one_bfs_per_source() {
    for (n, seed) in SIZES {
        let g = graph(n, seed);
        let new = algo::closeness_csr(&g, false);
        let old = algo::closeness_incidence(&pairs_incidence(&g), n);
        assert_eq!(new, old, "n = {n}");
    }
}

#[test]
fn distance_sums_match_a_plain_bfs() {
    for (n, seed) in SIZES {
        let g = graph(n, seed);
        let d = algo::distance_sums(&g, algo::NO_PROGRESS);
        for s in 0..n {
            let mut level = vec![u32::MAX; n];
            level[s] = 0;
            let mut q = vec![s as u32];
            let mut h = 0;
            while h < q.len() {
                let v = q[h];
                h += 1;
                for &w in g.neighbors(v) {
                    if level[w as usize] == u32::MAX {
                        level[w as usize] = level[v as usize] + 1;
                        q.push(w);
                    }
                }
            }
            let reached: Vec<u32> = level.iter().copied().filter(|&l| l != u32::MAX).collect();
            assert_eq!(d[s].reached, reached.len() as u64, "n {n} s {s}");
            assert_eq!(
                d[s].total,
                reached.iter().map(|&l| u64::from(l)).sum::<u64>()
            );
            assert_eq!(
                d[s].eccentricity,
                reached.iter().copied().max().unwrap_or(0)
            );
        }
    }
}

#[test]
fn batched_kernels_same_bits_on_one_two_and_four_threads() {
    let g = graph(700, 9);
    let run = |t: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .unwrap();
        pool.install(|| {
            (
                algo::closeness_csr(&g, false),
                algo::distance_sums(&g, algo::NO_PROGRESS),
                algo::betweenness_csr(&g, false),
                algo::edge_betweenness(&g, false),
                algo::betweenness_approx(&g, false, &algo::ApproxOpts::default()).0,
            )
        })
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(4));
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1e-3)
}

/// On unit weights the weighted path (one Dijkstra per source, the
/// one-source-at-a-time Brandes) walks the same DAGs as the batched kernel.
#[test]
fn batched_brandes_matches_one_source_at_a_time() {
    for (n, seed) in SIZES {
        let g = graph(n, seed);
        let new = algo::betweenness_csr(&g, false);
        let old = algo::betweenness_csr(&g, true);
        let inc = algo::betweenness_incidence(&pairs_incidence(&g), &g);
        for v in 0..n {
            assert!(
                close(new[v], old[v]),
                "n {n} v {v}: {} vs {}",
                new[v],
                old[v]
            );
            assert!(
                close(new[v], inc[v]),
                "n {n} v {v}: {} vs {}",
                new[v],
                inc[v]
            );
        }
        let new = algo::edge_betweenness(&g, false);
        let old = algo::edge_betweenness(&g, true);
        assert_eq!(new.len(), old.len());
        for (x, y) in new.iter().zip(&old) {
            assert_eq!((x.a, x.b), (y.a, y.b));
            assert!(close(x.value, y.value), "n {n} {x:?} vs {y:?}");
        }
    }
}

/// Sampled betweenness in batches stays within its bound of the exact
/// values (seeded, so this is one fixed draw), and falls back to the exact
/// values when the sample is at least as large as the exact computation.
#[test]
fn batched_sampling_within_bound_and_exact_when_cheaper() {
    let g = graph(700, 5);
    let exact = algo::betweenness_csr(&g, false);
    let o = algo::ApproxOpts {
        epsilon: 0.1,
        ..algo::ApproxOpts::default()
    };
    let (b, info) = algo::betweenness_approx(&g, false, &o);
    assert!(
        !info.exact && info.samples > 0 && info.samples < 700,
        "{info:?}"
    );
    for v in 0..g.n() {
        assert!((b[v] - exact[v]).abs() <= info.error_bound, "{v}");
    }
    let o = algo::ApproxOpts {
        epsilon: 0.01,
        ..algo::ApproxOpts::default()
    };
    let (b, info) = algo::betweenness_approx(&g, false, &o);
    assert!(info.exact && info.samples >= 700, "{info:?}");
    assert_eq!(b, exact);
}
