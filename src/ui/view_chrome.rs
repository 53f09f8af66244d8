//! What every full-screen view shares: the block around it, the settings line (period, method,
//! group, or the period being typed, or a notice), yearly sparklines as text, and one line per
//! roll call in the views' lists.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::{Theme, vote_mark};
use crate::app::{App, Typing};
use crate::data::Vote;
use crate::data::text::{clean, cut, pad, shown, truncate};

/// Levels of a sparkline, lowest first.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The bordered block of a view.
pub fn view_block<'a>(title: String, theme: &Theme, area: Rect) -> Block<'a> {
    let title = truncate(&clean(&title), usize::from(area.width.saturating_sub(4))).into_owned();
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused)
        .title(Span::styled(format!(" {title} "), theme.focused))
}

/// Splits a view's inner area into its settings line and the rest.
pub fn split(inner: Rect) -> (Rect, Rect) {
    let [settings, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    (settings, body)
}

/// Draws the settings line: the state's name or period being typed, or period · method · group.
pub fn render_settings(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, with_group: bool) {
    let a = &app.analysis;
    match app.input {
        Some(Typing::Find) => {
            return super::render_input(frame, area, "Find a state: ", &a.find, true, "", theme);
        }
        Some(Typing::Period) => {
            let label = "Period (2022, 2000-2025, 2022-02-24..): ";
            return super::render_input(frame, area, label, &a.period_input, true, "", theme);
        }
        _ => {}
    }
    let line = fit_line(settings_line(app, theme, with_group), area.width);
    frame.render_widget(Paragraph::new(line), area);
}

/// Cuts a line of spans to `width` columns, the last span kept ending with `…`.
pub fn fit_line(line: Line<'_>, width: u16) -> Line<'_> {
    let width = usize::from(width);
    if line.width() <= width {
        return line;
    }
    let style = line.style;
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = span.width();
        if used + w <= width.saturating_sub(1) {
            used += w;
            spans.push(span);
            continue;
        }
        spans.push(Span::styled(cut(&span.content, width - used), span.style));
        break;
    }
    Line::from(spans).style(style)
}

/// Lines laid out in `width` columns: a line that fits keeps its styles; a longer one is
/// wrapped whole at spaces, in the style of its first span.
pub fn wrap_lines(lines: Vec<Line<'_>>, width: u16) -> Vec<Line<'_>> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        let style = line.spans.first().map_or(line.style, |s| s.style);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.extend(
            crate::data::text::wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    out
}

/// The settings: period · method · group.
fn settings_line<'a>(app: &'a App, theme: &Theme, with_group: bool) -> Line<'a> {
    let a = &app.analysis;
    // The group before the method: a filter hidden past the edge would mislead; the formula,
    // last, is what a narrow screen cuts.
    let mut spans = vec![
        Span::styled("Period ", theme.dim),
        Span::styled(a.settings.period.to_string(), theme.heading),
    ];
    if with_group {
        spans.push(Span::styled("  Group ", theme.dim));
        spans.push(Span::styled(
            clean(a.group_name().unwrap_or("all")).into_owned(),
            theme.heading,
        ));
    }
    // The method where it changes the figures shown (not on key votes).
    if !app.applies(crate::app::Action::CycleMethod) {
        return Line::from(spans);
    }
    spans.push(Span::styled("  Method ", theme.dim));
    spans.push(Span::styled(a.settings.method.name(), theme.heading));
    spans.push(Span::styled(
        format!(" = {}", a.settings.method.formula()),
        theme.dim,
    ));
    Line::from(spans)
}

/// A yearly series as sparkline text, the newest `width` values; a gap where a year has none.
pub fn spark(values: &[Option<f64>], width: usize) -> String {
    let skip = values.len().saturating_sub(width);
    values[skip..]
        .iter()
        .map(|v| match v {
            Some(p) => {
                let level = (p.clamp(0.0, 100.0) / 100.0 * 7.0).round() as usize;
                LEVELS[level.min(7)]
            }
            None => ' ',
        })
        .collect()
}

/// One roll call in a list: date, symbol, tally, the votes of the given states, and the title.
pub fn roll_call_line<'a>(
    app: &'a App,
    index: usize,
    states: &[usize],
    width: u16,
    theme: &Theme,
    selected: bool,
) -> Line<'a> {
    let data = &app.data;
    let Some(rc) = data.roll_calls.get(index) else {
        return Line::raw("");
    };
    let t = data.tally(index);
    let mut spans = vec![
        Span::styled(format!("{:<10} ", rc.shown_date()), theme.dim),
        Span::styled(format!("{} ", pad(&clean(rc.label()), 16)), theme.heading),
        Span::raw(format!("{:<12}", t.to_string())),
    ];
    for &s in states {
        let code = data.countries.get(s).map_or("", |c| c.code.as_str());
        let vote = rc.vote_of(s);
        let style = vote.map_or(theme.dim, |v| theme.vote(v));
        spans.push(Span::raw(format!("{code} ")));
        spans.push(Span::styled(
            format!("{} ", vote.map_or("··", vote_mark)),
            style,
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let room = usize::from(width).saturating_sub(used);
    spans.push(Span::raw(shown(rc.title_or_note(), room).into_owned()));
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected)
    } else {
        line.style(Style::default())
    }
}

/// A list of roll calls in a view: a heading, the roll calls, whose votes to show beside each,
/// and what to say when there is none.
pub struct RollCallList<'a> {
    /// The line above the list.
    pub heading: Line<'a>,
    /// Roll-call indices, in order.
    pub items: &'a [usize],
    /// States whose votes each line shows.
    pub states: &'a [usize],
    /// Shown instead of an empty list.
    pub empty: &'a str,
}

impl RollCallList<'_> {
    /// Draws the list into `area`, scrolled so the view's selection shows.
    pub fn render(
        self,
        frame: &mut ratatui::Frame,
        area: ratatui::layout::Rect,
        app: &App,
        theme: &Theme,
    ) {
        let height = usize::from(area.height.saturating_sub(1));
        let selected = app.analysis.selected();
        let skip = app
            .analysis
            .top()
            .map_or(0, |top| top.scrolled(height, self.items.len()));
        let mut heading = self.heading;
        if self.items.len() > height {
            let end = (skip + height).min(self.items.len());
            heading.push_span(Span::raw(format!(" · {}–{end}", skip + 1)));
        }
        let mut lines = vec![fit_line(heading, area.width)];
        for (row, &i) in self.items.iter().enumerate().skip(skip).take(height) {
            lines.push(roll_call_line(
                app,
                i,
                self.states,
                area.width,
                theme,
                row == selected,
            ));
        }
        if self.items.is_empty() {
            lines.push(Line::styled(self.empty.to_string(), theme.dim));
        }
        frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
    }
}

/// The style and mark of a vote, for legends.
pub fn legend(theme: &Theme) -> Vec<Span<'static>> {
    Vote::ALL
        .iter()
        .flat_map(|&v| {
            [
                Span::styled(vote_mark(v), theme.vote(v)),
                Span::raw(format!(" {}  ", v.label().to_lowercase())),
            ]
        })
        .collect()
}
