//! Outputs are all-or-nothing and reproducible: a truncated or corrupt
//! input never leaves a (partial) result file behind, a failed run leaves an
//! existing result untouched, and every `-o` output is byte-identical across
//! runs and for RAYON_NUM_THREADS=1 and 2. Limits are reachable by flags.

use crate::util::iuinet;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};

/// Corrupt inputs, each a dataset path: truncated GraphML and GEXF, a
/// truncated JSON, non-UTF-8 JSON, a CSV dataset with an unknown kind and
/// one with an unclosed quote.
fn corrupt_inputs(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for fmt in ["graphml", "gexf"] {
        let full = dir.join(format!("full.{fmt}"));
        iuinet()
            .args(["export", "tests/data/readme", "-o"])
            .arg(&full)
            .assert()
            .success();
        let bytes = fs::read(&full).expect("export");
        for cut in [bytes.len() / 3, bytes.len() * 2 / 3, bytes.len() - 12] {
            let p = dir.join(format!("cut{cut}.{fmt}"));
            fs::write(&p, &bytes[..cut]).expect("write");
            v.push(p);
        }
    }
    let json = dir.join("full.json");
    iuinet()
        .args(["convert", "tests/data/readme", "-o"])
        .arg(&json)
        .assert()
        .success();
    let bytes = fs::read(&json).expect("json");
    let p = dir.join("cut.json");
    fs::write(&p, &bytes[..bytes.len() / 2]).expect("write");
    v.push(p);
    let p = dir.join("latin1.json");
    fs::write(
        &p,
        b"{\"actors\": [{\"id\": \"caf\xe9\", \"kind\": \"firm\"}]}",
    )
    .expect("write");
    v.push(p);
    let d = dir.join("badkind");
    fs::create_dir_all(&d).expect("dir");
    fs::write(d.join("actors.csv"), "id,kind\na,firm\nb,robot\n").expect("write");
    v.push(d);
    let d = dir.join("quote");
    fs::create_dir_all(&d).expect("dir");
    fs::write(d.join("actors.csv"), "id,kind\na,firm\n\"b,firm\nc,firm\n").expect("write");
    fs::write(d.join("ties.csv"), "source,target\na,c\n").expect("write");
    v.push(d);
    v
}

fn no_temp_files(dir: &Path) {
    for e in fs::read_dir(dir).expect("dir") {
        let name = e.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file left behind: {name}"
        );
    }
}

#[test]
fn corrupt_input_never_yields_a_result_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let inputs = corrupt_inputs(tmp.path());
    let out = tmp.path().join("out");
    fs::create_dir_all(&out).expect("out");
    for input in &inputs {
        let runs: Vec<(Vec<&str>, &str)> = vec![
            (vec!["export", "--format", "graphml"], "r.graphml"),
            (vec!["export", "--format", "gexf"], "r.gexf"),
            (vec!["export", "--format", "pajek"], "r.net"),
            (vec!["convert"], "r.json"),
            (vec!["convert"], "rdir"),
            (vec!["summary", "--json"], "r-summary.json"),
            (vec!["summary"], "r-summary.txt"),
            (vec!["report"], "r.html"),
        ];
        for (args, name) in runs {
            let target = out.join(name);
            let mut cmd = iuinet();
            cmd.arg("-q").args(&args).arg(input).arg("-o").arg(&target);
            cmd.assert().code(2);
            assert!(
                !target.exists(),
                "{args:?} {} left {}",
                input.display(),
                target.display()
            );
            // an existing result stays as it was
            if name != "rdir" {
                fs::write(&target, "previous result\n").expect("write");
                let mut cmd = iuinet();
                cmd.arg("-q").args(&args).arg(input).arg("-o").arg(&target);
                cmd.assert().code(2);
                assert_eq!(
                    fs::read_to_string(&target).expect("read"),
                    "previous result\n",
                    "{args:?} {}",
                    input.display()
                );
                fs::remove_file(&target).expect("rm");
            }
        }
        no_temp_files(&out);
    }
}

