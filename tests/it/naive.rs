//! Test oracle: O(n³) reference implementations for tests: all-pairs distances and path
//! counts by dynamic programming, then betweenness from the pair formula
//! σ_st(v) = σ_sv·σ_vt when d(s,v) + d(v,t) = d(s,t). Independent of Brandes.

use iuinet::algo::PATH_TOL;
use iuinet::view::Csr;

/// Whether two path lengths are equal within `PATH_TOL` (the library's tie
/// rule, restated here so the oracle shares no code with the kernels).
fn same_len(a: f64, b: f64) -> bool {
    if a.is_finite() && b.is_finite() {
        (a - b).abs() <= PATH_TOL * a.max(b)
    } else {
        a == b
    }
}

/// Arc lengths 1/weight (∞ for a weight that is not positive and finite).
fn lengths(g: &Csr) -> Vec<f64> {
    g.weights
        .iter()
        .map(|&w| {
            if w > 0.0 && w.is_finite() {
                1.0 / w
            } else {
                f64::INFINITY
            }
        })
        .collect()
}

/// All-pairs distances (∞ unreachable) and shortest-path counts.
pub fn all_pairs(g: &Csr, weighted: bool) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let n = g.n();
    let len = if weighted {
        lengths(g)
    } else {
        vec![1.0; g.targets.len()]
    };
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (s, row) in d.iter_mut().enumerate() {
        row[s] = 0.0;
        for (i, &t) in g.neighbors(s as u32).iter().enumerate() {
            let l = len[g.offsets[s] as usize + i];
            if l < row[t as usize] {
                row[t as usize] = l;
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                let alt = d[i][k] + d[k][j];
                if alt < d[i][j] && !same_len(alt, d[i][j]) {
                    d[i][j] = alt;
                }
            }
        }
    }
    // path counts: process targets by increasing distance from s
    let mut sigma = vec![vec![0.0; n]; n];
    for s in 0..n {
        let mut by: Vec<usize> = (0..n).filter(|&t| d[s][t].is_finite()).collect();
        by.sort_by(|&a, &b| d[s][a].total_cmp(&d[s][b]));
        sigma[s][s] = 1.0;
        for &t in &by {
            if t == s {
                continue;
            }
            let mut c = 0.0;
            for (i, &u) in g.neighbors(t as u32).iter().enumerate() {
                let l = len[g.offsets[t] as usize + i];
                if d[s][u as usize].is_finite() && same_len(d[s][u as usize] + l, d[s][t]) {
                    c += sigma[s][u as usize];
                }
            }
            sigma[s][t] = c;
        }
    }
    (d, sigma)
}

/// Betweenness from the pair formula, normalised as NetworkX.
pub fn betweenness(g: &Csr, weighted: bool) -> Vec<f64> {
    let n = g.n();
    let (d, sigma) = all_pairs(g, weighted);
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in s + 1..n {
            if !d[s][t].is_finite() {
                continue;
            }
            for v in 0..n {
                if v == s || v == t || !d[s][v].is_finite() || !d[v][t].is_finite() {
                    continue;
                }
                if same_len(d[s][v] + d[v][t], d[s][t]) {
                    b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
                }
            }
        }
    }
    let k = if n < 3 {
        0.0
    } else {
        2.0 / ((n as f64 - 1.0) * (n as f64 - 2.0))
    };
    b.into_iter().map(|x| x * k).collect()
}

/// Closeness (Wasserman–Faust) and harmonic from all-pairs distances.
pub fn closeness(g: &Csr, weighted: bool) -> (Vec<f64>, Vec<f64>) {
    let n = g.n();
    let (d, _) = all_pairs(g, weighted);
    let mut c = vec![0.0; n];
    let mut h = vec![0.0; n];
    for s in 0..n {
        let reach: Vec<f64> = (0..n)
            .filter(|&t| t != s && d[s][t].is_finite())
            .map(|t| d[s][t])
            .collect();
        let tot: f64 = reach.iter().sum();
        if tot > 0.0 && n > 1 {
            let r = reach.len() as f64;
            c[s] = r / tot * (r / (n as f64 - 1.0));
        }
        h[s] = reach.iter().map(|x| 1.0 / x).sum();
    }
    (c, h)
}
