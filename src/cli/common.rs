//! Arguments and set-up shared by the subcommands: the global flags
//! ([`Ctx`]), DATA, the view flags, the sampling flags and `-o`. Each is
//! declared once here and flattened into the commands that take it.

use crate::error::{Error, Result};
use crate::model::{Kind, Layer, Network};
use crate::view::{Selection, View, ViewOpts, Weighting, YearRange};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub use crate::present::Format;

/// Global flags every subcommand sees.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// No progress bars or notes.
    pub quiet: bool,
    /// Stage timings on stderr.
    pub verbose: bool,
    /// Input limits (`--max-file-bytes`, `--max-line-bytes`).
    pub limits: crate::ingest::Limits,
    /// Whether this process writes the command's output: always, except on
    /// the workers of a distributed run other than the first.
    pub writes: bool,
}

impl Ctx {
    /// Run a stage, printing its time with `-v`.
    pub fn stage<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let spinner = super::progress::Spinner::start(self.quiet, name);
        let r = f();
        spinner.finish();
        if self.verbose {
            let _ = std::io::Write::write_fmt(
                &mut std::io::stderr(),
                format_args!("[{:>9.3} s] {name}\n", t.elapsed().as_secs_f64()),
            );
        }
        r
    }

    /// A progress bar over `len` units of work (hidden with `--quiet` or when
    /// stderr is not a terminal).
    pub fn bar(&self, len: u64, msg: &str) -> super::progress::Bar {
        super::progress::Bar::new(self.quiet, len, msg)
    }

    /// Load a dataset given on the command line, with its actor kinds from
    /// attribute `kind_attr` if given; print the loader's notes and warnings
    /// on stderr (notes are left out with `--quiet`, warnings are not).
    pub fn load(&self, data: &Path, kind_attr: Option<&str>) -> Result<Network> {
        let opts = crate::ingest::LoadOpts {
            limits: self.limits,
            kind_attr: kind_attr.map(str::to_string),
        };
        let l = self.stage("ingest", || crate::ingest::load_opts(data, &opts))?;
        for n in &l.notes {
            if !self.quiet || n.starts_with("warning") {
                eprintln!("{n}");
            }
        }
        Ok(l.network)
    }
}

/// DATA, optional: the embedded default dataset when omitted.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArg {
    /// Dataset: a directory of CSV files (or of ties.csv alone), a .json,
    /// .graphml, .gexf or Pajek .net file, an edge list (.edges, .csv) or an
    /// actor × group incidence .csv (default: the embedded dataset).
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// Take the actors' kinds from this attribute of DATA (a GraphML/GEXF
    /// node attribute or an actors column) instead of `kind`; values are
    /// kind names or synonyms such as industry, company, research, government.
    #[arg(long, value_name = "NAME")]
    pub kind_attr: Option<String>,
}

impl DataArg {
    /// Load DATA, or the embedded default dataset when DATA is omitted.
    pub fn load(&self, ctx: &Ctx) -> Result<Network> {
        match &self.data {
            Some(d) => ctx.load(d, self.kind_attr.as_deref()),
            None => ctx.stage(
                "ingest (embedded default dataset)",
                crate::ingest::embedded::default_network,
            ),
        }
    }

    /// The dataset's name in output.
    pub fn name(&self) -> String {
        self.data.as_deref().map_or_else(
            || crate::DEFAULT_DATASET.to_string(),
            |d| d.display().to_string(),
        )
    }
}

/// DATA, required: commands that check or rewrite a given dataset.
#[derive(Debug, Clone, clap::Args)]
pub struct DataPath {
    /// Dataset: a directory of CSV files (or of ties.csv alone), a .json,
    /// .graphml, .gexf or Pajek .net file, an edge list (.edges, .csv) or an
    /// actor × group incidence .csv.
    #[arg(value_name = "DATA")]
    pub data: PathBuf,
    /// Take the actors' kinds from this attribute of DATA instead of `kind`
    /// (as for the other commands).
    #[arg(long, value_name = "NAME")]
    pub kind_attr: Option<String>,
}

impl DataPath {
    /// Load DATA.
    pub fn load(&self, ctx: &Ctx) -> Result<Network> {
        ctx.load(&self.data, self.kind_attr.as_deref())
    }
}

/// Selection and weighting flags of the analysis view.
#[derive(Debug, Clone, clap::Args)]
pub struct ViewArgs {
    /// Layers to include: comma-separated event, project, tie.
    #[arg(long, value_delimiter = ',', default_value = "event,project,tie")]
    pub layers: Vec<Layer>,
    /// Years to include, FROM..TO (inclusive) or one year; links with no year
    /// are left out when this is given.
    #[arg(long)]
    pub years: Option<YearRange>,
    /// Actor kinds to include: comma-separated firm, university, institute, agency, other.
    #[arg(long, value_delimiter = ',')]
    pub kinds: Option<Vec<Kind>>,
    /// How parallel links become one weight: none, sum or newman.
    #[arg(long, default_value = "none")]
    pub weight: Weighting,
    /// Path measures (betweenness, closeness, harmonic) on a weighted view:
    /// `weight` (length 1/weight) or `hops` (each linked pair one step; the
    /// weight still counts for strength, eigenvector and PageRank).
    #[arg(long, default_value = "weight")]
    pub paths: crate::view::PathLength,
    /// Largest group the view expands into member pairs.
    #[arg(long, default_value_t = crate::view::DEFAULT_MAX_GROUP_SIZE)]
    pub max_group_size: usize,
}

