//! The series view: a recurring resolution year by year — each roll call's date, symbol, tally
//! as a stacked bar, the chosen state's vote and how many states switched from the year
//! before — and, below, the switchers of the selected year grouped by the way they switched.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::{Theme, vote_mark};
use super::view_chrome::{fit_line, view_block, wrap_lines};
use crate::app::keys::{self, Mode};
use crate::app::{Action, App};
use crate::data::Vote;
use crate::data::series::summary;
use crate::data::text::{clean, pad};

/// Draws the series.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let Some(s) = &a.series else { return };
    let data = &app.data;
    let seed = &data.roll_calls[s.seed];
    let block = view_block(format!("Series · {}", seed.title), theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if s.items.is_empty() {
        return;
    }
    let summary = Line::styled(summary(data, &s.items, &s.changes), theme.dim);
    // The switchers below the years when there is room for both; a short screen keeps the years.
    let below = if inner.height >= 12 {
        (inner.height / 3).max(4)
    } else {
        0
    };
    let [head, table, switchers] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(below),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(fit_line(summary, head.width)), head);
    render_years(frame, table, app, theme);
    render_switchers(frame, switchers, app, theme);
}

/// One row per roll call, oldest first, only the rows on screen formatted.
fn render_years(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let Some(s) = &a.series else { return };
    let data = &app.data;
    let pivot = a
        .settings
        .pivot
        .and_then(|p| data.countries.get(p).map(|c| (p, c.code.as_str())));
    let who = pivot.map_or(String::new(), |(_, code)| format!("{code:<5}"));
    let fixed = 10 + 1 + 16 + 1 + 10 + 1 + who.len() + 9;
    let bar_width = usize::from(area.width).saturating_sub(fixed + 1).max(4);
    let header = Line::styled(
        format!(
            "{:<10} {} {:>10} {} {who}{:>9}",
            "Date",
            pad("Symbol", 16),
            "Tally",
            pad("yes █ / no ▓ / abstain ░", bar_width),
            "Switched"
        ),
        theme.heading,
    );
    let height = usize::from(area.height.saturating_sub(1));
    let offset = a.top().map_or(0, |t| t.scrolled(height, s.items.len()));
    let selected = a.selected();
    let mut lines = vec![fit_line(header, area.width)];
    for (row, &i) in s.items.iter().enumerate().skip(offset).take(height) {
        let rc = &data.roll_calls[i];
        let t = data.tally(i);
        // Shares of the votes cast, each kind cast at least one cell, never wider than the bar.
        let cast = (t.yes + t.no + t.abstain).max(1) as usize;
        let part = |n: u32| {
            let cells = n as usize * bar_width / cast;
            if n > 0 { cells.max(1) } else { 0 }
        };
        let (no, abstain) = (part(t.no), part(t.abstain));
        let yes = part(t.yes).min(bar_width.saturating_sub(no + abstain));
        let mut spans = vec![
            Span::styled(format!("{:<10} ", rc.shown_date()), theme.dim),
            Span::styled(format!("{} ", pad(&clean(rc.label()), 16)), theme.heading),
            Span::raw(format!("{:>10} ", t.to_string())),
            // Colour and shape both: full blocks yes, dark shade no, light shade abstain.
            Span::styled("█".repeat(yes), theme.vote(Vote::Yes)),
            Span::styled("▓".repeat(no), theme.vote(Vote::No)),
            Span::styled("░".repeat(abstain), theme.vote(Vote::Abstain)),
            Span::raw(" ".repeat(bar_width.saturating_sub(yes + no + abstain) + 1)),
        ];
        if let Some((p, _)) = pivot {
            let vote = rc.vote_of(p);
            spans.push(Span::styled(
                format!("{:<5}", vote.map_or("··", vote_mark)),
                vote.map_or(theme.dim, |v| theme.vote(v)),
            ));
        }
        spans.push(Span::raw(format!(
            "{:>9}",
            s.switchers.get(row).copied().unwrap_or(0)
        )));
        let line = Line::from(spans);
        lines.push(if row == selected {
            line.style(theme.selected)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The states that switched on the selected roll call, grouped by the way they switched.
fn render_switchers(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let Some(s) = &a.series else { return };
    let data = &app.data;
    let Some(&i) = s.items.get(a.selected()) else {
        return;
    };
    let rc = &data.roll_calls[i];
    let key = keys::key_for(Mode::View, Action::Confirm).unwrap_or_default();
    let tab = keys::key_for(Mode::View, Action::FocusNext).unwrap_or_default();
    let has_keys = a.top().is_some_and(|t| t.list == 1);
    let mut lines = vec![];
    let mut by_way: BTreeMap<(u8, u8), Vec<String>> = BTreeMap::new();
    for c in s.changes.iter().filter(|c| c.roll_call == i) {
        by_way
            .entry((c.from.code(), c.to.code()))
            .or_default()
            .push(clean(&data.name_in(c.country, rc)).into_owned());
    }
    if by_way.is_empty() {
        let first = s.items.first() == Some(&i);
        lines.push(Line::styled(
            if first {
                "The first vote of the series."
            } else {
                "No state changed its vote."
            },
            theme.dim,
        ));
    }
    for ((from, to), mut names) in by_way {
        names.sort_by_cached_key(|n| crate::data::text::fold(n));
        let (Some(from), Some(to)) = (Vote::from_code(from), Vote::from_code(to)) else {
            continue;
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{} → ", from.label()), theme.vote(from)),
            Span::styled(
                format!("{} ({}): ", to.label(), names.len()),
                theme.vote(to),
            ),
            Span::raw(names.join(", ")),
        ]));
    }
    // Scrolled with the arrows once `Tab` gives them here; the heading says where and how.
    let lines = wrap_lines(lines, area.width);
    let height = usize::from(area.height.saturating_sub(1));
    let from = a
        .top()
        .map_or(0, |t| t.second)
        .min(lines.len().saturating_sub(height));
    let more = if lines.len() > height {
        let end = (from + height).min(lines.len());
        let how = if has_keys {
            "↑↓".to_string()
        } else {
            format!("{tab} then ↓")
        };
        format!(" · lines {}–{end} of {} ({how})", from + 1, lines.len())
    } else {
        String::new()
    };
    // Where the list stands first: a narrow screen cuts the end of the heading, not that.
    let heading = Line::styled(
        format!(
            "Switched on {} ({}){more} · from the previous vote of the series · {key} opens this vote",
            clean(rc.label()),
            rc.shown_date()
        ),
        if has_keys {
            theme.selected
        } else {
            theme.heading
        },
    );
    let mut shown = vec![fit_line(heading, area.width)];
    shown.extend(lines.into_iter().skip(from).take(height));
    frame.render_widget(Paragraph::new(shown), area);
}
