//! The country search pane: the query line, matches with the matched characters highlighted and
//! the alias that matched, and the chosen country's vote on the selected roll call and record.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use super::resolution_list::window_start;
use super::theme::{Theme, vote_mark};
use crate::app::analysis::View;
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Pane, Typing};
use crate::data::country_search::CountryMatch;
use crate::data::model::long_date;
use crate::data::text::clean;

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let title = format!("Country search {}", app.countries.matches.len());
    let block = pane_block(Pane::Countries, title, theme, focused, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(inner);
    render_query(frame, input, app, theme);
    render_matches(frame, list, app, theme);
    render_detail(frame, detail, app, theme);
}

fn render_query(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.countries;
    let key = keys::key_for(Mode::Normal, Action::StartInput).unwrap_or_default();
    let hint = format!("{key} to search: any name, alias or code (DPRK, Ivory Coast, UK)");
    let editing = app.input == Some(Typing::Country);
    super::render_input(frame, area, "Search: ", &pane.query, editing, &hint, theme);
}

/// A match as spans: the name (matched characters highlighted), then the alias that matched.
pub fn match_spans<'a>(app: &App, m: &'a CountryMatch, theme: &Theme) -> Vec<Span<'a>> {
    let name = &app.data.countries[m.index].name;
    let mut spans = Vec::new();
    let highlight = |text: &str, spans: &mut Vec<Span<'a>>| {
        for (i, ch) in clean(text).chars().enumerate() {
            let style = if m.positions.contains(&i) {
                theme.matched
            } else {
                ratatui::style::Style::new()
            };
            spans.push(Span::styled(ch.to_string(), style));
        }
    };
    if m.matched == *name {
        highlight(name, &mut spans);
    } else {
        spans.push(Span::raw(clean(name).into_owned()));
        spans.push(Span::styled(" — matched '", theme.dim));
        highlight(&m.matched, &mut spans);
        spans.push(Span::styled("'", theme.dim));
        if let Some(remark) = &m.remark {
            spans.push(Span::styled(format!(", {}", clean(remark)), theme.dim));
        }
    }
    spans
}

fn render_matches(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.countries;
    // A place that never held a seat (East Pakistan) is said so above the seats it is near.
    let note = app.country_search.non_member(&pane.query);
    if pane.matches.is_empty() || note.is_some() {
        let text = note.map_or_else(
            || "No country matches.".to_string(),
            |n| n.non_member_note(),
        );
        let paragraph = Paragraph::new(Span::styled(clean(&text).into_owned(), theme.dim))
            .wrap(ratatui::widgets::Wrap { trim: true });
        let width = usize::from(area.width.max(1));
        let needed = text
            .chars()
            .count()
            .div_ceil(width)
            .min(usize::from(area.height));
        let [top, rest] =
            Layout::vertical([Constraint::Length(needed as u16), Constraint::Fill(1)]).areas(area);
        frame.render_widget(paragraph, top);
        if pane.matches.is_empty() {
            return;
        }
        return render_match_rows(frame, rest, app, theme);
    }
    render_match_rows(frame, area, app, theme);
}

fn render_match_rows(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.countries;
    let height = usize::from(area.height);
    let start = window_start(pane.selected, pane.matches.len(), height);
    let lines: Vec<Line> = pane.matches[start..(start + height).min(pane.matches.len())]
        .iter()
        .enumerate()
        .map(|(row, m)| {
            let line =
                super::view_chrome::fit_line(Line::from(match_spans(app, m, theme)), area.width);
            if start + row == pane.selected && pane.chosen == Some(m.index) {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(c), Some(record)) = (app.countries.chosen, app.countries.record.as_ref()) else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Choose a country to see its vote and record.",
                theme.dim,
            )),
            area,
        );
        return;
    };
    let country = &app.data.countries[c];
    let vote_line = match app.roll_call() {
        Some(rc) => {
            let label = clean(app.data.roll_calls[rc].label()).into_owned();
            match app.data.roll_calls[rc].vote_of(c) {
                Some(v) => Line::from(vec![
                    Span::styled(
                        format!("{} ({})", clean(&country.name), country.code),
                        theme.heading,
                    ),
                    Span::raw(format!(" on {label}: ")),
                    Span::styled(
                        format!("{} {}", vote_mark(v), v.label()),
                        theme.vote(v).add_modifier(ratatui::style::Modifier::BOLD),
                    ),
                ]),
                None => Line::raw(format!(
                    "{} ({}) on {label}: not a member",
                    clean(&country.name),
                    country.code
                )),
            }
        }
        None => Line::raw(clean(&country.name).into_owned()),
    };
    let t = record.tally;
    let span = match (&record.first_vote, &record.last_vote) {
        (Some(a), Some(b)) => format!("{} – {}", long_date(a), long_date(b)),
        _ => "no votes".into(),
    };
    let lines = vec![
        vote_line,
        Line::raw(format!(
            "Record: {} Y · {} N · {} A · {} X of {} roll calls",
            t.yes, t.no, t.abstain, t.non_voting, record.roll_calls
        )),
        Line::styled(format!("Member votes {span}"), theme.dim),
        super::hints(
            Mode::Normal,
            &[
                (Action::Confirm, "record"),
                (Action::Open(View::Alignment), "who votes with it"),
                (Action::Open(View::KeyVotes), "key votes"),
            ],
            area.width,
            theme,
        ),
    ];
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| super::view_chrome::fit_line(l, area.width))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
