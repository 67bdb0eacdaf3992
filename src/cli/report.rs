//! `iuinet report [DATA] -o report.html`: one self-contained HTML page with
//! the dataset summary, the consortium-type breakdown, region × region link
//! density, inter-business connection averages by firm size class,
//! activities and participants per year, top actors by betweenness, top
//! brokers and a drawing of the network of regions. Figures come from
//! `metrics` (the same as `iuinet metrics` and `iuinet brokers`); charts are
//! drawn by `output::report`.

use super::common::{ApproxArgs, Ctx, DataArg, ViewArgs};
use crate::algo::{CentralityOpts, Measure, centrality};
use crate::error::Result;
use crate::metrics::document::{MetricsOpts, Section, metrics};
use crate::metrics::network_views::{Named, build};
use crate::output::report::{
    Aggregate, Bars, Heat, Lines, ReportData, ReportTable, ViewTables, fmt_num, render,
};
use crate::view::View;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the HTML report.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub data: DataArg,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Rows of the top-actor tables.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    #[command(flatten)]
    pub approx: ApproxArgs,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// `industry-university-institute` → `I-U-R` (R: research institute).
fn short_type(t: &str) -> String {
    match t {
        "single" | "non-industry" => t.to_string(),
        _ => t
            .split('-')
            .map(|p| match p {
                "industry" => "I",
                "university" => "U",
                "institute" => "R",
                other => other,
            })
            .collect::<Vec<_>>()
            .join("-"),
    }
}

