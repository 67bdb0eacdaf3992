//! Burt's structural-hole measures: constraint, effective size, efficiency
//! and hierarchy, as NetworkX 3.x defines the first three
//! (`networkx.algorithms.structuralholes`).
//!
//! Notation for ego i with contacts N(i) (distinct neighbours, no self
//! loops) and symmetric pair weights w (1 when unweighted):
//!
//! * mutual weight a_ij = w_ij + w_ji = 2·w_ij (undirected);
//! * normalised mutual weight p_ij = a_ij / Σ_{k∈N(i)} a_ik = w_ij / s_i,
//!   s_i the strength of i;
//! * m_jq = a_jq / max_k a_jk = w_jq / max_k w_jk (NetworkX's `norm=max`).
//!
//! Definitions (NetworkX `constraint`, `local_constraint`, `effective_size`):
//!
//! * local constraint c_ij = (p_ij + Σ_{q∈N(i)} p_iq·p_qj)²;
//! * constraint C_i = Σ_{j∈N(i)} c_ij;
//! * effective size, weighted: Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq·m_jq);
//!   unweighted: Borgatti's n − 2t/n, n = |N(i)| and t the number of links
//!   among the contacts (NetworkX uses this form whenever `weight=None`;
//!   it equals the weighted formula with unit weights);
//! * efficiency = effective size / n (Burt 1992);
//! * hierarchy (Burt 1992, ch. 2; not in NetworkX), the Coleman–Theil
//!   disorder index of the local constraints: with r_j = c_ij / (C_i/n),
//!   H_i = Σ_j r_j ln r_j / (n ln n); n = 1 gives 0.
//!
//! All four are `None` for an isolate (NetworkX: NaN). A zero-strength ego
//! (only zero-weight ties) gives p = 0 everywhere, as NetworkX does.

use crate::view::Csr;
use rayon::prelude::*;

/// Structural-hole figures of one node.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StructuralHoles {
    /// Burt's constraint C_i; `None` for an isolate.
    pub constraint: Option<f64>,
    /// Burt's effective size; `None` for an isolate.
    pub effective_size: Option<f64>,
    /// Effective size divided by degree; `None` for an isolate.
    pub efficiency: Option<f64>,
    /// Burt's hierarchy in [0, 1]; `None` for an isolate, 0 with one contact.
    pub hierarchy: Option<f64>,
}

/// Options of [`structural_holes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StructuralHolesOpts {
    /// Use the CSR weights (NetworkX `weight="weight"`); otherwise every
    /// link weighs 1 and effective size uses Borgatti's formula
    /// (NetworkX `weight=None`).
    pub weighted: bool,
}

/// Constraint, effective size, efficiency and hierarchy of every node of
/// `g` (see the module docs for the definitions).
///
/// Complexity: time O(Σ_i Σ_{q∈N(i)} deg(q)) = O(Σ_v deg(v)²), extra space
/// O(n) per worker thread. Nodes are processed in parallel; each node's
/// sums run over its sorted neighbour lists in a fixed order, so the bits
/// do not depend on the thread count.
///
/// ```
/// use iuinet::algo::structural_holes::{structural_holes, StructuralHolesOpts};
/// use iuinet::view::Csr;
/// // a star: the hub 0 has three unconnected contacts
/// let g = Csr::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]).unwrap();
/// let s = structural_holes(&g, &StructuralHolesOpts::default());
/// assert!((s[0].constraint.unwrap() - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(s[0].effective_size, Some(3.0));
/// assert_eq!(s[1].constraint, Some(1.0));
/// ```
pub fn structural_holes(g: &Csr, o: &StructuralHolesOpts) -> Vec<StructuralHoles> {
    let n = g.n();
    let w = |arc: usize| if o.weighted { g.weights[arc] } else { 1.0 };
    // strength and maximum pair weight per node
    let (strength, maxw): (Vec<f64>, Vec<f64>) = (0..n as u32)
        .into_par_iter()
        .map(|v| {
            let (a, b) = g.range(v);
            let mut s = 0.0;
            let mut m = 0.0f64;
            for arc in a..b {
                s += w(arc);
                m = m.max(w(arc));
            }
            (s, m)
        })
        .unzip();
    (0..n as u32)
        .into_par_iter()
        .map_init(
            || Scratch {
                pos: vec![u32::MAX; n],
                ind: Vec::new(),
                red: Vec::new(),
            },
            |sc, i| one(g, i, &w, &strength, &maxw, o.weighted, sc),
        )
        .collect()
}

struct Scratch {
    /// Position of a node in ego's neighbour list, `u32::MAX` if not a contact.
    pos: Vec<u32>,
    /// Indirect constraint Σ_q p_iq p_qj (or link count among contacts), per contact.
    ind: Vec<f64>,
    /// Redundancy Σ_q p_iq m_jq, per contact.
    red: Vec<f64>,
}

