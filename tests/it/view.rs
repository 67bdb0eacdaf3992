//! The analysis view and the actor multigraph on hand-computed cases.

use iuinet::Error;
use iuinet::ingest::from_csv_strs;
use iuinet::model::{Kind, Layer};
use iuinet::view::{Selection, View, ViewOpts, Weighting, YearRange};

const ACTORS: &str = "id,kind\na,firm\nb,firm\nc,university\nd,institute\ne,firm\n";
// e1 (2005): a b c   -> pairs ab ac bc
// e2 (2006): a b     -> ab
// p1 (2007): a c d e -> ab? no: ac ad ae cd ce de
// ties: a-b w=2 (2008), b-e w=0.5 (no year)
const EVENTS: &str = "event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,b\ne1,forum,2005,c\ne2,visit,2006,a\ne2,visit,2006,b\n";
const PROJECTS: &str =
    "project_id,type,year,actor_id\np1,rnd,2007,a\np1,rnd,2007,c\np1,rnd,2007,d\np1,rnd,2007,e\n";
const TIES: &str = "source,target,type,year,weight\na,b,supply,2008,2\nb,e,sales,,0.5\n";

fn net() -> iuinet::model::Network {
    from_csv_strs(ACTORS, Some(EVENTS), Some(PROJECTS), Some(TIES)).expect("valid")
}

fn opts(weight: Weighting) -> ViewOpts {
    ViewOpts {
        weight,
        ..ViewOpts::default()
    }
}

#[test]
fn weights_by_hand() {
    let n = net();
    let ix = |id: &str| n.actor_ix(id).expect("id");
    let (a, b, c, d, e) = (ix("a"), ix("b"), ix("c"), ix("d"), ix("e"));
    let v = View::build(&n, &opts(Weighting::Sum)).expect("view");
    let w = |x: u32, y: u32| v.csr.weight(x, y);
    // a-b: e1 + e2 + tie(2) = 4 ; a-c: e1 + p1 = 2 ; b-e: tie 0.5 ; c-d: p1 = 1
    assert_eq!(w(a, b), Some(4.0));
    assert_eq!(w(a, c), Some(2.0));
    assert_eq!(w(b, e), Some(0.5));
    assert_eq!(w(c, d), Some(1.0));
    assert_eq!(w(b, d), None);
    assert_eq!(v.csr.m(), 9); // ab ac bc ad ae cd ce de be
    let v = View::build(&n, &opts(Weighting::Newman)).expect("view");
    // a-b: e1 1/2 + e2 1/1 + tie 2 = 3.5 ; a-c: 1/2 + 1/3 ; c-d: 1/3
    assert_eq!(v.csr.weight(a, b), Some(3.5));
    assert!((v.csr.weight(a, c).expect("ac") - (0.5 + 1.0 / 3.0)).abs() < 1e-15);
    assert!((v.csr.weight(c, d).expect("cd") - 1.0 / 3.0).abs() < 1e-15);
    let v = View::build(&n, &opts(Weighting::None)).expect("view");
    assert!(v.csr.weights.iter().all(|&w| w == 1.0));
    // multiplicity = cases: a-b has 3 links
    let (lo, _) = v.csr.range(a);
    let pos = v.csr.neighbors(a).iter().position(|&x| x == b).expect("ab");
    assert_eq!(v.multiplicity[lo + pos], 3);
}

#[test]
fn selection_by_layer_year_and_kind() {
    let n = net();
    let sel = |layers: &[Layer], years: Option<YearRange>, kinds: Option<Vec<Kind>>| {
        let o = ViewOpts {
            selection: Selection {
                layers: layers.to_vec(),
                years,
                kinds,
            },
            ..ViewOpts::default()
        };
        View::build(&n, &o).expect("view")
    };
    assert_eq!(sel(&[Layer::Tie], None, None).csr.m(), 2);
    // the yearless tie b-e is dropped once a range is given
    assert_eq!(
        sel(
            &[Layer::Tie],
            Some(YearRange {
                from: 2000,
                to: 2010
            }),
            None
        )
        .csr
        .m(),
        1
    );
    assert_eq!(
        sel(
            &Layer::ALL,
            Some(YearRange {
                from: 2005,
                to: 2005
            }),
            None
        )
        .csr
        .m(),
        3
    );
    let firms = sel(&Layer::ALL, None, Some(vec![Kind::Firm]));
    assert_eq!(firms.n(), 3); // a b e: isolated actors stay
    assert_eq!(firms.csr.m(), 3); // ab, ae (p1), be
}

#[test]
fn incidence_counts_shared_groups() {
    let n = net();
    let v = View::build(&n, &opts(Weighting::None)).expect("view");
    // groups: e1, e2, p1, tie ab, tie be
    assert_eq!(v.incidence.groups(), 5);
    let a = n.actor_ix("a").expect("a");
    let b = n.actor_ix("b").expect("b");
    let c = n.actor_ix("c").expect("c");
    let corr: Vec<(u32, u32)> = v.incidence.corrections_of(a).collect();
    // a shares 3 groups with b (k-1 = 2) and 2 with c (k-1 = 1)
    assert_eq!(corr, vec![(b, 2), (c, 1)]);
}

#[test]
fn large_groups_are_refused_with_the_flag_named() {
    let mut actors = String::from("id,kind\n");
    let mut events = String::from("event_id,type,year,actor_id\n");
    for i in 0..12 {
        actors.push_str(&format!("x{i},firm\n"));
        events.push_str(&format!("big,forum,2005,x{i}\n"));
    }
    let n = from_csv_strs(&actors, Some(&events), None, None).expect("valid");
    let o = ViewOpts {
        max_group_size: 10,
        ..ViewOpts::default()
    };
    let e = View::build(&n, &o).expect_err("too large");
    assert!(matches!(
        e,
        Error::GroupTooLarge {
            size: 12,
            limit: 10,
            ..
        }
    ));
    assert!(e.to_string().contains("--max-group-size"));
    assert!(e.to_string().contains("`big`"));
    assert!(n.actor_multigraph(10).is_err());
    let mg = n.actor_multigraph(12).expect("fits");
    assert_eq!(mg.edge_count(), 66);
}

