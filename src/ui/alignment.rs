//! The alignment view: every state ranked by agreement with the pivot, with its counts, the
//! figure, the votes counted and a sparkline of its agreement year by year — or ranked by its
//! distance from the pivot in ideal points, which the last column then shows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::theme::Theme;
use super::view_chrome::{render_settings, spark, split, view_block};
use crate::app::App;
use crate::data::present::{RANKING, cell, ranking_cells};
use crate::data::text::{clean, fit, left_out};

/// Draws the ranking.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let pivot = a.settings.pivot.and_then(|p| app.data.countries.get(p));
    let title = match (pivot, &a.alignment) {
        (Some(p), Some(al)) => format!(
            "Alignment with {} ({}) · {} roll calls counted{}",
            p.name,
            p.code,
            super::group_digits(al.votes),
            left_out(al.left_out)
        ),
        _ => "Alignment".to_string(),
    };
    let session = a.map_session().filter(|_| a.by_distance);
    let pivot_placed = |s: u32| {
        (a.settings.pivot)
            .zip(a.ideal.get())
            .is_some_and(|(p, e)| e.get(p, s).is_some())
    };
    let title = match session {
        Some(s) if pivot_placed(s) => {
            format!("{title} · ranked by distance in ideal points, session {s}")
        }
        Some(s) => format!("{title} · the pivot has no ideal point in session {s}"),
        None if a.by_distance => format!("{title} · {}", a.ideal.missing().unwrap_or("")),
        None => title,
    };
    let block = view_block(title, theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (settings, body) = split(inner);
    render_settings(frame, settings, app, theme, true);
    let Some(al) = &a.alignment else { return };
    if a.rows.is_empty() {
        let text = "No state shares a counted vote with the pivot in this period and group.";
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim)), body);
        return;
    }
    // The columns the CLI prints, then the sparkline taking the rest. Ranked by distance on a
    // narrow screen, the four counts give way to the points and distances.
    let narrow = session.is_some() && body.width < 100;
    let shown: Vec<usize> = (0..RANKING.len())
        .filter(|&k| !(narrow && (3..=6).contains(&k)))
        .collect();
    let widths: Vec<Constraint> = shown
        .iter()
        .map(|&k| Constraint::Length(RANKING[k].width))
        .chain([Constraint::Fill(1)])
        .collect();
    let fixed: u16 = shown.iter().map(|&k| RANKING[k].width + 1).sum();
    let spark_width = usize::from(body.width.saturating_sub(fixed));
    let first = usize::from(a.trend_first_year);
    let last = first
        + a.trend
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .saturating_sub(1);
    let trend = match session {
        Some(s) => format!("ideal point, distance (session {s})"),
        None => format!(
            "by year {}–{last}",
            (last + 1).saturating_sub(spark_width).max(first)
        ),
    };
    let header = Row::new(
        shown
            .iter()
            .map(|&k| Cell::from(cell(&RANKING[k], RANKING[k].header)))
            .chain([Cell::from(fit(&trend, spark_width))]),
    )
    .style(theme.heading);
    // Only the rows on screen are formatted; the view keeps where it was scrolled.
    let height = usize::from(body.height.saturating_sub(1));
    let offset = a.top().map_or(0, |t| t.scrolled(height, a.rows.len()));
    let rows = a
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(rank, &i)| {
            let r = &al.rows[i];
            let c = &app.data.countries[r.country];
            let s = &r.score;
            let mut cells = ranking_cells(rank + 1, &c.code, &clean(&c.name), s);
            // A figure on few votes is marked.
            if s.few() {
                cells[7].push('!');
            } else {
                cells[7].push(' ');
            }
            shown
                .iter()
                .map(|&k| Cell::from(cell(&RANKING[k], &cells[k])))
                .chain([Cell::from(match (session, a.ideal.get()) {
                    (Some(s), Some(e)) => {
                        let at = e.get(r.country, s).map(|p| p.ideal_point);
                        let gap = a.settings.pivot.and_then(|p| e.distance(p, r.country, s));
                        match (at, gap) {
                            (Some(x), Some(d)) => {
                                Line::from(fit(&format!("{x:>6.2} {d:>6.2}"), spark_width))
                            }
                            _ => Line::styled(fit("no estimate", spark_width), theme.dim),
                        }
                    }
                    _ => Line::from(spark(
                        a.trend.get(i).map_or(&[][..], Vec::as_slice),
                        spark_width,
                    )),
                })])
                .collect::<Row>()
        });
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected)
        .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(a.selected().saturating_sub(offset)));
    frame.render_stateful_widget(table, body, &mut state);
}
