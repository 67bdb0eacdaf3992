//! The distributed runtime (feature `distributed`): several processes, on
//! one machine or many, share the all-source traversals of one command.
//!
//! Every process loads the whole dataset and builds the whole view; the
//! sources' blocks are shared out by index and every block's bytes reach
//! every worker through a timely dataflow, which adds them in block order
//! (see [`algo::dist`](crate::algo::dist)). Process 0 alone writes output.
//!
//! What this module adds to timely's cluster mode:
//! * its own connection set-up ([`connect`]), bounded by a deadline, with a
//!   handshake that carries each process's index, process and worker
//!   counts and the content hash of its dataset; any disagreement stops
//!   every process with a message naming the processes;
//! * a bounded wait in every collective round (`peer_timeout`) that names
//!   the processes whose parts are missing;
//! * a panic hook that turns timely's "communication error" (a peer died,
//!   its socket closed) into a message naming the process, removes any
//!   temporary output file and ends the process with exit code 3.

mod net;
mod peers;

pub use net::{Hello, connect};

use crate::error::{Error, Result};
use std::path::Path;
use std::time::Duration;

/// How this process takes part in a distributed run.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Worker threads per process (timely's `-w`).
    pub workers: usize,
    /// Processes in the run (timely's `-n`).
    pub processes: usize,
    /// This process's index, `0..processes` (timely's `-p`).
    pub process: usize,
    /// `host:port` of every process, in process order.
    pub addresses: Vec<String>,
    /// How long to wait for every process to connect at start.
    pub connect_timeout: Duration,
    /// How long one collective round may wait for the other processes.
    pub peer_timeout: Duration,
}

impl Cluster {
    /// Whether this process writes the output (process 0).
    pub fn is_root(&self) -> bool {
        self.process == 0
    }
}

/// The first `processes` addresses of a hostfile: one `host:port` per
/// line, in process order; blank lines and `#` comments are skipped.
/// Without a hostfile, process i listens on `127.0.0.1:(2101 + i)` as
/// timely's own default.
pub fn addresses(hostfile: Option<&Path>, processes: usize) -> Result<Vec<String>> {
    let Some(path) = hostfile else {
        return Ok((0..processes)
            .map(|i| format!("127.0.0.1:{}", 2101 + i))
            .collect());
    };
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let port_ok = line
            .rsplit_once(':')
            .is_some_and(|(h, p)| !h.is_empty() && p.parse::<u16>().is_ok());
        if !port_ok || line.contains(char::is_whitespace) {
            return Err(Error::Usage(format!(
                "{}:{}: {line:?} is not host:port\n  hint: one line per process, in process order, such as 10.0.0.5:2101",
                path.display(),
                i + 1
            )));
        }
        out.push(line.to_string());
    }
    if out.len() < processes {
        return Err(Error::Usage(format!(
            "{}: {} address{} for --processes {processes}\n  hint: one host:port line per process, in process order",
            path.display(),
            out.len(),
            if out.len() == 1 { "" } else { "es" }
        )));
    }
    out.truncate(processes);
    Ok(out)
}

/// A 64-bit FNV-1a hash, fed as a [`std::fmt::Write`] (so a dataset can be
/// hashed through its `Debug` text without holding that text): the dataset
/// check at start. Same input, same hash, on every platform; it guards
/// against loading different data by mistake, not against an adversary.
#[derive(Debug, Clone, Copy)]
pub struct ContentHash(pub u64);

impl Default for ContentHash {
    fn default() -> ContentHash {
        ContentHash(0xcbf2_9ce4_8422_2325)
    }
}

impl std::fmt::Write for ContentHash {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for &b in s.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(())
    }
}

/// [`ContentHash`] of a string.
pub fn content_hash(s: &str) -> u64 {
    let mut h = ContentHash::default();
    let _ = std::fmt::Write::write_str(&mut h, s);
    h.0
}

