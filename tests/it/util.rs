//! Helpers shared by the integration tests.

use assert_cmd::Command;

/// The `iuinet` binary built for this test run.
pub fn iuinet() -> Command {
    Command::cargo_bin("iuinet").expect("the iuinet binary is built for integration tests")
}
