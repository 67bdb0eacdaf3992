//! `iuinet serve` as a process: the one line with the URL, port 0, a clean
//! exit on Ctrl-C (SIGINT) and SIGTERM, a busy port; and the loopback load
//! test (ignored by default, see `load_test`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DATA: &str = "tests/data/console";

/// A running `iuinet serve`, killed on drop if still running.
pub struct Server {
    /// The process.
    pub child: Child,
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
    /// The line it printed.
    pub line: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Start `iuinet serve [DATA] --bind 127.0.0.1:0` and read its line.
pub fn start(data: Option<&str>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iuinet"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).arg("serve");
    if let Some(d) = data {
        cmd.arg(d);
    }
    let mut child = cmd
        .args(["--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start iuinet serve");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the announcement");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!("no URL in {line:?}; stderr: {err}")
        })
        .to_string();
    Server { child, url, line }
}

/// GET over a fresh connection: (status, body).
pub fn http_get(url: &str, path: &str) -> (u16, String) {
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut s = TcpStream::connect(&host).expect("connect to the console");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read the reply");
    let raw = String::from_utf8_lossy(&raw).to_string();
    let status: u16 = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {raw:?}"));
    let body = raw
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

fn signal(child: &Child, sig: &str) {
    let st = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(st.success());
}

fn wait_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let t = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        assert!(
            t.elapsed() < within,
            "the console did not stop within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn one_line_with_the_url_then_a_clean_stop_on_ctrl_c() {
    let mut s = start(Some(DATA));
    let port: u16 = s
        .url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .expect("the actual port");
    assert_ne!(port, 0);
    assert_eq!(
        s.line,
        format!("iuinet console: http://127.0.0.1:{port}/ ({DATA}, 10 actors; Ctrl-C stops it)\n")
    );
    let (st, body) = http_get(&s.url, "/api/status");
    assert_eq!(st, 200, "{body}");
    assert!(body.contains("\"actors\": 10"));
    let (st, body) = http_get(&s.url, "/?q=haesung");
    assert_eq!(st, 200);
    assert!(body.contains("Haesung Electronics"));
    signal(&s.child, "-INT");
    let st = wait_exit(&mut s.child, Duration::from_secs(20));
    assert_eq!(st.code(), Some(0), "Ctrl-C is a clean exit");
    let mut err = String::new();
    s.child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panic"), "{err}");
    // the port is free again
    assert!(std::net::TcpListener::bind(("127.0.0.1", port)).is_ok());
}

#[test]
fn sigterm_stops_it_too() {
    let mut s = start(Some(DATA));
    assert_eq!(http_get(&s.url, "/brokers").0, 200);
    signal(&s.child, "-TERM");
    assert_eq!(
        wait_exit(&mut s.child, Duration::from_secs(20)).code(),
        Some(0)
    );
}

#[test]
fn a_busy_port_is_an_io_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    crate::util::iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["serve", DATA, "--bind", &addr.to_string()])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(3)
        .stderr(predicates::str::contains(format!("listen address {addr}")));
    crate::util::iuinet()
        .args(["serve", DATA, "--bind", "localhost"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--bind"));
}

/// The console at CONSOLE_URL (loopback only), or a new one on the
/// embedded dataset.
pub fn running_or_start() -> (Option<Server>, String) {
    match std::env::var("CONSOLE_URL") {
        Ok(u) => {
            assert!(
                u.starts_with("http://127.0.0.1:"),
                "CONSOLE_URL must be a loopback console, http://127.0.0.1:PORT/"
            );
            (None, u)
        }
        Err(_) => {
            let s = start(None);
            let u = s.url.clone();
            (Some(s), u)
        }
    }
}

/// Percentile (nearest rank) of sorted latencies.
fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1]
}

