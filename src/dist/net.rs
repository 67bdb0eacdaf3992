//! Connection set-up between the processes of a run, bounded by a deadline.
//!
//! Process i listens on its own address and connects to every process
//! j < i (the pattern timely expects: one socket per pair, none to itself).
//! Each connection starts with a [`Hello`] both ways; only when every pair
//! has exchanged one are the hellos compared, so every process sees every
//! other's and all of them report the same disagreement.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::Path;
use std::time::{Duration, Instant};

const MAGIC: &[u8; 8] = b"iuinet\x00\x01";
const HELLO_BYTES: usize = 8 + 4 * 8;

/// What each process tells every other when they connect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hello {
    /// Its index.
    pub process: u64,
    /// The number of processes it was started with.
    pub processes: u64,
    /// Its worker threads.
    pub workers: u64,
    /// The content hash of the dataset it loaded.
    pub dataset: u64,
}

impl Hello {
    fn bytes(&self) -> [u8; HELLO_BYTES] {
        let mut b = [0u8; HELLO_BYTES];
        b[..8].copy_from_slice(MAGIC);
        for (i, x) in [self.process, self.processes, self.workers, self.dataset]
            .into_iter()
            .enumerate()
        {
            b[8 + 8 * i..16 + 8 * i].copy_from_slice(&x.to_le_bytes());
        }
        b
    }

    fn parse(b: &[u8; HELLO_BYTES]) -> Option<Hello> {
        if &b[..8] != MAGIC {
            return None;
        }
        let w = |i: usize| {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[8 + 8 * i..16 + 8 * i]);
            u64::from_le_bytes(x)
        };
        Some(Hello {
            process: w(0),
            processes: w(1),
            workers: w(2),
            dataset: w(3),
        })
    }
}

fn timed_out(addr: &str, msg: String) -> Error {
    Error::io(
        Path::new(addr),
        std::io::Error::new(std::io::ErrorKind::TimedOut, msg),
    )
}

const HINT: &str = "hint: start every process with the same iuinet binary, the same --processes, --workers and hostfile, each with its own --process index; check that every address is reachable from every machine";

/// Read the peer's hello, within the deadline.
fn read_hello(s: &mut TcpStream, deadline: Instant) -> std::io::Result<Option<Hello>> {
    let left = deadline
        .saturating_duration_since(Instant::now())
        .max(Duration::from_millis(10));
    s.set_read_timeout(Some(left))?;
    let mut b = [0u8; HELLO_BYTES];
    s.read_exact(&mut b)?;
    // timely's threads expect plain blocking sockets
    s.set_read_timeout(None)?;
    Ok(Hello::parse(&b))
}

