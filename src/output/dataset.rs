//! Writing a network back out as a dataset: a directory of CSV files or one
//! JSON document, in iuinet's own format. Reading what this writes gives an
//! equal [`Network`].

use super::atomic;
use crate::error::{Error, Result};
use crate::model::schema::{FILES, LIST_COL, NUMERIC_COLS, file_name, json_key, standard_columns};
use crate::model::{Group, Layer, Network};
use serde_json::{Map, Value, json};
use std::path::Path;

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn extra_cells(names: &[String], attrs: &[(String, String)]) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            attrs
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// The header of a file: standard columns, then the extra ones.
fn header(net: &Network, l: Option<Layer>) -> Vec<String> {
    let extra: &[String] = match l {
        None => &net.actor_extra,
        Some(l) => &net.extra[l as usize],
    };
    standard_columns(l)
        .iter()
        .map(|s| s.to_string())
        .chain(extra.iter().cloned())
        .collect()
}

/// Number of records of a file.
fn n_rows(net: &Network, l: Option<Layer>) -> usize {
    match l {
        None => net.actors.len(),
        Some(Layer::Tie) => net.ties.len(),
        Some(l) => net
            .groups
            .iter()
            .filter(|g| g.layer == l)
            .map(|g| g.members.len())
            .sum(),
    }
}

/// Call `f` with each record of a file, as strings, in file order. One row
/// buffer is reused, so memory stays O(1) in the number of records.
fn for_each_row<E>(
    net: &Network,
    l: Option<Layer>,
    f: &mut dyn FnMut(&[String]) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut r: Vec<String> = Vec::new();
    match l {
        None => {
            for a in &net.actors {
                r.clear();
                r.extend([
                    a.id.clone(),
                    a.name.clone(),
                    a.kind.to_string(),
                    opt(&a.employees),
                    opt(&a.size_class),
                    a.region.clone().unwrap_or_default(),
                    a.complex.clone().unwrap_or_default(),
                    a.mini_clusters.join(";"),
                    a.country.clone(),
                ]);
                r.extend(extra_cells(&net.actor_extra, &a.attrs));
                f(&r)?;
            }
        }
        Some(Layer::Tie) => {
            for t in &net.ties {
                r.clear();
                r.extend([
                    net.actor(t.source).id.clone(),
                    net.actor(t.target).id.clone(),
                    t.kind.clone(),
                    opt(&t.year),
                    t.weight.to_string(),
                ]);
                r.extend(extra_cells(&net.extra[2], &t.attrs));
                f(&r)?;
            }
        }
        Some(layer) => {
            for g in net.groups.iter().filter(|g: &&Group| g.layer == layer) {
                for m in &g.members {
                    r.clear();
                    r.extend([
                        g.id.clone(),
                        g.kind.clone(),
                        opt(&g.year),
                        net.actor(m.actor).id.clone(),
                    ]);
                    if layer == Layer::Event {
                        r.push(m.mini_cluster.clone().unwrap_or_default());
                    } else {
                        r.push(m.role.map(|r| r.as_str().to_string()).unwrap_or_default());
                        r.push(opt(&m.funding));
                    }
                    r.extend(extra_cells(&net.extra[layer as usize], &m.attrs));
                    f(&r)?;
                }
            }
        }
    }
    Ok(())
}

/// The rows of each file: header, then records, as strings.
#[allow(clippy::type_complexity)]
fn tables(net: &Network) -> [(Option<Layer>, Vec<String>, Vec<Vec<String>>); 4] {
    FILES.map(|l| {
        let mut rows = Vec::with_capacity(n_rows(net, l));
        let _ = for_each_row::<()>(net, l, &mut |r| {
            rows.push(r.to_vec());
            Ok(())
        });
        (l, header(net, l), rows)
    })
}

/// Write the dataset as CSV files into `dir`, atomically as a whole (see
/// [`atomic::write_dir`]: a new directory, or one holding only an earlier
/// dataset's `.csv` files, which it replaces). Files of empty optional
/// layers are not written; `actor_years.csv` is written when the network
/// has per-year actor rows. Records are streamed (memory O(1) beyond the
/// network).
pub fn write_csv_dir(net: &Network, dir: &Path) -> Result<()> {
    atomic::write_dir(dir, |tmp| {
        for layer in FILES {
            if layer.is_some() && n_rows(net, layer) == 0 {
                continue;
            }
            let path = tmp.join(file_name(layer));
            atomic::write_file(&path, |w| {
                let mut cw = csv::Writer::from_writer(w);
                cw.write_record(header(net, layer))?;
                for_each_row::<std::io::Error>(net, layer, &mut |r| {
                    cw.write_record(r).map_err(std::io::Error::from)
                })?;
                cw.flush()
            })
            .map_err(|e| match e {
                // name the file by its final path, not the temporary one
                Error::Io { source, .. } => Error::io(dir.join(file_name(layer)), source),
                e => e,
            })?;
        }
        if !net.actor_years.is_empty() {
            let file = crate::model::ACTOR_YEARS_FILE;
            atomic::write_file(&tmp.join(file), |w| {
                let mut cw = csv::Writer::from_writer(w);
                cw.write_record(crate::model::ACTOR_YEAR_COLS)?;
                for y in &net.actor_years {
                    cw.write_record([
                        y.year.to_string(),
                        net.actor(y.actor).id.clone(),
                        opt(&y.employees),
                        opt(&y.rnd_funding),
                        opt(&y.patents),
                    ])?;
                }
                cw.flush()
            })
            .map_err(|e| match e {
                Error::Io { source, .. } => Error::io(dir.join(file), source),
                e => e,
            })?;
        }
        Ok(())
    })
}

/// The dataset as one JSON document with typed values (numbers for years,
/// counts and weights, a list for mini clusters). Empty cells are omitted.
/// Per-year actor rows (`actor_years.csv`) exist in the CSV format only and
/// are not written here.
pub fn to_json(net: &Network) -> Value {
    let mut doc = Map::new();
    for (layer, header, rows) in tables(net) {
        if layer.is_some() && rows.is_empty() {
            continue;
        }
        let key = json_key(layer);
        let recs: Vec<Value> = rows
            .into_iter()
            .map(|r| {
                let mut o = Map::new();
                for (h, v) in header.iter().zip(r) {
                    if v.is_empty() {
                        continue;
                    }
                    let val = if h == LIST_COL {
                        json!(v.split(';').collect::<Vec<_>>())
                    } else if NUMERIC_COLS.contains(&h.as_str()) {
                        serde_json::from_str::<serde_json::Number>(&v)
                            .map(Value::Number)
                            .unwrap_or(Value::String(v))
                    } else {
                        Value::String(v)
                    };
                    o.insert(h.clone(), val);
                }
                Value::Object(o)
            })
            .collect();
        doc.insert(key.to_string(), Value::Array(recs));
    }
    Value::Object(doc)
}

/// Write the dataset as one JSON document, atomically.
pub fn write_json(net: &Network, path: &Path) -> Result<()> {
    let v = to_json(net);
    atomic::write_file(path, |w| {
        serde_json::to_writer_pretty(&mut *w, &v)?;
        w.write_all(b"\n")
    })
}
