//! Python bindings of iuinet: the extension module `iuinet._core`.
//!
//! Thin by design: each method parses its arguments, calls one of the
//! library's high-level entry points (`ingest::load_with`,
//! `view::View::build`, `algo::centrality_with`, `metrics::…`) and hands
//! the result to Python: reports as the CLI's JSON text
//! ([`iuinet::output::json_bytes`], so the bytes equal `iuinet … --format
//! json`), vectors as NumPy arrays. The user-facing classes, docstrings and
//! pandas/NetworkX/igraph conversions live in `pysrc/iuinet/__init__.py`.
//!
//! Every computation runs on a worker thread with the GIL released while
//! the calling thread waits and checks for signals every 50 ms. On Ctrl-C
//! the computations that report progress (betweenness, closeness and
//! harmonic traversals, the metrics' network section) stop at their next
//! block of sources; the others finish first. Either way the call raises
//! `KeyboardInterrupt`.

use iuinet::algo::{self, ApproxOpts, CentralityOpts, Measure};
use iuinet::error::Error;
use iuinet::metrics;
use iuinet::model::{Kind, Layer, Network as CoreNetwork};
use iuinet::view::{PathLength, Selection, View as CoreView, ViewOpts, Weighting, YearRange};
use numpy::{IntoPyArray, PyArray1};
use pyo3::create_exception;
use pyo3::exceptions::{
    PyFileNotFoundError, PyOSError, PyPermissionError, PyRuntimeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::fmt::Display;
use std::panic::AssertUnwindSafe;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

create_exception!(
    iuinet,
    DataError,
    PyValueError,
    "Invalid input data. `file` and `line` locate the first problem, `hint` \
     says how to fix it, `problems` lists every problem found (dicts with \
     file, line, message, hint) and `more` counts those not listed."
);

/// Raise iuinet's error as the matching Python exception.
fn py_err(e: Error) -> PyErr {
    Python::attach(|py| match &e {
        Error::Data { problems, more } => {
            let err = DataError::new_err(e.to_string());
            let v = err.value(py);
            let first = problems.first();
            let path = |p: &iuinet::Problem| p.path.display().to_string();
            let _ = v.setattr("file", first.map(path));
            let _ = v.setattr("line", first.and_then(|p| p.line));
            let _ = v.setattr("hint", first.and_then(|p| p.hint.clone()));
            let list = PyList::empty(py);
            for p in problems {
                let d = PyDict::new(py);
                let _ = d.set_item("file", path(p));
                let _ = d.set_item("line", p.line);
                let _ = d.set_item("message", &p.message);
                let _ = d.set_item("hint", &p.hint);
                let _ = list.append(d);
            }
            let _ = v.setattr("problems", list);
            let _ = v.setattr("more", *more);
            err
        }
        Error::Io { path, source } => {
            let file = path.display().to_string();
            let msg = source.to_string();
            match source.kind() {
                std::io::ErrorKind::NotFound => {
                    PyFileNotFoundError::new_err((source.raw_os_error().unwrap_or(2), msg, file))
                }
                std::io::ErrorKind::PermissionDenied => {
                    PyPermissionError::new_err((source.raw_os_error().unwrap_or(13), msg, file))
                }
                _ => match source.raw_os_error() {
                    Some(n) => PyOSError::new_err((n, msg, file)),
                    None => PyOSError::new_err(format!("{file}: {msg}")),
                },
            }
        }
        Error::GroupTooLarge { .. } | Error::Usage(_) => PyValueError::new_err(e.to_string()),
        _ => PyRuntimeError::new_err(e.to_string()),
    })
}

/// Parse an argument with the library's own parser (the CLI's spelling).
fn parse<T: FromStr>(what: &str, s: &str) -> PyResult<T>
where
    T::Err: Display,
{
    s.parse()
        .map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
}

fn parse_all<T: FromStr>(what: &str, xs: &[String]) -> PyResult<Vec<T>>
where
    T::Err: Display,
{
    xs.iter().map(|s| parse(what, s)).collect()
}

/// The marker a cancelled computation unwinds with.
struct Cancelled;

/// Run `work` on a worker thread with the GIL released, checking for
/// signals (Ctrl-C) every 50 ms. `work` gets a progress sink that unwinds
/// the computation once a signal has arrived; results never depend on it.
fn interruptible<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce(algo::Progress<'_>) -> T + Send,
{
    let cancel = AtomicBool::new(false);
    let finished = AtomicBool::new(false);
    let caller = std::thread::current();
    std::thread::scope(|s| {
        let (cancel, finished) = (&cancel, &finished);
        let handle = std::thread::Builder::new()
            .name("iuinet".into())
            .stack_size(64 << 20)
            .spawn_scoped(s, move || {
                let stop = move |_: u64| {
                    if cancel.load(Ordering::Relaxed) {
                        // resume_unwind skips the panic hook: no message
                        std::panic::resume_unwind(Box::new(Cancelled));
                    }
                };
                let r = std::panic::catch_unwind(AssertUnwindSafe(|| work(&stop)));
                finished.store(true, Ordering::Release);
                caller.unpark();
                r
            })
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start a worker thread: {e}")))?;
        let mut interrupt = None;
        loop {
            // a wake-up may be spurious: the flag decides
            py.detach(|| std::thread::park_timeout(Duration::from_millis(50)));
            if finished.load(Ordering::Acquire) {
                break;
            }
            if let Err(e) = py.check_signals() {
                cancel.store(true, Ordering::Relaxed);
                interrupt = Some(e);
                break;
            }
        }
        let joined = py.detach(|| handle.join());
        if let Some(e) = interrupt {
            return Err(e);
        }
        match joined {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(payload)) | Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Err(pyo3::panic::PanicException::new_err(format!(
                    "internal error in iuinet (please report it): {msg}"
                )))
            }
        }
    })
}

