//! Domain figures as serde structs, each with its definition; `document` assembles them into the `iuinet metrics` document.

pub mod activity;
pub mod brokers;
pub mod centrality;
pub mod common;
pub mod communities;
pub mod consortia;
pub mod density;
pub mod document;
pub mod ego;
pub mod global;
pub mod inter_business;
pub mod iui;
pub mod large_sme;
pub mod match_eval;
pub mod matching;
pub mod network;
pub mod network_views;
pub mod published;
pub mod scorecard;
pub mod significance;
pub mod size_mix;
pub mod structure;
pub mod summary;
pub mod triple_helix;
