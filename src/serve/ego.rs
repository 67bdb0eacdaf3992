//! The ego-network picture: the actor, its strongest partners and its top
//! candidates, laid out by a seeded force layout and drawn as SVG on the
//! server.
//!
//! Layout: Fruchterman & Reingold (1991), "Graph drawing by force-directed
//! placement", in the unit square: optimal distance k = √(1/n), repulsion
//! k²/d between every pair, attraction d²/k along every edge, moves capped
//! by a temperature that falls linearly from 0.1 to 0 over the iterations.
//! Start positions come from a ChaCha8 stream with a fixed seed, the ego is
//! pinned at the centre, and every sum runs in node order, so one seed
//! gives the same picture byte for byte on every run and platform. The
//! forces act along the ego's links, ties and projects (shared events,
//! drawn too, link nearly every pair and would pull the picture into a
//! ball), and each axis is then stretched about the ego to fill the frame.

use super::html::esc;
use super::partners::{keeps_year, partners};
use crate::model::{ActorIx, Edge, Kind, Layer, Network};
use crate::view::YearRange;
use petgraph::graph::NodeIndex;
use rand::Rng;
use rand::SeedableRng;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Partners drawn at most (those with the most links).
pub const MAX_PARTNERS: usize = 24;

/// Layout iterations.
pub const ITERATIONS: usize = 300;

/// What a node is to the ego.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The actor itself.
    Ego,
    /// A current partner.
    Partner,
    /// A candidate (not linked in the matching view).
    Candidate,
}

/// The drawn subgraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Ego {
    /// Nodes: the ego first, then partners (most links first), then
    /// candidates (by rank).
    pub nodes: Vec<(ActorIx, Role)>,
    /// Links between drawn nodes: (i, j) with i < j, and the layers
    /// linking them.
    pub edges: Vec<(usize, usize, BTreeSet<Layer>)>,
    /// Partners left out (beyond [`MAX_PARTNERS`]).
    pub partners_left_out: usize,
}

/// Select the ego network of `a`: its `max_partners` partners with the most
/// links within `years`, the `candidates`, and every link among them within
/// `years`.
pub fn ego(
    net: &Network,
    a: ActorIx,
    candidates: &[ActorIx],
    years: Option<YearRange>,
    max_partners: usize,
) -> Ego {
    let p = partners(net, a, years);
    let mut nodes = vec![(a, Role::Ego)];
    nodes.extend(
        p.partners
            .iter()
            .take(max_partners)
            .map(|x| (x.actor, Role::Partner)),
    );
    for &c in candidates {
        if !nodes.iter().any(|n| n.0 == c) {
            nodes.push((c, Role::Candidate));
        }
    }
    let local: BTreeMap<ActorIx, usize> = nodes.iter().enumerate().map(|(i, n)| (n.0, i)).collect();
    let mut pairs: BTreeMap<(usize, usize), BTreeSet<Layer>> = BTreeMap::new();
    let mut link = |x: ActorIx, y: ActorIx, l: Layer| {
        if let (Some(&i), Some(&j)) = (local.get(&x), local.get(&y))
            && i != j
        {
            pairs.entry((i.min(j), i.max(j))).or_default().insert(l);
        }
    };
    let groups: BTreeSet<u32> = nodes.iter().flat_map(|n| net.groups_of(n.0)).collect();
    for g in groups {
        let g = &net.groups[g as usize];
        if !keeps_year(years, g.year) {
            continue;
        }
        let inside: Vec<ActorIx> = g
            .members
            .iter()
            .map(|m| m.actor)
            .filter(|x| local.contains_key(x))
            .collect();
        for (i, &x) in inside.iter().enumerate() {
            for &y in &inside[i + 1..] {
                link(x, y, g.layer);
            }
        }
    }
    for &(x, _) in &nodes {
        for e in net.graph.edges(NodeIndex::new(x as usize)) {
            if let Edge::Tie(t) = *e.weight() {
                let t = &net.ties[t as usize];
                if keeps_year(years, t.year) {
                    link(t.source, t.target, Layer::Tie);
                }
            }
        }
    }
    Ego {
        nodes,
        edges: pairs.into_iter().map(|((i, j), l)| (i, j, l)).collect(),
        partners_left_out: p.partners.len().saturating_sub(max_partners),
    }
}

