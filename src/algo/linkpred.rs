//! Link prediction scores for non-adjacent pairs, and top-N partner
//! candidates for one source or many.
//!
//! All methods use the view's topology only (link weights are ignored);
//! N(x) is the set of distinct neighbours of x and k_x = |N(x)|:
//!
//! | method | score(u, v) |
//! | --- | --- |
//! | `resource-allocation` | Σ_{w∈N(u)∩N(v)} 1/k_w (Zhou, Lü & Zhang 2009) |
//! | `adamic-adar` | Σ_{w∈N(u)∩N(v)} 1/ln k_w (Adamic & Adar 2003) |
//! | `jaccard` | \|N(u)∩N(v)\| / \|N(u)∪N(v)\| |
//! | `common-neighbors` | \|N(u)∩N(v)\| |
//! | `katz` | Σ_{l=1}^{L} β^l (A^l)_{uv}, truncated at L = 3, β = 0.05 (walks, as Katz 1953) |
//! | `preferential-attachment` | k_u · k_v |
//!
//! Ranking (top-N) sums the common-neighbour terms in fixed point: each
//! term is rounded once to a multiple of 2^-F, with F chosen per graph so
//! that no sum can overflow 64 bits (F = 52 for a graph whose largest
//! resource-allocation sum is about 1000), and the sums are then exact and
//! independent of the order they are formed in. Candidates whose exact
//! sums are equal therefore tie, and ties break by the caller's rank. The
//! score reported for a ranked candidate is the sum of its terms taken
//! smallest first with compensation, so tied candidates report equal
//! scores; it differs from NetworkX's plain float sum by at most a few
//! ulps.
//!
//! These agree with NetworkX's `resource_allocation_index`,
//! `adamic_adar_index`, `jaccard_coefficient`, `common_neighbors` and
//! `preferential_attachment` on simple graphs. A common neighbour w has
//! k_w ≥ 2, so Adamic–Adar never divides by ln 1 = 0.
//!
//! Candidates for a source s are the nodes v ≠ s not linked to s whose
//! score is > 0 (a zero score carries no evidence, so such nodes are never
//! recommended) and that pass the caller's filter. They are ranked by score
//! descending, then by a caller-given rank (e.g. the actor id order)
//! ascending, so ties break the same way on every run.

use crate::view::{Csr, Incidence};
use rayon::prelude::*;
use serde::Serialize;

/// Katz damping β.
pub const KATZ_BETA: f64 = 0.05;
/// Longest walk Katz counts.
pub const KATZ_MAX_LEN: usize = 3;

crate::names! {
    /// A link prediction method.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Method("method") {
        /// Σ 1/k_w over common neighbours.
        ResourceAllocation = "resource-allocation",
        /// Σ 1/ln k_w over common neighbours.
        AdamicAdar = "adamic-adar",
        /// Common neighbours over the union of neighbourhoods.
        Jaccard = "jaccard",
        /// Number of common neighbours.
        CommonNeighbors = "common-neighbors",
        /// Truncated Katz index (walks of length ≤ 3, β = 0.05).
        Katz = "katz",
        /// Product of degrees.
        PreferentialAttachment = "preferential-attachment",
    }
    aliases { "ra" => ResourceAllocation, "aa" => AdamicAdar, "cn" => CommonNeighbors, "common-neighbours" => CommonNeighbors, "pa" => PreferentialAttachment }
}

impl Method {
    /// Whether the score is a per-pair sum over common neighbours (or,
    /// for Jaccard, computed from their count).
    fn is_neighbor_sum(self) -> bool {
        !matches!(self, Method::PreferentialAttachment | Method::Katz)
    }

    /// Whether the score is a sum over common neighbours (so that the
    /// common neighbours explain it).
    pub fn uses_common_neighbors(self) -> bool {
        !matches!(self, Method::PreferentialAttachment)
    }
}

/// One recommended partner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Candidate {
    /// View node.
    pub node: u32,
    /// Score under the method.
    pub score: f64,
}

impl super::dist::Wire for Candidate {
    fn put(&self, out: &mut Vec<u8>) {
        (self.node, self.score).put(out);
    }
    fn take(inp: &mut &[u8]) -> Option<Candidate> {
        let (node, score) = <(u32, f64)>::take(inp)?;
        Some(Candidate { node, score })
    }
}

/// Per-thread working memory of a [`Predictor`]: O(n).
#[derive(Debug, Clone)]
pub struct Scratch {
    score: Vec<f64>,
    aux: Vec<f64>,
    touched: Vec<u32>,
    mark: Vec<bool>,
    cands: Vec<Candidate>,
    /// Fixed-point sums (lazily sized: nodes, then groups).
    fixed: Vec<u64>,
    group_sum: Vec<u64>,
    groups: Vec<u32>,
    keyed: Vec<(u32, u64)>,
}

