//! `iuinet serve`: the broker's console, a read-only web application over
//! one dataset held in memory.
//!
//! Cluster agencies broker collaboration: their coordinators look up a firm,
//! see who it works with and ask who it should meet next. The console gives
//! them that without a command line: search by name or id, an actor page,
//! ranked candidates with the evidence behind each (the same ranking and
//! explanations as `iuinet match --explain`), an ego-network picture, the
//! brokers of the network and a shortlist to download as CSV. Every page is
//! rendered on the server (no script; every asset comes from the binary),
//! and a JSON API under `/api/` returns the CLI's report structs.
//!
//! The dataset is loaded once. The default view (all layers and years) is
//! built before the server answers; the brokerage reports, centrality and
//! the matchmaking evaluation are computed right after start-up on a
//! background thread pool of half the cores, apart from the pool requests
//! use (pages show them once ready; the API answers 503 until then for
//! centrality and the evaluation). Views restricted to a year range are built on
//! demand and the last few are kept.
//!
//! Layout: [`pages`] (HTML), [`api`] (JSON), [`params`] (query parsing, 400
//! messages), [`html`] (escaping, page frame, stylesheet), [`search`]
//! (name and id search), [`partners`] (an actor's links by layer and year),
//! [`ego`] (ego-network selection, seeded force layout, SVG).

pub mod api;
pub mod ego;
pub mod html;
pub mod pages;
pub mod params;
pub mod partners;
pub mod search;

use crate::algo::linkpred::Method;
use crate::algo::linkpred_eval::EvalOpts;
use crate::algo::{CentralityOpts, CentralityTable, Measure};
use crate::error::{Error, Result};
use crate::metrics::brokers::{BrokersReport, GroupBy, brokers};
use crate::metrics::match_eval::{MatchEvalOpts, MatchEvalReport, match_eval, year_span};
use crate::model::Network;
use crate::view::{View, ViewOpts, YearRange};
use axum::Router;
use axum::http::{HeaderValue, header};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Year-restricted views kept in memory (most recently used last).
pub const VIEW_CACHE: usize = 6;

/// The groupings the brokers page offers.
pub const BROKER_GROUPINGS: [GroupBy; 3] = [GroupBy::Region, GroupBy::Kind, GroupBy::MiniCluster];

/// Everything the console answers from: the network, its default view and
/// the reports derived from them.
pub struct Console {
    /// The dataset.
    pub net: Network,
    /// Its name as shown on pages and in reports (`DATA` or the embedded name).
    pub data: String,
    /// The default view: every layer and year, unweighted.
    pub view: Arc<View>,
    views: Mutex<Vec<(YearRange, Arc<View>)>>,
    brokers: [OnceLock<BrokersReport>; 3],
    centrality: OnceLock<CentralityTable>,
    match_eval: OnceLock<std::result::Result<MatchEvalReport, String>>,
}

impl Console {
    /// Build the default view of `net`; nothing else is computed yet (see
    /// [`Console::precompute`]).
    pub fn new(net: Network, data: String) -> Result<Console> {
        let view = Arc::new(View::build(&net, &ViewOpts::default())?);
        Ok(Console {
            net,
            data,
            view,
            views: Mutex::new(Vec::new()),
            brokers: Default::default(),
            centrality: OnceLock::new(),
            match_eval: OnceLock::new(),
        })
    }

    /// Compute the brokerage reports, centrality and the matchmaking
    /// evaluation now (the server calls this on a background thread).
    pub fn precompute(&self) {
        for by in BROKER_GROUPINGS {
            let _ = self.brokers(by);
        }
        let _ = self.match_eval();
        let _ = self.centrality_table();
    }

    /// The view for a year range (`None`: the default view), built on first
    /// use and kept among the last [`VIEW_CACHE`].
    pub fn view_for(&self, years: Option<YearRange>) -> Result<Arc<View>> {
        let Some(y) = years else {
            return Ok(self.view.clone());
        };
        {
            let mut cache = self.views.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(i) = cache.iter().position(|(r, _)| *r == y) {
                let hit = cache.remove(i);
                let v = hit.1.clone();
                cache.push(hit);
                return Ok(v);
            }
        }
        let mut opts = ViewOpts::default();
        opts.selection.years = Some(y);
        let v = Arc::new(View::build(&self.net, &opts)?);
        let mut cache = self.views.lock().unwrap_or_else(|e| e.into_inner());
        if !cache.iter().any(|(r, _)| *r == y) {
            cache.push((y, v.clone()));
            if cache.len() > VIEW_CACHE {
                cache.remove(0);
            }
        }
        Ok(v)
    }

    /// The brokerage report of the default view for a grouping (all actors),
    /// or `None` for a grouping the console does not offer.
    pub fn brokers(&self, by: GroupBy) -> Option<&BrokersReport> {
        let i = BROKER_GROUPINGS.iter().position(|&g| g == by)?;
        Some(self.brokers[i].get_or_init(|| brokers(&self.net, &self.view, by, 0)))
    }

