//! Matchmaking reports: ranked partner candidates for one actor or for every
//! actor of a kind, with the evidence behind each score.
//!
//! Candidates of a source s are the actors of the view not linked to s
//! with a positive score (see [`crate::algo::linkpred`]), optionally of one
//! kind, and in the same region as s, in another region, or any. A missing
//! region counts as the value `unknown`: `same` for a source with no region
//! proposes actors with no region.
//!
//! **Ties.** Candidates with exactly the same score are ordered by evidence
//! that carries information, then by chance, never by id (ids encode the
//! kind, so an id order would always put universities `u…` and institutes
//! `r…` after firms `f…`):
//! 1. more common partners (distinct actors linked to both in the view);
//! 2. more shared mini clusters (see `mini_clusters` below);
//! 3. the candidate active more recently (latest year of any of its event
//!    participations, project memberships or ties);
//! 4. a seeded hash of the (actor, candidate) id pair ([`pair_hash`]:
//!    SplitMix64 of FNV-1a; `seed` in the options): a pseudo-random order,
//!    the same on every run and platform, independent of how ids sort, and
//!    drawn afresh for each actor, so that no candidate is favoured at every
//!    actor's ties.
//!
//! The whole tie at the cut is ranked this way before cutting at `top`;
//! `top` 0 lists every candidate.
//!
//! Explanation (`--explain`), per candidate c:
//!
//! * `partners`: the common neighbours of s and c in the view (the shared
//!   partners that produce the score), with each one's contribution to the
//!   score (1/k for resource allocation, 1/ln k for Adamic–Adar, 1 for
//!   common neighbours, 1/|N(s)∪N(c)| for Jaccard, β² for Katz's walks of
//!   length 2); preferential attachment lists none. Largest first, at most
//!   [`EXPLAIN_LIMIT`], with the total count.
//! * `mini_clusters`: mini clusters of both s and c (listed in actors.csv or
//!   recorded on their event participations).
//! * `events` / `projects`: groups of the whole network (any year, any
//!   layer selection) that join s or c to another of s, c and the shared
//!   partners: the meetings and collaborations the shared partners connect
//!   through. Those the source takes part in first, then those joining
//!   more of these actors, then latest year first, then id; at most
//!   [`EXPLAIN_LIMIT`] each.

use crate::algo::linkpred::{Candidate, KATZ_BETA, Method, Predictor, Scratch, common_neighbors};
use crate::error::{Error, Result};
use crate::model::{ActorIx, Kind, Layer, Network};
use crate::view::{View, ViewOpts};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;

/// Most partners, events and projects an explanation lists.
pub const EXPLAIN_LIMIT: usize = 10;

crate::names! {
    /// Which regions candidates may be in, relative to the source.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum RegionFilter("region filter") {
        /// The source's region.
        Same = "same",
        /// Any other region.
        Other = "other",
        /// Any region.
        #[default]
        Any = "any",
    }
}

/// Options of [`match_actor`] and [`match_all`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchOpts {
    /// Scoring method.
    pub method: Method,
    /// Only candidates of this kind.
    pub partner_kind: Option<Kind>,
    /// Region of the candidates relative to the source.
    pub region: RegionFilter,
    /// Candidates per source; 0 lists all.
    pub top: usize,
    /// Attach explanations.
    pub explain: bool,
    /// Seed of the last tie-break (a hash of the candidate's id).
    pub seed: u64,
}

impl Default for MatchOpts {
    fn default() -> MatchOpts {
        MatchOpts {
            method: Method::ResourceAllocation,
            partner_kind: None,
            region: RegionFilter::Any,
            top: 10,
            explain: false,
            seed: 0,
        }
    }
}

/// An actor, briefly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Region, if known.
    pub region: Option<String>,
}

impl ActorRef {
    fn of(net: &Network, a: ActorIx) -> ActorRef {
        let x = net.actor(a);
        ActorRef {
            id: x.id.clone(),
            name: x.name.clone(),
            kind: x.kind,
            region: x.region.clone(),
        }
    }
}

/// A shared partner and what it adds to the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Its term in the score.
    pub contribution: f64,
}