impl Scratch {
    /// Scratch for a graph of `n` nodes.
    pub fn new(n: usize) -> Scratch {
        Scratch {
            score: vec![0.0; n],
            aux: vec![0.0; n],
            touched: Vec::new(),
            mark: vec![false; n],
            cands: Vec::new(),
            fixed: Vec::new(),
            group_sum: Vec::new(),
            groups: Vec::new(),
            keyed: Vec::new(),
        }
    }
}

/// A scorer over one graph: the method, the tie-break rank, the
/// fixed-point terms and, for preferential attachment, the nodes by degree.
#[derive(Debug, Clone)]
pub struct Predictor<'a> {
    g: &'a Csr,
    method: Method,
    rank: Vec<u32>,
    by_degree: Vec<u32>,
    /// Fixed-point term of each node as a common neighbour (0 below degree 2).
    term: Vec<u64>,
    cover: Option<Cover<'a>>,
}

/// A clique cover of neighbourhoods: node w's neighbours are the other
/// members of its largest group (a clique of the graph: every pair of its
/// members is linked) plus `rest(w)`, disjoint. A source's shared partners
/// in one group then add their terms to that group once, and the group's
/// members are visited once, instead of once per partner.
#[derive(Debug, Clone)]
struct Cover<'a> {
    inc: &'a Incidence,
    /// Covering group of each node, or `u32::MAX`.
    group: Vec<u32>,
    /// Row starts into `rest`, length n+1.
    offsets: Vec<usize>,
    /// N(w) minus the covering group, per node.
    rest: Vec<u32>,
}

impl<'a> Cover<'a> {
    /// Groups of at least 3 members only (a pair saves nothing). Time
    /// O(Σ group sizes + m), in parallel.
    fn new(g: &Csr, inc: &'a Incidence) -> Cover<'a> {
        let n = g.n();
        let group: Vec<u32> = (0..n as u32)
            .into_par_iter()
            .map(|w| {
                let mut best = (2usize, u32::MAX);
                for &x in inc.groups_of(w) {
                    let k = inc.members(x).len();
                    if k > best.0 {
                        best = (k, x);
                    }
                }
                best.1
            })
            .collect();
        const CHUNK: usize = 4096;
        let parts: Vec<(Vec<usize>, Vec<u32>)> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map_init(
                || vec![false; n],
                |inside, c| {
                    let mut lens = Vec::with_capacity(CHUNK);
                    let mut rest = Vec::new();
                    for w in (c * CHUNK) as u32..((c + 1) * CHUNK).min(n) as u32 {
                        let before = rest.len();
                        match group[w as usize] {
                            u32::MAX => rest.extend_from_slice(g.neighbors(w)),
                            x => {
                                for &v in inc.members(x) {
                                    inside[v as usize] = true;
                                }
                                rest.extend(
                                    g.neighbors(w).iter().filter(|&&v| !inside[v as usize]),
                                );
                                for &v in inc.members(x) {
                                    inside[v as usize] = false;
                                }
                            }
                        }
                        lens.push(rest.len() - before);
                    }
                    (lens, rest)
                },
            )
            .collect();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut rest = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
        for (lens, r) in parts {
            for l in lens {
                offsets.push(offsets[offsets.len() - 1] + l);
            }
            rest.extend_from_slice(&r);
        }
        Cover {
            inc,
            group,
            offsets,
            rest,
        }
    }

    fn rest(&self, w: u32) -> &[u32] {
        &self.rest[self.offsets[w as usize]..self.offsets[w as usize + 1]]
    }
}

impl<'a> Predictor<'a> {
    /// A predictor for `g`. `rank[v]` orders tied candidates (smaller
    /// first); `None` uses the node index. Time O(n log n).
    ///
    /// # Panics
    /// If `rank` is given with a length other than `g.n()`.
    pub fn new(g: &'a Csr, method: Method, rank: Option<&[u32]>) -> Predictor<'a> {
        let n = g.n();
        let rank: Vec<u32> = match rank {
            Some(r) => {
                assert_eq!(r.len(), n, "one rank per node");
                r.to_vec()
            }
            None => (0..n as u32).collect(),
        };
        let mut by_degree: Vec<u32> = Vec::new();
        if method == Method::PreferentialAttachment {
            by_degree = (0..n as u32).filter(|&v| g.degree(v) > 0).collect();
            by_degree.sort_by(|&a, &b| {
                g.degree(b)
                    .cmp(&g.degree(a))
                    .then(rank[a as usize].cmp(&rank[b as usize]))
            });
        }
        let term = fixed_terms(g, method);
        Predictor {
            g,
            method,
            rank,
            by_degree,
            term,
            cover: None,
        }
    }

    /// A predictor for the graph of a view, using its group incidence to
    /// rank faster (see `Cover`); same results as [`Predictor::new`].
    /// `inc` must be the incidence of `g` (every group a clique of `g`).
    pub fn with_incidence(
        g: &'a Csr,
        inc: &'a Incidence,
        method: Method,
        rank: Option<&[u32]>,
    ) -> Predictor<'a> {
        let mut p = Predictor::new(g, method, rank);
        if method.is_neighbor_sum() && inc.groups() > 0 {
            p.cover = Some(Cover::new(g, inc));
        }
        p
    }

