//! The `iuinet ego` report: an actor's ego network — its partners (and
//! their partners with radius 2), the links among them, and the ego's
//! Burt structural-hole figures and Gould–Fernandez brokerage roles.
//!
//! Conventions: the ego network of radius r holds the actors within r hops
//! of the ego in the view and every view link among them. Burt's measures
//! are the ego's values in the whole view (computed on the radius-2 ball,
//! which holds every link they depend on; weighted when the view has a
//! weighting), identical to `iuinet brokers`. Brokerage roles count the
//! ego's open two-paths (two partners not linked to each other) by the
//! groups of `--by` (missing values form the group `unknown`).

use crate::algo::brokerage::{BrokerageRoles, brokerage_roles};
use crate::algo::ego::{ego_ball, induced};
use crate::algo::structural_holes::{StructuralHolesOpts, structural_holes};
use crate::error::{Error, Result};
use crate::metrics::brokers::GroupBy;
use crate::model::{ActorIx, Kind, Network};
use crate::view::{View, Weighting};
use serde::Serialize;
use std::collections::BTreeMap;

/// The actor named by `--actor`: an exact id, else an exact name (case
/// and surrounding spaces ignored). A name several actors share is a usage
/// error listing their ids; an unknown value gets `find_actor`'s "did you
/// mean" hint.
pub fn find_actor_by_id_or_name(net: &Network, s: &str) -> Result<ActorIx> {
    if let Some(a) = net.actor_ix(s) {
        return Ok(a);
    }
    let want = s.trim().to_lowercase();
    let hits: Vec<ActorIx> = (0..net.actors.len() as ActorIx)
        .filter(|&a| net.actor(a).name.trim().to_lowercase() == want)
        .collect();
    match hits.len() {
        1 => Ok(hits[0]),
        0 => crate::metrics::matching::find_actor(net, s),
        k => {
            let list: Vec<String> = hits
                .iter()
                .take(20)
                .map(|&a| {
                    let x = net.actor(a);
                    format!(
                        "  {} ({}, {})",
                        x.id,
                        x.kind,
                        x.region.as_deref().unwrap_or("no region")
                    )
                })
                .collect();
            Err(Error::Usage(format!(
                "{k} actors are named {s:?}; give one of their ids:\n{}{}",
                list.join("\n"),
                if k > 20 { "\n  …" } else { "" }
            )))
        }
    }
}

/// One member of the ego network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EgoMember {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Actor kind.
    pub kind: Kind,
    /// Region (null when not given).
    pub region: Option<String>,
    /// The actor's group under `--by`.
    pub group: String,
    /// Hops from the ego (0 = the ego).
    pub distance: u32,
    /// View weight of the link with the ego; null when not a partner.
    pub weight_to_ego: Option<f64>,
    /// Links behind that pair (parallel links counted); 0 when not a partner.
    pub links_to_ego: u64,
    /// Partners inside the ego network.
    pub degree_in_ego_network: u64,
}

/// A link of the ego network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EgoLink {
    /// One end's id.
    pub a: String,
    /// The other end's id.
    pub b: String,
    /// View weight.
    pub weight: f64,
}

/// The ego report (`schema` = `iuinet.ego/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EgoReport {
    /// Schema name and version.
    pub schema: &'static str,
    /// The ego.
    pub ego: EgoMember,
    /// Radius in hops (1 or 2).
    pub radius: u32,
    /// The grouping of the brokerage roles.
    pub by: GroupBy,
    /// The ego's partners.
    pub partners: u64,
    /// Links among the partners (not counting the ego's own).
    pub links_among_partners: u64,
    /// links_among_partners / (partners·(partners−1)/2), 0–1; null with
    /// fewer than two partners.
    pub partner_density: Option<f64>,
    /// Burt's constraint (NetworkX `constraint`); null for an isolate.
    pub constraint: Option<f64>,
    /// Burt's effective size (NetworkX `effective_size`).
    pub effective_size: Option<f64>,
    /// Effective size / partners.
    pub efficiency: Option<f64>,
    /// Burt's hierarchy, 0–1.
    pub hierarchy: Option<f64>,
    /// Open two-paths through the ego by Gould–Fernandez role.
    pub brokerage: BrokerageRoles,
    /// Members other than the ego: by distance, then most links to the
    /// ego, then id.
    pub members: Vec<EgoMember>,
    /// Every link among the ego network's actors (the ego's included), by
    /// the ends' order in `members` (the ego first).
    pub links: Vec<EgoLink>,
    /// Members the table lists (0 = all; default 20); not part of the JSON.
    #[serde(skip)]
    pub table_top: usize,
}

