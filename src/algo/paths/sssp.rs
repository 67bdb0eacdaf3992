//! Single-source shortest paths with path counts and predecessors, the
//! shared first half of Brandes' algorithm (BFS or Dijkstra), with scratch
//! that is allocated once per worker and reset per source in O(reached).

use crate::view::Csr;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// Relative tolerance under which two weighted path lengths count as equal.
///
/// Weighted lengths are sums of `1/weight`; mathematically equal sums (e.g.
/// 1/2 + 1/6 and 1/3 + 1/3) can differ in the last bits. Lengths `a`, `b`
/// are tied when `|a − b| ≤ 1e-12 · max(a, b)`.
pub const PATH_TOL: f64 = 1e-12;

/// Whether two path lengths are equal within [`PATH_TOL`].
#[inline]
pub(crate) fn same_len(a: f64, b: f64) -> bool {
    if a.is_finite() && b.is_finite() {
        (a - b).abs() <= PATH_TOL * a.max(b)
    } else {
        a == b
    }
}

/// Edge lengths for weighted paths: `1/weight`, or infinity (arc unusable)
/// for a weight that is not positive and finite.
pub(crate) fn lengths(g: &Csr) -> Vec<f64> {
    g.weights
        .iter()
        .map(|&w| {
            if w > 0.0 && w.is_finite() {
                1.0 / w
            } else {
                f64::INFINITY
            }
        })
        .collect()
}

const UNSEEN: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq)]
struct Key(f64, u32);
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Key {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0.total_cmp(&o.0).then(self.1.cmp(&o.1))
    }
}

/// Per-worker scratch for one source at a time.
pub(crate) struct Sssp {
    /// Hop level (BFS) or settle flag (Dijkstra: `UNSEEN` until reached).
    pub level: Vec<u32>,
    /// Distance (weighted) or level as f64 (BFS).
    pub dist: Vec<f64>,
    /// Number of shortest paths from the source.
    pub sigma: Vec<f64>,
    /// Dependency of the source on each node.
    pub delta: Vec<f64>,
    /// Nodes in non-decreasing distance order.
    pub order: Vec<u32>,
    /// Predecessor count of each node.
    pub npred: Vec<u32>,
    /// Predecessor nodes, in slots `offsets[w]..` of node `w`.
    pub pred: Vec<u32>,
    /// Arc index (v → w) of each predecessor entry.
    pub pred_arc: Vec<u32>,
    settled: Vec<bool>,
    heap: BinaryHeap<Reverse<Key>>,
    /// Whether σ and predecessors are kept (false: distances only).
    paths: bool,
}

impl Sssp {
    pub(crate) fn new(g: &Csr) -> Sssp {
        let n = g.n();
        Sssp {
            level: vec![UNSEEN; n],
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            npred: vec![0; n],
            pred: vec![0; g.targets.len()],
            pred_arc: vec![0; g.targets.len()],
            settled: vec![false; n],
            heap: BinaryHeap::new(),
            paths: true,
        }
    }

    /// Scratch for distances and settle order only (no σ, no
    /// predecessors, no per-arc memory): what closeness needs. The
    /// distances, and so the order nodes settle in, are those of
    /// [`Sssp::new`]: the same nodes are pushed in the same order.
    pub(crate) fn distances(g: &Csr) -> Sssp {
        let n = g.n();
        Sssp {
            level: vec![UNSEEN; n],
            dist: vec![f64::INFINITY; n],
            sigma: Vec::new(),
            delta: Vec::new(),
            order: Vec::with_capacity(n),
            npred: Vec::new(),
            pred: Vec::new(),
            pred_arc: Vec::new(),
            settled: vec![false; n],
            heap: BinaryHeap::new(),
            paths: false,
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            let v = v as usize;
            self.level[v] = UNSEEN;
            self.dist[v] = f64::INFINITY;
            self.settled[v] = false;
            if self.paths {
                self.sigma[v] = 0.0;
                self.delta[v] = 0.0;
                self.npred[v] = 0;
            }
        }
        self.order.clear();
        self.heap.clear();
    }