    /// The method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// Score of one pair (also for linked pairs; the formula is applied as is).
    ///
    /// Time O(k_u + k_v) for the common-neighbour methods,
    /// O(Σ_{w∈N(u)} k_w) for Katz, O(1) for preferential attachment.
    pub fn pair_score(&self, u: u32, v: u32) -> f64 {
        let g = self.g;
        match self.method {
            Method::PreferentialAttachment => (g.degree(u) * g.degree(v)) as f64,
            Method::Katz => {
                let nv = g.neighbors(v);
                let b = KATZ_BETA;
                let a1 = if g.weight(u, v).is_some() { 1.0 } else { 0.0 };
                let mut a2 = 0.0;
                let mut a3 = 0.0;
                for &w in g.neighbors(u) {
                    // walks u–w–v
                    if nv.binary_search(&w).is_ok() {
                        a2 += 1.0;
                    }
                    // walks u–w–x–v: x ∈ N(w) ∩ N(v)
                    a3 += intersect_count(g.neighbors(w), nv) as f64;
                }
                b * a1 + b * b * a2 + b * b * b * a3
            }
            m => {
                let (nu, nv) = (g.neighbors(u), g.neighbors(v));
                let (mut i, mut j) = (0, 0);
                let mut s = 0.0;
                let mut c = 0usize;
                while i < nu.len() && j < nv.len() {
                    match nu[i].cmp(&nv[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            let w = nu[i];
                            if w != u && w != v {
                                c += 1;
                                s += contribution(m, g.degree(w));
                            }
                            i += 1;
                            j += 1;
                        }
                    }
                }
                match m {
                    Method::Jaccard => {
                        let union = nu.len() + nv.len() - c;
                        if union == 0 {
                            0.0
                        } else {
                            c as f64 / union as f64
                        }
                    }
                    _ => s,
                }
            }
        }
    }

    /// Scores of every node v ≠ s not linked to s with score > 0, in node
    /// order. Preferential attachment lists every such node with k_v > 0.
    ///
    /// Time O(Σ_{w∈N(s)} k_w) for the common-neighbour methods,
    /// O(Σ over the walk-2 frontier of degrees) for Katz, O(n) for
    /// preferential attachment.
    pub fn scores_from(&self, s: u32, sc: &mut Scratch) -> Vec<Candidate> {
        let mut out = Vec::new();
        self.scan(s, sc, |v, score| {
            out.push(Candidate { node: v, score });
            true
        });
        out.sort_by_key(|c| c.node);
        out
    }

    /// The `top` best candidates for `s` among nodes passing `keep`,
    /// ranked by score descending, then rank ascending.
    ///
    /// Time as [`Predictor::scores_from`] plus O(c log top) for c
    /// candidates; preferential attachment scans the nodes by degree and
    /// stops after `top` hits.
    pub fn top(
        &self,
        s: u32,
        top: usize,
        keep: &(impl Fn(u32) -> bool + ?Sized),
        sc: &mut Scratch,
    ) -> Vec<Candidate> {
        self.top_impl(s, top, keep, sc, false)
    }

    /// [`Predictor::top`] plus every candidate whose score ties with the
    /// `top`-th (exactly: same fixed-point sum, same count, same degree
    /// product), so that a caller can order the tie at the cut by other
    /// evidence before cutting. Same order as `top` (score, then rank).
    pub fn top_with_ties(
        &self,
        s: u32,
        top: usize,
        keep: &(impl Fn(u32) -> bool + ?Sized),
        sc: &mut Scratch,
    ) -> Vec<Candidate> {
        self.top_impl(s, top, keep, sc, true)
    }

