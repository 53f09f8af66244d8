//! The country record view: membership span with former states and successors, regional group,
//! overall counts, with and against the majority, the yes / no / abstain / non-voting shares year
//! by year as sparklines, and the most isolated votes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::{Theme, vote_mark};
use super::view_chrome::{RollCallList, spark, view_block};
use crate::app::keys::{self, Mode};
use crate::app::{Action, App};
use crate::data::Vote;
use crate::data::model::long_date;
use crate::data::profile::Profile;
use crate::data::text::{clean, left_out};

/// Draws the record of the pivot state.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(p) = &app.analysis.profile else {
        return;
    };
    let Some(c) = app.data.countries.get(p.country) else {
        return;
    };
    let block = view_block(
        format!("Country record · {} ({})", c.name, c.code),
        theme,
        area,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let facts = super::view_chrome::wrap_lines(facts(app, p, theme), inner.width);
    let [top, shares, isolated] = Layout::vertical([
        Constraint::Length(facts.len() as u16),
        Constraint::Length(7),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(facts), top);
    frame.render_widget(Paragraph::new(share_lines(p, shares.width, theme)), shares);
    render_isolated(frame, isolated, app, p, theme);
}

fn facts<'a>(app: &'a App, p: &'a Profile, theme: &Theme) -> Vec<Line<'a>> {
    let data = &app.data;
    let name = |code: &str| data.name_with_code(code);
    let r = &p.record;
    let link = keys::key_for(Mode::View, Action::FollowLink).unwrap_or_default();
    let mut lines = Vec::new();
    let span = match (&r.first_vote, &r.last_vote) {
        (Some(f), Some(l)) => format!(
            "{} – {}, {} roll calls{}",
            long_date(f),
            long_date(l),
            super::group_digits(r.roll_calls as usize),
            left_out(r.left_out as usize)
        ),
        _ => "no roll call as a member".to_string(),
    };
    let group = if p.groups.is_empty() {
        "none".to_string()
    } else {
        p.groups.join(", ")
    };
    lines.push(Line::from(vec![
        Span::styled("Votes as a member ", theme.dim),
        Span::raw(span),
        Span::styled(" · UN regional group ", theme.dim),
        Span::raw(clean(&group).into_owned()),
    ]));
    if let Some(s) = &p.successor {
        lines.push(Line::from(vec![
            Span::styled("Former state, succeeded by ", theme.dim),
            Span::styled(name(s), theme.heading),
            Span::styled(format!("  ({link} opens it)"), theme.dim),
        ]));
    }
    if !p.predecessors.is_empty() {
        let names: Vec<String> = p.predecessors.iter().map(|c| name(c)).collect();
        lines.push(Line::from(vec![
            Span::styled("Succeeded ", theme.dim),
            Span::styled(names.join(", "), theme.heading),
            Span::styled(format!("  ({link} opens it)"), theme.dim),
        ]));
    }
    let mut counts = Vec::new();
    for v in Vote::ALL {
        counts.push(Span::styled(vote_mark(v), theme.vote(v)));
        counts.push(Span::raw(format!(
            " {} {}  ",
            v.label(),
            super::group_digits(r.tally.get(v) as usize)
        )));
    }
    lines.push(Line::from(counts));
    let sided = p.with_majority + p.against_majority;
    if sided > 0 {
        let share = 100.0 * f64::from(p.with_majority) / f64::from(sided);
        lines.push(Line::raw(format!(
            "With the majority {} times, against it {} ({share:.1} % of its yes/no votes with it)",
            super::group_digits(p.with_majority as usize),
            super::group_digits(p.against_majority as usize)
        )));
    }
    lines
}

fn share_lines<'a>(p: &Profile, width: u16, theme: &Theme) -> Vec<Line<'a>> {
    let room = usize::from(width).saturating_sub(12);
    let shown = &p.years[p.years.len().saturating_sub(room)..];
    let (first, last) = match (shown.first(), shown.last()) {
        (Some(f), Some(l)) => (f.year, l.year),
        _ => return vec![],
    };
    let mut lines = vec![Line::styled(
        format!("Share of its votes by year, {first}–{last} (one column a year)"),
        theme.heading,
    )];
    for v in Vote::ALL {
        let values: Vec<Option<f64>> = shown
            .iter()
            .map(|y| {
                let n = y.tally.members();
                (n > 0).then(|| 100.0 * f64::from(y.tally.get(v)) / f64::from(n))
            })
            .collect();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<11} ", v.label()), theme.vote(v)),
            Span::styled(spark(&values, room), theme.vote(v)),
        ]));
    }
    let axis = if shown.len() < 10 {
        format!("{first}–{last}")
    } else {
        format!("{first}{}{last}", " ".repeat(shown.len() - 8))
    };
    lines.push(Line::styled(format!("{:<12}{axis}", ""), theme.dim));
    lines
}

fn render_isolated(frame: &mut Frame, area: Rect, app: &App, p: &Profile, theme: &Theme) {
    let key = keys::key_for(Mode::View, Action::Confirm).unwrap_or_default();
    let heading = Line::styled(
        format!(
            "Most isolated votes: on the losing side of the widest margins ({key} opens the vote)"
        ),
        theme.heading,
    );
    let list = RollCallList {
        heading,
        items: &p.isolated,
        states: &[p.country],
        empty: "None: it never voted on the losing side.",
    };
    list.render(frame, area, app, theme);
}
