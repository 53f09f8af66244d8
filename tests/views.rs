//! The full-screen views without a terminal: the journey from the country search to a record,
//! the alignment ranking, a comparison and the map, driven by actions; named snapshots of each
//! view at two sizes; the meaning carried by styles; every small size drawn without panic.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/screen.rs"]
mod screen;

use insta::assert_snapshot;
use ratatui::style::Color;
use unvote::app::analysis::{MapColouring, View};
use unvote::app::keys::Mode;
use unvote::app::{Action, App, Pane};
use unvote::data::period::Period;
use unvote::ui::theme::Theme;

use screen::{data, draw, text, type_text};

/// The explorer with a state chosen in the country search (3, /, type, Enter).
fn with_state(query: &str) -> App {
    let mut app = App::new(data());
    app.update(Action::FocusPane(Pane::Countries));
    app.update(Action::StartInput);
    type_text(&mut app, query);
    app.update(Action::Confirm);
    app
}

/// The record of a state (Enter on the country search).
fn record(query: &str) -> App {
    let mut app = with_state(query);
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), Some(View::Record));
    app
}

/// The alignment ranking with a state as pivot over a typed period.
fn alignment(query: &str, period: &str) -> App {
    let mut app = record(query);
    app.update(Action::Open(View::Alignment));
    app.update(Action::StartInput);
    assert_eq!(app.mode(), Mode::Input);
    type_text(&mut app, period);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::View);
    app
}

/// A state's ideal points with a second state chosen by name (`i`, then `c` and the name).
fn ideal(query: &str, other: &str) -> App {
    let mut app = record(query);
    app.analysis.ideal.bundled = true;
    app.update(Action::Open(View::Ideal));
    assert_eq!(app.analysis.current(), Some(View::Ideal));
    app.update(Action::Open(View::Compare));
    assert_eq!(app.mode(), Mode::Input);
    type_text(&mut app, other);
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), Some(View::Ideal));
    app
}

#[test]
fn ideal_points_show_two_states_session_by_session_and_export_both() {
    let mut app = ideal("usa", "russia");
    let codes = |app: &App| {
        [app.analysis.settings.pivot, app.analysis.settings.other]
            .map(|c| c.map(|c| code(app, c).to_string()))
    };
    assert_eq!(codes(&app), [Some("USA".into()), Some("RUS".into())]);
    // The newest session first; ↓ steps back a session at a time.
    let newest = app.analysis.ideal_session().unwrap();
    assert!(newest >= 80, "{newest}");
    for _ in 0..2 {
        app.update(Action::SelectNext);
    }
    assert_eq!(app.analysis.ideal_session(), Some(newest - 2));
    let e = app.analysis.ideal.get().unwrap();
    let usa = e
        .get(app.analysis.settings.pivot.unwrap(), 78)
        .unwrap()
        .ideal_point;
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(
        screen.contains("Ideal points · United States (USA) · Russia (RUS)"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("Session 78 (2023–2024): United States {usa:.2}")),
        "{screen}"
    );
    assert!(screen.contains("distance "), "{screen}");
    // The key above the chart names both.
    assert!(
        screen.contains("━ USA") && screen.contains("━ RUS"),
        "{screen}"
    );
    // `e` writes both states' rows.
    app.update(Action::Export);
    let Some(unvote::app::Effect::Export { stem, table, .. }) = app.effects.last().cloned() else {
        panic!("no export: {:?}", app.effects);
    };
    assert_eq!(stem, "ideal-points-USA-RUS");
    assert_eq!(
        table.columns,
        [
            "code",
            "name",
            "session",
            "ideal_point",
            "low",
            "high",
            "votes"
        ]
    );
    assert!(table.rows.iter().any(|r| r[0] == "RUS") && table.rows.iter().any(|r| r[0] == "USA"));
}

#[test]
fn ideal_points_of_a_file_of_ones_own_say_how_to_get_them() {
    let mut app = record("usa");
    app.update(Action::Open(View::Ideal));
    let screen = text(&draw(&app, 100, 30, &Theme::COLOR));
    assert!(
        screen.contains("Ideal points come with the bundled data"),
        "{screen}"
    );
}