    /// The brokerage report for a grouping if it has been computed.
    pub fn brokers_ready(&self, by: GroupBy) -> Option<&BrokersReport> {
        let i = BROKER_GROUPINGS.iter().position(|&g| g == by)?;
        self.brokers[i].get()
    }

    /// Every centrality measure of the default view (computed once).
    pub fn centrality_table(&self) -> &CentralityTable {
        self.centrality.get_or_init(|| {
            crate::algo::centrality(
                &self.view,
                &CentralityOpts {
                    measures: Measure::ALL.to_vec(),
                    approx: None,
                    top_edges: None,
                },
            )
        })
    }

    /// The centrality table if it has been computed.
    pub fn centrality_ready(&self) -> Option<&CentralityTable> {
        self.centrality.get()
    }

    /// The matchmaking evaluation of the dataset (see [`Console::match_eval_opts`]),
    /// or why there is none.
    pub fn match_eval(&self) -> std::result::Result<&MatchEvalReport, &str> {
        self.match_eval
            .get_or_init(|| match self.match_eval_opts() {
                None => Err(
                    "the dataset has fewer than two years of dated links, so there is no \
                     temporal split to evaluate on"
                        .to_string(),
                ),
                Some(o) => {
                    match_eval(&self.net, &ViewOpts::default(), &o).map_err(|e| e.to_string())
                }
            })
            .as_ref()
            .map_err(|e| e.as_str())
    }

    /// The matchmaking evaluation if it has been computed.
    pub fn match_eval_ready(&self) -> Option<std::result::Result<&MatchEvalReport, &str>> {
        self.match_eval
            .get()
            .map(|r| r.as_ref().map_err(|e| e.as_str()))
    }

    /// The options of the console's evaluation: `iuinet match-eval
    /// --split-year LAST-1` with the CLI's defaults (k = 10, 10 000 AUC
    /// samples, seed 1, every method but preferential attachment, which is
    /// reported with random anyway). `None` when the links span under two years.
    pub fn match_eval_opts(&self) -> Option<MatchEvalOpts> {
        let (first, last) = year_span(&self.net)?;
        (last > first).then(|| MatchEvalOpts {
            split_year: last - 1,
            eval: EvalOpts {
                k: 10,
                auc_samples: 10_000,
                seed: 1,
            },
            methods: Method::ALL
                .into_iter()
                .filter(|&m| m != Method::PreferentialAttachment)
                .collect(),
        })
    }
}

/// The console's routes: pages, assets and the JSON API, with security
/// headers on every response.
pub fn router(console: Arc<Console>) -> Router {
    use axum::routing::get;
    Router::new()
        .route("/", get(pages::search))
        .route("/actor", get(pages::actor))
        .route("/candidates", get(pages::candidates))
        .route("/ego.svg", get(pages::ego_svg))
        .route("/shortlist.csv", get(pages::shortlist))
        .route("/brokers", get(pages::brokers))
        .route("/assets/console.css", get(pages::stylesheet))
        .route("/favicon.svg", get(pages::favicon))
        .route("/api/status", get(api::status))
        .route("/api/search", get(api::search))
        .route("/api/match", get(api::matching))
        .route("/api/brokers", get(api::brokers))
        .route("/api/centrality", get(api::centrality))
        .route("/api/match-eval", get(api::match_eval))
        .fallback(pages::not_found)
        .with_state(console)
        .layer(CatchPanicLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                 base-uri 'none'; frame-ancestors 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// Serve the console on `bind` until Ctrl-C (or SIGTERM): bind, call
/// `announce` with the address actually bound (port 0 picks a free one),
/// start the background computations and answer requests. Returns after a
/// graceful shutdown.
pub fn run(console: Console, bind: SocketAddr, announce: impl FnOnce(SocketAddr)) -> Result<()> {
    let io = |e: std::io::Error| Error::Io {
        path: format!("listen address {bind}").into(),
        source: e,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("iuinet-serve")
        .build()
        .map_err(io)?;
    let console = Arc::new(console);
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(bind).await.map_err(io)?;
        let addr = listener.local_addr().map_err(io)?;
        announce(addr);
        let bg = console.clone();
        std::thread::Builder::new()
            .name("iuinet-precompute".into())
            .spawn(move || {
                // a pool of its own with half the threads: requests use the
                // global pool and never queue behind a long report
                let threads = (rayon::current_num_threads() / 2).max(1);
                match rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("iuinet-precompute-{i}"))
                    .build()
                {
                    Ok(pool) => pool.install(|| bg.precompute()),
                    Err(_) => bg.precompute(),
                }
            })
            .map_err(io)?;
        axum::serve(listener, router(console))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(io)
    })?;
    // the precompute thread may still run: the process ends next
    rt.shutdown_background();
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // if no handler can be installed, wait forever (SIGTERM still works)
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term => {},
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}
