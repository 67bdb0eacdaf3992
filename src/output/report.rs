//! The HTML report: one self-contained file (inline CSS and SVG, no
//! scripts, no network requests) with the dataset summary, charts drawn
//! with plotters' SVG backend, and tables.
//!
//! The report takes a [`ReportData`] of plain figures;
//! `present/report.rs` fills it from `metrics`. Every chart is a `<figure class="chart"
//! id="…">` holding one `<svg>`, so tests can find it; text stays `<text>`
//! elements (no fonts are embedded).

use crate::error::{Error, Result};
use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt::Write as _;

/// A table of text cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportTable {
    /// Column names.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// Bars over categories, one series per measure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bars {
    /// Category labels along the x axis.
    pub categories: Vec<String>,
    /// (series name, one value per category).
    pub series: Vec<(String, Vec<f64>)>,
    /// The y axis description.
    pub y_desc: String,
}

/// A matrix of values, drawn with a colour scale and its legend.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heat {
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub cols: Vec<String>,
    /// `values[i][j]`; `None` for undefined cells.
    pub values: Vec<Vec<Option<f64>>>,
    /// Colour by the logarithm of the value (positive values; zero cells
    /// are white), so that a few large cells do not take the whole scale.
    pub log: bool,
    /// What the colour legend measures.
    pub legend: String,
}

/// Lines over years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lines {
    /// The years, ascending.
    pub years: Vec<i32>,
    /// (series name, one value per year; NaN = no value).
    pub series: Vec<(String, Vec<f64>)>,
    /// The y axis description.
    pub y_desc: String,
}

/// A distribution on log-log axes: points and a fitted line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LogLog {
    /// (x, share) points, x > 0, share > 0.
    pub points: Vec<(f64, f64)>,
    /// The fitted line's (x, share) points (may be empty).
    pub fit: Vec<(f64, f64)>,
    /// Name of the points' series.
    pub points_label: String,
    /// Name of the fitted line.
    pub fit_label: String,
    /// The x axis description.
    pub x_desc: String,
    /// The y axis description.
    pub y_desc: String,
}

/// An aggregated network: nodes with a size, edges with a width.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregate {
    /// (label, actors) per node.
    pub nodes: Vec<(String, u64)>,
    /// (node, node, links) per edge.
    pub edges: Vec<(usize, usize, u64)>,
}

/// The top actors of one labelled network view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewTables {
    /// Anchor id (`view-collaboration`, …).
    pub id: String,
    /// What the view is (shown as its heading's caption).
    pub label: String,
    /// Top actors by betweenness.
    pub top_betweenness: ReportTable,
    /// Top brokers.
    pub top_brokers: ReportTable,
}

/// Everything the report shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    /// Page title (the dataset name).
    pub title: String,
    /// Lines under the title (view, weighting, version).
    pub subtitle: Vec<String>,
    /// Published figures next to the computed ones (shown first).
    pub published: ReportTable,
    /// The named network views (collaboration, networking), each labelled.
    pub views: Vec<ViewTables>,
    /// The dataset summary: (figure, value).
    pub summary: Vec<(String, String)>,
    /// Consortium-type breakdown.
    pub consortium: Bars,
    /// Region × region link density.
    pub density: Heat,
    /// Inter-business connection averages by firm size class.
    pub size_classes: Bars,
    /// Activities per year.
    pub per_year: Lines,
    /// Participants per year.
    pub participants_per_year: Lines,
    /// The published figures over the years, published and computed, one
    /// small chart per figure: (figure, lines).
    pub published_series: Vec<(String, Lines)>,
    /// The degree distribution on log-log axes.
    pub degrees: LogLog,
    /// Communities × mini clusters (share of each community's labelled
    /// actors), with its caption (NMI, ARI); none when not computed.
    pub communities: Option<(Heat, String)>,
    /// Top actors by betweenness.
    pub top_betweenness: ReportTable,
    /// Top brokers.
    pub top_brokers: ReportTable,
    /// The aggregated network of regions.
    pub regions: Aggregate,
    /// The scorecard: one row per group (pillar scores and total).
    pub scorecard: ReportTable,
    /// The scorecard's small multiples: (title, scores by year per group),
    /// one per pillar and the total.
    pub scorecard_years: Vec<(String, Lines)>,
    /// Notes under each section, by section id.
    pub notes: Vec<(String, String)>,
}

