//! The network model: actors, groups (events and projects) with their member
//! lists, direct ties, and the petgraph multigraph that joins them.
//!
//! Everything here is linear in participations + ties: a group is one node
//! with one membership edge per member, never expanded into its pairs. Views
//! that do need pairs (`Network::actor_multigraph`, `view::View`) refuse
//! groups above a size limit.

mod actor;
mod actor_year;
pub mod schema;
mod years;

pub use actor::{Actor, Kind, SizeClass, SizeGroup};
pub use actor_year::{ACTOR_YEAR_COLS, ACTOR_YEARS_FILE, ActorYear};
pub use years::YearRange;

/// Tie types of firm–firm business relations: the inter-business
/// connections of the KICOX report's "[R&D Improvement of Industrial
/// Clusters]" table (`mentoring` runs from the larger to the smaller firm).
pub const BUSINESS_TIE_TYPES: [&str; 4] = ["purchase", "sales", "supply", "mentoring"];

/// Tie types of dyadic industry–university–institute collaborations: a firm
/// and a university or institute (either order). With projects that include
/// a university or institute they make the report's "Cases of
/// industry-university-institute collaboration".
pub const IUI_TIE_TYPES: [&str; 4] = [
    "joint_research",
    "technology_transfer",
    "technical_guidance",
    "consulting",
];

use crate::error::{Error, Result};
use petgraph::graph::{NodeIndex, UnGraph};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

/// Index of an actor in `Network::actors`.
pub type ActorIx = u32;

crate::names! {
    /// The three layers links come from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Layer("layer") {
        /// Networking activities: seminars, forums, briefings, visits, SIG meetings.
        Event = "event",
        /// Collaborations: joint R&D, consortia, technology transfer, joint marketing.
        Project = "project",
        /// Direct dyadic ties: supply, purchase, sales, mentoring, and the
        /// I-U-I collaborations of [`IUI_TIE_TYPES`].
        Tie = "tie",
    }
}

crate::names! {
    /// A member's role in a project.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Role("role") {
        /// The consortium lead.
        Lead = "lead",
        /// Any other member.
        Member = "member",
    }
}

/// One participation of an actor in a group (one row of events.csv or projects.csv).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The actor.
    pub actor: ActorIx,
    /// Project role, when given.
    pub role: Option<Role>,
    /// Project funding, when given.
    pub funding: Option<f64>,
    /// Event mini cluster, when given.
    pub mini_cluster: Option<String>,
    /// Extra columns of the row.
    pub attrs: Vec<(String, String)>,
    /// Line in the source file.
    pub line: u64,
}

/// An event or a project: a group of actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Group id (`event_id` or `project_id`).
    pub id: String,
    /// Event or project.
    pub layer: Layer,
    /// The activity or collaboration type (free text, e.g. `forum`, `joint-rnd`).
    pub kind: String,
    /// Year, when given.
    pub year: Option<i32>,
    /// Members in file order; an actor appears at most once.
    pub members: Vec<Member>,
}

impl Group {
    /// Number of members.
    pub fn size(&self) -> usize {
        self.members.len()
    }

    /// Number of actor pairs the group links: n(n−1)/2.
    pub fn pairs(&self) -> u64 {
        let n = self.members.len() as u64;
        n * n.saturating_sub(1) / 2
    }
}

/// A direct tie between two actors (one row of ties.csv).
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// One end.
    pub source: ActorIx,
    /// The other end (never equal to `source`).
    pub target: ActorIx,
    /// Tie type, e.g. one of [`BUSINESS_TIE_TYPES`] or [`IUI_TIE_TYPES`]
    /// (free text: other types are kept as given).
    pub kind: String,
    /// Year, when given.
    pub year: Option<i32>,
    /// Weight, finite and ≥ 0 (default 1).
    pub weight: f64,
    /// Extra columns of the row.
    pub attrs: Vec<(String, String)>,
    /// Line in the source file.
    pub line: u64,
}

/// The tie types (`type` column of ties.csv) the domain figures recognise.
///
/// - **business** ties (`purchase`, `sales`, `supply`, `mentoring`): the
///   firm–firm ties of "inter-business connections";
/// - **I-U-I** collaboration ties (`joint_research`, `technology_transfer`,
///   `technical_guidance`, `consulting`): a dyadic collaboration of a firm
///   with a university or an institute, counted by "cases of
///   industry-university-institute collaboration";
/// - **global trade** ties (`purchase`, `sales`): the default types of the
///   global networking weight ("related to purchase and sales").
///
/// Any other type is kept and enters the network views, but none of these
/// figures. Matching is exact and case-sensitive.
pub mod tie_types {
    /// Business tie types ([`super::BUSINESS_TIE_TYPES`]).
    pub const BUSINESS: [&str; 4] = super::BUSINESS_TIE_TYPES;
    /// I-U-I collaboration tie types ([`super::IUI_TIE_TYPES`]).
    pub const IUI: [&str; 4] = super::IUI_TIE_TYPES;
    /// Default tie types of the global networking weight.
    pub const GLOBAL_TRADE: [&str; 2] = ["purchase", "sales"];

