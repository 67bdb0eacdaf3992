//! `iuinet match-eval`: AUC, precision@k and recall@k per method.

use super::{CsvTable, Present, fixed, opt};
use crate::metrics::match_eval::MatchEvalReport;
use crate::output::table::TextTable;
use std::fmt::Write;

impl Present for MatchEvalReport {
    const NAME: &'static str = "match-eval";

    fn table(&self, data: &str) -> String {
        let r = self;
        let e = &r.options.eval;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "dataset: {data}\ntrain {} ({} actors present, {} links); test {} ({} later links, {} new between present actors, {} actors evaluated)\nk = {}, {} AUC samples, seed {}\n",
            r.train_years,
            r.actors_present,
            r.train_links,
            r.test_years,
            r.later_links,
            r.test_links,
            r.actors_evaluated,
            e.k,
            e.auc_samples,
            e.seed
        );
        let k = e.k;
        let mut t = TextTable::new(&[
            "method".to_string(),
            "AUC".to_string(),
            format!("precision@{k}"),
            format!("recall@{k}"),
            "× random".to_string(),
        ]);
        for x in &r.results {
            t.row(vec![
                x.method.clone(),
                fixed(x.auc, 3),
                fixed(x.precision_at_k, 4),
                fixed(x.recall_at_k, 4),
                fixed(x.lift, 1),
            ]);
        }
        s.push_str(&t.render());
        s
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let mut t = CsvTable::new(&["method", "auc", "precision_at_k", "recall_at_k", "lift"]);
        t.rows = self
            .results
            .iter()
            .map(|x| {
                vec![
                    x.method.clone(),
                    opt(x.auc),
                    opt(x.precision_at_k),
                    opt(x.recall_at_k),
                    opt(x.lift),
                ]
            })
            .collect();
        Some(vec![t])
    }
}
