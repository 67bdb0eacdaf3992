//! Helpers shared by the integration tests.

use assert_cmd::Command;

/// The `iuinet` binary built for this test run.
pub fn iuinet() -> Command {
    Command::cargo_bin("iuinet").expect("the iuinet binary is built for integration tests")
}

/// Run `iuinet SUBCOMMAND ARGS…` from the repository root and return the
/// assertion handle.
pub fn run(subcommand: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    iuinet()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg(subcommand)
        .args(args)
        .assert()
}

/// Run `iuinet SUBCOMMAND ARGS…`, require success and parse its standard
/// output as JSON.
pub fn json(subcommand: &str, args: &[&str]) -> serde_json::Value {
    let out = run(subcommand, args).success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("the command prints JSON")
}
