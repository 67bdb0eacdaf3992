//! Writers: datasets, JSON and tables; every file is written atomically.

pub mod atomic;
pub mod dataset;
pub mod edgelist;
pub mod gexf;
pub mod graph;
pub mod graphml;
pub mod pajek;
pub mod report;
pub mod rows;
pub mod table;

use crate::error::Result;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Serialise `v` as pretty JSON followed by a newline, to `path` atomically
/// or to stdout when `path` is `None`.
pub fn write_json<T: Serialize>(v: &T, path: Option<&Path>) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(v).map_err(|e| crate::Error::Usage(e.to_string()))?;
    bytes.push(b'\n');
    write_out(&bytes, path)
}

/// Write bytes to `path` atomically, or to stdout.
pub fn write_out(bytes: &[u8], path: Option<&Path>) -> Result<()> {
    match path {
        Some(p) => atomic::write_bytes(p, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .map_err(|e| crate::Error::io("<stdout>", e))
        }
    }
}