/// Run the subcommand.
pub fn run(a: &Args, ctx: &Ctx) -> Result<ExitCode> {
    let approx = a.approx.opts()?;
    let net = a.data.load(ctx)?;
    let name = a.data.name();
    let vopts = a.view.opts();
    // the domain sections; the network summary's other centralities are
    // left out (betweenness alone is computed below)
    let mopts = MetricsOpts {
        only: Some(vec![
            Section::Published,
            Section::InterBusiness,
            Section::Consortia,
            Section::Activity,
            Section::Density,
        ]),
        ..MetricsOpts::default()
    };
    let m = ctx.stage("metrics", || metrics(&net, &name, &vopts, &mopts))?;
    let view = ctx.stage("view", || View::build(&net, &vopts))?;
    let s = ctx.stage("summary", || crate::metrics::summary::summary(&net));

    let mut d = ReportData {
        title: format!("iuinet report: {name}"),
        subtitle: vec![format!(
            "view: layers {}, years {}, weighting {}; iuinet {}",
            vopts
                .selection
                .layers
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            vopts
                .selection
                .years
                .map_or("all".to_string(), |y| y.to_string()),
            vopts.weight,
            env!("CARGO_PKG_VERSION")
        )],
        ..ReportData::default()
    };
    let mut sum = vec![
        ("actors".to_string(), s.actors.to_string()),
        (
            "events (networking activities)".into(),
            s.events.to_string(),
        ),
        ("event participations".into(), s.participations.to_string()),
        ("projects (collaborations)".into(), s.projects.to_string()),
        (
            "project memberships".into(),
            s.project_memberships.to_string(),
        ),
        ("direct ties".into(), s.ties.to_string()),
        ("links (parallel counted)".into(), s.links.to_string()),
    ];
    for c in &s.actors_by_kind {
        sum.push((format!("actors: {}", c.name), c.count.to_string()));
    }
    sum.push(("actors in the view".into(), view.n().to_string()));
    sum.push(("linked pairs in the view".into(), view.csr.m().to_string()));
    d.summary = sum;

    if let Some(c) = &m.consortia {
        d.consortium = Bars {
            categories: c.overall.types.iter().map(|t| short_type(t.kind)).collect(),
            series: vec![(
                "projects".into(),
                c.overall.types.iter().map(|t| t.count as f64).collect(),
            )],
            y_desc: "projects".into(),
        };
        d.notes.push((
            "consortium".into(),
            format!(
                "{} projects, {} of them consortia. I = industry, U = university, R = research institute; agencies do not change the type.",
                c.overall.projects, c.overall.consortia
            ),
        ));
    }
    if let Some(den) = m.density.as_ref().map(|d| &d.figures) {
        let names: Vec<String> = den.groups.iter().map(|g| g.name.clone()).collect();
        let ix: BTreeMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let k = names.len();
        let mut values = vec![vec![None; k]; k];
        let mut links: BTreeMap<(usize, usize), u64> = BTreeMap::new();
        for c in &den.cells {
            if let (Some(&i), Some(&j)) = (ix.get(c.a.as_str()), ix.get(c.b.as_str())) {
                values[i][j] = c.density;
                values[j][i] = c.density;
                if i != j && c.linked_pairs > 0 {
                    links.insert((i.min(j), i.max(j)), c.linked_pairs);
                }
            }
        }
        d.density = Heat {
            labels: names.clone(),
            values,
        };
        d.regions = Aggregate {
            nodes: den
                .groups
                .iter()
                .map(|g| (g.name.clone(), g.actors))
                .collect(),
            edges: links.into_iter().map(|((i, j), l)| (i, j, l)).collect(),
        };
        d.notes.push((
            "density".into(),
            format!(
                "{} of {} linked pairs cross regions; E-I index {}.",
                den.external,
                den.linked_pairs,
                den.ei_index.map_or("–".into(), fmt_num)
            ),
        ));
    }
    if let Some(p) = &m.published {
        d.published = crate::output::report::published_table(p);
        d.notes.push((
            "published".into(),
            format!(
                "{} of {} figures of the KICOX report (KICOX / Ministry of Knowledge Economy, The Industrial Complex Cluster Program of Korea, 2010) match within the stated tolerance; reference {}. The report's 2004 baseline is compared with the data's first year.",
                p.matching, p.figures, p.reference
            ),
        ));
    }
    if let Some(ib) = &m.inter_business {
        let cls = &ib.by_size_class;
        d.size_classes = Bars {
            categories: cls.iter().map(|c| c.name.clone()).collect(),
            series: vec![
                (
                    "business ties with other firms per firm, all years".into(),
                    cls.iter()
                        .map(|c| c.stats.avg_cases_per_firm.unwrap_or(f64::NAN))
                        .collect(),
                ),
                (
                    "distinct firm partners per firm, all years".into(),
                    cls.iter()
                        .map(|c| c.stats.avg_partners_per_firm.unwrap_or(f64::NAN))
                        .collect(),
                ),
            ],
            y_desc: "per firm".into(),
        };
    }
    if let Some(act) = &m.activity {
        d.per_year = Lines {
            years: act.by_year.iter().map(|y| y.year).collect(),
            series: vec![
                (
                    "activities (events)".into(),
                    act.by_year.iter().map(|y| y.stats.events as f64).collect(),
                ),
                (
                    "participants".into(),
                    act.by_year
                        .iter()
                        .map(|y| y.stats.participants as f64)
                        .collect(),
                ),
            ],
        };
    }
    let tables = |view: &View, stage: &str| -> (ReportTable, ReportTable) {
        let bt = ctx.stage(stage, || {
            centrality(
                view,
                &CentralityOpts {
                    measures: vec![Measure::Betweenness],
                    approx,
                    top_edges: None,
                },
            )
        });
        let b = ctx.stage("brokers", || {
            crate::metrics::brokers::brokers(
                &net,
                view,
                crate::metrics::brokers::GroupBy::Region,
                a.top,
            )
        });
        (
            betweenness_table(&net, view, &bt, a.top, approx.is_some()),
            brokers_table(&b),
        )
    };
    // the two named views (their actors are the network's, in order)
    for w in Named::ALL {
        let nv = ctx.stage("view", || build(&net, w, vopts.selection.years))?;
        let (top_betweenness, top_brokers) = tables(&nv.view, "betweenness");
        d.views.push(ViewTables {
            id: format!("view-{}", w.as_str()),
            label: w.label(),
            top_betweenness,
            top_brokers,
        });
    }
    (d.top_betweenness, d.top_brokers) = tables(&view, "betweenness");
    d.notes.push((
        "betweenness".into(),
        "Normalised betweenness (NetworkX normalized=True) in each view; ties by actor order."
            .into(),
    ));
    d.notes.push((
        "brokers".into(),
        "Gould–Fernandez brokerage by region (open two-paths through the actor; liaison: all three in different regions) and Burt's constraint and effective size, as iuinet brokers ranks them.".into(),
    ));
    let html = ctx.stage("render", || render(&d))?;
    crate::output::write_out(html.as_bytes(), a.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// The top actors by betweenness of a view.
fn betweenness_table(
    net: &crate::model::Network,
    view: &View,
    bt: &crate::algo::CentralityTable,
    top: usize,
    sampled: bool,
) -> ReportTable {
    let approx = sampled.then_some(());
    let ranking = bt.ranking(Measure::Betweenness);
    ReportTable {
        header: vec![
            "rank".into(),
            "actor".into(),
            "name".into(),
            "kind".into(),
            "region".into(),
            if approx.is_some() {
                "betweenness (sampled)".into()
            } else {
                "betweenness".into()
            },
        ],
        rows: ranking
            .iter()
            .take(top)
            .enumerate()
            .map(|(i, &v)| {
                let ac = net.actor(view.actors[v as usize]);
                vec![
                    (i + 1).to_string(),
                    ac.id.clone(),
                    ac.name.clone(),
                    ac.kind.to_string(),
                    ac.region.clone().unwrap_or_default(),
                    format!(
                        "{:.4}",
                        bt.value(Measure::Betweenness, v as usize).unwrap_or(0.0)
                    ),
                ]
            })
            .collect(),
    }
}

/// The top brokers of a view.
fn brokers_table(b: &crate::metrics::brokers::BrokersReport) -> ReportTable {
    ReportTable {
        header: vec![
            "rank".into(),
            "actor".into(),
            "name".into(),
            "region".into(),
            "brokerage (open two-paths)".into(),
            "liaison".into(),
            "constraint".into(),
            "effective size".into(),
        ],
        rows: b
            .brokers
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.id.clone(),
                    r.name.clone(),
                    r.group.clone(),
                    r.roles.total.to_string(),
                    r.roles.liaison.to_string(),
                    r.constraint.map_or("–".into(), |c| format!("{c:.4}")),
                    r.effective_size.map_or("–".into(), |c| format!("{c:.2}")),
                ]
            })
            .collect(),
    }
}