/// An event or project in an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRef {
    /// Event or project id.
    pub id: String,
    /// Activity or collaboration type.
    pub kind: String,
    /// Year, if known.
    pub year: Option<i32>,
    /// Which of the source, the candidate and the shared partners took part (ids).
    pub with: Vec<String>,
}

/// Why a candidate scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Shared partners, largest contribution first (at most `EXPLAIN_LIMIT`).
    pub partners: Vec<Partner>,
    /// Number of shared partners.
    pub partners_total: u64,
    /// Mini clusters of both actors.
    pub mini_clusters: Vec<String>,
    /// Events joining the source or candidate to the others (at most `EXPLAIN_LIMIT`).
    pub events: Vec<GroupRef>,
    /// Number of such events.
    pub events_total: u64,
    /// Projects joining the source or candidate to the others (at most `EXPLAIN_LIMIT`).
    pub projects: Vec<GroupRef>,
    /// Number of such projects.
    pub projects_total: u64,
}

/// One recommended partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchRow {
    /// 1-based rank.
    pub rank: u32,
    /// The candidate.
    pub actor: ActorRef,
    /// Score under the method.
    pub score: f64,
    /// Evidence, with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// Candidates for one source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// The source actor.
    pub actor: ActorRef,
    /// Its distinct partners in the view.
    pub degree: u64,
    /// Ranked candidates (fewer than `top` when fewer score > 0).
    pub candidates: Vec<MatchRow>,
}

/// The `iuinet match --actor` report (`schema` = `iuinet.match/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchReport {
    /// Schema tag.
    pub schema: &'static str,
    /// Options.
    pub options: MatchOpts,
    /// How the view was built.
    pub view: ViewOpts,
    /// The result.
    #[serde(flatten)]
    pub result: MatchResult,
}

/// The `iuinet match --all` report (`schema` = `iuinet.match-batch/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchBatch {
    /// Schema tag.
    pub schema: &'static str,
    /// Options.
    pub options: MatchOpts,
    /// Kind of the source actors.
    pub kind: Kind,
    /// How the view was built.
    pub view: ViewOpts,
    /// One result per source actor in the view, by actor id.
    pub results: Vec<MatchResult>,
}

/// A [`MatchBatch`] without its results (for streaming the results out).
#[derive(Debug, Clone, Serialize)]
pub struct MatchBatchHead<'a> {
    /// Schema tag.
    pub schema: &'static str,
    /// Options.
    pub options: &'a MatchOpts,
    /// Kind of the source actors.
    pub kind: Kind,
    /// How the view was built.
    pub view: &'a ViewOpts,
}

impl MatchBatch {
    /// Every field but `results`, in the same order.
    pub fn head(&self) -> MatchBatchHead<'_> {
        MatchBatchHead {
            schema: self.schema,
            options: &self.options,
            kind: self.kind,
            view: &self.view,
        }
    }
}

/// The actor with this id, or a usage error naming close ids.
pub fn find_actor(net: &Network, id: &str) -> Result<ActorIx> {
    if let Some(a) = net.actor_ix(id) {
        return Ok(a);
    }
    // close: few edits (at most a third of the id, at least one), or a
    // high Jaro–Winkler similarity; closest first, then by id
    let want = id.to_lowercase();
    let budget = (want.chars().count() / 3).max(1);
    let mut close: Vec<(usize, &str)> = net
        .actors
        .iter()
        .filter_map(|a| {
            let have = a.id.to_lowercase();
            let d = strsim::levenshtein(&want, &have);
            (d <= budget || strsim::jaro_winkler(&want, &have) >= 0.9).then_some((d, a.id.as_str()))
        })
        .collect();
    close.sort_unstable();
    let mut msg = format!("no actor with id {id:?}");
    if !close.is_empty() {
        let names: Vec<String> = close.iter().take(3).map(|c| format!("{:?}", c.1)).collect();
        msg.push_str(&format!("\n  hint: did you mean {}?", names.join(" or ")));
    }
    Err(Error::Usage(msg))
}

