//! The HTML pages: search, actor, candidates (with the ego network and the
//! shortlist), brokers; plus the ego SVG, the shortlist CSV and the assets.
//! Pages read only what is ready: a report still being computed after
//! start-up shows as a notice, never blocks the page.

use super::api::{actor_ix, blocking};
use super::ego::{MAX_PARTNERS, ego, svg};
use super::html::{CSS, FAVICON, actor_href, esc, page, pct};
use super::params::{Fail, MATCH_KEYS, Params, match_opts};
use super::partners::partners;
use super::{BROKER_GROUPINGS, Console};
use crate::algo::Measure;
use crate::algo::linkpred::Method;
use crate::metrics::matching::{Explanation, MatchOpts, MatchReport, RegionFilter, match_actor};
use crate::model::{Actor, ActorIx, Kind, Layer};
use crate::present::{batch_csv, csv_bytes, fixed};
use crate::view::YearRange;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::sync::Arc;

type Pairs = Query<Vec<(String, String)>>;

/// Partners listed on the actor page.
pub const PARTNER_ROWS: usize = 50;

/// Members of an event or project named in an explanation before "and N more".
const WITH_SHOWN: usize = 6;

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn error_page(c: &Console, f: &Fail) -> Response {
    let title = match f.status {
        StatusCode::BAD_REQUEST => "Bad request",
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::SERVICE_UNAVAILABLE => "Not ready yet",
        _ => "Server error",
    };
    let body = format!(
        r#"<h1>{title}</h1><div class="card error"><pre id="error">{}</pre></div><p><a href="/">Search actors</a></p>"#,
        esc(&f.message)
    );
    html(f.status, page(title, &c.data, &body))
}

fn done(c: &Console, r: Result<Response, Fail>) -> Response {
    r.unwrap_or_else(|f| error_page(c, &f))
}

fn kind_badge(k: Kind) -> String {
    format!(r#"<span class="kind kind-{k}">{k}</span>"#)
}

fn tags(v: &[String]) -> String {
    v.iter()
        .map(|m| format!(r#"<span class="tag">{}</span>"#, esc(m)))
        .collect()
}

fn or_dash(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty())
        .map_or_else(|| r#"<span class="muted">–</span>"#.to_string(), esc)
}

fn actor_link(a: &Actor) -> String {
    format!(
        r#"<a href="{}">{}</a> <span class="muted">{}</span>"#,
        esc(&actor_href(&a.id)),
        esc(&a.name),
        esc(&a.id)
    )
}

/// `GET /`: the search form and, with `q`, the actors found.
pub async fn search(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let c2 = c.clone();
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &["q", "limit"])?;
        let query_text = p.get("q").unwrap_or("").to_string();
        let limit = p.count("limit", 50, super::search::MAX_LIMIT)?;
        let mut b = String::new();
        let _ = write!(
            b,
            r#"<h1>Find an actor</h1>
<form class="filters" action="/" method="get" role="search">
<label>Name or id<input type="search" id="q" name="q" value="{}" placeholder="e.g. Haesung Electronics or f00145" autofocus></label>
<button type="submit" id="search-go">Search</button>
</form>
<p class="muted">Prefix and misspelled names work; equal names are told apart by kind, region and mini cluster.
{} actors, {} linked pairs in the default view.</p>"#,
            esc(&query_text),
            c.net.actors.len(),
            c.view.csr.m()
        );
        if !query_text.is_empty() {
            let r = super::search::search(&c.net, &query_text, limit);
            let _ = write!(
                b,
                r#"<h2>{} actor{} found{}</h2>"#,
                r.total,
                if r.total == 1 { "" } else { "s" },
                if r.total as usize > r.results.len() {
                    format!(", the best {} shown", r.results.len())
                } else {
                    String::new()
                }
            );
            if !r.results.is_empty() {
                b.push_str(r#"<table id="results"><thead><tr><th>Actor</th><th>Kind</th><th>Region</th><th>Complex</th><th>Mini clusters</th><th>Match</th></tr></thead><tbody>"#);
                for h in &r.results {
                    let _ = write!(
                        b,
                        r#"<tr><td><a class="hit" href="{}">{}</a> <span class="muted">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="muted">{}</td></tr>"#,
                        esc(&actor_href(&h.id)),
                        esc(&h.name),
                        esc(&h.id),
                        kind_badge(h.kind),
                        or_dash(h.region.as_deref()),
                        or_dash(h.complex.as_deref()),
                        tags(&h.mini_clusters),
                        h.how
                    );
                }
                b.push_str("</tbody></table>");
            }
        }
        let title = if query_text.is_empty() {
            "Search".to_string()
        } else {
            format!("Search: {query_text}")
        };
        Ok(html(StatusCode::OK, page(&title, &c.data, &b)))
    };
    done(&c2, blocking(run).await)
}

/// `GET /actor?id=ID`: facts, centrality, brokerage roles, partners by
/// layer and year.
pub async fn actor(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let c2 = c.clone();
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &["id"])?;
        let ax = actor_ix(&c, p.actor("id")?)?;
        Ok(html(StatusCode::OK, actor_page(&c, ax)))
    };
    done(&c2, blocking(run).await)
}

