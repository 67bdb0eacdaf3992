//! Significance of group mixing (`iuinet density --permutations N`): the
//! E-I index and the block densities against random reassignments of the
//! actors' group labels, as UCINET's E-I permutation test reports them.
//!
//! Conventions: groups come from any actor attribute — `kind`, `region`,
//! `size_class`, `complex`, `mini_cluster` (the first mini cluster listed
//! for the actor) or any other column of actors.csv; actors with no value
//! form the group `unknown` (as in `iuinet density`). Every actor has one
//! group here, so a pair is internal when both ends have the same value.
//! A permutation shuffles the labels over the view's actors (group sizes
//! fixed) and recounts; `p_ge` / `p_le` are the shares of permutations
//! whose statistic is ≥ / ≤ the observed one (UCINET's "P >= Ob" and
//! "P <= Ob", no +1 correction).

use crate::algo::permutation::{PermStat, block_test, tri};
use crate::error::Result;
use crate::metrics::common::UNKNOWN;
use crate::model::Network;
use crate::view::View;
use serde::Serialize;
use std::collections::BTreeMap;

/// One statistic with its permutation distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tested {
    /// Observed value.
    pub observed: Option<f64>,
    /// Mean over the permutations.
    pub mean: Option<f64>,
    /// Standard deviation over the permutations.
    pub sd: Option<f64>,
    /// Smallest permuted value.
    pub min: Option<f64>,
    /// Largest permuted value.
    pub max: Option<f64>,
    /// Share of permutations ≥ observed (0–1); null without permutations.
    pub p_ge: Option<f64>,
    /// Share of permutations ≤ observed (0–1); null without permutations.
    pub p_le: Option<f64>,
}

/// A tested cell of the density matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestedCell {
    /// First group.
    pub a: String,
    /// Second group (equal to `a` on the diagonal).
    pub b: String,
    /// Linked pairs.
    pub links: u64,
    /// Possible pairs.
    pub pairs: u64,
    /// links / pairs, with its permutation distribution.
    pub density: Tested,
}

/// The report (`schema` = `iuinet.density-test/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DensityTest {
    /// Schema name and version.
    pub schema: &'static str,
    /// The attribute.
    pub by: String,
    /// Permutations run.
    pub permutations: u64,
    /// Random seed.
    pub seed: u64,
    /// Groups with their actors, by name (`unknown` last).
    pub groups: Vec<(String, u64)>,
    /// Linked pairs in the view.
    pub links: u64,
    /// Linked pairs inside groups.
    pub internal: u64,
    /// Linked pairs across groups.
    pub external: u64,
    /// E-I index (E − I)/(E + I), −1 … 1, with its distribution; observed
    /// null without links.
    pub ei_index: Tested,
    /// Every pair of groups a ≤ b.
    pub cells: Vec<TestedCell>,
}

/// The group of every view actor under `by` (missing: `unknown`) and the
/// group names (sorted, `unknown` last). Errors on an attribute no actor
/// has.
pub fn groups_by(net: &Network, view: &View, by: &str) -> Result<(Vec<u32>, Vec<String>)> {
    crate::metrics::communities::known_attribute(net, by)?;
    let vals: Vec<String> = view
        .actors
        .iter()
        .map(|&a| crate::metrics::communities::label(net.actor(a), by).unwrap_or(UNKNOWN.into()))
        .collect();
    let mut names: Vec<String> = vals.clone();
    names.sort();
    names.dedup();
    if let Some(p) = names.iter().position(|n| n == UNKNOWN) {
        let u = names.remove(p);
        names.push(u);
    }
    let ix: BTreeMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    Ok((vals.iter().map(|v| ix[v.as_str()]).collect(), names))
}

/// The block densities and the E-I index of any attribute, with their
/// permutation distributions when `permutations` > 0.
pub fn density_test(
    net: &Network,
    view: &View,
    by: &str,
    permutations: usize,
    seed: u64,
) -> Result<DensityTest> {
    let (labels, names) = groups_by(net, view, by)?;
    let k = names.len();
    let t = block_test(&view.csr, &labels, k, permutations, seed);
    let mut size = vec![0u64; k];
    for &l in &labels {
        size[l as usize] += 1;
    }
    let m = view.csr.m() as u64;
    let scaled = |s: &PermStat, f: &dyn Fn(f64) -> f64, flip: bool| {
        let (p_ge, p_le) = if flip {
            (s.p_le, s.p_ge)
        } else {
            (s.p_ge, s.p_le)
        };
        let (lo, hi) = if flip { (s.max, s.min) } else { (s.min, s.max) };
        let some = |x: f64| Some(f(x)).filter(|v| v.is_finite());
        let any = t.permutations > 0;
        Tested {
            observed: some(s.observed as f64),
            mean: some(s.mean).filter(|_| any),
            sd: any
                .then(|| (f(s.mean + s.sd) - f(s.mean)).abs())
                .filter(|v| v.is_finite()),
            min: some(lo as f64).filter(|_| any),
            max: some(hi as f64).filter(|_| any),
            p_ge: any.then_some(p_ge),
            p_le: any.then_some(p_le),
        }
    };
    // E-I = (m − 2I)/m falls as I rises: ≥ in E-I is ≤ in I
    let mf = m as f64;
    let ei = scaled(&t.internal, &|i| (mf - 2.0 * i) / mf, true);
    let mut cells = Vec::new();
    for a in 0..k {
        for b in a..k {
            let pairs = if a == b {
                size[a] * size[a].saturating_sub(1) / 2
            } else {
                size[a] * size[b]
            };
            let s = &t.cells[tri(k, a, b)];
            let pf = pairs as f64;
            cells.push(TestedCell {
                a: names[a].clone(),
                b: names[b].clone(),
                links: s.observed,
                pairs,
                density: if pairs == 0 {
                    Tested {
                        observed: None,
                        mean: None,
                        sd: None,
                        min: None,
                        max: None,
                        p_ge: None,
                        p_le: None,
                    }
                } else {
                    scaled(s, &|x| x / pf, false)
                },
            });
        }
    }
    Ok(DensityTest {
        schema: "iuinet.density-test/1",
        by: by.to_string(),
        permutations: permutations as u64,
        seed,
        groups: names.into_iter().zip(size).collect(),
        links: m,
        internal: t.internal.observed,
        external: m - t.internal.observed,
        ei_index: ei,
        cells,
    })
}
