//! Years: the inclusive ranges that views, metrics and the generator select.

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