/// SplitMix64 of FNV-1a of `id`, mixed with `seed`: a portable hash.
pub fn id_hash(id: &str, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut z = h ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The last tie-break of candidate `c` for actor `s` (smaller first): a
/// hash of both ids and `MatchOpts::seed`.
pub fn pair_hash(s: &str, c: &str, seed: u64) -> u64 {
    id_hash(c, id_hash(s, seed))
}

/// Rank of each view node by [`id_hash`] (ties of the hash by id): the
/// order the predictor returns ties in, before [`TieBreak::cut`].
pub fn hash_rank(net: &Network, view: &View, seed: u64) -> Vec<u32> {
    let mut order: Vec<(u64, &str, u32)> = view
        .actors
        .iter()
        .enumerate()
        .map(|(v, &a)| {
            let id = net.actor(a).id.as_str();
            (id_hash(id, seed), id, v as u32)
        })
        .collect();
    order.sort_unstable();
    let mut rank = vec![0u32; view.n()];
    for (i, x) in order.iter().enumerate() {
        rank[x.2 as usize] = i as u32;
    }
    rank
}

/// Rank of each view node in actor-id order (the output order of batches).
fn id_rank(net: &Network, view: &View) -> Vec<u32> {
    let mut pos = vec![0u32; net.actors.len()];
    for (i, a) in net.actors_by_id().into_iter().enumerate() {
        pos[a as usize] = i as u32;
    }
    view.actors.iter().map(|&a| pos[a as usize]).collect()
}

/// The evidence that orders candidates tied in score (see the module docs).
pub struct TieBreak {
    rank: Vec<u32>,
    /// Per view node: its actor id.
    ids: Vec<String>,
    seed: u64,
    /// Per view node: its mini clusters, interned, ascending.
    mcs: Vec<Vec<u32>>,
    /// Per view node: latest year of any record, `i32::MIN` if none.
    last_year: Vec<i32>,
}

impl TieBreak {
    /// The evidence of every node of `view`. Time O(P log P) for P
    /// participations and ties.
    pub fn new(net: &Network, view: &View, seed: u64) -> TieBreak {
        let mut last = vec![i32::MIN; net.actors.len()];
        for g in &net.groups {
            if let Some(y) = g.year {
                for m in &g.members {
                    last[m.actor as usize] = last[m.actor as usize].max(y);
                }
            }
        }
        for t in &net.ties {
            if let Some(y) = t.year {
                for a in [t.source, t.target] {
                    last[a as usize] = last[a as usize].max(y);
                }
            }
        }
        let names: Vec<BTreeSet<String>> = view
            .actors
            .par_iter()
            .map(|&a| mini_clusters(net, a))
            .collect();
        let all: BTreeSet<&String> = names.iter().flatten().collect();
        let ix: std::collections::BTreeMap<&String, u32> = all
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, i as u32))
            .collect();
        TieBreak {
            rank: hash_rank(net, view, seed),
            ids: view
                .actors
                .iter()
                .map(|&a| net.actor(a).id.clone())
                .collect(),
            seed,
            mcs: names
                .iter()
                .map(|m| m.iter().map(|n| ix[n]).collect())
                .collect(),
            last_year: view.actors.iter().map(|&a| last[a as usize]).collect(),
        }
    }

    /// The hash rank (for the predictor).
    pub fn rank(&self) -> &[u32] {
        &self.rank
    }

    /// (common partners, shared mini clusters, last year) of candidate c of s.
    pub fn evidence(&self, view: &View, s: u32, c: u32) -> (usize, usize, i32) {
        let (a, b) = (&self.mcs[s as usize], &self.mcs[c as usize]);
        let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        (
            common_neighbors(&view.csr, s, c).len(),
            shared,
            self.last_year[c as usize],
        )
    }

    /// Order `cands` (every candidate scoring at least the `top`-th, as
    /// [`Predictor::top_with_ties`] gives them) by score, then evidence,
    /// then [`pair_hash`], and keep the first `top`. Time O(c (k_s + k_c) + c log c)
    /// for c candidates tied with another.
    pub fn cut(&self, view: &View, s: u32, cands: Vec<Candidate>, top: usize) -> Vec<Candidate> {
        // evidence is needed only inside runs of equal scores
        let mut keyed: Vec<(Candidate, (usize, usize, i32), u64)> = Vec::with_capacity(cands.len());
        for (i, c) in cands.iter().enumerate() {
            let tied = (i > 0 && cands[i - 1].score == c.score)
                || cands.get(i + 1).is_some_and(|d| d.score == c.score);
            let (ev, h) = if tied {
                (
                    self.evidence(view, s, c.node),
                    pair_hash(&self.ids[s as usize], &self.ids[c.node as usize], self.seed),
                )
            } else {
                ((0, 0, 0), 0)
            };
            keyed.push((*c, ev, h));
        }
        keyed.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then(b.1.cmp(&a.1))
                .then(a.2.cmp(&b.2))
                .then(self.rank[a.0.node as usize].cmp(&self.rank[b.0.node as usize]))
        });
        keyed.truncate(top);
        keyed.into_iter().map(|x| x.0).collect()
    }
}

