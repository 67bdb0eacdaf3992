//! Per-year actor attributes (`actor_years.csv`): head count, R&D funding and
//! patents of an actor in one year.

use super::ActorIx;

/// The file of per-year attributes inside a dataset directory.
pub const ACTOR_YEARS_FILE: &str = "actor_years.csv";

/// The columns of `actor_years.csv`, in output order.
pub const ACTOR_YEAR_COLS: [&str; 5] = ["year", "actor_id", "employees", "rnd_funding", "patents"];

/// One row of `actor_years.csv`: an actor's attributes in one year. At most
/// one row per (actor, year).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorYear {
    /// The year.
    pub year: i32,
    /// The actor.
    pub actor: ActorIx,
    /// Employees that year, when given.
    pub employees: Option<u64>,
    /// R&D funding that year, thousand US dollars, finite and ≥ 0, when given.
    pub rnd_funding: Option<f64>,
    /// Domestic and international patents and certifications held that
    /// year (cases), when given.
    pub patents: Option<u64>,
    /// Line in the source file.
    pub line: u64,
}
