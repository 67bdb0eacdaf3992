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

/// The default of [`GenOpts::hub_exponent`] (the embedded dataset's).
pub const DEFAULT_HUB_EXPONENT: f64 = 1.5;

/// The default of [`GenOpts::iui_home_orgs`] (the embedded dataset's).
pub const DEFAULT_IUI_HOME_ORGS: usize = 6;

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
    /// Exponent of a firm's head count in its weight as a supply hub (0 to
    /// 3): at the default 1.5 the largest firms draw most hub ties; lower
    /// values spread them over more firms. A structural choice, not a
    /// calibration target: the report's counts do not depend on it.
    pub hub_exponent: f64,
    /// I-U-I organisations a firm works with before it keeps to them (1 to
    /// 20). A structural choice, not a calibration target.
    pub iui_home_orgs: usize,
}

impl Default for GenOpts {
    fn default() -> GenOpts {
        GenOpts {
            years: YEARS,
            scale: 1.0,
            seed: DEFAULT_SEED,
            hub_exponent: DEFAULT_HUB_EXPONENT,
            iui_home_orgs: DEFAULT_IUI_HOME_ORGS,
        }
    }
}
