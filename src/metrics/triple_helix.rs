//! Triple-helix synergy (Leydesdorff): the mutual information in three
//! dimensions between university (U), industry (I) and government (G)
//! presence in collaborations.
//!
//! Each selected project (and, separately, each event) with at least one
//! selected member is coded by three binary variables: U = has a
//! university member, I = has a firm member, G = has an agency member
//! (institutes and `other` actors are not coded). From the 2×2×2 table of
//! codes, with Shannon entropies in bits (0·log 0 = 0):
//!
//! T_UIG = H_U + H_I + H_G − H_UI − H_UG − H_IG + H_UIG
//!
//! reported in millibits. **A negative T means synergy**: the three
//! dimensions together reduce uncertainty beyond what the pairs do; positive
//! T means no synergy. Null when there are no coded groups.
//!
//! **Degenerate tables.** When one dimension does not vary (every group has
//! a firm, say), its marginal entropy is 0 and T is 0 by identity, whatever
//! the data: T is then reported as null with a `degenerate` reason, never
//! as 0.0. Projects are the usual case (every project has a firm).
//!
//! **Headline.** Following Leydesdorff (2003), "The mutual information of
//! university-industry-government relations: An indicator of the Triple
//! Helix dynamics", *Scientometrics* 58(2), 445–467, each *collaboration
//! record* is coded by the sectors present in it (there: the addresses of a
//! co-authored paper) and T is computed over all records of a year; Park &
//! Leydesdorff (2010), *Research Policy* 39, 640–649, apply it to Korea by
//! year. A programme's groups nearly all include a firm (H(I) = 0), so the
//! headline takes as records the **collaboration relations**: each pair of
//! members of a project and each tie row, coded by the kinds of its two
//! partners (a firm–university relation is `ui-`, a university–agency
//! relation `u-g`). `all_groups` codes every event and project together,
//! `projects` and `events` each layer alone, as before.
//!
//! Records fixed by the definition: every event and project with every
//! member (`--layers` and `--kinds` do not apply, `--years` clips the axis).

use super::common::{About, InYear, Scope};
use crate::model::{Group, Kind, Layer};
use serde::Serialize;

/// Entropies (bits) of the codes' marginal and joint distributions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entropies {
    /// H(U).
    pub h_u: f64,
    /// H(I).
    pub h_i: f64,
    /// H(G).
    pub h_g: f64,
    /// H(U, I).
    pub h_ui: f64,
    /// H(U, G).
    pub h_ug: f64,
    /// H(I, G).
    pub h_ig: f64,
    /// H(U, I, G).
    pub h_uig: f64,
}

/// Triple-helix figures over a set of groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Synergy {
    /// Coded records: groups with at least one selected member (headline:
    /// collaboration relations).
    pub groups: u64,
    /// Groups by code, keys `uig` with `-` for an absent dimension
    /// (`---`, `--g`, `-i-`, `-ig`, `u--`, `u-g`, `ui-`, `uig`).
    pub codes: std::collections::BTreeMap<String, u64>,
    /// Raw entropies in bits; null without groups.
    pub entropies: Option<Entropies>,
    /// T_UIG in millibits (negative = synergy); null without groups or
    /// when a marginal entropy is 0 (see `degenerate`).
    pub t_uig_mbits: Option<f64>,
    /// Why T is null though there are groups: which dimension does not vary.
    pub degenerate: Option<String>,
}

/// Synergy of one layer, overall and by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerSynergy {
    /// All selected groups of the layer.
    pub overall: Synergy,
    /// By year.
    pub by_year: Vec<InYear<Synergy>>,
}

/// The triple-helix report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TripleHelix {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// The headline: collaboration relations (project member pairs and
    /// ties), each coded by its two partners (Leydesdorff 2003).
    pub headline: LayerSynergy,
    /// Every event and project together, each coded by its members.
    pub all_groups: LayerSynergy,
    /// Projects.
    pub projects: LayerSynergy,
    /// Events.
    pub events: LayerSynergy,
}

fn entropy(counts: &[u64]) -> f64 {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    let mut h = 0.0;
    for &c in counts {
        if c > 0 {
            let p = c as f64 / n;
            h -= p * p.log2();
        }
    }
    h
}

/// Synergy of a 2×2×2 table `t[u·4 + i·2 + g]`.
///
/// Returns the entropies (bits) and T_UIG (bits), `None` for an empty table.
/// Time O(1).
///
/// ```
/// // U, I, G independent and balanced: no synergy, T = 0
/// let (e, t) = iuinet::metrics::triple_helix::synergy(&[1; 8]).unwrap();
/// assert_eq!((e.h_u, e.h_uig), (1.0, 3.0));
/// assert!(t.abs() < 1e-12);
/// ```
pub fn synergy(t: &[u64; 8]) -> Option<(Entropies, f64)> {
    if t.iter().sum::<u64>() == 0 {
        return None;
    }
    let marg = |f: &dyn Fn(usize) -> usize, k: usize| -> Vec<u64> {
        let mut m = vec![0u64; k];
        for (c, &n) in t.iter().enumerate() {
            m[f(c)] += n;
        }
        m
    };
    let (u, i, g) = (|c: usize| c >> 2, |c: usize| (c >> 1) & 1, |c: usize| c & 1);
    let e = Entropies {
        h_u: entropy(&marg(&u, 2)),
        h_i: entropy(&marg(&i, 2)),
        h_g: entropy(&marg(&g, 2)),
        h_ui: entropy(&marg(&|c| u(c) * 2 + i(c), 4)),
        h_ug: entropy(&marg(&|c| u(c) * 2 + g(c), 4)),
        h_ig: entropy(&marg(&|c| i(c) * 2 + g(c), 4)),
        h_uig: entropy(t),
    };
    let tt = e.h_u + e.h_i + e.h_g - e.h_ui - e.h_ug - e.h_ig + e.h_uig;
    Some((e, tt))
}