    fn top_impl(
        &self,
        s: u32,
        top: usize,
        keep: &(impl Fn(u32) -> bool + ?Sized),
        sc: &mut Scratch,
        ties: bool,
    ) -> Vec<Candidate> {
        if top == 0 {
            return Vec::new();
        }
        let g = self.g;
        if self.method == Method::PreferentialAttachment {
            let ks = g.degree(s);
            if ks == 0 {
                return Vec::new();
            }
            for &w in g.neighbors(s) {
                sc.mark[w as usize] = true;
            }
            let mut out: Vec<Candidate> = Vec::with_capacity(top.min(self.by_degree.len()));
            for &v in &self.by_degree {
                if v == s || sc.mark[v as usize] || !keep(v) {
                    continue;
                }
                if out.len() >= top && (!ties || g.degree(v) != g.degree(out[top - 1].node)) {
                    break;
                }
                out.push(Candidate {
                    node: v,
                    score: (ks * g.degree(v)) as f64,
                });
            }
            for &w in g.neighbors(s) {
                sc.mark[w as usize] = false;
            }
            return out;
        }
        if self.method.is_neighbor_sum() {
            return self.top_exact(s, top, keep, sc, ties);
        }
        let mut cands = std::mem::take(&mut sc.cands);
        cands.clear();
        self.scan(s, sc, |v, score| {
            if keep(v) {
                cands.push(Candidate { node: v, score });
            }
            true
        });
        let cmp = |a: &Candidate, b: &Candidate| {
            b.score
                .total_cmp(&a.score)
                .then(self.rank[a.node as usize].cmp(&self.rank[b.node as usize]))
        };
        if cands.len() > top {
            cands.select_nth_unstable_by(top - 1, cmp);
            let mut k = top;
            if ties {
                // move the candidates tied with the cut right after it
                let cut = cands[top - 1].score;
                for i in top..cands.len() {
                    if cands[i].score == cut {
                        cands.swap(k, i);
                        k += 1;
                    }
                }
            }
            cands.truncate(k);
        }
        cands.sort_by(cmp);
        let out = cands.clone();
        sc.cands = cands;
        out
    }

    /// [`Predictor::top`] for the common-neighbour methods: exact
    /// fixed-point sums (see the module docs), ranked by sum (Jaccard: by
    /// the ratio of the exact counts) then rank; the reported score for
    /// resource allocation and Adamic–Adar is the compensated sum of the
    /// terms smallest first (see `sorted_sum`).
    fn top_exact(
        &self,
        s: u32,
        top: usize,
        keep: &(impl Fn(u32) -> bool + ?Sized),
        sc: &mut Scratch,
        ties: bool,
    ) -> Vec<Candidate> {
        let g = self.g;
        let m = self.method;
        let ks = g.degree(s) as u64;
        let mut keyed = std::mem::take(&mut sc.keyed);
        keyed.clear();
        self.scan_exact(s, sc, |v, x| {
            if keep(v) {
                let key = match m {
                    // ratio of exact counts; the bits of a non-negative
                    // float order as the float does
                    Method::Jaccard => (x as f64 / (ks + g.degree(v) as u64 - x) as f64).to_bits(),
                    _ => x,
                };
                keyed.push((v, key));
            }
        });
        let cmp = |a: &(u32, u64), b: &(u32, u64)| {
            b.1.cmp(&a.1)
                .then(self.rank[a.0 as usize].cmp(&self.rank[b.0 as usize]))
        };
        let mut best: &mut [(u32, u64)] = &mut keyed;
        if best.len() > top {
            best.select_nth_unstable_by(top - 1, cmp);
            let mut k = top;
            if ties {
                // move the candidates tied with the cut right after it
                let cut = best[top - 1].1;
                for i in top..best.len() {
                    if best[i].1 == cut {
                        best.swap(k, i);
                        k += 1;
                    }
                }
            }
            best = &mut best[..k];
        }
        best.sort_by(cmp);
        let out = best
            .iter()
            .map(|&(v, key)| Candidate {
                node: v,
                score: match m {
                    Method::Jaccard => f64::from_bits(key),
                    Method::CommonNeighbors => key as f64,
                    _ => self.sorted_sum(s, v, &sc.mark, &mut sc.touched),
                },
            })
            .collect();
        sc.touched.clear();
        sc.keyed = keyed;
        for &w in g.neighbors(s) {
            sc.mark[w as usize] = false;
        }
        sc.mark[s as usize] = false;
        out
    }

