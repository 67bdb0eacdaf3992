//! `iuinet match-eval`: AUC, precision@k and recall@k per method.

use super::{CsvTable, Present, fixed, opt};
use crate::metrics::match_eval::MatchEvalReport;
use crate::model::Kind;
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
            "dataset: {data}\ntrain {} ({} actors present, {} linked pairs); test {} ({} pairs linked later, {} new between present actors, {} actors evaluated)\nk = {}, {} AUC samples, seed {}\nkinds of the present actors (firm/university/institute/agency/other): {}\n",
            r.train_years,
            r.actors_present,
            r.train_pairs,
            r.test_years,
            r.later_pairs,
            r.test_pairs,
            r.actors_evaluated,
            e.k,
            e.auc_samples,
            e.seed,
            kind_shares(&r.present_kind_shares)
        );
        let k = e.k;
        let mut t = TextTable::new(&[
            "method".to_string(),
            "AUC".to_string(),
            format!("precision@{k}"),
            format!("recall@{k}"),
            "× random".to_string(),
            format!("kinds in top-{k} (f/u/r/g/o)"),
        ]);
        for x in &r.results {
            t.row(vec![
                x.method.clone(),
                fixed(x.auc, 3),
                fixed(x.precision_at_k, 4),
                fixed(x.recall_at_k, 4),
                fixed(x.lift, 1),
                kind_shares(&x.top_k_kind_shares),
            ]);
        }
        s.push_str(&t.render());
        s
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let kinds: Vec<String> = Kind::ALL
            .iter()
            .map(|k| format!("top_k_share_{}", k.as_str()))
            .collect();
        let mut header = vec!["method", "auc", "precision_at_k", "recall_at_k", "lift"];
        header.extend(kinds.iter().map(String::as_str));
        let mut t = CsvTable::new(&header);
        t.rows = self
            .results
            .iter()
            .map(|x| {
                let mut row = vec![
                    x.method.clone(),
                    opt(x.auc),
                    opt(x.precision_at_k),
                    opt(x.recall_at_k),
                    opt(x.lift),
                ];
                row.extend(
                    Kind::ALL
                        .iter()
                        .map(|k| opt(x.top_k_kind_shares.get(k.as_str()).copied().flatten())),
                );
                row
            })
            .collect();
        Some(vec![t])
    }
}

/// Shares of the kinds, in kind order, as `0.83/0.10/…`.
fn kind_shares(m: &std::collections::BTreeMap<&'static str, Option<f64>>) -> String {
    Kind::ALL
        .iter()
        .map(|k| fixed(m.get(k.as_str()).copied().flatten(), 2))
        .collect::<Vec<String>>()
        .join("/")
}
