//! CSV output of report rows (RFC 4180 via the `csv` crate).

use crate::error::{Error, Result};

/// Render a header and rows as CSV bytes.
pub fn csv_bytes<S: AsRef<str>>(header: &[S], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Usage(format!("writing CSV: {e}"));
    w.write_record(header.iter().map(|h| h.as_ref()))
        .map_err(err)?;
    for r in rows {
        w.write_record(r).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::Usage(format!("writing CSV: {e}")))
}

/// An optional float for CSV: full precision, empty for none.
pub fn opt(x: Option<f64>) -> String {
    x.map_or_else(String::new, |v| v.to_string())
}

/// An optional float for a table: `digits` decimals, `-` for none.
pub fn fixed(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.digits$}"))
}

/// The CSV of `iuinet match --format csv` (and the console's shortlist):
/// one row per candidate, explanations as `;`-joined ids.
pub fn match_csv(results: &[crate::metrics::matching::MatchResult]) -> Result<Vec<u8>> {
    let header = [
        "actor",
        "rank",
        "candidate",
        "name",
        "kind",
        "region",
        "score",
        "shared_partners",
        "mini_clusters",
        "events",
        "projects",
    ];
    let mut rows = Vec::new();
    for r in results {
        for c in &r.candidates {
            let e = c.explanation.as_ref();
            rows.push(vec![
                r.actor.id.clone(),
                c.rank.to_string(),
                c.actor.id.clone(),
                c.actor.name.clone(),
                c.actor.kind.to_string(),
                c.actor.region.clone().unwrap_or_default(),
                c.score.to_string(),
                e.map_or(String::new(), |e| {
                    e.partners
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
                e.map_or(String::new(), |e| e.mini_clusters.join(";")),
                e.map_or(String::new(), |e| {
                    e.events
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
                e.map_or(String::new(), |e| {
                    e.projects
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(";")
                }),
            ]);
        }
    }
    csv_bytes(&header, &rows)
}
