//! Domain figures assembled into serde report structs.

pub mod summary;