/// Fruchterman–Reingold positions in the unit square (module docs) for
/// `n` nodes and `edges`; `pinned` stays at (0.5, 0.5).
///
/// Time O(iterations · (n² + m)).
pub fn force_layout(
    n: usize,
    edges: &[(usize, usize)],
    pinned: Option<usize>,
    seed: u64,
    iterations: usize,
) -> Vec<(f64, f64)> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|_| (rng.random::<f64>(), rng.random::<f64>()))
        .collect();
    if let Some(p) = pinned {
        pos[p] = (0.5, 0.5);
    }
    if n < 2 {
        return pos;
    }
    let k = (1.0 / n as f64).sqrt();
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for it in 0..iterations {
        let t = 0.1 * (1.0 - it as f64 / iterations as f64);
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-6);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
            }
        }
        for &(i, j) in edges {
            if i == j {
                continue;
            }
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-6);
            let f = d * d / k;
            disp[i].0 -= dx / d * f;
            disp[i].1 -= dy / d * f;
            disp[j].0 += dx / d * f;
            disp[j].1 += dy / d * f;
        }
        for i in 0..n {
            if Some(i) == pinned {
                continue;
            }
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(t);
                pos[i].0 = (pos[i].0 + dx / len * step).clamp(0.0, 1.0);
                pos[i].1 = (pos[i].1 + dy / len * step).clamp(0.0, 1.0);
            }
        }
    }
    pos
}

/// Fill colour of a kind (colour-blind-safe Okabe–Ito palette).
pub fn kind_colour(k: Kind) -> &'static str {
    match k {
        Kind::Firm => "#0072B2",
        Kind::University => "#D55E00",
        Kind::Institute => "#009E73",
        Kind::Agency => "#CC79A7",
        Kind::Other => "#999999",
    }
}

/// Stroke of a link: the most direct layer linking the pair (tie, then
/// project, then event).
fn edge_style(l: &BTreeSet<Layer>) -> (&'static str, f64, Layer) {
    if l.contains(&Layer::Tie) {
        ("#222222", 2.2, Layer::Tie)
    } else if l.contains(&Layer::Project) {
        ("#E69F00", 2.2, Layer::Project)
    } else {
        ("#B8C2CC", 0.8, Layer::Event)
    }
}

