//! Temporal evaluation of matchmaking (`iuinet match-eval`).
//!
//! The split at year Y: the training view keeps links dated ≤ Y (from the
//! first year in the data), the test view links dated > Y; links with no
//! year are in neither. Both views keep the same actors (the `--kinds`
//! selection), so node indices match. An actor is *present* when it has a
//! link in training. Test pairs are the pairs linked after Y, not linked up
//! to Y, with both actors present ("new links between actors present in
//! both periods": a test link makes the actor present after Y).
//!
//! Every method is scored on the same AUC comparisons and the same actors,
//! next to a random predictor and preferential attachment (see
//! [`crate::algo::linkpred_eval`] for the measures).

use super::common::ratio;
use crate::algo::linkpred::Method;
use crate::algo::linkpred_eval::{EvalOpts, EvalScore, Predicts, Split, evaluate_classes};
use crate::error::{Error, Result};
use crate::model::{Kind, Network};
use crate::view::{View, ViewOpts, YearRange};
use serde::Serialize;

/// Options of [`match_eval`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchEvalOpts {
    /// Last training year.
    pub split_year: i32,
    /// k, AUC samples, seed.
    #[serde(flatten)]
    pub eval: EvalOpts,
    /// Methods to evaluate (random and preferential attachment are always added).
    pub methods: Vec<Method>,
}

/// One predictor's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalRow {
    /// `random` or a method name.
    pub method: String,
    /// Sampled AUC (0–1, 0.5 = random); null without test pairs.
    pub auc: Option<f64>,
    /// Mean precision@k over actors with new links (0–1).
    pub precision_at_k: Option<f64>,
    /// Mean recall@k over the same actors (0–1).
    pub recall_at_k: Option<f64>,
    /// precision@k divided by the random predictor's; null if that is 0.
    pub lift: Option<f64>,
    /// Share (0–1) of each partner kind among the candidates of the top-k
    /// lists (actors with new links), every kind listed; null without picks.
    pub top_k_kind_shares: std::collections::BTreeMap<&'static str, Option<f64>>,
}

/// The `iuinet match-eval` report (`schema` = `iuinet.match-eval/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchEvalReport {
    /// Schema tag.
    pub schema: &'static str,
    /// Options.
    pub options: MatchEvalOpts,
    /// The view flags (years are set by the split).
    pub view: ViewOpts,
    /// Training years.
    pub train_years: YearRange,
    /// Test years.
    pub test_years: YearRange,
    /// Actors with a link in training.
    pub actors_present: u64,
    /// Distinct linked pairs in training.
    pub train_pairs: u64,
    /// Distinct pairs linked after the split.
    pub later_pairs: u64,
    /// Of those, new pairs between present actors (the test pairs).
    pub test_pairs: u64,
    /// Share (0–1) of each kind among the actors present in training (the
    /// base rate to read `top_k_kind_shares` against).
    pub present_kind_shares: std::collections::BTreeMap<&'static str, Option<f64>>,
    /// Actors with at least one test link (precision/recall averages over them).
    pub actors_evaluated: u64,
    /// Random, preferential attachment, then the methods asked for.
    pub results: Vec<EvalRow>,
}

/// First and last year of any dated group or tie.
pub fn year_span(net: &Network) -> Option<(i32, i32)> {
    let ys = net
        .groups
        .iter()
        .filter_map(|g| g.year)
        .chain(net.ties.iter().filter_map(|t| t.year));
    ys.fold(None, |acc, y| match acc {
        None => Some((y, y)),
        Some((a, b)) => Some((a.min(y), b.max(y))),
    })
}

