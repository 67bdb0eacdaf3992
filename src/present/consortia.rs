//! `iuinet consortia`: consortium types of projects, overall and by year,
//! project type and region.

use super::Present;
use crate::metrics::consortia::{Breakdown, Consortia};
use crate::output::table::TextTable;
use std::fmt::Write;

/// Short column names of the consortium types for the wide tables (legend
/// printed below them).
const SHORT: [&str; 8] = [
    "single", "I-I", "I-R", "I-U", "I-I-R", "I-I-U", "I-U-R", "non-I",
];

fn pct(p: Option<f64>) -> String {
    p.map_or("-".into(), |p| format!("{p:.1}%"))
}

fn overall_table(b: &Breakdown) -> String {
    let mut t = TextTable::new(&["type", "projects", "%", "with agency"]);
    for x in &b.types {
        t.row(vec![
            x.kind.to_string(),
            x.count.to_string(),
            pct(x.percent),
            x.with_agency.to_string(),
        ]);
    }
    t.row(vec![
        "consortia (subtotal)".into(),
        b.consortia.to_string(),
        pct(b.consortia_percent),
        String::new(),
    ]);
    t.row(vec![
        "total".into(),
        b.projects.to_string(),
        pct((b.projects > 0).then_some(100.0)),
        b.with_agency.to_string(),
    ]);
    t.render()
}

fn cross_table<'a>(title: &str, rows: impl Iterator<Item = (String, &'a Breakdown)>) -> String {
    let mut head = vec![title.to_string(), "projects".into()];
    head.extend(SHORT.iter().map(|t| t.to_string()));
    let mut t = TextTable::new(&head);
    for (name, b) in rows {
        let mut r = vec![name, b.projects.to_string()];
        r.extend(b.types.iter().map(|x| x.count.to_string()));
        t.row(r);
    }
    t.render()
}

impl Present for Consortia {
    const NAME: &'static str = "consortia";

    fn table(&self, data: &str) -> String {
        let c = self;
        let mut o = String::new();
        let _ = writeln!(o, "dataset: {data}\n");
        o.push_str(&overall_table(&c.overall));
        o.push('\n');
        o.push_str(&cross_table(
            "year",
            c.by_year.iter().map(|y| (y.year.to_string(), &y.breakdown)),
        ));
        o.push('\n');
        o.push_str(&cross_table(
            "project type",
            c.by_project_type
                .iter()
                .map(|y| (y.name.clone(), &y.breakdown)),
        ));
        o.push('\n');
        o.push_str(&cross_table(
            "region",
            c.by_region.iter().map(|y| (y.name.clone(), &y.breakdown)),
        ));
        o.push_str("\nI = firm, U = university, R = institute; non-I = no firm member\n");
        o
    }
}