const W: f64 = 760.0;
const H: f64 = 560.0;

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// The SVG picture of an ego network, laid out with `seed`. Nodes link to
/// their actor pages (`href_of` gives the URL of an actor index).
pub fn svg(net: &Network, e: &Ego, seed: u64, href_of: &dyn Fn(ActorIx) -> String) -> String {
    // the layout pulls along the ego's links, ties and projects only:
    // shared events link nearly every pair of a busy ego network, and a
    // near-complete graph collapses into a ball
    let mut layout_edges: Vec<(usize, usize)> = e
        .edges
        .iter()
        .filter(|(i, _, l)| *i == 0 || l.contains(&Layer::Tie) || l.contains(&Layer::Project))
        .map(|&(i, j, _)| (i, j))
        .collect();
    // candidates are pulled towards the ego (the suggested link)
    let cands: Vec<usize> = (0..e.nodes.len())
        .filter(|&i| e.nodes[i].1 == Role::Candidate)
        .collect();
    layout_edges.extend(cands.iter().map(|&i| (0, i)));
    let mut pos = force_layout(e.nodes.len(), &layout_edges, Some(0), seed, ITERATIONS);
    // stretch each axis about the ego to fill the frame
    for axis in 0..2 {
        let get = |p: &(f64, f64)| if axis == 0 { p.0 } else { p.1 };
        let reach = pos.iter().map(|p| (get(p) - 0.5).abs()).fold(0.0, f64::max);
        if reach > 1e-9 {
            for p in pos.iter_mut() {
                let v = 0.5 + (get(p) - 0.5) * 0.5 / reach;
                if axis == 0 {
                    p.0 = v;
                } else {
                    p.1 = v;
                }
            }
        }
    }
    // labels run to the right of their node: a wider right margin
    let (left, right, top, bottom) = (30.0, 160.0, 70.0, 30.0);
    let xy = |i: usize| {
        (
            left + pos[i].0 * (W - left - right),
            top + pos[i].1 * (H - top - bottom),
        )
    };
    let mut s = String::new();
    let a = net.actor(e.nodes[0].0);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" id="ego" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="ego-title" font-family="sans-serif" font-size="11"><title id="ego-title">Ego network of {} ({}): {} partners drawn{}, {} candidates; layout seed {seed}</title><rect width="{W}" height="{H}" fill="#ffffff"/>"##,
        esc(&a.name),
        esc(&a.id),
        e.nodes.iter().filter(|n| n.1 == Role::Partner).count(),
        if e.partners_left_out > 0 {
            format!(" ({} more not drawn)", e.partners_left_out)
        } else {
            String::new()
        },
        cands.len()
    );
    // legend
    let mut x = 10.0;
    for k in Kind::ALL {
        let _ = write!(
            s,
            r##"<circle cx="{}" cy="14" r="6" fill="{}"/><text x="{}" y="18">{}</text>"##,
            x + 6.0,
            kind_colour(k),
            x + 16.0,
            k
        );
        x += 30.0 + 7.0 * k.as_str().len() as f64;
    }
    let mut x = 10.0;
    for (label, colour, w, dash) in [
        ("event", "#B8C2CC", 0.8, ""),
        ("project", "#E69F00", 2.2, ""),
        ("tie", "#222222", 2.2, ""),
        ("candidate", "#009E73", 2.0, r#" stroke-dasharray="6 4""#),
    ] {
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="38" x2="{}" y2="38" stroke="{colour}" stroke-width="{w}"{dash}/><text x="{}" y="42">{label}</text>"##,
            x + 24.0,
            x + 30.0
        );
        x += 40.0 + 7.0 * label.len() as f64;
    }
    // links, thin layers first so ties and projects stay visible
    let mut edges: Vec<&(usize, usize, BTreeSet<Layer>)> = e.edges.iter().collect();
    edges.sort_by_key(|&(i, j, l)| (edge_style(l).2, *i, *j));
    for (i, j, l) in edges {
        let (c, w, _) = edge_style(l);
        let ((x1, y1), (x2, y2)) = (xy(*i), xy(*j));
        let layers: Vec<&str> = l.iter().map(|l| l.as_str()).collect();
        let _ = write!(
            s,
            r##"<line class="link" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{c}" stroke-width="{w}"><title>{}</title></line>"##,
            esc(&layers.join(", "))
        );
    }
    for &i in &cands {
        let ((x1, y1), (x2, y2)) = (xy(0), xy(i));
        let _ = write!(
            s,
            r##"<line class="suggested" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#009E73" stroke-width="2" stroke-dasharray="6 4"/>"##
        );
    }
    for (i, &(ax, role)) in e.nodes.iter().enumerate() {
        let a = net.actor(ax);
        let (x, y) = xy(i);
        let (r, stroke, sw, dash, class) = match role {
            Role::Ego => (13.0, "#000000", 2.5, "", "ego"),
            Role::Partner => (7.0, "#ffffff", 1.0, "", "partner"),
            Role::Candidate => (8.0, "#009E73", 3.0, "", "candidate"),
        };
        let _ = write!(
            s,
            r##"<a href="{}"><g class="node {class}"><title>{} ({}) — {}, {}</title><circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{}" stroke="{stroke}" stroke-width="{sw}"{dash}/><text x="{:.1}" y="{:.1}">{}</text></g></a>"##,
            esc(&href_of(ax)),
            esc(&a.name),
            esc(&a.id),
            a.kind,
            esc(a.region.as_deref().unwrap_or("region unknown")),
            kind_colour(a.kind),
            x + r + 2.0,
            y + 4.0,
            esc(&short(&a.name, 22)),
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(p: &[(f64, f64)], i: usize, j: usize) -> f64 {
        ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt()
    }

    #[test]
    fn two_linked_nodes_settle_at_the_optimal_distance() {
        // attraction d²/k = repulsion k²/d  ⇔  d = k = √(1/2)
        for seed in 0..5 {
            let p = force_layout(2, &[(0, 1)], None, seed, ITERATIONS);
            let want = (0.5f64).sqrt();
            assert!((dist(&p, 0, 1) - want).abs() < 1e-2, "seed {seed}: {p:?}");
        }
    }

    #[test]
    fn a_triangle_becomes_equilateral_with_side_k() {
        // every pair linked: each pair's forces balance at d = k = √(1/3)
        let p = force_layout(3, &[(0, 1), (1, 2), (0, 2)], None, 7, ITERATIONS);
        let k = (1.0f64 / 3.0).sqrt();
        for (i, j) in [(0, 1), (1, 2), (0, 2)] {
            assert!((dist(&p, i, j) - k).abs() < 2e-2, "{i}-{j}: {p:?}");
        }
    }

    #[test]
    fn seeded_deterministic_pinned_and_inside() {
        let edges: Vec<(usize, usize)> = (1..12).map(|i| (0, i)).chain([(3, 4)]).collect();
        let a = force_layout(12, &edges, Some(0), 3, ITERATIONS);
        let b = force_layout(12, &edges, Some(0), 3, ITERATIONS);
        let c = force_layout(12, &edges, Some(0), 4, ITERATIONS);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a[0], (0.5, 0.5));
        for &(x, y) in &a {
            assert!(x.is_finite() && y.is_finite());
            assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y));
        }
    }

    #[test]
    fn ego_selection_and_svg() {
        // a: partners b (event + tie), c (project); candidate d
        let net = crate::ingest::from_csv_strs(
            "id,name,kind,region\na,A <&> \"Co\",firm,R1\nb,B,university,R1\nc,C,firm,R2\nd,D,institute,R2\n",
            Some("event_id,type,year,actor_id\ne1,forum,2005,a\ne1,forum,2005,b\ne2,forum,2006,b\ne2,forum,2006,d\n"),
            Some("project_id,type,year,actor_id\np1,rnd,2007,a\np1,rnd,2007,c\n"),
            Some("source,target,type,year\na,b,supply,2006\n"),
        )
        .unwrap();
        let ix = |s: &str| net.actor_ix(s).unwrap();
        let e = ego(&net, ix("a"), &[ix("d")], None, MAX_PARTNERS);
        let ids: Vec<(&str, Role)> = e
            .nodes
            .iter()
            .map(|&(x, r)| (net.actor(x).id.as_str(), r))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("a", Role::Ego),
                ("b", Role::Partner),
                ("c", Role::Partner),
                ("d", Role::Candidate)
            ]
        );
        let l = |v: &[Layer]| v.iter().copied().collect::<BTreeSet<Layer>>();
        assert_eq!(
            e.edges,
            vec![
                (0, 1, l(&[Layer::Event, Layer::Tie])),
                (0, 2, l(&[Layer::Project])),
                (1, 3, l(&[Layer::Event])),
            ]
        );
        // years 2007: only the project
        let e7 = ego(
            &net,
            ix("a"),
            &[],
            Some(YearRange {
                from: 2007,
                to: 2007,
            }),
            MAX_PARTNERS,
        );
        assert_eq!(e7.nodes.len(), 2);
        assert_eq!(e7.edges, vec![(0, 1, l(&[Layer::Project]))]);
        // one partner at most: b (two links) stays, c is counted as left out
        assert_eq!(ego(&net, ix("a"), &[], None, 1).partners_left_out, 1);

        let href = |x: ActorIx| format!("/actor?id={}&x=1", net.actor(x).id);
        let s1 = svg(&net, &e, 1, &href);
        assert_eq!(s1, svg(&net, &e, 1, &href));
        assert_ne!(s1, svg(&net, &e, 2, &href));
        assert!(s1.starts_with("<svg ") && s1.ends_with("</svg>"));
        assert!(s1.contains("A &lt;&amp;&gt; &quot;Co&quot;"));
        assert!(!s1.contains("A <&>"));
        assert!(s1.contains("/actor?id=a&amp;x=1"));
        assert_eq!(s1.matches("<circle").count(), 4 + Kind::ALL.len());
        assert_eq!(s1.matches(r#"class="link""#).count(), 3);
        assert_eq!(s1.matches(r#"class="suggested""#).count(), 1);
    }
}
