//! Connected components.

use crate::view::Csr;

/// Component label of every node: the smallest node of its component.
///
/// Iterative depth-first search from each unlabelled node in index order.
/// Time O(n + m), space O(n).
///
/// # Example
/// ```
/// use iuinet::algo::components;
/// use iuinet::view::Csr;
/// let g = Csr::from_edges(5, &[(0, 1, 1.0), (1, 2, 1.0), (3, 4, 1.0)]).unwrap();
/// assert_eq!(components(&g), vec![0, 0, 0, 3, 3]);
/// ```
pub fn components(g: &Csr) -> Vec<u32> {
    let n = g.n();
    let mut label = vec![u32::MAX; n];
    let mut stack = Vec::new();
    for s in 0..n as u32 {
        if label[s as usize] != u32::MAX {
            continue;
        }
        label[s as usize] = s;
        stack.push(s);
        while let Some(v) = stack.pop() {
            for &w in g.neighbors(v) {
                if label[w as usize] == u32::MAX {
                    label[w as usize] = s;
                    stack.push(w);
                }
            }
        }
    }
    label
}

/// Sizes of the components given by [`components`] labels, indexed by
/// label (0 for nodes that are not a label). Time O(n).
pub fn component_sizes(labels: &[u32]) -> Vec<u64> {
    let mut size = vec![0u64; labels.len()];
    for &l in labels {
        size[l as usize] += 1;
    }
    size
}