/// The candidate filter: kind and region compared through per-node arrays
/// (region names interned in sorted order; `None` is its own value).
fn keep_fn<'a>(
    net: &Network,
    view: &View,
    o: &'a MatchOpts,
) -> impl Fn(u32, u32) -> bool + Sync + 'a {
    let regions: BTreeSet<Option<&str>> = view
        .actors
        .iter()
        .map(|&a| net.actor(a).region.as_deref())
        .collect();
    let lookup: std::collections::BTreeMap<Option<&str>, u32> = regions
        .iter()
        .enumerate()
        .map(|(i, &r)| (r, i as u32))
        .collect();
    let region: Vec<u32> = view
        .actors
        .iter()
        .map(|&a| lookup[&net.actor(a).region.as_deref()])
        .collect();
    let kind: Vec<Kind> = view.actors.iter().map(|&a| net.actor(a).kind).collect();
    move |s, v| {
        o.partner_kind.is_none_or(|k| kind[v as usize] == k)
            && match o.region {
                RegionFilter::Any => true,
                RegionFilter::Same => region[s as usize] == region[v as usize],
                RegionFilter::Other => region[s as usize] != region[v as usize],
            }
    }
}

/// Partner candidates for one actor.
///
/// Errors if the actor is not in the view (left out by `--kinds`).
/// Time: one single-source scan (see [`Predictor::top`]) plus, with
/// explanations, O(top · (k_s + k_c + groups of s and c)).
pub fn match_actor(
    net: &Network,
    view: &View,
    actor: ActorIx,
    o: &MatchOpts,
) -> Result<MatchReport> {
    let s = view.node_of(actor).ok_or_else(|| {
        Error::Usage(format!(
            "actor {:?} is not in the view (its kind {} is left out by --kinds)",
            net.actor(actor).id,
            net.actor(actor).kind
        ))
    })?;
    let tb = TieBreak::new(net, view, o.seed);
    let p = Predictor::with_incidence(&view.csr, &view.incidence, o.method, Some(tb.rank()));
    let keep = keep_fn(net, view, o);
    let mut sc = Scratch::new(view.n());
    let top = if o.top == 0 { usize::MAX } else { o.top };
    let c = p.top_with_ties(s, top, &|v| keep(s, v), &mut sc);
    let c = tb.cut(view, s, c, top);
    Ok(MatchReport {
        schema: "iuinet.match/1",
        options: o.clone(),
        view: view.opts.clone(),
        result: result(net, view, s, &c, o),
    })
}

/// Partner candidates for every actor of `kind` in the view, computed in
/// parallel; results by actor id.
///
/// Time: Σ over sources of one single-source scan (see
/// [`Predictor::top_batch`]); extra space O(n) per worker thread plus the
/// output.
pub fn match_all(net: &Network, view: &View, kind: Kind, o: &MatchOpts) -> MatchBatch {
    match_all_with(net, view, kind, o, crate::algo::NO_PROGRESS)
}

