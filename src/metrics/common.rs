//! Helpers shared by the domain metrics: what a selection keeps, the year
//! axis of by-year reports, ratios that are null when undefined.

use crate::model::{ActorIx, Group, Layer, Network, Tie};
use crate::view::Selection;

/// `num / den`, or `None` when `den` is 0.
pub fn ratio(num: f64, den: f64) -> Option<f64> {
    (den != 0.0).then(|| num / den)
}

/// Name used for a missing attribute value.
pub const UNKNOWN: &str = "unknown";

/// A network seen through a selection (layers, years, kinds).
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The network.
    pub net: &'a Network,
    /// The selection.
    pub sel: &'a Selection,
}

impl<'a> Scope<'a> {
    /// A scope over `net`.
    pub fn new(net: &'a Network, sel: &'a Selection) -> Scope<'a> {
        Scope { net, sel }
    }

    /// Whether the group's layer and year are selected.
    pub fn keeps_group(&self, g: &Group) -> bool {
        self.sel.keeps_layer(g.layer) && self.sel.keeps_year(g.year)
    }

    /// Whether the actor's kind is selected.
    pub fn keeps_actor(&self, a: ActorIx) -> bool {
        self.sel.keeps_kind(self.net.actor(a).kind)
    }

    /// Selected groups of one layer.
    pub fn groups(&self, layer: Layer) -> impl Iterator<Item = &'a Group> + 'a {
        let s = *self;
        s.net
            .groups
            .iter()
            .filter(move |g| g.layer == layer && s.keeps_group(g))
    }

    /// Selected members of a group (actors of selected kinds), file order.
    pub fn members(&self, g: &'a Group) -> impl Iterator<Item = ActorIx> + 'a {
        let s = *self;
        g.members
            .iter()
            .map(|m| m.actor)
            .filter(move |&a| s.keeps_actor(a))
    }

    /// Selected ties: tie layer selected, year selected, both ends kept.
    pub fn ties(&self) -> impl Iterator<Item = &'a Tie> + 'a {
        let s = *self;
        let on = s.sel.keeps_layer(Layer::Tie);
        s.net.ties.iter().filter(move |t| {
            on && s.sel.keeps_year(t.year) && s.keeps_actor(t.source) && s.keeps_actor(t.target)
        })
    }

    /// The year axis of by-year reports: every year from the first to the
    /// last year of any selected event, project or tie (gaps filled, so a
    /// year with no records appears with zeros), clipped to `--years`.
    /// Records with no year are in the overall figures only.
    pub fn years(&self) -> Vec<i32> {
        let mut lo = i32::MAX;
        let mut hi = i32::MIN;
        let mut see = |y: Option<i32>| {
            if let Some(y) = y {
                lo = lo.min(y);
                hi = hi.max(y);
            }
        };
        for g in &self.net.groups {
            if self.keeps_group(g) {
                see(g.year);
            }
        }
        for t in self.ties() {
            see(t.year);
        }
        if let Some(r) = self.sel.years {
            lo = lo.max(r.from);
            hi = hi.min(r.to);
        }
        if lo > hi { vec![] } else { (lo..=hi).collect() }
    }

    /// `f` of all `groups`, and of the groups of each year of the axis
    /// ([`Scope::years`]).
    pub fn overall_and_per_year<T>(
        &self,
        groups: &[&Group],
        f: impl Fn(&[&Group]) -> T,
    ) -> (T, Vec<InYear<T>>) {
        let per_year = by_year(groups.iter().copied(), |g| g.year);
        (f(groups), self.per_year(|y| f(bucket(&per_year, y))))
    }

    /// The figures `f` gives for each year of the axis ([`Scope::years`]).
    pub fn per_year<T>(&self, mut f: impl FnMut(i32) -> T) -> Vec<InYear<T>> {
        self.years()
            .into_iter()
            .map(|year| InYear {
                year,
                stats: f(year),
            })
            .collect()
    }
}

/// Items grouped by year (items with no year are left out), each bucket in
/// input order.
pub fn by_year<T>(
    items: impl Iterator<Item = T>,
    year: impl Fn(&T) -> Option<i32>,
) -> std::collections::BTreeMap<i32, Vec<T>> {
    let mut m: std::collections::BTreeMap<i32, Vec<T>> = std::collections::BTreeMap::new();
    for x in items {
        if let Some(y) = year(&x) {
            m.entry(y).or_default().push(x);
        }
    }
    m
}

