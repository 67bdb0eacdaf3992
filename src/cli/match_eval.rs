//! `iuinet match-eval [DATA] --split-year Y [--k 10] [--method M]…
//! [--samples 10000] [--seed S] [--format table|json]`: how good are the
//! recommendations? Train on links dated ≤ Y, test on the new links after
//! Y between actors present in training; AUC (sampled), precision@k and
//! recall@k per method, next to a random predictor and preferential
//! attachment.
//!
//! Memory: two views plus O(n) per thread.

use super::common::{Ctx, Format, OutArg, ViewArgs, data_name, load_or_default};
use crate::algo::linkpred::Method;
use crate::algo::linkpred_eval::EvalOpts;
use crate::error::Result;
use crate::metrics::match_eval::{MatchEvalOpts, match_eval};
use crate::output::rows::{csv_bytes, fixed, opt};
use crate::output::table::TextTable;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Evaluate the matchmaking methods on a temporal split.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Dataset: a directory of CSV files or a .json file (default: the embedded dataset).
    pub data: Option<PathBuf>,
    /// Last year of the training period.
    #[arg(long)]
    pub split_year: i32,
    /// Length of each actor's recommendation list.
    #[arg(long, default_value_t = 10)]
    pub k: usize,
    /// Methods to evaluate, comma-separated (default: all but
    /// preferential-attachment, which is always reported with random).
    #[arg(long, value_delimiter = ',')]
    pub method: Vec<Method>,
    /// Number of sampled (new link, non-link) comparisons for the AUC.
    #[arg(long, default_value_t = 10_000)]
    pub samples: usize,
    /// Seed of the AUC samples and the random predictor.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output format (JSON schema iuinet.match-eval/1).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutArg,
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let net = load_or_default(ctx, a.data.as_deref())?;
    let methods = if a.method.is_empty() {
        Method::ALL
            .into_iter()
            .filter(|&m| m != Method::PreferentialAttachment)
            .collect()
    } else {
        a.method.clone()
    };
    let o = MatchEvalOpts {
        split_year: a.split_year,
        eval: EvalOpts {
            k: a.k,
            auc_samples: a.samples,
            seed: a.seed,
        },
        methods,
    };
    let r = ctx.stage("match-eval", || match_eval(&net, &a.view.opts(), &o))?;
    let out = a.out.output.as_deref();
    match a.format {
        Format::Json => crate::output::write_json(&r, out)?,
        Format::Csv => {
            let rows: Vec<Vec<String>> = r
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
            let header = ["method", "auc", "precision_at_k", "recall_at_k", "lift"];
            crate::output::write_out(&csv_bytes(&header, &rows)?, out)?;
        }
        Format::Table => {
            let mut s = String::new();
            let _ = writeln!(
                s,
                "dataset: {}\ntrain {} ({} actors present, {} linked pairs); test {} ({} pairs linked later, {} new between present actors, {} actors evaluated)\nk = {}, {} AUC samples, seed {}\nkinds of the present actors (firm/university/institute/agency/other): {}\n",
                data_name(a.data.as_deref()),
                r.train_years,
                r.actors_present,
                r.train_pairs,
                r.test_years,
                r.later_pairs,
                r.test_pairs,
                r.actors_evaluated,
                a.k,
                a.samples,
                a.seed,
                kind_shares(&r.present_kind_shares)
            );
            let k = a.k;
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
            crate::output::write_out(s.as_bytes(), out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Shares of the kinds, in kind order, as `0.83/0.10/…`.
fn kind_shares(m: &std::collections::BTreeMap<&'static str, Option<f64>>) -> String {
    crate::model::Kind::ALL
        .iter()
        .map(|k| {
            m.get(k.as_str())
                .copied()
                .flatten()
                .map_or("–".into(), |x| format!("{x:.2}"))
        })
        .collect::<Vec<String>>()
        .join("/")
}
