//! Query parameters: parsed by hand from the raw pairs so that every
//! mistake gets a 400 naming the parameter, the value and what is expected,
//! and so that repeated keys (`pick=a&pick=b`) work.

use crate::algo::linkpred::Method;
use crate::metrics::brokers::GroupBy;
use crate::metrics::matching::{MatchOpts, RegionFilter};
use crate::model::Kind;
use crate::view::YearRange;
use axum::http::StatusCode;
use std::str::FromStr;

/// Most candidates a request may ask for.
pub const MAX_TOP: usize = 100;

/// A request that cannot be answered: the status and a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    /// 400, 404, 503 (or 500 for a bug).
    pub status: StatusCode,
    /// What went wrong and how to fix it.
    pub message: String,
}

impl Fail {
    /// 400 Bad Request.
    pub fn bad(message: impl Into<String>) -> Fail {
        Fail {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Fail {
        Fail {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// 503 Service Unavailable (a report still being computed).
    pub fn not_ready(message: impl Into<String>) -> Fail {
        Fail {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    /// The failure for a library error: usage and data errors come from
    /// the request (400), anything else is ours (500).
    pub fn from_error(e: &crate::Error) -> Fail {
        match e {
            crate::Error::Usage(m) => Fail::bad(m.clone()),
            crate::Error::GroupTooLarge { .. } | crate::Error::Data { .. } => {
                Fail::bad(e.to_string())
            }
            _ => Fail {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: e.to_string(),
            },
        }
    }
}

/// The query pairs of a request, in order, with the keys a handler accepts.
#[derive(Debug)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Check that every key is one of `known`.
    pub fn new(pairs: Vec<(String, String)>, known: &[&str]) -> Result<Params, Fail> {
        for (k, _) in &pairs {
            if !known.contains(&k.as_str()) {
                return Err(Fail::bad(if known.is_empty() {
                    format!("unknown parameter {k:?}; this page takes no parameters")
                } else {
                    format!(
                        "unknown parameter {k:?}; this page takes {}",
                        known.join(", ")
                    )
                }));
            }
        }
        Ok(Params { pairs })
    }

    /// The last non-empty value of `key` (forms send empty fields for "any").
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// Every non-empty value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect()
    }

    /// `key` parsed with `FromStr`, or a 400 naming it.
    pub fn parse<T: FromStr>(&self, key: &str) -> Result<Option<T>, Fail>
    where
        T::Err: std::fmt::Display,
    {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|e| Fail::bad(format!("parameter {key}: {e}"))),
        }
    }

    /// A count in `1..=max` (default `default`).
    pub fn count(&self, key: &str, default: usize, max: usize) -> Result<usize, Fail> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(Fail::bad(format!(
                    "parameter {key}: {v:?} is not a whole number from 1 to {max}"
                ))),
            },
        }
    }

    /// The required actor id.
    pub fn actor(&self, key: &str) -> Result<&str, Fail> {
        self.get(key).ok_or_else(|| {
            Fail::bad(format!(
                "parameter {key} is missing: give an actor id (search by name at /api/search?q=NAME)"
            ))
        })
    }

    /// A yes/no flag: true, false, 1, 0, yes, no, on, off.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, Fail> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => Err(Fail::bad(format!(
                    "parameter {key}: {v:?} is not a yes/no value (true or false)"
                ))),
            },
        }
    }

    /// The year range: `years=FROM..TO` (as the CLI's `--years`), or
    /// `from` and/or `to` (the page's form; a missing end is open).
    pub fn years(&self) -> Result<Option<YearRange>, Fail> {
        if let Some(y) = self.parse::<YearRange>("years")? {
            if self.get("from").is_some() || self.get("to").is_some() {
                return Err(Fail::bad("give either years=FROM..TO or from/to, not both"));
            }
            return Ok(Some(y));
        }
        let year = |key: &str| -> Result<Option<i32>, Fail> {
            match self.get(key) {
                None => Ok(None),
                Some(v) => match v.parse::<i32>() {
                    Ok(y) if (0..=9999).contains(&y) => Ok(Some(y)),
                    _ => Err(Fail::bad(format!(
                        "parameter {key}: {v:?} is not a year (0 to 9999)"
                    ))),
                },
            }
        };
        match (year("from")?, year("to")?) {
            (None, None) => Ok(None),
            (f, t) => {
                let r = YearRange {
                    from: f.unwrap_or(0),
                    to: t.unwrap_or(9999),
                };
                if r.from > r.to {
                    return Err(Fail::bad(format!(
                        "years: from {} is after to {}",
                        r.from, r.to
                    )));
                }
                Ok(Some(r))
            }
        }
    }

    /// The grouping of the brokers page and API (`by`, default region).
    pub fn group_by(&self) -> Result<GroupBy, Fail> {
        let by = self.parse::<GroupBy>("by")?.unwrap_or_default();
        if super::BROKER_GROUPINGS.contains(&by) {
            Ok(by)
        } else {
            Err(Fail::bad(format!(
                "parameter by: the console groups brokers by {}; use `iuinet brokers --by {by}` for this grouping",
                super::BROKER_GROUPINGS.map(|g| g.as_str()).join(", ")
            )))
        }
    }
}

