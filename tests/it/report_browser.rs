//! The HTML report in a real browser: `iuinet report` writes the file (of
//! a generated dataset calibrated like the default one),
//! headless Chromium loads it, and the DOM it renders must hold every chart
//! as a non-empty SVG with the expected labels, with no console errors and
//! no external resources. A screenshot goes to target/report.png (and to
//! docs/report.png with UPDATE_SCREENSHOT=1).
//!
//! Skips with a message when no Chromium is installed, unless CI is set:
//! then Chromium is required (`.ci/run` installs Debian's `chromium`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    for c in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(c).is_file() {
            return Some(PathBuf::from(c));
        }
    }
    None
}

fn chromium_cmd(bin: &Path, profile: &Path) -> Command {
    let mut c = Command::new(bin);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The dataset the report is drawn from: the default dataset's generator
/// at a quarter of its size (same calibration, a shorter test).
fn dataset(dir: &Path) -> PathBuf {
    let out = dir.join("korea-quarter");
    let st = Command::new(env!("CARGO_BIN_EXE_iuinet"))
        .args([
            "-q",
            "generate",
            "--preset",
            "korea-iccp",
            "--scale",
            "0.25",
            "-o",
        ])
        .arg(&out)
        .status()
        .expect("run iuinet generate");
    assert!(st.success(), "iuinet generate failed");
    out
}

fn console_errors(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.contains("Uncaught") || l.contains("ERROR:CONSOLE") || l.contains(":CONSOLE(")
        })
        .collect()
}

/// The `<figure class="chart" id=ID>` element of the DOM, up to its end.
fn figure<'a>(dom: &'a str, id: &str) -> &'a str {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("chart {id} is missing from the rendered DOM"));
    let rest = &dom[start..];
    let end = rest.find("</figure>").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn report_renders_in_chromium() {
    let Some(bin) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but no Chromium was found at /usr/bin/chromium; .ci/run installs it");
        }
        eprintln!(
            "SKIPPED report_renders_in_chromium: no Chromium found (apt-get install chromium)"
        );
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let html = tmp.path().join("report.html");
    let data = dataset(tmp.path());
    let out = Command::new(env!("CARGO_BIN_EXE_iuinet"))
        .args(["-q", "report"])
        .arg(&data)
        .arg("-o")
        .arg(&html)
        .output()
        .expect("run iuinet");
    assert!(
        out.status.success(),
        "iuinet report failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let source = std::fs::read_to_string(&html).expect("report");
    // self-contained: no scripts, no external resources
    assert!(!source.contains("<script"), "the report has a script");
    for needle in ["src=", "href=", "url(", "@import"] {
        assert!(
            !source.contains(needle),
            "the report refers to a resource: {needle}"
        );
    }
    let url = format!("file://{}", html.display());

    let profile = tmp.path().join("profile");
    let dump = chromium_cmd(&bin, &profile)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("run chromium");
    let stderr = String::from_utf8_lossy(&dump.stderr);
    assert!(dump.status.success(), "chromium failed: {stderr}");
    let errs = console_errors(&stderr);
    assert!(errs.is_empty(), "console errors: {errs:#?}");
    let dom = String::from_utf8_lossy(&dump.stdout);
    assert!(dom.contains("Dataset summary"), "the DOM has no summary");
    // every chart: an SVG with drawn shapes and its labels as text
    let charts: [(&str, &[&str]); 5] = [
        ("chart-consortium", &["I-U", "projects"]),
        ("chart-density", &["Dongnam", "Honam"]),
        ("chart-size", &["lt30", "300+", "per firm"]),
        ("chart-years", &["2005", "2009", "participants"]),
        ("chart-regions", &["Dongnam ("]),
    ];
    for (id, labels) in charts {
        let f = figure(&dom, id);
        assert!(f.contains("<svg"), "{id}: no <svg>");
        let shapes = f.matches("<rect").count()
            + f.matches("<polyline").count()
            + f.matches("<circle").count()
            + f.matches("<path").count();
        assert!(shapes >= 3, "{id}: only {shapes} shapes drawn");
        assert!(f.matches("<text").count() >= 2, "{id}: no text labels");
        for l in labels {
            assert!(f.contains(l), "{id}: label {l:?} missing");
        }
    }
    for table in ["Top actors by betweenness", "Top brokers"] {
        assert!(dom.contains(table), "{table} missing");
    }

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let s = chromium_cmd(&bin, &profile)
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2400")
        .arg(&url)
        .output()
        .expect("run chromium");
    let stderr = String::from_utf8_lossy(&s.stderr);
    assert!(s.status.success(), "chromium screenshot failed: {stderr}");
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "screenshot is not a PNG of a page"
    );
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write("docs/report.png", &png).expect("write docs/report.png");
    }
}
