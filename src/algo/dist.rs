//! Sharing an all-source computation among several workers (processes or
//! machines), with the same bits as one process.
//!
//! The all-source measures already cut their sources into fixed blocks and
//! add the blocks' partial vectors in block order (see the `par` module).
//! A distributed run keeps exactly that: every worker holds the whole
//! graph, computes the blocks whose index it owns (block `b` belongs to
//! worker `b mod peers`) and sends its bytes to worker 0
//! ([`Peers::gather`]), which adds (or concatenates) them in block order,
//! as one process does, and hands the result back to every worker
//! ([`Peers::broadcast`]), so that all of them go on with the same values. The kernels are the
//! single-process ones; only the loop that hands out blocks differs.
//!
//! This module is pure: it knows nothing of sockets. A runtime (the `dist`
//! module of the crate, behind the `distributed` feature) implements
//! [`Peers`] and installs it with [`with_peers`] on each of its worker
//! threads; the algorithms look it up on the thread that calls them. Code
//! that runs on rayon's pool threads never sees it, so every worker makes
//! the same sequence of collective rounds.

use std::cell::RefCell;
use std::rc::Rc;

/// The workers sharing a computation, as seen from one of them.
pub trait Peers {
    /// This worker's index, `0..peers()`; worker 0 reduces.
    fn index(&self) -> usize;
    /// How many workers share the computation.
    fn peers(&self) -> usize;
    /// One collective round: every worker calls it, in the same sequence
    /// of rounds, with the parts it computed (block index, encoded bytes);
    /// worker 0 gets every worker's parts of this round sorted by block
    /// index, the others get nothing.
    fn gather(&self, parts: Vec<(u64, Vec<u8>)>) -> Vec<(u64, Vec<u8>)>;
    /// One collective round: every worker gets the bytes worker 0 passes
    /// (the others pass nothing).
    fn broadcast(&self, bytes: Vec<u8>) -> Vec<u8>;
    /// Stop every worker: a peer sent bytes this build cannot read.
    fn fail(&self, msg: &str) -> !;
}

thread_local! {
    static PEERS: RefCell<Option<Rc<dyn Peers>>> = const { RefCell::new(None) };
}

/// Run `f` with `p` installed as this thread's peers: the all-source
/// traversals `f` calls on this thread share their blocks with them.
pub fn with_peers<R>(p: Rc<dyn Peers>, f: impl FnOnce() -> R) -> R {
    struct Reset(Option<Rc<dyn Peers>>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let old = self.0.take();
            PEERS.with(|c| *c.borrow_mut() = old);
        }
    }
    let old = PEERS.with(|c| c.borrow_mut().replace(p));
    let _reset = Reset(old);
    f()
}

/// The peers installed on this thread, if any.
pub(crate) fn peers() -> Option<Rc<dyn Peers>> {
    PEERS.with(|c| c.borrow().clone())
}

/// The worker that computes block `b` of `peers` workers.
pub fn owner(b: usize, peers: usize) -> usize {
    b % peers.max(1)
}

/// Values that cross process boundaries with every bit kept.
pub(crate) trait Wire: Sized {
    /// Append the value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Read a value from the front of `inp`; `None` on short or bad input.
    fn take(inp: &mut &[u8]) -> Option<Self>;
}

fn take_n<const N: usize>(inp: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = inp.split_first_chunk::<N>()?;
    *inp = rest;
    Some(*head)
}

impl Wire for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bits().to_le_bytes());
    }
    fn take(inp: &mut &[u8]) -> Option<f64> {
        take_n::<8>(inp).map(|b| f64::from_bits(u64::from_le_bytes(b)))
    }
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(inp: &mut &[u8]) -> Option<u64> {
        take_n::<8>(inp).map(u64::from_le_bytes)
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(inp: &mut &[u8]) -> Option<u32> {
        take_n::<4>(inp).map(u32::from_le_bytes)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(inp: &mut &[u8]) -> Option<(A, B)> {
        Some((A::take(inp)?, B::take(inp)?))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u64).put(out);
        for x in self {
            x.put(out);
        }
    }
    fn take(inp: &mut &[u8]) -> Option<Vec<T>> {
        let k = usize::try_from(u64::take(inp)?).ok()?;
        // never trust a length beyond the bytes left
        let mut v = Vec::with_capacity(k.min(inp.len()));
        for _ in 0..k {
            v.push(T::take(inp)?);
        }
        Some(v)
    }
}

/// `x` as bytes.
pub(crate) fn encode<T: Wire>(x: &T) -> Vec<u8> {
    let mut out = Vec::new();
    x.put(&mut out);
    out
}

