//! The key votes view: for the pivot and the period, the votes on which it stood in a small
//! minority, the closest final votes, and the votes on which the permanent members split.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::view_chrome::{render_settings, roll_call_line, split, view_block};
use crate::app::App;
use crate::app::analysis::KeySection;
use crate::data::text::left_out;

/// Draws the three lists as one, each under its heading, scrolled to the selection.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let pivot = a.settings.pivot.and_then(|p| app.data.countries.get(p));
    let left = a.key_votes.as_ref().map_or(0, |k| k.left_out);
    let title = pivot.map_or("Key votes".to_string(), |p| {
        format!("Key votes · {} ({}){}", p.name, p.code, left_out(left))
    });
    let block = view_block(title, theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (settings, body) = split(inner);
    render_settings(frame, settings, app, theme, false);
    let list = a.key_vote_list();
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut section = None;
    for (row, (s, i)) in list.iter().enumerate() {
        if section != Some(*s) {
            section = Some(*s);
            lines.push((None, Line::styled(s.title(), theme.heading)));
        }
        let states: Vec<usize> = match s {
            KeySection::P5Splits => {
                let date = app
                    .data
                    .roll_calls
                    .get(*i)
                    .map_or("", |rc| rc.date.as_str());
                a.groups
                    .members_on("P5", date)
                    .filter_map(|code| app.data.country_index(code))
                    .collect()
            }
            _ => a.settings.pivot.into_iter().collect(),
        };
        lines.push((
            Some(row),
            roll_call_line(app, *i, &states, body.width, theme, row == a.selected()),
        ));
    }
    if list.is_empty() {
        lines.push((
            None,
            Line::styled("No contested vote in this period.", theme.dim),
        ));
    }
    let height = usize::from(body.height);
    let at = lines
        .iter()
        .position(|(r, _)| *r == Some(a.selected()))
        .unwrap_or(0);
    let skip = a
        .top()
        .map_or(0, |top| top.scrolled_to(at, height, lines.len()));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
}