#[test]
fn the_ranking_by_ideal_distance_puts_the_nearest_first() {
    let mut app = alignment("usa", "2022");
    app.analysis.ideal.bundled = true;
    app.update(Action::ToggleDistance);
    let a = &app.analysis;
    let pivot = a.settings.pivot.unwrap();
    let al = a.alignment.as_ref().unwrap();
    let distances: Vec<f64> = a
        .rows
        .iter()
        .filter_map(|&i| {
            let e = a.ideal.get()?;
            e.distance(pivot, al.rows[i].country, a.map_session()?)
        })
        .collect();
    assert!(distances.len() > 150);
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    // Session 77 (2022): Israel nearest the US.
    assert_eq!(code(&app, al.rows[a.rows[0]].country), "ISR");
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(
        screen.contains("ranked by distance in ideal points, session 77"),
        "{screen}"
    );
    // `e` writes the ranking as shown, with each state's point and distance.
    app.update(Action::Export);
    let Some(unvote::app::Effect::Export { stem, table, .. }) = app.effects.last().cloned() else {
        panic!("no export: {:?}", app.effects);
    };
    assert!(stem.ends_with("-by-ideal-distance-77"), "{stem}");
    let at = |name: &str| table.columns.iter().position(|c| *c == name).unwrap();
    assert_eq!(table.rows[0][at("code")], "ISR");
    assert_eq!(table.rows[0][at("session")], "77");
    let first: f64 = table.rows[0][at("ideal_distance")].parse().unwrap();
    let second: f64 = table.rows[1][at("ideal_distance")].parse().unwrap();
    assert!(first <= second);
    // Back to agreement.
    app.update(Action::ToggleDistance);
    assert!(!app.analysis.by_distance);
}

fn code(app: &App, country: usize) -> &str {
    &app.data.countries[country].code
}

#[test]
fn pivot_usa_in_2022_ranks_israel_first_without_the_pivot() {
    let app = alignment("usa", "2022");
    let a = &app.analysis;
    assert_eq!(a.settings.period, Period::year(2022));
    let al = a.alignment.as_ref().unwrap();
    assert_eq!(code(&app, al.pivot), "USA");
    assert_eq!(al.votes, 89);
    assert_eq!(a.rows.len(), 192);
    let first = &al.rows[a.rows[0]];
    assert_eq!(code(&app, first.country), "ISR");
    assert_eq!(
        (
            first.score.same,
            first.score.opposite,
            first.score.partial,
            first.score.absent
        ),
        (75, 2, 9, 3)
    );
    assert!(al.rows.iter().all(|r| code(&app, r.country) != "USA"));
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    let row = screen.lines().find(|l| l.contains("ISR")).unwrap();
    assert!(row.contains("Israel") && row.contains("91.0 %"), "{row}");
    assert!(
        screen.contains("state-dept"),
        "the method is named on screen"
    );
}

#[test]
fn enter_on_a_ranked_state_compares_and_esc_walks_back() {
    let mut app = alignment("usa", "2022");
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), Some(View::Compare));
    let c = app.analysis.comparison.as_ref().unwrap();
    assert_eq!((code(&app, c.a), code(&app, c.b)), ("USA", "ISR"));
    assert_eq!(c.score.counted, 89);
    assert_eq!(c.divergent.len(), 2);
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::Alignment));
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::Record));
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), None);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn group_method_and_year_settings_recompute_the_ranking() {
    let mut app = alignment("usa", "2022");
    while app.analysis.group_name() != Some("EU") {
        app.update(Action::CycleGroup);
    }
    assert_eq!(app.analysis.rows.len(), 27);
    app.update(Action::PrevYear);
    assert_eq!(app.analysis.settings.period, Period::year(2021));
    assert_eq!(
        app.analysis.alignment.as_ref().unwrap().votes,
        86,
        "the 2021 report's 86 votes"
    );
    app.update(Action::CycleMethod);
    assert_eq!(
        app.analysis.alignment.as_ref().unwrap().method.name(),
        "votes-only"
    );
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(
        screen.contains("votes-only") && screen.contains("Group EU"),
        "{screen}"
    );
}

#[test]
fn a_bad_period_says_why_and_keeps_the_old_one() {
    let mut app = alignment("usa", "2022");
    app.update(Action::StartInput);
    type_text(&mut app, "20x2");
    app.update(Action::Confirm);
    assert_eq!(app.analysis.settings.period, Period::year(2022));
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen.contains("is not a date"), "{screen}");
}

