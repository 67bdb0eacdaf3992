//! Find actors by name or id: exact, prefix, substring, then fuzzy.
//!
//! Each actor is compared with the query, both lower-cased and with runs
//! of white space collapsed, and gets the best of these matches (a lower
//! tier ranks first):
//!
//! | tier | `how`         | condition                                            |
//! |------|---------------|------------------------------------------------------|
//! | 0    | `id`          | id equals the query                                  |
//! | 1    | `name`        | name equals the query                                |
//! | 2    | `id-prefix`   | id starts with the query                             |
//! | 3    | `name-prefix` | name, or one of its words, starts with the query     |
//! | 4    | `substring`   | name contains the query                              |
//! | 5    | `fuzzy`       | Jaro–Winkler similarity ≥ [`FUZZY_MIN`] between the query and the name, or between each query word and its closest name word (mean over query words) |
//!
//! Within a tier: higher similarity first (Jaro–Winkler of query and name),
//! then name, then id, so equal names stay in one stable order. Every row
//! carries kind, region, complex and mini clusters, which tell equal names
//! apart.

use crate::model::{Actor, Kind, Network};
use serde::Serialize;

/// Lowest similarity a fuzzy match needs.
pub const FUZZY_MIN: f64 = 0.85;

/// Most results a search may return.
pub const MAX_LIMIT: usize = 200;

/// One actor found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: Kind,
    /// Region, when known.
    pub region: Option<String>,
    /// Industrial complex, when known.
    pub complex: Option<String>,
    /// Mini clusters listed for the actor.
    pub mini_clusters: Vec<String>,
    /// How it matched: id, name, id-prefix, name-prefix, substring or fuzzy.
    pub how: &'static str,
    /// Jaro–Winkler similarity of query and name (0 to 1, 1 = equal).
    pub similarity: f64,
}

/// The answer of a search (JSON schema `iuinet.search/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchReport {
    /// `iuinet.search/1`.
    pub schema: &'static str,
    /// The query as given.
    pub query: String,
    /// Actors matching in any tier (before the limit).
    pub total: u64,
    /// The best `limit` of them, best first.
    pub results: Vec<SearchHit>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Tier and similarity of one actor, or `None` if it does not match.
fn score(q: &str, q_words: &[&str], a: &Actor) -> Option<(u8, f64)> {
    let id = a.id.to_lowercase();
    let name = norm(&a.name);
    let sim = strsim::jaro_winkler(q, &name);
    let tier = if id == q {
        0
    } else if name == q {
        1
    } else if id.starts_with(q) {
        2
    } else if name.starts_with(q) || name.split(' ').any(|w| w.starts_with(q)) {
        3
    } else if name.contains(q) {
        4
    } else {
        let words: Vec<&str> = name.split(' ').collect();
        let per_word = q_words
            .iter()
            .map(|qw| {
                words
                    .iter()
                    .map(|w| strsim::jaro_winkler(qw, w))
                    .fold(0.0, f64::max)
            })
            .sum::<f64>()
            / q_words.len().max(1) as f64;
        if sim.max(per_word) < FUZZY_MIN {
            return None;
        }
        5
    };
    Some((tier, sim))
}

const HOW: [&str; 6] = [
    "id",
    "name",
    "id-prefix",
    "name-prefix",
    "substring",
    "fuzzy",
];

/// Actors matching `query`, best first, at most `limit`.
///
/// Time O(n · (|name| + |query|)²) for n actors (the fuzzy comparisons).
pub fn search(net: &Network, query: &str, limit: usize) -> SearchReport {
    let q = norm(query);
    let q_words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
    let mut hits: Vec<(u8, f64, &Actor)> = if q.is_empty() {
        Vec::new()
    } else {
        net.actors
            .iter()
            .filter_map(|a| score(&q, &q_words, a).map(|(t, s)| (t, s, a)))
            .collect()
    };
    hits.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(y.1.total_cmp(&x.1))
            .then_with(|| x.2.name.cmp(&y.2.name))
            .then_with(|| x.2.id.cmp(&y.2.id))
    });
    let total = hits.len() as u64;
    hits.truncate(limit);
    SearchReport {
        schema: "iuinet.search/1",
        query: query.to_string(),
        total,
        results: hits
            .into_iter()
            .map(|(t, s, a)| SearchHit {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                region: a.region.clone(),
                complex: a.complex.clone(),
                mini_clusters: a.mini_clusters.clone(),
                how: HOW[t as usize],
                similarity: s,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net() -> Network {
        crate::ingest::from_csv_strs(
            "id,name,kind,region,mini_clusters\n\
             f1,Haesung Electronics,firm,Honam,mcA\n\
             f2,Haesung Electronics,firm,Dongnam,mcB\n\
             f3,Daeil Photonics,firm,Honam,\n\
             u1,Chonnam National University,university,Honam,\n\
             f10,Haesung Chemical,firm,Honam,\n",
            None,
            None,
            None,
        )
        .unwrap()
    }

    fn ids(r: &SearchReport) -> Vec<(&str, &str)> {
        r.results.iter().map(|h| (h.id.as_str(), h.how)).collect()
    }

    #[test]
    fn tiers_in_order() {
        let n = net();
        // id first, then the id prefix
        assert_eq!(
            ids(&search(&n, "f1", 10)),
            vec![("f1", "id"), ("f10", "id-prefix")]
        );
        // equal names: both, told apart by region, in id order
        let r = search(&n, "haesung   ELECTRONICS", 10);
        assert_eq!(ids(&r)[..2], [("f1", "name"), ("f2", "name")]);
        // the close name "Haesung Chemical" follows as a fuzzy hit
        let whole = strsim::jaro_winkler("haesung electronics", "haesung chemical");
        assert!(whole >= FUZZY_MIN, "{whole}");
        assert_eq!(ids(&r)[2..], [("f10", "fuzzy")]);
        assert_eq!(r.results[1].region.as_deref(), Some("Dongnam"));
        assert_eq!(r.results[1].mini_clusters, vec!["mcB"]);
        // word prefix, then substring
        let r = search(&n, "nati", 10);
        assert_eq!(ids(&r), vec![("u1", "name-prefix")]);
        let r = search(&n, "otonic", 10);
        assert_eq!(ids(&r), vec![("f3", "substring")]);
    }

    #[test]
    fn fuzzy_finds_misspellings_and_not_noise() {
        let n = net();
        let r = search(&n, "Haesong Electronic", 10);
        assert_eq!(
            ids(&r)[..2],
            [("f1", "fuzzy"), ("f2", "fuzzy")],
            "{:?}",
            ids(&r)
        );
        assert!(r.results[0].similarity >= FUZZY_MIN);
        assert!(search(&n, "zzzzqqq", 10).results.is_empty());
        assert!(search(&n, "   ", 10).results.is_empty());
    }

    #[test]
    fn limit_keeps_the_best_and_counts_all() {
        let r = search(&net(), "haesung", 1);
        assert_eq!(r.total, 3);
        assert_eq!(r.results.len(), 1);
        // same tier (name-prefix), similarity decides: "haesung chemical"
        // vs "haesung electronics" against "haesung"
        let a = strsim::jaro_winkler("haesung", "haesung chemical");
        let b = strsim::jaro_winkler("haesung", "haesung electronics");
        let want = if a > b { "f10" } else { "f1" };
        assert_eq!(r.results[0].id, want);
    }
}
