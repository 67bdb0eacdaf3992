//! Pure, parallel algorithms over a [`Csr`](crate::view::Csr) view.
//!
//! One measure per module, re-exported flat. Every parallel algorithm gives
//! the same bits for any thread count: sources are cut into fixed-size
//! blocks with per-worker scratch, and block partial sums are added in
//! block order (no atomics, no locks on floats).

mod approx;
mod betweenness;
mod centrality;
mod closeness;
mod core;
mod degree;
mod edge_betweenness;
mod eigenvector;
mod incidence_betweenness;
pub mod naive;
mod pagerank;
mod par;
mod sssp;

pub use approx::{ApproxInfo, ApproxOpts, betweenness_approx, sample_size, vertex_diameter_bound};
pub use betweenness::{
    Traversal, betweenness, betweenness_csr, betweenness_csr_with, betweenness_with, is_weighted,
    traversal,
};
pub use centrality::{CentralityOpts, CentralityTable, Measure, centrality, centrality_with};
pub use closeness::{Closeness, closeness, closeness_csr, closeness_incidence, closeness_with};
pub use core::core_number;
pub use degree::{degree, strength};
pub use edge_betweenness::{EdgeScore, edge_betweenness, top_edges};
pub use eigenvector::{EIGENVECTOR_MAX_ITER, eigenvector};
pub use incidence_betweenness::{betweenness_incidence, betweenness_incidence_with};

/// A progress sink for long computations: called with "n more units done"
/// (sources of a traversal, actors of a batch) from any worker thread. It
/// only observes; results never depend on it. The CLI turns it into a bar.
pub type Progress<'a> = &'a (dyn Fn(u64) + Sync);

/// A progress sink that ignores everything.
pub const NO_PROGRESS: Progress<'static> = &|_| {};
pub use pagerank::{PAGERANK_ALPHA, PAGERANK_MAX_ITER, PAGERANK_TOL, pagerank};
pub use sssp::PATH_TOL;

pub mod brokerage;
pub mod community;
pub mod ego;
pub mod linkpred;
pub mod linkpred_eval;
pub mod permutation;
pub mod structural_holes;
pub mod structure;
