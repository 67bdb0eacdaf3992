//! The Leiden algorithm (Traag, Waltman & van Eck, "From Louvain to
//! Leiden: guaranteeing well-connected communities", Scientific Reports 9,
//! 5233, 2019), written from the paper's pseudo-code (its Supplementary
//! Algorithm A.2).

use super::quality::{Quality, quality};
use crate::view::Csr;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::VecDeque;

/// Options of [`leiden`].
#[derive(Debug, Clone, PartialEq)]
pub struct LeidenOpts {
    /// The quality function to maximise.
    pub quality: Quality,
    /// Resolution γ (modularity: 1 is the classic modularity; CPM: the
    /// density a community must exceed).
    pub resolution: f64,
    /// Use the view's edge weights (false: every edge counts 1).
    pub weighted: bool,
    /// Seed of the random node orders and of the refinement's choices.
    pub seed: u64,
    /// Randomness θ of the refinement phase (the paper's θ, igraph's
    /// `beta`): a node joins a community with probability ∝ exp(ΔH / θ).
    pub randomness: f64,
    /// Largest number of Leiden passes; the algorithm stops earlier when a
    /// pass leaves the partition unchanged.
    pub max_passes: usize,
}

impl Default for LeidenOpts {
    fn default() -> LeidenOpts {
        LeidenOpts {
            quality: Quality::Modularity,
            resolution: 1.0,
            weighted: true,
            seed: 1,
            randomness: 0.01,
            max_passes: 100,
        }
    }
}

/// A partition found by [`leiden`].
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Community of each node: 0 is the largest community, ties broken by
    /// the smallest node index in the community.
    pub membership: Vec<u32>,
    /// Nodes per community, by community id (non-increasing).
    pub sizes: Vec<u32>,
    /// The partition's quality (see [`Quality`]).
    pub quality: f64,
    /// Leiden passes run (the last one changed nothing unless
    /// `max_passes` was reached).
    pub passes: usize,
    /// Whether the last pass left the partition unchanged.
    pub converged: bool,
}

/// Communities of `g` by the Leiden algorithm.
///
/// Each pass: (1) local moving of nodes from a queue in random order, a
/// node going to the neighbouring (or an empty) community of largest
/// quality gain when the gain is positive, its neighbours outside the new
/// community re-queued; (2) refinement inside every community: starting
/// from singletons, each well-connected singleton node joins a
/// well-connected sub-community of the same community with probability ∝
/// exp(ΔH/θ) over non-negative gains ΔH (staying alone included);
/// (3) aggregation of the refined sub-communities into nodes, the
/// unrefined communities giving the aggregate's starting partition;
/// repeated until every community is one aggregate node. Passes repeat
/// from the partition found until one changes nothing (igraph's
/// `n_iterations < 0`). Quality gains use node weights `k_i` and `γ/2m`
/// (modularity) or node sizes and `γ` (CPM), so both functions share one
/// code path. Isolated nodes stay alone.
///
/// Deterministic: the only randomness is a ChaCha8 stream seeded by
/// `seed`; the run is sequential, so the partition is the same for any
/// thread count. Different seeds may give different partitions of
/// (nearly) the same quality.
///
/// Time about O(m) per local-moving sweep and aggregation level; space
/// O(n + m).
///
/// ```
/// use iuinet::algo::community::{LeidenOpts, leiden};
/// use iuinet::view::Csr;
/// // two triangles joined by the edge 2–3
/// let g = Csr::from_edges(6, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0),
///     (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)]).unwrap();
/// let p = leiden(&g, &LeidenOpts::default());
/// assert_eq!(p.membership, vec![0, 0, 0, 1, 1, 1]);
/// assert!((p.quality - (6.0 / 7.0 - 0.5)).abs() < 1e-12);
/// ```
pub fn leiden(g: &Csr, o: &LeidenOpts) -> Partition {
    let n = g.n();
    let base = Level::from_csr(g, o);
    let gamma = match o.quality {
        Quality::Modularity => {
            let two_m: f64 = base.node_w.iter().sum();
            if two_m > 0.0 {
                o.resolution / two_m
            } else {
                0.0
            }
        }
        Quality::Cpm => o.resolution,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
    let mut memb: Vec<u32> = (0..n as u32).collect();
    let mut passes = 0;
    let mut converged = false;
    while passes < o.max_passes {
        passes += 1;
        let next = one_pass(&base, &memb, gamma, o.randomness, &mut rng);
        let same = next == memb;
        memb = next;
        if same {
            converged = true;
            break;
        }
    }
    let (membership, sizes) = by_size(&memb);
    let q = quality(g, &membership, o.quality, o.resolution, o.weighted);
    Partition {
        membership,
        sizes,
        quality: q,
        passes,
        converged,
    }
}

/// A graph of one aggregation level: adjacency without self-loops, and
/// the node weights of the quality function.
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    node_w: Vec<f64>,
}

