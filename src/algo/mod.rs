//! Pure, parallel algorithms over a [`Csr`](crate::view::Csr) view.

pub mod brokerage;
pub mod linkpred;
pub mod linkpred_eval;
pub mod structural_holes;
