//! Structure statistics of a simple undirected graph: clustering,
//! assortativity, degree distribution, diameter and mean distance.
//! Unweighted throughout (edge weights are ignored), as the NetworkX
//! functions named below with `weight=None`.

use crate::view::Csr;
use rand::SeedableRng;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

/// Triangles through every node (each triangle counted once per corner):
/// NetworkX `triangles`. Per node, its neighbours are marked and the
/// neighbours' lists scanned, so time O(Σ_v deg(v)²) and O(n) scratch per
/// thread; each node's count is its own integer, so any thread count gives
/// the same result.
pub fn triangles(g: &Csr) -> Vec<u64> {
    let n = g.n();
    (0..n as u32)
        .into_par_iter()
        .map_init(
            || vec![false; n],
            |mark, v| {
                let nb = g.neighbors(v);
                for &u in nb {
                    mark[u as usize] = true;
                }
                let mut t = 0u64;
                for &u in nb {
                    for &w in g.neighbors(u) {
                        if w > u && mark[w as usize] {
                            t += 1;
                        }
                    }
                }
                for &u in nb {
                    mark[u as usize] = false;
                }
                t
            },
        )
        .collect()
}

/// Local clustering coefficient of every node: triangles / (d(d−1)/2), 0
/// for degree < 2 (NetworkX `clustering(G)`, unweighted).
pub fn local_clustering(g: &Csr) -> Vec<f64> {
    triangles(g)
        .iter()
        .enumerate()
        .map(|(v, &t)| {
            let d = g.degree(v as u32) as f64;
            if d < 2.0 {
                0.0
            } else {
                2.0 * t as f64 / (d * (d - 1.0))
            }
        })
        .collect()
}

/// Whole-graph clustering figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clustering {
    /// Mean local clustering over all nodes, nodes of degree < 2 counted as
    /// 0 (NetworkX `average_clustering(G)`); None for an empty graph.
    pub average: Option<f64>,
    /// Mean local clustering over nodes of degree ≥ 2 (NetworkX
    /// `average_clustering(G, count_zeros=…)` excludes zeros of any kind;
    /// this excludes only the undefined ones, as igraph's
    /// `transitivity_avglocal_undirected(mode="nan")`); None when no node
    /// has degree ≥ 2.
    pub average_defined: Option<f64>,
    /// Global clustering (transitivity): 3 × triangles / connected triples
    /// (NetworkX `transitivity`); 0 without triples.
    pub transitivity: f64,
    /// Triangles in the graph.
    pub triangles: u64,
}

/// [`Clustering`] of `g`. Sums run in node order (same bits every run).
pub fn clustering(g: &Csr) -> Clustering {
    let t = triangles(g);
    let n = g.n();
    let mut sum = 0.0;
    let mut sum_def = 0.0;
    let mut defined = 0u64;
    let mut triples = 0u64;
    let mut tri3 = 0u64;
    for (v, &tv) in t.iter().enumerate() {
        let d = g.degree(v as u32) as u64;
        tri3 += tv;
        if d >= 2 {
            let c = 2.0 * tv as f64 / (d as f64 * (d as f64 - 1.0));
            sum += c;
            sum_def += c;
            defined += 1;
            triples += d * (d - 1) / 2;
        }
    }
    Clustering {
        average: (n > 0).then(|| sum / n as f64),
        average_defined: (defined > 0).then(|| sum_def / defined as f64),
        transitivity: if triples == 0 {
            0.0
        } else {
            tri3 as f64 / triples as f64
        },
        triangles: tri3 / 3,
    }
}

/// Degree assortativity: the Pearson correlation of the degrees at the two
/// ends of every edge, each edge taken in both directions (Newman 2003;
/// NetworkX `degree_assortativity_coefficient(G)`). Sums are exact
/// integers. None when there is no edge or all edge ends have the same
/// degree (NetworkX gives NaN).
pub fn degree_assortativity(g: &Csr) -> Option<f64> {
    let (mut s1, mut s2, mut sxy, mut arcs) = (0u128, 0u128, 0u128, 0u128);
    for v in 0..g.n() as u32 {
        let dv = g.degree(v) as u128;
        for &u in g.neighbors(v) {
            let du = g.degree(u) as u128;
            s1 += dv;
            s2 += dv * dv;
            sxy += dv * du;
            arcs += 1;
        }
    }
    if arcs == 0 {
        return None;
    }
    // r = (A·Σxy − (Σx)²) / (A·Σx² − (Σx)²), A = arcs, exact numerators
    let num_exact = (arcs * sxy) as i128 - (s1 * s1) as i128;
    let den_exact = (arcs * s2) as i128 - (s1 * s1) as i128;
    (den_exact != 0).then(|| num_exact as f64 / den_exact as f64)
}

