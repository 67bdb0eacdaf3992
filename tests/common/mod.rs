//! Helpers shared by integration tests.

pub mod realism;
pub mod targets;