#[test]
fn views_about_a_state_need_a_state_first() {
    let mut app = App::new(data());
    app.update(Action::Open(View::Alignment));
    assert_eq!(app.analysis.current(), None);
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen.contains("Choose a state first"), "{screen}");
    // The map of a vote needs no state.
    app.update(Action::Open(View::Map));
    assert_eq!(app.analysis.current(), Some(View::Map));
    assert_eq!(app.analysis.colouring, MapColouring::Vote);
}

#[test]
fn the_map_letters_each_state_by_its_vote_in_its_colour() {
    let mut app = App::new(data());
    assert!(app.open_resolution("ES-11/6"));
    app.update(Action::Open(View::Map));
    let buf = draw(&app, 160, 50, &Theme::COLOR);
    // Cells of the map itself: above the legend, the border and the footer.
    let cells = |letter: &str, color: Color| {
        (0..46u16)
            .flat_map(|y| (0..160u16).map(move |x| (x, y)))
            .filter(|&p| buf[p].symbol() == letter && buf[p].fg == color)
            .count()
    };
    // Every state shows, however small: markers that would share a cell are moved aside.
    assert_eq!(cells("N", Color::Red), 7, "{}", text(&buf));
    assert_eq!(cells("A", Color::Yellow), 32);
    assert_eq!(cells("Y", Color::Green), 141);
    assert_eq!(cells("X", Color::Gray), 13);
    assert!(text(&buf).contains("141-7-32"));
    // Marker sets for terminals without braille.
    app.update(Action::CycleMarker);
    let blocks = text(&draw(&app, 160, 50, &Theme::COLOR));
    assert!(
        !blocks
            .chars()
            .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c)),
        "no braille"
    );
    assert!(blocks.contains("markers: blocks"));
    // Without colour the letters still say it.
    let plain = draw(&app, 160, 50, &Theme::PLAIN);
    assert!(plain.content().iter().filter(|c| c.symbol() == "N").count() >= 5);
}

#[test]
fn the_agreement_map_marks_the_pivot_and_tenths() {
    let mut app = alignment("usa", "2022");
    app.update(Action::Open(View::Map));
    assert_eq!(app.analysis.colouring, MapColouring::Agreement);
    let screen = text(&draw(&app, 160, 50, &Theme::COLOR));
    assert!(screen.contains('◆') && screen.contains("agreement with United States"));
    assert!(screen.chars().any(|c| c == '9'), "Israel is in the 90s");
}

#[test]
fn enter_on_an_isolated_vote_opens_it_in_the_explorer() {
    let mut app = record("usa");
    let i = app.analysis.selected_roll_call().unwrap();
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), None);
    assert_eq!(app.roll_call(), Some(i));
    assert_eq!(app.focus, Pane::Breakdown);
}

/// The sizes every view is drawn and kept at.
const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (200, 60)];

fn snapshot(name: &str, app: &App) {
    for (w, h) in SIZES {
        assert_snapshot!(
            format!("{name}_{w}x{h}"),
            text(&draw(app, w, h, &Theme::COLOR))
        );
    }
}