#[test]
fn actor_multigraph_keeps_parallel_links_with_provenance() {
    let n = net();
    let mg = n.actor_multigraph(500).expect("mg");
    // links: e1 3 + e2 1 + p1 6 + ties 2 = 12
    assert_eq!(mg.edge_count(), 12);
    // the network multigraph: 5 actors + 3 groups, 9 memberships + 2 ties
    assert_eq!(n.graph.node_count(), 8);
    assert_eq!(n.graph.edge_count(), 11);
    let a = n.actor_ix("a").expect("a");
    assert_eq!(n.groups_of(a).len(), 3);
}

/// The row-by-row collapse equals a plain expansion of every group and tie
/// into pairs, summed in group order: same edges, bit-identical weights,
/// multiplicities and corrections, for every weighting and several
/// selections, on seeded random networks with repeated co-membership.
#[test]
fn rows_equal_pair_expansion() {
    use iuinet::model::Kind;
    use iuinet::view::{Csr, Selection, YearRange};
    use rand::{Rng, SeedableRng};
    use std::collections::BTreeMap;
    for seed in 0..8u64 {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let n = 40;
        let mut actors = String::from("id,kind\n");
        for i in 0..n {
            let kind = ["firm", "university", "institute", "agency"][i % 4];
            actors.push_str(&format!("a{i:02},{kind}\n"));
        }
        let mut events = String::from("event_id,year,actor_id\n");
        for e in 0..30 {
            let year = 2005 + rng.random_range(0..5);
            let size = rng.random_range(1..9);
            let base = rng.random_range(0..n);
            let mut m: Vec<usize> = Vec::new();
            while m.len() < size {
                let a = (base + rng.random_range(0..12)) % n;
                if !m.contains(&a) {
                    m.push(a);
                }
            }
            for a in m {
                events.push_str(&format!("e{e},{year},a{a:02}\n"));
            }
        }
        let mut ties = String::from("source,target,year,weight\n");
        for _ in 0..30 {
            let (a, b) = (rng.random_range(0..n), rng.random_range(0..n));
            if a != b {
                let w = rng.random_range(1..40) as f64 / 7.0;
                let y = 2005 + rng.random_range(0..5);
                ties.push_str(&format!("a{a:02},a{b:02},{y},{w}\n"));
            }
        }
        let net = iuinet::ingest::from_csv_strs(&actors, Some(&events), None, Some(&ties)).unwrap();
        let selections = [
            Selection::default(),
            Selection {
                years: Some(YearRange {
                    from: 2006,
                    to: 2008,
                }),
                kinds: Some(vec![Kind::Firm, Kind::University, Kind::Institute]),
                ..Selection::default()
            },
        ];
        for sel in selections {
            for weight in [Weighting::None, Weighting::Sum, Weighting::Newman] {
                let o = ViewOpts {
                    selection: sel.clone(),
                    weight,
                    ..ViewOpts::default()
                };
                let v = View::build(&net, &o).unwrap();
                let node = |a: u32| v.node_of(a);
                // reference: every pair of every selected group, then ties
                let mut pairs: Vec<(u32, u32, f64)> = Vec::new();
                for g in &net.groups {
                    if !sel.keeps_year(g.year) {
                        continue;
                    }
                    let m: Vec<u32> = g.members.iter().filter_map(|x| node(x.actor)).collect();
                    let w = match weight {
                        Weighting::Newman => 1.0 / (g.size() as f64 - 1.0),
                        _ => 1.0,
                    };
                    for i in 0..m.len() {
                        for j in i + 1..m.len() {
                            pairs.push((m[i].min(m[j]), m[i].max(m[j]), w));
                        }
                    }
                }
                for t in &net.ties {
                    if !sel.keeps_year(t.year) {
                        continue;
                    }
                    if let (Some(a), Some(b)) = (node(t.source), node(t.target)) {
                        let w = if weight == Weighting::None {
                            1.0
                        } else {
                            t.weight
                        };
                        pairs.push((a.min(b), a.max(b), w));
                    }
                }
                let mut mult: BTreeMap<(u32, u32), u32> = BTreeMap::new();
                for p in &pairs {
                    *mult.entry((p.0, p.1)).or_default() += 1;
                }
                let mut want = Csr::from_edges(v.n(), &pairs).unwrap();
                if weight == Weighting::None {
                    want.weights.iter_mut().for_each(|w| *w = 1.0);
                }
                assert_eq!(v.csr.offsets, want.offsets, "seed {seed} {weight:?}");
                assert_eq!(v.csr.targets, want.targets, "seed {seed} {weight:?}");
                let bits = |c: &Csr| c.weights.iter().map(|w| w.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&v.csr), bits(&want), "seed {seed} {weight:?}");
                for a in 0..v.n() as u32 {
                    let (lo, _) = v.csr.range(a);
                    let mut corr = Vec::new();
                    for (i, &b) in v.csr.neighbors(a).iter().enumerate() {
                        let k = mult[&(a.min(b), a.max(b))];
                        assert_eq!(v.multiplicity[lo + i], k);
                        if k >= 2 {
                            corr.push((b, k - 1));
                        }
                    }
                    let got: Vec<(u32, u32)> = v.incidence.corrections_of(a).collect();
                    assert_eq!(got, corr, "seed {seed} corrections of {a}");
                }
            }
        }
    }
}