/// The JSON text the CLI writes for a report.
fn json_text<T: serde::Serialize>(v: &T) -> PyResult<String> {
    let bytes = iuinet::output::json_bytes(v).map_err(py_err)?;
    String::from_utf8(bytes).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// View options from the keyword arguments of `Network.view` (the CLI's
/// `--layers --years --kinds --weight --paths --max-group-size`).
fn view_opts(
    layers: Option<Vec<String>>,
    years: Option<String>,
    kinds: Option<Vec<String>>,
    weight: &str,
    paths: &str,
    max_group_size: Option<usize>,
) -> PyResult<ViewOpts> {
    let mut selection = Selection::default();
    if let Some(ls) = layers {
        let want: Vec<Layer> = parse_all("layers", &ls)?;
        selection.layers = Layer::ALL
            .into_iter()
            .filter(|l| want.contains(l))
            .collect();
    }
    if let Some(y) = years {
        selection.years = Some(parse::<YearRange>("years", &y)?);
    }
    if let Some(ks) = kinds {
        selection.kinds = Some(parse_all::<Kind>("kinds", &ks)?);
    }
    let mut o = ViewOpts {
        selection,
        weight: parse::<Weighting>("weight", weight)?,
        paths: parse::<PathLength>("paths", paths)?,
        ..ViewOpts::default()
    };
    if let Some(g) = max_group_size {
        o.max_group_size = g;
    }
    Ok(o)
}

fn approx_opts(approx: Option<f64>, delta: f64, seed: u64) -> PyResult<Option<ApproxOpts>> {
    match approx {
        None => Ok(None),
        Some(e) if e > 0.0 && e < 1.0 && delta > 0.0 && delta < 1.0 => Ok(Some(ApproxOpts {
            epsilon: e,
            delta,
            seed,
        })),
        Some(e) => Err(PyValueError::new_err(format!(
            "approx={e}, approx_delta={delta}: both must be strictly between 0 and 1"
        ))),
    }
}

/// An actor as a dict: the standard columns, then any extra columns.
fn actor_dict<'py>(py: Python<'py>, a: &iuinet::model::Actor) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", &a.id)?;
    d.set_item("name", &a.name)?;
    d.set_item("kind", a.kind.as_str())?;
    d.set_item("employees", a.employees)?;
    d.set_item("size_class", a.size_class.map(|s| s.as_str()))?;
    d.set_item("region", &a.region)?;
    d.set_item("complex", &a.complex)?;
    d.set_item("mini_clusters", &a.mini_clusters)?;
    d.set_item("country", &a.country)?;
    for (k, v) in &a.attrs {
        d.set_item(k, v)?;
    }
    Ok(d)
}

/// A loaded dataset (low-level; use `iuinet.Network`).
#[pyclass(module = "iuinet._core", frozen)]
struct Network {
    net: Arc<CoreNetwork>,
    data: String,
}

#[pymethods]
impl Network {
    /// The dataset name used in reports (path, or the embedded dataset).
    #[getter]
    fn data(&self) -> &str {
        &self.data
    }

