//! The recommendation quality bar: on the default dataset with the split at 2008,
//! resource allocation and Adamic–Adar reach at least 5× the random
//! predictor's precision@10 and an AUC of at least 0.80.

use iuinet::algo::linkpred::Method;
use iuinet::algo::linkpred_eval::EvalOpts;
use iuinet::metrics::match_eval::{MatchEvalOpts, match_eval};
use iuinet::view::ViewOpts;

#[test]
fn default_dataset_split_2008_beats_random() {
    let net = iuinet::ingest::embedded::default_network().unwrap();
    let o = MatchEvalOpts {
        split_year: 2008,
        eval: EvalOpts {
            k: 10,
            auc_samples: 10_000,
            seed: 1,
        },
        methods: vec![Method::ResourceAllocation, Method::AdamicAdar],
    };
    let r = match_eval(&net, &ViewOpts::default(), &o).unwrap();
    assert!(r.test_pairs > 1000, "too few test pairs: {}", r.test_pairs);
    let random = &r.results[0];
    assert_eq!(random.method, "random");
    let rp = random.precision_at_k.unwrap();
    assert!(rp > 0.0);
    for row in &r.results[2..] {
        let auc = row.auc.unwrap();
        let p = row.precision_at_k.unwrap();
        assert!(auc >= 0.80, "{}: AUC {auc}", row.method);
        assert!(
            p >= 5.0 * rp,
            "{}: precision@10 {p} < 5 × random {rp}",
            row.method
        );
    }
}
