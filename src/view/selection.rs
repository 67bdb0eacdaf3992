//! Which links and actors a view keeps, and how it weights them.

use crate::model::{Kind, Layer};
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An inclusive range of years, `FROM..TO`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRange {
    /// First year kept.
    pub from: i32,
    /// Last year kept.
    pub to: i32,
}

impl FromStr for YearRange {
    type Err = String;
    fn from_str(s: &str) -> Result<YearRange, String> {
        let bad = || format!("years {s:?}: expected FROM..TO (e.g. 2005..2009) or one year");
        let (a, b) = match s.split_once("..") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (s.trim(), s.trim()),
        };
        let from: i32 = a.parse().map_err(|_| bad())?;
        let to: i32 = b.parse().map_err(|_| bad())?;
        if from > to {
            return Err(format!("years {s:?}: FROM is after TO"));
        }
        Ok(YearRange { from, to })
    }
}

impl fmt::Display for YearRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

impl Serialize for YearRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

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
