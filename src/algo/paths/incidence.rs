//! BFS over the group incidence (levels only, or with path counts and
//! the Brandes dependency pass).
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

use crate::view::Incidence;

const UNSEEN: u32 = u32::MAX;

/// Per-node state, kept together so that one cache line serves both.
#[derive(Clone, Copy)]
struct NodeState {
    /// σ during the forward pass; c = (1 + δ)/σ once the backward pass
    /// has passed the node's level.
    val: f64,
    level: u32,
}

/// Per-group state.
#[derive(Clone, Copy)]
struct GroupState {
    /// S_g (forward) or T_g (backward).
    sum: f64,
    /// Level the group was opened at.
    open: u32,
}

/// Per-worker scratch of the incidence BFS.
pub(crate) struct IncScratch {
    node: Vec<NodeState>,
    /// Nodes in BFS order.
    pub order: Vec<u32>,
    /// Start of each level in `order`.
    pub lstart: Vec<usize>,
    group: Vec<GroupState>,
    opened: Vec<u32>,
    gstart: Vec<usize>,
    /// Groups each node opened or fed at its own level (the groups through
    /// which it is a parent), flat, by position in `order`.
    parent_of: Vec<u32>,
    parent_start: Vec<u32>,
    /// Members at level d+1 of each group opened at level d, flat, by
    /// position in `opened`.
    child: Vec<u32>,
    child_start: Vec<u32>,
}

impl IncScratch {
    pub(crate) fn new(inc: &Incidence, n: usize) -> IncScratch {
        let ng = inc.groups();
        IncScratch {
            node: vec![
                NodeState {
                    val: 0.0,
                    level: UNSEEN
                };
                n
            ],
            order: Vec::with_capacity(n),
            lstart: Vec::new(),
            group: vec![
                GroupState {
                    sum: 0.0,
                    open: UNSEEN
                };
                ng
            ],
            opened: Vec::with_capacity(ng),
            gstart: Vec::new(),
            parent_of: Vec::with_capacity(inc.group_members.len()),
            parent_start: Vec::with_capacity(n + 1),
            child: Vec::with_capacity(inc.group_members.len()),
            child_start: Vec::with_capacity(ng + 1),
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            self.node[v as usize] = NodeState {
                val: 0.0,
                level: UNSEEN,
            };
        }
        for &g in &self.opened {
            self.group[g as usize].open = UNSEEN;
        }
        self.order.clear();
        self.opened.clear();
        self.lstart.clear();
        self.gstart.clear();
        self.parent_of.clear();
        self.parent_start.clear();
        self.child.clear();
        self.child_start.clear();
    }

