//! `simulate --format svg`: the summary as a chart that reads on its own,
//! drawn with `plotters`' SVG backend (the native binary only: the `cli`
//! feature; the npm bin refuses `--format svg`).
//!
//! Top: the cumulative notified, succeeded and failed things per minute
//! from creation, the median as a line and the p5–p95 band shaded. Bottom:
//! the aborted trials per minute of the abort. Above both, the headline
//! answers in words. Every coordinate is a whole pixel and every number is
//! formatted here or by `plotters` from the summary alone: the same
//! summary gives the same bytes (no ids, no clock, no fonts read).

use crate::simulate::{duration, Band, Summary};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt::Display;

const WIDTH: u32 = 960;
const HEIGHT: u32 = 720;
const NOTIFIED: RGBColor = RGBColor(0x1f, 0x77, 0xb4);
const SUCCEEDED: RGBColor = RGBColor(0x2c, 0xa0, 0x2c);
const FAILED: RGBColor = RGBColor(0xd6, 0x27, 0x28);
const ABORTED: RGBColor = RGBColor(0x94, 0x67, 0xbd);

fn err(e: impl Display) -> String {
    e.to_string()
}

/// An axis label: `45 min`, `2 h 30 min`, `3 d 04 h`.
fn minute_label(m: u64) -> String {
    match m {
        0..=59 => format!("{m} min"),
        60..=1439 if m % 60 == 0 => format!("{} h", m / 60),
        60..=1439 => format!("{} h {:02} min", m / 60, m % 60),
        _ if m % 1440 == 0 => format!("{} d", m / 1440),
        _ => format!("{} d {:02} h", m / 1440, (m % 1440) / 60),
    }
}

fn percent(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

/// The chart of `summary`, titled `name` (the simulation's file name), as
/// an SVG document.
///
/// # Errors
/// A drawing error of `plotters`, as text (none is expected: the backend
/// writes to a string).
pub(crate) fn svg(summary: &Summary, name: &str) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (head, rest) = root.split_vertically(76);
        headline(&head, summary, name)?;
        let (top, bottom) = rest.split_vertically(400);
        let minutes = minutes(summary);
        timeline(&top, summary, minutes)?;
        aborts(&bottom, summary, minutes)?;
        root.present().map_err(err)?;
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// The x axis of both charts: the timeline and every abort.
fn minutes(s: &Summary) -> u64 {
    let last_abort = s.abort_minutes.keys().next_back().map_or(0, |m| m + 1);
    s.timeline.minutes.max(last_abort).max(2)
}

fn headline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Summary,
    name: &str,
) -> Result<(), String> {
    let a = &s.abort_probability;
    let completion = s.completion_ms.as_ref().map_or_else(
        || String::from("no trial ended before the horizon"),
        |c| {
            format!(
                "time to a terminal status p50 {}, p95 {}",
                duration(c.p50),
                duration(c.p95)
            )
        },
    );
    let exposure = s.exposed_before_abort.as_ref().map_or_else(
        || String::from("no abort"),
        |x| {
            format!(
                "things notified before the abort p50 {}, p95 {}",
                x.p50, x.p95
            )
        },
    );
    let lines = [
        (
            format!(
                "Rollout simulation: {name} ({} trials, seed {}, {} things)",
                s.trials, s.seed, s.fleet_size
            ),
            22,
        ),
        (
            format!(
                "abort probability {} (95 % interval {} to {}); {}",
                percent(a.estimate),
                percent(a.low),
                percent(a.high),
                completion
            ),
            17,
        ),
        (
            format!(
                "{exposure}; retries per trial mean {:.1}, p95 {}",
                s.retries.mean, s.retries.p95
            ),
            17,
        ),
    ];
    let mut y = 8;
    for (text, size) in lines {
        area.draw(&Text::new(text, (12, y), ("sans-serif", size).into_font()))
            .map_err(err)?;
        y += size + 4;
    }
    Ok(())
}

/// Points of a chart: (minute, things).
type Points = Vec<(u64, u64)>;

/// One panel's axes: minutes after creation across, `0..ymax` up, the
/// caption above, a light grid.
fn axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    caption: &str,
    minutes: u64,
    ymax: u64,
    y_desc: &str,
) -> Result<
    ChartContext<
        'a,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordu64, plotters::coord::types::RangedCoordu64>,
    >,
    String,
> {
    let mut chart = ChartBuilder::on(area)
        .caption(caption, ("sans-serif", 18))
        .margin(12)
        .margin_right(36)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(0u64..minutes, 0u64..ymax)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("time after creation")
        .y_desc(y_desc)
        .x_label_formatter(&|&m| minute_label(m))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .x_labels(12)
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// The band's outline (p95 forward, p5 back) and the median line.
fn band_points(b: &Band) -> (Points, Points) {
    let mut outline: Points = (0u64..).zip(b.p95.iter().copied()).collect();
    let low: Points = (0u64..).zip(b.p5.iter().copied()).collect();
    outline.extend(low.into_iter().rev());
    let median = (0u64..).zip(b.p50.iter().copied()).collect();
    (outline, median)
}

fn timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Summary,
    minutes: u64,
) -> Result<(), String> {
    let ymax = s.fleet_size.max(1);
    let mut chart = axes(
        area,
        "Cumulative things per minute after creation (line: median; band: p5 to p95 over trials)",
        minutes,
        ymax,
        "things",
    )?;
    let t = &s.timeline;
    for (label, band, colour) in [
        ("notified", &t.notified, NOTIFIED),
        ("succeeded", &t.succeeded, SUCCEEDED),
        ("failed", &t.failed, FAILED),
    ] {
        let (outline, median) = band_points(band);
        if !outline.is_empty() {
            chart
                .draw_series(std::iter::once(Polygon::new(outline, colour.mix(0.18))))
                .map_err(err)?;
        }
        let last = band.p50.last().copied().unwrap_or(0);
        chart
            .draw_series(LineSeries::new(median, colour.stroke_width(2)))
            .map_err(err)?
            .label(format!("{label} (median at the end: {last})"))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .label_font(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    Ok(())
}

fn aborts<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Summary,
    minutes: u64,
) -> Result<(), String> {
    let aborted: u64 = s.abort_minutes.values().sum();
    let caption = match &s.abort_ms {
        Some(q) => format!(
            "When the abort fired: {aborted} of {} trials, by minute (p50 {}, p95 {})",
            s.trials,
            duration(q.p50),
            duration(q.p95)
        ),
        None => format!("When the abort fired: no abort in {} trials", s.trials),
    };
    let ymax = s.abort_minutes.values().copied().max().unwrap_or(0).max(1);
    let mut chart = axes(area, &caption, minutes, ymax, "aborted trials")?;
    // Minute m holds the aborts in (m − 1, m] minutes.
    chart
        .draw_series(s.abort_minutes.iter().map(|(&m, &n)| {
            Rectangle::new([(m.saturating_sub(1), 0), (m.max(1), n)], ABORTED.filled())
        }))
        .map_err(err)?;
    Ok(())
}