/// Run `job` on every worker of this process (`workers` threads), with the
/// peers of the whole run installed on each (see
/// [`with_peers`](crate::algo::dist::with_peers)); `job` gets the worker's
/// global index (0 is the one that writes output). Returns this process's
/// workers' results in worker order.
///
/// Connects to the other processes first (see [`connect`]): a process that
/// does not answer within `connect_timeout`, or that loaded other data,
/// stops the run with an error here. Later, a lost process ends this one
/// (exit code 3) from the panic hook this function installs.
pub fn run<T, F>(c: &Cluster, dataset_hash: u64, job: F) -> Result<Vec<T>>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    use timely::communication::Hooks;
    use timely::communication::allocator::zero_copy::initialize::initialize_networking_from_sockets;
    use timely::communication::allocator::{AllocatorBuilder, ProcessBuilder};

    if c.workers == 0 || c.processes == 0 || c.process >= c.processes {
        return Err(Error::Usage(format!(
            "--process {} of --processes {} with --workers {}: need 0 <= process < processes and workers >= 1",
            c.process, c.processes, c.workers
        )));
    }
    peers::install_panic_hook(c.addresses.clone());
    let (builders, others): (Vec<AllocatorBuilder>, Box<dyn std::any::Any + Send>) = if c.processes
        == 1
    {
        timely::CommunicationConfig::Process(c.workers)
            .try_build()
            .map_err(|e| Error::Usage(format!("cannot start the workers: {e}")))?
    } else {
        let me = Hello {
            process: c.process as u64,
            processes: c.processes as u64,
            workers: c.workers as u64,
            dataset: dataset_hash,
        };
        let sockets = connect(&c.addresses, &me, c.connect_timeout)?;
        let hooks = Hooks::default();
        let local =
            ProcessBuilder::new_typed_vector(c.workers, hooks.refill.clone(), hooks.spill.clone());
        let (b, guard) =
            initialize_networking_from_sockets(local, sockets, c.process, c.workers, hooks)
                .map_err(|e| Error::io(Path::new(&c.addresses[c.process]), e))?;
        (
            b.into_iter().map(AllocatorBuilder::Tcp).collect(),
            Box::new(guard),
        )
    };
    let (processes, addrs, timeout) = (c.processes, c.addresses.clone(), c.peer_timeout);
    let guards = timely::execute::execute_from(
        builders,
        others,
        timely::WorkerConfig::default(),
        move |worker| {
            let p = peers::TimelyPeers::new(worker, processes, addrs.clone(), timeout);
            let index = worker.index();
            let r = crate::algo::dist::with_peers(p.clone(), || job(index));
            p.finish();
            r
        },
    )
    .map_err(|e| Error::Usage(format!("cannot start the workers: {e}")))?;
    let mut out = Vec::new();
    for r in guards.join() {
        match r {
            Ok(x) => out.push(x),
            Err(e) => {
                crate::output::atomic::remove_pending();
                return Err(Error::Usage(format!(
                    "a worker of this process failed: {e}"
                )));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_vectors() {
        // FNV-1a 64 test vectors (Fowler, Noll, Vo)
        assert_eq!(content_hash(""), 0xcbf29ce484222325);
        assert_eq!(content_hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(content_hash("foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn hostfile_lines_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("hosts.txt");
        std::fs::write(
            &p,
            "# cluster\n10.0.0.1:2101\n\nnode-b:2101  # second\nnode-c:9\n",
        )
        .unwrap();
        assert_eq!(
            addresses(Some(&p), 2).unwrap(),
            ["10.0.0.1:2101", "node-b:2101"]
        );
        let e = addresses(Some(&p), 4).unwrap_err().to_string();
        assert!(e.contains("3 addresses for --processes 4"), "{e}");
        std::fs::write(&p, "10.0.0.1:2101\nnode-b\n").unwrap();
        let e = addresses(Some(&p), 2).unwrap_err().to_string();
        assert!(
            e.contains("hosts.txt:2: \"node-b\" is not host:port"),
            "{e}"
        );
        assert_eq!(
            addresses(None, 2).unwrap(),
            ["127.0.0.1:2101", "127.0.0.1:2102"]
        );
    }
}