    /// The score of a ranked pair for resource allocation and Adamic–Adar:
    /// the terms of the common neighbours summed smallest first with
    /// Neumaier's compensation, so that the result depends only on the
    /// multiset of terms (pairs tied in the ranking report the same score)
    /// and is within an ulp or so of the exact sum. Time O(k_u + k_v + c log c)
    /// for c common neighbours; here with N(u) ∪ {u} marked,
    /// O(min(k_v, k_u log k_v) + c log c).
    fn sorted_sum(&self, u: u32, v: u32, marked: &[bool], degrees: &mut Vec<u32>) -> f64 {
        let g = self.g;
        degrees.clear();
        let (nu, nv) = (g.neighbors(u), g.neighbors(v));
        let log_v = (usize::BITS - nv.len().leading_zeros()) as usize;
        if nu.len() * log_v < nv.len() {
            // few partners of u: look each up in N(v)
            degrees.extend(
                nu.iter()
                    .filter(|w| nv.binary_search(w).is_ok())
                    .map(|&w| g.degree(w) as u32),
            );
        } else {
            degrees.extend(
                nv.iter()
                    .filter(|&&w| w != u && marked[w as usize])
                    .map(|&w| g.degree(w) as u32),
            );
        }
        // the terms decrease with the degree: largest degree first
        degrees.sort_unstable_by(|a, b| b.cmp(a));
        let (mut sum, mut comp) = (0.0f64, 0.0f64);
        for &k in degrees.iter() {
            let x = contribution(self.method, k as usize);
            let y = sum + x;
            comp += if sum.abs() >= x.abs() {
                (sum - y) + x
            } else {
                (x - y) + sum
            };
            sum = y;
        }
        sum + comp
    }

    /// Calls `f(v, sum)` for every node v ≠ s not linked to s with a
    /// positive fixed-point sum of common-neighbour terms (the count, for
    /// common neighbours and Jaccard). Leaves s and its neighbours marked. With a cover, a shared partner w adds
    /// its term to its covering group and to the nodes of `rest(w)`; each
    /// touched group then adds its total to its members (w itself and s
    /// receive terms too, and are skipped as linked). Time O(Σ_{w∈N(s)}
    /// |rest(w)| + Σ touched group sizes) with a cover, O(Σ_{w∈N(s)} k_w)
    /// without; leaves the scratch clean.
    fn scan_exact(&self, s: u32, sc: &mut Scratch, mut f: impl FnMut(u32, u64)) {
        let g = self.g;
        let n = g.n();
        if sc.fixed.len() != n {
            sc.fixed = vec![0; n];
        }
        let ns = g.neighbors(s);
        for &w in ns {
            sc.mark[w as usize] = true;
        }
        sc.mark[s as usize] = true;
        let acc = &mut sc.fixed[..];
        let touched = &mut sc.touched;
        let mut add = |v: u32, c: u64| {
            let x = &mut acc[v as usize];
            if *x == 0 {
                touched.push(v);
            }
            *x += c;
        };
        match &self.cover {
            None => {
                for &w in ns {
                    let c = self.term[w as usize];
                    if c == 0 {
                        continue; // degree 1: its only neighbour is s
                    }
                    for &v in g.neighbors(w) {
                        add(v, c);
                    }
                }
            }
            Some(cov) => {
                if sc.group_sum.len() != cov.inc.groups() {
                    sc.group_sum = vec![0; cov.inc.groups()];
                }
                for &w in ns {
                    let c = self.term[w as usize];
                    if c == 0 {
                        continue;
                    }
                    let x = cov.group[w as usize];
                    if x != u32::MAX {
                        let gs = &mut sc.group_sum[x as usize];
                        if *gs == 0 {
                            sc.groups.push(x);
                        }
                        *gs += c;
                    }
                    for &v in cov.rest(w) {
                        add(v, c);
                    }
                }
                for &x in &sc.groups {
                    let c = std::mem::take(&mut sc.group_sum[x as usize]);
                    for &v in cov.inc.members(x) {
                        add(v, c);
                    }
                }
                sc.groups.clear();
            }
        }
        for &v in &sc.touched {
            let x = std::mem::take(&mut sc.fixed[v as usize]);
            if !sc.mark[v as usize] {
                f(v, x);
            }
        }
        sc.touched.clear();
    }

    /// [`Predictor::top`] for every source, in parallel; results in the
    /// order of `sources`. `keep(s, v)` filters candidate v for source s.
    ///
    /// Sources are computed in an order that keeps sources with shared
    /// partners together (see `locality_order`), so that their
    /// partners' rows are still in cache. Time Σ over sources of the
    /// single-source time; extra space O(n) per worker thread.
    /// Deterministic: each source is computed on its own.
    pub fn top_batch(
        &self,
        sources: &[u32],
        top: usize,
        keep: &(impl Fn(u32, u32) -> bool + Sync + ?Sized),
    ) -> Vec<Vec<Candidate>> {
        self.top_batch_with(sources, top, keep, super::NO_PROGRESS)
    }

    /// [`Predictor::top_batch`], telling `progress` about each finished source.
    pub fn top_batch_with(
        &self,
        sources: &[u32],
        top: usize,
        keep: &(impl Fn(u32, u32) -> bool + Sync + ?Sized),
        progress: super::Progress<'_>,
    ) -> Vec<Vec<Candidate>> {
        self.top_batch_impl(sources, top, keep, progress, false)
    }

