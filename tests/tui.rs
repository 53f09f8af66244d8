//! The explorer without a terminal: `App::update` driven by action sequences, each pane rendered
//! into a `TestBackend` and compared with a named snapshot, meaningful styles checked on the
//! buffer, and every terminal size from 1×1 up rendered without panic.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/screen.rs"]
mod screen;

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unvote::app::{Action, App, Pane};
use unvote::ui::{self, theme::Theme};

use screen::{data, draw, text, type_text};

fn app_at(symbol: &str) -> App {
    let mut app = App::new(data());
    assert!(app.open_resolution(symbol));
    app
}

fn draw_pane(app: &App, pane: Pane, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            let area = f.area();
            let theme = Theme::COLOR;
            match pane {
                Pane::Resolutions => ui::resolution_list::render(f, area, app, &theme, true),
                Pane::Breakdown => ui::vote_breakdown::render(f, area, app, &theme, true),
                Pane::Countries => ui::country_search::render(f, area, app, &theme, true),
                Pane::Quotes => ui::quote_panel::render(f, area, app, &theme, true),
            }
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Where `needle` starts on screen, as (x, y) cells.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let lines = text(buf);
    for (y, line) in lines.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            return Some((line[..byte].chars().count() as u16, y as u16));
        }
    }
    None
}

#[test]
fn deep_link_selects_es_11_6_and_its_quotes() {
    let app = app_at("ES-11/6");
    let rc = app.roll_call().unwrap();
    assert_eq!(app.data.roll_calls[rc].symbol, "A/RES/ES-11/6");
    assert!(!app.quotes.fallback);
    let speakers: Vec<&str> = app
        .quotes
        .shown
        .iter()
        .map(|&q| app.data.quotes[q].speaker.as_str())
        .collect();
    assert!(speakers.contains(&"Dmytro Kuleba") && speakers.contains(&"Volodymyr Zelensky"));
}

#[test]
fn typing_a_loose_name_chooses_the_country() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "nrth korea");
    let chosen = app.countries.chosen.unwrap();
    assert_eq!(app.data.countries[chosen].code, "PRK");
    assert_eq!(app.countries.record.as_ref().unwrap().code, "PRK");
    app.update(Action::Input('q'));
    assert!(!app.quit, "q is text while typing");
    app.update(Action::Backspace);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), unvote::app::keys::Mode::Normal);
    app.update(Action::Input('q'));
    assert_eq!(
        app.countries.query, "nrth korea",
        "typing stopped: no more text"
    );
}

#[test]
fn filtering_narrows_the_list_and_quotes_follow_the_selection() {
    let mut app = App::new(data());
    assert_eq!(app.list.shown.len(), 6_884);
    assert_eq!(
        app.data.roll_calls[app.roll_call().unwrap()].date,
        "2026-06-04",
        "newest first"
    );
    app.update(Action::StartInput);
    type_text(&mut app, "ukraine s:es-11");
    let symbols: Vec<&str> = app
        .list
        .shown
        .iter()
        .map(|&i| app.data.roll_calls[i].symbol.as_str())
        .collect();
    assert!(symbols.contains(&"A/RES/ES-11/6") && symbols.contains(&"A/RES/ES-11/1"));
    assert!(
        symbols.iter().all(|s| s.starts_with("A/RES/ES-11/")),
        "{symbols:?}"
    );
    app.update(Action::StopInput);
    app.update(Action::SelectLast);
    assert!(
        !app.quotes.fallback,
        "every ES-11 vote on Ukraine in the list has quotes"
    );
    app.update(Action::ClearInput);
    assert_eq!(app.list.shown.len(), 6_884);
    app.update(Action::ToggleWholeOnly);
    assert_eq!(
        app.list.shown.len(),
        app.data.roll_calls.iter().filter(|r| r.is_whole()).count()
    );
}

#[test]
fn year_filter_and_list_movement() {
    let mut app = App::new(data());
    app.update(Action::StartInput);
    type_text(&mut app, "year:2022");
    app.update(Action::Confirm);
    assert!(
        app.list
            .shown
            .iter()
            .all(|&i| app.data.roll_calls[i].date.starts_with("2022"))
    );
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    assert_eq!(app.list.selected, 2);
    app.update(Action::PageUp);
    assert_eq!(app.list.selected, 0);
    app.update(Action::SelectPrev);
    assert_eq!(app.list.selected, 0, "stays at the top");
    app.update(Action::SelectLast);
    assert_eq!(app.list.selected, app.list.shown.len() - 1);
}

