//! The distributed mode (feature `distributed`): 2 and 3 processes on
//! localhost write the same bytes as one process; a lost, missing or
//! mismatched process stops the others with a message naming it, a
//! non-zero exit and no output file.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("iuinet")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A hostfile of `n` free localhost ports (bound to port 0 and released).
fn hostfile(dir: &Path, n: usize) -> PathBuf {
    let listeners: Vec<TcpListener> = (0..n)
        .map(|_| TcpListener::bind("127.0.0.1:0").unwrap())
        .collect();
    let lines: Vec<String> = listeners
        .iter()
        .map(|l| format!("127.0.0.1:{}", l.local_addr().unwrap().port()))
        .collect();
    let p = dir.join(format!(
        "hosts-{n}-{}.txt",
        lines[0].replace([':', '.'], "_")
    ));
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

/// Start process `i` of `n` running `args` (the subcommand first).
fn start(hosts: &Path, n: usize, i: usize, args: &[&str], extra: &[&str]) -> Child {
    Command::new(bin())
        .current_dir(root())
        .args(["-q", "--hostfile"])
        .arg(hosts)
        .args(["--processes", &n.to_string(), "--process", &i.to_string()])
        .args(extra)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for a child at most `limit`; kill it and fail the test after that.
fn wait(mut c: Child, limit: Duration) -> (ExitStatus, String) {
    let t0 = Instant::now();
    loop {
        if let Some(st) = c.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut c.stderr.take().unwrap(), &mut err).unwrap();
            return (st, err);
        }
        if t0.elapsed() > limit {
            let _ = c.kill();
            panic!("a process did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Run `args` on one process and on `n` processes; the outputs must be
/// the same bytes.
fn same_bytes(dir: &Path, args: &[&str], ns: &[usize]) {
    let one = dir.join("one.out");
    let st = Command::new(bin())
        .current_dir(root())
        .arg("-q")
        .args(args)
        .arg("-o")
        .arg(&one)
        .status()
        .unwrap();
    assert!(st.success(), "single run of {args:?}");
    let want = std::fs::read(&one).unwrap();
    assert!(want.len() > 100, "{args:?} wrote {} bytes", want.len());
    for &n in ns {
        let hosts = hostfile(dir, n);
        let out = dir.join(format!("dist-{n}.out"));
        let _ = std::fs::remove_file(&out);
        let mut kids = Vec::new();
        for i in (0..n).rev() {
            let mut a: Vec<&str> = args.to_vec();
            let o = out.to_str().unwrap();
            if i == 0 {
                a.extend(["-o", o]);
            }
            kids.push(start(&hosts, n, i, &a, &[]));
        }
        for c in kids {
            let (st, err) = wait(c, Duration::from_secs(600));
            assert!(st.success(), "{n} processes, {args:?}: {err}");
        }
        let got = std::fs::read(&out).unwrap();
        assert!(got == want, "{n} processes differ from one on {args:?}");
    }
}

#[test]
fn fixtures_give_the_same_bytes_on_two_and_three_processes() {
    let dir = tempfile::tempdir().unwrap();
    for (data, weight) in [
        ("tests/fixtures/lesmis", "none"),
        ("tests/fixtures/lesmis", "sum"),
        ("tests/fixtures/karate", "none"),
        ("tests/fixtures/davis", "newman"),
    ] {
        same_bytes(
            dir.path(),
            &[
                "centrality",
                data,
                "--weight",
                weight,
                "--top-edges",
                "25",
                "--format",
                "json",
            ],
            &[2, 3],
        );
    }
    same_bytes(
        dir.path(),
        &[
            "match",
            "tests/fixtures/lesmis",
            "--all",
            "--kind",
            "other",
            "--top",
            "5",
        ],
        &[2, 3],
    );
}

/// The generated programme at scale 0.3, shared by the tests below.
fn generated(dir: &Path) -> PathBuf {
    let d = dir.join("korea-0.3");
    let st = Command::new(bin())
        .args([
            "-q",
            "generate",
            "--preset",
            "korea-iccp",
            "--scale",
            "0.3",
            "-o",
        ])
        .arg(&d)
        .status()
        .unwrap();
    assert!(st.success());
    d
}

#[test]
fn generated_scale_0_3_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = generated(dir.path());
    let d = d.to_str().unwrap();
    same_bytes(
        dir.path(),
        &[
            "centrality",
            d,
            "--measures",
            "betweenness,closeness,harmonic,degree",
            "--top-edges",
            "50",
            "--format",
            "csv",
        ],
        &[2, 3],
    );
    same_bytes(dir.path(), &["match", d, "--all", "--kind", "firm"], &[2]);
    same_bytes(
        dir.path(),
        &["metrics", d, "--only", "network,network_views"],
        &[3],
    );
}

/// No output file and no temporary file beside it.
fn no_output(dir: &Path, out: &Path) {
    assert!(!out.exists(), "{} was written", out.display());
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with(".iuinet-"), "temporary {name} left");
    }
}

#[test]
fn a_killed_process_stops_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let d = generated(dir.path());
    let outdir = dir.path().join("out");
    std::fs::create_dir(&outdir).unwrap();
    let out = outdir.join("c.json");
    let hosts = hostfile(dir.path(), 3);
    let args = [
        "centrality",
        d.to_str().unwrap(),
        "--measures",
        "betweenness",
        "--top-edges",
        "10",
        "-o",
        out.to_str().unwrap(),
    ];
    let p0 = start(&hosts, 3, 0, &args, &[]);
    let p1 = start(&hosts, 3, 1, &args, &[]);
    // process 2 reports its stages (-v); once its view is built it is
    // connected and traversing: kill it then
    let mut p2 = Command::new(bin())
        .current_dir(root())
        .args(["-v", "--hostfile"])
        .arg(&hosts)
        .args(["--processes", "3", "--process", "2"])
        .args(&args[..args.len() - 2])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(p2.stderr.take().unwrap()).lines();
    loop {
        match lines.next() {
            Some(Ok(l)) if l.ends_with("] view") => break,
            Some(Ok(_)) => {}
            _ => panic!("process 2 ended before building its view"),
        }
    }
    p2.kill().unwrap();
    p2.wait().unwrap();
    let t0 = Instant::now();
    // each survivor names the first connection it lost: the killed process,
    // or the other survivor if that one stopped first (which it does only
    // after losing process 2), so at least one of them names process 2
    let mut named_2 = false;
    for (p, other) in [(p0, "process 1"), (p1, "process 0")] {
        let (st, err) = wait(p, Duration::from_secs(60));
        assert_eq!(st.code(), Some(3), "{err}");
        assert!(err.contains("process 2") || err.contains(other), "{err}");
        named_2 |= err.contains("process 2");
    }
    assert!(named_2, "no survivor named the killed process");
    assert!(t0.elapsed() < Duration::from_secs(30));
    no_output(&outdir, &out);
}

