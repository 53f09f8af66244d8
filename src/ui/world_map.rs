//! The world map view: ratatui's `Canvas` with its world `Map`, each state a letter at its
//! centroid (a former state on its successor's), coloured and lettered by its vote on the
//! selected roll call, by its agreement with the pivot in tenths, or by its ideal point in the
//! period's last session; a legend below. The marker set can be switched for terminals that do
//! not render braille.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};

use super::theme::{Theme, vote_mark};
use super::view_chrome::{legend, render_settings, view_block};
use crate::app::analysis::{MapColouring, MapMarker};
use crate::app::keys::{self, Mode};
use crate::app::{Action, App};
use crate::data::Dataset;

/// Draws the map.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.analysis;
    let marks = match a.colouring {
        MapColouring::Vote => vote_marks(app, theme),
        MapColouring::Agreement => agreement_marks(app, theme),
        MapColouring::IdealPoint => ideal_marks(app, theme),
    };
    let title = match a.colouring {
        MapColouring::Vote => app
            .roll_call()
            .and_then(|i| app.data.roll_calls.get(i))
            .map_or("World map".to_string(), |rc| {
                format!("World map · {} · {}", rc.label(), rc.shown_date())
            }),
        MapColouring::Agreement => {
            let pivot = a.settings.pivot.and_then(|p| app.data.countries.get(p));
            format!(
                "World map · agreement with {}",
                pivot.map_or("?", |c| c.name.as_str())
            )
        }
        MapColouring::IdealPoint => match a.map_session() {
            Some(s) => format!(
                "World map · ideal points, session {s} ({})",
                crate::data::ideal::session_years(s)
            ),
            None => "World map · ideal points".to_string(),
        },
    };
    let block = view_block(title, theme, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [settings, map, key] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    if matches!(
        a.colouring,
        MapColouring::Agreement | MapColouring::IdealPoint
    ) {
        render_settings(frame, settings, app, theme, false);
    }
    let outline = if theme.color {
        Color::DarkGray
    } else {
        Color::Reset
    };
    let marker = match a.marker {
        MapMarker::Braille => Marker::Braille,
        MapMarker::HalfBlock => Marker::HalfBlock,
        MapMarker::Dot => Marker::Dot,
    };
    let marks = spread(marks, map);
    let canvas = Canvas::default()
        .marker(marker)
        .x_bounds(X_BOUNDS)
        .y_bounds(Y_BOUNDS)
        .paint(move |ctx| {
            ctx.draw(&Map {
                color: outline,
                resolution: MapResolution::High,
            });
            for (lon, lat, text, style) in &marks {
                ctx.print(*lon, *lat, Span::styled(text.clone(), *style));
            }
        });
    frame.render_widget(canvas, map);
    let legend = super::view_chrome::fit_line(legend_line(app, theme), key.width);
    frame.render_widget(Paragraph::new(legend), key);
}

/// Longitudes shown.
const X_BOUNDS: [f64; 2] = [-180.0, 180.0];
/// Latitudes shown (Antarctica left out).
const Y_BOUNDS: [f64; 2] = [-60.0, 85.0];

/// Moves markers that would share a terminal cell to the nearest free cell (preferring the same
/// row, at most three cells away), so that every state stays visible; earlier marks keep their
/// place. Returned positions are exact for their cells, as the canvas places labels.
fn spread(marks: Vec<Mark>, area: Rect) -> Vec<Mark> {
    if area.width < 2 || area.height < 2 {
        return marks;
    }
    let (w, h) = (f64::from(area.width - 1), f64::from(area.height - 1));
    let (xspan, yspan) = (X_BOUNDS[1] - X_BOUNDS[0], Y_BOUNDS[1] - Y_BOUNDS[0]);
    let mut offsets: Vec<(i32, i32)> = (-1..=1)
        .flat_map(|dy| (-3..=3).map(move |dx| (dx, dy)))
        .collect();
    offsets.sort_by_key(|&(dx, dy)| (dx.abs() + 3 * dy.abs(), dy, dx));
    let mut taken = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(marks.len());
    for (lon, lat, text, style) in marks {
        let inside = (X_BOUNDS[0]..=X_BOUNDS[1]).contains(&lon)
            && (Y_BOUNDS[0]..=Y_BOUNDS[1]).contains(&lat);
        if !inside {
            continue;
        }
        let cx = ((lon - X_BOUNDS[0]) * w / xspan) as i32;
        let cy = ((Y_BOUNDS[1] - lat) * h / yspan) as i32;
        let free = offsets
            .iter()
            .map(|(dx, dy)| (cx + dx, cy + dy))
            .find(|&(x, y)| {
                (0..=w as i32).contains(&x)
                    && (0..=h as i32).contains(&y)
                    && !taken.contains(&(x, y))
            });
        let Some((x, y)) = free else { continue };
        taken.insert((x, y));
        let lon = (X_BOUNDS[0] + (f64::from(x) + 0.1) * xspan / w).min(X_BOUNDS[1]);
        let lat = (Y_BOUNDS[1] - (f64::from(y) + 0.1) * yspan / h).max(Y_BOUNDS[0]);
        out.push((lon, lat, text, style));
    }
    out
}

/// Where a state is drawn: its centroid, or its successor's for a former state.
fn position(data: &Dataset, country: usize) -> Option<(f64, f64)> {
    let c = data.countries.get(country)?;
    if let (Some(lat), Some(lon)) = (c.lat, c.lon) {
        return Some((lon, lat));
    }
    let s = data.countries.get(data.country_index(&c.successor)?)?;
    Some((s.lon?, s.lat?))
}

