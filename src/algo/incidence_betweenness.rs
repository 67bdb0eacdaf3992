//! Exact unweighted betweenness over the group incidence.
//!
//! A projected collaboration graph is a union of cliques (events, projects)
//! plus ties (cliques of two). A BFS can walk groups instead of the
//! clique-expanded edges: a group is *opened* at level d when its first
//! member is reached at level d; its unreached members then get level d+1.
//! Each group costs O(size) per source instead of O(size²).
//!
//! Path counts: σ(w) = Σ_{g ∋ w opened at d} S_g − Σ_{v ∈ C(w), level d} (k_vw − 1)·σ(v),
//! where S_g = Σ σ over g's members at level d, and C(w) lists the
//! neighbours w shares k_vw ≥ 2 groups with (`Incidence::corrections_of`):
//! without the correction, v would count once per shared group.
//! Dependencies mirror it: with c(w) = (1 + δ(w))/σ(w) and
//! T_g = Σ_{w ∈ g, level d+1} c(w),
//! δ(v) = σ(v)·(Σ_{g ∋ v opened at d} T_g − Σ_{w ∈ C(v), level d+1} (k_vw − 1)·c(w)).

use super::betweenness::node_scale;
use super::par::sum_over_sources;
use crate::view::Incidence;

const UNSEEN: u32 = u32::MAX;

/// Per-worker scratch of the incidence BFS.
pub(crate) struct IncScratch {
    pub level: Vec<u32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    coef: Vec<f64>,
    /// Nodes in BFS order.
    pub order: Vec<u32>,
    /// Start of each level in `order`.
    pub lstart: Vec<usize>,
    gopen: Vec<u32>,
    gsum: Vec<f64>,
    opened: Vec<u32>,
    gstart: Vec<usize>,
}

impl IncScratch {
    pub(crate) fn new(inc: &Incidence, n: usize) -> IncScratch {
        let ng = inc.groups();
        IncScratch {
            level: vec![UNSEEN; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            coef: vec![0.0; n],
            order: Vec::with_capacity(n),
            lstart: Vec::new(),
            gopen: vec![UNSEEN; ng],
            gsum: vec![0.0; ng],
            opened: Vec::with_capacity(ng),
            gstart: Vec::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            self.level[v as usize] = UNSEEN;
            self.sigma[v as usize] = 0.0;
            self.delta[v as usize] = 0.0;
        }
        for &g in &self.opened {
            self.gopen[g as usize] = UNSEEN;
        }
        self.order.clear();
        self.opened.clear();
        self.lstart.clear();
        self.gstart.clear();
    }

    /// BFS levels only (no path counts): for closeness and harmonic.
    pub(crate) fn levels(&mut self, inc: &Incidence, s: u32) {
        self.reset();
        self.level[s as usize] = 0;
        self.order.push(s);
        self.lstart.extend([0, 1]);
        let mut d = 0;
        while self.lstart[d] < self.lstart[d + 1] {
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                for &g in inc.groups_of(v) {
                    if self.gopen[g as usize] == UNSEEN {
                        self.gopen[g as usize] = d as u32;
                        self.opened.push(g);
                        for &u in inc.members(g) {
                            if self.level[u as usize] == UNSEEN {
                                self.level[u as usize] = d as u32 + 1;
                                self.order.push(u);
                            }
                        }
                    }
                }
            }
            self.lstart.push(self.order.len());
            d += 1;
        }
    }

    /// Forward pass with path counts.
    fn forward(&mut self, inc: &Incidence, s: u32) {
        self.reset();
        self.level[s as usize] = 0;
        self.sigma[s as usize] = 1.0;
        self.order.push(s);
        self.lstart.extend([0, 1]);
        self.gstart.push(0);
        let mut d = 0usize;
        while self.lstart[d] < self.lstart[d + 1] {
            let du = d as u32;
            // node → group: open groups, sum σ of their level-d members
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                let sv = self.sigma[v as usize];
                for &g in inc.groups_of(v) {
                    let gu = g as usize;
                    if self.gopen[gu] == UNSEEN {
                        self.gopen[gu] = du;
                        self.gsum[gu] = sv;
                        self.opened.push(g);
                    } else if self.gopen[gu] == du {
                        self.gsum[gu] += sv;
                    }
                }
            }
            let (ga, gb) = (self.gstart[d], self.opened.len());
            self.gstart.push(gb);
            // group → node: next level and its path counts
            for gi in ga..gb {
                let g = self.opened[gi];
                let sg = self.gsum[g as usize];
                for &u in inc.members(g) {
                    let uu = u as usize;
                    if self.level[uu] == UNSEEN {
                        self.level[uu] = du + 1;
                        self.order.push(u);
                    }
                    if self.level[uu] == du + 1 {
                        self.sigma[uu] += sg;
                    }
                }
            }
            // pairs sharing k ≥ 2 groups were counted k times
            for i in self.lstart[d + 1]..self.order.len() {
                let w = self.order[i] as usize;
                let mut sub = 0.0;
                for (v, k) in inc.corrections_of(w as u32) {
                    if self.level[v as usize] == du {
                        sub += k as f64 * self.sigma[v as usize];
                    }
                }
                self.sigma[w] -= sub;
            }
            self.lstart.push(self.order.len());
            d += 1;
        }
    }

    /// Backward pass: δ of every reached node.
    fn backward(&mut self, inc: &Incidence) {
        let depth = self.lstart.len() - 2; // levels 0..depth are non-empty
        for d in (0..depth).rev() {
            let du = d as u32;
            for i in self.lstart[d + 1]..self.lstart[d + 2] {
                let w = self.order[i] as usize;
                self.coef[w] = (1.0 + self.delta[w]) / self.sigma[w];
            }
            for gi in self.gstart[d]..self.gstart[d + 1] {
                let g = self.opened[gi];
                let mut t = 0.0;
                for &u in inc.members(g) {
                    if self.level[u as usize] == du + 1 {
                        t += self.coef[u as usize];
                    }
                }
                self.gsum[g as usize] = t;
            }
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                let mut acc = 0.0;
                for &g in inc.groups_of(v) {
                    if self.gopen[g as usize] == du {
                        acc += self.gsum[g as usize];
                    }
                }
                for (w, k) in inc.corrections_of(v) {
                    if self.level[w as usize] == du + 1 {
                        acc -= k as f64 * self.coef[w as usize];
                    }
                }
                self.delta[v as usize] = self.sigma[v as usize] * acc;
            }
        }
    }
}

/// Exact unweighted betweenness of the `n` view nodes over the group
/// incidence; same definition and normalisation as
/// [`betweenness`](super::betweenness) (NetworkX `normalized=True`).
///
/// Time O(n·(2·Σ|g| + corrections)), i.e. O(n · `inc.cost()`); scratch
/// O(n + groups) per worker. Same bits for any thread count.
pub fn betweenness_incidence(inc: &Incidence, n: usize) -> Vec<f64> {
    let raw = sum_over_sources(
        n,
        n,
        || IncScratch::new(inc, n),
        |sc, s, acc| {
            sc.forward(inc, s as u32);
            sc.backward(inc);
            for &v in &sc.order[1..] {
                acc[v as usize] += sc.delta[v as usize];
            }
        },
    );
    let k = node_scale(n);
    raw.into_iter().map(|x| x * k).collect()
}