/// The ego network of `ego` (a view node) and the view nodes it holds (ego
/// first, then `members` order).
pub fn ego_network(
    net: &Network,
    view: &View,
    ego: u32,
    radius: u32,
    by: GroupBy,
) -> Result<(EgoReport, Vec<u32>)> {
    if !(1..=2).contains(&radius) {
        return Err(Error::Usage(format!("--radius {radius}: expected 1 or 2")));
    }
    let g = &view.csr;
    let ball2 = ego_ball(g, ego, 2);
    let nodes2: Vec<u32> = ball2.iter().map(|x| x.0).collect();
    let sub = induced(g, &nodes2)?;
    let sh = structural_holes(
        &sub,
        &StructuralHolesOpts {
            weighted: view.opts.weight != Weighting::None,
        },
    )[0];
    let group_name = |v: u32| by.of(net.actor(view.actors[v as usize]));
    // brokerage on the radius-1 graph: ego's roles need only its partners
    let r1: Vec<u32> = ball2.iter().filter(|x| x.1 <= 1).map(|x| x.0).collect();
    let sub1 = induced(g, &r1)?;
    let names: Vec<String> = r1.iter().map(|&v| group_name(v)).collect();
    let ids: BTreeMap<&str, u32> = names
        .iter()
        .map(|s| (s.as_str(), 0u32))
        .collect::<BTreeMap<_, _>>()
        .into_keys()
        .enumerate()
        .map(|(i, k)| (k, i as u32))
        .collect();
    let labels: Vec<u32> = names.iter().map(|s| ids[s.as_str()]).collect();
    let roles = brokerage_roles(&sub1, &labels)[0];
    // the members of the requested radius
    let mut ball: Vec<(u32, u32)> = ball2.into_iter().filter(|x| x.1 <= radius).collect();
    let keep: Vec<u32> = ball.iter().map(|x| x.0).collect();
    let subr = induced(g, &keep)?;
    let (ea, _) = g.range(ego);
    let ego_nb = g.neighbors(ego);
    let tie = |v: u32| -> (Option<f64>, u64) {
        match ego_nb.binary_search(&v) {
            Ok(i) => (
                Some(g.weights[ea + i]),
                u64::from(view.multiplicity[ea + i]),
            ),
            Err(_) => (None, 0),
        }
    };
    let member = |local: usize, v: u32, d: u32| {
        let a = net.actor(view.actors[v as usize]);
        let (w, k) = tie(v);
        EgoMember {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            region: a.region.clone(),
            group: group_name(v),
            distance: d,
            weight_to_ego: w,
            links_to_ego: k,
            degree_in_ego_network: subr.degree(local as u32) as u64,
        }
    };
    let local_of: BTreeMap<u32, usize> = keep.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    let mut members: Vec<EgoMember> = ball
        .iter()
        .skip(1)
        .map(|&(v, d)| member(local_of[&v], v, d))
        .collect();
    // order: distance, most links to the ego, id; keep `ball` aligned
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&x, &y| {
        let (p, q) = (&members[x], &members[y]);
        p.distance
            .cmp(&q.distance)
            .then(q.links_to_ego.cmp(&p.links_to_ego))
            .then(p.id.cmp(&q.id))
    });
    members = order.iter().map(|&i| members[i].clone()).collect();
    let mut sorted_ball = vec![ball[0]];
    sorted_ball.extend(order.iter().map(|&i| ball[i + 1]));
    ball = sorted_ball;
    let pos: BTreeMap<u32, usize> = ball.iter().enumerate().map(|(i, x)| (x.0, i)).collect();
    let mut links: Vec<(usize, usize, f64)> = Vec::new();
    for &(v, _) in &ball {
        let (a, b) = g.range(v);
        for arc in a..b {
            if let Some(&j) = pos.get(&g.targets[arc])
                && pos[&v] < j
            {
                links.push((pos[&v], j, g.weights[arc]));
            }
        }
    }
    links.sort_by_key(|x| (x.0, x.1));
    let id_at = |i: usize| net.actor(view.actors[ball[i].0 as usize]).id.clone();
    let partners = ego_nb.len() as u64;
    let among = sub1.m() as u64 - partners;
    let pairs = partners * partners.saturating_sub(1) / 2;
    let report = EgoReport {
        schema: "iuinet.ego/1",
        ego: member(0, ego, 0),
        radius,
        by,
        partners,
        links_among_partners: among,
        partner_density: crate::metrics::common::ratio(among as f64, pairs as f64),
        constraint: sh.constraint,
        effective_size: sh.effective_size,
        efficiency: sh.efficiency,
        hierarchy: sh.hierarchy,
        brokerage: roles,
        members,
        links: links
            .iter()
            .map(|&(x, y, w)| EgoLink {
                a: id_at(x),
                b: id_at(y),
                weight: w,
            })
            .collect(),
        table_top: 20,
    };
    Ok((report, ball.iter().map(|x| x.0).collect()))
}