/// Tableau 10: the scorecard's charts have a line per region (7).
const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

const FONT: &str = "sans-serif";

fn draw_err<E: std::fmt::Debug>(e: E) -> Error {
    Error::Usage(format!("drawing a report chart failed: {e:?}"))
}

/// An SVG of `size` on a white ground, drawn by `draw`.
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<()>,
) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Draws the axes and grid of a chart in the report's style: no light
/// lines, faint bold lines, labels of `text` px, axis titles a pixel larger.
fn draw_mesh<X, Y>(mesh: &mut MeshStyle<'_, '_, X, Y, SVGBackend<'_>>, text: u32) -> Result<()>
where
    X: Ranged + ValueFormatter<X::ValueType>,
    Y: Ranged + ValueFormatter<Y::ValueType>,
{
    mesh.light_line_style(WHITE.mix(0.0))
        .bold_line_style(BLACK.mix(0.12))
        .label_style((FONT, text))
        .axis_desc_style((FONT, text + 1))
        .draw()
        .map_err(draw_err)
}

/// Draws the legend of a chart's series at `pos`, labels of `text` px.
fn legend<'a, 'b: 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'b>, CT>,
    pos: SeriesLabelPosition,
    text: u32,
) -> Result<()> {
    chart
        .configure_series_labels()
        .position(pos)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .label_font((FONT, text))
        .draw()
        .map_err(draw_err)
}

/// Escape text for HTML element content and double- or single-quoted
/// attribute values.
pub fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Format a number for axis labels and cells: integers without decimals,
/// others with up to 3 significant decimals.
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        return format!("{}", x.round() as i64);
    }
    let s = if x.abs() >= 100.0 {
        format!("{x:.1}")
    } else if x.abs() >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    };
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn nice_max(m: f64) -> f64 {
    if m <= 0.0 || !m.is_finite() {
        return 1.0;
    }
    m * 1.1
}

/// A grouped bar chart as SVG.
pub fn bar_chart(b: &Bars, size: (u32, u32)) -> Result<String> {
    svg(size, |root| {
        let n = b.categories.len().max(1);
        let max = b
            .series
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .filter(|x| x.is_finite())
            .fold(0.0f64, f64::max);
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(
                -0.5f64..n as f64 - 0.5,
                // room above the bars for the legend
                0f64..nice_max(max) * if b.series.len() > 1 { 1.3 } else { 1.0 },
            )
            .map_err(draw_err)?;
        let mut mesh = chart.configure_mesh();
        mesh.disable_x_mesh()
            .x_labels(0)
            .y_label_formatter(&|y| fmt_num(*y))
            .y_desc(b.y_desc.as_str());
        draw_mesh(&mut mesh, 16)?;
        // category labels under the axis, centred on each group of bars
        for (i, c) in b.categories.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(i as f64, 0.0));
            root.draw(&Text::new(
                c.clone(),
                (px, py + 8),
                (FONT, 16)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(draw_err)?;
        }
        let k = b.series.len().max(1) as f64;
        let width = 0.8 / k;
        for (si, (name, vals)) in b.series.iter().enumerate() {
            let color = PALETTE[si % PALETTE.len()];
            let x0 = -0.4 + width * si as f64;
            chart
                .draw_series(vals.iter().enumerate().filter(|(_, v)| v.is_finite()).map(
                    |(i, &v)| {
                        Rectangle::new(
                            [(i as f64 + x0, 0.0), (i as f64 + x0 + width * 0.92, v)],
                            color.filled(),
                        )
                    },
                ))
                .map_err(draw_err)?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled())
                });
            // value labels on the bars
            chart
                .draw_series(vals.iter().enumerate().filter(|(_, v)| v.is_finite()).map(
                    |(i, &v)| {
                        Text::new(
                            fmt_num(v),
                            (i as f64 + x0 + width * 0.46, v),
                            (FONT, 14)
                                .into_font()
                                .color(&BLACK)
                                .pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )
                    },
                ))
                .map_err(draw_err)?;
        }
        if b.series.len() > 1 {
            legend(&mut chart, SeriesLabelPosition::UpperRight, 16)?;
        }
        Ok(())
    })
}

