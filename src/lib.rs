//! # iuinet
//!
//! Graph analysis for industry–university–institute (I-U-I) collaboration
//! networks: the mini clusters, networking activities and joint R&D
//! consortia of cluster programmes such as Korea's Industrial Complex
//! Cluster Program.
//!
//! One pipeline, data flowing one way:
//! [`ingest`] (CSV / JSON → validated records) → [`model`] (actors, groups,
//! ties, the petgraph multigraph) → [`view`] (selection, weighting, CSR) →
//! [`algo`] (pure parallel algorithms) → [`metrics`] (report structs) →
//! [`output`] (JSON, CSV, tables).
//!
//! ```
//! let net = iuinet::ingest::from_csv_strs(
//!     "id,kind\na,firm\nb,university\nc,firm\n",
//!     Some("event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,b\ne1,forum,2005,c\n"),
//!     None,
//!     None,
//! ).unwrap();
//! let view = iuinet::view::View::build(&net, &Default::default()).unwrap();
//! assert_eq!(view.csr.m(), 3);
//! ```

#![warn(missing_docs)]

pub mod algo;
pub mod cli;
#[cfg(feature = "distributed")]
pub mod dist;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod metrics;
pub mod model;
pub mod names;
pub mod output;
pub mod present;
pub mod serve;
pub mod view;

pub use error::{Error, Problem, Result};

/// Name of the embedded default dataset.
pub const DEFAULT_DATASET: &str = "korea-iccp-2005-2009 (embedded)";