/// The label of a node left out of [`attribute_assortativity`].
pub const NO_LABEL: u32 = u32::MAX;

/// Attribute assortativity for categorical labels (Newman 2003, eq. 2):
/// r = (Σ_i e_ii − Σ_i a_i²) / (1 − Σ_i a_i²), with e the fraction of edge
/// ends (both directions) joining label i to j and a_i its row sums
/// (NetworkX `attribute_assortativity_coefficient`). Labels are any `u32`
/// per node; edges with an end labelled [`NO_LABEL`] are left out (NetworkX
/// on the subgraph of the labelled nodes). Exact integer counts; None
/// without edges or when every edge end has the same label.
///
/// # Panics
/// If `labels.len() != g.n()`.
pub fn attribute_assortativity(g: &Csr, labels: &[u32]) -> Option<f64> {
    assert_eq!(labels.len(), g.n(), "one label per node");
    let k = labels
        .iter()
        .filter(|&&l| l != NO_LABEL)
        .map(|&l| l as usize + 1)
        .max()
        .unwrap_or(0);
    let mut row = vec![0u128; k];
    let mut same = 0u128;
    let mut arcs = 0u128;
    for v in 0..g.n() as u32 {
        let lv = labels[v as usize];
        if lv == NO_LABEL {
            continue;
        }
        for &u in g.neighbors(v) {
            let lu = labels[u as usize];
            if lu == NO_LABEL {
                continue;
            }
            row[lv as usize] += 1;
            same += u128::from(lu == lv);
            arcs += 1;
        }
    }
    if arcs == 0 {
        return None;
    }
    let sq: u128 = row.iter().map(|&r| r * r).sum();
    // multiply through by arcs²
    let num = (same * arcs) as i128 - sq as i128;
    let den = (arcs * arcs) as i128 - sq as i128;
    (den != 0).then(|| num as f64 / den as f64)
}

/// Node count per degree, ascending by degree (degrees with no node left
/// out). Time O(n log n).
pub fn degree_counts(g: &Csr) -> Vec<(u32, u64)> {
    let mut d: Vec<u32> = (0..g.n() as u32).map(|v| g.degree(v) as u32).collect();
    d.sort_unstable();
    let mut out: Vec<(u32, u64)> = Vec::new();
    for x in d {
        match out.last_mut() {
            Some(o) if o.0 == x => o.1 += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}

/// The `q`-quantile (0 ≤ q ≤ 1) of sorted values by linear interpolation
/// between closest ranks (NumPy's default `method="linear"`); None when
/// empty.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Options of [`distances`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DistanceOpts {
    /// Exact (a BFS from every node) when the graph has at most this many
    /// nodes; otherwise `samples` sources.
    pub exact_limit: usize,
    /// Sources sampled without replacement on larger graphs.
    pub samples: usize,
    /// Seed of the sample.
    pub seed: u64,
}

impl Default for DistanceOpts {
    fn default() -> DistanceOpts {
        DistanceOpts {
            exact_limit: 2000,
            samples: 256,
            seed: 1,
        }
    }
}

/// Hop-distance figures over reachable pairs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Distances {
    /// Whether every node was a source.
    pub exact: bool,
    /// BFS sources used.
    pub sources: u64,
    /// Longest shortest path between reachable nodes (igraph `diameter(
    /// unconn=True)`; NetworkX `diameter` on a connected graph). Sampled:
    /// the largest eccentricity among the sources, a lower bound.
    pub diameter: u64,
    /// Mean shortest-path length over ordered reachable pairs u ≠ v (igraph
    /// `average_path_length(unconn=True)`; NetworkX
    /// `average_shortest_path_length` on a connected graph); None without
    /// a reachable pair. Sampled: over the pairs from the sources (a ratio
    /// estimator).
    pub mean: Option<f64>,
    /// Sampled: standard error of `mean`, from the spread of the per-source
    /// means (their standard deviation / √sources, with the finite
    /// population correction); 0 when exact.
    pub std_error: f64,
    /// Ordered reachable pairs u ≠ v seen from the sources.
    pub reachable_pairs: u64,
}

fn bfs(g: &Csr, s: u32, dist: &mut [u32], queue: &mut Vec<u32>) -> (u64, u64, u64) {
    queue.clear();
    queue.push(s);
    dist[s as usize] = 0;
    let (mut sum, mut reach, mut ecc) = (0u64, 0u64, 0u64);
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head];
        head += 1;
        let dv = dist[v as usize];
        for &u in g.neighbors(v) {
            if dist[u as usize] == u32::MAX {
                dist[u as usize] = dv + 1;
                sum += u64::from(dv + 1);
                reach += 1;
                ecc = ecc.max(u64::from(dv + 1));
                queue.push(u);
            }
        }
    }
    for &v in queue.iter() {
        dist[v as usize] = u32::MAX;
    }
    (sum, reach, ecc)
}