/// Every view (and the explorer and the reading screen) in the states a user meets them.
fn every_view() -> Vec<(&'static str, App)> {
    let mut out = vec![
        ("view_record_usa", record("usa")),
        ("view_record_ussr", record("ussr")),
        ("view_alignment_usa_2022", alignment("usa", "2022")),
    ];
    let compare = || {
        let mut app = alignment("usa", "2022");
        app.update(Action::Confirm);
        app
    };
    out.push(("view_compare_usa_isr_2022", compare()));
    let mut compare = compare();
    compare.update(Action::FocusNext);
    compare.update(Action::SelectNext);
    out.push(("view_compare_years_usa_isr_2022", compare));
    let mut keys = alignment("usa", "2022");
    keys.update(Action::Open(View::KeyVotes));
    out.push(("view_key_votes_usa_2022", keys));
    let mut map = App::new(data());
    assert!(map.open_resolution("ES-11/6"));
    map.update(Action::Open(View::Map));
    out.push(("view_map_es_11_6", map));
    out.push(("view_ideal_usa_rus", ideal("usa", "russia")));
    let mut distance = alignment("usa", "2022");
    distance.analysis.ideal.bundled = true;
    distance.update(Action::ToggleDistance);
    out.push(("view_alignment_distance_usa_2022", distance));
    let mut map = alignment("usa", "2022");
    map.analysis.ideal.bundled = true;
    map.update(Action::Open(View::Map));
    map.update(Action::ToggleColouring);
    out.push(("view_map_ideal_2022", map));
    let explorer = || {
        let mut app = with_state("kenya");
        assert!(app.open_resolution("80/223"));
        app
    };
    out.push(("explorer_80_223_kenya", explorer()));
    let mut explorer = explorer();
    explorer.update(Action::FocusPane(Pane::Breakdown));
    explorer.update(Action::Confirm);
    out.push(("reading_title_80_223", explorer));
    let mut quote = App::new(data());
    assert!(quote.open_resolution("ES-11/6"));
    quote.update(Action::FocusPane(Pane::Quotes));
    quote.update(Action::Confirm);
    out.push(("reading_quote_es_11_6", quote));
    out
}

#[test]
fn snapshots_of_every_view_at_four_sizes() {
    for (name, app) in every_view() {
        snapshot(name, &app);
    }
}

/// Each screen line showing the start of one of `texts` shows one of them whole, or a start
/// of one cut with `…`: never text cut without its sign.
fn assert_no_silent_cut(screen: &str, texts: &[String], what: &str) {
    let start = |t: &str| t.chars().take(14).collect::<String>();
    for line in screen.lines() {
        for t in texts.iter().filter(|t| t.chars().count() >= 14) {
            let head = start(t);
            let Some(at) = line.find(&head) else { continue };
            // Explained by a text shown whole or cut with `…`, in which the start found sits
            // (the text itself, or another containing it).
            let explained = texts.iter().any(|u| {
                let k = if head.starts_with(u.as_str()) {
                    0
                } else {
                    match u.find(&head) {
                        Some(k) => k,
                        None => return false,
                    }
                };
                let Some(rest) = at.checked_sub(k).and_then(|s| line.get(s..)) else {
                    return false;
                };
                rest.starts_with(u.as_str())
                    || rest
                        .find('…')
                        .is_some_and(|p| p > k && u.starts_with(rest[..p].trim_end()))
            });
            assert!(explained, "{what}: cut without …: {line:?} (from {t:?})");
        }
    }
}

#[test]
fn no_cut_text_lacks_its_ellipsis() {
    let app = App::new(data());
    let clean = |s: &str| unvote::data::text::clean(s).into_owned();
    let mut texts: Vec<String> = app
        .data
        .roll_calls
        .iter()
        .map(|rc| clean(&rc.title))
        .chain(app.data.countries.iter().map(|c| clean(&c.name)))
        .filter(|t| t.chars().count() >= 4)
        .collect();
    texts.sort();
    texts.dedup();
    let mut checked = 0;
    for (name, app) in every_view() {
        // The breakdown and the reading screen wrap their titles over lines; they are checked
        // by their own tests. The explorer is checked where its list is the pane shown.
        if name.starts_with("reading") || name.starts_with("view_map") {
            continue;
        }
        for (w, h) in SIZES {
            if name.starts_with("explorer") && w >= 100 {
                continue;
            }
            let screen = text(&draw(&app, w, h, &Theme::COLOR));
            assert_no_silent_cut(&screen, &texts, &format!("{name} {w}x{h}"));
            checked += 1;
        }
    }
    assert!(checked >= 25, "{checked} screens checked");
    // The check can fail: a title cut without its sign is caught.
    let title = texts
        .iter()
        .filter(|t| t.is_ascii() && t.len() > 60)
        .find(|t| {
            !texts
                .iter()
                .any(|u| u != *t && t[..40].starts_with(u.as_str()))
        })
        .unwrap();
    let silent = format!("│ 2023  {}│", &title[..40]);
    let caught = std::panic::catch_unwind(|| assert_no_silent_cut(&silent, &texts, "probe"));
    assert!(caught.is_err());
}