#[test]
fn focus_cycles_and_quotes_move_with_arrows() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Breakdown);
    app.update(Action::FocusPrev);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Pane::Quotes);
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    assert_eq!(app.quotes.selected, 2);
    app.update(Action::SelectLast);
    assert_eq!(app.quotes.selected, app.quotes.shown.len() - 1);
    app.update(Action::ToggleHelp);
    assert!(app.help.is_some());
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn a_roll_call_without_quotes_shows_all_and_says_so() {
    let app = app_at("ES-11/5");
    assert!(app.quotes.fallback);
    assert_eq!(app.quotes.shown.len(), app.data.quotes.len());
    let buf = draw_pane(&app, Pane::Quotes, 70, 10);
    assert!(text(&buf).contains("none on this vote, showing all"));
}

#[test]
fn snapshot_vote_breakdown_es_11_6() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "nrth korea");
    let buf = draw_pane(&app, Pane::Breakdown, 70, 26);
    assert_snapshot!("vote_breakdown_es_11_6", text(&buf));
}

#[test]
fn snapshot_resolution_list_filtered() {
    let mut app = app_at("ES-11/6");
    app.update(Action::StartInput);
    type_text(&mut app, "ukraine s:es-11");
    assert_snapshot!(
        "resolution_list_ukraine_es_11",
        text(&draw_pane(&app, Pane::Resolutions, 70, 12))
    );
}

#[test]
fn snapshot_country_search_nrth_korea() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "korea");
    assert_snapshot!(
        "country_search_korea",
        text(&draw_pane(&app, Pane::Countries, 60, 10))
    );
}

#[test]
fn snapshot_quotes_kuleba() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Quotes));
    for _ in 0..5 {
        app.update(Action::SelectNext);
    }
    assert_snapshot!(
        "quotes_es_11_6_6_of_16",
        text(&draw_pane(&app, Pane::Quotes, 60, 10))
    );
}

#[test]
fn snapshot_whole_screen_and_collapsed_and_tiny() {
    let app = app_at("ES-11/6");
    assert_snapshot!("screen_120x40", text(&draw(&app, 120, 40, &Theme::COLOR)));
    assert_snapshot!(
        "screen_collapsed_80x24",
        text(&draw(&app, 80, 24, &Theme::COLOR))
    );
    assert_snapshot!("screen_tiny_20x5", text(&draw(&app, 20, 5, &Theme::COLOR)));
    let mut help = app_at("ES-11/6");
    help.update(Action::ToggleHelp);
    assert_snapshot!(
        "screen_help_100x30",
        text(&draw(&help, 100, 30, &Theme::COLOR))
    );
}

#[test]
fn styles_that_carry_meaning() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "nrth korea");
    let buf = draw(&app, 120, 40, &Theme::COLOR);
    let (x, y) = find(&buf, "▶North Korea◀").expect("chosen country marked in the roll");
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buf, "✘N No (7)").expect("no group");
    assert_eq!(buf[(x + 3, y)].fg, Color::Red);
    let tall = draw(&app, 160, 60, &Theme::COLOR);
    let (x, y) = find(&tall, "✔Y Yes (141)").expect("yes group");
    assert_eq!(tall[(x + 3, y)].fg, Color::Green);
    let (x, y) = find(&buf, "2023-02-23 ES-11/6").expect("selected row");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buf, "│North Korea")
        .map(|(x, y)| (x + 1, y))
        .expect("match row");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "matched character highlighted"
    );
    assert!(
        !buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED),
        "'o' is not in the query"
    );
    let plain = draw(&app, 120, 40, &Theme::PLAIN);
    let area = plain.area;
    assert!(
        (0..area.height).all(|y| (0..area.width).all(|x| plain[(x, y)].fg == Color::Reset)),
        "NO_COLOR: no colours"
    );
    assert!(
        text(&plain).contains("✘N No (7)"),
        "letters carry the vote without colour"
    );
}

