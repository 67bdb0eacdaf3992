//! Pure, parallel algorithms over a [`Csr`](crate::view::Csr) view.
//!
//! One measure per module, re-exported flat; the traversal machinery every
//! path measure shares lives in `paths`. Every parallel algorithm gives the
//! same bits for any thread count: sources are cut into fixed-size blocks
//! with per-worker scratch, and block partial sums are added in block order
//! (no atomics, no locks on floats).

mod approx;
mod betweenness;
mod centrality;
mod closeness;
mod components;
mod core;
mod degree;
pub mod dist;
mod edge_betweenness;
mod eigenvector;
mod pagerank;
mod par;
mod paths;
mod rank;

pub mod brokerage;
pub mod community;
pub mod ego;
pub mod linkpred;
pub mod linkpred_eval;
pub mod permutation;
pub mod powerlaw;
pub mod structural_holes;
pub mod structure;

pub use approx::{
    ApproxInfo, ApproxOpts, EXACT_BUDGET, betweenness_approx, exact_betweenness_cost, sample_size,
    vertex_diameter_bound,
};
pub use betweenness::{
    betweenness, betweenness_csr, betweenness_csr_with, betweenness_incidence,
    betweenness_incidence_with, betweenness_with,
};
pub use centrality::{
    CentralityOpts, CentralityTable, Measure, Scores, centrality, centrality_with,
};
pub use closeness::{Closeness, closeness, closeness_csr, closeness_incidence, closeness_with};
pub use components::{component_sizes, components};
pub use core::core_number;
pub use degree::{degree, strength};
pub use edge_betweenness::{EdgeScore, edge_betweenness, top_edges};
pub use eigenvector::{EIGENVECTOR_MAX_ITER, eigenvector};
pub use pagerank::{PAGERANK_ALPHA, PAGERANK_MAX_ITER, PAGERANK_TOL, pagerank};
pub use par::{NO_PROGRESS, Progress};
pub use paths::{
    BATCHED_ADVANTAGE, DistanceSums, LANES, PATH_TOL, Traversal, distance_sums, is_weighted,
    traversal,
};
pub use rank::{centralization, ranking};

/// Small graphs shared by the unit tests.
#[cfg(test)]
pub(crate) mod test_graphs {
    use crate::view::Csr;

    /// Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3, all of
    /// weight 1: m = 7.
    pub fn two_triangles() -> Csr {
        let e = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)];
        Csr::from_pairs(6, &e).unwrap()
    }
}