    /// [`Predictor::top_with_ties`] for every source (see
    /// [`Predictor::top_batch`]).
    pub fn top_batch_with_ties(
        &self,
        sources: &[u32],
        top: usize,
        keep: &(impl Fn(u32, u32) -> bool + Sync + ?Sized),
        progress: super::Progress<'_>,
    ) -> Vec<Vec<Candidate>> {
        self.top_batch_impl(sources, top, keep, progress, true)
    }

    fn top_batch_impl(
        &self,
        sources: &[u32],
        top: usize,
        keep: &(impl Fn(u32, u32) -> bool + Sync + ?Sized),
        progress: super::Progress<'_>,
        ties: bool,
    ) -> Vec<Vec<Candidate>> {
        let n = self.g.n();
        let order = locality_order(self.g, sources);
        // blocks of 16 sources in locality order (shared among peers if
        // installed; each source's list depends on that source alone)
        let done: Vec<Vec<Candidate>> = super::par::map_blocks(
            order.len().div_ceil(16),
            || Scratch::new(n),
            |sc, b| {
                order[b * 16..((b + 1) * 16).min(order.len())]
                    .iter()
                    .map(|&i| {
                        let s = sources[i as usize];
                        let r = self.top_impl(s, top, &|v| keep(s, v), sc, ties);
                        progress(1);
                        r
                    })
                    .collect()
            },
        )
        .into_iter()
        .flatten()
        .collect();
        let mut out: Vec<Vec<Candidate>> = vec![Vec::new(); sources.len()];
        for (&i, r) in order.iter().zip(done) {
            out[i as usize] = r;
        }
        out
    }