type Mark = (f64, f64, String, Style);

fn vote_marks(app: &App, theme: &Theme) -> Vec<Mark> {
    let Some(rc) = app.roll_call().and_then(|i| app.data.roll_calls.get(i)) else {
        return vec![];
    };
    (0..app.data.countries.len())
        .filter_map(|c| {
            let vote = rc.vote_of(c)?;
            let (lon, lat) = position(&app.data, c)?;
            let letter = vote_mark(vote).chars().last().unwrap_or('?');
            Some((lon, lat, letter.to_string(), theme.vote(vote)))
        })
        .collect()
}

/// Agreement in tenths (`0`–`9`, `*` for 100 %), coloured from red to green.
fn agreement_marks(app: &App, theme: &Theme) -> Vec<Mark> {
    let a = &app.analysis;
    let Some(al) = &a.alignment else {
        return vec![];
    };
    let mut marks: Vec<Mark> = Vec::new();
    if let Some((lon, lat)) = a.settings.pivot.and_then(|p| position(&app.data, p)) {
        marks.push((lon, lat, "◆".to_string(), theme.heading));
    }
    marks.extend(al.rows.iter().filter_map(|r| {
        let p = r.score.percent?;
        let (lon, lat) = position(&app.data, r.country)?;
        let tenth = (p / 10.0).floor().clamp(0.0, 10.0) as u32;
        let text = if tenth >= 10 {
            "*".to_string()
        } else {
            tenth.to_string()
        };
        Some((lon, lat, text, agreement_style(p, theme)))
    }));
    marks
}

/// The bands of ideal points the map marks, highest first: the mark, the lowest point of the
/// band, and its colour.
const IDEAL_BANDS: [(&str, f64, Color); 5] = [
    ("#", 1.5, Color::Green),
    ("+", 0.5, Color::LightGreen),
    ("0", -0.5, Color::Yellow),
    ("-", -1.5, Color::LightRed),
    ("=", f64::NEG_INFINITY, Color::Red),
];

fn ideal_band(x: f64) -> (&'static str, Color) {
    IDEAL_BANDS
        .iter()
        .find(|(_, low, _)| x >= *low)
        .map_or(("=", Color::Red), |(mark, _, colour)| (*mark, *colour))
}

/// Each state's ideal point in the map's session, in five bands.
fn ideal_marks(app: &App, theme: &Theme) -> Vec<Mark> {
    let a = &app.analysis;
    let (Some(e), Some(session)) = (a.ideal.get(), a.map_session()) else {
        return vec![];
    };
    e.in_session(session)
        .into_iter()
        .filter_map(|p| {
            let (lon, lat) = position(&app.data, p.country)?;
            let (mark, colour) = ideal_band(p.ideal_point);
            let style = if theme.color {
                Style::new().fg(colour)
            } else {
                Style::new()
            };
            Some((lon, lat, mark.to_string(), style))
        })
        .collect()
}

fn agreement_style(percent: f64, theme: &Theme) -> Style {
    if !theme.color {
        return Style::new();
    }
    let color = match percent {
        p if p >= 75.0 => Color::Green,
        p if p >= 50.0 => Color::Yellow,
        p if p >= 25.0 => Color::LightRed,
        _ => Color::Red,
    };
    Style::new().fg(color)
}

fn legend_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let a = &app.analysis;
    let mut spans = match a.colouring {
        MapColouring::Vote => {
            let mut s = legend(theme);
            if let Some(i) = app.roll_call() {
                let t = app.data.tally(i);
                s.push(Span::styled(format!("{t} "), theme.heading));
            }
            s
        }
        MapColouring::Agreement => vec![
            Span::styled("◆", theme.heading),
            Span::raw(" pivot  "),
            Span::raw("digit = agreement in tenths (7 = 70–79 %, * = 100 %)  "),
            Span::styled("≥75 ", agreement_style(80.0, theme)),
            Span::styled("≥50 ", agreement_style(60.0, theme)),
            Span::styled("≥25 ", agreement_style(30.0, theme)),
            Span::styled("<25 ", agreement_style(10.0, theme)),
        ],
        MapColouring::IdealPoint => match a.ideal.missing() {
            Some(why) => vec![Span::styled(why.to_string(), theme.dim)],
            None => {
                let mut s = vec![Span::raw("ideal point (the US side positive): ")];
                for (i, (mark, low, _)) in IDEAL_BANDS.iter().enumerate() {
                    let (_, colour) = ideal_band(*low);
                    let style = if theme.color {
                        Style::new().fg(colour)
                    } else {
                        Style::new()
                    };
                    // Signed as people write them (−1.5, not -1.5).
                    let n = |v: f64| format!("{v}").replace('-', "−");
                    let range = match i {
                        0 => format!("≥ {}", n(*low)),
                        4 => format!("< {}", n(IDEAL_BANDS[3].1)),
                        _ => format!("{} to {}", n(*low), n(IDEAL_BANDS[i - 1].1)),
                    };
                    s.push(Span::styled(format!("{mark} {range}  "), style));
                }
                s
            }
        },
    };
    let marker = match a.marker {
        MapMarker::Braille => "braille",
        MapMarker::HalfBlock => "blocks",
        MapMarker::Dot => "dots",
    };
    let key = keys::key_for(Mode::View, Action::CycleMarker).unwrap_or_default();
    spans.push(Span::styled(
        format!(" · markers: {marker} ({key})"),
        theme.dim,
    ));
    Line::from(spans)
}