#[test]
fn a_process_that_never_starts_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let hosts = hostfile(dir.path(), 3);
    let out = dir.path().join("c.json");
    let args = [
        "centrality",
        "tests/fixtures/karate",
        "-o",
        out.to_str().unwrap(),
    ];
    let t0 = Instant::now();
    let kids = [
        start(&hosts, 3, 0, &args, &["--connect-timeout", "3"]),
        start(&hosts, 3, 1, &args, &["--connect-timeout", "3"]),
    ];
    for p in kids {
        let (st, err) = wait(p, Duration::from_secs(60));
        assert_eq!(st.code(), Some(3), "{err}");
        assert!(err.contains("process 2"), "{err}");
    }
    assert!(t0.elapsed() < Duration::from_secs(30));
    no_output(dir.path(), &out);
}

/// Start process 0 with `first` (and `-o`) and process 1 with `second`;
/// both must stop with exit code 2 and no output. Returns their messages.
fn both_refused(first: &[&str], second: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let hosts = hostfile(dir.path(), 2);
    let out = dir.path().join("c.json");
    let with_out: Vec<&str> = first
        .iter()
        .copied()
        .chain(["-o", out.to_str().unwrap()])
        .collect();
    let kids = [
        start(&hosts, 2, 0, &with_out, &[]),
        start(&hosts, 2, 1, second, &[]),
    ];
    let mut errs = Vec::new();
    for p in kids {
        let (st, err) = wait(p, Duration::from_secs(60));
        assert_eq!(st.code(), Some(2), "{err}");
        errs.push(err);
    }
    no_output(dir.path(), &out);
    errs
}

#[test]
fn different_data_stops_every_process() {
    for err in both_refused(
        &["centrality", "tests/fixtures/karate"],
        &["centrality", "tests/fixtures/lesmis"],
    ) {
        assert!(err.contains("did not load the same dataset"), "{err}");
        assert!(
            err.contains("process 0: ") && err.contains("process 1: "),
            "{err}"
        );
    }
}

// The same data but other flags (here --measures) is refused too; the data
// path and -o may differ.
#[test]
fn different_flags_stop_every_process() {
    for err in both_refused(
        &[
            "centrality",
            "tests/fixtures/karate",
            "--measures",
            "degree",
        ],
        &[
            "centrality",
            "tests/fixtures/karate/",
            "--measures",
            "closeness",
        ],
    ) {
        assert!(err.contains("run the same command"), "{err}");
    }
}

#[test]
fn other_commands_and_bad_flags_are_refused() {
    let run = |args: &[&str]| {
        Command::new(bin())
            .current_dir(root())
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&["--processes", "2", "--process", "0", "summary"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("apply to centrality"));
    let o = run(&["--processes", "2", "--process", "2", "centrality"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--process 2 is not one of 0 … 1"));
    let o = run(&[
        "--processes",
        "2",
        "--process",
        "0",
        "match",
        "--actor",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2));
}
