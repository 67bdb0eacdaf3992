//! Traversal machinery shared by every path measure (betweenness, edge
//! betweenness, closeness, harmonic, sampled betweenness): single-source
//! BFS/Dijkstra with path counts, the bit-parallel multi-source BFS, the
//! group-incidence BFS, Brandes' dependency accumulation, pendant folding
//! and the breadth-first renumbering that keeps the batched kernels'
//! rows in cache.

mod batched;
mod brandes;
mod incidence;
mod msbfs;
mod order;
mod sssp;

pub(crate) use batched::{BATCH, Batched};
pub use brandes::{BATCHED_ADVANTAGE, Traversal, is_weighted, traversal};
pub(crate) use brandes::{accumulate, fold_pendants, node_scale};
pub(crate) use incidence::{IncScratch, relabel};
pub use msbfs::{DistanceSums, LANES, distance_sums};
pub(crate) use order::locality;
pub use sssp::PATH_TOL;
pub(crate) use sssp::{Sssp, lengths};
