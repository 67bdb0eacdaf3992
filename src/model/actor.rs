//! Actors: firms, universities, institutes, agencies and others.

use serde::{Deserialize, Serialize};

crate::names! {
    /// What kind of organisation an actor is.
    ///
    /// `Agency` covers government, local government, support organisations and
    /// cluster agencies (the brokers of chapter II.4 of KICOX 2010).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Kind("kind") {
        /// A company (industry, "I").
        Firm = "firm",
        /// A university ("U").
        University = "university",
        /// A research institute ("R").
        Institute = "institute",
        /// Government, local government, support organisation or cluster agency ("G").
        Agency = "agency",
        /// Anything else.
        Other = "other",
    }
}

crate::names! {
    /// Firm size class by employees, as in the support tables of KICOX 2010
    /// ("[Support results by company size]").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    pub enum SizeClass("size class") {
        /// Fewer than 30 employees.
        #[serde(rename = "lt30")]
        Lt30 = "lt30",
        /// 30 to 49 employees.
        #[serde(rename = "30-49")]
        S30to49 = "30-49",
        /// 50 to 99 employees.
        #[serde(rename = "50-99")]
        S50to99 = "50-99",
        /// 100 to 299 employees.
        #[serde(rename = "100-299")]
        S100to299 = "100-299",
        /// 300 or more employees.
        #[serde(rename = "300+")]
        S300Plus = "300+",
    }
}

crate::names! {
    /// The coarse size groups: small (<50), medium (50–299), large (300+).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum SizeGroup("size group") {
        /// Fewer than 50 employees.
        Small = "small",
        /// 50 to 299 employees.
        Medium = "medium",
        /// 300 or more employees.
        Large = "large",
    }
}

impl SizeClass {
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

    /// Small, medium or large.
    pub fn group(self) -> SizeGroup {
        match self {
            SizeClass::Lt30 | SizeClass::S30to49 => SizeGroup::Small,
            SizeClass::S50to99 | SizeClass::S100to299 => SizeGroup::Medium,
            SizeClass::S300Plus => SizeGroup::Large,
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
