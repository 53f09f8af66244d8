//! The quotes pane: one attributed quote at a time for the selected roll call (all quotes when
//! it has none, saying so), text wrapped in full, then who, in what role, how, where and when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::pane_block;
use super::theme::Theme;
use crate::app::{App, Pane};
use crate::data::text::{MAX_SHOWN, clean, shown};

/// Draws the pane.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let panel = &app.quotes;
    let position = if panel.shown.is_empty() {
        "0/0".to_string()
    } else {
        format!("{}/{}", panel.selected + 1, panel.shown.len())
    };
    let scope = if panel.fallback {
        " · none on this vote, showing all"
    } else {
        ""
    };
    let block = pane_block(
        Pane::Quotes,
        format!("Quotes {position}{scope}"),
        theme,
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(q) = panel
        .shown
        .get(panel.selected)
        .and_then(|&i| app.data.quotes.get(i))
    else {
        frame.render_widget(
            Paragraph::new(Span::styled("No quotes loaded.", theme.dim)),
            inner,
        );
        return;
    };
    let mut lines = vec![
        Line::raw(q.shown_text(MAX_SHOWN)),
        Line::from(vec![
            Span::styled(format!("— {}", clean(&q.speaker)), theme.heading),
            Span::raw(format!(", {} ({})", clean(&q.role), clean(&q.country))),
        ]),
        Line::raw(format!(
            "{} · {} · on {}",
            clean(&q.channel),
            clean(&q.date),
            clean(&q.resolution)
        )),
    ];
    let source = q.source_line();
    if !source.is_empty() {
        lines.push(Line::styled(
            format!("Source: {}", clean(&source)),
            theme.dim,
        ));
    }
    if !q.note.is_empty() {
        lines.push(Line::styled(
            format!("Note: {}", shown(&q.note, MAX_SHOWN)),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
