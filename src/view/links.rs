//! Per-pair link provenance of a view: how many of the links behind each
//! collapsed edge come from events, projects and ties, and the years they
//! span. Used by the graph exports (edge attributes).

use super::View;
use crate::error::Result;
use crate::model::Network;

/// The links behind one collapsed edge of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairLinks {
    /// The smaller view node.
    pub a: u32,
    /// The larger view node.
    pub b: u32,
    /// Links per layer, in `Layer::ALL` order (event, project, tie).
    pub by_layer: [u32; 3],
    /// Earliest year among the links that have one.
    pub first_year: Option<i32>,
    /// Latest year among the links that have one.
    pub last_year: Option<i32>,
}

impl PairLinks {
    /// All links of the pair (the view's multiplicity).
    pub fn links(&self) -> u32 {
        self.by_layer.iter().sum()
    }
}

/// Layer and year counts for every edge of `view`, sorted by (a, b): the
/// same edges as `view.csr`, with `links()` equal to `view.multiplicity`.
///
/// Walks the same selected groups and ties as [`View::build`], so it refuses
/// groups above the view's `max_group_size` in the same way.
/// Time O(L log L) and space O(L) for L links (Σ s_g(s_g−1)/2 + ties).
pub fn pair_links(net: &Network, view: &View) -> Result<Vec<PairLinks>> {
    let opts = &view.opts;
    let (node_of, _) = opts.selection.nodes(net);
    // (a, b, layer, year) per link
    let mut recs: Vec<(u32, u32, u8, Option<i32>)> = Vec::new();
    opts.selection
        .for_each_record(net, &node_of, opts.max_group_size, |rec, members| {
            let (layer, year) = (rec.layer() as u8, rec.year());
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if a != b {
                        recs.push((a.min(b), a.max(b), layer, year));
                    }
                }
            }
            Ok(())
        })?;
    recs.sort_unstable();
    let mut out: Vec<PairLinks> = Vec::new();
    for (a, b, l, y) in recs {
        let p = match out.last_mut() {
            Some(p) if p.a == a && p.b == b => p,
            _ => {
                out.push(PairLinks {
                    a,
                    b,
                    by_layer: [0; 3],
                    first_year: None,
                    last_year: None,
                });
                let n = out.len() - 1;
                &mut out[n]
            }
        };
        p.by_layer[l as usize] += 1;
        if let Some(y) = y {
            p.first_year = Some(p.first_year.map_or(y, |f| f.min(y)));
            p.last_year = Some(p.last_year.map_or(y, |f| f.max(y)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::ViewOpts;

    #[test]
    fn counts_by_layer_and_year_by_hand() {
        // a-b share event e1 (2005) and project p1 (2007) and a tie (2006);
        // a-c share e1 only; b-c share e1 only.
        let net = crate::ingest::from_csv_strs(
            "id,kind\na,firm\nb,firm\nc,university\n",
            Some(
                "event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,b\ne1,forum,2005,c\n",
            ),
            Some("project_id,type,year,actor_id\np1,rnd,2007,a\np1,rnd,2007,b\n"),
            Some("source,target,type,year\nb,a,supply,2006\n"),
        )
        .unwrap();
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let p = pair_links(&net, &view).unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[0],
            PairLinks {
                a: 0,
                b: 1,
                by_layer: [1, 1, 1],
                first_year: Some(2005),
                last_year: Some(2007)
            }
        );
        assert_eq!(p[1].by_layer, [1, 0, 0]);
        assert_eq!((p[1].a, p[1].b), (0, 2));
        assert_eq!((p[2].a, p[2].b), (1, 2));
        // agrees with the view's multiplicity, arc by arc
        for x in &p {
            let (s, _) = view.csr.range(x.a);
            let i = view.csr.neighbors(x.a).binary_search(&x.b).unwrap();
            assert_eq!(view.multiplicity[s + i], x.links());
        }
    }
}