/// The loopback load test: `iuinet serve` on the embedded dataset (or the
/// console already running at CONSOLE_URL, which must be on 127.0.0.1),
/// once every background report is ready; then CONSOLE_LOAD_CLIENTS (50)
/// clients, each with one keep-alive connection to 127.0.0.1, send
/// requests back to back for CONSOLE_LOAD_SECONDS (10 s): per client, in
/// turn, a match with explanations for one of the 200 busiest brokers, a
/// name search, and the candidates page (HTML with the ego SVG). Prints
/// p50/p99 per route; fails on any error or non-200.
///
/// `cargo test --release --test it console_serve::load_test -- --ignored --nocapture`
#[test]
#[ignore = "a 10 s load test; run it explicitly (docs/console.md)"]
fn load_test() {
    use http_body_util::BodyExt;
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;

    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let clients = env("CONSOLE_LOAD_CLIENTS", 50) as usize;
    let secs = env("CONSOLE_LOAD_SECONDS", 10);
    let (_server, url) = running_or_start();
    let t0 = Instant::now();
    loop {
        let (_, body) = http_get(&url, "/api/status");
        if !body.contains("false") {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(1800),
            "background reports not ready: {body}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    eprintln!(
        "background reports ready after {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    let (st, body) = http_get(&url, "/api/brokers?top=200");
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ids: Vec<String> = v["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect();
    let names: Vec<String> = v["brokers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            b["name"]
                .as_str()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let base = url.trim_end_matches('/').to_string();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let routes = ["match", "search", "candidates"];
    let (mut lat, errors) = rt.block_on(async {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let mut tasks = Vec::new();
        for c in 0..clients {
            let (ids, names, base) = (ids.clone(), names.clone(), base.clone());
            tasks.push(tokio::spawn(async move {
                let client: Client<_, http_body_util::Empty<bytes::Bytes>> =
                    Client::builder(TokioExecutor::new())
                        .pool_max_idle_per_host(1)
                        .build_http();
                let mut lat: Vec<Vec<Duration>> = vec![Vec::new(); 3];
                let mut errors: Vec<String> = Vec::new();
                let mut i = c;
                while Instant::now() < deadline {
                    let route = i % 3;
                    let id = &ids[(i * 7) % ids.len()];
                    let uri = match route {
                        0 => format!("{base}/api/match?actor={id}&explain=true"),
                        1 => format!("{base}/api/search?q={}", names[(i * 13) % names.len()]),
                        _ => format!("{base}/candidates?id={id}"),
                    };
                    let t = Instant::now();
                    match client.get(uri.parse().unwrap()).await {
                        Ok(r) => {
                            let st = r.status();
                            match r.into_body().collect().await {
                                Ok(_) if st == 200 => lat[route].push(t.elapsed()),
                                Ok(_) => errors.push(format!("{uri}: {st}")),
                                Err(e) => errors.push(format!("{uri}: {e}")),
                            }
                        }
                        Err(e) => errors.push(format!("{uri}: {e}")),
                    }
                    i += 1;
                }
                (lat, errors)
            }));
        }
        let mut lat: Vec<Vec<Duration>> = vec![Vec::new(); 3];
        let mut errors = Vec::new();
        for t in tasks {
            let (l, e) = t.await.unwrap();
            for (a, b) in lat.iter_mut().zip(l) {
                a.extend(b);
            }
            errors.extend(e);
        }
        (lat, errors)
    });
    let mut all: Vec<Duration> = lat.iter().flatten().copied().collect();
    all.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    eprintln!(
        "{clients} clients, {secs} s, {} requests ({:.0}/s), {} errors",
        all.len(),
        all.len() as f64 / secs as f64,
        errors.len()
    );
    for (r, l) in routes.iter().zip(lat.iter_mut()) {
        l.sort();
        eprintln!(
            "{r:>10}: {:>6} requests, p50 {:>8.2} ms, p99 {:>8.2} ms",
            l.len(),
            ms(pct(l, 50.0)),
            ms(pct(l, 99.0))
        );
    }
    eprintln!(
        "{:>10}: {:>6} requests, p50 {:>8.2} ms, p99 {:>8.2} ms",
        "all",
        all.len(),
        ms(pct(&all, 50.0)),
        ms(pct(&all, 99.0))
    );
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    assert!(lat.iter().all(|l| !l.is_empty()));
}

#[test]
fn nearest_rank_percentiles() {
    let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
    assert_eq!(pct(&v, 50.0), Duration::from_millis(50));
    assert_eq!(pct(&v, 99.0), Duration::from_millis(99));
    assert_eq!(pct(&v[..1], 99.0), Duration::from_millis(1));
}
