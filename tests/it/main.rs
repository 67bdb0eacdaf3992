//! iuinet's integration tests, in one binary: one module per topic, and
//! `util` for the helpers they share (one binary links the library once
//! instead of once per file).

mod architecture;
mod batched_kernels;
mod centrality_fixtures;
mod centrality_proptest;
mod cli_brokers;
mod cli_centrality;
mod cli_communities;
mod cli_ego;
mod cli_match;
mod cli_match_eval;
mod cli_metrics;
mod communities;
mod console_api;
mod console_browser;
mod console_serve;
#[cfg(feature = "distributed")]
mod distributed;
mod export_cli;
mod export_filters;
mod fuzz;
mod generate;
mod hardening;
mod import;
mod import_formats;
mod linkpred;
mod match_quality;
mod match_ties;
mod metrics;
mod metrics_definitions;
mod naive;
mod powerlaw_fit;
mod proptest_ingest;
mod proptest_xml;
mod realism;
mod report_browser;
mod robustness;
mod roundtrip;
mod scorecard;
mod significance;
mod structural_holes;
mod structure_stats;
mod targets;
mod util;
mod validate;
mod view;