/// Diameter and mean distance (hops) by BFS from every node, or from a
/// seeded uniform sample of sources when the graph has more than
/// `exact_limit` nodes. Time O(sources · (n + m)), O(n) scratch per
/// thread; per-source integer results are combined in source order, so
/// any thread count gives the same bits.
pub fn distances(g: &Csr, o: &DistanceOpts) -> Distances {
    let n = g.n();
    let exact = n <= o.exact_limit || o.samples >= n;
    let sources: Vec<u32> = if exact {
        (0..n as u32).collect()
    } else {
        let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
        let mut s: Vec<u32> = sample(&mut rng, n, o.samples)
            .into_iter()
            .map(|x| x as u32)
            .collect();
        s.sort_unstable();
        s
    };
    let per: Vec<(u64, u64, u64)> = sources
        .par_iter()
        .map_init(
            || (vec![u32::MAX; n], Vec::with_capacity(n)),
            |(dist, queue), &s| bfs(g, s, dist, queue),
        )
        .collect();
    let sum: u64 = per.iter().map(|p| p.0).sum();
    let pairs: u64 = per.iter().map(|p| p.1).sum();
    let diameter = per.iter().map(|p| p.2).max().unwrap_or(0);
    let mean = (pairs > 0).then(|| sum as f64 / pairs as f64);
    let std_error = match (exact, mean) {
        (false, Some(_)) => {
            let means: Vec<f64> = per
                .iter()
                .filter(|p| p.1 > 0)
                .map(|p| p.0 as f64 / p.1 as f64)
                .collect();
            let k = means.len() as f64;
            if k < 2.0 {
                0.0
            } else {
                let mu = means.iter().sum::<f64>() / k;
                let var = means.iter().map(|x| (x - mu) * (x - mu)).sum::<f64>() / (k - 1.0);
                let fpc = (1.0 - sources.len() as f64 / n as f64).max(0.0);
                (var / k * fpc).sqrt()
            }
        }
        _ => 0.0,
    };
    Distances {
        exact,
        sources: sources.len() as u64,
        diameter,
        mean,
        std_error,
        reachable_pairs: pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A triangle 0-1-2 with a tail 2-3: triangles [1,1,1,0]; clustering
    /// [1, 1, 1/3, 0]; transitivity 3/5 (triples: 1+1+3); average 7/12.
    /// Degree assortativity worked by hand below.
    #[test]
    fn triangle_with_tail_by_hand() {
        let g = Csr::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)]).unwrap();
        assert_eq!(triangles(&g), vec![1, 1, 1, 0]);
        let c = clustering(&g);
        assert_eq!(c.triangles, 1);
        assert!((c.transitivity - 3.0 / 5.0).abs() < 1e-15);
        assert!((c.average.unwrap() - 7.0 / 12.0).abs() < 1e-15);
        assert!((c.average_defined.unwrap() - 7.0 / 9.0).abs() < 1e-15);
        // arcs (x = degree at tail, y = at head): 0→1 (2,2), 0→2 (2,3),
        // 1→0 (2,2), 1→2 (2,3), 2→0 (3,2), 2→1 (3,2), 2→3 (3,1), 3→2 (1,3)
        // A = 8, Σx = 18, Σx² = 44, Σxy = 4+6+4+6+6+6+3+3 = 38
        // r = (8·38 − 18²) / (8·44 − 18²) = −20/28
        let r = degree_assortativity(&g).unwrap();
        assert!((r + 20.0 / 28.0).abs() < 1e-15, "{r}");
        // labels a a b b: arcs within = 0→1,1→0,2→3,3→2 = 4 of 8;
        // rows a: 4, b: 4 → (4·8 − 32) / (64 − 32) = 0
        assert_eq!(attribute_assortativity(&g, &[0, 0, 1, 1]), Some(0.0));
        let d = distances(&g, &DistanceOpts::default());
        assert!(d.exact);
        assert_eq!(d.diameter, 2);
        // distances: 0-1 1, 0-2 1, 0-3 2, 1-2 1, 1-3 2, 2-3 1 → 8/6
        assert!((d.mean.unwrap() - 8.0 / 6.0).abs() < 1e-15);
        assert_eq!(degree_counts(&g), vec![(1, 1), (2, 2), (3, 1)]);
    }

    #[test]
    fn quantiles_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), Some(2.5));
        assert_eq!(quantile(&v, 0.25), Some(1.75));
        assert_eq!(quantile(&v, 1.0), Some(4.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn empty_graph() {
        let g = Csr::from_edges(3, &[]).unwrap();
        assert_eq!(degree_assortativity(&g), None);
        assert_eq!(clustering(&g).transitivity, 0.0);
        assert_eq!(distances(&g, &DistanceOpts::default()).mean, None);
    }
}
