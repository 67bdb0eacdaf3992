//! Multi-source BFS with bit lanes (Then, Kaufmann, Chirigati, Hoang-Vu,
//! Pham, Kemper, Neumann and Vo, "The More the Merrier: Efficient
//! Multi-Source Graph Traversal", PVLDB 8(4), 2014), with top-down /
//! bottom-up switching per level (Beamer, Asanović and Patterson,
//! "Direction-Optimizing Breadth-First Search", SC 2012).
//!
//! A batch of up to [`LANES`] sources is traversed at once: every node holds
//! `W` words of bits, bit `i` standing for source `i` of the batch. One
//! pass over the arcs advances all sources by one level:
//! - *top-down*: each node on some frontier ORs its frontier bits into its
//!   neighbours' next bits (work Σ deg over frontier nodes);
//! - *bottom-up*: each node not yet seen by every source ORs its
//!   neighbours' frontier bits, stopping once every missing source is found
//!   (work at most Σ deg over such nodes).
//!
//! The cheaper direction is chosen per level from those two sums. Either
//! way the set of nodes reached at each level, per source, is exactly that
//! of one plain BFS per source, so the per-source results are integers
//! (counts per level) and do not depend on the direction, the batch size or
//! the thread count.

use crate::view::Csr;

/// Words of bits per node.
pub(crate) const W: usize = 4;
/// Sources per batch (bit lanes).
pub const LANES: usize = 64 * W;

type Bits = [u64; W];

const ZERO: Bits = [0; W];

#[inline]
fn or(a: &mut Bits, b: &Bits) {
    for k in 0..W {
        a[k] |= b[k];
    }
}

#[inline]
fn any(a: &Bits) -> bool {
    a.iter().any(|&x| x != 0)
}

/// Per-worker scratch of one batch.
pub(crate) struct MsBfs {
    seen: Vec<Bits>,
    frontier: Vec<Bits>,
    next: Vec<Bits>,
    /// Nodes with a non-empty frontier, ascending.
    active: Vec<u32>,
    /// Nodes reached at this level, per lane.
    count: Vec<u32>,
}

/// What one source's BFS yields: everything a distance-only measure needs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DistanceSums {
    /// Nodes reached, the source included.
    pub reached: u64,
    /// Σ of hop distances to the reached nodes (exact integer).
    pub total: u64,
    /// Σ 1/d over reached nodes other than the source, summed per level
    /// in increasing d as Σ_d (nodes at level d)/d.
    pub harmonic: f64,
    /// Largest hop distance to a reached node (0 for an isolated source).
    pub eccentricity: u32,
}

use crate::algo::dist::Wire;

impl Wire for DistanceSums {
    fn put(&self, out: &mut Vec<u8>) {
        self.reached.put(out);
        self.total.put(out);
        self.harmonic.put(out);
        self.eccentricity.put(out);
    }
    fn take(inp: &mut &[u8]) -> Option<DistanceSums> {
        Some(DistanceSums {
            reached: u64::take(inp)?,
            total: u64::take(inp)?,
            harmonic: f64::take(inp)?,
            eccentricity: u32::take(inp)?,
        })
    }
}

impl MsBfs {
    pub(crate) fn new(n: usize) -> MsBfs {
        MsBfs {
            seen: vec![ZERO; n],
            frontier: vec![ZERO; n],
            next: vec![ZERO; n],
            active: Vec::with_capacity(n),
            count: vec![0; LANES],
        }
    }

