//! Arbitrary bytes and arbitrary row mixes into every parser: the result is
//! Ok or a data error, never a panic; every problem names a file and line.

use iuinet::ingest::{Limits, build, csv as icsv, json as ijson, table::Tables};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("a".to_string()),
        Just("b".to_string()),
        Just("c".to_string()),
        Just("firm".to_string()),
        Just("university".to_string()),
        Just("robot".to_string()),
        Just("2005".to_string()),
        Just("-3".to_string()),
        Just("NaN".to_string()),
        Just("1e308".to_string()),
        Just("300+".to_string()),
        Just("lt30".to_string()),
        Just("12".to_string()),
        Just("lead".to_string()),
        Just("\"q,\"".to_string()),
        "[ -~]{0,6}",
        any::<String>(),
    ]
}

fn csv_text(header: &'static str) -> impl Strategy<Value = String> {
    let width = header.split(',').count();
    prop::collection::vec(prop::collection::vec(cell(), 0..width + 2), 0..12).prop_map(
        move |rows| {
            let mut s = format!("{header}\n");
            for r in rows {
                s.push_str(&r.join(","));
                s.push('\n');
            }
            s
        },
    )
}

fn tables_from(a: &str, e: &str, p: &str, t: &str) -> Result<Tables, ()> {
    let lim = Limits::default();
    let mut problems = Vec::new();
    let mut parse =
        |n: &str, s: &str| icsv::parse_bytes(PathBuf::from(n), s.as_bytes(), &lim, &mut problems);
    let tb = Tables {
        dataset: PathBuf::from("."),
        actors: Some(parse("actors.csv", a)),
        events: Some(parse("events.csv", e)),
        projects: Some(parse("projects.csv", p)),
        ties: Some(parse("ties.csv", t)),
        notes: Vec::new(),
    };
    for pr in &problems {
        assert!(pr.line.is_some(), "CSV problem without a line: {pr}");
    }
    if problems.is_empty() { Ok(tb) } else { Err(()) }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn csv_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut problems = Vec::new();
        let t = icsv::parse_bytes(PathBuf::from("x.csv"), &bytes, &Limits::default(), &mut problems);
        let tb = Tables { dataset: PathBuf::from("."), actors: Some(t.clone()), ties: Some(t), ..Tables::default() };
        let _ = build(tb);
    }

    #[test]
    fn json_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = ijson::parse_bytes(Path::new("x.json"), &bytes).and_then(build);
    }

    #[test]
    fn json_like_text_never_panics(s in r#"[\{\}\[\]":,a-z0-9 \n-]{0,200}"#) {
        let _ = ijson::parse_bytes(Path::new("x.json"), s.as_bytes()).and_then(build);
        let wrapped = format!("{{\"actors\":[{s}]}}");
        let _ = ijson::parse_bytes(Path::new("x.json"), wrapped.as_bytes()).and_then(build);
    }

    #[test]
    fn row_mixes_are_ok_or_located_errors(
        a in csv_text("id,name,kind,employees,size_class,region,complex,mini_clusters,country"),
        e in csv_text("event_id,type,year,actor_id,mini_cluster"),
        p in csv_text("project_id,type,year,actor_id,role,funding"),
        t in csv_text("source,target,type,year,weight"),
    ) {
        if let Ok(tb) = tables_from(&a, &e, &p, &t) {
            match build(tb) {
                Ok(net) => {
                    // whatever loaded is consistent
                    for tie in &net.ties {
                        prop_assert!(tie.weight.is_finite() && tie.weight >= 0.0);
                        prop_assert!(tie.source != tie.target);
                    }
                    let _ = iuinet::view::View::build(&net, &Default::default());
                }
                Err(err) => {
                    prop_assert!(!err.problems().is_empty());
                    for pr in err.problems() {
                        prop_assert!(pr.line.is_some(), "problem without a line: {}", pr);
                    }
                }
            }
        }
    }
}