fn heat_color(t: f64) -> RGBColor {
    // pale yellow → dark blue through green (readable at both ends)
    let t = t.clamp(0.0, 1.0);
    let stops = [
        (0.0, (255.0, 247.0, 188.0)),
        (0.5, (65.0, 182.0, 196.0)),
        (1.0, (8.0, 48.0, 107.0)),
    ];
    let (a, b) = if t <= 0.5 {
        (stops[0], stops[1])
    } else {
        (stops[1], stops[2])
    };
    let u = (t - a.0) / (b.0 - a.0);
    let lerp = |x: f64, y: f64| (x + (y - x) * u).round() as u8;
    RGBColor(lerp(a.1.0, b.1.0), lerp(a.1.1, b.1.1), lerp(a.1.2, b.1.2))
}

/// A cell value with at least two significant digits: small non-zero
/// values in scientific notation (`4.2e-4`), never shown as `0`.
pub fn fmt_cell(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    if x != 0.0 && x.abs() < 0.01 {
        return format!("{x:.1e}");
    }
    fmt_num(x)
}

/// A heat map with the value in each cell and a colour legend, as SVG.
/// Column labels are written vertically above the columns, so long names
/// never overlap; with `log`, the colour follows ln(value) between the
/// smallest and largest positive value.
pub fn heat_map(h: &Heat, size: (u32, u32)) -> Result<String> {
    svg(size, |root| {
        let (nr, nc) = (h.rows.len().max(1) as i32, h.cols.len().max(1) as i32);
        let longest = |v: &[String]| v.iter().map(|l| l.chars().count()).max().unwrap_or(1) as i32;
        let left = (longest(&h.rows) * 8 + 16).clamp(40, 220);
        let top = (longest(&h.cols) * 8 + 16).clamp(30, 200);
        let legend_w = 110;
        let (w, hgt) = (size.0 as i32, size.1 as i32);
        let cell = ((w - left - legend_w - 10) / nc)
            .min((hgt - top - 10) / nr)
            .max(4);
        let vals: Vec<f64> = h
            .values
            .iter()
            .flatten()
            .flatten()
            .copied()
            .filter(|x| x.is_finite() && (!h.log || *x > 0.0))
            .collect();
        let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = vals.iter().copied().fold(0.0f64, f64::max);
        let scale = |v: f64| -> Option<f64> {
            if !v.is_finite() || vals.is_empty() {
                return None;
            }
            if h.log {
                if v <= 0.0 {
                    return None;
                }
                if hi > lo {
                    Some((v.ln() - lo.ln()) / (hi.ln() - lo.ln()))
                } else {
                    Some(1.0)
                }
            } else if hi > 0.0 {
                Some(v / hi)
            } else {
                Some(0.0)
            }
        };
        let font = |size: u32| (FONT, size).into_font().color(&BLACK);
        let text_px = if cell >= 60 { 14 } else { 12 };
        for (j, l) in h.cols.iter().enumerate() {
            let x = left + j as i32 * cell + cell / 2;
            root.draw(&Text::new(
                l.clone(),
                (x, top - 6),
                font(14)
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        for (i, l) in h.rows.iter().enumerate() {
            let y = top + i as i32 * cell + cell / 2;
            root.draw(&Text::new(
                l.clone(),
                (left - 8, y),
                font(14).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        for (i, row) in h.values.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                let (x0, y0) = (left + j as i32 * cell, top + i as i32 * cell);
                let (fill, text, t) = match v {
                    Some(v) if v.is_finite() => match scale(*v) {
                        Some(t) => (heat_color(t), fmt_cell(*v), t),
                        None => (WHITE, fmt_cell(*v), 0.0),
                    },
                    _ => (RGBColor(225, 225, 225), "–".to_string(), 0.0),
                };
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + cell, y0 + cell)],
                    fill.filled(),
                ))
                .map_err(draw_err)?;
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + cell, y0 + cell)],
                    RGBColor(200, 200, 200).stroke_width(1),
                ))
                .map_err(draw_err)?;
                if cell >= 34 {
                    root.draw(&Text::new(
                        text,
                        (x0 + cell / 2, y0 + cell / 2),
                        (FONT, text_px)
                            .into_font()
                            .color(if t > 0.6 { &WHITE } else { &BLACK })
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
        // the colour legend: a vertical bar from the largest to the smallest
        let lx = left + nc * cell + 24;
        let (ly0, ly1) = (top, top + (nr * cell).max(120));
        let steps = 60;
        for k in 0..steps {
            let t = 1.0 - k as f64 / steps as f64;
            let y = ly0 + (ly1 - ly0) * k / steps;
            let y2 = ly0 + (ly1 - ly0) * (k + 1) / steps;
            root.draw(&Rectangle::new(
                [(lx, y), (lx + 16, y2)],
                heat_color(t).filled(),
            ))
            .map_err(draw_err)?;
        }
        root.draw(&Rectangle::new(
            [(lx, ly0), (lx + 16, ly1)],
            RGBColor(120, 120, 120).stroke_width(1),
        ))
        .map_err(draw_err)?;
        if !vals.is_empty() {
            for k in 0..=4 {
                let t = 1.0 - k as f64 / 4.0;
                let v = if h.log && hi > lo {
                    (lo.ln() + t * (hi.ln() - lo.ln())).exp()
                } else if h.log {
                    hi
                } else {
                    t * hi
                };
                let y = ly0 + (ly1 - ly0) * k / 4;
                root.draw(&Text::new(
                    fmt_cell(v),
                    (lx + 22, y),
                    font(12).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(draw_err)?;
            }
        }
        root.draw(&Text::new(
            h.legend.clone(),
            (lx + 90, (ly0 + ly1) / 2),
            font(12)
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ))
        .map_err(draw_err)?;
        Ok(())
    })
}

/// A line chart over years, as SVG. The x axis runs half a year beyond the
/// first and last year, so their labels are never clipped; only whole
/// years are labelled.
pub fn line_chart(l: &Lines, size: (u32, u32)) -> Result<String> {
    svg(size, |root| {
        let (y0, y1) = match (l.years.first(), l.years.last()) {
            (Some(&a), Some(&b)) => (f64::from(a), f64::from(b)),
            _ => (0.0, 1.0),
        };
        let max = l
            .series
            .iter()
            .flat_map(|(_, v)| v.iter().copied())
            .filter(|x| x.is_finite())
            .fold(0.0f64, f64::max);
        let legend_room = if l.series.len() > 1 { 1.35 } else { 1.2 };
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .margin_right(28)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(y0 - 0.5..y1 + 0.5, 0f64..nice_max(max) * legend_room)
            .map_err(draw_err)?;
        let span = (y1 - y0) as usize + 2;
        let mut mesh = chart.configure_mesh();
        mesh.x_labels(span.max(2))
            .x_label_formatter(&|x| {
                if (x - x.round()).abs() < 1e-6 {
                    format!("{}", x.round() as i64)
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| fmt_num(*y))
            .x_desc("year")
            .y_desc(l.y_desc.as_str());
        draw_mesh(&mut mesh, 15)?;
        for (si, (name, vals)) in l.series.iter().enumerate() {
            let color = PALETTE[si % PALETTE.len()];
            let pts: Vec<(f64, f64)> = l
                .years
                .iter()
                .zip(vals)
                .filter(|(_, v)| v.is_finite())
                .map(|(&y, &v)| (f64::from(y), v))
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(3)))
                .map_err(draw_err)?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(3))
                });
            chart
                .draw_series(pts.iter().map(|&p| Circle::new(p, 4, color.filled())))
                .map_err(draw_err)?;
        }
        legend(&mut chart, SeriesLabelPosition::UpperLeft, 15)?;
        Ok(())
    })
}