    /// The class of a tie type.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum TieClass {
        /// One of [`BUSINESS`].
        Business,
        /// One of [`IUI`].
        Iui,
        /// Anything else.
        Other,
    }

    /// The class of a tie type.
    ///
    /// ```
    /// use iuinet::model::tie_types::{TieClass, classify};
    /// assert_eq!(classify("supply"), TieClass::Business);
    /// assert_eq!(classify("joint_research"), TieClass::Iui);
    /// assert_eq!(classify("Supply"), TieClass::Other);
    /// ```
    pub fn classify(kind: &str) -> TieClass {
        if BUSINESS.contains(&kind) {
            TieClass::Business
        } else if IUI.contains(&kind) {
            TieClass::Iui
        } else {
            TieClass::Other
        }
    }
}

/// A node of the network multigraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// An actor, by index into `Network::actors`.
    Actor(ActorIx),
    /// An event or project, by index into `Network::groups`.
    Group(u32),
}

/// An edge of the network multigraph, pointing back to the record it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Membership: `Network::groups[group].members[member]`.
    Member {
        /// Group index.
        group: u32,
        /// Index in the group's member list.
        member: u32,
    },
    /// A direct tie: `Network::ties[ix]`.
    Tie(u32),
}

/// Where the records came from, for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// The dataset (directory or JSON file).
    pub dataset: PathBuf,
    /// actors.csv (or the JSON file).
    pub actors: PathBuf,
    /// events.csv (or the JSON file).
    pub events: PathBuf,
    /// projects.csv (or the JSON file).
    pub projects: PathBuf,
    /// ties.csv (or the JSON file).
    pub ties: PathBuf,
}

/// A validated dataset: actors, groups, ties, and the multigraph over them.
#[derive(Debug, Clone)]
pub struct Network {
    /// Actors, in file order.
    pub actors: Vec<Actor>,
    /// Events then projects, each in order of first appearance.
    pub groups: Vec<Group>,
    /// Ties, in file order.
    pub ties: Vec<Tie>,
    /// Names of the extra actor columns, in file order.
    pub actor_extra: Vec<String>,
    /// Names of the extra columns of events.csv, projects.csv and ties.csv.
    pub extra: [Vec<String>; 3],
    /// Where the data came from.
    pub sources: Sources,
    /// Per-year actor attributes (`actor_years.csv`), in file order; empty
    /// when the dataset has none. Not part of the multigraph.
    pub actor_years: Vec<ActorYear>,
    /// Undirected multigraph: actor nodes `0..actors.len()`, then one node per
    /// group; one edge per membership and one per tie.
    pub graph: UnGraph<Node, Edge>,
    index: HashMap<String, ActorIx>,
}

impl PartialEq for Network {
    /// Same content: actors, groups, ties and extra columns (not sources).
    fn eq(&self, o: &Network) -> bool {
        let strip = |a: &Actor| Actor {
            line: 0,
            ..a.clone()
        };
        let strip_g = |g: &Group| Group {
            members: g
                .members
                .iter()
                .map(|m| Member {
                    line: 0,
                    ..m.clone()
                })
                .collect(),
            ..g.clone()
        };
        let strip_t = |t: &Tie| Tie {
            line: 0,
            ..t.clone()
        };
        let strip_y = |y: &ActorYear| ActorYear {
            line: 0,
            ..y.clone()
        };
        self.actors.len() == o.actors.len()
            && self
                .actors
                .iter()
                .zip(&o.actors)
                .all(|(a, b)| strip(a) == strip(b))
            && self.groups.len() == o.groups.len()
            && self
                .groups
                .iter()
                .zip(&o.groups)
                .all(|(a, b)| strip_g(a) == strip_g(b))
            && self.ties.len() == o.ties.len()
            && self
                .ties
                .iter()
                .zip(&o.ties)
                .all(|(a, b)| strip_t(a) == strip_t(b))
            && self.actor_extra == o.actor_extra
            && self.extra == o.extra
            && self.actor_years.len() == o.actor_years.len()
            && self
                .actor_years
                .iter()
                .zip(&o.actor_years)
                .all(|(a, b)| strip_y(a) == strip_y(b))
    }
}

