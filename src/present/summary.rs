//! `iuinet summary`: records, actors by kind, size class and region, links by
//! layer and year.

use super::Present;
use crate::metrics::summary::{Count, Summary};
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for Summary {
    const NAME: &'static str = "summary";

    fn table(&self, data: &str) -> String {
        let s = self;
        let mut o = String::new();
        let counts = |title: &str, c: &[Count], o: &mut String| {
            let mut t = TextTable::new(&[title, "count"]);
            for x in c {
                t.row(vec![x.name.clone(), x.count.to_string()]);
            }
            o.push_str(&t.render());
            o.push('\n');
        };
        let _ = writeln!(o, "dataset: {data}\n");
        let mut t = TextTable::new(&["records", "count"]);
        for (k, v) in [
            ("actors", s.actors),
            ("events", s.events),
            ("participations", s.participations),
            ("projects", s.projects),
            ("project memberships", s.project_memberships),
            ("ties", s.ties),
            ("links", s.links),
        ] {
            t.row(vec![k.to_string(), v.to_string()]);
        }
        o.push_str(&t.render());
        o.push('\n');
        counts("kind", &s.actors_by_kind, &mut o);
        counts("firm size class", &s.firms_by_size_class, &mut o);
        counts("region", &s.actors_by_region, &mut o);
        let mut t = TextTable::new(&["layer", "year", "records", "links"]);
        for l in &s.links_by_layer_year {
            t.row(vec![
                l.layer.to_string(),
                l.year.map_or("-".to_string(), |y| y.to_string()),
                l.records.to_string(),
                l.links.to_string(),
            ]);
        }
        o.push_str(&t.render());
        o
    }
}
