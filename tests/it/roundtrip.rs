//! CSV → JSON → CSV loses nothing: the network read back equals the original,
//! extra columns included.

use iuinet::ingest;
use iuinet::output::dataset;
use std::fs;

#[test]
fn csv_json_csv_round_trip_is_lossless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("src");
    fs::create_dir(&src).expect("mkdir");
    fs::write(
        src.join("actors.csv"),
        "id,name,kind,employees,size_class,region,complex,mini_clusters,country,website\n\
         f1,\"Daeil, Inc.\",firm,45,,Dongnam,Changwon,mc-a;mc-b,KR,http://x\n\
         f2,Hanbit,firm,,300+,Dongnam,,,JP,\n\
         u1,\"Uni \"\"Q\"\"\",university,,,,,,,\n",
    )
    .expect("write");
    fs::write(
        src.join("events.csv"),
        "event_id,type,year,actor_id,mini_cluster,room\ne1,forum,2005,f1,mc-a,B1\ne1,forum,2005,u1,,\n",
    )
    .expect("write");
    fs::write(
        src.join("projects.csv"),
        "project_id,type,year,actor_id,role,funding\np1,joint R&D,2006,f1,lead,1.5\np1,joint R&D,2006,f2,member,\n",
    )
    .expect("write");
    fs::write(
        src.join("ties.csv"),
        "source,target,type,year,weight,note\nf1,f2,supply,,0.25,annual\nf2,u1,mentoring,2008,,\n",
    )
    .expect("write");
    let a = ingest::load(&src).expect("load csv");
    let json = dir.path().join("d.json");
    dataset::write_json(&a, &json).expect("write json");
    let b = ingest::load(&json).expect("load json");
    assert_eq!(a, b, "CSV -> JSON changed the network");
    let back = dir.path().join("back");
    dataset::write_csv_dir(&b, &back).expect("write csv");
    let c = ingest::load(&back).expect("load csv again");
    assert_eq!(a, c, "JSON -> CSV changed the network");
    // spot checks that equality is not vacuous
    assert_eq!(c.actors[0].name, "Daeil, Inc.");
    assert_eq!(
        c.actors[0].attrs,
        vec![("website".to_string(), "http://x".to_string())]
    );
    assert_eq!(c.actors[1].country, "JP");
    assert_eq!(c.ties[0].weight, 0.25);
    assert_eq!(c.ties[0].year, None);
    assert_eq!(c.groups[1].members[0].funding, Some(1.5));
    // and a real difference is detected
    let mut d = c.clone();
    d.ties[0].weight = 0.5;
    assert_ne!(a, d);
}

#[test]
fn json_numbers_and_lists_are_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("d.json");
    fs::write(
        &p,
        r#"{"actors":[{"id":"a","kind":"firm","employees":120,"mini_clusters":["x","y"]},{"id":"b","kind":"agency"}],
            "ties":[{"source":"a","target":"b","year":"2007","weight":2}], "events": []}"#,
    )
    .expect("write");
    let n = ingest::load(&p).expect("load");
    assert_eq!(n.actors[0].mini_clusters, vec!["x", "y"]);
    assert_eq!(n.actors[0].size_class.map(|c| c.as_str()), Some("100-299"));
    assert_eq!(n.ties[0].year, Some(2007));
    assert_eq!(n.ties[0].weight, 2.0);
}

/// Every example of the dataset format page (docs/formats.md) loads: the CSV
/// blocks (kept in tests/data/readme, checked equal to the page here) and the
/// JSON block.
#[test]
fn format_doc_examples_load() {
    let readme = fs::read_to_string("docs/formats.md").expect("docs/formats.md");
    for name in ["actors", "events", "projects", "ties"] {
        let start = readme
            .find(&format!("### {name}.csv"))
            .unwrap_or_else(|| panic!("docs/formats.md has no {name}.csv section"));
        let block = &readme[start..];
        let b = block.find("```csv\n").expect("csv block") + 7;
        let e = block[b..].find("```").expect("end of block");
        let file = fs::read_to_string(format!("tests/data/readme/{name}.csv")).expect("copy");
        assert_eq!(
            &block[b..b + e],
            file,
            "tests/data/readme/{name}.csv differs from docs/formats.md"
        );
    }
    let start = readme.find("```json\n{\"actors\"").expect("json block") + 8;
    let end = readme[start..].find("```").expect("end");
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("readme.json");
    fs::write(&p, &readme[start..start + end]).expect("write");
    let n = ingest::load(&p).expect("README JSON example loads");
    assert_eq!(n.actors.len(), 1);
    let n =
        ingest::load(std::path::Path::new("tests/data/readme")).expect("README CSV examples load");
    let s = iuinet::metrics::summary::summary(&n);
    // hand count: 6 actors; ev1 3 members (3 links) + ev2 2 (1); p1 2 (1) + p2 3 (3); 3 ties
    assert_eq!(
        (s.actors, s.events, s.participations, s.projects, s.ties),
        (6, 2, 5, 2, 3)
    );
    assert_eq!(s.links, 3 + 1 + 1 + 3 + 3);
    let firms: Vec<u64> = s.firms_by_size_class.iter().map(|c| c.count).collect();
    assert_eq!(firms, vec![0, 1, 0, 0, 2, 0]); // 45 -> 30-49; 1200 and 300 -> 300+
}