impl ViewArgs {
    /// The view options these flags describe.
    pub fn opts(&self) -> ViewOpts {
        let mut layers: Vec<Layer> = Layer::ALL
            .into_iter()
            .filter(|l| self.layers.contains(l))
            .collect();
        layers.dedup();
        ViewOpts {
            selection: Selection {
                layers,
                years: self.years,
                kinds: self.kinds.clone(),
            },
            weight: self.weight,
            max_group_size: self.max_group_size,
            paths: self.paths,
        }
    }

    /// Build the view these flags describe of `net` (stage `view`).
    pub fn build(&self, net: &Network, ctx: &Ctx) -> Result<View> {
        ctx.stage("view", || View::build(net, &self.opts()))
    }

    /// Load `data` and build the view these flags describe of it.
    pub fn load(&self, data: &DataArg, ctx: &Ctx) -> Result<(Network, View)> {
        let net = data.load(ctx)?;
        let view = self.build(&net, ctx)?;
        Ok((net, view))
    }
}

/// `--approx EPS --approx-delta D --seed S`: sampled betweenness.
#[derive(Debug, Clone, clap::Args)]
pub struct ApproxArgs {
    /// Sample betweenness with additive error EPS (Riondato–Kornaropoulos)
    /// instead of computing it exactly: for large views.
    #[arg(long, value_name = "EPS")]
    pub approx: Option<f64>,
    /// Failure probability δ of `--approx`.
    #[arg(long, value_name = "DELTA", default_value_t = 0.1)]
    pub approx_delta: f64,
    /// Seed of `--approx` sampling.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
}

impl ApproxArgs {
    /// The sampling options, or `None` for exact betweenness; EPS and δ must
    /// lie strictly between 0 and 1.
    pub fn opts(&self) -> Result<Option<crate::algo::ApproxOpts>> {
        let (epsilon, delta, seed) = (self.approx, self.approx_delta, self.seed);
        match epsilon {
            None => Ok(None),
            Some(e) if (MIN_EPSILON..1.0).contains(&e) && (MIN_DELTA..1.0).contains(&delta) => {
                Ok(Some(crate::algo::ApproxOpts {
                    epsilon: e,
                    delta,
                    seed,
                }))
            }
            Some(e) => Err(usage(format!(
                "--approx {e:?} with --approx-delta {delta:?}: EPS must be in [{MIN_EPSILON:?}, 1) and the delta in [{MIN_DELTA:?}, 1) (at most {MAX_SAMPLES} samples)"
            ))),
        }
    }
}

/// `-o FILE`: write there atomically instead of stdout.
#[derive(Debug, Clone, clap::Args)]
pub struct OutArg {
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// A usage error.
pub fn usage(msg: impl Into<String>) -> Error {
    Error::Usage(msg.into())
}

/// Smallest `--approx` EPS: with [`MIN_DELTA`], the sample size
/// r = ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ stays at most
/// [`MAX_SAMPLES`] for any vertex diameter VD < 2⁶⁴.
pub const MIN_EPSILON: f64 = 1e-3;
/// Smallest `--approx-delta`.
pub const MIN_DELTA: f64 = 1e-6;
/// The most shortest-path samples `--approx` takes:
/// 0.5·10⁶·(64 + 1 + ln 10⁶) ≈ 3.95·10⁷.
pub const MAX_SAMPLES: u64 = 40_000_000;

/// The worker flags of a distributed run (timely's `-w`, `-n`, `-p`, `-h`;
/// see docs/distributed.md). Given before or after the subcommand.
#[derive(Debug, Clone, clap::Args)]
pub struct ClusterArgs {
    /// Distributed run: worker threads per process (each shares the
    /// traversals; the kernels use every core through their own threads).
    #[arg(long, global = true, value_name = "N")]
    pub workers: Option<usize>,
    /// Distributed run: the number of processes.
    #[arg(long, global = true, value_name = "N")]
    pub processes: Option<usize>,
    /// Distributed run: this process's index, 0 … processes−1 (0 writes the output).
    #[arg(long, global = true, value_name = "I")]
    pub process: Option<usize>,
    /// Distributed run: host:port of every process, one per line in process
    /// order (default: 127.0.0.1:2101, :2102, …).
    #[arg(long, global = true, value_name = "FILE")]
    pub hostfile: Option<PathBuf>,
    /// Distributed run: seconds to wait for every process to connect.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 60)]
    pub connect_timeout: u64,
    /// Distributed run: seconds one exchange of partial results may wait
    /// for the other processes before the run stops.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 600)]
    pub peer_timeout: u64,
}

impl ClusterArgs {
    /// Whether any worker flag asks for a distributed run.
    pub fn wanted(&self) -> bool {
        self.workers.is_some()
            || self.processes.is_some()
            || self.process.is_some()
            || self.hostfile.is_some()
    }
}