fn code_name(c: usize) -> String {
    let mut s = String::with_capacity(3);
    s.push(if c & 4 != 0 { 'u' } else { '-' });
    s.push(if c & 2 != 0 { 'i' } else { '-' });
    s.push(if c & 1 != 0 { 'g' } else { '-' });
    s
}

fn layer_synergy(s: &Scope, groups: &[&Group]) -> Synergy {
    let mut t = [0u64; 8];
    for g in groups {
        let (mut any, mut c) = (false, 0usize);
        for a in s.members(g) {
            any = true;
            c |= code(s.net.actor(a).kind);
        }
        if any {
            t[c] += 1;
        }
    }
    coded(&t)
}

/// The figures of a code table, T null when a marginal entropy is 0.
pub fn coded(t: &[u64; 8]) -> Synergy {
    let r = synergy(t);
    let degenerate = r.as_ref().and_then(|(e, _)| {
        let flat: Vec<&str> = [("U", e.h_u), ("I", e.h_i), ("G", e.h_g)]
            .into_iter()
            .filter(|x| x.1 == 0.0)
            .map(|x| x.0)
            .collect();
        (!flat.is_empty()).then(|| {
            format!(
                "H({}) = 0: every group has the same value of {}, so T_UIG is 0 by identity and says nothing about synergy",
                flat.join("), H("),
                flat.join(", ")
            )
        })
    });
    Synergy {
        groups: t.iter().sum(),
        codes: (0..8).map(|c| (code_name(c), t[c])).collect(),
        t_uig_mbits: match (&r, &degenerate) {
            (Some(x), None) => Some(1000.0 * x.1 + 0.0),
            _ => None,
        },
        entropies: r.map(|x| x.0),
        degenerate,
    }
}

fn layer(s: &Scope, layers: &[Layer]) -> LayerSynergy {
    let groups: Vec<&Group> = s
        .net
        .groups
        .iter()
        .filter(|g| layers.contains(&g.layer) && s.keeps_group(g))
        .collect();
    let (overall, by_year) = s.overall_and_per_year(&groups, |g| layer_synergy(s, g));
    LayerSynergy { overall, by_year }
}

fn code(k: Kind) -> usize {
    match k {
        Kind::University => 4,
        Kind::Firm => 2,
        Kind::Agency => 1,
        Kind::Institute | Kind::Other => 0,
    }
}

/// T over collaboration relations: every member pair of a project and
/// every tie, coded by its two partners' kinds.
fn relations(s: &Scope) -> LayerSynergy {
    let mut tables: std::collections::BTreeMap<Option<i32>, [u64; 8]> = Default::default();
    let kind = |a: u32| s.net.actor(a).kind;
    for g in s.groups(Layer::Project) {
        let t = tables.entry(g.year).or_default();
        let m: Vec<u32> = s.members(g).collect();
        for (i, &a) in m.iter().enumerate() {
            for &b in &m[i + 1..] {
                t[code(kind(a)) | code(kind(b))] += 1;
            }
        }
    }
    for x in s.ties() {
        tables.entry(x.year).or_default()[code(kind(x.source)) | code(kind(x.target))] += 1;
    }
    let mut all = [0u64; 8];
    for t in tables.values() {
        for c in 0..8 {
            all[c] += t[c];
        }
    }
    LayerSynergy {
        overall: coded(&all),
        by_year: s.per_year(|y| coded(&tables.get(&Some(y)).copied().unwrap_or([0; 8]))),
    }
}

/// Compute the triple-helix report. Time O(P + Σ s_p² + T + Y) for P
/// participations, project sizes s_p, T ties and Y years on the axis.
pub fn triple_helix(s: &Scope) -> TripleHelix {
    TripleHelix {
        about: ABOUT,
        headline: relations(s),
        all_groups: layer(s, &[Layer::Event, Layer::Project]),
        projects: layer(s, &[Layer::Project]),
        events: layer(s, &[Layer::Event]),
    }
}

/// The definition strings of the section.
pub const ABOUT: About = About {
    definition: "triple-helix mutual information T_UIG (Leydesdorff 2003) in millibits over records coded by the presence of a university (U), a firm (I) and an agency (G); negative = synergy; null with a `degenerate` reason when a dimension does not vary",
    records: "headline: collaboration relations (each member pair of a project, each tie row) coded by their two partners; all_groups: every event and project coded by its members; projects, events: each layer alone; of the year (by_year) or of the selected years (overall); --layers and --kinds do not apply",
    denominator: "probabilities: coded records (groups: those with at least one member)",
};
