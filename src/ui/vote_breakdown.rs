//! The vote breakdown pane: the selected roll call's symbol, date (a month where only the month
//! is known), session, kind, meeting record and title, its flag or whether the stated totals
//! agree with the counted ones, a bar chart of the four kinds of vote, and the
//! roll — every state grouped by its vote (no, abstain and non-voting first; the long yes group
//! last and scrollable), the chosen country highlighted, each
//! state under the name it had that day.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Wrap};

use super::pane_block;
use super::theme::{Theme, vote_mark};
use super::view_chrome::fit_line;
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Pane};
use crate::data::model::Precision;
use crate::data::present::Check;
use crate::data::text::{MAX_SHOWN, clean, cut, shown, width as width_of, wrap};
use crate::data::{Tally, Vote};

/// The order groups are listed in the roll.
const ROLL_ORDER: [Vote; 4] = [Vote::No, Vote::Abstain, Vote::NonVoting, Vote::Yes];

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let block = pane_block(
        Pane::Breakdown,
        Pane::Breakdown.title().to_string(),
        theme,
        focused,
        area,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(index) = app.roll_call() else {
        frame.render_widget(
            Paragraph::new(Span::styled("No roll call selected.", theme.dim)),
            inner,
        );
        return;
    };
    let tally = app.data.tally(index);
    // The head takes what the chart and three lines of roll leave; the title is wrapped whole
    // when it fits there, else its last line shown ends with `…` and says how to read it all.
    let budget = usize::from(inner.height.saturating_sub(5 + 3)).max(2);
    let head_lines = head_lines(app, index, tally, budget, inner.width, theme);
    let groups = group_lines(app, inner.width, theme);
    let [head, chart, split, roll] = Layout::vertical([
        Constraint::Length(head_lines.len() as u16),
        Constraint::Length(4),
        Constraint::Length(groups.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head_lines), head);
    render_chart(frame, chart, tally, theme);
    frame.render_widget(Paragraph::new(groups), split);
    let (above, below) = render_roll(frame, roll, app, index, theme);
    let keys = |arrow: &str| {
        if focused {
            format!("more: {arrow}")
        } else {
            format!("more: 2 then {arrow}")
        }
    };
    if below {
        super::more_below(frame, area, &keys("↓"), theme, focused);
    }
    if above {
        super::more_above(frame, area, &keys("↑ Home"), theme, focused);
    }
}

/// The head of the pane in at most `budget` lines of `width` columns: symbol, date, session and
/// kind; meeting, draft and record; the flag or the check of the totals; the title, wrapped.
fn head_lines<'a>(
    app: &'a App,
    index: usize,
    tally: Tally,
    budget: usize,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let rc = &app.data.roll_calls[index];
    let check = match Check::of(rc.stated, &tally) {
        c @ Check::Agrees => Span::raw(format!("✓ {c}")),
        c @ Check::Differs(_) => Span::styled(format!("✗ {c}"), theme.vote(Vote::No)),
        c @ Check::NoneStated => Span::styled(c.to_string(), theme.dim),
    };
    let date = match rc.date_precision {
        Precision::Month => format!("{} (day not known)", rc.long_date()),
        Precision::Day => rc.shown_date().to_string(),
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(clean(rc.label()).into_owned(), theme.heading),
        Span::raw(format!("  {date}  session {}  ", clean(&rc.session))),
        Span::styled(rc.kind.label(), theme.dim),
    ])];
    let mut record = Vec::new();
    if !rc.meeting.is_empty() {
        record.push(format!("meeting {}", clean(&rc.meeting)));
    }
    if !rc.draft.is_empty() {
        record.push(format!("draft {}", clean(&rc.draft)));
    }
    if let Some(library) = rc.library_symbol() {
        record.push(format!("UN Library {}", clean(library)));
    }
    if !rc.id.starts_with("U:") {
        record.push(format!("roll call {}", clean(&rc.id)));
    }
    if !record.is_empty() {
        lines.push(Line::styled(record.join(" · "), theme.dim));
    }
    lines.push(match rc.flag() {
        Some(flag) => Line::styled(
            format!("⚑ {} — left out of every statistic", flag.label()),
            theme.vote(Vote::No),
        ),
        None => Line::from(check),
    });
    // The UN's document, on a line of its own (cut with `…` where too narrow; `o` opens it).
    if let Some(url) = rc.document_url() {
        lines.push(Line::styled(url, theme.dim));
    }
    let mut lines: Vec<Line> = lines.into_iter().map(|l| fit_line(l, width)).collect();
    lines.truncate(budget.saturating_sub(1).max(1));
    let room = budget.saturating_sub(lines.len()).max(1);
    let title = wrap(&shown(rc.title_or_note(), MAX_SHOWN), usize::from(width));
    if title.len() <= room {
        lines.extend(title.into_iter().map(Line::raw));
        return lines;
    }
    let key = keys::key_for(Mode::Normal, Action::Confirm).unwrap_or_default();
    let more = format!(" ({key}: whole title)");
    let last = format!("{} {}", title[room - 1], title[room]);
    let kept = usize::from(width).saturating_sub(width_of(&more));
    lines.extend(title.into_iter().take(room - 1).map(Line::raw));
    lines.push(Line::from(vec![
        Span::raw(cut(&last, kept)),
        Span::styled(more, theme.dim),
    ]));
    lines
}

