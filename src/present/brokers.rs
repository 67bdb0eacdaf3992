//! `iuinet brokers`: brokerage roles and structural holes, one row per actor.

use super::{CsvTable, Present, fixed, opt};
use crate::metrics::brokers::{BrokerRow, BrokersReport};
use crate::output::table::TextTable;
use std::fmt::Write;

/// Rank, actor and role counts: the first cells of a table and a CSV row.
fn counts(i: usize, b: &BrokerRow) -> Vec<String> {
    vec![
        (i + 1).to_string(),
        b.id.clone(),
        b.name.clone(),
        b.kind.to_string(),
        b.group.clone(),
        b.degree.to_string(),
        b.roles.coordinator.to_string(),
        b.roles.itinerant.to_string(),
        b.roles.boundary.to_string(),
        b.roles.liaison.to_string(),
        b.roles.total.to_string(),
    ]
}

impl Present for BrokersReport {
    const NAME: &'static str = "brokers";

    fn table(&self, data: &str) -> String {
        let r = self;
        let mut o = String::new();
        let _ = writeln!(
            o,
            "dataset: {data}\nview: {} actors, {} linked pairs, density {:.4}; groups by {}: {}\n",
            r.actors,
            r.pairs,
            r.density,
            r.by,
            r.groups
                .iter()
                .map(|g| format!("{} ({})", g.name, g.actors))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut t = TextTable::new(&[
            "#", "id", "name", "kind", "group", "deg", "coord", "itin", "bound", "liais", "total",
            "obs/exp", "constr", "effsize", "effic", "hier",
        ]);
        for (i, b) in r.brokers.iter().enumerate() {
            let mut row = counts(i, b);
            row.extend([
                fixed(b.ratio.total, 2),
                fixed(b.constraint, 3),
                fixed(b.effective_size, 2),
                fixed(b.efficiency, 3),
                fixed(b.hierarchy, 3),
            ]);
            t.row(row);
        }
        o.push_str(&t.render());
        o.push_str(
            "\nroles count open two-paths a–b–c (a, c not linked) once per pair; boundary = representative + gatekeeper.\n",
        );
        o
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let mut t = CsvTable::new(&[
            "rank",
            "id",
            "name",
            "kind",
            "group",
            "degree",
            "coordinator",
            "itinerant",
            "boundary",
            "liaison",
            "total",
            "expected_total",
            "ratio_total",
            "ratio_boundary",
            "ratio_liaison",
            "constraint",
            "effective_size",
            "efficiency",
            "hierarchy",
        ]);
        t.rows = self
            .brokers
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let mut row = counts(i, b);
                row.extend([
                    b.expected.total.to_string(),
                    opt(b.ratio.total),
                    opt(b.ratio.boundary),
                    opt(b.ratio.liaison),
                    opt(b.constraint),
                    opt(b.effective_size),
                    opt(b.efficiency),
                    opt(b.hierarchy),
                ]);
                row
            })
            .collect();
        Some(vec![t])
    }
}
