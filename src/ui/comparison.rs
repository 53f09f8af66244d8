//! The compare view: two states' agreement with the votes counted (and a warning below ten), the
//! table of vote pairs, agreement per year and per issue tag, and the votes on which they stood
//! on opposite sides, most contested first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::view_chrome::{RollCallList, fit_line, render_settings, spark, split, view_block};
use crate::app::Action;
use crate::app::App;
use crate::app::keys::{self, Mode};
use crate::data::compare::Comparison;
use crate::data::present::{Summary, few_votes_warning};
use crate::data::text::{clean, pad, percent};

/// Draws the comparison.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let name = |i: Option<usize>| {
        i.and_then(|i| app.data.countries.get(i))
            .map_or("?".to_string(), |c| format!("{} ({})", c.name, c.code))
    };
    let title = format!(
        "Compare {} and {}",
        name(a.settings.pivot),
        name(a.settings.other)
    );
    let block = view_block(title, theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (settings, body) = split(inner);
    render_settings(frame, settings, app, theme, false);
    let Some(c) = &a.comparison else { return };
    let [summary, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    frame.render_widget(
        Paragraph::new(summary_lines(c, theme)).wrap(Wrap { trim: true }),
        summary,
    );
    // Side by side when wide; else one at a time, Tab switching (the opposite votes need the
    // width for their titles).
    let years_have_keys = a.top().is_some_and(|t| t.list == 1);
    if rest.width >= WIDE {
        let [left, right] =
            Layout::horizontal([Constraint::Length(44), Constraint::Fill(1)]).areas(rest);
        render_tables(frame, left, app, c, years_have_keys, theme);
        render_divergent(frame, right, app, c, !years_have_keys, theme);
    } else if years_have_keys {
        render_tables(frame, rest, app, c, true, theme);
    } else {
        render_divergent(frame, rest, app, c, true, theme);
    }
}

/// Below this width the opposite votes and the tables take turns.
const WIDE: u16 = 100;

fn summary_lines<'a>(c: &Comparison, theme: &Theme) -> Vec<Line<'a>> {
    let summary = Summary {
        score: &c.score,
        left_out: c.left_out,
    };
    let mut first = vec![Span::styled(summary.to_string(), theme.heading)];
    if let Some(warning) = few_votes_warning(&c.score) {
        first.push(Span::styled(format!("  ! {warning}"), theme.heading));
    }
    vec![Line::from(first)]
}

/// The vote pairs, agreement by year (newest first) and by issue, as one panel that scrolls
/// when the arrows are here, every line reachable.
fn render_tables(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    c: &Comparison,
    has_keys: bool,
    theme: &Theme,
) {
    let mut lines = pair_lines(app, c, theme);
    lines.push(Line::raw(""));
    let years: Vec<Option<f64>> = c.by_year.iter().map(|(_, s)| s.percent).collect();
    let span = match (c.by_year.first(), c.by_year.last()) {
        (Some((f, _)), Some((l, _))) => format!("{f}–{l}"),
        _ => String::new(),
    };
    lines.push(Line::styled(
        format!("By year {span}, newest first"),
        theme.heading,
    ));
    lines.push(Line::raw(spark(
        &years,
        usize::from(area.width).saturating_sub(1),
    )));
    for (year, s) in c.by_year.iter().rev() {
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
    let width = usize::from(area.width).saturating_sub(17).clamp(8, 40);
    for (tag, s) in &c.by_tag {
        lines.push(Line::raw(format!(
            "  {} {:>8} {:>4}",
            pad(&clean(tag), width),
            percent(s.percent),
            s.counted
        )));
    }
    let height = usize::from(area.height.saturating_sub(1));
    let from = app
        .analysis
        .top()
        .map_or(0, |t| t.second)
        .min(lines.len().saturating_sub(height));
    let key = keys::key_for(Mode::View, Action::FocusNext).unwrap_or_default();
    let position = if lines.len() > height {
        format!(
            " · lines {}–{} of {}",
            from + 1,
            (from + height).min(lines.len()),
            lines.len()
        )
    } else {
        String::new()
    };
    let (hint, style) = if has_keys {
        (format!("{position} · ↑↓ · {key}: votes"), theme.selected)
    } else {
        (format!("{position} · {key}: scroll these"), theme.dim)
    };
    let mut shown = vec![fit_line(
        Line::styled(format!("Tables{hint}"), style),
        area.width,
    )];
    shown.extend(lines.into_iter().skip(from).take(height));
    let shown: Vec<Line> = shown.into_iter().map(|l| fit_line(l, area.width)).collect();
    frame.render_widget(Paragraph::new(shown), area);
}

fn pair_lines<'a>(app: &'a App, c: &Comparison, theme: &Theme) -> Vec<Line<'a>> {
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
    lines
}

fn render_divergent(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    c: &Comparison,
    has_keys: bool,
    theme: &Theme,
) {
    let key = keys::key_for(Mode::View, Action::FocusNext).unwrap_or_default();
    let heading = Line::styled(
        format!(
            "Opposite votes, most contested first ({}) · {key}: {}",
            c.divergent.len(),
            if has_keys { "tables" } else { "arrows here" }
        ),
        if has_keys { theme.heading } else { theme.dim },
    );
    let list = RollCallList {
        heading,
        items: &c.divergent,
        states: &[c.a, c.b],
        empty: "None: they never voted yes against no.",
    };
    list.render(frame, area, app, theme);
}
