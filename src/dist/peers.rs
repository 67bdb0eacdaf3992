//! [`Peers`] over a timely dataflow: one collective round is one timestamp
//! of an input whose records are routed to the worker they name; a round
//! is complete when the probe passes its timestamp, i.e. when every worker
//! has sent its records and moved on.

use crate::algo::dist::Peers;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};
use timely::dataflow::operators::{Exchange, Input, Inspect, Probe};
use timely::dataflow::{InputHandle, ProbeHandle};
use timely::worker::Worker;

/// One record: (round, worker, block, bytes); block `u64::MAX` is the
/// worker's "present" mark of the round (named when a round times out).
type Rec = (u64, u32, u64, Vec<u8>);
const PRESENT: u64 = u64::MAX;
/// A record and the worker it goes to.
type Routed = (u32, Rec);

/// This worker's view of the run.
pub(crate) struct TimelyPeers {
    worker: RefCell<Worker>,
    input:
        RefCell<Option<InputHandle<u64, timely::container::CapacityContainerBuilder<Vec<Routed>>>>>,
    probe: ProbeHandle<u64>,
    got: Rc<RefCell<Vec<Rec>>>,
    next_round: Cell<u64>,
    index: usize,
    peers: usize,
    processes: usize,
    addresses: Vec<String>,
    timeout: Duration,
}

impl TimelyPeers {
    pub(crate) fn new(
        worker: &mut Worker,
        processes: usize,
        addresses: Vec<String>,
        timeout: Duration,
    ) -> Rc<TimelyPeers> {
        let mut input = InputHandle::new();
        let probe = ProbeHandle::new();
        let got: Rc<RefCell<Vec<Rec>>> = Rc::default();
        let sink = Rc::clone(&got);
        worker.dataflow::<u64, _, _>(|scope| {
            scope
                .input_from(&mut input)
                .container::<Vec<Routed>>()
                .exchange(|r: &Routed| u64::from(r.0))
                .inspect(move |r: &Routed| sink.borrow_mut().push(r.1.clone()))
                .probe_with(&probe);
        });
        Rc::new(TimelyPeers {
            index: worker.index(),
            peers: worker.peers(),
            worker: RefCell::new(worker.clone()),
            input: RefCell::new(Some(input)),
            probe,
            got,
            next_round: Cell::new(0),
            processes,
            addresses,
            timeout,
        })
    }

    /// Step the worker until the probe passes `round` (or, with `None`,
    /// until the dataflow is done), stopping the process after the timeout.
    fn wait(&self, round: Option<u64>) {
        let t0 = Instant::now();
        let pending = || match round {
            Some(r) => self.probe.less_equal(&r),
            None => !self.probe.done(),
        };
        let mut w = self.worker.borrow_mut();
        while pending() {
            w.step_or_park(Some(Duration::from_millis(100)));
            if t0.elapsed() > self.timeout {
                let missing = self.missing(round);
                self.stop(&format!(
                    "no word from process{} {} for {} s (--peer-timeout)",
                    if missing.len() == 1 { "" } else { "es" },
                    missing
                        .iter()
                        .map(|&p| format!("{p} ({})", self.addresses[p]))
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.timeout.as_secs()
                ));
            }
        }
    }

    /// Processes none of whose workers has marked `round` as present.
    fn missing(&self, round: Option<u64>) -> Vec<usize> {
        let per = self.peers / self.processes.max(1);
        let got = self.got.borrow();
        (0..self.processes)
            .filter(|&p| {
                round.is_none_or(|r| {
                    !got.iter()
                        .any(|x| x.0 == r && x.2 == PRESENT && (x.1 as usize) / per.max(1) == p)
                })
            })
            .collect()
    }

    fn stop(&self, msg: &str) -> ! {
        crate::output::atomic::remove_pending();
        eprintln!(
            "error: distributed run stopped on worker {}: {msg}",
            self.index
        );
        std::process::exit(3)
    }

    /// Close this worker's input and wait until every worker has: the end
    /// of the run (process 0 may still be writing its output meanwhile).
    pub(crate) fn finish(&self) {
        if let Some(i) = self.input.borrow_mut().take() {
            drop(i);
        }
        self.wait(None);
    }
}

impl TimelyPeers {
    /// One round: send each (worker, block, bytes) and a "present" mark to
    /// every worker, wait until every worker has, and return what came to
    /// this one (block, bytes) in arrival order.
    fn round(&self, out: Vec<(u32, u64, Vec<u8>)>) -> Vec<(u64, Vec<u8>)> {
        let r = self.next_round.get();
        self.next_round.set(r + 1);
        {
            let mut i = self.input.borrow_mut();
            let Some(i) = i.as_mut() else {
                self.fail("a round after the end of the run");
            };
            let me = self.index as u32;
            for w in 0..self.peers as u32 {
                i.send((w, (r, me, PRESENT, Vec::new())));
            }
            for (w, b, bytes) in out {
                i.send((w, (r, me, b, bytes)));
            }
            i.advance_to(r + 1);
        }
        self.wait(Some(r));
        let mut got = self.got.borrow_mut();
        let (this, rest): (Vec<Rec>, Vec<Rec>) = got.drain(..).partition(|x| x.0 == r);
        *got = rest;
        this.into_iter()
            .filter(|x| x.2 != PRESENT)
            .map(|x| (x.2, x.3))
            .collect()
    }
}

impl Peers for TimelyPeers {
    fn index(&self) -> usize {
        self.index
    }

    fn peers(&self) -> usize {
        self.peers
    }

    fn gather(&self, parts: Vec<(u64, Vec<u8>)>) -> Vec<(u64, Vec<u8>)> {
        let mut got = self.round(parts.into_iter().map(|(b, x)| (0, b, x)).collect());
        got.sort_by_key(|x| x.0);
        got
    }

    fn broadcast(&self, bytes: Vec<u8>) -> Vec<u8> {
        let out = if self.index == 0 {
            (0..self.peers as u32)
                .map(|w| (w, 0, bytes.clone()))
                .collect()
        } else {
            Vec::new()
        };
        match self.round(out).pop() {
            Some((0, x)) => x,
            _ => self.fail("worker 0's result did not arrive"),
        }
    }

    fn fail(&self, msg: &str) -> ! {
        self.stop(msg)
    }
}

/// Turn timely's communication panics (a peer's socket closed or failed:
/// the process died or its machine is unreachable) into one clear message
/// naming the process, remove temporary output files, and exit with 3.
/// Other panics keep the default report.
pub(crate) fn install_panic_hook(addresses: Vec<String>) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("");
        let peer = name
            .strip_prefix("timely:recv-")
            .or_else(|| name.strip_prefix("timely:send-"))
            .and_then(|k| k.parse::<usize>().ok());
        if let Some(k) = peer {
            let what = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied())
                .unwrap_or("connection failed");
            crate::output::atomic::remove_pending();
            eprintln!(
                "error: lost the connection to process {k} ({}): {what}\n  hint: that process stopped or its machine became unreachable; every process of the run stops, start them all again",
                addresses.get(k).map_or("?", String::as_str)
            );
            std::process::exit(3);
        }
        default(info);
    }));
}