#[test]
fn every_size_renders_without_panic() {
    let mut app = app_at("ES-11/6");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "korea");
    for w in 1..=60 {
        for h in 1..=20 {
            draw(&app, w, h, &Theme::COLOR);
        }
    }
    app.update(Action::ToggleHelp);
    for (w, h) in [
        (1, 1),
        (30, 8),
        (99, 29),
        (100, 30),
        (133, 41),
        (200, 60),
        (250, 80),
    ] {
        let buf = draw(&app, w, h, &Theme::COLOR);
        assert_eq!(buf.area, Rect::new(0, 0, w, h));
    }
    assert!(text(&draw(&app, 1, 1, &Theme::COLOR)).len() <= 4);
}

#[test]
fn clicks_focus_the_pane_under_the_pointer() {
    let screen = Rect::new(0, 0, 120, 40);
    assert_eq!(
        ui::pane_at(screen, Pane::Resolutions, 100, 5),
        Some(Pane::Breakdown)
    );
    assert_eq!(
        ui::pane_at(screen, Pane::Resolutions, 5, 35),
        Some(Pane::Countries)
    );
    assert_eq!(
        ui::pane_at(screen, Pane::Resolutions, 100, 35),
        Some(Pane::Quotes)
    );
    assert_eq!(
        ui::pane_at(Rect::new(0, 0, 10, 3), Pane::Quotes, 1, 1),
        None
    );
}

#[test]
fn the_chosen_state_is_brought_into_view_in_a_long_group() {
    // Zimbabwe voted yes on ES-11/1 — near the end of a 141-name group, below the pane's fold.
    let mut app = app_at("ES-11/1");
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "zimbabwe");
    app.update(Action::Confirm);
    assert_eq!(
        app.countries
            .chosen
            .map(|c| app.data.countries[c].code.as_str()),
        Some("ZWE")
    );
    for (w, h) in [(120, 40), (100, 30)] {
        let buf = draw(&app, w, h, &Theme::COLOR);
        assert!(
            find(&buf, "▶Zimbabwe◀").is_some(),
            "{w}x{h}:\n{}",
            text(&buf)
        );
    }
}

#[test]
fn the_footer_shows_whole_hints_and_says_when_there_are_more() {
    let app = app_at("ES-11/6");
    let helps: Vec<&str> = unvote::app::keys::footer(app.mode())
        .map(|b| b.help)
        .collect();
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
        let screen = text(&draw(&app, w, h, &Theme::COLOR));
        let footer = screen.lines().last().unwrap().trim_end();
        assert!(
            footer.ends_with('…') || helps.iter().any(|help| footer.ends_with(help)),
            "{w}x{h}: {footer:?}"
        );
    }
}

#[test]
fn the_roll_follows_the_chosen_state_until_scrolled_and_never_scrolls_past_its_end() {
    let mut app = app_at("ES-11/6");
    assert!(app.open_country("usa"));
    app.update(Action::FocusPane(Pane::Breakdown));
    // The United States is in the long yes group: brought into view, with a sign above.
    let screen = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert!(screen.contains("▶United States◀"), "{screen}");
    assert!(!screen.contains("No (7): Belarus"));
    assert!(screen.contains("more: ↑ Home"), "{screen}");
    // Home: the top of the roll, the no votes first.
    app.update(Action::SelectFirst);
    let screen = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert!(screen.contains("No (7): Belarus"), "{screen}");
    assert!(!screen.contains("more: ↑"));
    // End: the last names, not an empty pane; then up one line from there.
    app.update(Action::SelectLast);
    let end = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert!(end.contains("Yemen, Zambia"), "{end}");
    assert!(!end.contains("more: ↓"));
    app.update(Action::SelectPrev);
    let up = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert_ne!(up, end, "one line up from the end moves at once");
}

#[test]
fn enter_on_the_countries_after_clearing_the_search_opens_the_chosen_state() {
    let mut app = App::new(data());
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, "usa");
    app.update(Action::Confirm);
    app.update(Action::ClearInput);
    assert!(app.countries.query.is_empty());
    app.update(Action::Confirm);
    let pivot = app
        .analysis
        .settings
        .pivot
        .map(|p| app.data.countries[p].code.clone());
    assert_eq!(pivot.as_deref(), Some("USA"));
}
