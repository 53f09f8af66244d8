//! The ideal-point view: the pivot's ideal point session by session with its 95 % interval, and
//! a second state's beside it (`c` chooses it), as a ratatui `Chart` — a line only across
//! consecutive sessions, never across years a state did not vote; below, the selected session's
//! figures for both and the distance between them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::theme::Theme;
use super::view_chrome::{fit_line, view_block, wrap_lines};
use crate::app::analysis::View;
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Typing};
use crate::data::ideal::{Estimates, FEW_VOTES, Point, session_years};
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
        Constraint::Length(3),
    ])
    .areas(inner);
    if app.input == Some(Typing::Find) {
        let hint = "(Enter on an empty line: no second state)";
        super::render_input(frame, top, "Compare with: ", &a.find, true, hint, theme);
    } else {
        let styles = colours(theme);
        let mut spans: Vec<Span> = states
            .iter()
            .enumerate()
            .filter_map(|(k, &c)| {
                let code = &app.data.countries.get(c)?.code;
                Some(Span::styled(format!("━ {code}  "), styles[k.min(1)]))
            })
            .collect();
        let choose = keys::key_for(Mode::View, Action::Open(View::Compare)).unwrap_or_default();
        spans.extend([
            Span::styled("faint: 95 % interval · ", theme.dim),
            Span::raw("mean 0, sd 1 over all sessions, the US side positive"),
            Span::styled(format!(" · {choose} compare with another state"), theme.dim),
        ]);
        frame.render_widget(Paragraph::new(fit_line(Line::from(spans), top.width)), top);
    }
    let Some(e) = a.ideal.get() else {
        let why = a.ideal.missing().unwrap_or("Reading the estimates…");
        let lines = wrap_lines(vec![Line::from(why.to_string())], chart.width);
        frame.render_widget(Paragraph::new(lines), chart);
        return;
    };
    let session = a.ideal_session();
    render_chart(frame, chart, e, &states, session, theme);
    let mut lines = wrap_lines(figures(app, e, &states, session, theme), bottom.width);
    if lines.len() > usize::from(bottom.height) {
        lines.truncate(usize::from(bottom.height));
        if let Some(last) = lines.pop() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            lines.push(fit_line(Line::from(format!("{text} …")), bottom.width));
        }
    }
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

/// One run's lines: the point, the low and the high end of its interval, session by session.
type Run = [Vec<(f64, f64)>; 3];

/// A state's points split where sessions are missing (suspended, not yet or no longer a
/// member), so that no line is drawn across them.
fn runs(points: &[Point]) -> Vec<&[Point]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || points[i].session != points[i - 1].session + 1 {
            out.push(&points[start..i]);
            start = i;
        }
    }
    out
}

fn render_chart(
    frame: &mut Frame,
    area: Rect,
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
    // For each state, each run of consecutive sessions: the point, the low and the high end.
    let lines: Vec<Vec<Run>> = series
        .iter()
        .map(|s| {
            runs(s)
                .into_iter()
                .map(|run| {
                    [
                        points(run, |p| p.ideal_point),
                        points(run, |p| p.low),
                        points(run, |p| p.high),
                    ]
                })
                .collect()
        })
        .collect();
    let marker_at: Vec<(f64, f64)> = session
        .map(|s| vec![(f64::from(s), low), (f64::from(s), high)])
        .unwrap_or_default();
    let styles = colours(theme);
    let mut datasets = Vec::new();
    for (k, state_runs) in lines.iter().enumerate() {
        let style = styles[k.min(1)];
        for [mid, lo, hi] in state_runs {
            // A session standing alone is dots, not lines.
            let graph = if mid.len() > 1 {
                GraphType::Line
            } else {
                GraphType::Scatter
            };
            for band in [lo, hi] {
                datasets.push(
                    Dataset::default()
                        .marker(Marker::Braille)
                        .graph_type(graph)
                        .style(style.patch(theme.dim))
                        .data(band),
                );
            }
            datasets.push(
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(graph)
                    .style(style)
                    .data(mid),
            );
        }
    }
    datasets.push(
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&marker_at),
    );
    let year = |s: u32| format!("{s} ({})", 1945 + s);
    // Three labels where they fit, else the ends only.
    let x_labels = if area.width >= 50 {
        vec![
            Span::raw(year(first)),
            Span::raw(year((first + last) / 2)),
            Span::raw(year(last)),
        ]
    } else {
        vec![Span::raw(first.to_string()), Span::raw(last.to_string())]
    };
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
        .legend_position(None);
    frame.render_widget(chart, area);
}

/// The selected session's figures: each state's point, interval and votes, and the distance;
/// then the keys that step through the sessions.
fn figures<'a>(
    app: &App,
    e: &Estimates,
    states: &[usize],
    session: Option<u32>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let Some(s) = session else {
        return Vec::new();
    };
    let step = [Action::SelectPrev, Action::SelectNext]
        .map(|a| keys::key_for(Mode::View, a).unwrap_or_default());
    // The newest session is still running when the data end before the next one opens.
    let so_far = if e.sessions().is_some_and(|(_, last)| last == s) {
        " (to the data's last vote)"
    } else {
        ""
    };
    let mut spans = vec![Span::styled(
        format!("Session {s} ({}){so_far}: ", session_years(s)),
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
                let few = if p.votes < FEW_VOTES {
                    " (few: rough)"
                } else {
                    ""
                };
                format!(
                    "{name} {:.2} [{:.2}, {:.2}], {} votes{few}",
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
    let keys = Line::styled(
        format!("{}/{} newer/older session", step[0], step[1]),
        theme.dim,
    );
    vec![Line::from(spans), keys]
}
