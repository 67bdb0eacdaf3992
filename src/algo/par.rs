//! Deterministic parallel sums over sources.
//!
//! Sources are cut into fixed-size blocks; each block is summed sequentially
//! into its own partial vector (with per-job scratch from `map_init`), and the
//! partial vectors are added in block order. Nothing depends on the number
//! of threads or on scheduling, so the result has the same bits for any
//! `RAYON_NUM_THREADS`. With peers installed (`dist`), each worker
//! computes the blocks it owns and every worker adds every block's vector
//! in the same block order, so the bits do not depend on the number of
//! processes either.

use rayon::prelude::*;
use std::sync::Mutex;

/// Scratch values kept for reuse across parallel jobs and waves: rayon's
/// `map_init` makes a new value for every job it splits off, and the
/// traversal scratch of a large view is tens of megabytes, so making it per
/// job cost more in page faults than the traversals themselves. Values are
/// taken with [`Pool::take`] and come back when the guard drops; a kernel
/// resets whatever it reads, so which value a job gets changes no result.
pub(crate) struct Pool<S> {
    free: Mutex<Vec<S>>,
}

/// A value borrowed from a [`Pool`], returned to it on drop.
pub(crate) struct Pooled<'a, S> {
    value: Option<S>,
    pool: &'a Pool<S>,
}

impl<S> Pool<S> {
    pub(crate) fn new() -> Pool<S> {
        Pool {
            free: Mutex::new(Vec::new()),
        }
    }

    /// A free value, or a new one from `init`.
    pub(crate) fn take(&self, init: impl FnOnce() -> S) -> Pooled<'_, S> {
        let got = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        Pooled {
            value: Some(got.unwrap_or_else(init)),
            pool: self,
        }
    }
}

impl<S> std::ops::Deref for Pooled<'_, S> {
    type Target = S;
    fn deref(&self) -> &S {
        self.value.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl<S> std::ops::DerefMut for Pooled<'_, S> {
    fn deref_mut(&mut self) -> &mut S {
        self.value.as_mut().unwrap_or_else(|| unreachable!())
    }
}

impl<S> Drop for Pooled<'_, S> {
    fn drop(&mut self) {
        if let Some(v) = self.value.take() {
            self.pool
                .free
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(v);
        }
    }
}

/// A progress sink for long computations: called with "n more units done"
/// (sources of a traversal, actors of a batch) from any worker thread. It
/// only observes; results never depend on it. The CLI turns it into a bar.
/// A sink may abort the computation by unwinding
/// (`std::panic::resume_unwind`, as the Python bindings do on Ctrl-C); the
/// all-source traversals also call it with 0 before each block of sources,
/// so an abort costs at most the blocks under way.
pub type Progress<'a> = &'a (dyn Fn(u64) + Sync);

/// A progress sink that ignores everything.
pub const NO_PROGRESS: Progress<'static> = &|_| {};

/// Sources per block.
pub(crate) const BLOCK: usize = 16;

/// Largest number of partial-vector bytes alive at once (per wave). Kept
/// small so peak memory stays near the graph's own; the order of the
/// block sums, and so every bit of the result, does not depend on it.
const WAVE_BYTES: usize = 4 << 20;

/// Σ over sources `0..n_src` of the vector `f(scratch, src, acc)` adds into
/// `acc` (length `len`), summed block by block in block order.
/// `progress` is told how many sources each finished block held.
pub(crate) fn sum_over_sources<S, I, F>(
    n_src: usize,
    len: usize,
    progress: Progress<'_>,
    init: I,
    f: F,
) -> Vec<f64>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut [f64]) + Sync + Send,
{
    sum_over_blocks(n_src, BLOCK, len, progress, init, |s, r, acc| {
        for src in r {
            f(s, src, acc);
        }
    })
}