impl Level {
    fn from_csr(g: &Csr, o: &LeidenOpts) -> Level {
        let n = g.n();
        let weights: Vec<f64> = if o.weighted {
            g.weights.clone()
        } else {
            vec![1.0; g.targets.len()]
        };
        let node_w = (0..n as u32)
            .map(|v| match o.quality {
                Quality::Modularity => {
                    let (a, b) = g.range(v);
                    weights[a..b].iter().sum()
                }
                Quality::Cpm => 1.0,
            })
            .collect();
        Level {
            offsets: g.offsets.iter().map(|&x| x as usize).collect(),
            targets: g.targets.clone(),
            weights,
            node_w,
        }
    }

    fn n(&self) -> usize {
        self.node_w.len()
    }

    fn arcs(&self, v: u32) -> impl Iterator<Item = (u32, f64)> + '_ {
        let (a, b) = (self.offsets[v as usize], self.offsets[v as usize + 1]);
        self.targets[a..b]
            .iter()
            .copied()
            .zip(self.weights[a..b].iter().copied())
    }
}

/// Renumber ids by first appearance (0, 1, …); returns the count.
fn renumber(memb: &mut [u32]) -> usize {
    let mut map = vec![u32::MAX; memb.len()];
    let mut k = 0u32;
    for c in memb.iter_mut() {
        if map[*c as usize] == u32::MAX {
            map[*c as usize] = k;
            k += 1;
        }
        *c = map[*c as usize];
    }
    k as usize
}

/// Relabel so that 0 is the largest community (ties: smallest first node).
fn by_size(memb: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut m = memb.to_vec();
    let k = renumber(&mut m);
    let mut size = vec![0u32; k];
    for &c in &m {
        size[c as usize] += 1;
    }
    // first-appearance ids already order ties by smallest node
    let mut order: Vec<u32> = (0..k as u32).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size[c as usize]), c));
    let mut new_id = vec![0u32; k];
    for (i, &c) in order.iter().enumerate() {
        new_id[c as usize] = i as u32;
    }
    for c in m.iter_mut() {
        *c = new_id[*c as usize];
    }
    let sizes = order.iter().map(|&c| size[c as usize]).collect();
    (m, sizes)
}

/// Whether `gain` beats `current` beyond rounding noise.
fn better(gain: f64, current: f64) -> bool {
    gain > current + 1e-12 * (gain.abs() + current.abs())
}

/// One Leiden pass from the partition `memb` of the base graph.
fn one_pass(base: &Level, memb: &[u32], gamma: f64, theta: f64, rng: &mut ChaCha8Rng) -> Vec<u32> {
    let mut to_level: Vec<u32> = (0..base.n() as u32).collect();
    let mut part = memb.to_vec();
    renumber(&mut part);
    let mut owned: Option<Level> = None;
    loop {
        let g = owned.as_ref().unwrap_or(base);
        move_nodes(g, &mut part, gamma, rng);
        let k = renumber(&mut part);
        if k == g.n() {
            break;
        }
        let mut refined = refine(g, &part, gamma, theta, rng);
        let mut kr = renumber(&mut refined);
        if kr == g.n() {
            // no merge inside any community: aggregate the communities
            refined.clone_from(&part);
            kr = k;
        }
        let agg = aggregate(g, &refined, kr);
        let mut next = vec![0u32; kr];
        for v in 0..g.n() {
            next[refined[v] as usize] = part[v];
        }
        for x in to_level.iter_mut() {
            *x = refined[*x as usize];
        }
        part = next;
        owned = Some(agg);
    }
    let mut out: Vec<u32> = to_level.iter().map(|&x| part[x as usize]).collect();
    renumber(&mut out);
    out
}

