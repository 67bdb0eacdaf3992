//! Permutation tests of group mixing: link counts between and within
//! groups, and the E-I index, against random reassignments of the group
//! labels to the nodes (UCINET's node-label permutation test).

use crate::view::Csr;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// The permutation distribution of one count.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PermStat {
    /// Observed count.
    pub observed: u64,
    /// Mean over the permutations.
    pub mean: f64,
    /// Standard deviation over the permutations (divisor N).
    pub sd: f64,
    /// Smallest permuted count.
    pub min: u64,
    /// Largest permuted count.
    pub max: u64,
    /// Share of permutations with a count ≥ the observed one (UCINET's
    /// "P >= Ob"), 0–1.
    pub p_ge: f64,
    /// Share of permutations with a count ≤ the observed one ("P <= Ob").
    pub p_le: f64,
}

/// Result of [`block_test`].
#[derive(Debug, Clone, PartialEq)]
pub struct BlockTest {
    /// Groups (labels 0..k).
    pub k: usize,
    /// Links per cell (a, b), a ≤ b, row-major over the upper triangle.
    pub cells: Vec<PermStat>,
    /// Links inside groups (both ends with the same label).
    pub internal: PermStat,
    /// Permutations run.
    pub permutations: usize,
}

fn counts(g: &Csr, labels: &[u32], k: usize, cell: &mut [u64]) -> u64 {
    cell.iter_mut().for_each(|c| *c = 0);
    let mut internal = 0;
    for v in 0..g.n() as u32 {
        let lv = labels[v as usize] as usize;
        for &u in g.neighbors(v) {
            if u <= v {
                continue;
            }
            let lu = labels[u as usize] as usize;
            let (a, b) = (lv.min(lu), lv.max(lu));
            cell[tri(k, a, b)] += 1;
            internal += u64::from(a == b);
        }
    }
    internal
}

/// Index of cell (a, b), a ≤ b, in the row-major upper triangle of k groups.
pub fn tri(k: usize, a: usize, b: usize) -> usize {
    a * k - a * (a + 1) / 2 + b
}

fn stat(observed: u64, perm: &[u64]) -> PermStat {
    let n = perm.len();
    if n == 0 {
        return PermStat {
            observed,
            ..PermStat::default()
        };
    }
    let sum: u128 = perm.iter().map(|&x| u128::from(x)).sum();
    let sq: u128 = perm.iter().map(|&x| u128::from(x) * u128::from(x)).sum();
    let nf = n as f64;
    let mean = sum as f64 / nf;
    // N·Σx² − (Σx)² exactly, then divide
    let var = (n as u128 * sq - sum * sum) as f64 / (nf * nf);
    PermStat {
        observed,
        mean,
        sd: var.sqrt(),
        min: perm.iter().copied().min().unwrap_or(0),
        max: perm.iter().copied().max().unwrap_or(0),
        p_ge: perm.iter().filter(|&&x| x >= observed).count() as f64 / nf,
        p_le: perm.iter().filter(|&&x| x <= observed).count() as f64 / nf,
    }
}

/// Observed links per pair of groups and inside groups, with their
/// distributions over `permutations` random permutations of `labels`
/// (labels < k). Permutation i shuffles the labels with a ChaCha8 stream
/// seeded by `seed` and set to stream i, so each permutation is the same
/// on any thread count; all statistics are computed from integer counts.
/// Time O(permutations · (n + m)); memory O(permutations · k²) counts.
///
/// # Panics
/// If `labels.len() != g.n()` or a label is ≥ k.
pub fn block_test(g: &Csr, labels: &[u32], k: usize, permutations: usize, seed: u64) -> BlockTest {
    assert_eq!(labels.len(), g.n(), "one label per node");
    let ncell = k * (k + 1) / 2;
    let mut obs = vec![0u64; ncell];
    let internal = counts(g, labels, k, &mut obs);
    let perms: Vec<(Vec<u64>, u64)> = (0..permutations)
        .into_par_iter()
        .map_init(
            || labels.to_vec(),
            |lab, i| {
                lab.copy_from_slice(labels);
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                rng.set_stream(i as u64);
                lab.shuffle(&mut rng);
                let mut c = vec![0u64; ncell];
                let int = counts(g, lab, k, &mut c);
                (c, int)
            },
        )
        .collect();
    let cells = (0..ncell)
        .map(|c| {
            let col: Vec<u64> = perms.iter().map(|p| p.0[c]).collect();
            stat(obs[c], &col)
        })
        .collect();
    let ints: Vec<u64> = perms.iter().map(|p| p.1).collect();
    BlockTest {
        k,
        cells,
        internal: stat(internal, &ints),
        permutations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tri_index() {
        let k = 3;
        let all: Vec<usize> = (0..k)
            .flat_map(|a| (a..k).map(move |b| tri(k, a, b)))
            .collect();
        assert_eq!(all, vec![0, 1, 2, 3, 4, 5]);
    }

    /// Two triangles {0,1,2} and {3,4,5} joined by 2–3, labels = the
    /// triangles: 6 internal links. Of the C(6,3) = 20 labelings with
    /// three nodes per group, only the observed one and its swap have 6
    /// internal links (each triangle is a group), so P(internal ≥ 6) =
    /// 2/20 = 0.1 exactly; the estimate from 20,000 permutations is
    /// within 0.01 of it (binomial sd 0.002).
    #[test]
    fn exact_distribution_by_enumeration() {
        let g = crate::algo::test_graphs::two_triangles();
        let labels = [0, 0, 0, 1, 1, 1];
        let t = block_test(&g, &labels, 2, 20_000, 7);
        assert_eq!(t.internal.observed, 6);
        assert!((t.internal.p_ge - 0.1).abs() < 0.01, "{}", t.internal.p_ge);
        assert_eq!(t.internal.p_le, 1.0);
        // exact mean of internal links over the 20 labelings, enumerated
        let mut tot = 0u64;
        let mut c = vec![0u64; 3];
        for mask in 0u32..64 {
            if mask.count_ones() != 3 {
                continue;
            }
            let lab: Vec<u32> = (0..6).map(|i| (mask >> i) & 1).collect();
            tot += counts(&g, &lab, 2, &mut c);
        }
        let exact_mean = tot as f64 / 20.0;
        assert!(
            (t.internal.mean - exact_mean).abs() < 0.05,
            "{} vs {exact_mean}",
            t.internal.mean
        );
        // same bits on another thread count
        let t4 = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap()
            .install(|| block_test(&g, &labels, 2, 2_000, 7));
        assert_eq!(t4, block_test(&g, &labels, 2, 2_000, 7));
    }
}
