//! Writing a network back out as a dataset: a directory of CSV files or one
//! JSON document, in iuinet's own format. Reading what this writes gives an
//! equal [`Network`].

use super::atomic;
use crate::error::{Error, Result};
use crate::ingest::standard_columns;
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

/// One file's layer (`None` for actors), header and rows of strings.
type FileRows = (Option<Layer>, Vec<String>, Vec<Vec<String>>);

/// The rows of each file: header, then records, as strings.
fn tables(net: &Network) -> [FileRows; 4] {
    let header = |l: Option<Layer>, extra: &[String]| -> Vec<String> {
        standard_columns(l)
            .iter()
            .map(|s| s.to_string())
            .chain(extra.iter().cloned())
            .collect()
    };
    let actors = net
        .actors
        .iter()
        .map(|a| {
            let mut r = vec![
                a.id.clone(),
                a.name.clone(),
                a.kind.to_string(),
                opt(&a.employees),
                opt(&a.size_class),
                a.region.clone().unwrap_or_default(),
                a.complex.clone().unwrap_or_default(),
                a.mini_clusters.join(";"),
                a.country.clone(),
            ];
            r.extend(extra_cells(&net.actor_extra, &a.attrs));
            r
        })
        .collect();
    let group_rows = |layer: Layer| -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for g in net.groups.iter().filter(|g: &&Group| g.layer == layer) {
            for m in &g.members {
                let mut r = vec![
                    g.id.clone(),
                    g.kind.clone(),
                    opt(&g.year),
                    net.actor(m.actor).id.clone(),
                ];
                if layer == Layer::Event {
                    r.push(m.mini_cluster.clone().unwrap_or_default());
                } else {
                    r.push(m.role.map(|r| r.as_str().to_string()).unwrap_or_default());
                    r.push(opt(&m.funding));
                }
                r.extend(extra_cells(&net.extra[layer as usize], &m.attrs));
                rows.push(r);
            }
        }
        rows
    };
    let ties = net
        .ties
        .iter()
        .map(|t| {
            let mut r = vec![
                net.actor(t.source).id.clone(),
                net.actor(t.target).id.clone(),
                t.kind.clone(),
                opt(&t.year),
                t.weight.to_string(),
            ];
            r.extend(extra_cells(&net.extra[2], &t.attrs));
            r
        })
        .collect();
    [
        (None, header(None, &net.actor_extra), actors),
        (
            Some(Layer::Event),
            header(Some(Layer::Event), &net.extra[0]),
            group_rows(Layer::Event),
        ),
        (
            Some(Layer::Project),
            header(Some(Layer::Project), &net.extra[1]),
            group_rows(Layer::Project),
        ),
        (
            Some(Layer::Tie),
            header(Some(Layer::Tie), &net.extra[2]),
            ties,
        ),
    ]
}

/// Write the dataset as CSV files into `dir` (created if needed). Files of
/// empty optional layers are not written. Each file is written atomically.
pub fn write_csv_dir(net: &Network, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (layer, header, rows) in tables(net) {
        if layer.is_some() && rows.is_empty() {
            continue;
        }
        let path = dir.join(crate::ingest::file_name(layer));
        atomic::write_file(&path, |w| {
            let mut cw = csv::Writer::from_writer(w);
            cw.write_record(&header)?;
            for r in &rows {
                cw.write_record(r)?;
            }
            cw.flush()
        })?;
    }
    Ok(())
}

/// The dataset as one JSON document with typed values (numbers for years,
/// counts and weights, a list for mini clusters). Empty cells are omitted.
pub fn to_json(net: &Network) -> Value {
    let numeric = ["employees", "year", "weight", "funding"];
    let mut doc = Map::new();
    for (layer, header, rows) in tables(net) {
        if layer.is_some() && rows.is_empty() {
            continue;
        }
        let key = match layer {
            None => "actors",
            Some(Layer::Event) => "events",
            Some(Layer::Project) => "projects",
            Some(Layer::Tie) => "ties",
        };
        let recs: Vec<Value> = rows
            .into_iter()
            .map(|r| {
                let mut o = Map::new();
                for (h, v) in header.iter().zip(r) {
                    if v.is_empty() {
                        continue;
                    }
                    let val = if h == "mini_clusters" {
                        json!(v.split(';').collect::<Vec<_>>())
                    } else if numeric.contains(&h.as_str()) {
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
