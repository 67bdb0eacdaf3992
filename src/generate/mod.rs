//! Synthetic datasets calibrated to published aggregates.
//!
//! [`korea_iccp`] builds actor-level data of Korea's Industrial Complex
//! Cluster Program 2005–2009 on the real skeleton of `graphs/korea-iccp/`
//! (pan regions, hub complexes, mini clusters), so that iuinet's metrics on
//! it reproduce the aggregate tables of the KICOX report's chapter III (see
//! docs/default-dataset.md). Deterministic: the same [`GenOpts`] give the same
//! records, hence the same bytes when written.

mod korea;
mod skeleton;

pub use korea::{korea_iccp, korea_iccp_with_progress};

use crate::model::YearRange;

/// The default seed of the embedded dataset.
pub const DEFAULT_SEED: u64 = 2005;

/// First and last year the generator is calibrated for.
pub const YEARS: YearRange = YearRange {
    from: 2005,
    to: 2009,
};

/// Generator options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GenOpts {
    /// Years to write; within 2005..2009. Earlier years of the programme are
    /// still simulated (the network grows from 2005), only not written.
    pub years: YearRange,
    /// Size factor: actors, events, participations, projects and ties all
    /// scale linearly. From 1.5 on, round(scale) independent copies of the
    /// programme at scale / round(scale) are merged (mini clusters of copy
    /// c ≥ 1 are `<mc-id>~<c+1>`) and linked by exchanging business
    /// partners, so per-actor structure (event sizes, partners per actor)
    /// stays that of scale 1; below 1.5 one programme is
    /// scaled and the mini clusters stay the real 49–55. The exact-count
    /// targets hold at scale 1.
    pub scale: f64,
    /// RNG seed (ChaCha8).
    pub seed: u64,
}

impl Default for GenOpts {
    fn default() -> GenOpts {
        GenOpts {
            years: YEARS,
            scale: 1.0,
            seed: DEFAULT_SEED,
        }
    }
}
