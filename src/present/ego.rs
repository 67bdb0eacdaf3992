//! `iuinet ego`: the ego's figures and its partners as a table.

use super::{Present, fixed};
use crate::metrics::ego::EgoReport;
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for EgoReport {
    const NAME: &'static str = "ego";

    fn table(&self, data: &str) -> String {
        let r = self;
        let num = |x: Option<f64>| fixed(x, 4);
        let mut o = String::new();
        let e = &r.ego;
        let _ = writeln!(
            o,
            "dataset: {data}\nego: {} ({}), {}, {}\nradius: {} ({} actors in the ego network)\npartners: {}; links among them: {}; density among them: {}\nconstraint: {}  effective size: {}  efficiency: {}  hierarchy: {}\nbrokerage by {}: coordinator {}, itinerant {}, boundary {}, liaison {} (open two-paths {})\n",
            e.name,
            e.id,
            e.kind,
            e.region.as_deref().unwrap_or("no region"),
            r.radius,
            r.members.len() + 1,
            r.partners,
            r.links_among_partners,
            num(r.partner_density),
            num(r.constraint),
            num(r.effective_size),
            num(r.efficiency),
            num(r.hierarchy),
            r.by,
            r.brokerage.coordinator,
            r.brokerage.itinerant,
            r.brokerage.boundary,
            r.brokerage.liaison,
            r.brokerage.total,
        );
        let mut t = TextTable::new(&[
            "id",
            "name",
            "kind",
            r.by.as_str(),
            "hops",
            "links to ego",
            "weight",
            "partners here",
        ]);
        let shown = if r.table_top == 0 {
            r.members.len()
        } else {
            r.table_top
        };
        for m in r.members.iter().take(shown) {
            t.row(vec![
                m.id.clone(),
                m.name.clone(),
                m.kind.to_string(),
                m.group.clone(),
                m.distance.to_string(),
                m.links_to_ego.to_string(),
                m.weight_to_ego.map_or("-".into(), |w| format!("{w}")),
                m.degree_in_ego_network.to_string(),
            ]);
        }
        o.push_str(&t.render());
        if shown < r.members.len() {
            let _ = writeln!(o, "({} more; --top 0 lists all)", r.members.len() - shown);
        }
        o
    }
}
