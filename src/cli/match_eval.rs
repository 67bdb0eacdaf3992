//! `iuinet match-eval [DATA] --split-year Y [--k 10] [--method M]…
//! [--samples 10000] [--seed S] [--format table|json]`: how good are the
//! recommendations? Train on links dated ≤ Y, test on the new links after
//! Y between actors present in training; AUC (sampled), precision@k and
//! recall@k per method, next to a random predictor and preferential
//! attachment.
//!
//! Memory: two views plus O(n) per thread.

use super::common::{Ctx, DataArg, Format, OutArg, ViewArgs};
use crate::algo::linkpred::Method;
use crate::algo::linkpred_eval::EvalOpts;
use crate::error::Result;
use crate::metrics::match_eval::{MatchEvalOpts, match_eval};
use std::process::ExitCode;

/// Evaluate the matchmaking methods on a temporal split.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
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
    let net = a.data.load(ctx)?;
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
    crate::present::emit(&r, a.format, &a.data.name(), a.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
