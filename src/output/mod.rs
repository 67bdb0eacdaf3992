//! Writers: datasets, JSON and tables; every file is written atomically.

pub mod atomic;
pub mod dataset;
pub mod edgelist;
pub mod gexf;
pub mod graph;
pub mod graphml;
pub mod pajek;
pub mod report;
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

/// [`write_json`] of an object whose last field `key` is a long array,
/// without holding the document in memory: `head` serialises the other
/// fields, and the items are serialised in parallel, a wave at a time, and
/// streamed out in order. The bytes are those of [`write_json`] on the
/// whole object, or with `pretty` false those of `serde_json::to_vec`
/// (one line) followed by a newline. `head` must serialise to an object
/// without a field named `key` (else a usage error, nothing written).
pub fn write_json_array_last<H, T>(
    head: &H,
    key: &str,
    items: &[T],
    pretty: bool,
    path: Option<&Path>,
) -> Result<()>
where
    H: Serialize,
    T: Serialize + Sync,
{
    use rayon::prelude::*;
    let err = |e: serde_json::Error| crate::Error::Usage(e.to_string());
    let key = serde_json::to_string(key).map_err(err)?;
    let mut start = if pretty {
        serde_json::to_vec_pretty(head)
    } else {
        serde_json::to_vec(head)
    }
    .map_err(err)?;
    if start.first() != Some(&b'{') || start.last() != Some(&b'}') {
        return Err(crate::Error::Usage(
            "write_json_array_last: the head must serialise to a JSON object".into(),
        ));
    }
    // pretty: `{…\n}` → `{…,\n  "key": [`, `{}` → `{\n  "key": [`;
    // compact: `{…}` → `{…,"key":[`, `{}` → `{"key":[`
    let (indent, sep, first, end_empty, end) = if pretty {
        ("\n  ", ": ", "\n    ", "]\n}\n", "\n  ]\n}\n")
    } else {
        ("", ":", "", "]}\n", "]}\n")
    };
    if start == b"{}" {
        start = format!("{{{indent}{key}{sep}[").into_bytes();
    } else {
        start.truncate(start.len() - if pretty { 2 } else { 1 });
        start.extend_from_slice(format!(",{indent}{key}{sep}[").as_bytes());
    }
    const CHUNK: usize = 256;
    const WAVE: usize = 64 * CHUNK;
    let fill = |w: &mut dyn Write| -> std::io::Result<()> {
        w.write_all(&start)?;
        for (wi, wave) in items.chunks(WAVE).enumerate() {
            let parts: Vec<std::io::Result<Vec<u8>>> = wave
                .par_chunks(CHUNK)
                .enumerate()
                .map(|(ci, chunk)| {
                    let mut out = Vec::new();
                    for (i, item) in chunk.iter().enumerate() {
                        if !(wi == 0 && ci == 0 && i == 0) {
                            out.push(b',');
                        }
                        out.extend_from_slice(first.as_bytes());
                        if !pretty {
                            serde_json::to_writer(&mut out, item).map_err(std::io::Error::other)?;
                            continue;
                        }
                        let one = serde_json::to_vec_pretty(item).map_err(std::io::Error::other)?;
                        // one level deeper: every line break gains 4 spaces
                        for &b in &one {
                            out.push(b);
                            if b == b'\n' {
                                out.extend_from_slice(b"    ");
                            }
                        }
                    }
                    Ok(out)
                })
                .collect();
            for p in parts {
                w.write_all(&p?)?;
            }
        }
        w.write_all(if items.is_empty() { end_empty } else { end }.as_bytes())
    };
    match path {
        Some(p) => atomic::write_file(p, fill),
        None => {
            let out = std::io::stdout().lock();
            let mut w = std::io::BufWriter::new(out);
            fill(&mut w)
                .and_then(|_| w.flush())
                .map_err(|e| crate::Error::io("<stdout>", e))
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Head {
        schema: &'static str,
        nested: Vec<u32>,
    }
    #[derive(Serialize)]
    struct Whole<'a> {
        schema: &'static str,
        nested: Vec<u32>,
        results: &'a [serde_json::Value],
    }
    #[derive(Serialize)]
    struct Empty {}
    #[derive(Serialize)]
    struct OnlyResults<'a> {
        results: &'a [serde_json::Value],
    }

    /// The streamed writer gives the bytes of the whole-document writer,
    /// for empty, short and multi-wave arrays and for an empty head.
    #[test]
    fn array_last_equals_whole_document() {
        let dir = tempfile::tempdir().unwrap();
        let item = |i: usize| {
            json!({"actor": {"id": format!("a{i}"), "name": "x\ny \"q\""}, "rank": i,
                   "candidates": [{"score": i as f64 / 3.0}, {"list": []}, {}]})
        };
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        for n in [0, 1, 3, 40_000] {
            let items: Vec<serde_json::Value> = (0..n).map(item).collect();
            let whole = Whole {
                schema: "s",
                nested: vec![1, 2],
                results: &items,
            };
            let head = Head {
                schema: "s",
                nested: vec![1, 2],
            };
            let only = OnlyResults { results: &items };
            write_json(&whole, Some(&a)).unwrap();
            write_json_array_last(&head, "results", &items, true, Some(&b)).unwrap();
            assert!(
                std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
                "{n} items"
            );
            write_json(&only, Some(&a)).unwrap();
            write_json_array_last(&Empty {}, "results", &items, true, Some(&b)).unwrap();
            assert!(
                std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
                "{n} items, empty head"
            );
            let mut compact = serde_json::to_vec(&whole).unwrap();
            compact.push(b'\n');
            write_json_array_last(&head, "results", &items, false, Some(&b)).unwrap();
            assert!(std::fs::read(&b).unwrap() == compact, "{n} items, compact");
            let mut compact = serde_json::to_vec(&only).unwrap();
            compact.push(b'\n');
            write_json_array_last(&Empty {}, "results", &items, false, Some(&b)).unwrap();
            assert!(
                std::fs::read(&b).unwrap() == compact,
                "{n} items, compact, empty head"
            );
            // a head that is not an object is refused, and nothing is written
            let c = dir.path().join("c.json");
            assert!(write_json_array_last(&7u32, "results", &items, true, Some(&c)).is_err());
            assert!(!c.exists());
        }
    }
}
