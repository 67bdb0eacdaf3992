//! Domain figures assembled into serde report structs.

pub mod brokers;
pub mod centrality;
pub mod match_eval;
pub mod matching;
pub mod summary;
