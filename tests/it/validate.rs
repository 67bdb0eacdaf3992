//! `iuinet validate`: every bad-input case (missing, malformed or inconsistent data) gives exit code 2 and
//! a `FILE:LINE:` message; good datasets give 0.

use crate::util::iuinet;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const ACTORS: &str = "id,name,kind,employees,size_class,region\n\
a,Alpha,firm,20,,Dongnam\n\
b,Beta,university,,,Dongnam\n\
c,Gamma,firm,400,300+,Honam\n";

/// A dataset directory with the given files (name, content).
fn dataset(files: &[(&str, &[u8])]) -> TempDir {
    let d = tempfile::tempdir().expect("tempdir");
    for (name, body) in files {
        fs::write(d.path().join(name), body).expect("write");
    }
    d
}

fn validate(dir: &Path) -> assert_cmd::assert::Assert {
    iuinet().arg("validate").arg(dir).assert()
}

#[test]
fn good_dataset_passes() {
    let d = dataset(&[
        ("actors.csv", ACTORS.as_bytes()),
        ("events.csv", b"event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,b\n"),
        ("projects.csv", b"project_id,type,year,actor_id,role,funding\np1,rnd,2006,a,lead,100\np1,rnd,2006,c,member,\n"),
        ("ties.csv", b"source,target,type,year,weight\na,c,supply,2007,\n"),
    ]);
    validate(d.path())
        .success()
        .stdout(contains("ok:"))
        .stdout(contains("3 actors"));
}

#[test]
fn readme_and_graphs_datasets_pass() {
    let mut dirs = vec![std::path::PathBuf::from("tests/data/readme")];
    for e in fs::read_dir("graphs").expect("graphs/") {
        let p = e.expect("entry").path();
        if p.join("actors.csv").is_file() {
            dirs.push(p);
        }
    }
    for d in &dirs {
        validate(d).success();
        iuinet()
            .arg("summary")
            .arg(d)
            .assert()
            .success()
            .stdout(contains("actors"));
        iuinet()
            .args(["summary", "--json"])
            .arg(d)
            .assert()
            .success()
            .stdout(contains("\"schema\": \"iuinet.summary/1\""));
    }
}

