//! The compare view: two states' agreement with the votes counted (and a warning below ten), the
//! table of vote pairs, agreement per year and per issue tag, and the votes on which they stood
//! on opposite sides, most contested first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::view_chrome::{RollCallList, settings_line, spark, split, view_block};
use crate::app::App;
use crate::data::compare::{Comparison, FEW_VOTES};
use crate::data::text::{clean, left_out, percent, truncate};

/// Draws the comparison.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let name = |i: Option<usize>| {
        i.and_then(|i| app.data.countries.get(i))
            .map_or("?".to_string(), |c| format!("{} ({})", c.name, c.code))
    };
    let title = format!("Compare {} and {}", name(a.pivot), name(a.other));
    let block = view_block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (settings, body) = split(inner);
    frame.render_widget(Paragraph::new(settings_line(app, theme, false)), settings);
    let Some(c) = &a.comparison else { return };
    let [summary, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    frame.render_widget(
        Paragraph::new(summary_lines(c, theme)).wrap(Wrap { trim: true }),
        summary,
    );
    let [left, right] =
        Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(rest);
    frame.render_widget(Paragraph::new(left_lines(app, c, left.width, theme)), left);
    render_divergent(frame, right, app, c, theme);
}

fn summary_lines<'a>(c: &Comparison, theme: &Theme) -> Vec<Line<'a>> {
    let s = &c.score;
    let mut first = vec![
        Span::styled(format!("Agreement {}", percent(s.percent)), theme.heading),
        Span::raw(format!(
            " over {} votes counted · same {} · opposite {} · partial {} · absent {}{}",
            s.counted,
            s.same,
            s.opposite,
            s.partial,
            s.absent,
            left_out(c.left_out)
        )),
    ];
    if s.counted < FEW_VOTES {
        first.push(Span::styled(
            format!("  ! fewer than {FEW_VOTES} votes: the figure says little"),
            theme.heading,
        ));
    }
    vec![Line::from(first)]
}

fn left_lines<'a>(app: &'a App, c: &Comparison, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let code = |i: usize| app.data.countries.get(i).map_or("", |c| c.code.as_str());
    let mut lines = vec![Line::styled(
        format!("Vote pairs: {} down, {} across", code(c.a), code(c.b)),
        theme.heading,
    )];
    lines.push(Line::styled(
        format!(
            "{:>9}{:>7}{:>7}{:>9}{:>8}",
            "", "Yes", "No", "Abstain", "Absent"
        ),
        theme.dim,
    ));
    for (label, row) in ["Yes", "No", "Abstain", "Absent"]
        .iter()
        .zip(c.pairs.m.iter())
    {
        lines.push(Line::raw(format!(
            "{label:>9}{:>7}{:>7}{:>9}{:>8}",
            row[0], row[1], row[2], row[3]
        )));
    }
    lines.push(Line::raw(""));
    let years: Vec<Option<f64>> = c.by_year.iter().map(|(_, s)| s.percent).collect();
    let span = match (c.by_year.first(), c.by_year.last()) {
        (Some((f, _)), Some((l, _))) => format!("{f}–{l}"),
        _ => String::new(),
    };
    lines.push(Line::styled(format!("By year {span}"), theme.heading));
    lines.push(Line::raw(spark(
        &years,
        usize::from(width).saturating_sub(1),
    )));
    for (year, s) in c.by_year.iter().rev().take(3) {
        lines.push(Line::raw(format!(
            "  {year}  {:>8}  ({} votes)",
            percent(s.percent),
            s.counted
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "By issue (most frequent first)",
        theme.heading,
    ));
    for (tag, s) in &c.by_tag {
        lines.push(Line::raw(format!(
            "  {:<26} {:>8} {:>4}",
            truncate(&clean(tag), 26),
            percent(s.percent),
            s.counted
        )));
    }
    lines
}

fn render_divergent(frame: &mut Frame, area: Rect, app: &App, c: &Comparison, theme: &Theme) {
    let heading = Line::styled(
        format!(
            "Opposite votes, most contested first ({})",
            c.divergent.len()
        ),
        theme.heading,
    );
    let list = RollCallList {
        heading,
        items: &c.divergent,
        states: &[c.a, c.b],
        empty: "None: they never voted yes against no.",
    };
    list.render(frame, area, app, theme);
}
