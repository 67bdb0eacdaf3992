//! The HTML report's figures: [`report_data`] turns the `metrics` of a
//! dataset into the plain [`ReportData`] that `output::report::render`
//! draws (summary, consortium types, region × region density, firm-size
//! averages, activity per year, the published figures over the years, the
//! degree distribution with its power-law fit, communities against the
//! official mini clusters, the top actors and brokers of each view, and the
//! network of regions). `cli/report.rs` only parses the arguments.

use crate::algo::powerlaw::hurwitz_zeta;
use crate::algo::{CentralityOpts, Measure, centrality};
use crate::error::Result;
use crate::metrics::brokers::{BrokersReport, GroupBy, brokers};
use crate::metrics::communities::{Communities, CommunitiesOpts, communities};
use crate::metrics::document::{MetricsOpts, Section, metrics};
use crate::metrics::network_views::{Named, build};
use crate::model::Network;
use crate::output::report::{
    Aggregate, Bars, Heat, Lines, LogLog, ReportData, ReportTable, ViewTables, fmt_num,
};
use crate::view::{View, ViewOpts};
use std::collections::BTreeMap;

/// What the report is drawn from, besides the network.
#[derive(Debug, Clone)]
pub struct ReportOpts {
    /// The dataset's name in the title.
    pub name: String,
    /// The view of the summary, density, structure and communities.
    pub view: ViewOpts,
    /// Sampled betweenness `(ε, δ, seed)` instead of exact.
    pub approx: Option<crate::algo::ApproxOpts>,
    /// Rows of the top-actor tables.
    pub top: usize,
    /// Rows (largest communities) and columns (mini clusters with the most
    /// labelled actors) of the communities × mini clusters heat map.
    pub communities_rows: usize,
    /// See `communities_rows`.
    pub communities_cols: usize,
    /// Groups of the scorecard section.
    pub scorecard_by: crate::metrics::scorecard::GroupBy,
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

/// The report's figures for `net`.
pub fn report_data(net: &Network, o: &ReportOpts) -> Result<ReportData> {
    let vopts = &o.view;
    let mopts = MetricsOpts {
        only: Some(vec![
            Section::Published,
            Section::InterBusiness,
            Section::Consortia,
            Section::Activity,
            Section::Density,
            Section::Scorecard,
        ]),
        scorecard: crate::metrics::scorecard::ScoreOpts {
            by: o.scorecard_by,
            ..Default::default()
        },
        ..MetricsOpts::default()
    };
    let m = metrics(net, &o.name, vopts, &mopts)?;
    let view = View::build(net, vopts)?;
    let s = crate::metrics::summary::summary(net);
    let st = crate::metrics::structure::structure(net, &view);

    let mut d = ReportData {
        title: format!("iuinet report: {}", o.name),
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

    // summary: the records, then the view's network figures
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
    let (n, pairs) = (view.n(), view.csr.m());
    sum.push(("actors in the view".into(), n.to_string()));
    sum.push(("linked pairs in the view".into(), pairs.to_string()));
    let nf = n as f64;
    sum.push((
        "density (linked pairs / possible pairs)".into(),
        if n >= 2 {
            format!("{:.4}", 2.0 * pairs as f64 / (nf * (nf - 1.0)))
        } else {
            "–".into()
        },
    ));
    let labels = crate::algo::components(&view.csr);
    let mut sizes: BTreeMap<u32, u64> = BTreeMap::new();
    for l in labels {
        *sizes.entry(l).or_default() += 1;
    }
    let largest = sizes.values().copied().max().unwrap_or(0);
    sum.push((
        "largest component (actors, share)".into(),
        format!(
            "{largest} ({:.1} %)",
            if n > 0 {
                100.0 * largest as f64 / nf
            } else {
                0.0
            }
        ),
    ));
    sum.push(("components".into(), sizes.len().to_string()));
    let opt4 = |x: Option<f64>| x.map_or("–".into(), |v| format!("{v:.4}"));
    sum.push((
        "transitivity (global clustering)".into(),
        format!("{:.4}", st.clustering.transitivity),
    ));
    sum.push((
        "average clustering (local, NetworkX)".into(),
        opt4(st.clustering.average),
    ));
    sum.push(("degree assortativity".into(), opt4(st.degree_assortativity)));
    for (k, v) in &st.attribute_assortativity {
        sum.push((format!("assortativity by {k}"), opt4(*v)));
    }
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
            rows: names.clone(),
            cols: names.clone(),
            values,
            log: true,
            legend: "density (log scale)".into(),
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
    if let Some(sc) = &m.scorecard {
        scorecard_section(sc, &mut d);
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
        d.published_series = published_series(p);
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
        let years: Vec<i32> = act.by_year.iter().map(|y| y.year).collect();
        d.per_year = Lines {
            years: years.clone(),
            series: vec![(
                "activities (events)".into(),
                act.by_year.iter().map(|y| y.stats.events as f64).collect(),
            )],
            y_desc: "events".into(),
        };
        d.participants_per_year = Lines {
            years,
            series: vec![(
                "participants (distinct actors)".into(),
                act.by_year
                    .iter()
                    .map(|y| y.stats.participants as f64)
                    .collect(),
            )],
            y_desc: "actors".into(),
        };
    }
    d.degrees = degrees(&st.degree_distribution);
    if let Some(f) = &st.degree_distribution.power_law {
        d.notes.push((
            "degrees".into(),
            format!(
                "Power-law tail from {} partners: α = {:.3} ± {:.3} over {} of {} linked actors (KS distance {:.3}). Against the exponential: R = {:.1}, p = {}; against the lognormal: R = {:.1}, p = {} (R > 0 favours the power law), as the powerlaw package compares them.",
                f.xmin,
                f.alpha,
                f.alpha_std_error,
                f.n_tail,
                f.n,
                f.ks_distance,
                f.vs_exponential.log_likelihood_ratio,
                crate::output::report::fmt_cell(f.vs_exponential.p),
                f.vs_lognormal.log_likelihood_ratio,
                crate::output::report::fmt_cell(f.vs_lognormal.p)
            ),
        ));
    }
    let c = communities(
        net,
        &view,
        &CommunitiesOpts {
            quality: crate::algo::community::Quality::Modularity,
            resolution: 1.0,
            seed: 1,
            compare: Some(GroupBy::MiniCluster.as_str().to_string()),
            table_top: 0,
        },
    )?;
    d.communities = community_heat(&c, o.communities_rows, o.communities_cols);

    // top tables of the two named views and of the command's view
    let tables = |view: &View| -> (ReportTable, ReportTable) {
        let bt = centrality(
            view,
            &CentralityOpts {
                measures: vec![Measure::Betweenness],
                approx: o.approx,
                top_edges: None,
            },
        );
        let b = brokers(net, view, GroupBy::Region, o.top);
        (
            betweenness_table(net, view, &bt, o.top, o.approx.is_some()),
            brokers_table(&b),
        )
    };
    for w in Named::ALL {
        let nv = build(net, w, vopts.selection.years)?;
        let (top_betweenness, top_brokers) = tables(&nv.view);
        d.views.push(ViewTables {
            id: format!("view-{}", w.as_str()),
            label: w.label(),
            top_betweenness,
            top_brokers,
        });
    }
    (d.top_betweenness, d.top_brokers) = tables(&view);
    d.notes.push((
        "betweenness".into(),
        "Normalised betweenness (NetworkX normalized=True) in each view; ties by actor order."
            .into(),
    ));
    d.notes.push((
        "brokers".into(),
        "Gould–Fernandez brokerage by region (open two-paths through the actor; liaison: all three in different regions) and Burt's constraint and effective size, as iuinet brokers ranks them.".into(),
    ));
    Ok(d)
}

/// The published figures given for more than one year, as small series of
/// the published and the computed value by year.
fn published_series(p: &crate::metrics::published::Published) -> Vec<(String, Lines)> {
    let mut by: BTreeMap<&str, Vec<(i32, f64, f64)>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for r in &p.rows {
        if let Some(y) = r.year {
            if !by.contains_key(r.figure.as_str()) {
                order.push(&r.figure);
            }
            by.entry(&r.figure)
                .or_default()
                .push((y, r.published, r.computed.unwrap_or(f64::NAN)));
        }
    }
    order
        .into_iter()
        .filter_map(|f| {
            let mut v = by.remove(f)?;
            v.sort_by_key(|x| x.0);
            v.dedup_by_key(|x| x.0);
            (v.len() >= 2).then(|| {
                (
                    f.to_string(),
                    Lines {
                        years: v.iter().map(|x| x.0).collect(),
                        series: vec![
                            ("published".into(), v.iter().map(|x| x.1).collect()),
                            ("computed".into(), v.iter().map(|x| x.2).collect()),
                        ],
                        y_desc: String::new(),
                    },
                )
            })
        })
        .collect()
}

/// The degree distribution on log-log axes as its complementary CDF: for
/// each degree k of a linked actor, the share of linked actors with at
/// least k partners; and the fitted power law's (n_tail / n) · ζ(α, k) /
/// ζ(α, xmin) from xmin to the largest degree.
fn degrees(dd: &crate::metrics::structure::DegreeDistribution) -> LogLog {
    let linked: Vec<[u64; 2]> = dd.counts.iter().filter(|c| c[0] > 0).copied().collect();
    let total: u64 = linked.iter().map(|c| c[1]).sum();
    let mut above = total;
    let mut points = Vec::with_capacity(linked.len());
    for c in &linked {
        points.push((c[0] as f64, above as f64 / total as f64));
        above -= c[1];
    }
    let max = linked.last().map_or(1, |c| c[0]);
    let fit = dd.power_law.as_ref().map_or_else(Vec::new, |f| {
        let z = hurwitz_zeta(f.alpha, f.xmin as f64);
        let share = f.n_tail as f64 / f.n as f64;
        // 40 points evenly spaced in log k from xmin to the largest degree
        let (a, b) = ((f.xmin as f64).ln(), (max.max(f.xmin + 1) as f64).ln());
        (0..40)
            .map(|i| {
                let k = (a + (b - a) * i as f64 / 39.0).exp().round().max(1.0);
                (k, share * hurwitz_zeta(f.alpha, k) / z)
            })
            .collect()
    });
    LogLog {
        points,
        fit,
        points_label: "linked actors".into(),
        fit_label: "power law fitted to the tail".into(),
        x_desc: "distinct partners k (degree)".into(),
        y_desc: "share with at least k partners".into(),
    }
}

/// The largest communities (rows) × the mini clusters with the most
/// labelled actors (columns): the share of each community's labelled
/// actors in each mini cluster, with a caption giving NMI and ARI.
fn community_heat(c: &Communities, rows: usize, cols: usize) -> Option<(Heat, String)> {
    let cmp = c.comparison.as_ref()?;
    let comms: Vec<&crate::metrics::communities::CommunityMatch> = cmp
        .communities
        .iter()
        .filter(|m| m.labelled > 0 && c.sizes.get(m.community as usize).is_some_and(|&s| s > 1))
        .take(rows)
        .collect();
    let mut groups: Vec<(&String, &u64)> = cmp.groups.iter().collect();
    groups.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let groups: Vec<&String> = groups.into_iter().take(cols).map(|g| g.0).collect();
    let gi: BTreeMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.as_str(), i))
        .collect();
    let ri: BTreeMap<u32, usize> = comms
        .iter()
        .enumerate()
        .map(|(i, m)| (m.community, i))
        .collect();
    let mut values = vec![vec![Some(0.0); groups.len()]; comms.len()];
    for cell in &cmp.contingency {
        if let (Some(&r), Some(&g)) = (ri.get(&cell.community), gi.get(cell.group.as_str())) {
            values[r][g] = Some(cell.actors as f64 / comms[r].labelled as f64);
        }
    }
    let heat = Heat {
        rows: comms
            .iter()
            .map(|m| {
                format!(
                    "community {} ({} actors)",
                    m.community,
                    c.sizes.get(m.community as usize).copied().unwrap_or(0)
                )
            })
            .collect(),
        cols: groups.iter().map(|g| g.to_string()).collect(),
        values,
        log: false,
        legend: "share of the community's labelled actors".into(),
    };
    let caption = format!(
        "Communities found by Leiden (modularity {:.4}, seed 1; the {} largest of {} with more than one actor) against the official mini clusters (the {} with the most labelled actors, of {}): the share of each community's labelled actors in each mini cluster. NMI {:.4}, ARI {:.4} over {} labelled actors ({} without a mini cluster left out); iuinet communities --compare mini_cluster gives the full table.",
        c.quality,
        comms.len(),
        c.non_singleton,
        groups.len(),
        cmp.groups.len(),
        cmp.nmi,
        cmp.ari,
        cmp.labelled,
        cmp.unlabelled
    );
    Some((heat, caption))
}

