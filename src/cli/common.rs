//! Arguments and set-up shared by the subcommands.

use crate::error::{Error, Result};
use crate::model::{Kind, Layer, Network};
use crate::view::{Selection, ViewOpts, Weighting, YearRange};
use std::path::{Path, PathBuf};

use std::time::Instant;

/// Global flags every subcommand sees.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// No progress bars or notes.
    pub quiet: bool,
    /// Stage timings on stderr.
    pub verbose: bool,
    /// Input limits (`--max-file-bytes`, `--max-line-bytes`).
    pub limits: crate::ingest::Limits,
}

impl Ctx {
    /// Run a stage, printing its time with `-v`.
    pub fn stage<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let spinner = super::progress::Spinner::start(self, name);
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
}

/// Load a dataset given on the command line.
pub fn load(ctx: &Ctx, data: &Path) -> Result<Network> {
    ctx.stage("ingest", || crate::ingest::load_with(data, &ctx.limits))
}

/// Load DATA, or the embedded default dataset when DATA is omitted.
pub fn load_or_default(ctx: &Ctx, data: Option<&Path>) -> Result<Network> {
    match data {
        Some(d) => load(ctx, d),
        None => ctx.stage(
            "ingest (embedded default dataset)",
            crate::ingest::embedded::default_network,
        ),
    }
}

/// The DATA name to show in output.
pub fn data_name(data: Option<&Path>) -> String {
    data.map_or_else(
        || crate::DEFAULT_DATASET.to_string(),
        |d| d.display().to_string(),
    )
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
        }
    }
}

/// Output format of table-or-JSON commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Human-readable table.
    #[default]
    Table,
    /// JSON document.
    Json,
    /// CSV rows.
    Csv,
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

/// `--approx EPS --approx-delta D --seed S` as sampling options: EPS in
/// [`MIN_EPSILON`], 1) and D in [`MIN_DELTA`], 1), so that at most
/// [`MAX_SAMPLES`] paths are sampled.
pub fn approx_opts(
    epsilon: Option<f64>,
    delta: f64,
    seed: u64,
) -> Result<Option<crate::algo::ApproxOpts>> {
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
