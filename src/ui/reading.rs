//! The reading screen: one roll call's title, one quote, or a vote's citation (what `y`
//! copied), whole, as plain text over the terminal without borders or panes beside it, so that a
//! mouse selection copies only it. Long text scrolls; a web address is kept on one line of its
//! own, never wrapped.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::keys::Mode;
use crate::app::{Action, App, Readable, Reading};
use crate::data::text::{MAX_SHOWN, clean, shown, wrap};

/// Draws the reading screen over `area`, its last line saying where the text is and how to
/// leave.
pub fn render(frame: &mut Frame, area: Rect, app: &App, reading: Reading, theme: &Theme) {
    let [body, footer] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let width = usize::from(body.width.max(1));
    let mut lines: Vec<Line> = Vec::new();
    for (text, style, wrapped) in paragraphs(app, reading.what, theme) {
        if wrapped {
            lines.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, style)),
            );
        } else {
            // A web address on lines of its own, whole: one wider than the screen goes on at the
            // start of the next line (never cut, never broken at a space).
            let chars: Vec<char> = text.chars().collect();
            for part in chars.chunks(width) {
                lines.push(Line::styled(part.iter().collect::<String>(), style));
            }
        }
    }
    let height = usize::from(body.height.max(1));
    let hidden = lines.len().saturating_sub(height);
    let scroll = usize::from(reading.scroll).min(hidden);
    let shown_lines: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown_lines), body);
    let position = if hidden == 0 {
        String::new()
    } else {
        format!(
            "lines {}–{} of {} · ↑↓ scroll · ",
            scroll + 1,
            scroll + height,
            hidden + height
        )
    };
    let close = crate::app::keys::KEYS
        .iter()
        .find(|b| b.mode == Mode::Reading && b.action == Action::Back)
        .map_or(String::new(), |b| format!("{} close", b.label()));
    let hint = match &app.notice {
        Some(notice) => crate::data::text::clean(notice).into_owned(),
        None => format!("{position}{close}"),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            crate::data::text::fit(&hint, usize::from(footer.width)),
            theme.dim,
        )),
        footer,
    );
}

/// The paragraphs read: text, style, and whether it wraps (web addresses do not).
fn paragraphs(app: &App, what: Readable, theme: &Theme) -> Vec<(String, Style, bool)> {
    let data = &app.data;
    let plain = Style::default();
    let mut out = Vec::new();
    match what {
        Readable::Title(i) => {
            let Some(rc) = data.roll_calls.get(i) else {
                return out;
            };
            out.push((
                format!(
                    "{} · {} · session {} · {}",
                    clean(rc.label()),
                    rc.long_date(),
                    clean(&rc.session),
                    rc.kind.label()
                ),
                theme.heading,
                true,
            ));
            out.push((String::new(), plain, true));
            out.push((
                shown(rc.title_or_note(), MAX_SHOWN).into_owned(),
                plain,
                true,
            ));
            let t = data.tally(i);
            out.push((String::new(), plain, true));
            out.push((
                format!(
                    "Yes {} · No {} · Abstain {} · Non-voting {}",
                    t.yes, t.no, t.abstain, t.non_voting
                ),
                theme.dim,
                true,
            ));
        }
        Readable::Citation(i) => {
            let Some(c) = crate::data::cite::cite(data, i) else {
                return out;
            };
            out.push((
                "Citation — copied to the clipboard where the terminal allows it (OSC 52); \
                 select it here with the mouse otherwise"
                    .to_string(),
                theme.dim,
                true,
            ));
            out.push((String::new(), plain, true));
            out.push((c.text, plain, true));
            if let Some(rc) = data.roll_calls.get(i) {
                out.push((String::new(), plain, true));
                for (what, url) in rc.links() {
                    out.push((format!("{what}:"), theme.dim, true));
                    out.push((url, plain, false));
                }
            }
        }
        Readable::Quote(i) => {
            let Some(q) = data.quotes.get(i) else {
                return out;
            };
            out.push((q.shown_text(MAX_SHOWN), plain, true));
            out.push((String::new(), plain, true));
            out.push((q.attribution(), theme.heading, true));
            out.push((q.occasion(), plain, true));
            let title = q.source_title.trim();
            if !title.is_empty() {
                out.push((
                    format!("Source: {}", shown(title, MAX_SHOWN)),
                    theme.dim,
                    true,
                ));
            }
            let url = q.source_url.trim();
            if !url.is_empty() {
                out.push((shown(url, MAX_SHOWN).into_owned(), theme.dim, false));
            }
            if !q.note.is_empty() {
                out.push((String::new(), plain, true));
                out.push((
                    format!("Note: {}", shown(&q.note, MAX_SHOWN)),
                    theme.dim,
                    true,
                ));
            }
        }
    }
    out
}