/// The top actors by betweenness of a view.
fn betweenness_table(
    net: &Network,
    view: &View,
    bt: &crate::algo::CentralityTable,
    top: usize,
    sampled: bool,
) -> ReportTable {
    let ranking = bt.ranking(Measure::Betweenness);
    ReportTable {
        header: vec![
            "rank".into(),
            "actor".into(),
            "name".into(),
            "kind".into(),
            "region".into(),
            if sampled {
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
fn brokers_table(b: &BrokersReport) -> ReportTable {
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

/// The scorecard's table and small multiples.
fn scorecard_section(sc: &crate::metrics::scorecard::Scorecard, d: &mut ReportData) {
    let one = |x: Option<f64>| x.map_or("–".into(), |v| format!("{v:.1}"));
    d.scorecard = ReportTable {
        header: vec![
            sc.by.to_string(),
            "member firms".into(),
            "interconnection".into(),
            "I-U-I collaboration".into(),
            "R&D".into(),
            "total".into(),
        ],
        rows: sc
            .groups
            .iter()
            .map(|g| {
                let mut r = vec![g.name.clone(), g.overall.member_firms.to_string()];
                r.extend(g.overall.pillars.iter().map(|p| one(p.score)));
                r
            })
            .collect(),
    };
    let titles = ["Interconnection", "I-U-I collaboration", "R&D", "Total"];
    d.scorecard_years = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                t.to_string(),
                Lines {
                    y_desc: "score".into(),
                    years: sc.years.clone(),
                    series: sc
                        .groups
                        .iter()
                        .map(|g| {
                            (
                                g.name.clone(),
                                g.by_year
                                    .iter()
                                    .map(|y| y.card.pillars[i].score.unwrap_or(f64::NAN))
                                    .collect(),
                            )
                        })
                        .collect(),
                },
            )
        })
        .collect();
    d.notes.push((
        "scorecard".into(),
        format!(
            "Each group's indicators scored 100 × value / benchmark ({}), pillar scores and the total as weighted means ({}); the total covers the network-measurable {} of the 2010 evaluation system. Definitions: docs/scorecard.md.",
            sc.benchmark,
            sc.weights.source,
            sc.weights
                .measured_share
                .map_or("–".into(), |s| format!("{:.0}%", 100.0 * s))
        ),
    ));
}