/// Fast local moving (the paper's MoveNodesFast).
fn move_nodes(g: &Level, memb: &mut [u32], gamma: f64, rng: &mut ChaCha8Rng) {
    let n = g.n();
    let mut comm_w = vec![0f64; n];
    let mut comm_n = vec![0u32; n];
    for v in 0..n {
        comm_w[memb[v] as usize] += g.node_w[v];
        comm_n[memb[v] as usize] += 1;
    }
    let mut empty: Vec<u32> = (0..n as u32).filter(|&c| comm_n[c as usize] == 0).collect();
    empty.reverse();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.shuffle(rng);
    let mut queue: VecDeque<u32> = order.into();
    let mut queued = vec![true; n];
    let mut neigh_w = vec![0f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    while let Some(v) = queue.pop_front() {
        queued[v as usize] = false;
        let a = memb[v as usize];
        let kv = g.node_w[v as usize];
        comm_w[a as usize] -= kv;
        comm_n[a as usize] -= 1;
        if comm_n[a as usize] == 0 {
            comm_w[a as usize] = 0.0;
        }
        for (u, w) in g.arcs(v) {
            let c = memb[u as usize];
            if !seen[c as usize] {
                seen[c as usize] = true;
                touched.push(c);
            }
            neigh_w[c as usize] += w;
        }
        let gain = |c: u32| neigh_w[c as usize] - gamma * kv * comm_w[c as usize];
        let stay = gain(a);
        let (mut best, mut best_gain) = (a, stay);
        for &c in &touched {
            let x = gain(c);
            if c != a && better(x, best_gain) {
                best = c;
                best_gain = x;
            }
        }
        if comm_n[a as usize] > 0 && better(0.0, best_gain) {
            // an empty community of its own
            if let Some(e) = empty.pop() {
                best = e;
            }
        }
        for &c in &touched {
            neigh_w[c as usize] = 0.0;
            seen[c as usize] = false;
        }
        touched.clear();
        if best != a {
            if comm_n[a as usize] == 0 {
                empty.push(a);
            }
            for (u, _) in g.arcs(v) {
                if memb[u as usize] != best && !queued[u as usize] {
                    queued[u as usize] = true;
                    queue.push_back(u);
                }
            }
        }
        memb[v as usize] = best;
        comm_w[best as usize] += kv;
        comm_n[best as usize] += 1;
    }
}

/// Refinement (the paper's RefinePartition / MergeNodesSubset for every
/// community at once; communities do not interact). Returns sub-community
/// ids (node ids of the sub-community's first node).
fn refine(g: &Level, part: &[u32], gamma: f64, theta: f64, rng: &mut ChaCha8Rng) -> Vec<u32> {
    let n = g.n();
    let mut refined: Vec<u32> = (0..n as u32).collect();
    let mut rw = g.node_w.clone();
    let mut rn = vec![1u32; n];
    let mut part_w = vec![0f64; n];
    for v in 0..n {
        part_w[part[v] as usize] += g.node_w[v];
    }
    // weight from each sub-community to the rest of its community
    let mut ext = vec![0f64; n];
    for v in 0..n as u32 {
        for (u, w) in g.arcs(v) {
            if part[u as usize] == part[v as usize] {
                ext[v as usize] += w;
            }
        }
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.shuffle(rng);
    let mut neigh_w = vec![0f64; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut cand: Vec<(u32, f64)> = Vec::new();
    for &v in &order {
        let own = refined[v as usize];
        if rn[own as usize] != 1 {
            continue;
        }
        let s = part[v as usize] as usize;
        let kv = g.node_w[v as usize];
        if ext[own as usize] < gamma * kv * (part_w[s] - kv) {
            continue;
        }
        for (u, w) in g.arcs(v) {
            if part[u as usize] as usize != s {
                continue;
            }
            let r = refined[u as usize];
            if !seen[r as usize] {
                seen[r as usize] = true;
                touched.push(r);
            }
            neigh_w[r as usize] += w;
        }
        cand.clear();
        cand.push((own, 0.0));
        for &r in &touched {
            let ri = r as usize;
            if r == own || ext[ri] < gamma * rw[ri] * (part_w[s] - rw[ri]) {
                continue;
            }
            let x = neigh_w[ri] - gamma * kv * rw[ri];
            if x >= 0.0 {
                cand.push((r, x));
            }
        }
        let top = cand.iter().map(|c| c.1).fold(0.0, f64::max);
        let mut total = 0.0;
        for c in cand.iter_mut() {
            c.1 = ((c.1 - top) / theta).exp();
            total += c.1;
        }
        let mut pick = rng.random::<f64>() * total;
        let mut chosen = cand[cand.len() - 1].0;
        for &(r, p) in &cand {
            if pick < p {
                chosen = r;
                break;
            }
            pick -= p;
        }
        if chosen != own {
            let ci = chosen as usize;
            ext[ci] = ext[ci] + ext[own as usize] - 2.0 * neigh_w[ci];
            rw[ci] += kv;
            rn[ci] += 1;
            rw[own as usize] = 0.0;
            rn[own as usize] = 0;
            refined[v as usize] = chosen;
        }
        for &r in &touched {
            neigh_w[r as usize] = 0.0;
            seen[r as usize] = false;
        }
        touched.clear();
    }
    refined
}

/// The graph of the `k` groups of `groups` (ids 0..k): node weights summed,
/// edges between groups summed, edges inside a group dropped.
fn aggregate(g: &Level, groups: &[u32], k: usize) -> Level {
    let n = g.n();
    let mut start = vec![0usize; k + 1];
    for &c in groups {
        start[c as usize + 1] += 1;
    }
    for i in 0..k {
        start[i + 1] += start[i];
    }
    let mut fill = start[..k].to_vec();
    let mut members = vec![0u32; n];
    for (v, &c) in groups.iter().enumerate() {
        let c = c as usize;
        members[fill[c]] = v as u32;
        fill[c] += 1;
    }
    let mut node_w = vec![0f64; k];
    let mut offsets = vec![0usize; k + 1];
    let mut targets = Vec::new();
    let mut weights = Vec::new();
    let mut acc = vec![0f64; k];
    let mut seen = vec![false; k];
    let mut touched: Vec<u32> = Vec::new();
    for c in 0..k {
        for &v in &members[start[c]..start[c + 1]] {
            node_w[c] += g.node_w[v as usize];
            for (u, w) in g.arcs(v) {
                let d = groups[u as usize];
                if d as usize == c {
                    continue;
                }
                if !seen[d as usize] {
                    seen[d as usize] = true;
                    touched.push(d);
                }
                acc[d as usize] += w;
            }
        }
        touched.sort_unstable();
        for &d in &touched {
            targets.push(d);
            weights.push(acc[d as usize]);
            acc[d as usize] = 0.0;
            seen[d as usize] = false;
        }
        touched.clear();
        offsets[c + 1] = targets.len();
    }
    Level {
        offsets,
        targets,
        weights,
        node_w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring_of_cliques(k: usize, s: usize) -> Csr {
        let mut e = Vec::new();
        for c in 0..k {
            let b = (c * s) as u32;
            for i in 0..s as u32 {
                for j in i + 1..s as u32 {
                    e.push((b + i, b + j, 1.0));
                }
            }
            e.push((b, (((c + 1) % k) * s) as u32 + 1, 1.0));
        }
        Csr::from_edges(k * s, &e).unwrap()
    }

    /// A ring of 8 five-cliques: the cliques are the optimum (known since
    /// Fortunato & Barthélemy 2007 for modularity at this size).
    #[test]
    fn ring_of_cliques_found() {
        let g = ring_of_cliques(8, 5);
        for seed in 0..5 {
            let p = leiden(
                &g,
                &LeidenOpts {
                    seed,
                    ..Default::default()
                },
            );
            assert_eq!(p.sizes, vec![5; 8], "seed {seed}");
            for c in 0..8 {
                let m = &p.membership[c * 5..c * 5 + 5];
                assert!(m.iter().all(|&x| x == m[0]));
            }
            assert!(p.converged);
        }
    }

    /// CPM at γ above every density puts every node alone; at γ = 0 one
    /// community per connected component.
    #[test]
    fn cpm_extremes() {
        let g = ring_of_cliques(4, 4);
        let alone = leiden(
            &g,
            &LeidenOpts {
                quality: Quality::Cpm,
                resolution: 1.5,
                ..Default::default()
            },
        );
        assert_eq!(alone.sizes, vec![1; 16]);
        let one = leiden(
            &g,
            &LeidenOpts {
                quality: Quality::Cpm,
                resolution: 0.0,
                ..Default::default()
            },
        );
        assert_eq!(one.sizes, vec![16]);
    }

    #[test]
    fn empty_and_isolates() {
        let g = Csr::from_edges(3, &[]).unwrap();
        let p = leiden(&g, &LeidenOpts::default());
        assert_eq!(p.sizes, vec![1, 1, 1]);
        assert_eq!(p.quality, 0.0);
        let g0 = Csr::from_edges(0, &[]).unwrap();
        assert!(leiden(&g0, &LeidenOpts::default()).sizes.is_empty());
    }

    /// Communities of a Leiden partition are connected (the paper's
    /// guarantee), checked by a BFS inside each community.
    #[test]
    fn communities_connected() {
        let g = ring_of_cliques(6, 4);
        let p = leiden(&g, &LeidenOpts::default());
        for c in 0..p.sizes.len() as u32 {
            let nodes: Vec<u32> = (0..g.n() as u32)
                .filter(|&v| p.membership[v as usize] == c)
                .collect();
            let mut seen = vec![false; g.n()];
            let mut st = vec![nodes[0]];
            seen[nodes[0] as usize] = true;
            let mut k = 0;
            while let Some(v) = st.pop() {
                k += 1;
                for &u in g.neighbors(v) {
                    if p.membership[u as usize] == c && !seen[u as usize] {
                        seen[u as usize] = true;
                        st.push(u);
                    }
                }
            }
            assert_eq!(k, nodes.len());
        }
    }
}