/// How each group voted, as it was on the day: `AG 30-2-15 · APG 38-2-13 …`, wrapped at the
/// separators; a group whose members voted no is marked in the colour of no.
fn group_lines<'a>(app: &App, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    // The regional groups are today's lists (no dates in the data); the EU and P5 as they were.
    let label = "By group (regional: today's lists) ";
    let mut spans: Vec<Span> = vec![Span::styled(label, theme.dim)];
    let mut used = width_of(label);
    for (group, t) in &app.split {
        let name = crate::data::text::truncate(&clean(group), 16).into_owned();
        let figures = t.to_string();
        let cell = width_of(&name) + 1 + width_of(&figures) + 3;
        if used + cell > width && used > 0 {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        spans.push(Span::styled(name, theme.heading));
        let style = if t.no > 0 {
            theme.vote(Vote::No)
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {figures}"), style));
        spans.push(Span::raw("   "));
        used += cell;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

fn render_chart(frame: &mut Frame, area: Rect, tally: Tally, theme: &Theme) {
    let bars: Vec<Bar> = Vote::ALL
        .iter()
        .map(|&v| {
            Bar::default()
                .value(u64::from(tally.get(v)))
                // The count in the label, right-aligned, so that every bar starts in one column.
                .label(Line::from(format!(
                    "{} {:<10} {:>3}",
                    vote_mark(v),
                    v.label(),
                    tally.get(v)
                )))
                .text_value(String::new())
                .style(theme.vote(v))
                .value_style(
                    theme
                        .vote(v)
                        .add_modifier(ratatui::style::Modifier::REVERSED),
                )
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .bar_width(1)
        .bar_gap(0)
        .max(u64::from(tally.members().max(1)));
    frame.render_widget(chart, area);
}

/// How many rows `text` takes wrapped word by word at `width`, and on which of them `mark`
/// first appears.
fn wrapped_rows(text: &str, width: usize, mark: &str) -> (usize, Option<usize>) {
    let (mut rows, mut used, mut at) = (1usize, 0usize, None);
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > width {
            rows += 1;
            used = 0;
        }
        rows += len.saturating_sub(1) / width.max(1);
        used = if used == 0 {
            len % width.max(1)
        } else {
            used + 1 + len
        };
        if at.is_none() && word.contains(mark) {
            at = Some(rows - 1);
        }
    }
    (rows, at)
}

/// Draws the roll; whether it goes on above and below the area.
fn render_roll(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    index: usize,
    theme: &Theme,
) -> (bool, bool) {
    let chosen = app.countries.chosen;
    let rc = &app.data.roll_calls[index];
    let mut lines = Vec::new();
    // Where the chosen state's name falls once the roll is wrapped (counted as the paragraph
    // wraps, word by word), to bring it into view when the user has not scrolled.
    let width = usize::from(area.width.max(1));
    let mut row = 0usize;
    let mut chosen_row = None;
    for vote in ROLL_ORDER {
        let voters = app.data.voters(index, vote);
        let style = theme.vote(vote);
        let mut spans = vec![Span::styled(
            if voters.is_empty() {
                format!("{} {} (0)", vote_mark(vote), vote.label())
            } else {
                format!("{} {} ({}): ", vote_mark(vote), vote.label(), voters.len())
            },
            style.add_modifier(ratatui::style::Modifier::BOLD),
        )];
        for (n, &c) in voters.iter().enumerate() {
            let name = clean(&app.data.name_in(c, rc)).into_owned();
            let sep = if n + 1 < voters.len() { ", " } else { "" };
            if Some(c) == chosen {
                spans.push(Span::styled(format!("▶{name}◀"), theme.chosen));
                spans.push(Span::raw(sep));
            } else {
                spans.push(Span::raw(format!("{name}{sep}")));
            }
        }
        let line = Line::from(spans);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let (rows, at) = wrapped_rows(&text, width, "▶");
        if let Some(at) = at {
            chosen_row = Some(row + at);
        }
        row += rows;
        lines.push(line);
    }
    let height = usize::from(area.height.max(1));
    // Where the user scrolled, or where the chosen state shows; never past the last line.
    let last = row.saturating_sub(height);
    let wanted = match (app.roll_scroll, chosen_row) {
        (Some(s), _) => usize::from(s),
        (None, Some(r)) if r >= height => r + 1 - height / 2,
        (None, _) => 0,
    };
    let scroll = u16::try_from(wanted.min(last)).unwrap_or(0);
    app.roll_shown.set(scroll);
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .scroll((scroll, 0));
    frame.render_widget(paragraph, area);
    (scroll > 0, usize::from(scroll) + height < row)
}
