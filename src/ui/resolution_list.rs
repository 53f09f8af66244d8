//! The resolution list pane: filter line, counts, and one row per roll call (date — a month
//! where only the month is known —, symbol, yes-no-abstain, `[amend]`/`[para]`/`[motion]` and
//! flags, title cut to fit), newest first or by relevance.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::{Theme, vote_mark};
use super::{group_digits, pane_block, render_input};
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Pane, Typing};
use crate::data::text::{clean, pad, shown, width as text_width};

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let list = &app.list;
    let whole = if list.whole_only {
        " · whole only"
    } else {
        ""
    };
    let order = match list.order {
        crate::app::resolution_list::Order::Newest => String::new(),
        o => format!(" · {}", o.label()),
    };
    let problem = list
        .problem
        .as_deref()
        .map_or(String::new(), |p| format!(" · {p}"));
    let whose = list
        .state
        .and_then(|s| app.data.countries.get(s))
        .map_or(String::new(), |c| format!(" · {} votes shown", c.code));
    let title = format!(
        "Resolutions {}/{}{whole}{whose}{order}{problem}",
        group_digits(list.shown.len()),
        group_digits(app.data.roll_calls.len())
    );
    let block = pane_block(Pane::Resolutions, title, theme, focused, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [filter_area, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    render_filter(frame, filter_area, app, theme);
    render_rows(frame, rows_area, app, theme);
}

fn render_filter(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = &app.list;
    let key = keys::key_for(Mode::Normal, Action::StartInput).unwrap_or_default();
    let hint = format!("{key} to filter: words, a symbol, year:2022, session:ES-11");
    let editing = app.input == Some(Typing::Filter);
    render_input(frame, area, "/ ", &list.filter, editing, &hint, theme);
}

/// The first row shown so that the selection stays in view (kept near the middle).
pub fn window_start(selected: usize, len: usize, height: usize) -> usize {
    if len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

fn render_rows(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let list = &app.list;
    let height = usize::from(area.height);
    if list.shown.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("No roll call matches.", theme.dim)),
            area,
        );
        return;
    }
    let start = window_start(list.selected, list.shown.len(), height);
    let width = usize::from(area.width);
    let visible = &list.shown[start..(start + height).min(list.shown.len())];
    // Each shown row's symbol and tally, formatted once.
    let cells: Vec<(usize, String, String)> = visible
        .iter()
        .map(|&i| {
            let label = app.data.roll_calls[i].label();
            let symbol = clean(label.strip_prefix("A/RES/").unwrap_or(label)).into_owned();
            let t = app.data.tally(i);
            (i, symbol, t.to_string())
        })
        .collect();
    // The symbol and tally columns as wide as the list needs, so the title gets the rest.
    let (symbol_width, tally_width) = list.widths;
    let lines: Vec<Line> = cells
        .iter()
        .enumerate()
        .map(|(row, (i, symbol, tally))| {
            let rc = &app.data.roll_calls[*i];
            let head = format!(
                "{:<10} {} {tally:>tally_width$} ",
                rc.shown_date(),
                pad(symbol, symbol_width)
            );
            let tag = rc.tag();
            let tag = if tag.is_empty() {
                tag
            } else {
                format!("[{tag}] ")
            };
            // The chosen state's vote, where one is chosen.
            let vote = list.state.map(|s| {
                let v = rc.vote_of(s);
                Span::styled(
                    format!("{} ", v.map_or("··", vote_mark)),
                    v.map_or(theme.dim, |v| theme.vote(v)),
                )
            });
            let vote_width = if vote.is_some() { 3 } else { 0 };
            let room = width.saturating_sub(text_width(&head) + vote_width + text_width(&tag));
            let title = shown(rc.title_or_note(), room).into_owned();
            let mut spans = vec![Span::raw(head)];
            spans.extend(vote);
            spans.push(Span::styled(tag, theme.dim));
            spans.push(Span::raw(title));
            let line = Line::from(spans);
            if start + row == list.selected {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
