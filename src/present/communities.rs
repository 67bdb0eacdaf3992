//! `iuinet communities`: summary, the largest communities with their
//! best-matching groups, and the membership as CSV.

use super::{CsvTable, Present};
use crate::metrics::communities::Communities;
use crate::output::table::TextTable;
use std::collections::BTreeMap;
use std::fmt::Write;

impl Present for Communities {
    const NAME: &'static str = "communities";

    fn table(&self, data: &str) -> String {
        let r = self;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "dataset: {data}\nview: {} actors, {} linked pairs, {}\nquality function: {} (resolution {}), seed {}\ncommunities: {} ({} with more than one actor)\nquality: {:.6}\nLeiden passes: {}{}",
            r.actors,
            r.links,
            if r.weighted { "weighted" } else { "unweighted" },
            r.quality_function,
            r.resolution,
            r.seed,
            r.communities,
            r.non_singleton,
            r.quality,
            r.passes,
            if r.converged {
                " (converged)"
            } else {
                " (stopped at the pass limit)"
            },
        );
        let top = if r.table_top == 0 {
            r.sizes.len()
        } else {
            r.table_top.min(r.sizes.len())
        };
        match &r.comparison {
            None => {
                let mut t = TextTable::new(&["community", "actors"]);
                for (c, s) in r.sizes.iter().take(top).enumerate() {
                    t.row(vec![c.to_string(), s.to_string()]);
                }
                o.push('\n');
                o.push_str(&t.render());
            }
            Some(cmp) => {
                let _ = writeln!(
                    o,
                    "\ncompared with: {} ({} groups; {} actors labelled, {} without a value left out)\nNMI: {:.4}\nARI: {:.4}\n",
                    cmp.by,
                    cmp.groups.len(),
                    cmp.labelled,
                    cmp.unlabelled,
                    cmp.nmi,
                    cmp.ari
                );
                let mut cells: BTreeMap<u32, Vec<(u64, &str)>> = BTreeMap::new();
                for c in &cmp.contingency {
                    cells
                        .entry(c.community)
                        .or_default()
                        .push((c.actors, c.group.as_str()));
                }
                let mut t = TextTable::new(&[
                    "community",
                    "actors",
                    "labelled",
                    "purity",
                    "groups",
                    "largest groups (actors)",
                ]);
                for (c, s) in r.sizes.iter().take(top).enumerate() {
                    let m = &cmp.communities[c];
                    let mut v = cells.remove(&(c as u32)).unwrap_or_default();
                    v.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)));
                    let mut list: Vec<String> = v
                        .iter()
                        .take(3)
                        .map(|(k, g)| format!("{g} ({k})"))
                        .collect();
                    if v.len() > 3 {
                        list.push("…".into());
                    }
                    t.row(vec![
                        c.to_string(),
                        s.to_string(),
                        m.labelled.to_string(),
                        m.purity.map_or("-".into(), |p| format!("{p:.3}")),
                        m.groups.to_string(),
                        list.join(", "),
                    ]);
                }
                o.push_str(&t.render());
            }
        }
        if top < r.sizes.len() {
            let _ = writeln!(
                o,
                "({} more communities; --top 0 lists all, --format json gives the full contingency table)",
                r.sizes.len() - top
            );
        }
        o
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let mut header = vec!["id".to_string(), "name".into(), "community".into()];
        if let Some(c) = &self.comparison {
            header.push(c.by.clone());
        }
        let mut t = CsvTable::new(&header);
        for m in &self.membership {
            let mut row = vec![m.id.clone(), m.name.clone(), m.community.to_string()];
            if let Some(g) = &m.group {
                row.push(g.clone().unwrap_or_default());
            }
            t.rows.push(row);
        }
        Some(vec![t])
    }
}
