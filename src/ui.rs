//! Drawing the app with ratatui: the screen layout (four panes, or one pane with a tab bar on
//! small terminals, or a short message on tiny ones), the status line, the footer and the help
//! overlay, and the reading screen, all from `&App`: drawing changes nothing but the scroll
//! offsets the views remember (`ViewState::offset`). One file per pane in `ui/`.

pub mod alignment;
pub mod comparison;
pub mod country_record;
pub mod country_search;
pub mod ideal_points;
pub mod key_votes;
pub mod quote_panel;
pub mod reading;
pub mod resolution_list;
pub mod series;
pub mod theme;
pub mod view_chrome;
pub mod vote_breakdown;
pub mod world_map;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::analysis::View;
use crate::app::keys::{self, Binding, KEYS, Mode};
use crate::app::{Action, App, Pane};
use theme::Theme;

/// Below this size the panes collapse to one at a time.
pub const FULL_SIZE: (u16, u16) = (100, 30);
/// Below this size only a short message is shown.
pub const MIN_SIZE: (u16, u16) = (30, 8);

/// Where things go on a screen of a given size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Too small for anything but a message.
    TooSmall,
    /// One pane (the focused one) under a tab bar.
    Collapsed {
        /// The tab bar.
        tabs: Rect,
        /// The focused pane.
        pane: Rect,
        /// The footer.
        footer: Rect,
    },
    /// All four panes.
    Full {
        /// Each pane's area.
        panes: [(Pane, Rect); 4],
        /// The status line.
        status: Rect,
        /// The footer.
        footer: Rect,
    },
}

/// Lays out a screen of `area`.
pub fn layout(area: Rect) -> Screen {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return Screen::TooSmall;
    }
    if area.width < FULL_SIZE.0 || area.height < FULL_SIZE.1 {
        let [tabs, pane, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        return Screen::Collapsed { tabs, pane, footer };
    }
    let [main, status, footer] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(46), Constraint::Percentage(54)]).areas(main);
    let [list, countries] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
    let [breakdown, quotes] =
        Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(right);
    Screen::Full {
        panes: [
            (Pane::Resolutions, list),
            (Pane::Breakdown, breakdown),
            (Pane::Countries, countries),
            (Pane::Quotes, quotes),
        ],
        status,
        footer,
    }
}

/// The pane at a screen position, for mouse clicks and the wheel.
pub fn pane_at(area: Rect, focus: Pane, column: u16, row: u16) -> Option<Pane> {
    let hit = |r: Rect| column >= r.x && column < r.right() && row >= r.y && row < r.bottom();
    match layout(area) {
        Screen::TooSmall => None,
        Screen::Collapsed { pane, .. } => hit(pane).then_some(focus),
        Screen::Full { panes, .. } => panes.iter().find(|(_, r)| hit(*r)).map(|(p, _)| *p),
    }
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if let Some(reading) = app.reading {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return render_too_small(frame, area);
        }
        return reading::render(frame, area, app, reading, theme);
    }
    if let Some(view) = app.analysis.current() {
        render_view(frame, area, view, app, theme);
    } else {
        render_explorer(frame, area, app, theme);
    }
    if app.help.is_some() && area.width >= MIN_SIZE.0 && area.height >= MIN_SIZE.1 {
        render_help(frame, area, app, theme);
    }
}

/// A full-screen view above the footer.
fn render_view(frame: &mut Frame, area: Rect, view: View, app: &App, theme: &Theme) {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return render_too_small(frame, area);
    }
    let [body, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    match view {
        View::Record => country_record::render(frame, body, app, theme),
        View::Compare => comparison::render(frame, body, app, theme),
        View::Alignment => alignment::render(frame, body, app, theme),
        View::Map => world_map::render(frame, body, app, theme),
        View::KeyVotes => key_votes::render(frame, body, app, theme),
        View::Series => series::render(frame, body, app, theme),
        View::Ideal => ideal_points::render(frame, body, app, theme),
    }
    render_footer(frame, footer, app, theme);
}

fn render_explorer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match layout(area) {
        Screen::TooSmall => render_too_small(frame, area),
        Screen::Collapsed { tabs, pane, footer } => {
            render_tabs(frame, tabs, app, theme);
            render_pane(frame, app.focus, pane, app, theme, true);
            render_footer(frame, footer, app, theme);
        }
        Screen::Full {
            panes,
            status,
            footer,
        } => {
            for (pane, rect) in panes {
                render_pane(frame, pane, rect, app, theme, pane == app.focus);
            }
            render_status(frame, status, app, theme);
            render_footer(frame, footer, app, theme);
        }
    }
}

fn render_pane(frame: &mut Frame, pane: Pane, area: Rect, app: &App, theme: &Theme, focused: bool) {
    match pane {
        Pane::Resolutions => resolution_list::render(frame, area, app, theme, focused),
        Pane::Breakdown => vote_breakdown::render(frame, area, app, theme, focused),
        Pane::Countries => country_search::render(frame, area, app, theme, focused),
        Pane::Quotes => quote_panel::render(frame, area, app, theme, focused),
    }
}