#[test]
fn unknown_kind_lists_allowed_kinds() {
    let d = dataset(&[("actors.csv", b"id,kind\na,firm\nb,company\n")]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv:3:"))
        .stderr(contains("unknown kind \"company\""))
        .stderr(contains("firm, university, institute, agency, other"));
}

#[test]
fn duplicate_id_names_first_line() {
    let d = dataset(&[("actors.csv", b"id,kind\na,firm\nb,firm\na,university\n")]);
    validate(d.path()).code(2).stderr(contains(
        "actors.csv:4: duplicate actor id \"a\" (first at line 2)",
    ));
}

#[test]
fn unknown_actor_reference() {
    let d = dataset(&[
        ("actors.csv", ACTORS.as_bytes()),
        (
            "events.csv",
            b"event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,zz\n",
        ),
        ("ties.csv", b"source,target\na,qq\n"),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains(
            "events.csv:3: `actor_id` refers to unknown actor \"zz\"",
        ))
        .stderr(contains(
            "ties.csv:2: `target` refers to unknown actor \"qq\"",
        ));
}

#[test]
fn non_integer_year_and_employees() {
    let d = dataset(&[
        ("actors.csv", b"id,kind,employees\na,firm,12.5\nb,firm,\n"),
        (
            "projects.csv",
            b"project_id,type,year,actor_id\np1,rnd,20x6,b\n",
        ),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains(
            "actors.csv:2: `employees` is \"12.5\", expected a whole number",
        ))
        .stderr(contains(
            "projects.csv:2: `year` is \"20x6\", expected an integer year",
        ));
}

#[test]
fn negative_and_non_finite_weights() {
    let d = dataset(&[
        ("actors.csv", ACTORS.as_bytes()),
        (
            "ties.csv",
            b"source,target,type,year,weight\na,b,t,,-1\na,c,t,,NaN\nb,c,t,,inf\na,b,t,,n/a\n",
        ),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains("ties.csv:2: `weight` is \"-1\""))
        .stderr(contains("ties.csv:3: `weight` is \"NaN\""))
        .stderr(contains("ties.csv:4: `weight` is \"inf\""))
        .stderr(contains("ties.csv:5: `weight` is \"n/a\""))
        .stderr(contains("4 problems found"));
}

#[test]
fn missing_required_column() {
    let d = dataset(&[
        ("actors.csv", b"id,name\na,Alpha\n"),
        ("ties.csv", b"source,type\na,supply\n"),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv:1: missing required column `kind`"))
        .stderr(contains("ties.csv:1: missing required column `target`"));
}

#[test]
fn missing_actors_file() {
    // a directory with ties.csv alone is a dataset of its own (actors
    // inferred, see import_formats); with events.csv, actors.csv is needed
    let d = dataset(&[("events.csv", b"event_id,actor_id\ne1,a\ne1,b\n")]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv"))
        .stderr(contains("hint:"));
}

#[test]
fn size_class_contradicting_employees() {
    let d = dataset(&[(
        "actors.csv",
        b"id,kind,employees,size_class\na,firm,10,300+\nb,firm,35,30-49\nc,firm,,huge\n",
    )]);
    validate(d.path())
        .code(2)
        .stderr(contains(
            "actors.csv:2: `size_class` is 300+ but 10 employees make the class lt30",
        ))
        .stderr(contains("actors.csv:4: unknown size class \"huge\""))
        .stderr(contains("actors.csv:3:").not());
}

#[test]
fn self_tie() {
    let d = dataset(&[
        ("actors.csv", ACTORS.as_bytes()),
        ("ties.csv", b"source,target\na,b\nc,c\n"),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains("ties.csv:3: self-tie"));
}

#[test]
fn not_utf8() {
    let d = dataset(&[("actors.csv", b"id,kind\na,firm\nb\xff\xfe,firm\n")]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv:3:"))
        .stderr(contains("UTF-8"));
}

#[test]
fn not_csv() {
    // a row with the wrong number of fields, and an unbalanced quote
    let d = dataset(&[
        ("actors.csv", b"id,kind\na,firm,extra\nb,firm\n"),
        ("ties.csv", b"source,target\n\"a,b\n"),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv:2: row has 3 fields, the header has 2"));
    let d = dataset(&[("actors.csv", b"\x00\x01\x02binary\n\x89PNG\r\n")]);
    validate(d.path()).code(2).stderr(contains("actors.csv"));
}

#[test]
fn group_rows_must_agree_and_not_repeat() {
    let d = dataset(&[
        ("actors.csv", ACTORS.as_bytes()),
        (
            "events.csv",
            b"event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2006,b\ne1,forum,2005,a\n",
        ),
    ]);
    validate(d.path())
        .code(2)
        .stderr(contains(
            "events.csv:3: event \"e1\" has year 2006 here but 2005 at line 2",
        ))
        .stderr(contains(
            "events.csv:4: actor \"a\" is listed twice in event \"e1\" (first at line 2)",
        ));
}

#[test]
fn json_errors_name_lines() {
    let d = tempfile::tempdir().expect("tempdir");
    let p = d.path().join("data.json");
    fs::write(
        &p,
        "{\n  \"actors\": [\n    {\"id\": \"a\", \"kind\": \"firm\"},\n    {\"id\": \"b\", \"kind\": \"robot\"}\n  ],\n  \"ties\": [\n    {\"source\": \"a\", \"target\": \"b\", \"weight\": -2}\n  ]\n}\n",
    )
    .expect("write");
    iuinet()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(contains("data.json:4: unknown kind \"robot\""));
    fs::write(&p, "{\"actors\": [\n{\"id\": \"a\",, }]}").expect("write");
    iuinet()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(contains("data.json:2:"));
}

#[test]
fn missing_path_is_exit_3() {
    iuinet()
        .args(["validate", "/nonexistent/iuinet-data"])
        .assert()
        .code(3)
        .stderr(contains("/nonexistent/iuinet-data"));
}

#[test]
fn every_problem_is_listed_up_to_the_cap() {
    let mut actors = String::from("id,kind\n");
    for i in 0..80 {
        actors.push_str(&format!("a{i},robot\n"));
    }
    let d = dataset(&[("actors.csv", actors.as_bytes())]);
    validate(d.path())
        .code(2)
        .stderr(contains("actors.csv:2:"))
        .stderr(contains("actors.csv:51:"))
        .stderr(contains("actors.csv:52:").not())
        .stderr(contains("... and 30 more problems"))
        .stderr(contains("80 problems found"));
}
