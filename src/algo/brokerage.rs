//! Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of
//! mediation", Sociological Methodology 19) on an undirected view, and their
//! expected counts under random ties, following R `sna::brokerage`.
//!
//! # Undirected convention
//!
//! Links carry no direction, so every *open two-path* a–b–c (a and c both
//! linked to the broker b, a ≠ c, a and c not linked to each other) is
//! counted once per unordered pair {a, c}. With g(x) the group of x:
//!
//! | role | condition |
//! | --- | --- |
//! | coordinator | g(a) = g(b) = g(c) |
//! | itinerant (consultant) | g(a) = g(c) ≠ g(b) |
//! | boundary (representative + gatekeeper) | g(b) equals exactly one of g(a), g(c) |
//! | liaison | g(a), g(b), g(c) all different |
//!
//! `total` is the number of open two-paths through b. On directed data the
//! boundary role splits into representative (a→b→c, g(a) = g(b)) and
//! gatekeeper (g(c) = g(b)); an undirected link is both directions at once,
//! so the split would double-count and is not made.
//!
//! Relation to `sna::brokerage` run on the symmetrised adjacency matrix:
//! sna counts ordered two-paths, so its `w_I`, `w_O`, `b_O` and `t` are
//! twice ours, its `b_IO` and `b_OI` each equal our `boundary`, and the
//! observed/expected ratios are identical.
//!
//! # Expected counts
//!
//! Under a Bernoulli random graph with the observed density
//! d = E / (N(N−1)/2) (N view nodes including isolates, E links), a given
//! unordered pair {a, c} forms an open two-path through b with probability
//! p = d²(1 − d). For a broker in group i of size n_i the expected counts
//! are p times the number of eligible pairs:
//!
//! * coordinator: C(n_i − 1, 2)
//! * itinerant: Σ_{j≠i} C(n_j, 2)
//! * boundary: (n_i − 1)(N − n_i)
//! * liaison: Σ_{j<k; j,k≠i} n_j n_k = ((N − n_i)² − Σ_{j≠i} n_j²) / 2
//! * total: C(N − 1, 2)
//!
//! These are exactly half of sna's directed expectations (which count
//! ordered pairs and, for boundary, representative and gatekeeper
//! separately) with sna's d = m/(N(N−1)) equal to ours for symmetric data.

use crate::view::Csr;
use rayon::prelude::*;
use serde::Serialize;

/// Open two-paths through one broker, by role (undirected convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct BrokerageRoles {
    /// a, b, c all in the same group.
    pub coordinator: u64,
    /// a and c in one group, the broker in another (consultant).
    pub itinerant: u64,
    /// The broker shares its group with exactly one end (representative
    /// and gatekeeper together).
    pub boundary: u64,
    /// a, b, c in three different groups.
    pub liaison: u64,
    /// All open two-paths through the broker.
    pub total: u64,
}

/// Expected role counts under random ties at the observed density.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct BrokerageExpected {
    /// Expected coordinator count.
    pub coordinator: f64,
    /// Expected itinerant count.
    pub itinerant: f64,
    /// Expected boundary count.
    pub boundary: f64,
    /// Expected liaison count.
    pub liaison: f64,
    /// Expected total.
    pub total: f64,
}

/// Observed / expected per role; `None` where the expectation is 0.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct BrokerageRatio {
    /// Coordinator ratio.
    pub coordinator: Option<f64>,
    /// Itinerant ratio.
    pub itinerant: Option<f64>,
    /// Boundary ratio.
    pub boundary: Option<f64>,
    /// Liaison ratio.
    pub liaison: Option<f64>,
    /// Total ratio.
    pub total: Option<f64>,
}

