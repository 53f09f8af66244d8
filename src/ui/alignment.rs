//! The alignment view: every state ranked by agreement with the pivot, with its counts, the
//! figure, the votes counted and a sparkline of its agreement year by year.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::theme::Theme;
use super::view_chrome::{settings_line, spark, split, view_block};
use crate::app::App;
use crate::data::compare::FEW_VOTES;
use crate::data::text::{clean, left_out, percent};

/// Draws the ranking.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let pivot = a.pivot.and_then(|p| app.data.countries.get(p));
    let title = match (pivot, &a.alignment) {
        (Some(p), Some(al)) => format!(
            "Alignment with {} ({}) · {} roll calls counted{}",
            p.name,
            p.code,
            al.votes,
            left_out(al.left_out)
        ),
        _ => "Alignment".to_string(),
    };
    let block = view_block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (settings, body) = split(inner);
    frame.render_widget(Paragraph::new(settings_line(app, theme, true)), settings);
    let Some(al) = &a.alignment else { return };
    if a.rows.is_empty() {
        let text = "No state shares a counted vote with the pivot in this period and group.";
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim)), body);
        return;
    }
    let widths = [
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(24),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(9),
        Constraint::Length(6),
        Constraint::Fill(1),
    ];
    let fixed: u16 = 4 + 4 + 24 + 5 * 4 + 9 + 6 + 9;
    let spark_width = usize::from(body.width.saturating_sub(fixed));
    let first = usize::from(a.trend_first_year);
    let last = first
        + a.trend
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .saturating_sub(1);
    let trend = format!(
        "by year {}–{last}",
        (last + 1).saturating_sub(spark_width).max(first)
    );
    let header = Row::new(
        [
            "#",
            "Code",
            "State",
            "Same",
            "Opp",
            "Part",
            "Abs",
            "Agreement",
            "Votes",
        ]
        .into_iter()
        .map(Cell::from)
        .chain([Cell::from(trend)]),
    )
    .style(theme.heading);
    let rows = a.rows.iter().enumerate().map(|(rank, &i)| {
        let r = &al.rows[i];
        let c = &app.data.countries[r.country];
        let s = &r.score;
        let few = s.counted < FEW_VOTES;
        Row::new(vec![
            Cell::from(format!("{:>3}", rank + 1)),
            Cell::from(c.code.clone()),
            Cell::from(clean(&c.name).into_owned()),
            Cell::from(format!("{:>4}", s.same)),
            Cell::from(format!("{:>4}", s.opposite)),
            Cell::from(format!("{:>4}", s.partial)),
            Cell::from(format!("{:>4}", s.absent)),
            Cell::from(Line::from(vec![
                Span::raw(format!("{:>8}", percent(s.percent))),
                Span::styled(if few { "!" } else { " " }, theme.heading),
            ])),
            Cell::from(format!("{:>5}", s.counted)),
            Cell::from(spark(
                a.trend.get(i).map_or(&[][..], Vec::as_slice),
                spark_width,
            )),
        ])
    });
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected)
        .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(a.selected));
    frame.render_stateful_widget(table, body, &mut state);
}