fn actor_page(c: &Console, ax: ActorIx) -> String {
    let a = c.net.actor(ax);
    let mut b = String::new();
    let size = match (a.size_class, a.employees) {
        (Some(s), Some(e)) => format!("{s} ({e} employees)"),
        (Some(s), None) => s.to_string(),
        (None, Some(e)) => format!("{e} employees"),
        (None, None) => String::new(),
    };
    let _ = write!(
        b,
        r#"<h1 id="actor-name">{} {}</h1>
<p><a id="to-candidates" href="/candidates?id={}">Candidates for a new partnership →</a>
<span class="muted"> · JSON: <a href="/api/centrality?actor={id}">centrality</a>, <a href="/api/match?actor={id}&amp;explain=true">match</a></span></p>
<div class="grid2"><div class="card"><dl class="facts">
<dt>Id</dt><dd>{}</dd><dt>Kind</dt><dd>{}</dd><dt>Size class</dt><dd>{}</dd><dt>Region</dt><dd>{}</dd>
<dt>Complex</dt><dd>{}</dd><dt>Mini clusters</dt><dd>{}</dd><dt>Country</dt><dd>{}</dd></dl></div>"#,
        esc(&a.name),
        kind_badge(a.kind),
        pct(&a.id),
        esc(&a.id),
        a.kind,
        or_dash(Some(&size)),
        or_dash(a.region.as_deref()),
        or_dash(a.complex.as_deref()),
        if a.mini_clusters.is_empty() {
            or_dash(None)
        } else {
            tags(&a.mini_clusters)
        },
        or_dash(Some(&a.country)),
        id = pct(&a.id),
    );
    // centrality
    b.push_str(r#"<div class="card" id="centrality"><strong>Position in the network</strong> <span class="muted">(default view: every layer and year)</span>"#);
    match (c.centrality_ready(), c.view.node_of(ax)) {
        (Some(t), Some(v)) => {
            let v = v as usize;
            let _ = write!(
                b,
                r#"<dl class="facts"><dt>Partners (degree)</dt><dd>{}</dd><dt>Betweenness</dt><dd>{}</dd><dt>Closeness</dt><dd>{}</dd><dt>Eigenvector</dt><dd>{}</dd><dt>PageRank</dt><dd>{}</dd><dt>k-core</dt><dd>{}</dd></dl>"#,
                t.counts(Measure::Degree).map_or("-".into(), |d| d[v].to_string()),
                fixed(t.value(Measure::Betweenness, v), 6),
                fixed(t.value(Measure::Closeness, v), 4),
                fixed(t.value(Measure::Eigenvector, v), 6),
                fixed(t.value(Measure::Pagerank, v), 6),
                t.counts(Measure::Core).map_or("-".into(), |d| d[v].to_string()),
            );
        }
        (None, _) => b.push_str(r#"<p class="notice">Centrality is still being computed after start-up; reload in a few seconds.</p>"#),
        (_, None) => b.push_str("<p>Not in the view.</p>"),
    }
    b.push_str("</div></div>");
    // brokerage
    b.push_str(r#"<h2>Brokerage roles and constraint</h2><p class="muted">Gould–Fernandez roles (open two-paths through the actor, by the groups of its two partners) and Burt's constraint (low = many structural holes). A ratio is the count over its expectation under random ties.</p><table id="roles"><thead><tr><th>Groups by</th><th>Its group</th><th class="num">Coordinator</th><th class="num">Itinerant</th><th class="num">Boundary</th><th class="num">Liaison</th><th class="num">Total</th><th class="num">Ratio</th><th class="num">Rank</th><th class="num">Constraint</th><th class="num">Effective size</th><th class="num">Efficiency</th></tr></thead><tbody>"#);
    for by in BROKER_GROUPINGS {
        match c.brokers_ready(by) {
            None => {
                let _ = write!(
                    b,
                    r#"<tr><td>{by}</td><td colspan="11" class="muted">being computed after start-up; reload in a few seconds</td></tr>"#
                );
            }
            Some(r) => {
                if let Some((rank, x)) = r.brokers.iter().enumerate().find(|(_, x)| x.id == a.id) {
                    let _ = write!(
                        b,
                        r#"<tr><td>{by}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{} of {}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                        esc(&x.group),
                        x.roles.coordinator,
                        x.roles.itinerant,
                        x.roles.boundary,
                        x.roles.liaison,
                        x.roles.total,
                        fixed(x.ratio.total, 2),
                        rank + 1,
                        r.brokers.len(),
                        fixed(x.constraint, 4),
                        fixed(x.effective_size, 1),
                        fixed(x.efficiency, 3),
                    );
                }
            }
        }
    }
    b.push_str("</tbody></table>");
    // partners
    let ps = partners(&c.net, ax, None);
    let years: BTreeSet<Option<i32>> = ps.by_layer_year.keys().map(|k| k.1).collect();
    let _ = write!(
        b,
        r#"<h2>Current partners by layer and year</h2><p class="muted">{} partners in all. Distinct partners per layer and year (a partner met in several years counts in each):</p><table id="partners-by-year"><thead><tr><th>Layer</th>"#,
        ps.partners.len()
    );
    for y in &years {
        let _ = write!(
            b,
            r#"<th class="num">{}</th>"#,
            y.map_or("no year".to_string(), |y| y.to_string())
        );
    }
    b.push_str(r#"<th class="num">Any year</th></tr></thead><tbody>"#);
    for l in Layer::ALL {
        let _ = write!(b, "<tr><td>{l}</td>");
        for y in &years {
            let n = ps.by_layer_year.get(&(l, *y)).copied().unwrap_or(0);
            let _ = write!(b, r#"<td class="num">{n}</td>"#);
        }
        let _ = write!(
            b,
            r#"<td class="num">{}</td></tr>"#,
            ps.by_layer.get(&l).copied().unwrap_or(0)
        );
    }
    b.push_str("</tbody></table>");
    let _ = write!(
        b,
        r#"<h2>Partners with the most links</h2><table id="partners"><thead><tr><th>Partner</th><th>Kind</th><th>Region</th><th>Events</th><th>Projects</th><th>Ties</th><th class="num">Links</th></tr></thead><tbody>"#
    );
    for pl in ps.partners.iter().take(PARTNER_ROWS) {
        let pa = c.net.actor(pl.actor);
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td>",
            actor_link(pa),
            kind_badge(pa.kind),
            or_dash(pa.region.as_deref())
        );
        for l in Layer::ALL {
            let ys: Vec<String> = pl
                .links
                .iter()
                .filter(|(k, _)| k.0 == l)
                .map(|(k, n)| {
                    let y = k.1.map_or("no year".to_string(), |y| y.to_string());
                    if *n > 1 { format!("{y} ×{n}") } else { y }
                })
                .collect();
            let _ = write!(b, "<td>{}</td>", ys.join(", "));
        }
        let _ = write!(b, r#"<td class="num">{}</td></tr>"#, pl.total());
    }
    b.push_str("</tbody></table>");
    if ps.partners.len() > PARTNER_ROWS {
        let _ = write!(
            b,
            r#"<p class="muted">and {} more partners.</p>"#,
            ps.partners.len() - PARTNER_ROWS
        );
    }
    page(&a.name, &c.data, &b)
}

/// The filters of the candidates page as query pairs (for links and hidden
/// fields), skipping defaults.
fn filter_pairs(o: &MatchOpts, years: Option<YearRange>) -> Vec<(&'static str, String)> {
    let d = MatchOpts::default();
    let mut v = vec![
        (
            "kind",
            o.partner_kind.map_or(String::new(), |k| k.to_string()),
        ),
        (
            "region",
            if o.region == d.region {
                String::new()
            } else {
                o.region.to_string()
            },
        ),
        (
            "method",
            if o.method == d.method {
                String::new()
            } else {
                o.method.to_string()
            },
        ),
        (
            "top",
            if o.top == d.top {
                String::new()
            } else {
                o.top.to_string()
            },
        ),
    ];
    if let Some(y) = years {
        v.push(("from", y.from.to_string()));
        v.push(("to", y.to.to_string()));
    }
    v
}

fn options<T: std::fmt::Display + PartialEq>(
    all: &[T],
    sel: Option<&T>,
    any: Option<&str>,
) -> String {
    let mut s = String::new();
    if let Some(any) = any {
        let _ = write!(
            s,
            r#"<option value=""{}>{any}</option>"#,
            if sel.is_none() { " selected" } else { "" }
        );
    }
    for x in all {
        let _ = write!(
            s,
            r#"<option value="{x}"{}>{x}</option>"#,
            if sel == Some(x) { " selected" } else { "" }
        );
    }
    s
}

/// The match and the picture for a candidates request.
struct Candidates {
    actor: ActorIx,
    opts: MatchOpts,
    years: Option<YearRange>,
    report: MatchReport,
}

fn candidates_for(c: &Console, p: &Params, key: &str) -> Result<Candidates, Fail> {
    let actor = actor_ix(c, p.actor(key)?)?;
    let (mut opts, years) = match_opts(p, true)?;
    opts.explain = true;
    let view = c.view_for(years).map_err(|e| Fail::from_error(&e))?;
    let report = match_actor(&c.net, &view, actor, &opts).map_err(|e| Fail::from_error(&e))?;
    Ok(Candidates {
        actor,
        opts,
        years,
        report,
    })
}

fn ego_picture(c: &Console, k: &Candidates, seed: u64) -> String {
    let cands: Vec<ActorIx> = k
        .report
        .result
        .candidates
        .iter()
        .filter_map(|r| c.net.actor_ix(&r.actor.id))
        .collect();
    let e = ego(&c.net, k.actor, &cands, k.years, MAX_PARTNERS);
    svg(&c.net, &e, seed, &|x| actor_href(&c.net.actor(x).id))
}

const CANDIDATE_KEYS: [&str; 10] = [
    "id", "kind", "region", "method", "top", "years", "from", "to", "explain", "seed",
];

/// `GET /candidates?id=ID&kind&region&method&from&to&top`: ranked
/// candidates with explanations, the ego network and the shortlist form.
pub async fn candidates(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let c2 = c.clone();
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &CANDIDATE_KEYS)?;
        let seed = p.parse::<u64>("seed")?.unwrap_or(1);
        let k = candidates_for(&c, &p, "id")?;
        Ok(html(StatusCode::OK, candidates_page(&c, &k, seed)))
    };
    done(&c2, blocking(run).await)
}

fn candidates_page(c: &Console, k: &Candidates, seed: u64) -> String {
    let a = c.net.actor(k.actor);
    let o = &k.opts;
    let r = &k.report.result;
    let mut b = String::new();
    let _ = write!(
        b,
        r#"<h1>Candidates for <a href="{}" id="actor-name">{}</a> {}</h1>
<p class="muted">{} · region {} · {} partner{} in the view. Ranked as <code>iuinet match --explain</code> ranks them: unlinked actors scored by {}, ties by id.</p>"#,
        esc(&actor_href(&a.id)),
        esc(&a.name),
        kind_badge(a.kind),
        esc(&a.id),
        esc(a.region.as_deref().unwrap_or("unknown")),
        r.degree,
        if r.degree == 1 { "" } else { "s" },
        o.method
    );
    // filters
    let (from, to) = k.years.map_or((String::new(), String::new()), |y| {
        (y.from.to_string(), y.to.to_string())
    });
    let _ = write!(
        b,
        r#"<form class="filters card" id="filters" action="/candidates" method="get">
<input type="hidden" name="id" value="{}">
<label>Kind<select name="kind" id="f-kind">{}</select></label>
<label>Region<select name="region" id="f-region">{}</select></label>
<label>Method<select name="method" id="f-method">{}</select></label>
<label>Years from<input type="number" name="from" id="f-from" value="{from}" min="0" max="9999"></label>
<label>to<input type="number" name="to" id="f-to" value="{to}" min="0" max="9999"></label>
<label>Show<input type="number" name="top" id="f-top" value="{}" min="1" max="{}"></label>
<button type="submit" id="apply">Apply filters</button>
</form>"#,
        esc(&a.id),
        options(&Kind::ALL, o.partner_kind.as_ref(), Some("any")),
        options(
            &[RegionFilter::Any, RegionFilter::Same, RegionFilter::Other],
            Some(&o.region),
            None
        ),
        options(&Method::ALL, Some(&o.method), None),
        o.top,
        super::params::MAX_TOP,
    );
    let _ = write!(
        b,
        r#"<h2>Ego network</h2><div class="ego">{}</div><p class="muted">The actor (centre), up to {} of its partners (those with the most links{}) and the candidates below (dashed). Colour: kind. Line: the most direct layer linking the pair. Click a node to open its page.</p>"#,
        ego_picture(c, k, seed),
        MAX_PARTNERS,
        k.years
            .map_or(String::new(), |y| format!(" in {}–{}", y.from, y.to)),
    );
    // candidates and shortlist
    let _ = write!(
        b,
        r#"<h2>Candidates</h2><form id="shortlist" action="/shortlist.csv" method="get"><input type="hidden" name="id" value="{}">"#,
        esc(&a.id)
    );
    for (key, v) in filter_pairs(o, k.years) {
        if !v.is_empty() {
            let _ = write!(
                b,
                r#"<input type="hidden" name="{key}" value="{}">"#,
                esc(&v)
            );
        }
    }
    if r.candidates.is_empty() {
        b.push_str(r#"<p class="card notice" id="no-candidates">No candidate: no unlinked actor passing the filters shares evidence with this actor.</p></form>"#);
        return page(&format!("Candidates: {}", a.name), &c.data, &b);
    }
    b.push_str(r#"<table id="candidates"><thead><tr><th>Pick</th><th class="num">#</th><th>Candidate</th><th>Kind</th><th>Region</th><th class="num">Score</th><th>Why</th></tr></thead><tbody>"#);
    for row in &r.candidates {
        let _ = write!(
            b,
            r#"<tr class="candidate"><td><input type="checkbox" name="pick" value="{}" aria-label="pick {}"></td><td class="num">{}</td><td><a href="{}">{}</a> <span class="muted">{}</span></td><td>{}</td><td>{}</td><td class="num">{}</td><td class="explain">{}</td></tr>"#,
            esc(&row.actor.id),
            esc(&row.actor.name),
            row.rank,
            esc(&actor_href(&row.actor.id)),
            esc(&row.actor.name),
            esc(&row.actor.id),
            kind_badge(row.actor.kind),
            or_dash(row.actor.region.as_deref()),
            fixed(Some(row.score), 4),
            row.explanation
                .as_ref()
                .map_or(String::new(), explanation_html),
        );
    }
    b.push_str(r#"</tbody></table><p><button type="submit" id="download">Download shortlist (CSV)</button> <span class="muted">the picked candidates, or all of them if none is picked; columns as <code>iuinet match --format csv</code>.</span></p></form>"#);
    page(&format!("Candidates: {}", a.name), &c.data, &b)
}

fn explanation_html(e: &Explanation) -> String {
    let mut s = String::from("<ul>");
    if !e.partners.is_empty() {
        let more = e.partners_total as usize - e.partners.len();
        let _ = write!(
            s,
            "<li>{} shared partner{}: {}{}</li>",
            e.partners_total,
            if e.partners_total == 1 { "" } else { "s" },
            e.partners
                .iter()
                .take(5)
                .map(|p| format!(
                    r#"<a href="{}">{}</a> (+{:.4})"#,
                    esc(&actor_href(&p.id)),
                    esc(&p.name),
                    p.contribution
                ))
                .collect::<Vec<_>>()
                .join(", "),
            if more + e.partners.len().saturating_sub(5) > 0 {
                format!(", and {} more", more + e.partners.len().saturating_sub(5))
            } else {
                String::new()
            }
        );
    }
    if !e.mini_clusters.is_empty() {
        let _ = write!(
            s,
            "<li>shared mini clusters: {}</li>",
            tags(&e.mini_clusters)
        );
    }
    for (label, gs, total) in [
        ("events", &e.events, e.events_total),
        ("projects", &e.projects, e.projects_total),
    ] {
        if gs.is_empty() {
            continue;
        }
        let more = total as usize - gs.len().min(3);
        let _ = write!(
            s,
            "<li>{total} {label}: {}{}</li>",
            gs.iter()
                .take(3)
                .map(|g| {
                    let with = if g.with.len() > WITH_SHOWN {
                        format!(
                            "{} and {} more",
                            g.with[..WITH_SHOWN].join(", "),
                            g.with.len() - WITH_SHOWN
                        )
                    } else {
                        g.with.join(", ")
                    };
                    format!(
                        r#"{} <span class="muted">({} {}, with {})</span>"#,
                        esc(&g.id),
                        esc(&g.kind),
                        g.year.map_or("-".to_string(), |y| y.to_string()),
                        esc(&with)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        );
    }
    s.push_str("</ul>");
    s
}

/// `GET /ego.svg?id=ID&…&seed=S`: the ego network picture alone.
pub async fn ego_svg(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let c2 = c.clone();
    let run = move || -> Result<Response, Fail> {
        let p = Params::new(q, &CANDIDATE_KEYS)?;
        let seed = p.parse::<u64>("seed")?.unwrap_or(1);
        let k = candidates_for(&c, &p, "id")?;
        Ok((
            StatusCode::OK,
            [(header::CONTENT_TYPE, "image/svg+xml")],
            ego_picture(&c, &k, seed),
        )
            .into_response())
    };
    done(&c2, blocking(run).await)
}

/// `GET /shortlist.csv?id=ID&pick=ID…&filters`: the picked candidates (all
/// if none) as `iuinet match --format csv` rows, as a download.
pub async fn shortlist(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let c2 = c.clone();
    let run = move || -> Result<Response, Fail> {
        let keys: Vec<&str> = MATCH_KEYS.iter().copied().chain(["id", "pick"]).collect();
        let p = Params::new(q, &keys)?;
        let mut k = candidates_for(&c, &p, "id")?;
        let picks = p.all("pick");
        if let Some(bad) = picks
            .iter()
            .find(|&&x| !k.report.result.candidates.iter().any(|r| r.actor.id == x))
        {
            return Err(Fail::bad(format!(
                "pick {bad:?} is not among the candidates for these filters; reload the candidates page and pick again"
            )));
        }
        if !picks.is_empty() {
            k.report
                .result
                .candidates
                .retain(|r| picks.contains(&r.actor.id.as_str()));
        }
        let bytes = csv_bytes(&[batch_csv(std::slice::from_ref(&k.report.result))])
            .map_err(|e| Fail::from_error(&e))?;
        let file: String = c
            .net
            .actor(k.actor)
            .id
            .chars()
            .map(|ch| {
                if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                    ch
                } else {
                    '_'
                }
            })
            .collect();
        Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(r#"attachment; filename="shortlist-{file}.csv""#),
                ),
            ],
            bytes,
        )
            .into_response())
    };
    done(&c2, blocking(run).await)
}

/// `GET /brokers?by=region&top=25`: the top brokers for a grouping and the
/// matchmaking evaluation of the dataset.
pub async fn brokers(State(c): State<Arc<Console>>, Query(q): Pairs) -> Response {
    let run = || -> Result<Response, Fail> {
        let p = Params::new(q, &["by", "top"])?;
        let by = p.group_by()?;
        let top = p.count("top", 25, 1000)?;
        let mut b = String::new();
        let _ = write!(
            b,
            r#"<h1>Brokers</h1><form class="filters card" action="/brokers" method="get">
<label>Groups by<select name="by" id="f-by">{}</select></label>
<label>Show<input type="number" name="top" value="{top}" min="1" max="1000"></label>
<button type="submit">Show</button></form>
<p class="muted">Who bridges groups: actors ranked by open two-paths through them (Gould–Fernandez roles with respect to the grouping), then by lowest constraint. Same as <code>iuinet brokers --by {by} --top {top}</code>.</p>"#,
            options(&BROKER_GROUPINGS, Some(&by), None)
        );
        match c.brokers_ready(by) {
            None => b.push_str(r#"<p class="card notice">The brokerage report is still being computed after start-up; reload in a few seconds.</p>"#),
            Some(r) => {
                let _ = write!(
                    b,
                    r#"<p>{} actors, {} linked pairs, density {:.4}; groups: {}.</p><table id="brokers"><thead><tr><th class="num">#</th><th>Actor</th><th>Kind</th><th>Group</th><th class="num">Partners</th><th class="num">Coordinator</th><th class="num">Itinerant</th><th class="num">Boundary</th><th class="num">Liaison</th><th class="num">Total</th><th class="num">Ratio</th><th class="num">Constraint</th><th class="num">Efficiency</th></tr></thead><tbody>"#,
                    r.actors,
                    r.pairs,
                    r.density,
                    r.groups
                        .iter()
                        .map(|g| format!("{} ({})", esc(&g.name), g.actors))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                for (i, x) in r.brokers.iter().take(top).enumerate() {
                    let _ = write!(
                        b,
                        r#"<tr><td class="num">{}</td><td><a href="{}">{}</a> <span class="muted">{}</span></td><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                        i + 1,
                        esc(&actor_href(&x.id)),
                        esc(&x.name),
                        esc(&x.id),
                        kind_badge(x.kind),
                        esc(&x.group),
                        x.degree,
                        x.roles.coordinator,
                        x.roles.itinerant,
                        x.roles.boundary,
                        x.roles.liaison,
                        x.roles.total,
                        fixed(x.ratio.total, 2),
                        fixed(x.constraint, 4),
                        fixed(x.efficiency, 3),
                    );
                }
                b.push_str("</tbody></table>");
            }
        }
        b.push_str("<h2>How good are the recommendations?</h2>");
        match c.match_eval_ready() {
            None => b.push_str(r#"<p class="card notice">The matchmaking evaluation is still being computed after start-up; reload in a few seconds.</p>"#),
            Some(Err(m)) => {
                let _ = write!(b, r#"<p class="card notice">{}</p>"#, esc(m));
            }
            Some(Ok(r)) => {
                let _ = write!(
                    b,
                    r#"<p class="muted">Trained on links of {} ({} linked pairs among {} actors), tested on the {} new pairs of {} ({} actors with a new link). AUC from {} sampled comparisons; precision and recall of each actor's top {}. Same as <code>iuinet match-eval --split-year {}</code>.</p><table id="match-eval"><thead><tr><th>Method</th><th class="num">AUC</th><th class="num">Precision@{k}</th><th class="num">Recall@{k}</th><th class="num">Lift over random</th></tr></thead><tbody>"#,
                    r.train_years,
                    r.train_pairs,
                    r.actors_present,
                    r.test_pairs,
                    r.test_years,
                    r.actors_evaluated,
                    r.options.eval.auc_samples,
                    r.options.eval.k,
                    r.options.split_year,
                    k = r.options.eval.k,
                );
                for x in &r.results {
                    let _ = write!(
                        b,
                        r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
                        esc(&x.method),
                        fixed(x.auc, 3),
                        fixed(x.precision_at_k, 4),
                        fixed(x.recall_at_k, 4),
                        fixed(x.lift, 1),
                    );
                }
                b.push_str("</tbody></table>");
            }
        }
        Ok(html(StatusCode::OK, page("Brokers", &c.data, &b)))
    };
    done(&c, run())
}

/// `GET /assets/console.css`.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// `GET /favicon.svg`.
pub async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        FAVICON,
    )
        .into_response()
}

/// Any other path: 404, JSON under `/api/`, a page elsewhere.
pub async fn not_found(State(c): State<Arc<Console>>, uri: axum::http::Uri) -> Response {
    let f = Fail::not_found(format!("no page at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        super::api::fail(f)
    } else {
        error_page(&c, &f)
    }
}
