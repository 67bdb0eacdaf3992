//! Community detection: the Leiden algorithm with modularity and CPM
//! quality functions, and partition comparison (NMI, ARI, contingency).
//!
//! Sequential by design: one Leiden run on a view of the embedded dataset's
//! size takes well under a second, and a sequential run gives the same
//! partition for any thread count without further care.

mod compare;
mod leiden;
mod quality;

pub use compare::{Comparison, ContingencyCell, adjusted_rand_index, compare, nmi};
pub use leiden::{LeidenOpts, Partition, leiden};
pub use quality::{Quality, quality};
