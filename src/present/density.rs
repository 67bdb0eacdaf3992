//! `iuinet density`: link density between groups of actors, the cross share
//! and the E-I index.

use super::{Present, fixed};
use crate::metrics::density::Density;
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for Density {
    const NAME: &'static str = "density";

    fn table(&self, data: &str) -> String {
        let d = self;
        let mut o = String::new();
        let _ = writeln!(o, "dataset: {data}\nby: {}\n", d.by);
        let mut t = TextTable::new(&[d.by.as_str(), "actors", "E-I index"]);
        for g in &d.groups {
            t.row(vec![
                g.name.clone(),
                g.actors.to_string(),
                fixed(d.ei_by_group.get(&g.name).copied().flatten(), 3),
            ]);
        }
        o.push_str(&t.render());
        o.push('\n');
        let mut t = TextTable::new(&["a", "b", "linked pairs", "possible pairs", "density"]);
        for c in &d.cells {
            t.row(vec![
                c.a.clone(),
                c.b.clone(),
                c.linked_pairs.to_string(),
                c.possible_pairs.to_string(),
                fixed(c.density, 4),
            ]);
        }
        o.push_str(&t.render());
        let _ = writeln!(
            o,
            "\nlinked pairs: {} ({} across groups, {} within)\ncross share: {}\nE-I index: {}",
            d.linked_pairs,
            d.external,
            d.internal,
            fixed(d.cross_share, 4),
            fixed(d.ei_index, 4)
        );
        o
    }
}
