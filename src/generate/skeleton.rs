//! The real skeleton of the Korean programme (`graphs/korea-iccp/`), compiled
//! into the binary: pan regions, complexes (hubs and connected complexes) and
//! the mini cluster list.

use crate::error::{Error, Problem, Result};

const REGIONS: &str = include_str!("../../graphs/korea-iccp/regions.csv");
const COMPLEXES: &str = include_str!("../../graphs/korea-iccp/complexes.csv");
const MINI_CLUSTERS: &str = include_str!("../../graphs/korea-iccp/mini_clusters.csv");

/// One complex of complexes.csv.
#[derive(Debug, Clone)]
pub struct Complex {
    /// Complex id.
    pub id: String,
    /// Index into `Skeleton::regions`.
    pub region: usize,
    /// Is it a hub (else a connected complex)?
    pub is_hub: bool,
    /// For connected complexes: the hub ids it is connected to.
    pub hubs: Vec<String>,
    /// Year it entered the 2005–2009 programme (2005 pilots, 2008 additions).
    pub appointed: Option<i32>,
}

/// One mini cluster of mini_clusters.csv.
#[derive(Debug, Clone)]
pub struct MiniCluster {
    /// `mc-…` id.
    pub id: String,
    /// Index into `Skeleton::regions`.
    pub region: usize,
    /// Hub ids (one or two).
    pub hubs: Vec<String>,
}

/// The parsed skeleton.
#[derive(Debug, Clone)]
pub struct Skeleton {
    /// Region ids, in file order.
    pub regions: Vec<String>,
    /// Complexes, in file order.
    pub complexes: Vec<Complex>,
    /// Mini clusters, in file order.
    pub mini_clusters: Vec<MiniCluster>,
}

fn rows(name: &str, text: &str) -> Result<Vec<Vec<String>>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for r in rdr.records() {
        let r = r.map_err(|e| {
            Error::data(Problem::file(
                format!("graphs/korea-iccp/{name} (embedded)"),
                format!("not readable as CSV: {e}"),
            ))
        })?;
        out.push(r.iter().map(|s| s.trim().to_string()).collect());
    }
    Ok(out)
}

fn bad(name: &str, msg: String) -> Error {
    Error::data(Problem::file(
        format!("graphs/korea-iccp/{name} (embedded)"),
        msg,
    ))
}

impl Skeleton {
    /// Parse the embedded skeleton files.
    pub fn load() -> Result<Skeleton> {
        let regions: Vec<String> = rows("regions.csv", REGIONS)?
            .into_iter()
            .filter_map(|r| r.into_iter().next())
            .collect();
        let region_ix = |name: &str, file: &str| -> Result<usize> {
            regions
                .iter()
                .position(|r| r == name)
                .ok_or_else(|| bad(file, format!("unknown region {name:?}")))
        };
        let split = |s: &str| -> Vec<String> {
            s.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut complexes = Vec::new();
        for r in rows("complexes.csv", COMPLEXES)? {
            if r.len() < 6 {
                return Err(bad("complexes.csv", "short row".into()));
            }
            complexes.push(Complex {
                id: r[0].clone(),
                region: region_ix(&r[1], "complexes.csv")?,
                is_hub: r[2] == "hub",
                hubs: split(&r[3]),
                appointed: r[5].parse().ok(),
            });
        }
        let mut mini_clusters = Vec::new();
        for r in rows("mini_clusters.csv", MINI_CLUSTERS)? {
            if r.len() < 3 {
                return Err(bad("mini_clusters.csv", "short row".into()));
            }
            mini_clusters.push(MiniCluster {
                id: r[0].clone(),
                region: region_ix(&r[1], "mini_clusters.csv")?,
                hubs: split(&r[2]),
            });
        }
        Ok(Skeleton {
            regions,
            complexes,
            mini_clusters,
        })
    }

    /// Index of a complex by id.
    pub fn complex(&self, id: &str) -> Option<usize> {
        self.complexes.iter().position(|c| c.id == id)
    }

    /// Connected complexes of a hub (indices), in file order.
    pub fn connected_to(&self, hub: &str) -> Vec<usize> {
        self.complexes
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_hub && c.hubs.iter().any(|h| h == hub))
            .map(|(i, _)| i)
            .collect()
    }
}