/// Σ over blocks of `block` consecutive items of `0..n_items` of the
/// vector `f(scratch, items, acc)` adds into `acc` (length `len`): each
/// block is summed into its own zeroed vector, and the block vectors are
/// added in block order, so the bits depend on `block` but not on the
/// thread count. `progress` is told how many items each block held.
pub(crate) fn sum_over_blocks<S, I, F>(
    n_items: usize,
    block: usize,
    len: usize,
    progress: Progress<'_>,
    init: I,
    f: F,
) -> Vec<f64>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, std::ops::Range<usize>, &mut [f64]) + Sync + Send,
{
    let nblocks = n_items.div_ceil(block);
    let wave = (WAVE_BYTES / (len.max(1) * 8)).clamp(4, 256);
    let part = |s: &mut S, b: usize| {
        // a sink that aborts (see `Progress`) stops here, before the work
        progress(0);
        let mut acc = vec![0.0; len];
        let end = ((b + 1) * block).min(n_items);
        f(s, b * block..end, &mut acc);
        progress((end - b * block) as u64);
        acc
    };
    let peers = super::dist::peers();
    let mut total = vec![0.0; len];
    let pool = Pool::new();
    let mut start = 0;
    while start < nblocks {
        let end = (start + wave).min(nblocks);
        let parts: Vec<Vec<f64>> = match &peers {
            None => (start..end)
                .into_par_iter()
                .map_init(|| pool.take(&init), |s, b| part(s, b))
                .collect(),
            // shared: this worker's blocks of the wave; worker 0 gets them all
            Some(p) => super::dist::gather_blocks(&**p, start..end, |mine| {
                mine.into_par_iter()
                    .map_init(|| pool.take(&init), |s, b| (b, part(s, b)))
                    .collect()
            })
            .unwrap_or_default(),
        };
        for p in parts {
            for (t, x) in total.iter_mut().zip(p) {
                *t += x;
            }
        }
        start = end;
    }
    match &peers {
        None => total,
        // worker 0's sum, in block order, on every worker
        Some(p) => super::dist::share(&**p, (p.index() == 0).then_some(&total)),
    }
}

/// The values `f(scratch, b)` of blocks `0..nblocks`, in block order:
/// computed in parallel here, or, with peers installed, by the block's
/// owner and gathered (see `dist`). Each block's values depend on that
/// block alone.
pub(crate) fn map_blocks<S, T, I, F>(nblocks: usize, init: I, f: F) -> Vec<Vec<T>>
where
    S: Send,
    T: super::dist::Wire + Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> Vec<T> + Sync + Send,
{
    let pool = Pool::new();
    match super::dist::peers() {
        None => (0..nblocks)
            .into_par_iter()
            .map_init(|| pool.take(&init), |s, b| f(s, b))
            .collect(),
        Some(p) => {
            let all = super::dist::gather_blocks(&*p, 0..nblocks, |mine| {
                mine.into_par_iter()
                    .map_init(|| pool.take(&init), |s, b| (b, f(s, b)))
                    .collect()
            });
            super::dist::share(&*p, all.as_ref())
        }
    }
}

/// Integer counterpart of [`sum_over_blocks`] (order-free, so any chunking
/// would do; kept alike for clarity).
pub(crate) fn count_over_blocks<S, I, F>(
    n_items: usize,
    block: usize,
    len: usize,
    init: I,
    f: F,
) -> Vec<u64>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, std::ops::Range<usize>, &mut [u64]) + Sync + Send,
{
    let nblocks = n_items.div_ceil(block);
    let wave = (WAVE_BYTES / (len.max(1) * 8)).clamp(4, 256);
    let mut total = vec![0u64; len];
    let pool = Pool::new();
    let mut start = 0;
    while start < nblocks {
        let end = (start + wave).min(nblocks);
        let parts: Vec<Vec<u64>> = (start..end)
            .into_par_iter()
            .map_init(
                || pool.take(&init),
                |s, b| {
                    let mut acc = vec![0u64; len];
                    f(s, b * block..((b + 1) * block).min(n_items), &mut acc);
                    acc
                },
            )
            .collect();
        for p in parts {
            for (t, x) in total.iter_mut().zip(p) {
                *t += x;
            }
        }
        start = end;
    }
    total
}
