//! The JSON API: the CLI's report structs, byte for byte as `--format json`
//! writes them (pretty, with a final newline).
//!
//! | route | answer | CLI twin |
//! |---|---|---|
//! | `/api/search?q=NAME[&limit=N]` | `iuinet.search/1` ([`super::search`]) | — |
//! | `/api/match?actor=ID[&kind&region&method&top&years&explain]` | `iuinet.match/1` | `iuinet match --actor ID --format json` |
//! | `/api/brokers?[by=region&top=20]` | `iuinet.brokers/1` | `iuinet brokers --format json` |
//! | `/api/centrality?actor=ID` | `iuinet.centrality/1`, one node | `iuinet centrality --format json` |
//! | `/api/match-eval` | `iuinet.match-eval/1` | `iuinet match-eval --split-year LAST-1 --format json` |
//! | `/api/status` | which reports are ready | — |
//!
//! Errors: `{"error": MESSAGE}` with 400 (bad parameter), 404 (unknown
//! actor or route) or 503 (report still being computed; retry).

use super::params::{Fail, MATCH_KEYS, Params, match_opts};
use super::{BROKER_GROUPINGS, Console};
use crate::metrics::matching::{find_actor, match_actor};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;

type Pairs = Query<Vec<(String, String)>>;

/// A JSON reply: pretty, with a final newline, as the CLI writes it.
pub fn json<T: Serialize>(v: &T) -> Response {
    // the CLI's bytes: version field, no negative zero, final newline
    match crate::output::json_bytes(v) {
        Ok(b) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            b,
        )
            .into_response(),
        Err(e) => fail(Fail {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: e.to_string(),
        }),
    }
}

/// A JSON error reply.
pub fn fail(f: Fail) -> Response {
    let body = serde_json::json!({ "error": f.message });
    let mut b = serde_json::to_vec_pretty(&body).unwrap_or_default();
    b.push(b'\n');
    let mut r = (f.status, [(header::CONTENT_TYPE, "application/json")], b).into_response();
    if f.status == StatusCode::SERVICE_UNAVAILABLE {
        r.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    }
    r
}

/// Run `f` on the blocking pool (the computations are CPU-bound) and turn
/// its result into a response.
pub async fn blocking<F>(f: F) -> Result<Response, Fail>
where
    F: FnOnce() -> Result<Response, Fail> + Send + 'static,
{
    tokio::task::spawn_blocking(f).await.map_err(|e| Fail {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        message: format!("the request failed inside the server: {e}"),
    })?
}

/// The actor with this id: 404 with the CLI's "did you mean" otherwise.
pub fn actor_ix(c: &Console, id: &str) -> Result<crate::model::ActorIx, Fail> {
    find_actor(&c.net, id).map_err(|e| match e {
        crate::Error::Usage(m) => Fail::not_found(m),
        e => Fail::from_error(&e),
    })
}

fn reply(r: Result<Response, Fail>) -> Response {
    r.unwrap_or_else(fail)
}

/// `GET /api/status`: the dataset and which background reports are ready.
pub async fn status(State(c): State<Arc<Console>>) -> Response {
    let brokers: serde_json::Map<String, serde_json::Value> = BROKER_GROUPINGS
        .iter()
        .map(|&g| (g.as_str().to_string(), c.brokers_ready(g).is_some().into()))
        .collect();
    json(&serde_json::json!({
        "schema": "iuinet.console-status/1",
        "data": c.data,
        "actors": c.net.actors.len(),
        "links": c.view.csr.m(),
        "ready": {
            "brokers": brokers,
            "centrality": c.centrality_ready().is_some(),
            "match_eval": c.match_eval_ready().is_some(),
        }
    }))
}

/// `GET /api/search?q=NAME&limit=N` (limit 1 to 200, default 20).
pub async fn search(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &["q", "limit"])?;
        let query = p
            .get("q")
            .ok_or_else(|| {
                Fail::bad("parameter q is missing: give a name or an id (or part of one)")
            })?
            .to_string();
        let limit = p.count("limit", 20, super::search::MAX_LIMIT)?;
        Ok(json(&super::search::search(&c.net, &query, limit)))
    };
    reply(blocking(run).await)
}

/// `GET /api/match?actor=ID&…`: the report of `iuinet match --actor ID
/// --format json` with the same options (explain defaults to false, as
/// on the command line).
pub async fn matching(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = move || -> Result<Response, Fail> {
        let keys: Vec<&str> = MATCH_KEYS.iter().copied().chain(["actor"]).collect();
        let p = Params::new(q, &keys)?;
        let a = actor_ix(&c, p.actor("actor")?)?;
        let (o, years) = match_opts(&p, false)?;
        let view = c.view_for(years).map_err(|e| Fail::from_error(&e))?;
        let r = match_actor(&c.net, &view, a, &o).map_err(|e| Fail::from_error(&e))?;
        Ok(json(&r))
    };
    reply(blocking(run).await)
}

/// `GET /api/brokers?by=region&top=20` (top 0 = all): `iuinet brokers
/// --by BY --top N --format json`.
pub async fn brokers(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &["by", "top"])?;
        let by = p.group_by()?;
        let top = match p.get("top") {
            None => 20,
            Some(v) => v.parse::<usize>().map_err(|_| {
                Fail::bad(format!(
                    "parameter top: {v:?} is not a whole number (0 = all)"
                ))
            })?,
        };
        let all = c
            .brokers(by)
            .ok_or_else(|| Fail::bad(format!("parameter by: {by} is not offered")))?;
        // the report of the whole ranking, cut as `brokers(.., top)` cuts it
        let mut r = all.clone();
        if top > 0 {
            r.brokers.truncate(top);
        }
        Ok(json(&r))
    };
    reply(blocking(run).await)
}

/// `GET /api/centrality?actor=ID`: the actor's row of `iuinet centrality
/// --format json` (every measure, default view); 503 while the table is
/// being computed after start-up.
pub async fn centrality(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &["actor"])?;
        let a = actor_ix(&c, p.actor("actor")?)?;
        let t = c.centrality_ready().ok_or_else(|| {
            Fail::not_ready(
                "centrality is still being computed after start-up; retry in a few seconds",
            )
        })?;
        Ok(json(&one_node(&c, t, a)))
    };
    reply(blocking(run).await)
}

/// The centrality report of the default view reduced to one actor's row.
pub fn one_node(
    c: &Console,
    t: &crate::algo::CentralityTable,
    a: crate::model::ActorIx,
) -> crate::metrics::centrality::CentralityReport {
    let mut r = crate::metrics::centrality::report(&c.net, &c.view, c.data.clone(), t, None);
    let id = &c.net.actor(a).id;
    r.nodes.retain(|n| &n.id == id);
    r
}

/// `GET /api/match-eval`: the matchmaking evaluation (see
/// [`Console::match_eval_opts`]); 503 while it is being computed.
pub async fn match_eval(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = move || -> Result<Response, Fail> {
        Params::new(q, &[])?;
        match c.match_eval_ready() {
            None => Err(Fail::not_ready(
                "the matchmaking evaluation is still being computed after start-up; retry in a few seconds",
            )),
            Some(Ok(r)) => Ok(json(r)),
            Some(Err(m)) => Err(Fail::not_found(m.to_string())),
        }
    };
    reply(blocking(run).await)
}
