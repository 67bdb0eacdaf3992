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
    // run from the dataset's directory, so the title names the dataset
    // (`korea-quarter`), not a temporary path
    let out = Command::new(env!("CARGO_BIN_EXE_iuinet"))
        .current_dir(data.parent().expect("dataset directory"))
        .args(["-q", "report"])
        .arg(data.file_name().expect("dataset name"))
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
    let charts: [(&str, &[&str]); 8] = [
        ("chart-consortium", &["I-U", "projects"]),
        (
            "chart-density",
            &["Dongnam", "Honam", "density (log scale)"],
        ),
        ("chart-degrees", &["power law fitted to the tail", "1000"]),
        ("chart-communities", &["mc-", "community 0", "NMI"]),
        ("chart-size", &["lt30", "300+", "per firm"]),
        ("chart-years", &["2005", "2009", "participants"]),
        (
            "chart-published",
            &["published", "computed", "Networking activities"],
        ),
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
    // the summary has what the README promises: density, largest
    // component, clustering and assortativity
    for row in [
        "density (linked pairs / possible pairs)",
        "largest component",
        "transitivity",
        "degree assortativity",
        "assortativity by region",
    ] {
        assert!(dom.contains(row), "summary row {row:?} missing");
    }
    // no density cell printed as a bare 0 when it is not zero: every
    // non-zero value has two significant digits
    let dens = figure(&dom, "chart-density");
    assert!(
        dens.contains("e-3") || dens.contains("e-4"),
        "small densities are not in scientific notation"
    );

    // every chart alone, screenshot at a fixed size: a PNG of that size,
    // not blank (enough non-white pixels in more than a few colours)
    for (id, _) in charts {
        let svg = figure(&source, id);
        let page = tmp.path().join(format!("{id}.html"));
        std::fs::write(
            &page,
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{{margin:0;font-family:sans-serif}}.grid{{display:flex;flex-wrap:wrap}}</style></head><body><figure class=\"chart\" {svg}</figure></body></html>"
            ),
        )
        .expect("chart page");
        let shot = tmp.path().join(format!("{id}.png"));
        let s = chromium_cmd(&bin, &profile)
            .arg(format!("--screenshot={}", shot.display()))
            .arg("--window-size=1200,900")
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("run chromium");
        assert!(s.status.success(), "{id}: chromium screenshot failed");
        let (w, h, stats) = png_stats(&shot);
        assert_eq!((w, h), (1200, 900), "{id}: screenshot size");
        assert!(
            stats.inked > (w * h) as usize / 50,
            "{id}: blank screenshot ({} of {} pixels not white)",
            stats.inked,
            w * h
        );
        assert!(stats.colours >= 3, "{id}: only {} colours", stats.colours);
    }

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let s = chromium_cmd(&bin, &profile)
        .arg(format!("--screenshot={}", shot.display()))
        // tall enough for the published table, the summary and the charts
        .arg("--window-size=1280,5600")
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

struct PngStats {
    /// Pixels that are not (near) white.
    inked: usize,
    /// Distinct colours among them (quantised to 4 bits a channel).
    colours: usize,
}

/// Width, height and ink statistics of an RGB(A) PNG.
fn png_stats(path: &Path) -> (u32, u32, PngStats) {
    let file = std::fs::File::open(path).expect("screenshot written");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    let channels = info.color_type.samples();
    assert!(
        info.bit_depth == png::BitDepth::Eight && channels >= 3,
        "unexpected PNG format {:?} {:?}",
        info.color_type,
        info.bit_depth
    );
    let mut inked = 0;
    let mut colours = std::collections::BTreeSet::new();
    for px in buf[..info.buffer_size()].chunks_exact(channels) {
        if px[0] < 240 || px[1] < 240 || px[2] < 240 {
            inked += 1;
            colours.insert((px[0] >> 4, px[1] >> 4, px[2] >> 4));
        }
    }
    (
        info.width,
        info.height,
        PngStats {
            inked,
            colours: colours.len(),
        },
    )
}