/// The keys [`match_opts`] reads.
pub const MATCH_KEYS: [&str; 8] = [
    "kind", "region", "method", "top", "years", "from", "to", "explain",
];

/// The match options of a request, as `iuinet match` takes them: kind,
/// region (same, other, any), method, top (1 to [`MAX_TOP`], default 10),
/// explain (default `explain_default`); plus the year range of the view.
pub fn match_opts(
    p: &Params,
    explain_default: bool,
) -> Result<(MatchOpts, Option<YearRange>), Fail> {
    let d = MatchOpts::default();
    let o = MatchOpts {
        method: p.parse::<Method>("method")?.unwrap_or(d.method),
        partner_kind: p.parse::<Kind>("kind")?,
        region: p.parse::<RegionFilter>("region")?.unwrap_or(d.region),
        top: p.count("top", d.top, MAX_TOP)?,
        explain: p.flag("explain", explain_default)?,
        seed: d.seed,
    };
    Ok((o, p.years()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &[(&str, &str)], known: &[&str]) -> Result<Params, Fail> {
        Params::new(
            q.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            known,
        )
    }

    #[test]
    fn unknown_key_is_a_400_naming_it() {
        let e = p(&[("kidn", "firm")], &MATCH_KEYS).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert!(e.message.contains("\"kidn\""), "{}", e.message);
    }

    #[test]
    fn empty_values_mean_any_and_last_value_wins() {
        let q = p(
            &[("kind", ""), ("region", "same"), ("region", "other")],
            &MATCH_KEYS,
        )
        .unwrap();
        let (o, y) = match_opts(&q, true).unwrap();
        assert_eq!(o.partner_kind, None);
        assert_eq!(o.region, RegionFilter::Other);
        assert!(o.explain);
        assert_eq!(y, None);
    }

    #[test]
    fn bad_values_name_the_parameter() {
        for (k, v, want) in [
            ("kind", "robot", "parameter kind"),
            ("region", "north", "parameter region"),
            ("method", "magic", "parameter method"),
            ("top", "0", "from 1 to 100"),
            ("top", "101", "from 1 to 100"),
            ("top", "-3", "from 1 to 100"),
            ("from", "20x", "not a year"),
            ("years", "2009..2005", "FROM is after TO"),
            ("explain", "maybe", "yes/no"),
        ] {
            let q = p(&[(k, v)], &MATCH_KEYS).unwrap();
            let e = match_opts(&q, false).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST);
            assert!(e.message.contains(want), "{k}={v}: {}", e.message);
        }
    }

    #[test]
    fn open_year_ranges() {
        let q = p(&[("from", "2007")], &MATCH_KEYS).unwrap();
        assert_eq!(
            q.years().unwrap(),
            Some(YearRange {
                from: 2007,
                to: 9999
            })
        );
        let q = p(&[("from", "2008"), ("to", "2006")], &MATCH_KEYS).unwrap();
        assert!(q.years().unwrap_err().message.contains("after"));
        let q = p(&[("years", "2005..2006"), ("to", "2006")], &MATCH_KEYS).unwrap();
        assert!(q.years().unwrap_err().message.contains("not both"));
    }
}