/// [`match_all`], telling `progress` about each actor done.
pub fn match_all_with(
    net: &Network,
    view: &View,
    kind: Kind,
    o: &MatchOpts,
    progress: crate::algo::Progress<'_>,
) -> MatchBatch {
    let rank = id_rank(net, view);
    let tb = TieBreak::new(net, view, o.seed);
    let p = Predictor::with_incidence(&view.csr, &view.incidence, o.method, Some(tb.rank()));
    let mut sources: Vec<u32> = (0..view.n() as u32)
        .filter(|&v| net.actor(view.actors[v as usize]).kind == kind)
        .collect();
    sources.sort_by_key(|&v| rank[v as usize]);
    let keep = keep_fn(net, view, o);
    let top = if o.top == 0 { usize::MAX } else { o.top };
    let tops = p.top_batch_with_ties(&sources, top, &keep, progress);
    let results = sources
        .par_iter()
        .zip(tops)
        .map(|(&s, c)| result(net, view, s, &tb.cut(view, s, c, top), o))
        .collect();
    MatchBatch {
        schema: "iuinet.match-batch/1",
        options: o.clone(),
        kind,
        view: view.opts.clone(),
        results,
    }
}

fn result(net: &Network, view: &View, s: u32, c: &[Candidate], o: &MatchOpts) -> MatchResult {
    MatchResult {
        actor: ActorRef::of(net, view.actors[s as usize]),
        degree: view.csr.degree(s) as u64,
        candidates: c
            .iter()
            .enumerate()
            .map(|(i, c)| MatchRow {
                rank: i as u32 + 1,
                actor: ActorRef::of(net, view.actors[c.node as usize]),
                score: c.score,
                explanation: o.explain.then(|| explain(net, view, s, c.node, o.method)),
            })
            .collect(),
    }
}

/// The mini clusters of an actor: listed in actors.csv or on its event rows.
fn mini_clusters(net: &Network, a: ActorIx) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = net.actor(a).mini_clusters.iter().cloned().collect();
    for g in net.groups_of(a) {
        let g = &net.groups[g as usize];
        if g.layer != Layer::Event {
            continue;
        }
        if let Some(m) = g.members.iter().find(|m| m.actor == a)
            && let Some(mc) = &m.mini_cluster
            && !mc.is_empty()
        {
            out.insert(mc.clone());
        }
    }
    out
}