/// The value `bytes` hold, all of them; `None` on anything else.
pub(crate) fn decode<T: Wire>(mut bytes: &[u8]) -> Option<T> {
    let x = T::take(&mut bytes)?;
    bytes.is_empty().then_some(x)
}

/// One round over blocks `start..end`: this worker's blocks among them
/// (computed by `part`) go to worker 0, which gets every block's value, in
/// block order; the other workers get `None`.
pub(crate) fn gather_blocks<T: Wire>(
    p: &dyn Peers,
    blocks: std::ops::Range<usize>,
    part: impl FnOnce(Vec<usize>) -> Vec<(usize, T)>,
) -> Option<Vec<T>> {
    let mine: Vec<usize> = blocks
        .clone()
        .filter(|&b| owner(b, p.peers()) == p.index())
        .collect();
    let parts = part(mine)
        .into_iter()
        .map(|(b, x)| (b as u64, encode(&x)))
        .collect();
    let all = p.gather(parts);
    if p.index() != 0 {
        return None;
    }
    if all.len() != blocks.len() {
        p.fail(&format!(
            "blocks {}..{} arrived as {} parts",
            blocks.start,
            blocks.end,
            all.len()
        ));
    }
    Some(
        blocks
            .zip(all)
            .map(|(b, (got, bytes))| {
                if got != b as u64 {
                    p.fail(&format!("block {b} expected, block {got} arrived"));
                }
                decode(&bytes).unwrap_or_else(|| p.fail(&format!("block {b} arrived malformed")))
            })
            .collect(),
    )
}

/// Worker 0's `x` on every worker (the others pass `None`).
pub(crate) fn share<T: Wire>(p: &dyn Peers, x: Option<&T>) -> T {
    let bytes = p.broadcast(x.map(encode).unwrap_or_default());
    decode(&bytes).unwrap_or_else(|| p.fail("the reduced result arrived malformed"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn wire_round_trips_every_bit() {
        let x: Vec<(f64, u64)> = vec![(-0.0, 0), (f64::NAN, u64::MAX), (1e-310, 7)];
        let y: Vec<(f64, u64)> = decode(&encode(&x)).unwrap();
        for (a, b) in x.iter().zip(&y) {
            assert_eq!(a.0.to_bits(), b.0.to_bits());
            assert_eq!(a.1, b.1);
        }
        // trailing or missing bytes are refused
        let mut e = encode(&x);
        e.push(0);
        assert!(decode::<Vec<(f64, u64)>>(&e).is_none());
        assert!(decode::<Vec<(f64, u64)>>(&e[..e.len() - 3]).is_none());
        // a length far beyond the bytes does not allocate it
        assert!(decode::<Vec<u64>>(&encode(&u64::MAX)).is_none());
    }

    /// `k` simulated workers in one thread: each round, worker `i`'s parts
    /// are computed by calling the job with `index = i`, in turn.
    struct Solo {
        index: usize,
        peers: usize,
        calls: Cell<usize>,
    }

    impl Peers for Solo {
        fn index(&self) -> usize {
            self.index
        }
        fn peers(&self) -> usize {
            self.peers
        }
        fn gather(&self, parts: Vec<(u64, Vec<u8>)>) -> Vec<(u64, Vec<u8>)> {
            self.calls.set(self.calls.get() + 1);
            parts
        }
        fn broadcast(&self, bytes: Vec<u8>) -> Vec<u8> {
            bytes
        }
        fn fail(&self, msg: &str) -> ! {
            panic!("{msg}")
        }
    }

    #[test]
    fn blocks_go_to_their_owner() {
        assert_eq!(
            (0..7).map(|b| owner(b, 3)).collect::<Vec<_>>(),
            [0, 1, 2, 0, 1, 2, 0]
        );
        let solo = Solo {
            index: 0,
            peers: 1,
            calls: Cell::new(0),
        };
        let got: Option<Vec<u64>> = gather_blocks(&solo, 2..5, |mine| {
            assert_eq!(mine, [2, 3, 4]);
            mine.into_iter().map(|b| (b, b as u64 * 10)).collect()
        });
        assert_eq!(got, Some(vec![20, 30, 40]));
        assert_eq!(share(&solo, got.as_ref()), [20, 30, 40]);
        assert_eq!(solo.calls.get(), 1);
    }

    #[test]
    #[should_panic(expected = "arrived as 1 parts")]
    fn a_missing_block_stops_the_run() {
        // worker 0 of 2 owns only block 0 of 0..2; with nobody else the
        // round returns one part, which must be refused
        let solo = Solo {
            index: 0,
            peers: 2,
            calls: Cell::new(0),
        };
        let _: Option<Vec<u64>> = gather_blocks(&solo, 0..2, |mine| {
            mine.into_iter().map(|b| (b, 0u64)).collect()
        });
    }
}