    /// Number of actors.
    fn __len__(&self) -> usize {
        self.net.actors.len()
    }

    /// Every actor as a dict, in file order.
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.net.actors.iter().map(|a| actor_dict(py, a)).collect()
    }

    /// `iuinet summary --json`, as JSON text.
    fn summary_json(&self, py: Python<'_>) -> PyResult<String> {
        let net = &*self.net;
        let s = interruptible(py, |_| metrics::summary::summary(net))?;
        json_text(&s)
    }

    /// `iuinet metrics`, as JSON text.
    #[pyo3(signature = (only, global_types, density_by, top, approx, approx_delta, seed, layers, years, kinds, weight, paths, max_group_size))]
    #[allow(clippy::too_many_arguments)]
    fn metrics_json(
        &self,
        py: Python<'_>,
        only: Option<Vec<String>>,
        global_types: Option<Vec<String>>,
        density_by: &str,
        top: usize,
        approx: Option<f64>,
        approx_delta: f64,
        seed: u64,
        layers: Option<Vec<String>>,
        years: Option<String>,
        kinds: Option<Vec<String>>,
        weight: &str,
        paths: &str,
        max_group_size: Option<usize>,
    ) -> PyResult<String> {
        use metrics::document::{MetricsOpts, Section};
        let vo = view_opts(layers, years, kinds, weight, paths, max_group_size)?;
        let mut opts = MetricsOpts {
            only: only.map(|o| parse_all::<Section>("only", &o)).transpose()?,
            density_by: parse("density_by", density_by)?,
            ..MetricsOpts::default()
        };
        if let Some(t) = global_types {
            opts.global.types = t;
        }
        opts.network.top = top;
        opts.network.approx = approx_opts(approx, approx_delta, seed)?;
        let net = &*self.net;
        let data = self.data.as_str();
        let m = interruptible(py, |p| {
            metrics::document::metrics_with(net, data, &vo, &opts, p)
        })?
        .map_err(py_err)?;
        json_text(&m)
    }

    /// Build an analysis view.
    #[pyo3(signature = (layers=None, years=None, kinds=None, weight="none", paths="weight", max_group_size=None))]
    #[allow(clippy::too_many_arguments)]
    fn view(
        &self,
        py: Python<'_>,
        layers: Option<Vec<String>>,
        years: Option<String>,
        kinds: Option<Vec<String>>,
        weight: &str,
        paths: &str,
        max_group_size: Option<usize>,
    ) -> PyResult<View> {
        let opts = view_opts(layers, years, kinds, weight, paths, max_group_size)?;
        let net = &*self.net;
        let v = interruptible(py, |_| CoreView::build(net, &opts))?.map_err(py_err)?;
        Ok(View {
            net: Arc::clone(&self.net),
            view: Arc::new(v),
            data: self.data.clone(),
        })
    }
}

/// An analysis view (low-level; use `iuinet.View`).
#[pyclass(module = "iuinet._core", frozen)]
struct View {
    net: Arc<CoreNetwork>,
    view: Arc<CoreView>,
    data: String,
}

impl View {
    fn table(
        &self,
        py: Python<'_>,
        measures: &[String],
        approx: Option<f64>,
        approx_delta: f64,
        seed: u64,
    ) -> PyResult<(Vec<Measure>, metrics::centrality::CentralityReport)> {
        let mut ms: Vec<Measure> = Vec::new();
        for m in parse_all::<Measure>("measures", measures)? {
            if !ms.contains(&m) {
                ms.push(m);
            }
        }
        if ms.is_empty() {
            ms = Measure::ALL.to_vec();
        }
        let opts = CentralityOpts {
            measures: ms.clone(),
            approx: approx_opts(approx, approx_delta, seed)?,
            top_edges: None,
        };
        let view = &*self.view;
        let t = interruptible(py, |p| algo::centrality_with(view, &opts, p))?;
        let r = metrics::centrality::report(&self.net, view, self.data.clone(), &t, None);
        Ok((ms, r))
    }
}

#[pymethods]
impl View {
    /// Actors in the view.
    #[getter]
    fn n(&self) -> usize {
        self.view.n()
    }

    /// Linked actor pairs (edges of the collapsed graph).
    #[getter]
    fn m(&self) -> usize {
        self.view.csr.m()
    }