#[test]
fn a_long_title_in_the_breakdown_is_whole_or_says_where_the_rest_is() {
    let mut app = App::new(data());
    assert!(app.open_resolution("80/223"));
    let full = app.data.roll_calls[app.roll_call().unwrap()].title.clone();
    assert!(full.ends_with("Sevastopol"), "{full}");
    // Wide: all of it. Small: its start, `…`, and the key that reads it whole.
    let wide = text(&draw(&app, 200, 60, &Theme::COLOR));
    assert!(wide.contains("Sevastopol"), "{wide}");
    app.update(Action::FocusPane(Pane::Breakdown));
    let small = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert!(
        small.contains("Sevastopol") || small.contains("… (Enter: whole title)"),
        "{small}"
    );
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Reading);
    let reading = text(&draw(&app, 80, 24, &Theme::COLOR));
    assert!(reading.contains("Sevastopol"), "{reading}");
    assert!(!reading.contains('│'), "no borders to select across");
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn every_small_size_draws_each_view_without_panic() {
    let mut apps = vec![record("ussr"), alignment("usa", "2022")];
    let mut c = alignment("usa", "2022");
    c.update(Action::Confirm);
    apps.push(c);
    let mut m = alignment("usa", "2022");
    m.update(Action::Open(View::Map));
    apps.push(m);
    let mut k = alignment("usa", "2022");
    k.update(Action::Open(View::KeyVotes));
    apps.push(k);
    // Every other view and screen too: the series (both of its lists), the reading screen of a
    // title, a quote and a citation.
    for (name, app) in every_view() {
        if name.starts_with("view_compare_years") || !name.starts_with("view_record") {
            apps.push(app);
        }
    }
    let mut s = with_state("usa");
    assert!(s.open_resolution("A/RES/71/5"));
    s.update(Action::OpenSeries);
    apps.push(s);
    let mut t = with_state("usa");
    assert!(t.open_resolution("A/RES/71/5"));
    t.update(Action::OpenSeries);
    t.update(Action::FocusNext);
    apps.push(t);
    let mut y = App::new(data());
    assert!(y.open_resolution("ES-11/6"));
    y.update(Action::Cite);
    apps.push(y);
    for app in &apps {
        for w in 1..50 {
            for h in 1..20 {
                draw(app, w, h, &Theme::COLOR);
            }
        }
    }
}

#[test]
fn l_follows_the_link_between_a_former_state_and_its_successor() {
    let mut app = record("ussr");
    app.update(Action::FollowLink);
    let p = app.analysis.profile.as_ref().unwrap();
    assert_eq!(p.record.code, "RUS");
    assert_eq!(p.predecessors, ["SUN"]);
    app.update(Action::FollowLink);
    assert_eq!(app.analysis.profile.as_ref().unwrap().record.code, "SUN");
    let mut usa = record("usa");
    usa.update(Action::FollowLink);
    assert_eq!(usa.analysis.profile.as_ref().unwrap().record.code, "USA");
    let screen = text(&draw(&usa, 120, 40, &Theme::COLOR));
    assert!(
        screen.contains("USA has no former state or successor"),
        "{screen}"
    );
}

#[test]
fn slash_finds_a_state_in_the_ranking_and_enter_compares_with_it() {
    let mut app = alignment("usa", "2022");
    app.update(Action::StartFind);
    assert_eq!(app.mode(), Mode::Input);
    type_text(&mut app, "chna");
    assert_eq!(code(&app, app.analysis.selected_state().unwrap()), "CHN");
    let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen.contains("Find a state: chna"), "{screen}");
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::View);
    app.update(Action::Confirm);
    let c = app.analysis.comparison.as_ref().unwrap();
    assert_eq!(code(&app, c.b), "CHN");
    // The pivot itself is not ranked, so it cannot be found.
    app.update(Action::Back);
    app.update(Action::StartFind);
    type_text(&mut app, "united states");
    assert_ne!(code(&app, app.analysis.selected_state().unwrap()), "USA");
}

#[test]
fn the_help_in_a_view_lists_the_view_keys_in_two_columns_when_short() {
    let mut app = alignment("usa", "2022");
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    let screen = text(&draw(&app, 120, 30, &Theme::COLOR));
    for key in [
        "type a period",
        "find a state in the ranking",
        "group filter",
        "close the help",
    ] {
        assert!(screen.contains(key), "{key}:\n{screen}");
    }
    assert!(
        !screen.contains("whole-resolution votes only"),
        "explorer keys are not listed"
    );
    assert_snapshot!("view_help_120x30", screen);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::View);
}