/// Gould–Fernandez roles of every node of `g`; `group[v]` is the group
/// label of node v (dense labels are best: scratch is O(max label)).
///
/// Counts all pairs of contacts per role from the group histogram of the
/// contacts, then subtracts the closed pairs (contacts linked to each
/// other), found by walking each contact's neighbour list.
///
/// Complexity: time O(Σ_v deg(v)²) (the closed-pair walk), extra space
/// O(n + G) per worker thread for G labels. Integer counts: identical for
/// any thread count.
///
/// # Panics
/// If `group.len() != g.n()`.
///
/// ```
/// use iuinet::algo::brokerage::brokerage_roles;
/// use iuinet::view::Csr;
/// // 1 – 0 – 2, groups 0, 1, 0: node 0 is an itinerant broker
/// let g = Csr::from_edges(3, &[(0, 1, 1.0), (0, 2, 1.0)]).unwrap();
/// let r = brokerage_roles(&g, &[1, 0, 0]);
/// assert_eq!((r[0].itinerant, r[0].total), (1, 1));
/// ```
pub fn brokerage_roles(g: &Csr, group: &[u32]) -> Vec<BrokerageRoles> {
    let n = g.n();
    assert_eq!(group.len(), n, "one group label per node");
    let labels = group.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    (0..n as u32)
        .into_par_iter()
        .map_init(
            || (vec![false; n], vec![0u64; labels]),
            |(mark, hist), b| {
                let nb = g.neighbors(b);
                let gb = group[b as usize];
                for &x in nb {
                    mark[x as usize] = true;
                    hist[group[x as usize] as usize] += 1;
                }
                let deg = nb.len() as u64;
                let same = hist[gb as usize];
                let mut all = BrokerageRoles {
                    coordinator: same * same.saturating_sub(1) / 2,
                    itinerant: 0,
                    boundary: same * (deg - same),
                    liaison: 0,
                    total: deg * deg.saturating_sub(1) / 2,
                };
                for &x in nb {
                    let gx = group[x as usize];
                    let c = hist[gx as usize];
                    if gx != gb && c > 0 {
                        all.itinerant += c * (c - 1) / 2;
                        hist[gx as usize] = 0; // count each group once
                    }
                }
                all.liaison = all.total - all.coordinator - all.itinerant - all.boundary;
                // subtract closed pairs {a, c}, a < c, both contacts
                for &a in nb {
                    let ga = group[a as usize];
                    for &c in g.neighbors(a) {
                        if c <= a || !mark[c as usize] {
                            continue;
                        }
                        let gc = group[c as usize];
                        all.total -= 1;
                        match (ga == gb, gc == gb) {
                            (true, true) => all.coordinator -= 1,
                            (true, false) | (false, true) => all.boundary -= 1,
                            (false, false) if ga == gc => all.itinerant -= 1,
                            (false, false) => all.liaison -= 1,
                        }
                    }
                }
                for &x in nb {
                    mark[x as usize] = false;
                    hist[group[x as usize] as usize] = 0;
                }
                all
            },
        )
        .collect()
}

/// Expected role counts for a broker of each node's group under random
/// ties at the observed density (module docs), aligned with the nodes.
///
/// Complexity: time O(n + G²) for G labels, space O(n + G).
///
/// # Panics
/// If `group.len() != g.n()`.
pub fn brokerage_expected(g: &Csr, group: &[u32]) -> Vec<BrokerageExpected> {
    let n = g.n();
    assert_eq!(group.len(), n, "one group label per node");
    let labels = group.iter().map(|&x| x as usize + 1).max().unwrap_or(0);
    let mut size = vec![0f64; labels];
    for &x in group {
        size[x as usize] += 1.0;
    }
    let nn = n as f64;
    let pairs = nn * (nn - 1.0) / 2.0;
    let d = if pairs > 0.0 {
        g.m() as f64 / pairs
    } else {
        0.0
    };
    let p = d * d * (1.0 - d);
    let c2 = |x: f64| x * (x - 1.0) / 2.0;
    let sum_c2: f64 = size.iter().map(|&s| c2(s)).sum();
    let sum_sq: f64 = size.iter().map(|&s| s * s).sum();
    let per_label: Vec<BrokerageExpected> = size
        .iter()
        .map(|&ni| {
            if ni == 0.0 {
                return BrokerageExpected::default();
            }
            let rest = nn - ni;
            BrokerageExpected {
                coordinator: p * c2(ni - 1.0),
                itinerant: p * (sum_c2 - c2(ni)),
                boundary: p * (ni - 1.0) * rest,
                liaison: p * (rest * rest - (sum_sq - ni * ni)) / 2.0,
                total: p * c2(nn - 1.0),
            }
        })
        .collect();
    group.iter().map(|&x| per_label[x as usize]).collect()
}

