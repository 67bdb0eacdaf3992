//! Random small networks (events of random size plus weighted ties): the
//! group-incidence betweenness, CSR Brandes and the O(n³) pair formula
//! agree; weighted Brandes agrees with the pair formula; closeness over the
//! incidence agrees with all-pairs distances; parallel results do not
//! depend on the thread count.

use iuinet::algo::{self, naive};
use iuinet::view::{View, ViewOpts, Weighting};
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// A network of `n` actors, events given as member lists, ties as (a, b, w).
fn network(n: usize, events: &[Vec<usize>], ties: &[(usize, usize, u8)]) -> iuinet::model::Network {
    let mut actors = String::from("id,kind\n");
    for i in 0..n {
        actors.push_str(&format!("a{i:02},firm\n"));
    }
    let mut ev = String::from("event_id,type,year,actor_id\n");
    for (e, m) in events.iter().enumerate() {
        let mut seen = vec![false; n];
        for &a in m {
            if !seen[a] {
                seen[a] = true;
                ev.push_str(&format!("e{e},forum,2005,a{a:02}\n"));
            }
        }
    }
    let mut ti = String::from("source,target,type,year,weight\n");
    for &(a, b, w) in ties {
        if a != b {
            ti.push_str(&format!("a{a:02},a{b:02},supply,2005,{}\n", w as f64 / 2.0));
        }
    }
    iuinet::ingest::from_csv_strs(&actors, Some(&ev), None, Some(&ti)).unwrap()
}

type Net = (usize, Vec<Vec<usize>>, Vec<(usize, usize, u8)>);

fn arb_net() -> impl Strategy<Value = Net> {
    (3usize..12).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec(prop::collection::vec(0..n, 1..6), 0..7),
            prop::collection::vec((0..n, 0..n, 1u8..6), 0..10),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn unweighted_three_ways((n, events, ties) in arb_net()) {
        let net = network(n, &events, &ties);
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let inc = algo::betweenness_incidence(&view.incidence, &view.csr);
        let csr = algo::betweenness_csr(&view.csr, false);
        let nv = naive::betweenness(&view.csr, false);
        for v in 0..view.n() {
            prop_assert!(close(inc[v], nv[v]), "incidence {v}: {} vs naive {}", inc[v], nv[v]);
            prop_assert!(close(csr[v], nv[v]), "csr {v}: {} vs naive {}", csr[v], nv[v]);
        }
        let ci = algo::closeness_incidence(&view.incidence, view.n());
        let cc = algo::closeness_csr(&view.csr, false);
        let (c, h) = naive::closeness(&view.csr, false);
        for v in 0..view.n() {
            prop_assert!(close(ci.closeness[v], c[v]) && close(cc.closeness[v], c[v]));
            prop_assert!(close(ci.harmonic[v], h[v]) && close(cc.harmonic[v], h[v]));
        }
    }

    #[test]
    fn weighted_matches_pair_formula((n, events, ties) in arb_net(), newman in any::<bool>()) {
        let net = network(n, &events, &ties);
        let opts = ViewOpts {
            weight: if newman { Weighting::Newman } else { Weighting::Sum },
            ..ViewOpts::default()
        };
        let view = View::build(&net, &opts).unwrap();
        let b = algo::betweenness(&view);
        let nv = naive::betweenness(&view.csr, true);
        for v in 0..view.n() {
            prop_assert!(close(b[v], nv[v]), "{v}: {} vs naive {}", b[v], nv[v]);
        }
        let cc = algo::closeness_csr(&view.csr, true);
        let (c, h) = naive::closeness(&view.csr, true);
        for v in 0..view.n() {
            prop_assert!(close(cc.closeness[v], c[v]) && close(cc.harmonic[v], h[v]));
        }
    }

    #[test]
    fn same_bits_on_one_and_four_threads((n, events, ties) in arb_net()) {
        let net = network(n, &events, &ties);
        let view = View::build(&net, &ViewOpts { weight: Weighting::Sum, ..ViewOpts::default() }).unwrap();
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let four = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let f = || {
            (
                algo::betweenness_csr(&view.csr, true),
                algo::betweenness_incidence(&view.incidence, &view.csr),
                algo::pagerank(&view.csr),
                algo::eigenvector(&view.csr),
            )
        };
        let a = one.install(f);
        let b = four.install(f);
        prop_assert_eq!(a, b);
    }
}