impl Network {
    /// Assemble a network from validated parts and build its multigraph.
    ///
    /// Callers (the ingest stage, the generator) guarantee that member and tie
    /// ends are valid actor indices and that actor ids are unique.
    pub fn new(
        actors: Vec<Actor>,
        groups: Vec<Group>,
        ties: Vec<Tie>,
        actor_extra: Vec<String>,
        extra: [Vec<String>; 3],
        sources: Sources,
    ) -> Network {
        let memberships: usize = groups.iter().map(|g| g.members.len()).sum();
        let mut graph =
            UnGraph::with_capacity(actors.len() + groups.len(), memberships + ties.len());
        for i in 0..actors.len() {
            graph.add_node(Node::Actor(i as ActorIx));
        }
        for (gi, g) in groups.iter().enumerate() {
            let gn = graph.add_node(Node::Group(gi as u32));
            for (mi, m) in g.members.iter().enumerate() {
                graph.add_edge(
                    NodeIndex::new(m.actor as usize),
                    gn,
                    Edge::Member {
                        group: gi as u32,
                        member: mi as u32,
                    },
                );
            }
        }
        for (ti, t) in ties.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(t.source as usize),
                NodeIndex::new(t.target as usize),
                Edge::Tie(ti as u32),
            );
        }
        let index = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as ActorIx))
            .collect();
        Network {
            actors,
            groups,
            ties,
            actor_extra,
            extra,
            sources,
            actor_years: Vec::new(),
            graph,
            index,
        }
    }

    /// The same network with these per-year actor attributes (validated by
    /// the caller: actor indices valid, one row per actor and year).
    pub fn with_actor_years(mut self, actor_years: Vec<ActorYear>) -> Network {
        self.actor_years = actor_years;
        self
    }

    /// The index of the actor with this id.
    pub fn actor_ix(&self, id: &str) -> Option<ActorIx> {
        self.index.get(id).copied()
    }

    /// The actor at an index.
    pub fn actor(&self, ix: ActorIx) -> &Actor {
        &self.actors[ix as usize]
    }

    /// Events, in order of first appearance.
    pub fn events(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.layer == Layer::Event)
    }

    /// Projects, in order of first appearance.
    pub fn projects(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.layer == Layer::Project)
    }

    /// The groups an actor belongs to (indices into `groups`), in graph order.
    pub fn groups_of(&self, a: ActorIx) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .graph
            .edges(NodeIndex::new(a as usize))
            .filter_map(|e| match *e.weight() {
                Edge::Member { group, .. } => Some(group),
                Edge::Tie(_) => None,
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Actor indices sorted by id (the output order of per-actor reports).
    pub fn actors_by_id(&self) -> Vec<ActorIx> {
        let mut v: Vec<ActorIx> = (0..self.actors.len() as ActorIx).collect();
        v.sort_by(|&a, &b| self.actors[a as usize].id.cmp(&self.actors[b as usize].id));
        v
    }

    /// The actor-level multigraph: one edge per link (per shared group and per
    /// tie), each carrying the record it comes from. Materialises pairs, so it
    /// refuses groups with more than `max_group_size` members.
    ///
    /// Meant for small data and interop; analysis uses `view::View`.
    pub fn actor_multigraph(&self, max_group_size: usize) -> Result<UnGraph<ActorIx, Edge>> {
        for g in &self.groups {
            if g.size() > max_group_size {
                return Err(Error::GroupTooLarge {
                    layer: g.layer.as_str(),
                    group: g.id.clone(),
                    size: g.size(),
                    limit: max_group_size,
                });
            }
        }
        let links: u64 = self.groups.iter().map(Group::pairs).sum::<u64>() + self.ties.len() as u64;
        let mut mg = UnGraph::with_capacity(self.actors.len(), links as usize);
        for i in 0..self.actors.len() {
            mg.add_node(i as ActorIx);
        }
        for (gi, g) in self.groups.iter().enumerate() {
            for (i, a) in g.members.iter().enumerate() {
                for b in &g.members[i + 1..] {
                    mg.add_edge(
                        NodeIndex::new(a.actor as usize),
                        NodeIndex::new(b.actor as usize),
                        Edge::Member {
                            group: gi as u32,
                            member: i as u32,
                        },
                    );
                }
            }
        }
        for (ti, t) in self.ties.iter().enumerate() {
            mg.add_edge(
                NodeIndex::new(t.source as usize),
                NodeIndex::new(t.target as usize),
                Edge::Tie(ti as u32),
            );
        }
        Ok(mg)
    }
}
