//! Batched Brandes: the dependency accumulation of Brandes (2001) for up to
//! [`BATCH`] sources at once over the CSR, unweighted.
//!
//! Forward, the sources share one level-synchronous frontier: every node
//! holds a bit mask of the sources that reach it at the current level (as
//! in the multi-source BFS of Then et al., PVLDB 2014), and one pass over
//! the arcs advances all of them, top-down or bottom-up (Beamer et al.,
//! SC 2012) whichever examines fewer arcs. Path counts σ are kept per lane;
//! an arc u → v carries σ_i(u) into σ_i(v) for exactly the lanes i in
//! `mask(u) ∧ ¬seen(v)`, so arcs that lie on no shortest-path DAG cost one
//! AND for the whole batch instead of one test per source.
//!
//! Backward, levels are walked deepest first and each node *pulls* from its
//! successors: δ_i(v) = σ_i(v) · Σ_{w ∈ N(v), level_i(w) = level_i(v)+1}
//! c_i(w) with c_i(w) = (1 + δ_i(w))/σ_i(w), the successors taken in CSR
//! order. The arc v → w carries σ_i(v)·c_i(w) of edge dependency.
//!
//! σ are integers (exact in f64 below 2^53), so they do not depend on the
//! order of the forward pass. The order of the dependency sums is fixed by
//! the CSR and the lane order, so the result does not depend on the thread
//! count; it differs from the one-source-at-a-time kernel (which sums in
//! reverse BFS order) only in the last bits.

use crate::view::Csr;
use std::ops::Range;

/// Sources per batch (lanes of one `u64`).
pub(crate) const BATCH: usize = 64;

/// Per-worker scratch of one batch.
pub(crate) struct Batched {
    seen: Vec<u64>,
    /// Mask of the lanes for which a node is on the current level.
    front: Vec<u64>,
    next: Vec<u64>,
    /// σ, lane-major per node: `sigma[v * BATCH + i]`.
    sigma: Vec<f64>,
    /// Σ c of successors during the backward pass, then δ, then c.
    delta: Vec<f64>,
    /// (node, lane mask) of every level, flat; level d is
    /// `levels[lstart[d]..lstart[d + 1]]`.
    levels: Vec<(u32, u64)>,
    lstart: Vec<usize>,
    /// Nodes touched by the current top-down step.
    touched: Vec<u32>,
    /// Nodes reached per lane, the source included.
    pub reached: [u64; BATCH],
    /// Hop distance per node and lane (`dist[v * BATCH + i]`, `u32::MAX`
    /// unreached); kept only when built by [`Batched::with_dist`].
    dist: Vec<u32>,
}

#[inline]
fn lanes(mut m: u64, mut f: impl FnMut(usize)) {
    while m != 0 {
        f(m.trailing_zeros() as usize);
        m &= m - 1;
    }
}

impl Batched {
    pub(crate) fn new(n: usize) -> Batched {
        Batched {
            seen: vec![0; n],
            front: vec![0; n],
            next: vec![0; n],
            sigma: vec![0.0; n * BATCH],
            delta: vec![0.0; n * BATCH],
            levels: Vec::with_capacity(n),
            lstart: Vec::new(),
            touched: Vec::with_capacity(n),
            reached: [0; BATCH],
            dist: Vec::new(),
        }
    }

    /// Scratch that also records per-lane distances (for path sampling).
    pub(crate) fn with_dist(n: usize) -> Batched {
        Batched {
            dist: vec![u32::MAX; n * BATCH],
            ..Batched::new(n)
        }
    }

    /// σ of node `v` in lane `i` after [`Batched::forward`].
    #[inline]
    pub(crate) fn sigma(&self, v: u32, i: usize) -> f64 {
        self.sigma[v as usize * BATCH + i]
    }

    /// Hop distance of `v` in lane `i` after [`Batched::forward`] on
    /// scratch built [`Batched::with_dist`] (`u32::MAX`: unreached).
    #[inline]
    pub(crate) fn dist(&self, v: u32, i: usize) -> u32 {
        self.dist[v as usize * BATCH + i]
    }

    /// Dependencies of the sources `src` (distinct, at most [`BATCH`]):
    /// adds `mult[i]`·δ_{src[i]}(v) to `node[v]` for v ≠ src[i], and, with
    /// `arcs`, the dependency of every arc. Sets `reached`.
    pub(crate) fn run(
        &mut self,
        g: &Csr,
        src: &[u32],
        mult: &[f64],
        node: &mut [f64],
        arcs: Option<&mut [f64]>,
        span: Range<usize>,
    ) {
        self.forward(g, src, span);
        self.backward(g, mult, node, arcs);
    }

    /// Zero σ and δ (and reset distances) of the (node, lane) pairs the
    /// previous batch reached, which are exactly those in `levels`: the
    /// rest are still zero, so a batch costs what it reaches, not n·64.
    fn clear_rows(&mut self) {
        let keep_dist = !self.dist.is_empty();
        for &(v, m) in &self.levels {
            let base = v as usize * BATCH;
            lanes(m, |i| {
                self.sigma[base + i] = 0.0;
                self.delta[base + i] = 0.0;
                if keep_dist {
                    self.dist[base + i] = u32::MAX;
                }
            });
        }
        self.levels.clear();
    }

    /// The forward pass alone: levels, σ and `reached` of every lane.
    pub(crate) fn forward(&mut self, g: &Csr, src: &[u32], span: Range<usize>) {
        self.forward_until(g, src, &[], span);
    }