    /// Shortest paths from `s`: BFS when `len` is `None`, else Dijkstra on
    /// the given arc lengths with ties within [`PATH_TOL`].
    pub(crate) fn run(&mut self, g: &Csr, s: u32, len: Option<&[f64]>) {
        self.reset();
        match len {
            None => self.bfs(g, s),
            Some(l) if self.paths => self.dijkstra::<true>(g, s, l),
            Some(l) => self.dijkstra::<false>(g, s, l),
        }
    }

    fn bfs(&mut self, g: &Csr, s: u32) {
        debug_assert!(self.paths, "BFS scratch keeps paths");
        self.level[s as usize] = 0;
        self.dist[s as usize] = 0.0;
        self.sigma[s as usize] = 1.0;
        self.order.push(s);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            let lv = self.level[v as usize];
            let sv = self.sigma[v as usize];
            let (a, b) = g.range(v);
            for arc in a..b {
                let w = g.targets[arc] as usize;
                if self.level[w] == UNSEEN {
                    self.level[w] = lv + 1;
                    self.dist[w] = (lv + 1) as f64;
                    self.order.push(w as u32);
                }
                if self.level[w] == lv + 1 {
                    self.sigma[w] += sv;
                    let slot = g.offsets[w] as usize + self.npred[w] as usize;
                    self.pred[slot] = v;
                    self.pred_arc[slot] = arc as u32;
                    self.npred[w] += 1;
                }
            }
        }
    }

    fn dijkstra<const PATHS: bool>(&mut self, g: &Csr, s: u32, len: &[f64]) {
        let su = s as usize;
        self.dist[su] = 0.0;
        if PATHS {
            self.sigma[su] = 1.0;
        }
        self.level[su] = 0;
        self.heap.push(Reverse(Key(0.0, s)));
        // Every node pushed is eventually popped and settled (lengths are
        // positive and finite), so `order` (settle order) also lists every
        // node touched, for `reset`.
        while let Some(Reverse(Key(d, v))) = self.heap.pop() {
            let vu = v as usize;
            if self.settled[vu] || d > self.dist[vu] {
                continue;
            }
            self.settled[vu] = true;
            self.order.push(v);
            let sv = if PATHS { self.sigma[vu] } else { 0.0 };
            let (a, b) = g.range(v);
            for (arc, &l) in len.iter().enumerate().take(b).skip(a) {
                let w = g.targets[arc] as usize;
                if self.settled[w] {
                    continue;
                }
                let alt = d + l;
                if !alt.is_finite() {
                    continue;
                }
                let dw = self.dist[w];
                let slot0 = g.offsets[w] as usize;
                if self.level[w] == UNSEEN || (alt < dw && !same_len(alt, dw)) {
                    self.level[w] = 1;
                    self.dist[w] = alt;
                    if PATHS {
                        self.sigma[w] = sv;
                        self.pred[slot0] = v;
                        self.pred_arc[slot0] = arc as u32;
                        self.npred[w] = 1;
                    }
                    self.heap.push(Reverse(Key(alt, w as u32)));
                } else if PATHS && same_len(alt, dw) {
                    self.sigma[w] += sv;
                    let slot = slot0 + self.npred[w] as usize;
                    self.pred[slot] = v;
                    self.pred_arc[slot] = arc as u32;
                    self.npred[w] += 1;
                }
            }
        }
    }

    /// Number of nodes reached (including the source).
    pub(crate) fn reached(&self) -> usize {
        self.order.len()
    }

    /// Predecessors of `w` (node, arc v → w).
    #[inline]
    pub(crate) fn preds(&self, g: &Csr, w: u32) -> (&[u32], &[u32]) {
        let a = g.offsets[w as usize] as usize;
        let b = a + self.npred[w as usize] as usize;
        (&self.pred[a..b], &self.pred_arc[a..b])
    }
}
