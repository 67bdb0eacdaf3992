//! Ranking by score and Freeman centralisation: the two ways every
//! centrality is summarised.

use std::cmp::Ordering;

/// Node indices `0..score.len()` ordered by score, highest first, ties by
/// `tie` ascending (e.g. actor id, or the index itself). Scores compare by
/// `f64::total_cmp`, so the order is total and reproducible.
///
/// Time O(n log n).
///
/// # Example
/// ```
/// use iuinet::algo::ranking;
/// let ids = ["c", "a", "b"];
/// assert_eq!(ranking(&[1.0, 2.0, 1.0], |v| ids[v]), vec![1, 2, 0]);
/// ```
pub fn ranking<K: Ord>(score: &[f64], tie: impl Fn(usize) -> K) -> Vec<usize> {
    let mut ix: Vec<usize> = (0..score.len()).collect();
    ix.sort_by(|&a, &b| by_score(score[a], score[b]).then_with(|| tie(a).cmp(&tie(b))));
    ix
}

/// Highest score first.
fn by_score(a: f64, b: f64) -> Ordering {
    b.total_cmp(&a)
}

/// Freeman centralisation Σ_v (max − score_v) / `norm`, the sum taken in
/// node order; `None` for fewer than three nodes. With `norm` the largest
/// value the sum can take (a star), the result lies in 0 (all equal) … 1.
/// Degree uses norm (n−1)(n−2); normalised betweenness uses n−1.
///
/// Time O(n).
///
/// # Example
/// ```
/// use iuinet::algo::centralization;
/// // a star on 4 nodes: degrees 3, 1, 1, 1
/// assert_eq!(centralization(&[3.0, 1.0, 1.0, 1.0], 3.0 * 2.0), Some(1.0));
/// ```
pub fn centralization(score: &[f64], norm: f64) -> Option<f64> {
    if score.len() < 3 {
        return None;
    }
    let max = score.iter().copied().fold(0.0, f64::max);
    Some(score.iter().map(|s| max - s).sum::<f64>() / norm)
}
