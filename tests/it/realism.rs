//! Structural realism of a dataset, computed with plain code that knows
//! nothing of the generator: per view (the collaboration view = projects and
//! ties, the networking view = event co-attendance) the giant component
//! share, clustering, mean distance, degree quantiles, degree assortativity
//! and a heavy-tail test of the degrees (Clauset, Shalizi & Newman 2009:
//! xmin by the Kolmogorov–Smirnov distance, discrete power law against the
//! discrete exponential by Vuong's likelihood-ratio test, as the Python
//! `powerlaw` package does it).

#![allow(dead_code)]

use iuinet::model::{Layer, Network};
use std::collections::VecDeque;

/// Distinct-pair adjacency (sorted, no self-loops) over all actors.
pub struct Graph {
    pub adj: Vec<Vec<u32>>,
}

impl Graph {
    /// Pairs from groups of `layers` and, if `ties` accepts them, from ties.
    pub fn of(net: &Network, layers: &[Layer], tie: impl Fn(&str) -> bool) -> Graph {
        let mut adj: Vec<Vec<u32>> = vec![Vec::new(); net.actors.len()];
        for g in net.groups.iter().filter(|g| layers.contains(&g.layer)) {
            for (i, a) in g.members.iter().enumerate() {
                for b in &g.members[i + 1..] {
                    adj[a.actor as usize].push(b.actor);
                    adj[b.actor as usize].push(a.actor);
                }
            }
        }
        for t in net.ties.iter().filter(|t| tie(&t.kind)) {
            adj[t.source as usize].push(t.target);
            adj[t.target as usize].push(t.source);
        }
        for v in &mut adj {
            v.sort_unstable();
            v.dedup();
        }
        Graph { adj }
    }

    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> Graph {
        let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
        for &(a, b) in edges {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
        for v in &mut adj {
            v.sort_unstable();
            v.dedup();
        }
        Graph { adj }
    }

    /// Nodes with at least one link.
    pub fn linked(&self) -> Vec<u32> {
        (0..self.adj.len() as u32)
            .filter(|&v| !self.adj[v as usize].is_empty())
            .collect()
    }

    /// Components as a label per node (u32::MAX for isolated nodes).
    fn components(&self) -> (Vec<u32>, Vec<usize>) {
        let n = self.adj.len();
        let mut label = vec![u32::MAX; n];
        let mut sizes = Vec::new();
        for s in 0..n {
            if label[s] != u32::MAX || self.adj[s].is_empty() {
                continue;
            }
            let c = sizes.len() as u32;
            let mut q = VecDeque::from([s as u32]);
            label[s] = c;
            let mut size = 0;
            while let Some(v) = q.pop_front() {
                size += 1;
                for &w in &self.adj[v as usize] {
                    if label[w as usize] == u32::MAX {
                        label[w as usize] = c;
                        q.push_back(w);
                    }
                }
            }
            sizes.push(size);
        }
        (label, sizes)
    }

    /// Largest component / linked nodes.
    pub fn giant_share(&self) -> f64 {
        let (_, sizes) = self.components();
        let max = sizes.iter().copied().max().unwrap_or(0);
        max as f64 / self.linked().len().max(1) as f64
    }

    /// Local clustering of v (0 for degree < 2).
    pub fn clustering_of(&self, v: u32, mark: &mut [u32]) -> f64 {
        let nb = &self.adj[v as usize];
        let d = nb.len();
        if d < 2 {
            return 0.0;
        }
        for &u in nb {
            mark[u as usize] = v + 1;
        }
        let mut links = 0usize;
        for &u in nb {
            links += self.adj[u as usize]
                .iter()
                .filter(|&&w| mark[w as usize] == v + 1)
                .count();
        }
        for &u in nb {
            mark[u as usize] = 0;
        }
        links as f64 / (d * (d - 1)) as f64
    }

    /// Mean local clustering over `nodes` (NetworkX `average_clustering`
    /// restricted to those nodes).
    pub fn avg_clustering(&self, nodes: &[u32]) -> f64 {
        let mut mark = vec![0u32; self.adj.len()];
        let s: f64 = nodes
            .iter()
            .map(|&v| self.clustering_of(v, &mut mark))
            .sum();
        s / nodes.len().max(1) as f64
    }

    /// Transitivity, 3 × triangles / connected triples (NetworkX
    /// `transitivity`): Σ links among v's neighbours / Σ d(v)(d(v) − 1),
    /// both counting ordered pairs.
    pub fn transitivity(&self) -> f64 {
        let mut mark = vec![0u32; self.adj.len()];
        let (mut closed, mut triples) = (0f64, 0f64);
        for v in 0..self.adj.len() as u32 {
            let d = self.adj[v as usize].len() as f64;
            closed += self.clustering_of(v, &mut mark) * d * (d - 1.0);
            triples += d * (d - 1.0);
        }
        closed / triples.max(1.0)
    }

    /// The largest transitivity any simple graph with this degree sequence
    /// can have (an upper bound; it depends on the degrees alone, not on the
    /// wiring). An edge lies on at most min(d(u), d(v)) − 1 triangles; charge
    /// each edge to its lower-degree end (ties either way). A node of degree
    /// d takes at most min(d, n≥d − 1) charges, where n≥d counts the nodes of
    /// degree d or more, and there are m edges to charge in all. So
    /// 3 × triangles ≤ the largest Σ (d − 1) · charges under those limits,
    /// filled from the highest degree down, divided here by the connected
    /// triples Σ d(d − 1)/2.
    pub fn transitivity_ceiling(&self) -> f64 {
        let mut d = self.degrees();
        d.sort_unstable();
        let n = d.len();
        let mut edges = d.iter().sum::<u64>() / 2;
        let triples: f64 = d.iter().map(|&k| (k * (k - 1)) as f64 / 2.0).sum();
        let mut closed = 0f64;
        // From the highest degree down; n≥d is n − (first index of d).
        let mut i = n;
        while i > 0 && edges > 0 {
            let k = d[i - 1];
            let first = d.partition_point(|&x| x < k);
            let charges = k.min((n - first) as u64 - 1);
            for _ in first..i {
                let take = charges.min(edges);
                closed += (k - 1) as f64 * take as f64;
                edges -= take;
            }
            i = first;
        }
        (closed / triples.max(1.0)).min(1.0)
    }

    /// Share of the connected triples Σ d(d − 1)/2 held by the `frac` of
    /// linked nodes with the highest degrees (at least one node).
    pub fn triples_share_of_top(&self, frac: f64) -> f64 {
        let mut t: Vec<f64> = self
            .degrees()
            .iter()
            .map(|&k| (k * (k - 1)) as f64 / 2.0)
            .collect();
        t.sort_unstable_by(|a, b| b.total_cmp(a));
        let top = ((t.len() as f64 * frac) as usize).max(1);
        t[..top.min(t.len())].iter().sum::<f64>() / t.iter().sum::<f64>().max(1.0)
    }

    /// Connected triples centred at the nodes `keep` accepts, and how many
    /// of them are closed (their two ends linked).
    pub fn triples_at(&self, keep: impl Fn(u32) -> bool) -> (u64, u64) {
        let (mut all, mut closed) = (0u64, 0u64);
        for (v, nb) in self.adj.iter().enumerate() {
            if !keep(v as u32) {
                continue;
            }
            let k = nb.len() as u64;
            all += k * k.saturating_sub(1) / 2;
            for (i, &a) in nb.iter().enumerate() {
                let na = &self.adj[a as usize];
                closed += nb[i + 1..]
                    .iter()
                    .filter(|b| na.binary_search(b).is_ok())
                    .count() as u64;
            }
        }
        (all, closed)
    }

    /// Mean degree of the nodes with a link.
    pub fn mean_degree(&self) -> f64 {
        let d = self.degrees();
        d.iter().sum::<u64>() as f64 / d.len().max(1) as f64
    }

    /// Mean shortest-path length from `sources` to every other node of
    /// their component.
    pub fn mean_distance(&self, sources: &[u32]) -> f64 {
        let mut dist = vec![u32::MAX; self.adj.len()];
        let (mut sum, mut n) = (0u64, 0u64);
        for &s in sources {
            dist.iter_mut().for_each(|d| *d = u32::MAX);
            dist[s as usize] = 0;
            let mut q = VecDeque::from([s]);
            while let Some(v) = q.pop_front() {
                for &w in &self.adj[v as usize] {
                    if dist[w as usize] == u32::MAX {
                        dist[w as usize] = dist[v as usize] + 1;
                        sum += u64::from(dist[w as usize]);
                        n += 1;
                        q.push_back(w);
                    }
                }
            }
        }
        sum as f64 / n.max(1) as f64
    }

    /// Nodes of the giant component, in index order.
    pub fn giant(&self) -> Vec<u32> {
        let (label, sizes) = self.components();
        let Some(big) = (0..sizes.len()).max_by_key(|&c| (sizes[c], std::cmp::Reverse(c))) else {
            return Vec::new();
        };
        (0..label.len() as u32)
            .filter(|&v| label[v as usize] == big as u32)
            .collect()
    }

    /// Degree assortativity (Newman 2002): Pearson correlation of the
    /// degrees at the two ends of each edge, each edge counted both ways
    /// (NetworkX `degree_assortativity_coefficient`).
    pub fn assortativity(&self) -> f64 {
        let (mut sxy, mut sx, mut sxx, mut m) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (v, nb) in self.adj.iter().enumerate() {
            let dv = nb.len() as f64;
            for &w in nb {
                let dw = self.adj[w as usize].len() as f64;
                let _ = v;
                sxy += dv * dw;
                sx += dv;
                sxx += dv * dv;
                m += 1.0;
            }
        }
        let mean = sx / m;
        (sxy / m - mean * mean) / (sxx / m - mean * mean)
    }

    pub fn degrees(&self) -> Vec<u64> {
        self.adj
            .iter()
            .filter(|v| !v.is_empty())
            .map(|v| v.len() as u64)
            .collect()
    }
}

/// The q-quantile of sorted data (nearest rank, q in 0..=1).
pub fn quantile(sorted: &[u64], q: f64) -> u64 {
    let i = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[i - 1]
}

/// Hurwitz zeta ζ(s, q) = Σ_{n≥0} (q+n)^−s for s > 1, q ≥ 1: a direct sum of
/// the first N terms and the Euler–Maclaurin tail (relative error < 1e-12).
pub fn hurwitz_zeta(s: f64, q: f64) -> f64 {
    const N: usize = 200;
    let mut sum = 0.0;
    for n in 0..N {
        sum += (q + n as f64).powf(-s);
    }
    let a = q + N as f64;
    // ∫_a^∞ x^−s dx + a^−s/2 + s a^(−s−1)/12 − s(s+1)(s+2) a^(−s−3)/720
    sum + a.powf(1.0 - s) / (s - 1.0) + 0.5 * a.powf(-s) + s * a.powf(-s - 1.0) / 12.0
        - s * (s + 1.0) * (s + 2.0) * a.powf(-s - 3.0) / 720.0
}

/// Result of a heavy-tail fit of integer data.
#[derive(Debug, Clone, Copy)]
pub struct TailFit {
    pub xmin: u64,
    pub alpha: f64,
    pub n_tail: usize,
    /// Log-likelihood ratio power law − exponential over the tail (> 0:
    /// power law more likely).
    pub r: f64,
    /// Vuong's normalised ratio R / (σ √n).
    pub r_norm: f64,
    /// Two-sided p-value of the sign of R.
    pub p: f64,
}

/// Log-likelihood terms of the discrete power law (α by Clauset et al.'s
/// approximation 1 + n / Σ ln(x / (xmin − ½))) and of the discrete
/// exponential (λ = ln(1 + 1/(mean − xmin)), its MLE) on `tail` (all ≥ xmin).
fn terms(tail: &[u64], xmin: u64) -> (f64, Vec<f64>) {
    let n = tail.len() as f64;
    let xm = xmin as f64;
    let alpha = 1.0
        + n / tail
            .iter()
            .map(|&x| (x as f64 / (xm - 0.5)).ln())
            .sum::<f64>();
    let z = hurwitz_zeta(alpha, xm);
    let mean = tail.iter().map(|&x| x as f64).sum::<f64>() / n;
    let lambda = (1.0 + 1.0 / (mean - xm).max(1e-9)).ln();
    let diffs = tail
        .iter()
        .map(|&x| {
            let x = x as f64;
            let lp = -alpha * x.ln() - z.ln();
            let le = (1.0 - (-lambda).exp()).ln() - lambda * (x - xm);
            lp - le
        })
        .collect();
    (alpha, diffs)
}

/// Fit the tail of `data` (xmin ≥ 1 minimising the KS distance between the
/// tail and its fitted power law, over the distinct values with at least 50
/// points above them) and compare power law and exponential.
pub fn tail_fit(data: &[u64]) -> TailFit {
    let mut x: Vec<u64> = data.iter().copied().filter(|&v| v >= 1).collect();
    x.sort_unstable();
    let mut cands: Vec<u64> = x.clone();
    cands.dedup();
    let mut best: Option<(f64, u64)> = None;
    for &xmin in &cands {
        let start = x.partition_point(|&v| v < xmin);
        let tail = &x[start..];
        if tail.len() < 50 {
            break;
        }
        let (alpha, _) = terms(tail, xmin);
        let z = hurwitz_zeta(alpha, xmin as f64);
        // KS: max |empirical CDF − model CDF| over the tail's values; the
        // model's survival ζ(α, v)/ζ(α, xmin) walked up v by v.
        let n = tail.len() as f64;
        let mut ks: f64 = 0.0;
        let mut zv = z; // ζ(α, v)
        let mut v = xmin;
        let mut i = 0;
        while i < tail.len() {
            let t = tail[i];
            while v < t {
                zv -= (v as f64).powf(-alpha);
                v += 1;
            }
            let j = tail.partition_point(|&u| u <= t);
            let model_before = 1.0 - zv / z;
            let model = 1.0 - (zv - (t as f64).powf(-alpha)) / z;
            ks = ks
                .max((j as f64 / n - model).abs())
                .max((i as f64 / n - model_before).abs());
            i = j;
        }
        if best.is_none_or(|b| ks < b.0) {
            best = Some((ks, xmin));
        }
    }
    let xmin = best.map_or(1, |b| b.1);
    let start = x.partition_point(|&v| v < xmin);
    let tail = &x[start..];
    let (alpha, d) = terms(tail, xmin);
    let n = d.len() as f64;
    let r: f64 = d.iter().sum();
    let mean = r / n;
    let var = d.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    let sigma = var.sqrt();
    let r_norm = r / (sigma * n.sqrt());
    let p = erfc(r.abs() / (2.0 * n).sqrt() / sigma);
    TailFit {
        xmin,
        alpha,
        n_tail: tail.len(),
        r,
        r_norm,
        p,
    }
}

/// Complementary error function (Numerical Recipes `erfcc`, |error| < 1.2e-7).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod ceiling {
    use super::Graph;
    use std::collections::HashMap;