    /// BFS levels only (no path counts): for closeness and harmonic.
    pub(crate) fn levels(&mut self, inc: &Incidence, s: u32) {
        self.reset();
        self.node[s as usize].level = 0;
        self.order.push(s);
        self.lstart.extend([0, 1]);
        let mut d = 0;
        while self.lstart[d] < self.lstart[d + 1] {
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                for &g in inc.groups_of(v) {
                    let gs = &mut self.group[g as usize];
                    if gs.open == UNSEEN {
                        gs.open = d as u32;
                        self.opened.push(g);
                        for &u in inc.members(g) {
                            let ns = &mut self.node[u as usize];
                            if ns.level == UNSEEN {
                                ns.level = d as u32 + 1;
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
    pub(crate) fn forward(&mut self, inc: &Incidence, s: u32) {
        self.reset();
        self.node[s as usize] = NodeState { val: 1.0, level: 0 };
        self.order.push(s);
        self.lstart.extend([0, 1]);
        self.gstart.push(0);
        let mut d = 0usize;
        while self.lstart[d] < self.lstart[d + 1] {
            let du = d as u32;
            // node → group: open groups, sum σ of their level-d members
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                let sv = self.node[v as usize].val;
                self.parent_start.push(self.parent_of.len() as u32);
                for &g in inc.groups_of(v) {
                    let gs = &mut self.group[g as usize];
                    if gs.open == UNSEEN {
                        gs.open = du;
                        gs.sum = sv;
                        self.opened.push(g);
                        self.parent_of.push(g);
                    } else if gs.open == du {
                        gs.sum += sv;
                        self.parent_of.push(g);
                    }
                }
            }
            let (ga, gb) = (self.gstart[d], self.opened.len());
            self.gstart.push(gb);
            // group → node: next level and its path counts
            for gi in ga..gb {
                let g = self.opened[gi];
                let sg = self.group[g as usize].sum;
                self.child_start.push(self.child.len() as u32);
                for &u in inc.members(g) {
                    let ns = &mut self.node[u as usize];
                    if ns.level == UNSEEN {
                        ns.level = du + 1;
                        self.order.push(u);
                    }
                    if ns.level == du + 1 {
                        ns.val += sg;
                        self.child.push(u);
                    }
                }
            }
            // pairs sharing k ≥ 2 groups were counted k times
            for i in self.lstart[d + 1]..self.order.len() {
                let w = self.order[i];
                let mut sub = 0.0;
                for (v, k) in inc.corrections_of(w) {
                    let nv = self.node[v as usize];
                    if nv.level == du {
                        sub += k as f64 * nv.val;
                    }
                }
                self.node[w as usize].val -= sub;
            }
            self.lstart.push(self.order.len());
            d += 1;
        }
        self.parent_start.push(self.parent_of.len() as u32);
        self.child_start.push(self.child.len() as u32);
    }

    /// Backward pass: adds δ_s(v) to `acc[v]` for every reached v ≠ s.
    pub(crate) fn backward(&mut self, inc: &Incidence, acc: &mut [f64], mult: f64) {
        let depth = self.lstart.len() - 2; // levels 0..depth are non-empty
        // deepest level: δ = 0, c = 1/σ
        for i in self.lstart[depth - 1]..self.lstart[depth] {
            let ns = &mut self.node[self.order[i] as usize];
            ns.val = 1.0 / ns.val;
        }
        for d in (0..depth - 1).rev() {
            let du = d as u32;
            for gi in self.gstart[d]..self.gstart[d + 1] {
                let g = self.opened[gi];
                let mut t = 0.0;
                let (a, b) = (
                    self.child_start[gi] as usize,
                    self.child_start[gi + 1] as usize,
                );
                for &u in &self.child[a..b] {
                    t += self.node[u as usize].val;
                }
                self.group[g as usize].sum = t;
            }
            for i in self.lstart[d]..self.lstart[d + 1] {
                let v = self.order[i];
                let mut a = 0.0;
                let (pa, pb) = (
                    self.parent_start[i] as usize,
                    self.parent_start[i + 1] as usize,
                );
                for &g in &self.parent_of[pa..pb] {
                    a += self.group[g as usize].sum;
                }
                for (w, k) in inc.corrections_of(v) {
                    let nw = self.node[w as usize];
                    if nw.level == du + 1 {
                        a -= k as f64 * nw.val;
                    }
                }
                let ns = &mut self.node[v as usize];
                let delta = ns.val * a;
                if d > 0 {
                    acc[v as usize] += mult * delta;
                }
                ns.val = (1.0 + delta) / ns.val;
            }
        }
    }
}

/// A copy of `inc` with nodes and groups renumbered in the order a BFS over
/// the node–group incidence meets them (from each unvisited node in index
/// order), and the new label of each old node.
pub(crate) fn relabel(inc: &Incidence, n: usize) -> (Incidence, Vec<u32>) {
    let ng = inc.groups();
    let mut new_of = vec![u32::MAX; n];
    let mut gnew = vec![u32::MAX; ng];
    let mut nodes: Vec<u32> = Vec::with_capacity(n);
    let mut groups: Vec<u32> = Vec::with_capacity(ng);
    for root in 0..n as u32 {
        if new_of[root as usize] != u32::MAX {
            continue;
        }
        new_of[root as usize] = nodes.len() as u32;
        nodes.push(root);
        let mut head = nodes.len() - 1;
        while head < nodes.len() {
            let v = nodes[head];
            head += 1;
            for &gr in inc.groups_of(v) {
                if gnew[gr as usize] == u32::MAX {
                    gnew[gr as usize] = groups.len() as u32;
                    groups.push(gr);
                    for &u in inc.members(gr) {
                        if new_of[u as usize] == u32::MAX {
                            new_of[u as usize] = nodes.len() as u32;
                            nodes.push(u);
                        }
                    }
                }
            }
        }
    }
    let mut group_offsets = Vec::with_capacity(ng + 1);
    let mut group_members = Vec::with_capacity(inc.group_members.len());
    group_offsets.push(0u32);
    for &gr in &groups {
        group_members.extend(inc.members(gr).iter().map(|&u| new_of[u as usize]));
        group_offsets.push(group_members.len() as u32);
    }
    let mut node_offsets = Vec::with_capacity(n + 1);
    let mut node_groups = Vec::with_capacity(inc.node_groups.len());
    let mut corr_offsets = Vec::with_capacity(n + 1);
    let mut corr_targets = Vec::with_capacity(inc.corr_targets.len());
    let mut corr_extra = Vec::with_capacity(inc.corr_extra.len());
    node_offsets.push(0u32);
    corr_offsets.push(0u32);
    for &v in &nodes {
        let start = node_groups.len();
        node_groups.extend(inc.groups_of(v).iter().map(|&gr| gnew[gr as usize]));
        node_groups[start..].sort_unstable();
        node_offsets.push(node_groups.len() as u32);
        let mut c: Vec<(u32, u32)> = inc
            .corrections_of(v)
            .map(|(w, k)| (new_of[w as usize], k))
            .collect();
        c.sort_unstable();
        for (w, k) in c {
            corr_targets.push(w);
            corr_extra.push(k);
        }
        corr_offsets.push(corr_targets.len() as u32);
    }
    (
        Incidence {
            group_offsets,
            group_members,
            node_offsets,
            node_groups,
            corr_offsets,
            corr_targets,
            corr_extra,
        },
        new_of,
    )
}