/// Connect this process (`me.process`) to every other of `addresses`,
/// within `timeout`, exchanging hellos; returns one socket per process in
/// process order (`None` for this one), as timely's networking wants.
///
/// Errors (every process reports its own view, and all of them stop):
/// a process that does not connect in time or closes during the handshake
/// (I/O, exit 3, naming it and its address); a process started with other
/// counts, or whose dataset has another content hash (exit 2, listing
/// every process's hash).
pub fn connect(
    addresses: &[String],
    me: &Hello,
    timeout: Duration,
) -> Result<Vec<Option<TcpStream>>> {
    let deadline = Instant::now() + timeout;
    let my = me.process as usize;
    let n = addresses.len();
    let mine = &addresses[my];
    let listener = TcpListener::bind(mine).map_err(|e| Error::io(Path::new(mine), e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io(Path::new(mine), e))?;
    let me = *me;
    // accept from the processes after this one, meanwhile connect to those before
    let addr = mine.clone();
    let accepting = std::thread::spawn(move || accept_all(listener, &addr, me, n, deadline));
    let mut socks: Vec<Option<TcpStream>> = (0..n).map(|_| None).collect();
    let mut hellos: Vec<Option<Hello>> = vec![None; n];
    hellos[my] = Some(me);
    let mut first_err = None;
    for j in 0..my {
        match connect_one(&addresses[j], &me, deadline) {
            Ok((s, h)) => {
                socks[j] = Some(s);
                hellos[j] = Some(h);
            }
            Err(msg) => {
                first_err.get_or_insert(timed_out(
                    &addresses[j],
                    format!(
                        "process {j} did not answer process {my} within {} s: {msg}\n  {HINT}",
                        timeout.as_secs()
                    ),
                ));
                break;
            }
        }
    }
    let accepted = accepting
        .join()
        .map_err(|_| Error::Usage("the connection thread failed".into()))?;
    if let Some(e) = first_err {
        return Err(e);
    }
    let accepted = accepted?;
    for (j, s, h) in accepted {
        socks[j] = Some(s);
        hellos[j] = Some(h);
    }
    let hellos: Vec<Hello> = hellos.into_iter().flatten().collect();
    check(&hellos, my, addresses)?;
    Ok(socks)
}

/// Connect to one earlier process, retrying until the deadline.
fn connect_one(
    addr: &str,
    me: &Hello,
    deadline: Instant,
) -> std::result::Result<(TcpStream, Hello), String> {
    let mut last = String::from("no attempt");
    while Instant::now() < deadline {
        let targets: Vec<SocketAddr> = match addr.to_socket_addrs() {
            Ok(a) => a.collect(),
            Err(e) => {
                last = format!("cannot resolve {addr}: {e}");
                Vec::new()
            }
        };
        for t in targets {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match TcpStream::connect_timeout(&t, left.min(Duration::from_secs(2))) {
                Ok(mut s) => {
                    let r = (|| {
                        s.set_nodelay(true)?;
                        s.write_all(&me.bytes())?;
                        read_hello(&mut s, deadline)
                    })();
                    match r {
                        Ok(Some(h)) if h.process < me.process => return Ok((s, h)),
                        Ok(Some(h)) => {
                            return Err(format!(
                                "{addr} answered as process {}; is the hostfile the same everywhere?",
                                h.process
                            ));
                        }
                        Ok(None) => {
                            return Err(format!("{addr} is not an iuinet process of this run"));
                        }
                        Err(e) => last = format!("handshake failed: {e}"),
                    }
                }
                Err(e) => last = e.to_string(),
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(last)
}

/// Accept the processes after `me` until each has said hello, or the deadline.
fn accept_all(
    listener: TcpListener,
    addr: &str,
    me: Hello,
    n: usize,
    deadline: Instant,
) -> Result<Vec<(usize, TcpStream, Hello)>> {
    let my = me.process as usize;
    let mut got: Vec<Option<(TcpStream, Hello)>> = (0..n).map(|_| None).collect();
    let missing = |got: &[Option<(TcpStream, Hello)>]| -> Vec<usize> {
        (my + 1..n).filter(|&j| got[j].is_none()).collect()
    };
    while !missing(&got).is_empty() {
        if Instant::now() >= deadline {
            let m = missing(&got);
            let names: Vec<String> = m.iter().map(|j| j.to_string()).collect();
            return Err(timed_out(
                addr,
                format!(
                    "process{} {} did not connect to process {my} in time\n  {HINT}",
                    if m.len() == 1 { "" } else { "es" },
                    names.join(", ")
                ),
            ));
        }
        match listener.accept() {
            Ok((mut s, _)) => {
                let r = (|| {
                    s.set_nonblocking(false)?;
                    s.set_nodelay(true)?;
                    let h = read_hello(&mut s, deadline)?;
                    if let Some(h) = h
                        && (h.process as usize) > my
                        && (h.process as usize) < n
                    {
                        s.write_all(&me.bytes())?;
                    }
                    Ok::<_, std::io::Error>(h)
                })();
                match r {
                    Ok(Some(h)) if (h.process as usize) > my && (h.process as usize) < n => {
                        let j = h.process as usize;
                        if got[j].is_some() {
                            return Err(Error::Usage(format!(
                                "two processes say they are process {j}\n  {HINT}"
                            )));
                        }
                        got[j] = Some((s, h));
                    }
                    // a stray connection (a port scan, another program): ignore it
                    _ => {}
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => {
                return Err(Error::io(Path::new(addr), e));
            }
        }
    }
    Ok(got
        .into_iter()
        .enumerate()
        .filter_map(|(j, x)| x.map(|(s, h)| (j, s, h)))
        .collect())
}

/// Every process must agree on the counts and the dataset.
fn check(hellos: &[Hello], my: usize, addresses: &[String]) -> Result<()> {
    let me = hellos[my];
    for h in hellos {
        if h.processes != me.processes || h.workers != me.workers {
            return Err(Error::Usage(format!(
                "process {} ({}) was started with --processes {} --workers {}, process {my} with --processes {} --workers {}\n  {HINT}",
                h.process,
                addresses[h.process as usize],
                h.processes,
                h.workers,
                me.processes,
                me.workers
            )));
        }
    }
    if hellos.iter().any(|h| h.dataset != me.dataset) {
        let list: Vec<String> = hellos
            .iter()
            .map(|h| format!("process {}: {:016x}", h.process, h.dataset))
            .collect();
        return Err(Error::Usage(format!(
            "the processes did not load the same dataset or run the same command (content hashes: {})\n  hint: give every process a copy of the same data and the same command and flags (only DATA's path and -o may differ)",
            list.join(", ")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hello_round_trips_and_refuses_strangers() {
        let h = Hello {
            process: 2,
            processes: 3,
            workers: 1,
            dataset: 0xdead_beef,
        };
        assert_eq!(Hello::parse(&h.bytes()), Some(h));
        let mut b = h.bytes();
        b[0] = b'x';
        assert_eq!(Hello::parse(&b), None);
    }

    #[test]
    fn a_different_dataset_names_every_process() {
        let h = |p, d| Hello {
            process: p,
            processes: 3,
            workers: 1,
            dataset: d,
        };
        let addrs: Vec<String> = (0..3).map(|i| format!("h{i}:1")).collect();
        assert!(check(&[h(0, 7), h(1, 7), h(2, 7)], 1, &addrs).is_ok());
        let e = check(&[h(0, 7), h(1, 7), h(2, 8)], 0, &addrs)
            .unwrap_err()
            .to_string();
        assert!(e.contains("process 2: 0000000000000008"), "{e}");
        assert!(e.contains("did not load the same dataset"), "{e}");
    }
}