/// The evidence behind candidate `c` of source `s` (module docs).
pub fn explain(net: &Network, view: &View, s: u32, c: u32, m: Method) -> Explanation {
    let g = &view.csr;
    let common = common_neighbors(g, s, c);
    let union = g.degree(s) + g.degree(c) - common.len();
    let mut partners: Vec<Partner> = if m.uses_common_neighbors() {
        common
            .iter()
            .map(|&w| {
                let a = net.actor(view.actors[w as usize]);
                let k = g.degree(w);
                Partner {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    contribution: match m {
                        Method::ResourceAllocation => 1.0 / k as f64,
                        Method::AdamicAdar => 1.0 / (k as f64).ln(),
                        Method::Jaccard => 1.0 / union as f64,
                        Method::Katz => KATZ_BETA * KATZ_BETA,
                        _ => 1.0,
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let partners_total = partners.len() as u64;
    partners.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then(a.id.cmp(&b.id))
    });
    partners.truncate(EXPLAIN_LIMIT);
    let (sa, ca) = (view.actors[s as usize], view.actors[c as usize]);
    let shared: Vec<String> = mini_clusters(net, sa)
        .intersection(&mini_clusters(net, ca))
        .cloned()
        .collect();
    // who counts: source, candidate, shared partners (network actor indices)
    let mut who: Vec<ActorIx> = common.iter().map(|&w| view.actors[w as usize]).collect();
    who.push(sa);
    who.push(ca);
    who.sort_unstable();
    let mut gs: Vec<u32> = net.groups_of(sa);
    gs.extend(net.groups_of(ca));
    gs.sort_unstable();
    gs.dedup();
    let mut events = Vec::new();
    let mut projects = Vec::new();
    for gi in gs {
        let grp = &net.groups[gi as usize];
        let mut with: Vec<&str> = grp
            .members
            .iter()
            .filter(|m| who.binary_search(&m.actor).is_ok())
            .map(|m| net.actor(m.actor).id.as_str())
            .collect();
        if with.len() < 2 {
            continue;
        }
        with.sort_unstable();
        let r = GroupRef {
            id: grp.id.clone(),
            kind: grp.kind.clone(),
            year: grp.year,
            with: with.into_iter().map(str::to_string).collect(),
        };
        match grp.layer {
            Layer::Event => events.push(r),
            _ => projects.push(r),
        }
    }
    let src = net.actor(sa).id.as_str();
    let has_src = |g: &GroupRef| g.with.iter().any(|x| x == src);
    let order = |a: &GroupRef, b: &GroupRef| {
        has_src(b)
            .cmp(&has_src(a))
            .then(b.with.len().cmp(&a.with.len()))
            .then(b.year.cmp(&a.year))
            .then(a.id.cmp(&b.id))
    };
    events.sort_by(order);
    projects.sort_by(order);
    let (et, pt) = (events.len() as u64, projects.len() as u64);
    events.truncate(EXPLAIN_LIMIT);
    projects.truncate(EXPLAIN_LIMIT);
    Explanation {
        partners,
        partners_total,
        mini_clusters: shared,
        events,
        events_total: et,
        projects,
        projects_total: pt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net() -> Network {
        // f1 meets u1 at e1 and i1 at e2; f2 meets u1 at e3; f3 works with
        // i1 on p1. f1 – u1 – f2, f1 – i1 – f3.
        crate::ingest::from_csv_strs(
            "id,name,kind,region,mini_clusters\nf1,Alpha,firm,east,auto\nf2,Beta,firm,east,auto;ict\nf3,Gamma,firm,west,ict\nu1,Uni,university,east,\ni1,Inst,institute,west,\n",
            Some(
                "event_id,type,year,actor_id,mini_cluster\ne1,forum,2006,f1,auto\ne1,forum,2006,u1,\ne2,seminar,2007,f1,\ne2,seminar,2007,i1,\ne3,forum,2008,f2,ict\ne3,forum,2008,u1,\n",
            ),
            Some("project_id,type,year,actor_id,role\np1,joint-rnd,2008,f3,lead\np1,joint-rnd,2008,i1,member\n"),
            None,
        )
        .unwrap()
    }

    /// A hub h with eight spokes a0..a7, and a source s linked to h only:
    /// every spoke ties at 1/9 under resource allocation with one common
    /// partner, no mini cluster and the same year, so a seeded hash alone
    /// orders them; `top` cuts inside the tie, `top` 0 lists all.
    #[test]
    fn exact_ties_follow_the_seeded_hash_not_the_id() {
        let mut actors = String::from("id,kind\nh,agency\ns,firm\n");
        let mut events =
            String::from("event_id,type,year,actor_id\ne,forum,2006,h\ne,forum,2006,s\n");
        for i in 0..8 {
            actors.push_str(&format!("a{i},firm\n"));
            events.push_str(&format!("x{i},forum,2006,h\nx{i},forum,2006,a{i}\n"));
        }
        let net = crate::ingest::from_csv_strs(&actors, Some(&events), None, None).unwrap();
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let s = find_actor(&net, "s").unwrap();
        for seed in [0u64, 1, 2] {
            let mut want: Vec<String> = (0..8).map(|i| format!("a{i}")).collect();
            want.sort_by_key(|id| pair_hash("s", id, seed));
            let got = |top: usize| -> Vec<String> {
                let o = MatchOpts {
                    top,
                    seed,
                    ..MatchOpts::default()
                };
                match_actor(&net, &view, s, &o)
                    .unwrap()
                    .result
                    .candidates
                    .iter()
                    .map(|c| c.actor.id.clone())
                    .collect()
            };
            assert_eq!(got(3), want[..3].to_vec(), "seed {seed}");
            assert_eq!(got(0), want, "seed {seed}");
        }
        // the hash order is not the id order for every seed
        let by_hash = |seed: u64| {
            let mut v: Vec<String> = (0..8).map(|i| format!("a{i}")).collect();
            v.sort_by_key(|id| pair_hash("s", id, seed));
            v
        };
        assert!(
            (0..3).any(|seed| by_hash(seed) != (0..8).map(|i| format!("a{i}")).collect::<Vec<_>>())
        );
    }

    /// Evidence before the hash: among spokes tied in score, the one with
    /// more common partners (a second hub) comes first, then the one sharing
    /// a mini cluster, then the most recently active.
    #[test]
    fn exact_ties_follow_evidence_first() {
        // s – h; h – a, b, c, d; with CN all four have 1 common partner, so
        // ties are on score; b shares mini cluster m with s; c was active in
        // 2009, the others in 2006.
        let net = crate::ingest::from_csv_strs(
            "id,kind,mini_clusters\nh,agency,\ns,firm,m\na,firm,\nb,firm,m\nc,firm,\nd,firm,\n",
            Some("event_id,type,year,actor_id\ne,forum,2006,h\ne,forum,2006,s\nx,forum,2006,h\nx,forum,2006,a\nx,forum,2006,b\nx,forum,2006,d\ny,forum,2006,h\ny,forum,2006,c\nz,forum,2009,c\n"),
            None,
            None,
        )
        .unwrap();
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let s = find_actor(&net, "s").unwrap();
        let o = MatchOpts {
            method: Method::CommonNeighbors,
            top: 2,
            ..MatchOpts::default()
        };
        let ids: Vec<String> = match_actor(&net, &view, s, &o)
            .unwrap()
            .result
            .candidates
            .iter()
            .map(|c| c.actor.id.clone())
            .collect();
        assert_eq!(ids, ["b", "c"]);
    }

    #[test]
    fn candidates_filters_and_explanation() {
        let net = net();
        let view = View::build(&net, &ViewOpts::default()).unwrap();
        let f1 = find_actor(&net, "f1").unwrap();
        let o = MatchOpts {
            explain: true,
            ..MatchOpts::default()
        };
        let r = match_actor(&net, &view, f1, &o).unwrap();
        let ids: Vec<&str> = r
            .result
            .candidates
            .iter()
            .map(|c| c.actor.id.as_str())
            .collect();
        // f2 via u1 (degree 2: 1/2), f3 via i1 (degree 2: 1/2): tie, one
        // common partner each; f2 shares mini cluster `auto` with f1 → first
        assert_eq!(ids, vec!["f2", "f3"]);
        assert_eq!(r.result.candidates[0].score, 0.5);
        let e = r.result.candidates[0].explanation.as_ref().unwrap();
        assert_eq!(e.partners.len(), 1);
        assert_eq!(e.partners[0].id, "u1");
        assert_eq!(e.partners[0].contribution, 0.5);
        assert_eq!(e.mini_clusters, vec!["auto".to_string()]);
        let ev: Vec<&str> = e.events.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ev, vec!["e1", "e3"]); // f1's own event first
        assert!(e.projects.is_empty());
        let e3 = r.result.candidates[1].explanation.as_ref().unwrap();
        assert_eq!(e3.projects[0].id, "p1");
        assert_eq!(
            e3.projects[0].with,
            vec!["f3".to_string(), "i1".to_string()]
        );
        // region filters
        let same = match_actor(
            &net,
            &view,
            f1,
            &MatchOpts {
                region: RegionFilter::Same,
                ..MatchOpts::default()
            },
        )
        .unwrap();
        assert_eq!(same.result.candidates.len(), 1);
        assert_eq!(same.result.candidates[0].actor.id, "f2");
        let other = match_actor(
            &net,
            &view,
            f1,
            &MatchOpts {
                region: RegionFilter::Other,
                partner_kind: Some(Kind::Firm),
                ..MatchOpts::default()
            },
        )
        .unwrap();
        assert_eq!(other.result.candidates[0].actor.id, "f3");
        // batch over firms, by id, equals single runs
        let b = match_all(&net, &view, Kind::Firm, &MatchOpts::default());
        let src: Vec<&str> = b.results.iter().map(|r| r.actor.id.as_str()).collect();
        assert_eq!(src, vec!["f1", "f2", "f3"]);
        let single = match_actor(&net, &view, f1, &MatchOpts::default()).unwrap();
        assert_eq!(b.results[0], single.result);
    }

    #[test]
    fn unknown_actor_suggests_close_ids() {
        let net = net();
        let e = find_actor(&net, "f4").unwrap_err().to_string();
        assert!(e.contains("did you mean"), "{e}");
        assert!(e.contains("\"f1\""), "{e}");
        let e = find_actor(&net, "zzzzzz").unwrap_err().to_string();
        assert!(!e.contains("did you mean"), "{e}");
    }
}
