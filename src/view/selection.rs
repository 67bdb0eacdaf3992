//! Which links and actors a view keeps, and how it weights them.

use crate::error::{Error, Result};
use crate::model::{ActorIx, Group, Kind, Layer, Network, Tie, YearRange};
use serde::Serialize;

crate::names! {
    /// How parallel links between two actors become one weight.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Weighting("weighting") {
        /// Every linked pair has weight 1.
        #[default]
        None = "none",
        /// Tie weights plus 1 per shared event or project.
        Sum = "sum",
        /// Tie weights plus 1/(n−1) per shared group of n members (Newman 2001).
        Newman = "newman",
    }
}

crate::names! {
    /// What one step of a path measure (betweenness, closeness, harmonic)
    /// costs on a weighted view.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
    #[serde(rename_all = "lowercase")]
    pub enum PathLength("path length") {
        /// Length 1/weight: strongly tied pairs are close (Newman 2001).
        #[default]
        Weight = "weight",
        /// Every linked pair is one step, whatever its weight; the weight
        /// still counts for strength, eigenvector and PageRank.
        Hops = "hops",
    }
}

impl PathLength {
    /// The default (1/weight), left out of JSON.
    pub fn is_weight(&self) -> bool {
        *self == PathLength::Weight
    }
}

/// Which layers, years and actor kinds a view keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selection {
    /// Layers kept (all by default), in `Layer::ALL` order.
    pub layers: Vec<Layer>,
    /// Years kept; `None` keeps all, including links with no year.
    pub years: Option<YearRange>,
    /// Actor kinds kept; `None` keeps all.
    pub kinds: Option<Vec<Kind>>,
}

impl Default for Selection {
    fn default() -> Selection {
        Selection {
            layers: Layer::ALL.to_vec(),
            years: None,
            kinds: None,
        }
    }
}

impl Selection {
    /// Whether links of this layer are kept.
    pub fn keeps_layer(&self, l: Layer) -> bool {
        self.layers.contains(&l)
    }

    /// Whether a link of this year is kept (a link with no year is kept only
    /// when no range is set).
    pub fn keeps_year(&self, y: Option<i32>) -> bool {
        match (self.years, y) {
            (None, _) => true,
            (Some(r), Some(y)) => r.from <= y && y <= r.to,
            (Some(_), None) => false,
        }
    }

    /// Whether actors of this kind are kept.
    pub fn keeps_kind(&self, k: Kind) -> bool {
        self.kinds.as_ref().is_none_or(|ks| ks.contains(&k))
    }
}

/// A record a selection keeps: an event or project, or a direct tie.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    /// An event or a project.
    Group(&'a Group),
    /// A direct tie.
    Tie(&'a Tie),
}

impl Record<'_> {
    /// The record's layer.
    pub fn layer(&self) -> Layer {
        match self {
            Record::Group(g) => g.layer,
            Record::Tie(_) => Layer::Tie,
        }
    }

    /// The record's year, when given.
    pub fn year(&self) -> Option<i32> {
        match self {
            Record::Group(g) => g.year,
            Record::Tie(t) => t.year,
        }
    }
}

impl Selection {
    /// The view node of every actor (`u32::MAX` for actors of a kind left
    /// out), and the actors in node order.
    pub fn nodes(&self, net: &Network) -> (Vec<u32>, Vec<ActorIx>) {
        let mut node_of = vec![u32::MAX; net.actors.len()];
        let mut actors = Vec::new();
        for (i, a) in net.actors.iter().enumerate() {
            if self.keeps_kind(a.kind) {
                node_of[i] = actors.len() as u32;
                actors.push(i as ActorIx);
            }
        }
        (node_of, actors)
    }

    /// Call `f` with every record this selection keeps and its kept members
    /// as view nodes (`node_of` from [`Selection::nodes`]): groups of a kept
    /// layer and year in file order, then ties of a kept year whose two ends
    /// are kept and distinct. This is the one selection rule of every view.
    ///
    /// A group with more than `max_group_size` kept members is refused
    /// ([`Error::GroupTooLarge`]): expanding it into pairs would be quadratic.
    pub fn for_each_record<'a>(
        &self,
        net: &'a Network,
        node_of: &[u32],
        max_group_size: usize,
        mut f: impl FnMut(Record<'a>, &[u32]) -> Result<()>,
    ) -> Result<()> {
        let mut members: Vec<u32> = Vec::new();
        for g in &net.groups {
            if !self.keeps_layer(g.layer) || !self.keeps_year(g.year) {
                continue;
            }
            members.clear();
            members.extend(
                g.members
                    .iter()
                    .map(|m| node_of[m.actor as usize])
                    .filter(|&v| v != u32::MAX),
            );
            if members.len() > max_group_size {
                return Err(Error::GroupTooLarge {
                    layer: g.layer.as_str(),
                    group: g.id.clone(),
                    size: members.len(),
                    limit: max_group_size,
                });
            }
            f(Record::Group(g), &members)?;
        }
        if self.keeps_layer(Layer::Tie) {
            for t in &net.ties {
                if !self.keeps_year(t.year) {
                    continue;
                }
                let (a, b) = (node_of[t.source as usize], node_of[t.target as usize]);
                if a == u32::MAX || b == u32::MAX || a == b {
                    continue;
                }
                f(Record::Tie(t), &[a, b])?;
            }
        }
        Ok(())
    }
}