    /// Calls `f(v, score)` for every node v ≠ s not linked to s with
    /// score > 0 (for preferential attachment: k_v > 0), in no particular
    /// order; leaves the scratch clean.
    fn scan(&self, s: u32, sc: &mut Scratch, mut f: impl FnMut(u32, f64) -> bool) {
        let g = self.g;
        let ns = g.neighbors(s);
        for &w in ns {
            sc.mark[w as usize] = true;
        }
        sc.mark[s as usize] = true;
        match self.method {
            Method::PreferentialAttachment => {
                let ks = ns.len();
                if ks > 0 {
                    for v in 0..g.n() as u32 {
                        if !sc.mark[v as usize] && g.degree(v) > 0 {
                            f(v, (ks * g.degree(v)) as f64);
                        }
                    }
                }
            }
            Method::Katz => {
                // x2 = walks of length 2 from s (in `score`), x3 (in `aux`)
                let b = KATZ_BETA;
                for &w in ns {
                    for &v in g.neighbors(w) {
                        if sc.score[v as usize] == 0.0 {
                            sc.touched.push(v);
                        }
                        sc.score[v as usize] += 1.0;
                    }
                }
                // x3 = A·x2; a node may be listed twice (frontier and
                // x3), the second visit finds both sums reset and skips it
                let frontier = sc.touched.len();
                for i in 0..frontier {
                    let u = sc.touched[i];
                    let x2 = sc.score[u as usize];
                    let aux = &mut sc.aux[..];
                    for &v in g.neighbors(u) {
                        let x = &mut aux[v as usize];
                        if *x == 0.0 {
                            sc.touched.push(v);
                        }
                        *x += x2;
                    }
                }
                for i in 0..sc.touched.len() {
                    let v = sc.touched[i];
                    let (x2, x3) = (sc.score[v as usize], sc.aux[v as usize]);
                    sc.score[v as usize] = 0.0;
                    sc.aux[v as usize] = 0.0;
                    if !sc.mark[v as usize] {
                        let s = b * b * x2 + b * b * b * x3;
                        if s > 0.0 {
                            f(v, s);
                        }
                    }
                }
                sc.touched.clear();
            }
            m => {
                // one accumulator per node: Σ contributions (common
                // neighbours for Jaccard); s and its neighbours are
                // accumulated too and skipped when emitting, which keeps the
                // hot loop to one load, compare and store
                let ks = ns.len();
                let acc = &mut sc.score[..];
                for &w in ns {
                    let kw = g.degree(w);
                    if kw < 2 {
                        continue; // its only neighbour is s
                    }
                    let c = contribution(m, kw);
                    for &v in g.neighbors(w) {
                        let x = &mut acc[v as usize];
                        if *x == 0.0 {
                            sc.touched.push(v);
                        }
                        *x += c;
                    }
                }
                for &v in &sc.touched {
                    let x = std::mem::take(&mut acc[v as usize]);
                    if sc.mark[v as usize] {
                        continue;
                    }
                    let score = match m {
                        Method::Jaccard => x / (ks as f64 + g.degree(v) as f64 - x),
                        _ => x,
                    };
                    f(v, score);
                }
                sc.touched.clear();
            }
        }
        for &w in ns {
            sc.mark[w as usize] = false;
        }
        sc.mark[s as usize] = false;
    }
}

/// Positions in `sources`, reordered so that sources sharing neighbours
/// come together: greedily, the first unplaced source, then its unplaced
/// neighbours among the sources (ascending), and so on. Deterministic;
/// time O(n + Σ k_s) over the sources.
fn locality_order(g: &Csr, sources: &[u32]) -> Vec<u32> {
    // node -> positions in `sources` (a node may be listed twice)
    let mut first = vec![u32::MAX; g.n()];
    let mut next = vec![u32::MAX; sources.len()];
    for (i, &s) in sources.iter().enumerate().rev() {
        next[i] = first[s as usize];
        first[s as usize] = i as u32;
    }
    let mut placed = vec![false; sources.len()];
    let mut order = Vec::with_capacity(sources.len());
    let mut head = 0;
    for i in 0..sources.len() {
        if placed[i] {
            continue;
        }
        placed[i] = true;
        order.push(i as u32);
        // breadth-first over the sources from i
        while head < order.len() {
            let s = sources[order[head] as usize];
            head += 1;
            for &w in g.neighbors(s) {
                let mut j = first[w as usize];
                while j != u32::MAX {
                    if !placed[j as usize] {
                        placed[j as usize] = true;
                        order.push(j);
                    }
                    j = next[j as usize];
                }
            }
        }
    }
    order
}

/// Fixed-point term of each node as a common neighbour: 1 for the counting
/// methods; for resource allocation and Adamic–Adar the term rounded to a
/// multiple of 2^-F, with the largest F ≤ 52 such that
/// every sum over one node's neighbours stays below 2^62. Nodes of degree
/// < 2 get 0 (they are never a common neighbour). Time O(m).
fn fixed_terms(g: &Csr, m: Method) -> Vec<u64> {
    let n = g.n() as u32;
    let real = |w: u32| {
        let k = g.degree(w);
        if k < 2 { 0.0 } else { contribution(m, k) }
    };
    match m {
        Method::ResourceAllocation | Method::AdamicAdar => {
            let most = (0..n)
                .into_par_iter()
                .map(|s| g.neighbors(s).iter().map(|&w| real(w)).sum::<f64>())
                .reduce(|| 0.0, f64::max)
                .max(1.0);
            let f = (62.0 - most.log2().ceil() - 1.0).clamp(0.0, 52.0);
            let scale = f.exp2();
            (0..n).map(|w| (real(w) * scale).round() as u64).collect()
        }
        Method::Jaccard | Method::CommonNeighbors => {
            (0..n).map(|w| u64::from(g.degree(w) >= 2)).collect()
        }
        Method::Katz | Method::PreferentialAttachment => Vec::new(),
    }
}

/// What one common neighbour of degree `k` adds to the score.
pub fn contribution(m: Method, k: usize) -> f64 {
    match m {
        Method::ResourceAllocation => 1.0 / k as f64,
        Method::AdamicAdar => 1.0 / (k as f64).ln(),
        _ => 1.0,
    }
}

/// Common neighbours of u and v (excluding u and v), ascending. Time O(k_u + k_v).
pub fn common_neighbors(g: &Csr, u: u32, v: u32) -> Vec<u32> {
    let (nu, nv) = (g.neighbors(u), g.neighbors(v));
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < nu.len() && j < nv.len() {
        match nu[i].cmp(&nv[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if nu[i] != u && nu[i] != v {
                    out.push(nu[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn intersect_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut c) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                i += 1;
                j += 1;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ```text
    ///   1   4
    ///  / \ / \
    /// 0   2   5      3 is linked to 0 and 2; 6 is linked to 5 only
    ///  \ /     \
    ///   3       6
    /// ```
    fn g() -> Csr {
        let e = [(0, 1), (1, 2), (0, 3), (2, 3), (2, 4), (4, 5), (5, 6)];
        Csr::from_pairs(7, &e).unwrap()
    }

    #[test]
    fn hand_scores_from_node_0() {
        let g = g();
        // N(0) = {1, 3}; degrees: 1→2, 2→3, 3→2, 4→2, 5→2, 6→1.
        // Only 2 is at distance 2: common neighbours {1, 3}.
        let mut sc = Scratch::new(7);
        let cases = [
            (Method::CommonNeighbors, 2.0),
            (Method::ResourceAllocation, 0.5 + 0.5),
            (Method::AdamicAdar, 2.0 / 2f64.ln()),
            // |N(0) ∪ N(2)| = |{1,3} ∪ {1,3,4}| = 3
            (Method::Jaccard, 2.0 / 3.0),
        ];
        for (m, want) in cases {
            let p = Predictor::new(&g, m, None);
            let s = p.scores_from(0, &mut sc);
            assert_eq!(s.len(), 1, "{m}");
            assert_eq!(s[0].node, 2);
            assert!((s[0].score - want).abs() < 1e-15, "{m}: {}", s[0].score);
            assert!((p.pair_score(0, 2) - want).abs() < 1e-15, "{m} pair");
        }
        // Katz: walks of length 2 from 0: to 0 (×2), to 2 (×2).
        // length 3: 0→1→2→4 and 0→3→2→4: 2 walks to 4; to 2: 0→1→0→? no
        // (0's neighbours 1,3 are linked to 0 and 2 only), so 2 gets none;
        // to 1: 0–1–0–1, 0–3–0–1, 0–1–2–1, 0–3–2–1 = 4 (linked, excluded).
        let p = Predictor::new(&g, Method::Katz, None);
        let s = p.scores_from(0, &mut sc);
        let b = KATZ_BETA;
        let got: Vec<(u32, f64)> = s.iter().map(|c| (c.node, c.score)).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 2);
        assert!((got[0].1 - 2.0 * b * b).abs() < 1e-18);
        assert_eq!(got[1].0, 4);
        assert!((got[1].1 - 2.0 * b * b * b).abs() < 1e-18);
        assert!((p.pair_score(0, 4) - 2.0 * b * b * b).abs() < 1e-18);
        assert!((p.pair_score(0, 2) - 2.0 * b * b).abs() < 1e-18);
        // PA: every non-neighbour with degree > 0: 2→6, 4→4, 5→4, 6→2
        let p = Predictor::new(&g, Method::PreferentialAttachment, None);
        let t = p.top(0, 10, &|_| true, &mut sc);
        let got: Vec<(u32, f64)> = t.iter().map(|c| (c.node, c.score)).collect();
        assert_eq!(got, vec![(2, 6.0), (4, 4.0), (5, 4.0), (6, 2.0)]);
        assert_eq!(p.scores_from(0, &mut sc).len(), 4);
    }

    #[test]
    fn ties_break_by_rank_and_filter_applies() {
        let g = g();
        let mut sc = Scratch::new(7);
        // from 5: N(5) = {4, 6}; candidates at distance 2: 2 (via 4).
        // from 4: N(4) = {2, 5}: candidates 1, 3 (via 2, 1/3 each), 6 (via 5, 1/2)
        let p = Predictor::new(&g, Method::ResourceAllocation, None);
        let t = p.top(4, 3, &|_| true, &mut sc);
        let got: Vec<u32> = t.iter().map(|c| c.node).collect();
        assert_eq!(got, vec![6, 1, 3]);
        // reverse the rank: 3 before 1
        let rank: Vec<u32> = (0..7).rev().collect();
        let p = Predictor::new(&g, Method::ResourceAllocation, Some(&rank));
        let got: Vec<u32> = p
            .top(4, 3, &|_| true, &mut sc)
            .iter()
            .map(|c| c.node)
            .collect();
        assert_eq!(got, vec![6, 3, 1]);
        let got: Vec<u32> = p
            .top(4, 1, &|v| v != 6, &mut sc)
            .iter()
            .map(|c| c.node)
            .collect();
        assert_eq!(got, vec![3]);
        // batch equals single runs
        let b = p.top_batch(&[0, 4, 6], 2, &|_, _| true);
        assert_eq!(b[1], p.top(4, 2, &|_| true, &mut sc));
        assert_eq!(b[0], p.top(0, 2, &|_| true, &mut sc));
    }

    #[test]
    fn pair_score_agrees_with_scan_on_every_pair() {
        let g = g();
        let mut sc = Scratch::new(7);
        for m in Method::ALL {
            let p = Predictor::new(&g, m, None);
            for s in 0..7u32 {
                let got = p.scores_from(s, &mut sc);
                for v in 0..7u32 {
                    if v == s || g.weight(s, v).is_some() {
                        continue;
                    }
                    let want = p.pair_score(s, v);
                    let found = got.iter().find(|c| c.node == v).map_or(0.0, |c| c.score);
                    assert!(
                        (want - found).abs() < 1e-15,
                        "{m} {s} {v}: {want} vs {found}"
                    );
                }
            }
        }
    }

    #[test]
    fn method_names_round_trip() {
        for m in Method::ALL {
            assert_eq!(m.as_str().parse::<Method>(), Ok(m));
        }
        assert!("nope".parse::<Method>().is_err());
    }
}