/// Observed / expected per role (`None` where the expectation is 0).
pub fn brokerage_ratio(o: &BrokerageRoles, e: &BrokerageExpected) -> BrokerageRatio {
    let r = |o: u64, e: f64| (e > 0.0).then(|| o as f64 / e);
    BrokerageRatio {
        coordinator: r(o.coordinator, e.coordinator),
        itinerant: r(o.itinerant, e.itinerant),
        boundary: r(o.boundary, e.boundary),
        liaison: r(o.liaison, e.liaison),
        total: r(o.total, e.total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(c: u64, i: u64, b: u64, l: u64) -> BrokerageRoles {
        BrokerageRoles {
            coordinator: c,
            itinerant: i,
            boundary: b,
            liaison: l,
            total: c + i + b + l,
        }
    }

    /// Three groups, every role: broker 0 (group X) with contacts
    /// 1, 2 (X), 3, 4 (Y), 5 (Z); contacts 1 and 3 are linked.
    /// Open pairs of 0, counted by hand from the 10 contact pairs:
    /// {1,2} coordinator; {3,4} itinerant; {1,4} {1,5} {2,3} {2,4} {2,5}
    /// boundary ({1,3} is closed); {3,5} {4,5} liaison.
    #[test]
    fn three_groups_every_role() {
        let e = [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 3)];
        let g = Csr::from_pairs(6, &e).unwrap();
        let grp = [0, 0, 0, 1, 1, 2];
        let r = brokerage_roles(&g, &grp);
        assert_eq!(r[0], roles(1, 1, 5, 2));
        // 1's contacts 0 and 3 are linked; 3's contacts 0 and 1 likewise
        for (v, x) in r.iter().enumerate().skip(1) {
            assert_eq!(*x, BrokerageRoles::default(), "node {v}");
        }
        // expected counts by hand: N = 6, E = 6, d = 0.4, p = 0.16·0.6 = 0.096;
        // broker in X (n = 3): C(2,2)=1, C(2,2)+C(1,2)=1, 2·3=6, 2·1=2, C(5,2)=10
        let ex = brokerage_expected(&g, &grp);
        let p = 0.096;
        let want = [1.0, 1.0, 6.0, 2.0, 10.0];
        let got = [
            ex[0].coordinator,
            ex[0].itinerant,
            ex[0].boundary,
            ex[0].liaison,
            ex[0].total,
        ];
        for (w, x) in want.iter().zip(got) {
            assert!((w * p - x).abs() < 1e-12, "{w} {x}");
        }
        // broker in Z (n = 1): coordinator 0, itinerant C(3,2)+C(2,2)=4,
        // boundary 0, liaison 3·2=6, total 10
        let want = [0.0, 4.0, 0.0, 6.0, 10.0];
        let got = [
            ex[5].coordinator,
            ex[5].itinerant,
            ex[5].boundary,
            ex[5].liaison,
            ex[5].total,
        ];
        for (w, x) in want.iter().zip(got) {
            assert!((w * p - x).abs() < 1e-12, "{w} {x}");
        }
        let ratio = brokerage_ratio(&r[5], &ex[5]);
        assert_eq!(ratio.coordinator, None);
        assert_eq!(ratio.liaison, Some(0.0));
        let ratio = brokerage_ratio(&r[0], &ex[0]);
        assert!((ratio.boundary.unwrap() - 5.0 / 0.576).abs() < 1e-9);
    }

    /// Path 0–1–2–3 and a triangle 4–5–6 with a tail 6–7; one group.
    /// Open pairs: 1 {0,2}, 2 {1,3}, 6 {4,7} {5,7}; the triangle's other
    /// pairs are closed.
    #[test]
    fn one_group_coordinators_only() {
        let e = [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (4, 6), (6, 7)];
        let g = Csr::from_pairs(8, &e).unwrap();
        let r = brokerage_roles(&g, &[0; 8]);
        let want = [0, 1, 1, 0, 0, 0, 2, 0];
        for (v, &w) in want.iter().enumerate() {
            assert_eq!(r[v], roles(w, 0, 0, 0), "node {v}");
        }
    }

    /// Brute force over all triples on a small mixed graph.
    #[test]
    fn matches_brute_force() {
        let e = [
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 2),
            (2, 4),
            (3, 4),
            (4, 5),
            (5, 6),
            (6, 7),
            (4, 7),
            (2, 7),
            (1, 8),
        ];
        let g = Csr::from_pairs(9, &e).unwrap();
        let grp = [0, 1, 2, 0, 1, 2, 0, 1, 3];
        let r = brokerage_roles(&g, &grp);
        let adj = |a: u32, b: u32| g.weight(a, b).is_some();
        for b in 0..9u32 {
            let mut want = BrokerageRoles::default();
            for a in 0..9u32 {
                for c in a + 1..9 {
                    if a == b || c == b || !adj(a, b) || !adj(b, c) || adj(a, c) {
                        continue;
                    }
                    let (ga, gb, gc) = (grp[a as usize], grp[b as usize], grp[c as usize]);
                    want.total += 1;
                    if ga == gb && gc == gb {
                        want.coordinator += 1;
                    } else if ga == gc {
                        want.itinerant += 1;
                    } else if ga == gb || gc == gb {
                        want.boundary += 1;
                    } else {
                        want.liaison += 1;
                    }
                }
            }
            assert_eq!(r[b as usize], want, "broker {b}");
        }
    }
}