#[test]
fn control_characters_in_a_user_group_name_never_reach_the_screen() {
    let mut app = alignment("usa", "2022");
    let file = std::env::temp_dir().join(format!("unvote-ctl-groups-{}.csv", std::process::id()));
    std::fs::write(&file, "group,code\n\"Bad\u{1b}[31mGroup\",CAN\n").unwrap();
    let countries = app.data.countries.clone();
    app.analysis.groups.read_file(&file, &countries).unwrap();
    while app
        .analysis
        .group_name()
        .is_some_and(|g| !g.starts_with("Bad"))
        || app.analysis.group_name().is_none()
    {
        app.update(Action::CycleGroup);
    }
    assert_eq!(app.analysis.rows.len(), 1);
    let buf = draw(&app, 120, 40, &Theme::COLOR);
    assert!(!buf.content().iter().any(|c| c.symbol().contains('\u{1b}')));
    assert!(text(&buf).contains("Group Bad[31mGroup"), "{}", text(&buf));
}

#[test]
fn going_back_gives_every_view_its_cursor_and_scroll_for_every_pair() {
    let views = [
        View::Record,
        View::Compare,
        View::Alignment,
        View::KeyVotes,
        View::Map,
    ];
    for from in views {
        for to in views.into_iter().filter(|&v| v != from) {
            // Compare needs a second state: the ranking's row 57.
            let mut app = alignment("usa", "2000-2025");
            for _ in 0..56 {
                app.update(Action::SelectNext);
            }
            app.update(Action::Confirm);
            app.update(Action::Open(from));
            for _ in 0..3 {
                app.update(Action::PageDown);
            }
            app.update(Action::SelectPrev);
            let before = text(&draw(&app, 80, 24, &Theme::COLOR));
            let state = app.analysis.top().cloned();
            app.update(Action::Open(to));
            assert_eq!(app.analysis.current(), Some(to));
            app.update(Action::SelectNext);
            app.update(Action::SelectNext);
            draw(&app, 80, 24, &Theme::COLOR);
            app.update(Action::Back);
            assert_eq!(
                app.analysis.top().cloned(),
                state,
                "{from:?} → {to:?} → back"
            );
            let after = text(&draw(&app, 80, 24, &Theme::COLOR));
            assert_eq!(after, before, "{from:?} → {to:?} → back: the same screen");
        }
    }
    // The ranking was really scrolled: its selection sits below the first screen.
    let mut app = alignment("usa", "2000-2025");
    for _ in 0..3 {
        app.update(Action::PageDown);
    }
    draw(&app, 80, 24, &Theme::COLOR);
    let top = app.analysis.top().cloned().unwrap();
    assert!(top.selected > 40 && top.offset.get() > 20, "{top:?}");
}

#[test]
fn going_back_to_the_ranking_restores_its_row_from_every_view() {
    // Row 57 of the ranking, then compare (Enter), the map and key votes of the pivot: each time
    // Esc returns to row 57, on the same state, not to the top.
    for open in [
        None,
        Some(View::Map),
        Some(View::KeyVotes),
        Some(View::Record),
    ] {
        let mut app = alignment("usa", "2022");
        for _ in 0..56 {
            app.update(Action::SelectNext);
        }
        assert_eq!(app.analysis.selected(), 56);
        let state = app.analysis.selected_state();
        match open {
            None => app.update(Action::Confirm),
            Some(view) => app.update(Action::Open(view)),
        }
        assert_ne!(app.analysis.current(), Some(View::Alignment), "{open:?}");
        app.update(Action::SelectNext);
        app.update(Action::Back);
        assert_eq!(app.analysis.current(), Some(View::Alignment), "{open:?}");
        assert_eq!(app.analysis.selected(), 56, "{open:?}");
        assert_eq!(app.analysis.selected_state(), state, "{open:?}");
        let screen = text(&draw(&app, 120, 40, &Theme::COLOR));
        let name = &app.data.countries[state.unwrap()].name;
        assert!(screen.contains(name.as_str()), "{open:?}: {name} on screen");
    }
}

