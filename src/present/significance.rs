//! `iuinet density --permutations N` / `--by COLUMN`: block densities and
//! the E-I index with their permutation distributions.

use super::{CsvTable, Present, fixed, opt};
use crate::metrics::significance::DensityTest;
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for DensityTest {
    const NAME: &'static str = "density";

    fn table(&self, data: &str) -> String {
        let t = self;
        let p = |x: Option<f64>| fixed(x, 4);
        let mut o = String::new();
        let _ = writeln!(o, "dataset: {data}\nby: {}", t.by);
        if t.permutations > 0 {
            let _ = writeln!(o, "permutations: {} (seed {})", t.permutations, t.seed);
        }
        o.push('\n');
        let mut g = TextTable::new(&[t.by.as_str(), "actors"]);
        for (n, k) in &t.groups {
            g.row(vec![n.clone(), k.to_string()]);
        }
        o.push_str(&g.render());
        o.push('\n');
        let mut c = TextTable::new(&[
            "a",
            "b",
            "links",
            "pairs",
            "density",
            "perm mean",
            "perm sd",
            "P >= Ob",
            "P <= Ob",
        ]);
        for x in &t.cells {
            c.row(vec![
                x.a.clone(),
                x.b.clone(),
                x.links.to_string(),
                x.pairs.to_string(),
                p(x.density.observed),
                p(x.density.mean),
                p(x.density.sd),
                p(x.density.p_ge),
                p(x.density.p_le),
            ]);
        }
        o.push_str(&c.render());
        let e = &t.ei_index;
        let _ = writeln!(
            o,
            "\nlinked pairs: {} ({} across groups, {} within)\nE-I index: {}",
            t.links,
            t.external,
            t.internal,
            p(e.observed)
        );
        if t.permutations > 0 {
            let _ = writeln!(
                o,
                "permuted E-I: mean {}, sd {}, min {}, max {}\nP >= Ob: {}  P <= Ob: {}",
                p(e.mean),
                p(e.sd),
                p(e.min),
                p(e.max),
                p(e.p_ge),
                p(e.p_le)
            );
        }
        o
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let mut t = CsvTable::new(&[
            "a",
            "b",
            "links",
            "pairs",
            "density",
            "perm_mean",
            "perm_sd",
            "p_ge",
            "p_le",
        ]);
        for x in &self.cells {
            t.rows.push(vec![
                x.a.clone(),
                x.b.clone(),
                x.links.to_string(),
                x.pairs.to_string(),
                opt(x.density.observed),
                opt(x.density.mean),
                opt(x.density.sd),
                opt(x.density.p_ge),
                opt(x.density.p_le),
            ]);
        }
        Some(vec![t])
    }
}