/// A deterministic pseudo-random dataset big enough for rayon to split the
/// work: 2000 actors, 300 events of 2–20 members, 150 projects, 1000 ties.
fn make_dataset(dir: &Path) {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut rnd = move |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let kinds = ["firm", "firm", "firm", "university", "institute", "agency"];
    let regions = ["Sudogwon", "Dongnam", "Daegyeong", "Honam", "Chungcheong"];
    let n = 2000;
    let mut a = String::from("id,name,kind,employees,region\n");
    for i in 0..n {
        let k = kinds[rnd(6) as usize];
        let emp = if k == "firm" {
            rnd(900).to_string()
        } else {
            String::new()
        };
        a.push_str(&format!(
            "a{i:04},Actor {i},{k},{emp},{}\n",
            regions[rnd(5) as usize]
        ));
    }
    fs::write(dir.join("actors.csv"), a).expect("write");
    for (file, head, groups, prefix) in [
        ("events.csv", "event_id,type,year,actor_id\n", 300, "e"),
        ("projects.csv", "project_id,type,year,actor_id\n", 150, "p"),
    ] {
        let mut s = String::from(head);
        for g in 0..groups {
            let size = 2 + rnd(19);
            let year = 2005 + rnd(5);
            let mut seen = std::collections::BTreeSet::new();
            for _ in 0..size {
                let m = rnd(n);
                if seen.insert(m) {
                    s.push_str(&format!("{prefix}{g},forum,{year},a{m:04}\n"));
                }
            }
        }
        fs::write(dir.join(file), s).expect("write");
    }
    let mut t = String::from("source,target,type,year,weight\n");
    for _ in 0..1000 {
        let (u, v) = (rnd(n), rnd(n));
        if u != v {
            t.push_str(&format!(
                "a{u:04},a{v:04},supply,{},{}\n",
                2005 + rnd(5),
                0.1 * (1 + rnd(30)) as f64
            ));
        }
    }
    fs::write(dir.join("ties.csv"), t).expect("write");
}

#[test]
fn outputs_are_identical_across_runs_and_thread_counts() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    fs::create_dir_all(&data).expect("dir");
    make_dataset(&data);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["export", "--weight", "newman"], "x.graphml"),
        (vec!["export", "--weight", "sum"], "x.gexf"),
        (vec!["export"], "x.tsv"),
        (vec!["export"], "x.net"),
        (vec!["convert"], "x.json"),
        (vec!["summary", "--json"], "s.json"),
        (vec!["report"], "r.html"),
    ];
    for (args, name) in cases {
        let mut outs: Vec<Vec<u8>> = Vec::new();
        for (run, threads) in [(0, "1"), (1, "2"), (2, "2")] {
            let target = tmp.path().join(format!("{run}-{name}"));
            iuinet()
                .env("RAYON_NUM_THREADS", threads)
                .arg("-q")
                .args(&args)
                .arg(&data)
                .arg("-o")
                .arg(&target)
                .assert()
                .success();
            outs.push(fs::read(&target).expect("read"));
        }
        assert!(outs[0].len() > 1000, "{name} is suspiciously small");
        for o in &outs[1..] {
            assert!(o == &outs[0], "{args:?} {name} differs between runs");
        }
    }
}

#[test]
fn limits_are_reachable_by_flags() {
    iuinet()
        .args([
            "--max-file-bytes",
            "100",
            "summary",
            "tests/fixtures/karate",
        ])
        .assert()
        .code(2)
        .stderr(contains("more than the limit of 100 bytes"))
        .stderr(contains("--max-file-bytes"));
    iuinet()
        .args(["summary", "tests/data/readme", "--max-line-bytes", "20"])
        .assert()
        .code(2)
        .stderr(contains("actors.csv:2: row is"))
        .stderr(contains("--max-line-bytes"));
    iuinet()
        .args([
            "--max-line-bytes",
            "5",
            "summary",
            "tests/fixtures/interop/iui.graphml",
        ])
        .assert()
        .code(2)
        .stderr(contains("iui.graphml:14:"))
        .stderr(contains("--max-line-bytes"));
    iuinet()
        .args([
            "export",
            "tests/data/readme",
            "-f",
            "graphml",
            "--max-group-size",
            "2",
        ])
        .assert()
        .code(2)
        .stderr(contains("has 3 members, more than the limit of 2"))
        .stderr(contains("--max-group-size"));
}