/// The bordered block every pane sits in, its title numbered by its focus key.
/// A title wider than the border is cut with `…`.
pub fn pane_block<'a>(
    pane: Pane,
    title: String,
    theme: &Theme,
    focused: bool,
    area: Rect,
) -> Block<'a> {
    let number = Pane::ALL
        .iter()
        .position(|&p| p == pane)
        .map_or(0, |i| i + 1);
    let style = if focused { theme.focused } else { theme.border };
    let room = usize::from(area.width.saturating_sub(4));
    let title = crate::data::text::truncate(&format!("{number} {title}"), room).into_owned();
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
}

/// Marks the top border of a pane whose text goes on above what it shows (right of the title).
pub fn more_above(frame: &mut Frame, area: Rect, hint: &str, theme: &Theme, focused: bool) {
    if area.height < 2 || area.width < 8 {
        return;
    }
    let style = if focused { theme.focused } else { theme.border };
    let text =
        crate::data::text::truncate(&format!(" {hint} "), usize::from(area.width / 2)).into_owned();
    let width = u16::try_from(crate::data::text::width(&text)).unwrap_or(0);
    let at = Rect::new(area.right().saturating_sub(width + 2), area.y, width, 1);
    frame.render_widget(Paragraph::new(Span::styled(text, style)), at);
}

/// Marks the bottom border of a pane whose text goes on below what it shows: `hint` says how
/// to see the rest.
pub fn more_below(frame: &mut Frame, area: Rect, hint: &str, theme: &Theme, focused: bool) {
    if area.height < 2 || area.width < 8 {
        return;
    }
    let style = if focused { theme.focused } else { theme.border };
    let text =
        crate::data::text::truncate(&format!(" {hint} "), usize::from(area.width - 4)).into_owned();
    let width = u16::try_from(crate::data::text::width(&text)).unwrap_or(0);
    let at = Rect::new(
        area.right().saturating_sub(width + 2),
        area.bottom() - 1,
        width,
        1,
    );
    frame.render_widget(Paragraph::new(Span::styled(text, style)), at);
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Enlarge the terminal to at least {}×{}",
        MIN_SIZE.0, MIN_SIZE.1
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

fn render_tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    for (i, pane) in Pane::ALL.iter().enumerate() {
        let style = if *pane == app.focus {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {} {} ", i + 1, pane.title()), style));
        spans.push(Span::raw(" "));
    }
    let line = view_chrome::fit_line(Line::from(spans), area.width);
    frame.render_widget(Paragraph::new(line), area);
}

fn render_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (first, last) = app.data.coverage().unwrap_or(("?", "?"));
    let text = format!(
        "{first} – {last} · {} roll calls · {} states · {}",
        group_digits(app.data.roll_calls.len()),
        app.data.countries.len(),
        crate::data::text::clean(&app.data.attribution)
    );
    let text = crate::data::text::fit(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), area);
}

