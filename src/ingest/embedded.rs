//! The default dataset embedded in the binary, used by every command whose
//! DATA argument is omitted: `graphs/korea-iccp-2005-2009/`, the scale-1
//! output of `iuinet generate --preset korea-iccp` with the default seed
//! (`tests/generate.rs` checks that the committed files equal a fresh run).

use super::Limits;
use super::table::Tables;
use crate::error::{Error, Result};
use crate::model::Network;
use std::path::PathBuf;

const ACTORS: &[u8] = include_bytes!("../../graphs/korea-iccp-2005-2009/actors.csv");
const EVENTS: &[u8] = include_bytes!("../../graphs/korea-iccp-2005-2009/events.csv");
const PROJECTS: &[u8] = include_bytes!("../../graphs/korea-iccp-2005-2009/projects.csv");
const TIES: &[u8] = include_bytes!("../../graphs/korea-iccp-2005-2009/ties.csv");
const ACTOR_YEARS: &[u8] = include_bytes!("../../graphs/korea-iccp-2005-2009/actor_years.csv");

/// The embedded default dataset (`graphs/korea-iccp-2005-2009/`). File names
/// in messages read `korea-iccp-2005-2009 (embedded)/actors.csv`.
pub fn default_network() -> Result<Network> {
    let dir = PathBuf::from(crate::DEFAULT_DATASET);
    let limits = Limits::default();
    let mut problems = Vec::new();
    let mut parse = |name: &str, bytes: &[u8]| {
        super::csv::parse_bytes(dir.join(name), bytes, &limits, &mut problems)
    };
    let tables = Tables {
        dataset: dir.clone(),
        actors: Some(parse("actors.csv", ACTORS)),
        events: Some(parse("events.csv", EVENTS)),
        projects: Some(parse("projects.csv", PROJECTS)),
        ties: Some(parse("ties.csv", TIES)),
        notes: Vec::new(),
    };
    if !problems.is_empty() {
        return Err(Error::from_problems(problems));
    }
    let net = super::build(tables)?;
    let rows =
        super::actor_years::parse_bytes(&dir.join(super::actor_years::FILE), ACTOR_YEARS, &net)?;
    Ok(net.with_actor_years(rows))
}