    /// The view's options as the JSON text of the reports' `view` field.
    fn opts_json(&self) -> PyResult<String> {
        json_text(&self.view.opts)
    }

    /// The view's actors as dicts, in view node order.
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.view
            .actors
            .iter()
            .map(|&a| actor_dict(py, &self.net.actors[a as usize]))
            .collect()
    }

    /// Centralities in actor-id order: (ids, kinds, {measure: array}).
    #[pyo3(signature = (measures, approx=None, approx_delta=0.1, seed=0))]
    #[allow(clippy::type_complexity)]
    fn centrality<'py>(
        &self,
        py: Python<'py>,
        measures: Vec<String>,
        approx: Option<f64>,
        approx_delta: f64,
        seed: u64,
    ) -> PyResult<(Vec<String>, Vec<&'static str>, Bound<'py, PyDict>)> {
        let (ms, r) = self.table(py, &measures, approx, approx_delta, seed)?;
        let ids = r.nodes.iter().map(|x| x.id.clone()).collect();
        let kinds = r.nodes.iter().map(|x| x.kind.as_str()).collect();
        let d = PyDict::new(py);
        for m in ms {
            let f = |g: fn(&metrics::centrality::NodeRow) -> Option<f64>| -> Vec<f64> {
                r.nodes.iter().map(|x| g(x).unwrap_or(f64::NAN)).collect()
            };
            let u = |g: fn(&metrics::centrality::NodeRow) -> Option<u32>| -> Vec<i64> {
                r.nodes.iter().map(|x| g(x).map_or(-1, i64::from)).collect()
            };
            let arr: Bound<'py, PyAny> = match m {
                Measure::Degree => u(|x| x.degree).into_pyarray(py).into_any(),
                Measure::Core => u(|x| x.core).into_pyarray(py).into_any(),
                Measure::Strength => f(|x| x.strength).into_pyarray(py).into_any(),
                Measure::Betweenness => f(|x| x.betweenness).into_pyarray(py).into_any(),
                Measure::Closeness => f(|x| x.closeness).into_pyarray(py).into_any(),
                Measure::Harmonic => f(|x| x.harmonic).into_pyarray(py).into_any(),
                Measure::Eigenvector => f(|x| x.eigenvector).into_pyarray(py).into_any(),
                Measure::Pagerank => f(|x| x.pagerank).into_pyarray(py).into_any(),
            };
            d.set_item(m.as_str(), arr)?;
        }
        Ok((ids, kinds, d))
    }

    /// `iuinet centrality --format json`, as JSON text.
    #[pyo3(signature = (measures, approx=None, approx_delta=0.1, seed=0))]
    fn centrality_json(
        &self,
        py: Python<'_>,
        measures: Vec<String>,
        approx: Option<f64>,
        approx_delta: f64,
        seed: u64,
    ) -> PyResult<String> {
        let (_, r) = self.table(py, &measures, approx, approx_delta, seed)?;
        json_text(&r)
    }

    /// `iuinet brokers --format json`, as JSON text.
    fn brokers_json(&self, py: Python<'_>, by: &str, top: usize) -> PyResult<String> {
        let by = parse("by", by)?;
        let (net, view) = (&*self.net, &*self.view);
        let r = interruptible(py, |_| metrics::brokers::brokers(net, view, by, top))?;
        json_text(&r)
    }

    /// `iuinet match --actor ID --format json`, as JSON text.
    #[pyo3(signature = (actor, kind, region, top, method, explain))]
    #[allow(clippy::too_many_arguments)]
    fn match_json(
        &self,
        py: Python<'_>,
        actor: &str,
        kind: Option<String>,
        region: &str,
        top: usize,
        method: &str,
        explain: bool,
    ) -> PyResult<String> {
        use metrics::matching::{MatchOpts, find_actor, match_actor};
        let o = MatchOpts {
            method: parse("method", method)?,
            partner_kind: kind.map(|k| parse("kind", &k)).transpose()?,
            region: parse("region", region)?,
            top,
            explain,
            seed: MatchOpts::default().seed,
        };
        let (net, view) = (&*self.net, &*self.view);
        let s = find_actor(net, actor).map_err(py_err)?;
        let r = interruptible(py, |_| match_actor(net, view, s, &o))?.map_err(py_err)?;
        json_text(&r)
    }

    /// `iuinet match-eval --format json` on this view's selection, as JSON text.
    #[pyo3(signature = (split_year, k, methods, samples, seed))]
    fn match_eval_json(
        &self,
        py: Python<'_>,
        split_year: i32,
        k: usize,
        methods: Option<Vec<String>>,
        samples: usize,
        seed: u64,
    ) -> PyResult<String> {
        use algo::linkpred::Method;
        use algo::linkpred_eval::EvalOpts;
        use metrics::match_eval::{MatchEvalOpts, match_eval};
        let methods = match methods {
            Some(ms) => parse_all("methods", &ms)?,
            None => Method::ALL
                .into_iter()
                .filter(|&m| m != Method::PreferentialAttachment)
                .collect(),
        };
        let o = MatchEvalOpts {
            split_year,
            eval: EvalOpts {
                k,
                auc_samples: samples,
                seed,
            },
            methods,
        };
        let net = &*self.net;
        let opts = &self.view.opts;
        let r = interruptible(py, |_| match_eval(net, opts, &o))?.map_err(py_err)?;
        json_text(&r)
    }

    /// The edges as arrays: (ids in view node order, u, v, weight, links),
    /// one row per linked pair with u < v, by u then v.
    #[allow(clippy::type_complexity)]
    fn edges<'py>(
        &self,
        py: Python<'py>,
    ) -> (
        Vec<String>,
        Bound<'py, PyArray1<u32>>,
        Bound<'py, PyArray1<u32>>,
        Bound<'py, PyArray1<f64>>,
        Bound<'py, PyArray1<u32>>,
    ) {
        let v = &*self.view;
        let g = &v.csr;
        let (mut us, mut vs, mut ws, mut ls) = (vec![], vec![], vec![], vec![]);
        for a in 0..g.n() as u32 {
            let (start, _) = g.range(a);
            for (i, (&b, &w)) in g.neighbors(a).iter().zip(g.weights_of(a)).enumerate() {
                if b > a {
                    us.push(a);
                    vs.push(b);
                    ws.push(w);
                    ls.push(v.multiplicity.get(start + i).copied().unwrap_or(0));
                }
            }
        }
        let ids = v
            .actors
            .iter()
            .map(|&x| self.net.actors[x as usize].id.clone())
            .collect();
        (
            ids,
            us.into_pyarray(py),
            vs.into_pyarray(py),
            ws.into_pyarray(py),
            ls.into_pyarray(py),
        )
    }
}