/// The footer: a notice when there is one (it says why a key did nothing), else the keys.
fn render_footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(notice) = &app.notice {
        let text = crate::data::text::truncate(notice, usize::from(area.width));
        let text = crate::data::text::clean(&text).into_owned();
        frame.render_widget(Paragraph::new(Span::styled(text, theme.heading)), area);
        return;
    }
    let mode = app.mode();
    let mut spans = Vec::new();
    let mut used = 0;
    if mode == Mode::Input {
        spans.push(Span::styled("typing — ", theme.heading));
        used += 9;
    }
    // As many whole hints as fit, in the table's order (the most useful first); `…` says more
    // are in the help.
    let width = usize::from(area.width);
    let hints: Vec<&Binding> = keys::footer(mode)
        .filter(|b| app.applies(b.action))
        .collect();
    for (i, b) in hints.iter().enumerate() {
        let label = b.label();
        let hint = label.chars().count() + 1 + b.help.chars().count();
        let room_for_more = if i + 1 < hints.len() { 3 } else { 0 };
        if used + hint + room_for_more > width {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        spans.push(Span::styled(label, theme.heading));
        spans.push(Span::raw(format!(" {}  ", b.help)));
        used += hint + 2;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The keys of the current mode (the explorer's or the views'), then the typing keys.
fn render_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mode = match app.mode() {
        Mode::Input | Mode::Help if app.analysis.current().is_some() => Mode::View,
        Mode::Input | Mode::Help => Mode::Normal,
        m => m,
    };
    let empty = crate::app::HelpState::default();
    let help = app.help.as_ref().unwrap_or(&empty);
    let filter = crate::data::text::fold(&help.filter);
    let shown: Vec<&Binding> = KEYS
        .iter()
        .filter(|b| (b.mode.covers(mode) && app.applies(b.action)) || b.mode == Mode::Input)
        .filter(|b| {
            filter.is_empty()
                || crate::data::text::fold(&format!("{} {}", b.label(), b.help))
                    .contains(filter.trim())
        })
        .collect();
    // Two columns when one would not fit and the terminal is wide enough.
    let two = usize::from(area.height.saturating_sub(8)) < shown.len() && area.width >= 112;
    let entry = |b: &Binding| {
        vec![
            Span::styled(format!("{:<15}", b.label()), theme.heading),
            Span::raw(format!("{:<32}", b.help)),
            Span::styled(format!("{:<8}", b.mode.label()), theme.dim),
        ]
    };
    let mut lines: Vec<Line> = if two {
        let half = shown.len().div_ceil(2);
        (0..half)
            .map(|i| {
                let mut spans = entry(shown[i]);
                spans.extend(shown.get(i + half).map(|b| entry(b)).unwrap_or_default());
                Line::from(spans)
            })
            .collect()
    } else {
        shown.iter().map(|b| Line::from(entry(b))).collect()
    };
    if shown.is_empty() {
        lines.push(Line::styled("No key matches what was typed.", theme.dim));
    }
    let note_width = area.width.saturating_sub(6).min(if two { 108 } else { 62 });
    lines.extend(view_chrome::wrap_lines(help_notes(mode, theme), note_width));
    let width = area.width.saturating_sub(4).min(if two { 110 } else { 64 });
    let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    // Scrolled as asked, but never past the point where the last line shows.
    let inner = height.saturating_sub(2);
    let hidden = (lines.len() as u16).saturating_sub(inner);
    let scroll = help.scroll.min(hidden);
    let typed = if help.filter.is_empty() {
        " · type to filter".to_string()
    } else {
        format!(" · filter: {}", crate::data::text::shown(&help.filter, 20))
    };
    let title = if hidden == 0 {
        format!(" Keys{typed} ")
    } else {
        format!(
            " Keys{typed} · ↑↓ scroll · {}–{} of {} ",
            scroll + 1,
            scroll + inner,
            lines.len()
        )
    };
    let title = crate::data::text::truncate(&title, usize::from(width.saturating_sub(2)));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused)
        .title(title);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}

/// The lines below the keys: what can be typed, and how to close the help.
fn help_notes<'a>(mode: Mode, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::raw("")];
    if mode == Mode::View {
        lines.push(Line::raw(
            "Periods: 2022  2000-2025  2022-02-24..  (empty: all)",
        ));
        lines.push(Line::raw(
            "Methods: state-dept  votes-only  voeten (README)",
        ));
    } else {
        lines.push(Line::raw(
            "Filter terms: year:2022  session:ES-11  vote:no (the chosen state's vote), with any words or a symbol",
        ));
        lines.push(Line::raw(
            "Mouse: click a pane to focus it; the wheel scrolls it.",
        ));
    }
    lines.push(Line::styled("? or Esc closes this help", theme.dim));
    lines
}

/// Hints inside a pane, asked of the key table: each action's key (as the table writes it) and
/// what it does there, as many whole hints as fit in `width`, then `…`.
pub fn hints<'a>(mode: Mode, items: &[(Action, &str)], width: u16, theme: &Theme) -> Line<'a> {
    let width = usize::from(width);
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, (action, what)) in items.iter().enumerate() {
        let Some(key) = keys::key_for(mode, *action) else {
            continue;
        };
        let hint = crate::data::text::width(&key) + 1 + crate::data::text::width(what);
        let room_for_more = if i + 1 < items.len() { 3 } else { 0 };
        if used + hint + room_for_more > width {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        spans.push(Span::styled(key, theme.heading));
        spans.push(Span::styled(format!(" {what}  "), theme.dim));
        used += hint + 2;
    }
    Line::from(spans)
}

/// Draws an input line: `label` and the text, with the terminal's own cursor after it while
/// typing; a dim hint when empty and idle. Text wider than the line shows its end after `…`.
pub fn render_input(
    frame: &mut Frame,
    area: Rect,
    label: &str,
    text: &str,
    editing: bool,
    hint: &str,
    theme: &Theme,
) {
    let width = usize::from(area.width);
    if !editing && text.is_empty() {
        let hint = crate::data::text::fit(hint, width);
        frame.render_widget(Paragraph::new(Line::styled(hint, theme.dim)), area);
        return;
    }
    let label = crate::data::text::fit(label, width.saturating_sub(1));
    let room = width.saturating_sub(crate::data::text::width(&label) + 1);
    let text = crate::data::text::fit_end(&crate::data::text::clean(text), room);
    let line = Line::from(vec![Span::styled(label, theme.heading), Span::raw(text)]);
    let end = u16::try_from(line.width()).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(line), area);
    if editing && area.width > 0 && area.height > 0 {
        let x = area.x.saturating_add(end.min(area.width - 1));
        frame.set_cursor_position((x, area.y));
    }
}

/// `6884` → `6,884`.
pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
