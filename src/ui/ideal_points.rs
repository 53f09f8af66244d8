//! The ideal-point view: the pivot's ideal point session by session with its 95 % interval, and
//! a second state's beside it (`c` chooses it), as a ratatui `Chart`; below, the selected
//! session's figures for both and the distance between them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph};

use super::theme::Theme;
use super::view_chrome::{fit_line, view_block, wrap_lines};
use crate::app::analysis::View;
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Typing};
use crate::data::ideal::{Estimates, Point};
use crate::data::text::clean;

/// Draws the view.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let states: Vec<usize> = [a.settings.pivot, a.settings.other]
        .into_iter()
        .flatten()
        .collect();
    let names: Vec<String> = states
        .iter()
        .filter_map(|&c| app.data.countries.get(c))
        .map(|c| format!("{} ({})", c.name, c.code))
        .collect();
    let block = view_block(format!("Ideal points · {}", names.join(" · ")), theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [top, chart, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    if app.input == Some(Typing::Find) {
        super::render_input(frame, top, "Compare with: ", &a.find, true, "", theme);
    } else {
        let choose = keys::key_for(Mode::View, Action::Open(View::Compare)).unwrap_or_default();
        let line = Line::from(vec![
            Span::raw("One scale for every session, the US side positive; "),
            Span::styled("faint lines: 95 % interval", theme.dim),
            Span::raw(format!(" · {choose} compare with another state")),
        ]);
        frame.render_widget(Paragraph::new(fit_line(line, top.width)), top);
    }
    let Some(e) = a.ideal.get() else {
        let why = a.ideal.missing().unwrap_or("Reading the estimates…");
        let lines = wrap_lines(vec![Line::from(why.to_string())], chart.width);
        frame.render_widget(Paragraph::new(lines), chart);
        return;
    };
    let session = a.ideal_session();
    render_chart(frame, chart, app, e, &states, session, theme);
    let lines = wrap_lines(vec![figures(app, e, &states, session, theme)], bottom.width);
    frame.render_widget(Paragraph::new(lines), bottom);
}

/// The colours of the first and second state's lines.
fn colours(theme: &Theme) -> [Style; 2] {
    if theme.color {
        [
            Style::new().fg(Color::Cyan),
            Style::new().fg(Color::LightMagenta),
        ]
    } else {
        [Style::new(), Style::new()]
    }
}

fn render_chart(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    e: &Estimates,
    states: &[usize],
    session: Option<u32>,
    theme: &Theme,
) {
    let series: Vec<&[Point]> = states.iter().map(|&c| e.of_country(c)).collect();
    let all = series.iter().flat_map(|s| s.iter());
    let (mut first, mut last, mut low, mut high) = (u32::MAX, 0u32, f64::MAX, f64::MIN);
    for p in all {
        first = first.min(p.session);
        last = last.max(p.session);
        low = low.min(p.low);
        high = high.max(p.high);
    }
    if first > last {
        let none = "No estimates for this state (no contested votes as a member).";
        frame.render_widget(Paragraph::new(none), area);
        return;
    }
    // Whole units either side, zero always in sight.
    let (low, high) = (low.min(0.0).floor(), high.max(0.0).ceil());
    let points = |s: &[Point], f: fn(&Point) -> f64| -> Vec<(f64, f64)> {
        s.iter().map(|p| (f64::from(p.session), f(p))).collect()
    };
    let lines: Vec<[Vec<(f64, f64)>; 3]> = series
        .iter()
        .map(|s| {
            [
                points(s, |p| p.ideal_point),
                points(s, |p| p.low),
                points(s, |p| p.high),
            ]
        })
        .collect();
    let marker_at: Vec<(f64, f64)> = session
        .map(|s| vec![(f64::from(s), low), (f64::from(s), high)])
        .unwrap_or_default();
    let styles = colours(theme);
    let mut datasets = Vec::new();
    for (k, (&c, [mid, lo, hi])) in states.iter().zip(&lines).enumerate() {
        let style = styles[k.min(1)];
        let code = app.data.countries.get(c).map_or("", |c| c.code.as_str());
        for band in [lo, hi] {
            datasets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(style.patch(theme.dim))
                    .data(band),
            );
        }
        datasets.push(
            Dataset::default()
                .name(code.to_string())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(style)
                .data(mid),
        );
    }
    datasets.push(
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&marker_at),
    );
    let year = |s: u32| format!("{s} ({})", 1945 + s);
    let x_labels = vec![
        Span::raw(year(first)),
        Span::raw(year((first + last) / 2)),
        Span::raw(year(last)),
    ];
    let y_labels: Vec<Span> = [low, (low + high) / 2.0, high]
        .iter()
        .map(|v| Span::raw(format!("{v:.1}")))
        .collect();
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .title(Span::styled("session", theme.dim))
                .bounds([
                    f64::from(first),
                    f64::from(last).max(f64::from(first) + 1.0),
                ])
                .labels(x_labels),
        )
        .y_axis(Axis::default().bounds([low, high]).labels(y_labels))
        .legend_position(Some(LegendPosition::TopLeft));
    frame.render_widget(chart, area);
}

/// The selected session's figures: each state's point, interval and votes, and the distance.
fn figures<'a>(
    app: &App,
    e: &Estimates,
    states: &[usize],
    session: Option<u32>,
    theme: &Theme,
) -> Line<'a> {
    let Some(s) = session else {
        return Line::from("");
    };
    let step = [Action::SelectPrev, Action::SelectNext]
        .map(|a| keys::key_for(Mode::View, a).unwrap_or_default());
    let mut spans = vec![Span::styled(
        format!("Session {s} ({}–{}): ", 1945 + s, 1946 + s),
        theme.heading,
    )];
    let styles = colours(theme);
    let mut at = Vec::new();
    for (k, &c) in states.iter().enumerate() {
        let name = app
            .data
            .countries
            .get(c)
            .map_or(String::new(), |c| clean(&c.name).into_owned());
        let text = match e.get(c, s) {
            Some(p) => {
                at.push(p.ideal_point);
                format!(
                    "{name} {:.2} [{:.2}, {:.2}], {} votes",
                    p.ideal_point, p.low, p.high, p.votes
                )
            }
            None => format!("{name}: no estimate"),
        };
        if k > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(text, styles[k.min(1)]));
    }
    if let [a, b] = at[..] {
        spans.push(Span::raw(format!(" · distance {:.2}", (a - b).abs())));
    }
    spans.push(Span::styled(
        format!("  ({}/{} newer/older session)", step[0], step[1]),
        theme.dim,
    ));
    Line::from(spans)
}