/// Load a dataset: a directory of CSV files, or a .json, .graphml or .gexf file.
#[pyfunction]
#[pyo3(signature = (path, max_file_bytes=None, max_line_bytes=None))]
fn load(
    py: Python<'_>,
    path: std::path::PathBuf,
    max_file_bytes: Option<u64>,
    max_line_bytes: Option<usize>,
) -> PyResult<Network> {
    let mut limits = iuinet::ingest::Limits::default();
    if let Some(b) = max_file_bytes {
        limits.max_file_bytes = b;
    }
    if let Some(b) = max_line_bytes {
        limits.max_line_bytes = b;
    }
    let p = &path;
    let net = interruptible(py, |_| iuinet::ingest::load_with(p, &limits))?.map_err(py_err)?;
    Ok(Network {
        net: Arc::new(net),
        data: path.display().to_string(),
    })
}

/// The embedded default dataset.
#[pyfunction]
fn default(py: Python<'_>) -> PyResult<Network> {
    let net =
        interruptible(py, |_| iuinet::ingest::embedded::default_network())?.map_err(py_err)?;
    Ok(Network {
        net: Arc::new(net),
        data: iuinet::DEFAULT_DATASET.to_string(),
    })
}

/// A dataset from CSV texts (the files of a dataset directory).
#[pyfunction]
#[pyo3(signature = (actors, events, projects, ties, data))]
fn from_csv(
    py: Python<'_>,
    actors: &str,
    events: Option<&str>,
    projects: Option<&str>,
    ties: Option<&str>,
    data: String,
) -> PyResult<Network> {
    let net = interruptible(py, |_| {
        iuinet::ingest::from_csv_strs(actors, events, projects, ties)
    })?
    .map_err(py_err)?;
    Ok(Network {
        net: Arc::new(net),
        data,
    })
}

/// The extension module.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Network>()?;
    m.add_class::<View>()?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(default, m)?)?;
    m.add_function(wrap_pyfunction!(from_csv, m)?)?;
    m.add("DataError", m.py().get_type::<DataError>())?;
    m.add("DEFAULT_DATASET", iuinet::DEFAULT_DATASET)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
