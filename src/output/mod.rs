//! Writers: datasets, JSON and tables; every file is written atomically.

pub mod atomic;
pub mod dataset;
pub mod edgelist;
pub mod ego;
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

/// A JSON object with `iuinet_version` first: every JSON document iuinet
/// writes carries the version that wrote it.
#[derive(Serialize)]
struct Versioned<'a, T: Serialize + ?Sized> {
    iuinet_version: &'static str,
    #[serde(flatten)]
    inner: &'a T,
}

fn versioned<T: Serialize + ?Sized>(v: &T) -> Versioned<'_, T> {
    Versioned {
        iuinet_version: env!("CARGO_PKG_VERSION"),
        inner: v,
    }
}

/// Rewrite the number token `-0.0` (serde_json's negative zero) as `0.0`
/// outside strings: no `-0` in output. `bytes` must be whole JSON values
/// or a sequence of them (string state starts outside a string).
pub fn no_negative_zero(bytes: &mut Vec<u8>) {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut in_str, mut esc) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
            }
        } else if b == b'"' {
            in_str = true;
        } else if b == b'-'
            && bytes[i + 1..].starts_with(b"0.0")
            && !bytes
                .get(i + 4)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'e' || *c == b'E' || *c == b'.')
        {
            i += 1;
            continue;
        }
        out.push(b);
        i += 1;
    }
    *bytes = out;
}

/// The bytes [`write_json`] writes for `v`: pretty JSON with
/// `iuinet_version` first (for structs and maps), negative zeros written as
/// `0.0`, and a newline. The Python bindings hand the same bytes to Python.
pub fn json_bytes<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    // only objects can carry the version (flatten refuses other values)
    let mut bytes = serde_json::to_vec_pretty(&versioned(v))
        .or_else(|_| serde_json::to_vec_pretty(v))
        .map_err(|e| crate::Error::Usage(e.to_string()))?;
    no_negative_zero(&mut bytes);
    bytes.push(b'\n');
    Ok(bytes)
}

/// Serialise `v` as pretty JSON followed by a newline, to `path` atomically
/// or to stdout when `path` is `None`. A struct or map gains an
/// `iuinet_version` field first; negative zeros are written as `0.0`.
pub fn write_json<T: Serialize>(v: &T, path: Option<&Path>) -> Result<()> {
    write_out(&json_bytes(v)?, path)
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
        serde_json::to_vec_pretty(&versioned(head))
    } else {
        serde_json::to_vec(&versioned(head))
    }
    .map_err(err)?;
    no_negative_zero(&mut start);
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
                            let mut one =
                                serde_json::to_vec(item).map_err(std::io::Error::other)?;
                            no_negative_zero(&mut one);
                            out.extend_from_slice(&one);
                            continue;
                        }
                        let mut one =
                            serde_json::to_vec_pretty(item).map_err(std::io::Error::other)?;
                        no_negative_zero(&mut one);
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

    /// Negative zeros become 0.0 outside strings only.
    #[test]
    fn negative_zero_is_written_as_zero() {
        let mut b =
            br#"{"a": -0.0, "b": [-0.0, -0.05, -0.0e1], "s": "-0.0 \"-0.0\"", "c": -0.0}"#.to_vec();
        no_negative_zero(&mut b);
        assert_eq!(
            String::from_utf8(b).unwrap(),
            r#"{"a": 0.0, "b": [0.0, -0.05, -0.0e1], "s": "-0.0 \"-0.0\"", "c": 0.0}"#
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("z.json");
        write_json(&json!({"z": -0.0}), Some(&p)).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            text.contains("\"z\": 0.0") && text.contains("\"iuinet_version\""),
            "{text}"
        );
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
            let mut compact = serde_json::to_vec(&versioned(&whole)).unwrap();
            compact.push(b'\n');
            write_json_array_last(&head, "results", &items, false, Some(&b)).unwrap();
            assert!(std::fs::read(&b).unwrap() == compact, "{n} items, compact");
            let mut compact = serde_json::to_vec(&versioned(&only)).unwrap();
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