    /// [`Batched::forward`], stopping after the first level at which every
    /// `(node, lane)` of `targets` has been reached (or when nothing more
    /// is reachable). Levels, σ and distances up to that level are final,
    /// which is all a path ending at a target needs; deeper nodes are not
    /// visited and `reached` counts only what was visited.
    ///
    /// `span` holds every node reachable from `src` and every target (a
    /// union of whole components, see `paths::locality`): nodes outside it
    /// are neither read nor reset, so a batch in one of many components
    /// costs that component only.
    pub(crate) fn forward_until(
        &mut self,
        g: &Csr,
        src: &[u32],
        targets: &[(u32, usize)],
        span: Range<usize>,
    ) {
        let k = src.len();
        debug_assert!(k <= BATCH);
        let unused = if k == BATCH { 0 } else { !((1u64 << k) - 1) };
        self.seen[span.clone()].fill(unused);
        self.clear_rows();
        self.lstart.clear();
        self.lstart.push(0);
        self.reached = [0; BATCH];
        let keep_dist = !self.dist.is_empty();
        for (i, &s) in src.iter().enumerate() {
            if keep_dist {
                self.dist[s as usize * BATCH + i] = 0;
            }
            self.seen[s as usize] |= 1 << i;
            self.sigma[s as usize * BATCH + i] = 1.0;
            self.levels.push((s, 1 << i));
            self.reached[i] = 1;
        }
        self.lstart.push(self.levels.len());
        // Σ deg over nodes some lane has not reached yet
        let mut unseen_arcs: usize = span
            .clone()
            .filter(|&v| self.seen[v] != u64::MAX)
            .map(|v| g.degree(v as u32))
            .sum();
        let mut d = 0;
        while self.lstart[d] < self.lstart[d + 1] {
            let (a, b) = (self.lstart[d], self.lstart[d + 1]);
            let mut frontier_arcs = 0;
            for &(u, m) in &self.levels[a..b] {
                self.front[u as usize] |= m;
                frontier_arcs += g.degree(u);
            }
            self.touched.clear();
            if frontier_arcs <= unseen_arcs {
                for &(u, _) in &self.levels[a..b] {
                    let mu = self.front[u as usize];
                    let su = u as usize * BATCH;
                    for &v in g.neighbors(u) {
                        let vu = v as usize;
                        let m = mu & !self.seen[vu];
                        if m == 0 {
                            continue;
                        }
                        if self.next[vu] == 0 {
                            self.touched.push(v);
                        }
                        self.next[vu] |= m;
                        let sv = vu * BATCH;
                        lanes(m, |i| self.sigma[sv + i] += self.sigma[su + i]);
                    }
                }
            } else {
                for vu in span.clone() {
                    let v = vu as u32;
                    let seen = self.seen[vu];
                    if seen == u64::MAX {
                        continue;
                    }
                    let sv = vu * BATCH;
                    let mut acc = 0;
                    for &u in g.neighbors(v) {
                        let m = self.front[u as usize] & !seen;
                        if m != 0 {
                            acc |= m;
                            let su = u as usize * BATCH;
                            lanes(m, |i| self.sigma[sv + i] += self.sigma[su + i]);
                        }
                    }
                    if acc != 0 {
                        self.next[vu] = acc;
                        self.touched.push(v);
                    }
                }
            }
            for &(u, _) in &self.levels[a..b] {
                self.front[u as usize] = 0;
            }
            for &v in &self.touched {
                let vu = v as usize;
                let m = self.next[vu];
                self.next[vu] = 0;
                self.seen[vu] |= m;
                if self.seen[vu] == u64::MAX {
                    unseen_arcs -= g.degree(v);
                }
                lanes(m, |i| self.reached[i] += 1);
                if keep_dist {
                    let level = d as u32 + 1;
                    lanes(m, |i| self.dist[vu * BATCH + i] = level);
                }
                self.levels.push((v, m));
            }
            self.lstart.push(self.levels.len());
            d += 1;
            if !targets.is_empty()
                && targets
                    .iter()
                    .all(|&(v, i)| self.seen[v as usize] & (1 << i) != 0)
            {
                break;
            }
        }
    }

    fn backward(&mut self, g: &Csr, mult: &[f64], node: &mut [f64], mut arcs: Option<&mut [f64]>) {
        // levels 0..depth are non-empty (the forward pass ran to the end)
        let depth = self.lstart.len() - 2;
        for d in (1..depth).rev() {
            // level d is final: credit δ, turn it into c = (1 + δ)/σ, and
            // mark the level for the pulls of level d − 1
            for &(w, m) in &self.levels[self.lstart[d]..self.lstart[d + 1]] {
                let base = w as usize * BATCH;
                let mut add = 0.0;
                lanes(m, |i| {
                    let delta = self.delta[base + i];
                    add += mult[i] * delta;
                    self.delta[base + i] = (1.0 + delta) / self.sigma[base + i];
                });
                node[w as usize] += add;
                self.front[w as usize] = m;
            }
            for &(v, m) in &self.levels[self.lstart[d - 1]..self.lstart[d]] {
                let vb = v as usize * BATCH;
                let (a, b) = g.range(v);
                for arc in a..b {
                    let w = g.targets[arc];
                    let mw = m & self.front[w as usize];
                    if mw == 0 {
                        continue;
                    }
                    let wb = w as usize * BATCH;
                    match arcs.as_deref_mut() {
                        None => lanes(mw, |i| self.delta[vb + i] += self.delta[wb + i]),
                        Some(e) => {
                            let mut x = 0.0;
                            lanes(mw, |i| {
                                let c = self.delta[wb + i];
                                self.delta[vb + i] += c;
                                x += self.sigma[vb + i] * c;
                            });
                            e[arc] += x;
                        }
                    }
                }
                lanes(m, |i| self.delta[vb + i] *= self.sigma[vb + i]);
            }
            for &(w, _) in &self.levels[self.lstart[d]..self.lstart[d + 1]] {
                self.front[w as usize] = 0;
            }
        }
    }
}
