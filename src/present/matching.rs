//! `iuinet match`: candidates for one actor (table, CSV, JSON) and for every
//! actor of a kind (CSV; the batch JSON is streamed by the output layer).

use super::{CsvTable, Present, fixed};
use crate::metrics::matching::{MatchReport, MatchResult};
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for MatchReport {
    const NAME: &'static str = "match";

    fn table(&self, data: &str) -> String {
        let (r, o) = (&self.result, &self.options);
        let mut t = String::new();
        let _ = writeln!(t, "dataset: {data}");
        let x = &r.actor;
        let _ = writeln!(
            t,
            "partners for {} {} ({}, region {}, {} partner{} now); method {}, kind {}, region {}\n",
            x.id,
            x.name,
            x.kind,
            x.region.as_deref().unwrap_or("unknown"),
            r.degree,
            if r.degree == 1 { "" } else { "s" },
            o.method,
            o.partner_kind.map_or("any", |k| k.as_str()),
            o.region
        );
        t.push_str(&match_table(r));
        t
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        Some(vec![batch_csv(std::slice::from_ref(&self.result))])
    }
}

/// The candidates of one actor as CSV rows, one per candidate.
pub fn batch_csv(results: &[MatchResult]) -> CsvTable {
    let ids = |v: &mut dyn Iterator<Item = &str>| v.collect::<Vec<_>>().join(";");
    let mut t = CsvTable::new(&[
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
    ]);
    for r in results {
        for c in &r.candidates {
            let e = c.explanation.as_ref();
            t.rows.push(vec![
                r.actor.id.clone(),
                c.rank.to_string(),
                c.actor.id.clone(),
                c.actor.name.clone(),
                c.actor.kind.to_string(),
                c.actor.region.clone().unwrap_or_default(),
                c.score.to_string(),
                e.map_or(String::new(), |e| {
                    ids(&mut e.partners.iter().map(|p| p.id.as_str()))
                }),
                e.map_or(String::new(), |e| e.mini_clusters.join(";")),
                e.map_or(String::new(), |e| {
                    ids(&mut e.events.iter().map(|g| g.id.as_str()))
                }),
                e.map_or(String::new(), |e| {
                    ids(&mut e.projects.iter().map(|g| g.id.as_str()))
                }),
            ]);
        }
    }
    t
}

/// The candidate table of one actor, with the evidence behind each score
/// when it was asked for.
pub fn match_table(r: &MatchResult) -> String {
    if r.candidates.is_empty() {
        return "no candidate: no unlinked actor passing the filters shares evidence with this actor\n"
            .to_string();
    }
    let mut t = TextTable::new(&["#", "id", "name", "kind", "region", "score"]);
    for c in &r.candidates {
        t.row(vec![
            c.rank.to_string(),
            c.actor.id.clone(),
            c.actor.name.clone(),
            c.actor.kind.to_string(),
            c.actor.region.clone().unwrap_or_else(|| "-".into()),
            fixed(Some(c.score), 4),
        ]);
    }
    let mut o = t.render();
    let more = |shown: usize, total: u64| {
        let more = (total as usize).saturating_sub(shown);
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    };
    for c in &r.candidates {
        let Some(e) = &c.explanation else { continue };
        let _ = writeln!(o, "\n{}. {} {}", c.rank, c.actor.id, c.actor.name);
        if !e.partners.is_empty() {
            let _ = writeln!(
                o,
                "   shared partners: {}{}",
                e.partners
                    .iter()
                    .map(|p| format!("{} {} (+{:.4})", p.id, p.name, p.contribution))
                    .collect::<Vec<_>>()
                    .join(", "),
                more(e.partners.len(), e.partners_total)
            );
        }
        if !e.mini_clusters.is_empty() {
            let _ = writeln!(o, "   shared mini clusters: {}", e.mini_clusters.join(", "));
        }
        for (label, gs, total) in [
            ("events", &e.events, e.events_total),
            ("projects", &e.projects, e.projects_total),
        ] {
            if gs.is_empty() {
                continue;
            }
            let _ = writeln!(
                o,
                "   {label}: {}{}",
                gs.iter()
                    .map(|g| format!(
                        "{} ({} {}: {})",
                        g.id,
                        g.kind,
                        g.year.map_or("-".to_string(), |y| y.to_string()),
                        g.with.join(", ")
                    ))
                    .collect::<Vec<_>>()
                    .join("; "),
                more(gs.len(), total)
            );
        }
    }
    o
}