/// The bucket of a year, empty when the year has no items.
pub fn bucket<T>(m: &std::collections::BTreeMap<i32, Vec<T>>, y: i32) -> &[T] {
    m.get(&y).map_or(&[], Vec::as_slice)
}

/// A section's figures for one year of the axis: `year`, then the
/// figures' own fields.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InYear<T> {
    /// The year.
    pub year: i32,
    /// The figures of that year.
    #[serde(flatten)]
    pub stats: T,
}

/// Figures of a named subset (a size class, a region, a group): `name`,
/// then the figures' own fields.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Named<T> {
    /// The subset's name; `unknown` when the attribute is not given.
    pub name: String,
    /// The figures of the subset.
    #[serde(flatten)]
    pub stats: T,
}

/// A section with figures of the selected years together and of each year:
/// its definition strings, `overall`, `by_year`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Yearly<T> {
    /// Definition, records, denominator.
    #[serde(flatten)]
    pub about: About,
    /// All selected years together (records with no year too, unless
    /// `--years` is given).
    pub overall: T,
    /// By year: every year of the axis ([`Scope::years`]).
    pub by_year: Vec<InYear<T>>,
}

impl<T> Yearly<T> {
    /// The section of `f` over `groups`: `overall` from all of them,
    /// `by_year` from those of each year of the axis.
    pub fn of_groups(
        s: &Scope,
        about: About,
        groups: &[&Group],
        f: impl Fn(&[&Group]) -> T,
    ) -> Yearly<T> {
        let (overall, by_year) = s.overall_and_per_year(groups, f);
        Yearly {
            about,
            overall,
            by_year,
        }
    }
}

/// What a figure counts: every domain section of `iuinet metrics` starts
/// with these three strings (see docs/metrics.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct About {
    /// The figure's definition, in words.
    pub definition: &'static str,
    /// The records it is computed on (and whether view flags apply).
    pub records: &'static str,
    /// What averages and shares are divided by.
    pub denominator: &'static str,
}

/// The selection of the domain sections: every layer and every kind (their
/// definitions name their records), the years of `view` (`--years` clips
/// the year axis).
pub fn domain_selection(view: &Selection) -> Selection {
    Selection {
        layers: Layer::ALL.to_vec(),
        years: view.years,
        kinds: None,
    }
}

/// Firms taking part in the programme: a firm **participates** in year Y
/// when it has at least one event participation, project membership or
/// tie (any type, any partner) dated Y.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    /// Firms of the network (the all-firms denominator).
    pub firms: u64,
    /// Firms participating in any selected year (records with no year count too).
    pub overall: u64,
    /// Participating firms by year.
    pub by_year: std::collections::BTreeMap<i32, u64>,
    /// Per actor: a firm participating in some selected year.
    pub active: Vec<bool>,
}

impl Participation {
    /// Count the participating firms of a scope (its selected groups and
    /// ties). Time O(P log P) for P participations and ties.
    pub fn new(s: &Scope) -> Participation {
        use crate::model::Kind;
        let net = s.net;
        let firm = |a: ActorIx| net.actor(a).kind == Kind::Firm;
        // (year or i32::MIN for none, actor)
        let mut rows: Vec<(i32, ActorIx)> = Vec::new();
        for g in &net.groups {
            if s.keeps_group(g) {
                let y = g.year.unwrap_or(i32::MIN);
                rows.extend(
                    g.members
                        .iter()
                        .map(|m| m.actor)
                        .filter(|&a| firm(a))
                        .map(|a| (y, a)),
                );
            }
        }
        for t in s.ties() {
            let y = t.year.unwrap_or(i32::MIN);
            for a in [t.source, t.target] {
                if firm(a) {
                    rows.push((y, a));
                }
            }
        }
        rows.sort_unstable();
        rows.dedup();
        let mut by_year = std::collections::BTreeMap::new();
        for r in rows.chunk_by(|a, b| a.0 == b.0) {
            if r[0].0 != i32::MIN {
                by_year.insert(r[0].0, r.len() as u64);
            }
        }
        let mut active = vec![false; net.actors.len()];
        for r in &rows {
            active[r.1 as usize] = true;
        }
        Participation {
            firms: net.actors.iter().filter(|a| a.kind == Kind::Firm).count() as u64,
            overall: active.iter().filter(|&&x| x).count() as u64,
            by_year,
            active,
        }
    }

    /// Participating firms of a year (0 when none).
    pub fn year(&self, y: i32) -> u64 {
        self.by_year.get(&y).copied().unwrap_or(0)
    }
}
