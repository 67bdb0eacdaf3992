//! `iuinet scorecard`: the pillar scores of every group, its indicators,
//! and the totals by year; CSV in long form (one row per score).

use super::{CsvTable, Present, fixed, opt};
use crate::metrics::scorecard::{Card, INDICATORS, Pillar, Scorecard};
use crate::output::table::TextTable;
use std::fmt::Write;

fn with_ci(score: Option<f64>, lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(l), Some(h)) => format!("{} [{l:.1}, {h:.1}]", fixed(score, 1)),
        _ => fixed(score, 1),
    }
}

impl Present for Scorecard {
    const NAME: &'static str = "scorecard";

    fn table(&self, data: &str) -> String {
        let mut o = String::new();
        let years = match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => "-".into(),
        };
        let _ = writeln!(
            o,
            "dataset: {data}\nby: {}\nyears: {years}\nbenchmark: {} (= 100)\nweights: {}{}\n",
            self.by,
            self.benchmark,
            self.weights.source,
            self.bootstrap.as_ref().map_or(String::new(), |b| format!(
                "\nbootstrap: {} replicates, seed {}, {}% percentile intervals",
                b.replicates,
                b.seed,
                100.0 * b.level
            ))
        );
        let mut head: Vec<String> = vec![self.by.to_string(), "firms".into()];
        head.extend(["interconnection", "iui", "rnd", "total"].map(String::from));
        let mut t = TextTable::new(&head);
        for g in &self.groups {
            let mut row = vec![g.name.clone(), g.overall.member_firms.to_string()];
            for p in &g.overall.pillars {
                row.push(with_ci(p.score, p.ci_low, p.ci_high));
            }
            t.row(row);
        }
        o.push_str(&t.render());
        for p in Pillar::ALL {
            let ix: Vec<usize> = (0..INDICATORS.len())
                .filter(|&i| INDICATORS[i].pillar == p)
                .collect();
            let _ = writeln!(
                o,
                "\n{p} indicator scores (100 = benchmark value, last row):"
            );
            let mut head: Vec<String> = vec![self.by.to_string()];
            head.extend(ix.iter().map(|&i| INDICATORS[i].id.to_string()));
            let mut t = TextTable::new(&head);
            for g in &self.groups {
                let mut row = vec![g.name.clone()];
                row.extend(ix.iter().map(|&i| fixed(g.overall.indicators[i].score, 1)));
                t.row(row);
            }
            let mut row = vec!["benchmark value".to_string()];
            row.extend(ix.iter().map(|&i| fixed(self.benchmark_values[i].value, 3)));
            t.row(row);
            o.push_str(&t.render());
        }
        if !self.years.is_empty() {
            let _ = writeln!(o, "\ntotal score by year (change from the year before):");
            let mut head: Vec<String> = vec![self.by.to_string()];
            head.extend(self.years.iter().map(|y| y.to_string()));
            let mut t = TextTable::new(&head);
            for g in &self.groups {
                let mut row = vec![g.name.clone()];
                for y in &g.by_year {
                    let p = &y.card.pillars[3];
                    let ch = p.change.flatten();
                    row.push(match ch {
                        Some(c) => format!("{} ({c:+.1})", fixed(p.score, 1)),
                        None => fixed(p.score, 1),
                    });
                }
                t.row(row);
            }
            o.push_str(&t.render());
        }
        o
    }

    fn csv(&self) -> Option<Vec<CsvTable>> {
        let mut t = CsvTable::new(&[
            "group",
            "year",
            "level",
            "id",
            "member_firms",
            "value",
            "score",
            "change",
            "ci_low",
            "ci_high",
        ]);
        let mut push = |name: &str, year: Option<i32>, c: &Card| {
            let y = year.map_or(String::new(), |y| y.to_string());
            for p in &c.pillars {
                let level = if p.name == "total" { "total" } else { "pillar" };
                t.rows.push(vec![
                    name.to_string(),
                    y.clone(),
                    level.into(),
                    p.name.into(),
                    c.member_firms.to_string(),
                    String::new(),
                    opt(p.score),
                    opt(p.change.flatten()),
                    opt(p.ci_low),
                    opt(p.ci_high),
                ]);
            }
            for x in &c.indicators {
                t.rows.push(vec![
                    name.to_string(),
                    y.clone(),
                    "indicator".into(),
                    x.id.into(),
                    c.member_firms.to_string(),
                    opt(x.value),
                    opt(x.score),
                    opt(x.change.flatten()),
                    opt(x.ci_low),
                    opt(x.ci_high),
                ]);
            }
        };
        for g in &self.groups {
            push(&g.name, None, &g.overall);
            for y in &g.by_year {
                push(&g.name, Some(y.year), &y.card);
            }
        }
        Some(vec![t])
    }
}