    /// BFS from `src` (at most [`LANES`] sources) at once; `out[i]` gets
    /// the sums of `src[i]`.
    ///
    /// `span` holds every node reachable from `src` (a union of whole
    /// components, see `paths::locality`): nodes outside it are neither
    /// read nor reset, so a batch in one of many components costs that
    /// component only.
    pub(crate) fn run(
        &mut self,
        g: &Csr,
        src: &[u32],
        out: &mut [DistanceSums],
        span: std::ops::Range<usize>,
    ) {
        let k = src.len();
        debug_assert!(k <= LANES && out.len() == k);
        // lanes past the batch count as seen everywhere, so they never move
        let mut unused = ZERO;
        for (i, w) in unused.iter_mut().enumerate() {
            let lo = (i * 64).min(k);
            let hi = ((i + 1) * 64).min(k);
            let used = if hi - lo == 64 {
                u64::MAX
            } else {
                (1u64 << (hi - lo)) - 1
            };
            *w = !used;
        }
        let full: Bits = [u64::MAX; W];
        self.seen[span.clone()].fill(unused);
        self.frontier[span.clone()].fill(ZERO);
        self.next[span.clone()].fill(ZERO);
        self.active.clear();
        for (i, &s) in src.iter().enumerate() {
            let s = s as usize;
            self.seen[s][i / 64] |= 1 << (i % 64);
            self.frontier[s][i / 64] |= 1 << (i % 64);
        }
        self.active.extend(src.iter().copied());
        self.active.sort_unstable();
        self.active.dedup();
        for (o, _) in out.iter_mut().zip(src) {
            *o = DistanceSums {
                reached: 1,
                ..DistanceSums::default()
            };
        }
        // Σ deg over nodes that some source has not reached yet
        let mut unseen_arcs: usize = span
            .clone()
            .filter(|&v| self.seen[v] != full)
            .map(|v| g.degree(v as u32))
            .sum();
        let mut d = 0u32;
        while !self.active.is_empty() {
            d += 1;
            let frontier_arcs: usize = self.active.iter().map(|&v| g.degree(v)).sum();
            if frontier_arcs <= unseen_arcs {
                self.top_down(g);
            } else {
                self.bottom_up(g, &full, span.clone());
            }
            // settle the level: new bits become seen and the next frontier
            for f in &mut self.frontier[span.clone()] {
                *f = ZERO;
            }
            self.active.clear();
            self.count[..k].fill(0);
            for v in span.clone() {
                let nx = self.next[v];
                if !any(&nx) {
                    continue;
                }
                self.next[v] = ZERO;
                let was_full = self.seen[v] == full;
                let mut fresh = ZERO;
                for w in 0..W {
                    fresh[w] = nx[w] & !self.seen[v][w];
                }
                if !any(&fresh) {
                    continue;
                }
                or(&mut self.seen[v], &fresh);
                self.frontier[v] = fresh;
                self.active.push(v as u32);
                if !was_full && self.seen[v] == full {
                    unseen_arcs -= g.degree(v as u32);
                }
                for (w, &word) in fresh.iter().enumerate() {
                    let mut b = word;
                    while b != 0 {
                        self.count[w * 64 + b.trailing_zeros() as usize] += 1;
                        b &= b - 1;
                    }
                }
            }
            for (o, &c) in out.iter_mut().zip(&self.count[..k]) {
                if c > 0 {
                    o.reached += u64::from(c);
                    o.total += u64::from(d) * u64::from(c);
                    o.harmonic += f64::from(c) / f64::from(d);
                    o.eccentricity = d;
                }
            }
        }
    }

    fn top_down(&mut self, g: &Csr) {
        for &v in &self.active {
            let f = self.frontier[v as usize];
            for &u in g.neighbors(v) {
                or(&mut self.next[u as usize], &f);
            }
        }
    }

    fn bottom_up(&mut self, g: &Csr, full: &Bits, span: std::ops::Range<usize>) {
        for v in span {
            let seen = self.seen[v];
            if seen == *full {
                continue;
            }
            let mut acc = ZERO;
            for &u in g.neighbors(v as u32) {
                or(&mut acc, &self.frontier[u as usize]);
                let mut done = true;
                for w in 0..W {
                    done &= (acc[w] | seen[w]) == u64::MAX;
                }
                if done {
                    break;
                }
            }
            self.next[v] = acc;
        }
    }
}

/// Distance sums of every node as a BFS source: reached nodes, Σ hop
/// distances, harmonic sum and eccentricity, by the bit-parallel
/// multi-source BFS described in the module docs (batches of [`LANES`]
/// sources, run in parallel) over the graph renumbered in breadth-first
/// order for cache locality (the results are per source, so the numbering
/// changes none of them).
///
/// Time O(⌈n/LANES⌉ · (levels · n + Σ arcs examined)) word operations, at
/// most O(n·m / LANES · levels); O(n) words of scratch per worker. Every
/// field is an exact per-source integer count or a per-source sum in level
/// order, so the result has the same bits for any thread count.
///
/// # Example
/// ```
/// use iuinet::algo::distance_sums;
/// use iuinet::view::Csr;
/// // the path 0 – 1 – 2
/// let g = Csr::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]).unwrap();
/// let d = distance_sums(&g, iuinet::algo::NO_PROGRESS);
/// assert_eq!((d[0].reached, d[0].total, d[0].eccentricity), (3, 3, 2));
/// assert_eq!(d[0].harmonic, 1.5);
/// assert_eq!((d[1].total, d[1].eccentricity), (2, 1));
/// ```
pub fn distance_sums(g: &Csr, progress: crate::algo::Progress<'_>) -> Vec<DistanceSums> {
    let n = g.n();
    // per-source results do not depend on the numbering: run on the
    // breadth-first renumbering (see `order`) and map back; the batches'
    // sums come in batch order (shared among peers if installed), and every
    // process renumbers alike
    let r = super::locality(g);
    let g = &r.g;
    let batches: Vec<Vec<DistanceSums>> = crate::algo::par::map_blocks(
        n.div_ceil(LANES),
        || MsBfs::new(n),
        |bfs, b| {
            // a sink that aborts (see `Progress`) stops here, before the work
            progress(0);
            let src: Vec<u32> = (b * LANES..((b + 1) * LANES).min(n))
                .map(|v| v as u32)
                .collect();
            let mut out = vec![DistanceSums::default(); src.len()];
            let span = r.span(src[0], src[src.len() - 1]);
            bfs.run(g, &src, &mut out, span);
            progress(src.len() as u64);
            out
        },
    );
    let flat: Vec<DistanceSums> = batches.into_iter().flatten().collect();
    r.back(&flat)
}
