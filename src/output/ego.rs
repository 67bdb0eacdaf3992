//! Ego-network output: the ego network as an attributed graph (for the
//! GraphML/GEXF writers) and as a self-contained SVG drawing.

use crate::metrics::ego::EgoReport;
use crate::model::Kind;
use crate::output::graph::{AttrGraph, AttrType, GEdge, GNode, Key, Value, xml_escape};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The part of `g` induced by the view nodes `nodes` (ego first), with a
/// whole-number node attribute `distance` (hops from the ego) given per
/// entry of `nodes` in `distance`.
pub fn induced_graph(g: &AttrGraph, nodes: &[u32], distance: &[u32]) -> AttrGraph {
    let mut keep: Vec<(usize, u32)> = nodes
        .iter()
        .zip(distance)
        .map(|(&v, &d)| (g.pos_of_view_node[v as usize], d))
        .collect();
    keep.sort_unstable();
    let new_pos: BTreeMap<usize, usize> = keep.iter().enumerate().map(|(i, x)| (x.0, i)).collect();
    let mut node_keys = g.node_keys.clone();
    node_keys.push(Key {
        name: "distance".into(),
        ty: AttrType::Int,
    });
    let out_nodes: Vec<GNode> = keep
        .iter()
        .map(|&(p, d)| {
            let mut n = g.nodes[p].clone();
            n.values.push(Some(Value::Int(i64::from(d))));
            n
        })
        .collect();
    let edges: Vec<GEdge> = g
        .edges
        .iter()
        .filter_map(|e| {
            let (s, t) = (new_pos.get(&e.source)?, new_pos.get(&e.target)?);
            Some(GEdge {
                source: *s,
                target: *t,
                ..e.clone()
            })
        })
        .collect();
    let mut pos_of_view_node = vec![usize::MAX; g.pos_of_view_node.len()];
    for &v in nodes {
        pos_of_view_node[v as usize] = new_pos[&g.pos_of_view_node[v as usize]];
    }
    AttrGraph {
        node_keys,
        edge_keys: g.edge_keys.clone(),
        nodes: out_nodes,
        edges,
        pos_of_view_node,
        two_mode: None,
    }
}

fn colour(k: Kind) -> &'static str {
    match k {
        Kind::Firm => "#1f77b4",
        Kind::University => "#d62728",
        Kind::Institute => "#2ca02c",
        Kind::Agency => "#9467bd",
        Kind::Other => "#7f7f7f",
    }
}

/// Links drawn at most; larger ego networks show only the ego's links.
pub const SVG_MAX_LINKS: usize = 20_000;

/// An SVG drawing of the ego network: the ego in the centre, partners on a
/// ring (ordered by group, then id), partners' partners on an outer ring;
/// colour by kind, names as tooltips (and as labels for up to 40
/// partners). Deterministic: no random layout.
pub fn svg(r: &EgoReport) -> String {
    let (w, h) = (900.0f64, 900.0f64);
    let (cx, cy) = (w / 2.0, h / 2.0 + 10.0);
    let ring = |d: u32| match (r.radius, d) {
        (_, 0) => 0.0,
        (1, _) => 320.0,
        (_, 1) => 200.0,
        _ => 380.0,
    };
    let mut pos: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    pos.insert(r.ego.id.as_str(), (cx, cy));
    for d in 1..=r.radius {
        let mut ring_members: Vec<_> = r.members.iter().filter(|m| m.distance == d).collect();
        ring_members.sort_by(|a, b| a.group.cmp(&b.group).then(a.id.cmp(&b.id)));
        let k = ring_members.len().max(1) as f64;
        for (i, m) in ring_members.iter().enumerate() {
            let t = std::f64::consts::TAU * i as f64 / k - std::f64::consts::FRAC_PI_2;
            pos.insert(
                m.id.as_str(),
                (cx + ring(d) * t.cos(), cy + ring(d) * t.sin()),
            );
        }
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif">"#
    );
    let _ = writeln!(
        s,
        r#"<title>Ego network of {}</title><rect width="100%" height="100%" fill="white"/>"#,
        xml_escape(&r.ego.name)
    );
    let _ = writeln!(
        s,
        r#"<text x="12" y="22" font-size="15">{} ({}) — {} partners, {} links among them, constraint {}</text>"#,
        xml_escape(&r.ego.name),
        xml_escape(&r.ego.id),
        r.partners,
        r.links_among_partners,
        r.constraint.map_or("-".into(), |c| format!("{c:.3}"))
    );
    let all = r.links.len() <= SVG_MAX_LINKS;
    if !all {
        let _ = writeln!(
            s,
            r#"<text x="12" y="40" font-size="12">{} links: only the ego's are drawn</text>"#,
            r.links.len()
        );
    }
    let _ = writeln!(s, r##"<g stroke="#888" stroke-opacity="0.35">"##);
    for l in &r.links {
        let is_ego = l.a == r.ego.id || l.b == r.ego.id;
        if !all && !is_ego {
            continue;
        }
        if let (Some(p), Some(q)) = (pos.get(l.a.as_str()), pos.get(l.b.as_str())) {
            let _ = writeln!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"{}/>"#,
                p.0,
                p.1,
                q.0,
                q.1,
                if is_ego { r##" stroke="#444""## } else { "" }
            );
        }
    }
    let _ = writeln!(s, "</g>");
    let label = r.partners <= 40;
    for m in std::iter::once(&r.ego).chain(r.members.iter()) {
        let Some(&(x, y)) = pos.get(m.id.as_str()) else {
            continue;
        };
        let rad = match m.distance {
            0 => 12.0,
            1 => 6.0,
            _ => 3.0,
        };
        let _ = writeln!(
            s,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{rad}" fill="{}" stroke="white"><title>{} ({}, {}, {})</title></circle>"#,
            colour(m.kind),
            xml_escape(&m.name),
            xml_escape(&m.id),
            m.kind,
            xml_escape(&m.group)
        );
        if m.distance == 0 || (m.distance == 1 && label) {
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="{}" text-anchor="middle">{}</text>"#,
                x,
                y - rad - 3.0,
                if m.distance == 0 { 14 } else { 10 },
                xml_escape(if m.name.is_empty() { &m.id } else { &m.name })
            );
        }
    }
    for (i, k) in Kind::ALL.iter().enumerate() {
        let y = h - 20.0 - 18.0 * (Kind::ALL.len() - 1 - i) as f64;
        let _ = writeln!(
            s,
            r#"<circle cx="20" cy="{y}" r="6" fill="{}"/><text x="32" y="{}" font-size="12">{k}</text>"#,
            colour(*k),
            y + 4.0
        );
    }
    s.push_str("</svg>\n");
    s
}