fn one(
    g: &Csr,
    i: u32,
    w: &impl Fn(usize) -> f64,
    strength: &[f64],
    maxw: &[f64],
    weighted: bool,
    sc: &mut Scratch,
) -> StructuralHoles {
    let nb = g.neighbors(i);
    let deg = nb.len();
    if deg == 0 {
        return StructuralHoles::default();
    }
    let (a0, _) = g.range(i);
    let p = |k: usize| {
        let s = strength[i as usize];
        if s == 0.0 { 0.0 } else { w(a0 + k) / s }
    };
    for (k, &j) in nb.iter().enumerate() {
        sc.pos[j as usize] = k as u32;
    }
    sc.ind.clear();
    sc.ind.resize(deg, 0.0);
    sc.red.clear();
    sc.red.resize(deg, 0.0);
    let mut links2 = 0u64; // links among contacts, counted from both ends
    for (kq, &q) in nb.iter().enumerate() {
        let piq = p(kq);
        let (qa, qb) = g.range(q);
        let sq = strength[q as usize];
        for arc in qa..qb {
            let j = g.targets[arc];
            let kj = sc.pos[j as usize];
            if kj == u32::MAX {
                continue;
            }
            links2 += 1;
            let wqj = w(arc);
            if sq != 0.0 {
                sc.ind[kj as usize] += piq * (wqj / sq);
            }
            let mj = maxw[j as usize];
            if mj != 0.0 {
                sc.red[kj as usize] += piq * (wqj / mj);
            }
        }
    }
    for &j in nb {
        sc.pos[j as usize] = u32::MAX;
    }
    let local: Vec<f64> = (0..deg)
        .map(|k| {
            let x = p(k) + sc.ind[k];
            x * x
        })
        .collect();
    let constraint: f64 = local.iter().sum();
    let effective_size = if weighted {
        sc.red.iter().map(|r| 1.0 - r).sum()
    } else {
        let nn = deg as f64;
        let t = (links2 / 2) as f64;
        nn - 2.0 * t / nn
    };
    let hierarchy = if deg == 1 || constraint == 0.0 {
        0.0
    } else {
        let nn = deg as f64;
        let mean = constraint / nn;
        let s: f64 = local
            .iter()
            .map(|&c| {
                let r = c / mean;
                if r > 0.0 { r * r.ln() } else { 0.0 }
            })
            .sum();
        s / (nn * nn.ln())
    };
    StructuralHoles {
        constraint: Some(constraint),
        effective_size: Some(effective_size),
        efficiency: Some(effective_size / deg as f64),
        hierarchy: Some(hierarchy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < tol)
    }

    /// Borgatti (1997), "Structural holes: unpacking Burt's redundancy
    /// measures", Connections 20(1): the ego network of A and the
    /// published figures (constraint G 0.400, A 0.595, C 1.0; effective
    /// size G 4.67, A 2.50).
    #[test]
    fn borgatti_published_example() {
        // A..G = 0..6
        let e = [
            (0, 1),
            (0, 5),
            (0, 6),
            (0, 4),
            (4, 6),
            (5, 6),
            (1, 6),
            (1, 3),
            (3, 6),
            (6, 2),
        ];
        let g = Csr::from_pairs(7, &e).unwrap();
        for weighted in [false, true] {
            let s = structural_holes(&g, &StructuralHolesOpts { weighted });
            assert!(close(s[6].constraint, 0.400, 5e-4));
            assert!(close(s[0].constraint, 0.595, 5e-4));
            assert!(close(s[2].constraint, 1.0, 1e-12));
            assert!(close(s[6].effective_size, 4.67, 5e-3));
            assert!(close(s[0].effective_size, 2.50, 1e-12));
        }
    }

    #[test]
    fn isolate_and_pendant() {
        let g = Csr::from_edges(3, &[(0, 1, 2.0)]).unwrap();
        let s = structural_holes(&g, &StructuralHolesOpts { weighted: true });
        assert_eq!(s[2], StructuralHoles::default());
        assert_eq!(s[0].constraint, Some(1.0));
        assert_eq!(s[0].effective_size, Some(1.0));
        assert_eq!(s[0].hierarchy, Some(0.0));
    }

    /// Triangle: every local constraint is (1/2 + 1/4)² = 9/16, total 9/8;
    /// effective size 2 − 2·1/2 = 1; equal constraints give hierarchy 0.
    #[test]
    fn triangle_by_hand() {
        let g = Csr::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]).unwrap();
        let s = structural_holes(&g, &StructuralHolesOpts::default());
        assert!(close(s[0].constraint, 9.0 / 8.0, 1e-15));
        assert!(close(s[0].effective_size, 1.0, 1e-15));
        assert!(close(s[0].efficiency, 0.5, 1e-15));
        assert!(close(s[0].hierarchy, 0.0, 1e-15));
    }
}
