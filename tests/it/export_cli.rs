//! `iuinet export` from the command line: the README's examples run, the
//! format comes from the extension, and an edge list of one layer holds the
//! pairs counted by hand.

use crate::util::iuinet;
use predicates::str::contains;

#[test]
fn readme_examples_run() {
    let tmp = tempfile::tempdir().expect("tmp");
    let g = tmp.path().join("readme.graphml");
    iuinet()
        .args(["export", "tests/data/readme", "--weight", "sum", "-o"])
        .arg(&g)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&g)
            .expect("graphml")
            .contains("<graphml")
    );
    let x = tmp.path().join("readme.gexf");
    iuinet()
        .args(["export", "tests/data/readme", "--with-metrics", "-o"])
        .arg(&x)
        .assert()
        .success();
    let gexf = std::fs::read_to_string(&x).expect("gexf");
    assert!(gexf.contains("xmlns=\"http://gexf.net/1.3\"") && gexf.contains("version=\"1.3\""));
    assert!(gexf.contains("title=\"betweenness\""));
    // projects only: p1 {f1,u1} and p2 {f2,f1,r1} give f1-u1, f1-f2, f1-r1, f2-r1
    iuinet()
        .args([
            "export",
            "tests/data/readme",
            "--layers",
            "project",
            "--format",
            "edgelist",
        ])
        .assert()
        .success()
        .stdout(
            "source\ttarget\tweight\tlinks\tevent_links\tproject_links\ttie_links\tfirst_year\tlast_year\n\
             f1\tf2\t1.0\t1\t0\t1\t0\t2007\t2007\n\
             f1\tr1\t1.0\t1\t0\t1\t0\t2007\t2007\n\
             f1\tu1\t1.0\t1\t0\t1\t0\t2006\t2006\n\
             f2\tr1\t1.0\t1\t0\t1\t0\t2007\t2007\n",
        );
    iuinet()
        .args(["summary", "tests/fixtures/interop/iui.graphml"])
        .assert()
        .success()
        .stdout(contains("ties"));
    iuinet()
        .args(["convert", "tests/fixtures/interop/iui.gexf", "-o"])
        .arg(tmp.path().join("iui-csv"))
        .assert()
        .success();
    assert!(tmp.path().join("iui-csv/ties.csv").is_file());
}

#[test]
fn format_comes_from_flag_or_extension() {
    iuinet()
        .args(["export", "tests/data/readme", "-o", "x.unknown"])
        .assert()
        .code(2)
        .stderr(contains("--format"));
    iuinet()
        .args(["export", "tests/data/readme"])
        .assert()
        .code(2)
        .stderr(contains("--format"));
    iuinet()
        .args(["export", "tests/data/readme", "-f", "pajek"])
        .assert()
        .success()
        .stdout(contains("*Vertices 6\n1 \"f1\"\n"));
}

#[test]
fn text_xml_cannot_hold_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("actors.csv"),
        "id,name,kind\na,bell\u{7},firm\n",
    )
    .expect("write");
    let out = tmp.path().join("x.graphml");
    iuinet()
        .arg("export")
        .arg(tmp.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("U+0007"));
    assert!(!out.exists());
}
