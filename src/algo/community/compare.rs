//! Comparing two partitions of the same nodes: the contingency table,
//! normalised mutual information and the adjusted Rand index.

/// One non-zero cell of a contingency table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContingencyCell {
    /// Label in the first partition.
    pub a: u32,
    /// Label in the second partition.
    pub b: u32,
    /// Nodes with both labels.
    pub count: u64,
}

/// Two partitions compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Nodes compared.
    pub n: u64,
    /// Normalised mutual information, arithmetic-mean normalisation.
    pub nmi: f64,
    /// Adjusted Rand index.
    pub ari: f64,
    /// The non-zero cells, ascending by (a, b).
    pub cells: Vec<ContingencyCell>,
}

/// The non-zero contingency cells of labels `a` and `b` (same length),
/// ascending by (a, b). Time O(n log n).
fn contingency(a: &[u32], b: &[u32]) -> Vec<ContingencyCell> {
    assert_eq!(a.len(), b.len(), "two labels per node");
    let mut p: Vec<(u32, u32)> = a.iter().copied().zip(b.iter().copied()).collect();
    p.sort_unstable();
    let mut cells: Vec<ContingencyCell> = Vec::new();
    for (x, y) in p {
        match cells.last_mut() {
            Some(c) if c.a == x && c.b == y => c.count += 1,
            _ => cells.push(ContingencyCell {
                a: x,
                b: y,
                count: 1,
            }),
        }
    }
    cells
}

/// Marginal counts of one side, ascending by label (non-zero only).
fn marginal(cells: &[ContingencyCell], side_a: bool) -> Vec<u64> {
    let mut m: Vec<(u32, u64)> = cells
        .iter()
        .map(|c| (if side_a { c.a } else { c.b }, c.count))
        .collect();
    m.sort_unstable_by_key(|x| x.0);
    let mut out: Vec<(u32, u64)> = Vec::new();
    for (l, k) in m {
        match out.last_mut() {
            Some(o) if o.0 == l => o.1 += k,
            _ => out.push((l, k)),
        }
    }
    out.into_iter().map(|x| x.1).collect()
}

fn entropy(counts: &[u64], n: f64) -> f64 {
    let mut h = 0.0;
    for &k in counts {
        let p = k as f64 / n;
        h -= p * p.ln();
    }
    h
}

fn nmi_of(cells: &[ContingencyCell], n: u64) -> f64 {
    let ra = marginal(cells, true);
    let rb = marginal(cells, false);
    if ra.len() == rb.len() && ra.len() <= 1 {
        return 1.0;
    }
    let nf = n as f64;
    // marginals by label, for the cells' lookups
    let max_a = cells.iter().map(|c| c.a).max().unwrap_or(0) as usize;
    let max_b = cells.iter().map(|c| c.b).max().unwrap_or(0) as usize;
    let mut ma = vec![0u64; max_a + 1];
    let mut mb = vec![0u64; max_b + 1];
    for c in cells {
        ma[c.a as usize] += c.count;
        mb[c.b as usize] += c.count;
    }
    let mut mi = 0.0;
    for c in cells {
        let p = c.count as f64 / nf;
        mi += p * (nf * c.count as f64 / (ma[c.a as usize] as f64 * mb[c.b as usize] as f64)).ln();
    }
    if mi <= 0.0 {
        return 0.0;
    }
    let norm = (entropy(&ra, nf) + entropy(&rb, nf)) / 2.0;
    mi / norm
}

fn ari_of(cells: &[ContingencyCell], n: u64) -> f64 {
    let n = n as i128;
    let ss: i128 = cells.iter().map(|c| (c.count as i128).pow(2)).sum();
    let sa: i128 = marginal(cells, true)
        .iter()
        .map(|&k| (k as i128).pow(2))
        .sum();
    let sb: i128 = marginal(cells, false)
        .iter()
        .map(|&k| (k as i128).pow(2))
        .sum();
    // ordered pairs of distinct nodes: together in both (tp), in b only
    // (fp), in a only (fn), in neither (tn)
    let tp = ss - n;
    let fp = sb - ss;
    let fn_ = sa - ss;
    let tn = n * n - fp - fn_ - ss;
    if fn_ == 0 && fp == 0 {
        return 1.0;
    }
    let num = 2 * (tp * tn - fn_ * fp);
    let den = (tp + fn_) * (fn_ + tn) + (tp + fp) * (fp + tn);
    num as f64 / den as f64
}

