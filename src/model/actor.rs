//! Actors: firms, universities, institutes, agencies and others.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of organisation an actor is.
///
/// `Agency` covers government, local government, support organisations and
/// cluster agencies (the brokers of the seed's chapter II.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A company (industry, "I").
    Firm,
    /// A university ("U").
    University,
    /// A research institute ("R").
    Institute,
    /// Government, local government, support organisation or cluster agency ("G").
    Agency,
    /// Anything else.
    Other,
}

impl Kind {
    /// Every kind, in output order.
    pub const ALL: [Kind; 5] = [
        Kind::Firm,
        Kind::University,
        Kind::Institute,
        Kind::Agency,
        Kind::Other,
    ];

    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Firm => "firm",
            Kind::University => "university",
            Kind::Institute => "institute",
            Kind::Agency => "agency",
            Kind::Other => "other",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown kind {s:?}, expected one of firm, university, institute, agency, other"
                )
            })
    }
}

/// Firm size class by employees, as in the seed's support tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SizeClass {
    /// Fewer than 30 employees.
    #[serde(rename = "lt30")]
    Lt30,
    /// 30 to 49 employees.
    #[serde(rename = "30-49")]
    S30to49,
    /// 50 to 99 employees.
    #[serde(rename = "50-99")]
    S50to99,
    /// 100 to 299 employees.
    #[serde(rename = "100-299")]
    S100to299,
    /// 300 or more employees.
    #[serde(rename = "300+")]
    S300Plus,
}

/// The coarse size groups: small (<50), medium (50–299), large (300+).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SizeGroup {
    /// Fewer than 50 employees.
    Small,
    /// 50 to 299 employees.
    Medium,
    /// 300 or more employees.
    Large,
}

impl SizeClass {
    /// Every class, smallest first.
    pub const ALL: [SizeClass; 5] = [
        SizeClass::Lt30,
        SizeClass::S30to49,
        SizeClass::S50to99,
        SizeClass::S100to299,
        SizeClass::S300Plus,
    ];

    /// The class of a firm with `n` employees.
    pub fn from_employees(n: u64) -> SizeClass {
        match n {
            0..=29 => SizeClass::Lt30,
            30..=49 => SizeClass::S30to49,
            50..=99 => SizeClass::S50to99,
            100..=299 => SizeClass::S100to299,
            _ => SizeClass::S300Plus,
        }
    }

    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            SizeClass::Lt30 => "lt30",
            SizeClass::S30to49 => "30-49",
            SizeClass::S50to99 => "50-99",
            SizeClass::S100to299 => "100-299",
            SizeClass::S300Plus => "300+",
        }
    }

    /// Small, medium or large.
    pub fn group(self) -> SizeGroup {
        match self {
            SizeClass::Lt30 | SizeClass::S30to49 => SizeGroup::Small,
            SizeClass::S50to99 | SizeClass::S100to299 => SizeGroup::Medium,
            SizeClass::S300Plus => SizeGroup::Large,
        }
    }
}

impl fmt::Display for SizeClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SizeClass {
    type Err = String;
    fn from_str(s: &str) -> Result<SizeClass, String> {
        SizeClass::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown size class {s:?}, expected one of lt30, 30-49, 50-99, 100-299, 300+"
                )
            })
    }
}

impl SizeGroup {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            SizeGroup::Small => "small",
            SizeGroup::Medium => "medium",
            SizeGroup::Large => "large",
        }
    }
}

/// One actor of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Unique id.
    pub id: String,
    /// Display name (may be empty).
    pub name: String,
    /// Kind of organisation.
    pub kind: Kind,
    /// Employee count, for firms, when known.
    pub employees: Option<u64>,
    /// Size class: given, or derived from `employees`.
    pub size_class: Option<SizeClass>,
    /// Region, e.g. a pan-regional economic zone.
    pub region: Option<String>,
    /// Industrial complex.
    pub complex: Option<String>,
    /// Mini clusters the actor belongs to.
    pub mini_clusters: Vec<String>,
    /// ISO country code (default `KR`).
    pub country: String,
    /// Extra columns, kept as strings, in column order.
    pub attrs: Vec<(String, String)>,
    /// Line in the source file.
    pub line: u64,
}