#[test]
fn a_vote_opened_from_a_view_gives_the_views_back_with_backspace() {
    let mut app = record("usa");
    app.update(Action::SelectNext);
    let state = app.analysis.top().cloned();
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), None, "the explorer shows the vote");
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("Backspace goes back")
    );
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::Record));
    assert_eq!(app.analysis.top().cloned(), state);
}

#[test]
fn each_view_opened_is_a_step_back_even_the_same_view_for_another_state() {
    // Record of Russia, then its former state by `l`, then the map: back walks the same way.
    let mut app = record("russia");
    app.update(Action::FollowLink);
    let code = |app: &App| {
        app.analysis
            .settings
            .pivot
            .map(|p| app.data.countries[p].code.clone())
    };
    assert_eq!(code(&app).as_deref(), Some("SUN"));
    app.update(Action::Open(View::KeyVotes));
    app.update(Action::Open(View::Record));
    assert_eq!(app.analysis.stack.len(), 4);
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::KeyVotes));
    app.update(Action::Back);
    assert_eq!(
        (app.analysis.current(), code(&app).as_deref()),
        (Some(View::Record), Some("SUN"))
    );
    app.update(Action::Back);
    assert_eq!(
        (app.analysis.current(), code(&app).as_deref()),
        (Some(View::Record), Some("RUS"))
    );
}

#[test]
fn finding_a_state_outside_the_group_says_so_and_a_new_period_keeps_the_row() {
    let mut app = alignment("usa", "2022");
    while app.analysis.group_name() != Some("WEOG") {
        app.update(Action::CycleGroup);
    }
    app.update(Action::StartFind);
    type_text(&mut app, "prk");
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("PRK is not in this ranking"),
        "{:?}",
        app.notice
    );
    app.update(Action::StopInput);
    // The selected state stays selected when the period changes.
    app.update(Action::StartFind);
    type_text(&mut app, "france");
    app.update(Action::Confirm);
    let before = app.analysis.selected_state();
    app.update(Action::PrevYear);
    assert_eq!(app.analysis.selected_state(), before);
}

#[test]
fn the_ideal_point_views_draw_at_every_size_without_panic() {
    let mut distance = alignment("usa", "2022");
    distance.analysis.ideal.bundled = true;
    distance.update(Action::ToggleDistance);
    let mut map = alignment("usa", "2022");
    map.analysis.ideal.bundled = true;
    map.update(Action::Open(View::Map));
    map.update(Action::ToggleColouring);
    // A state with a gap in its sessions (South Africa, 1974–1993) beside one that began late.
    let gap = ideal("south africa", "south sudan");
    for app in [ideal("usa", "russia"), gap, distance, map] {
        for w in 1..=70 {
            for h in 1..=24 {
                let buf = draw(&app, w, h, &Theme::COLOR);
                assert_eq!(buf.area.width, w);
            }
        }
    }
}

#[test]
fn choosing_the_second_state_can_be_left_or_undone() {
    let mut app = ideal("usa", "russia");
    let other = |app: &App| {
        app.analysis
            .settings
            .other
            .map(|c| code(app, c).to_string())
    };
    // Esc while typing gives back the state shown before.
    app.update(Action::Open(View::Compare));
    type_text(&mut app, "chin");
    assert_eq!(other(&app).as_deref(), Some("CHN"));
    app.update(Action::StopInput);
    assert_eq!(other(&app).as_deref(), Some("RUS"));
    // Enter on an empty line removes it.
    app.update(Action::Open(View::Compare));
    app.update(Action::Confirm);
    assert_eq!(other(&app), None);
    let screen = text(&draw(&app, 100, 30, &Theme::COLOR));
    assert!(
        screen.contains("Ideal points · United States (USA) ─"),
        "{screen}"
    );
    // The pivot itself is never its own second state.
    app.update(Action::Open(View::Compare));
    type_text(&mut app, "united states");
    app.update(Action::Confirm);
    assert_eq!(other(&app), None);
    // A comparison opened from here and closed again leaves the view as it was: alone.
    app.update(Action::Open(View::Alignment));
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), Some(View::Compare));
    app.update(Action::Back);
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::Ideal));
    assert_eq!(other(&app), None);
}