/// Normalised mutual information of two labelings, `I(a; b) / ((H(a) +
/// H(b)) / 2)` with natural logarithms: scikit-learn's
/// `normalized_mutual_info_score` (default `average_method="arithmetic"`)
/// and igraph's `compare_communities(method="nmi")`. 1 when both put every
/// node in one group (or there are no nodes), 0 when the mutual
/// information is 0. Labels are any `u32`s. Time O(n log n).
///
/// # Panics
/// If the slices differ in length.
///
/// ```
/// use iuinet::algo::community::nmi;
/// assert_eq!(nmi(&[0, 0, 1, 1], &[5, 5, 7, 7]), 1.0);
/// assert_eq!(nmi(&[0, 0, 1, 1], &[0, 1, 0, 1]), 0.0);
/// ```
pub fn nmi(a: &[u32], b: &[u32]) -> f64 {
    nmi_of(&contingency(a, b), a.len() as u64)
}

/// Adjusted Rand index (Hubert & Arabie 1985) of two labelings, from the
/// pair-confusion counts in exact integer arithmetic, as scikit-learn's
/// `adjusted_rand_score` (1 when no pair is split differently, including
/// the degenerate cases). Can be negative. Time O(n log n).
///
/// # Panics
/// If the slices differ in length.
///
/// ```
/// use iuinet::algo::community::adjusted_rand_index;
/// assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[1, 1, 0, 0]), 1.0);
/// assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]), -0.5);
/// ```
pub fn adjusted_rand_index(a: &[u32], b: &[u32]) -> f64 {
    ari_of(&contingency(a, b), a.len() as u64)
}

/// NMI, ARI and the contingency table of two labelings in one go.
pub fn compare(a: &[u32], b: &[u32]) -> Comparison {
    let cells = contingency(a, b);
    let n = a.len() as u64;
    Comparison {
        n,
        nmi: nmi_of(&cells, n),
        ari: ari_of(&cells, n),
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked by hand: a = [0,0,0,1,1,1], b = [0,0,1,1,2,2].
    /// Contingency {(0,0):2, (0,1):1, (1,1):1, (1,2):2}; pair counts over
    /// unordered pairs: together in both = 2 (two 2-cells), sum C(a_i,2) =
    /// 6, sum C(b_j,2) = 3, C(6,2) = 15; expected = 6·3/15 = 1.2,
    /// max = 4.5: ARI = (2 − 1.2) / (4.5 − 1.2) = 0.8/3.3.
    /// MI = 4·(2/6)ln(6·2/(3·2)) … computed below from the definition.
    #[test]
    fn by_hand() {
        let a = [0, 0, 0, 1, 1, 1];
        let b = [0, 0, 1, 1, 2, 2];
        let ari = adjusted_rand_index(&a, &b);
        assert!((ari - 0.8 / 3.3).abs() < 1e-15, "{ari}");
        let mi = 2.0 * (2.0 / 6.0) * (6.0f64 * 2.0 / (3.0 * 2.0)).ln()
            + 2.0 * (1.0 / 6.0) * (6.0f64 / (3.0 * 2.0)).ln();
        let ha = 2.0f64.ln();
        let hb = 3.0f64.ln();
        let want = mi / ((ha + hb) / 2.0);
        assert!((nmi(&a, &b) - want).abs() < 1e-15);
        let c = compare(&a, &b);
        assert_eq!(c.cells.len(), 4);
        assert_eq!(c.cells[0].count, 2);
    }

    #[test]
    fn degenerate() {
        assert_eq!(nmi(&[], &[]), 1.0);
        assert_eq!(nmi(&[3, 3, 3], &[1, 1, 1]), 1.0);
        assert_eq!(nmi(&[3, 3, 3], &[0, 1, 2]), 0.0);
        assert_eq!(adjusted_rand_index(&[0, 1, 2], &[2, 0, 1]), 1.0);
        assert_eq!(adjusted_rand_index(&[0, 0, 0], &[0, 0, 0]), 1.0);
    }
}
