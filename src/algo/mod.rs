//! Pure, parallel algorithms over a [`Csr`](crate::view::Csr) view.