    fn graph(n: usize, edges: &[(u32, u32)]) -> Graph {
        Graph::from_edges(n, edges)
    }

    /// Worked by hand: a star's degrees admit only the star (no triangle);
    /// K4's only K4; a path's only a path.
    #[test]
    fn hand_worked_degree_sequences() {
        let star = graph(4, &[(0, 1), (0, 2), (0, 3)]);
        assert_eq!(star.transitivity_ceiling(), 0.0);
        let k4 = graph(4, &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
        assert_eq!(k4.transitivity_ceiling(), 1.0);
        let path = graph(3, &[(0, 1), (1, 2)]);
        assert_eq!(path.transitivity_ceiling(), 0.0);
        // Degrees 3,2,2,1 (a triangle with a pendant), 5 connected triples:
        // the degree-3 node takes no charge (no other node has degree ≥ 3),
        // each degree-2 node takes two at (2 − 1): 3T ≤ 4 of 5 triples; the
        // paw itself has 3 of 5.
        let paw = graph(4, &[(0, 1), (0, 2), (1, 2), (0, 3)]);
        assert!((paw.transitivity_ceiling() - 4.0 / 5.0).abs() < 1e-12);
        assert!((paw.transitivity() - 3.0 / 5.0).abs() < 1e-12);
    }

    /// Every graph on 6 nodes: no graph's transitivity exceeds the ceiling
    /// of its degree sequence.
    #[test]
    fn no_graph_on_six_nodes_beats_its_ceiling() {
        let pairs: Vec<(u32, u32)> = (0..6u32)
            .flat_map(|a| (a + 1..6).map(move |b| (a, b)))
            .collect();
        let mut best: HashMap<Vec<u64>, (f64, f64)> = HashMap::new();
        for mask in 0u32..1 << pairs.len() {
            let edges: Vec<(u32, u32)> = (0..pairs.len())
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| pairs[i])
                .collect();
            let g = graph(6, &edges);
            let mut d = g.degrees();
            d.sort_unstable();
            let t = g.transitivity();
            let e = best.entry(d).or_insert((0.0, g.transitivity_ceiling()));
            e.0 = e.0.max(t);
        }
        let mut tight = 0;
        for (d, (t, c)) in &best {
            assert!(
                *t <= c + 1e-12,
                "degrees {d:?}: transitivity {t} above ceiling {c}"
            );
            tight += usize::from((t - c).abs() < 1e-12);
        }
        // The bound is reached by 22 of the 102 degree sequences.
        assert_eq!((tight, best.len()), (22, 102));
    }
}
