//! The floors of docs/architecture.md: a module of `src/` names
//! (`crate::X`) only floors below its own, so no import runs back up and
//! none goes round in a circle. Unit tests (`#[cfg(test)]` and after) may
//! reach up and are not read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The floor of each top-level item of `src/`, lowest first. Items of the
/// crate root (`crate::Error`, `crate::DEFAULT_DATASET`, …) are floor 0.
const FLOORS: &[(&str, u32)] = &[
    ("error", 0),
    ("names", 0),
    ("model", 1),
    ("ingest", 2),
    ("generate", 2),
    ("view", 2),
    ("algo", 3),
    ("metrics", 4),
    ("output", 5),
    ("present", 6),
    ("dist", 6),
    ("serve", 7),
    ("cli", 8),
];

fn floor(name: &str) -> Option<u32> {
    FLOORS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The `crate::X` names of a source text, before its unit tests.
fn crate_names(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.match_indices("crate::")
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn every_module_imports_only_floors_below_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut checked = 0;
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("a file under src/");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("")
            .trim_end_matches(".rs");
        if matches!(top, "lib" | "main") {
            continue;
        }
        let own = floor(top).unwrap_or_else(|| panic!("{top}: not in FLOORS"));
        let text = std::fs::read_to_string(f).expect("a readable source file");
        for name in crate_names(&text) {
            checked += 1;
            match floor(&name) {
                Some(other) if name != top && other >= own => {
                    wrong.push(format!("{}: crate::{name}", rel.display()))
                }
                _ => {}
            }
        }
    }
    assert!(checked > 100, "only {checked} imports read");
    assert!(
        wrong.is_empty(),
        "imports running up or across:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_running_up() {
    let names = crate_names("use crate::cli::common;\nfn f() {}\n#[cfg(test)]\nuse crate::serve;");
    assert_eq!(names, BTreeSet::from(["cli".to_string()]));
    assert!(floor("cli") > floor("metrics"));
}