/// Points and a fitted line on log-log axes, as SVG.
pub fn loglog_chart(d: &LogLog, size: (u32, u32)) -> Result<String> {
    svg(size, |root| {
        let all = || d.points.iter().chain(&d.fit);
        let fold = |f: fn(&(f64, f64)) -> f64, init: f64, g: fn(f64, f64) -> f64| {
            all()
                .map(f)
                .filter(|v| *v > 0.0 && v.is_finite())
                .fold(init, g)
        };
        let (x0, x1) = (
            fold(|p| p.0, f64::INFINITY, f64::min),
            fold(|p| p.0, 0.0, f64::max),
        );
        let (ya, yb) = (
            fold(|p| p.1, f64::INFINITY, f64::min),
            fold(|p| p.1, 0.0, f64::max),
        );
        let (x0, x1) = if x0.is_finite() && x1 > 0.0 {
            (x0, x1)
        } else {
            (1.0, 10.0)
        };
        let (ya, yb) = if ya.is_finite() && yb > 0.0 {
            (ya, yb)
        } else {
            (0.01, 1.0)
        };
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .margin_right(28)
            .x_label_area_size(44)
            .y_label_area_size(80)
            .build_cartesian_2d(
                (x0 / 1.3..x1 * 1.3).log_scale(),
                (ya / 2.0..yb * 2.0).log_scale(),
            )
            .map_err(draw_err)?;
        let mut mesh = chart.configure_mesh();
        mesh.x_label_formatter(&|x| fmt_cell(*x))
            .y_label_formatter(&|y| fmt_cell(*y))
            .x_desc(d.x_desc.as_str())
            .y_desc(d.y_desc.as_str());
        draw_mesh(&mut mesh, 15)?;
        let c0 = PALETTE[0];
        chart
            .draw_series(
                d.points
                    .iter()
                    .map(|&p| Circle::new(p, 3, c0.mix(0.7).filled())),
            )
            .map_err(draw_err)?
            .label(d.points_label.as_str())
            .legend(move |(x, y)| Circle::new((x + 8, y), 4, c0.filled()));
        if !d.fit.is_empty() {
            let c1 = PALETTE[3];
            chart
                .draw_series(LineSeries::new(d.fit.clone(), c1.stroke_width(3)))
                .map_err(draw_err)?
                .label(d.fit_label.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], c1.stroke_width(3))
                });
        }
        legend(&mut chart, SeriesLabelPosition::UpperRight, 15)?;
        Ok(())
    })
}