/// Evaluate link prediction with a temporal split (module docs). `base`
/// gives the layers, kinds and group-size limit; its years must be unset.
///
/// Time: building the two views plus, per method, the AUC samples and one
/// top-k query per evaluated actor.
pub fn match_eval(net: &Network, base: &ViewOpts, o: &MatchEvalOpts) -> Result<MatchEvalReport> {
    if base.selection.years.is_some() {
        return Err(Error::Usage(
            "match-eval sets the years itself from --split-year; leave out --years".into(),
        ));
    }
    let (first, last) = year_span(net)
        .ok_or_else(|| Error::Usage("no link has a year, so there is nothing to split".into()))?;
    if o.split_year < first || o.split_year >= last {
        return Err(Error::Usage(format!(
            "--split-year {} leaves no {} period: links are dated {first}..{last}\n  hint: pick a year from {first} to {}",
            o.split_year,
            if o.split_year < first {
                "training"
            } else {
                "test"
            },
            last - 1
        )));
    }
    let train_years = YearRange {
        from: first,
        to: o.split_year,
    };
    let test_years = YearRange {
        from: o.split_year + 1,
        to: last,
    };
    let mut tr = base.clone();
    tr.selection.years = Some(train_years);
    let mut te = base.clone();
    te.selection.years = Some(test_years);
    let (train, test) = rayon::join(|| View::build(net, &tr), || View::build(net, &te));
    let (train, test) = (train?, test?);
    debug_assert_eq!(train.actors, test.actors);
    let n = train.n();
    let present: Vec<bool> = (0..n as u32).map(|v| train.csr.degree(v) > 0).collect();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for u in 0..n as u32 {
        for &v in test.csr.neighbors(u) {
            if u < v
                && present[u as usize]
                && present[v as usize]
                && train.csr.weight(u, v).is_none()
            {
                pairs.push((u, v));
            }
        }
    }
    let mut tested = vec![false; n];
    for &(u, v) in &pairs {
        tested[u as usize] = true;
        tested[v as usize] = true;
    }
    // ties in the top-k lists by a seeded id hash of matchmaking (the
    // evidence order of `match` is not applied here)
    let rank = crate::metrics::matching::hash_rank(net, &train, o.eval.seed);
    let class: Vec<u8> = train
        .actors
        .iter()
        .map(|&a| {
            Kind::ALL
                .iter()
                .position(|&k| k == net.actor(a).kind)
                .unwrap_or(0) as u8
        })
        .collect();
    let shares = |counts: &[u64]| -> std::collections::BTreeMap<&'static str, Option<f64>> {
        let total: u64 = counts.iter().sum();
        Kind::ALL
            .iter()
            .zip(counts)
            .map(|(k, &c)| (k.as_str(), ratio(c as f64, total as f64)))
            .collect()
    };
    let mut present_by = vec![0u64; Kind::ALL.len()];
    for (v, &p) in present.iter().enumerate() {
        if p {
            present_by[class[v] as usize] += 1;
        }
    }
    let split = Split {
        train: &train.csr,
        present: &present,
        test: &pairs,
    };
    let mut what = vec![
        Predicts::Random,
        Predicts::Method(Method::PreferentialAttachment),
    ];
    for &m in &o.methods {
        if !what.contains(&Predicts::Method(m)) {
            what.push(Predicts::Method(m));
        }
    }
    let scores: Vec<(Predicts, EvalScore)> = what
        .iter()
        .map(|&w| {
            let s = evaluate_classes(&split, w, &rank, &o.eval, &class, Kind::ALL.len());
            (w, s)
        })
        .collect();
    let random_p = scores[0].1.precision_at_k;
    let results = scores
        .into_iter()
        .map(|(w, s)| EvalRow {
            method: match w {
                Predicts::Random => "random".to_string(),
                Predicts::Method(m) => m.as_str().to_string(),
            },
            auc: s.auc,
            precision_at_k: s.precision_at_k,
            recall_at_k: s.recall_at_k,
            lift: match (s.precision_at_k, random_p) {
                (Some(p), Some(r)) if r > 0.0 => Some(p / r),
                _ => None,
            },
            top_k_kind_shares: shares(&s.picked_by_class),
        })
        .collect();
    Ok(MatchEvalReport {
        schema: "iuinet.match-eval/1",
        options: o.clone(),
        view: base.clone(),
        train_years,
        test_years,
        actors_present: present.iter().filter(|&&p| p).count() as u64,
        train_pairs: train.csr.m() as u64,
        later_pairs: test.csr.m() as u64,
        test_pairs: pairs.len() as u64,
        present_kind_shares: shares(&present_by),
        actors_evaluated: tested.iter().filter(|&&t| t).count() as u64,
        results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_counts_by_hand() {
        // 2005: a–b, b–c (tie), 2006: event {a, c, d}, a–b again; d is new in 2006
        let net = crate::ingest::from_csv_strs(
            "id,kind\na,firm\nb,firm\nc,university\nd,firm\n",
            Some(
                "event_id,type,year,actor_id\ne1,forum,2006,a\ne1,forum,2006,c\ne1,forum,2006,d\n",
            ),
            None,
            Some("source,target,type,year\na,b,supply,2005\nb,c,supply,2005\na,b,supply,2006\n"),
        )
        .unwrap();
        let o = MatchEvalOpts {
            split_year: 2005,
            eval: EvalOpts {
                k: 1,
                auc_samples: 100,
                seed: 3,
            },
            methods: vec![Method::ResourceAllocation],
        };
        let r = match_eval(&net, &ViewOpts::default(), &o).unwrap();
        assert_eq!(r.train_pairs, 2);
        // after 2005: a–c, a–d, c–d, a–b
        assert_eq!(r.later_pairs, 4);
        // new between present (a, b, c): a–c only
        assert_eq!(r.test_pairs, 1);
        assert_eq!(r.actors_present, 3);
        assert_eq!(r.actors_evaluated, 2);
        let ra = &r.results[2];
        assert_eq!(ra.method, "resource-allocation");
        // a's top-1: c (via b); c's top-1: a. Both hit.
        assert_eq!(ra.precision_at_k, Some(1.0));
        assert_eq!(ra.recall_at_k, Some(1.0));
        // the only non-link among present actors is none: a–b, b–c linked,
        // a–c is the test pair, so no AUC comparison can be drawn
        assert_eq!(ra.auc, None);
        let bad = MatchEvalOpts {
            split_year: 2006,
            ..o.clone()
        };
        assert!(match_eval(&net, &ViewOpts::default(), &bad).is_err());
    }
}
