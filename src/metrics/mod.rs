//! Domain figures assembled into serde report structs.

pub mod centrality;
pub mod summary;
