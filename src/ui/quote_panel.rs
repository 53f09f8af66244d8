//! The quotes pane: one attributed quote at a time for the selected roll call (all quotes when
//! it has none, saying so), text wrapped in full, then who, in what role, how, where and when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use super::theme::Theme;
use crate::app::keys::{self, Mode};
use crate::app::{Action, App, Pane};
use crate::data::text::{MAX_SHOWN, clean, cut, shown, wrap};

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
        area,
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
    let mut paragraphs = vec![
        (q.shown_text(MAX_SHOWN), Style::default()),
        (q.attribution(), theme.heading),
        (q.occasion(), Style::default()),
    ];
    let source = q.source_line();
    if !source.is_empty() {
        paragraphs.push((format!("Source: {}", clean(&source)), theme.dim));
    }
    if !q.note.is_empty() {
        paragraphs.push((format!("Note: {}", shown(&q.note, MAX_SHOWN)), theme.dim));
    }
    // Wrapped here so that a quote longer than the pane ends with `…` and the key that reads
    // it whole, never cut silently.
    let width = usize::from(inner.width.max(1));
    let mut lines: Vec<(String, Style)> = paragraphs
        .into_iter()
        .flat_map(|(text, style)| wrap(&text, width).into_iter().map(move |l| (l, style)))
        .collect();
    let height = usize::from(inner.height);
    let cut_off = lines.len() > height;
    if cut_off && height > 0 {
        lines.truncate(height);
        if let Some((last, _)) = lines.last_mut() {
            *last = cut(last, width);
        }
    }
    let lines: Vec<Line> = lines.into_iter().map(|(l, s)| Line::styled(l, s)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if cut_off {
        let key = keys::key_for(Mode::Normal, Action::Confirm).unwrap_or_default();
        let to = if focused {
            String::new()
        } else {
            "4 then ".to_string()
        };
        super::more_below(frame, area, &format!("more: {to}{key}"), theme, focused);
    }
}