/// The aggregated network in a circular layout (node i at angle 2πi/n from
/// the top, clockwise): node area ∝ actors, edge width ∝ links. SVG.
pub fn network_drawing(a: &Aggregate, size: (u32, u32)) -> Result<String> {
    svg(size, |root| {
        let (w, h) = (f64::from(size.0), f64::from(size.1));
        let (cx, cy) = (w / 2.0, h / 2.0);
        let r = w.min(h) / 2.0 - 90.0;
        let n = a.nodes.len();
        let pos: Vec<(i32, i32)> = (0..n)
            .map(|i| {
                let t = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
                (
                    (cx + r * t.sin()).round() as i32,
                    (cy - r * t.cos()).round() as i32,
                )
            })
            .collect();
        let max_links = a.edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
        let max_actors = a.nodes.iter().map(|n| n.1).max().unwrap_or(1).max(1) as f64;
        for &(i, j, links) in &a.edges {
            if i >= n || j >= n || i == j {
                continue;
            }
            let width = (1.0 + 11.0 * links as f64 / max_links).round() as u32;
            root.draw(&PathElement::new(
                vec![pos[i], pos[j]],
                RGBColor(120, 120, 120).mix(0.55).stroke_width(width),
            ))
            .map_err(draw_err)?;
        }
        for (i, (label, actors)) in a.nodes.iter().enumerate() {
            let rad = (6.0 + 30.0 * (*actors as f64 / max_actors).sqrt()).round() as i32;
            root.draw(&Circle::new(pos[i], rad, PALETTE[0].mix(0.85).filled()))
                .map_err(draw_err)?;
            let below = (pos[i].0, pos[i].1 + rad + 4);
            root.draw(&Text::new(
                format!("{label} ({actors})"),
                below,
                (FONT, 16)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(draw_err)?;
        }
        Ok(())
    })
}

fn table_html(t: &ReportTable, o: &mut String) {
    o.push_str("<table>\n<thead><tr>");
    for h in &t.header {
        let _ = write!(o, "<th>{}</th>", html_escape(h));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        o.push_str("<tr>");
        for c in r {
            let num = c.parse::<f64>().is_ok();
            let _ = write!(
                o,
                "<td{}>{}</td>",
                if num { " class=\"num\"" } else { "" },
                html_escape(c)
            );
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

const CSS: &str = "body{font-family:sans-serif;margin:24px auto;max-width:1180px;color:#222;background:#fff}\
h1{font-size:26px;margin-bottom:4px}h2{font-size:19px;margin-top:34px;border-bottom:1px solid #ccc;padding-bottom:4px}\
.sub{color:#666;margin:2px 0}.grid{display:flex;flex-wrap:wrap;gap:8px 28px}\
.fig{display:inline-block}figure{margin:8px 0}figcaption{color:#555;font-size:13px;max-width:900px}\
table{border-collapse:collapse;font-size:14px;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 10px;text-align:left}\
th{background:#f3f5f8}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.kv td:first-child{color:#555}.note{color:#555;font-size:13px;max-width:900px}\
.ttl{font-size:13px;color:#333;max-width:370px;margin:4px 0}";

/// The size of a heat map of `cell`-pixel cells with room for its labels
/// and legend.
fn heat_size(h: &Heat, cell: u32) -> (u32, u32) {
    let longest = |v: &[String]| v.iter().map(|l| l.chars().count()).max().unwrap_or(1) as u32;
    let left = (longest(&h.rows) * 8 + 16).clamp(40, 220);
    let top = (longest(&h.cols) * 8 + 16).clamp(30, 200);
    (
        left + cell * h.cols.len().max(1) as u32 + 140,
        (top + cell * h.rows.len().max(1) as u32 + 40).max(top + 170),
    )
}

/// The published section as a table: figure, source table (line), year,
/// published, computed, match, definition.
pub fn published_table(p: &crate::metrics::published::Published) -> ReportTable {
    ReportTable {
        header: [
            "figure",
            "KICOX table (line)",
            "year",
            "data year",
            "published",
            "computed",
            "match",
            "definition",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows: p
            .rows
            .iter()
            .map(|r| {
                let year = |y: Option<i32>| y.map_or("2005-2009".to_string(), |y| y.to_string());
                vec![
                    r.figure.clone(),
                    match r.source_line {
                        Some(l) => format!("{} ({l})", r.source_table),
                        None => r.source_table.clone(),
                    },
                    year(r.year),
                    year(r.data_year),
                    fmt_num(r.published),
                    r.computed.map_or("–".into(), fmt_num),
                    if r.matches { "yes" } else { "no" }.into(),
                    r.definition.to_string(),
                ]
            })
            .collect(),
    }
}

/// Render the whole report as one HTML document.
pub fn render(d: &ReportData) -> Result<String> {
    let note = |id: &str| -> String {
        d.notes
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| format!("<p class=\"note\">{}</p>\n", html_escape(v)))
            .unwrap_or_default()
    };
    let figure = |id: &str, caption: &str, svg: String| -> String {
        format!(
            "<figure class=\"chart\" id=\"{id}\">\n{svg}\n<figcaption>{}</figcaption>\n</figure>\n",
            html_escape(caption)
        )
    };
    // a chart's section: its heading, the figure `chart-KEY`, the note KEY
    let chart = |o: &mut String, h2: &str, key: &str, caption: &str, svg: String| {
        o.push_str(h2);
        o.push_str(&figure(&format!("chart-{key}"), caption, svg));
        o.push_str(&note(key));
    };
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{t}</h1>\n",
        t = html_escape(&d.title)
    );
    for s in &d.subtitle {
        let _ = writeln!(o, "<p class=\"sub\">{}</p>", html_escape(s));
    }
    if !d.published.rows.is_empty() {
        o.push_str("<h2 id=\"published\">Published figures and computed values</h2>\n");
        table_html(&d.published, &mut o);
        o.push_str(&note("published"));
    }
    o.push_str("<h2 id=\"summary\">Dataset summary</h2>\n<table class=\"kv\">\n");
    for (k, v) in &d.summary {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
            html_escape(k),
            html_escape(v)
        );
    }
    o.push_str("</table>\n");
    o.push_str(&note("summary"));

    chart(
        &mut o,
        "<h2>Consortium types</h2>\n",
        "consortium",
        "Collaborations by consortium type (the kinds of actor that take part).",
        bar_chart(&d.consortium, (1100, 320))?,
    );

    chart(
        &mut o,
        "<h2>Region × region link density</h2>\n",
        "density",
        "Link density between regions: linked pairs between actors of the two regions over possible pairs (diagonal: within the region). Colour on a log scale; small densities in scientific notation.",
        heat_map(&d.density, heat_size(&d.density, 62))?,
    );

    chart(
        &mut o,
        "<h2 id=\"degrees\">Degree distribution</h2>\n",
        "degrees",
        "Share of linked actors with at least k distinct partners (log-log, complementary CDF), and the discrete power law fitted to the tail from its xmin (scaled to the tail's share).",
        loglog_chart(&d.degrees, (1000, 520))?,
    );

    if let Some((h, caption)) = &d.communities {
        chart(
            &mut o,
            "<h2 id=\"communities\">Communities and mini clusters</h2>\n",
            "communities",
            caption,
            heat_map(h, heat_size(h, 46))?,
        );
    }

    chart(
        &mut o,
        "<h2>Inter-business connections by firm size</h2>\n",
        "size",
        "Average inter-business connections per firm, by firm size class.",
        bar_chart(&d.size_classes, (1100, 300))?,
    );

    chart(
        &mut o,
        "<h2>Activities and participants per year</h2>\n",
        "years",
        "Left: networking activities (events) per year. Right: distinct actors taking part in them per year.",
        format!(
            "<div class=\"grid\">{}{}</div>",
            line_chart(&d.per_year, (560, 320))?,
            line_chart(&d.participants_per_year, (560, 320))?
        ),
    );

    if !d.published_series.is_empty() {
        o.push_str("<h2 id=\"published-series\">Published figures over the years</h2>\n");
        let mut small = String::from("<div class=\"grid\">");
        for (title, l) in &d.published_series {
            let _ = write!(
                small,
                "<div class=\"fig\"><div class=\"ttl\">{}</div>{}</div>",
                html_escape(title),
                line_chart(l, (370, 250))?
            );
        }
        small.push_str("</div>");
        o.push_str(&figure(
            "chart-published",
            "Each figure of the KICOX report published for more than one year: the published value and the value computed from the data, by year.",
            small,
        ));
    }

    for v in &d.views {
        let _ = writeln!(
            o,
            "<h2 id=\"{}\">Top actors by betweenness: {}</h2>",
            html_escape(&v.id),
            html_escape(&v.label)
        );
        table_html(&v.top_betweenness, &mut o);
        let _ = writeln!(o, "<h2>Top brokers: {}</h2>", html_escape(&v.label));
        table_html(&v.top_brokers, &mut o);
    }
    let flags = if d.views.is_empty() {
        String::new()
    } else {
        ": view of the command's flags".to_string()
    };
    let _ = writeln!(o, "<h2>Top actors by betweenness{flags}</h2>");
    table_html(&d.top_betweenness, &mut o);
    o.push_str(&note("betweenness"));
    let _ = writeln!(o, "<h2>Top brokers{flags}</h2>");
    table_html(&d.top_brokers, &mut o);
    o.push_str(&note("brokers"));

    if !d.scorecard.rows.is_empty() {
        o.push_str("<h2 id=\"scorecard\">Scorecard</h2>\n");
        table_html(&d.scorecard, &mut o);
        o.push_str("<div class=\"grid\">\n");
        for (i, (title, l)) in d.scorecard_years.iter().enumerate() {
            o.push_str(&figure(
                &format!("chart-scorecard-{i}"),
                &format!("{title} score by year (benchmark = 100)."),
                line_chart(l, (560, 300))?,
            ));
        }
        o.push_str("</div>\n");
        o.push_str(&note("scorecard"));
    }

    chart(
        &mut o,
        "<h2>Network of regions</h2>\n",
        "regions",
        "Regions as nodes (size: actors), links between their actors as edges (width: links).",
        network_drawing(&d.regions, (900, 640))?,
    );
    o.push_str("</body>\n</html>\n");
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> ReportData {
        ReportData {
            title: "sample <&>".into(),
            subtitle: vec!["view: all layers".into()],
            summary: vec![("actors".into(), "12".into())],
            consortium: Bars {
                categories: vec!["I-U".into(), "I-U-R".into(), "I-I".into()],
                series: vec![("projects".into(), vec![3.0, 5.0, 1.0])],
                y_desc: "projects".into(),
            },
            density: Heat {
                rows: vec!["Dongnam".into(), "Honam".into()],
                cols: vec!["Dongnam".into(), "Honam".into()],
                values: vec![vec![Some(0.5), Some(0.0004)], vec![Some(0.0004), None]],
                log: true,
                legend: "density".into(),
            },
            size_classes: Bars {
                categories: vec!["lt30".into(), "300+".into()],
                series: vec![
                    ("links".into(), vec![1.5, 4.0]),
                    ("partners".into(), vec![1.0, 2.5]),
                ],
                y_desc: "per firm".into(),
            },
            per_year: Lines {
                years: vec![2005, 2006, 2007],
                series: vec![("activities".into(), vec![2.0, 4.0, 3.0])],
                y_desc: "events".into(),
            },
            participants_per_year: Lines {
                years: vec![2005, 2006, 2007],
                series: vec![("participants".into(), vec![10.0, 25.0, 14.0])],
                y_desc: "actors".into(),
            },
            published_series: vec![],
            degrees: LogLog {
                points: vec![(1.0, 0.5), (2.0, 0.25), (4.0, 0.25)],
                fit: vec![(2.0, 0.3), (4.0, 0.1)],
                points_label: "actors".into(),
                fit_label: "power law".into(),
                x_desc: "partners".into(),
                y_desc: "share".into(),
            },
            communities: None,
            top_betweenness: ReportTable {
                header: vec!["actor".into(), "betweenness".into()],
                rows: vec![vec!["f1".into(), "0.25".into()]],
            },
            top_brokers: ReportTable::default(),
            published: ReportTable::default(),
            views: Vec::new(),
            regions: Aggregate {
                nodes: vec![("Dongnam".into(), 8), ("Honam".into(), 4)],
                edges: vec![(0, 1, 3)],
            },
            scorecard: ReportTable {
                header: vec!["region".into(), "total".into()],
                rows: vec![vec!["Dongnam".into(), "80.0".into()]],
            },
            scorecard_years: vec![(
                "total".into(),
                Lines {
                    y_desc: "score".into(),
                    years: vec![2005, 2006],
                    series: vec![("Dongnam".into(), vec![70.0, 80.0])],
                },
            )],
            notes: vec![],
        }
    }

    #[test]
    fn charts_keep_labels_as_svg_text() {
        let html = render(&sample()).unwrap();
        for id in [
            "chart-consortium",
            "chart-density",
            "chart-size",
            "chart-years",
            "chart-regions",
            "chart-degrees",
        ] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
        for label in [
            "I-U-R",
            "Dongnam",
            "300+",
            "2006",
            "participants",
            "Honam (4)",
            "4.0e-4",
        ] {
            assert!(
                html.contains(&format!("\n{label}\n</text>")),
                "{label} missing"
            );
        }
        assert!(html.contains("sample &lt;&amp;&gt;"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http://") || !html.contains("src=\"http"));
        assert_eq!(render(&sample()).unwrap(), html, "deterministic");
    }
}
