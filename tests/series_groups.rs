//! Across time and across groups: a recurring resolution as a series with the states that
//! switched, how the regional groups, the EU and the P5 split on one vote, the chosen state's
//! votes across the list (`vote:no`, orders), and the series view.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/screen.rs"]
mod screen;

use binary::{json, run, stdout};
use insta::assert_snapshot;
use unvote::app::analysis::View;
use unvote::app::{Action, App, Pane};
use unvote::data::Vote;
use unvote::ui::theme::Theme;

#[test]
fn the_cuba_embargo_series_runs_1992_to_2025_and_the_us_abstained_once() {
    let v = json(&["series", "A/RES/71/5", "--country", "USA", "--json"]);
    assert!(
        v["title"]
            .as_str()
            .unwrap()
            .starts_with("Necessity of ending the economic, commercial and financial embargo")
    );
    let rcs = v["roll_calls"].as_array().unwrap();
    assert_eq!(rcs.first().unwrap()["symbol"], "A/RES/47/19");
    assert_eq!(rcs.first().unwrap()["date"], "1992-11-24");
    assert_eq!(
        rcs.last().unwrap()["date"].as_str().unwrap().get(..4),
        Some("2025")
    );
    // The US: no every year but 2016.
    for rc in rcs {
        let expected = if rc["symbol"] == "A/RES/71/5" {
            "abstain"
        } else {
            "no"
        };
        assert_eq!(rc["vote"], expected, "{}", rc["symbol"]);
    }
    let us: Vec<(&str, &str, &str)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "USA")
        .map(|c| {
            (
                c["symbol"].as_str().unwrap(),
                c["from"].as_str().unwrap(),
                c["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        us,
        [
            ("A/RES/71/5", "no", "abstain"),
            ("A/RES/72/4", "abstain", "no")
        ]
    );
    // One per session, oldest first; every change is a state's vote differing from its vote
    // on the previous roll call of the series, where it held a seat both times.
    let dates: Vec<&str> = rcs.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]));
    let sessions: std::collections::HashSet<&str> =
        rcs.iter().map(|r| r["session"].as_str().unwrap()).collect();
    assert_eq!(sessions.len(), rcs.len());
    assert!(
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["from"] != c["to"])
    );
    // The same series from words, and the same from another year's symbol.
    let words = json(&["series", "cuba embargo", "--json"]);
    assert_eq!(
        words["roll_calls"],
        json(&["series", "A/RES/47/19", "--json"])["roll_calls"]
    );
    assert!(
        words["roll_calls"][0].get("vote").is_none(),
        "no vote key without --country"
    );
}

#[test]
fn series_csv_and_text_agree_with_the_json() {
    let out = run(&["series", "cuba embargo", "--country", "USA", "--csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let v = json(&["series", "cuba embargo", "--json"]);
    assert_eq!(rows.len(), v["roll_calls"].as_array().unwrap().len());
    let switchers: usize = rows.iter().map(|r| r[8].parse::<usize>().unwrap()).sum();
    assert_eq!(switchers, v["changes"].as_array().unwrap().len());
    let text = stdout(&run(&["series", "cuba embargo", "--country", "USA"]));
    assert!(text.contains("2016-10-26  A/RES/71/5"), "{text}");
    assert!(
        text.contains("no vote under this title in session 73, 76 (another title may hold it)"),
        "{text}"
    );
}

/// One group's split in `resolution --json` output.
/// `resolution ES-11/6 --json` with a groups file.
fn es_11_6_with_groups(file: &std::path::Path) -> serde_json::Value {
    json(&[
        "--groups",
        file.to_str().unwrap(),
        "resolution",
        "ES-11/6",
        "--json",
    ])
}

fn group<'a>(v: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    let groups = v["groups"].as_array().unwrap();
    groups.iter().find(|x| x["group"] == name).unwrap()
}

#[test]
fn es_11_6_splits_by_group_as_the_groups_stood_that_day() {
    let v = json(&["resolution", "ES-11/6", "--json"]);
    let no = |g: &str| group(&v, g)["no"].as_u64();
    assert_eq!(
        ["AG", "APG", "EEG", "GRULAC", "WEOG"].map(no),
        [Some(2), Some(2), Some(2), Some(1), Some(0)]
    );
    assert_eq!(no("P5"), Some(1), "Russia");
    assert_eq!(no("EU"), Some(0));
    let p5 = group(&v, "P5");
    assert_eq!(
        (p5["yes"].as_u64(), p5["abstain"].as_u64()),
        (Some(3), Some(1))
    );
    // In 1971 the group is as it stood: the six founding states of 1958, of which the Federal
    // Republic of Germany had no seat until 1973, so five count.
    let v = json(&["resolution", "2758 (XXVI)", "--json"]);
    let eu = group(&v, "EU");
    let members: u64 = ["yes", "no", "abstain", "non_voting"]
        .iter()
        .map(|k| eu[*k].as_u64().unwrap())
        .sum();
    assert_eq!(members, 5);
    // A user's group appears too.
    let file = binary::write(
        "nordic.csv",
        b"group,code\nNORDIC,DNK\nNORDIC,FIN\nNORDIC,ISL\nNORDIC,NOR\nNORDIC,SWE\n",
    );
    let v = es_11_6_with_groups(&file);
    assert_eq!(group(&v, "NORDIC")["yes"], 5);
}

#[test]
fn search_with_a_country_adds_its_vote() {
    let v = json(&[
        "search",
        "cuba embargo",
        "--country",
        "Israel",
        "--json",
        "--limit",
        "40",
    ]);
    let results = v["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r.get("vote").is_some()));
    let y2016 = results
        .iter()
        .find(|r| r["symbol"] == "A/RES/71/5")
        .unwrap();
    assert_eq!(y2016["vote"], "abstain");
}

fn explorer_with(country: &str) -> App {
    let mut app = App::new(screen::data());
    assert!(app.open_country(country));
    app.update(Action::FocusPane(Pane::Resolutions));
    app
}

#[test]
fn vote_no_keeps_the_votes_where_the_chosen_state_voted_no() {
    let mut app = explorer_with("usa");
    app.update(Action::StartInput);
    screen::type_text(&mut app, "year:2022 vote:no");
    let usa = app.data.country_index("USA").unwrap();
    let expected = app
        .data
        .roll_calls
        .iter()
        .filter(|rc| rc.year() == Some(2022) && rc.vote_of(usa) == Some(Vote::No))
        .count();
    assert!(expected > 10);
    assert_eq!(app.list.shown.len(), expected);
    assert!(
        app.list
            .shown
            .iter()
            .all(|&i| app.data.roll_calls[i].vote_of(usa) == Some(Vote::No))
    );
    // Without a chosen state the filter says what it needs.
    let mut bare = App::new(screen::data());
    bare.update(Action::StartInput);
    screen::type_text(&mut bare, "vote:no");
    assert!(
        bare.list
            .problem
            .as_deref()
            .unwrap()
            .contains("needs a chosen state")
    );
    screen::type_text(&mut bare, "x");
    assert!(bare.list.problem.as_deref().unwrap().contains("vote:nox?"));
    // The list shows the state's vote beside each row.
    let screen_text = screen::text(&screen::draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen_text.contains("USA votes shown"), "{screen_text}");
}

#[test]
fn the_order_key_cycles_closest_margin_and_most_no_votes() {
    let mut app = explorer_with("usa");
    app.update(Action::CycleOrder);
    let margin = |app: &App, i: usize| {
        let t = app.data.tally(app.list.shown[i]);
        t.yes.abs_diff(t.no)
    };
    assert!(margin(&app, 0) <= margin(&app, 1) && margin(&app, 1) <= margin(&app, 50));
    app.update(Action::CycleOrder);
    let no = |app: &App, i: usize| app.data.tally(app.list.shown[i]).no;
    assert!(no(&app, 0) >= no(&app, 1) && no(&app, 1) >= no(&app, 100));
    app.update(Action::CycleOrder);
    let newest = app.list.shown[0];
    assert_eq!(newest, app.data.roll_calls.len() - 1);
}

fn series_view() -> App {
    let mut app = App::new(screen::data());
    assert!(app.open_country("usa"));
    assert!(app.open_resolution("A/RES/71/5"));
    app.update(Action::OpenSeries);
    assert_eq!(app.analysis.current(), Some(View::Series));
    app
}

#[test]
fn the_series_view_opens_on_its_year_lists_the_switchers_and_opens_a_year() {
    let mut app = series_view();
    let s = app.analysis.series.as_ref().unwrap();
    let at = app.analysis.selected();
    assert_eq!(app.data.roll_calls[s.items[at]].symbol, "A/RES/71/5");
    let screen_text = screen::text(&screen::draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen_text.contains("No → Abstain"), "{screen_text}");
    assert!(screen_text.contains("United States"), "{screen_text}");
    // The next year: the US back to no.
    app.update(Action::SelectNext);
    let screen_text = screen::text(&screen::draw(&app, 120, 40, &Theme::COLOR));
    assert!(screen_text.contains("Abstain → No"), "{screen_text}");
    // Enter opens that year's vote; Backspace comes back to the series where it was.
    app.update(Action::Confirm);
    assert_eq!(app.analysis.current(), None);
    assert_eq!(
        app.data.roll_calls[app.roll_call().unwrap()].symbol,
        "A/RES/72/4"
    );
    app.update(Action::Back);
    assert_eq!(app.analysis.current(), Some(View::Series));
    assert_eq!(app.analysis.selected(), at + 1);
}

#[test]
fn a_part_vote_opens_the_series_of_its_whole_and_a_motion_says_why_not() {
    let mut app = App::new(screen::data());
    assert!(app.open_resolution("1668"));
    app.update(Action::OpenSeries);
    assert_eq!(app.analysis.current(), None);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("series follow those"),
        "{:?}",
        app.notice
    );
}

#[test]
fn snapshots_of_the_series_view() {
    let app = series_view();
    for (w, h) in [(120, 40), (80, 24)] {
        assert_snapshot!(
            format!("series_cuba_usa_{w}x{h}"),
            screen::text(&screen::draw(&app, w, h, &Theme::COLOR))
        );
    }
}

#[test]
fn a_series_is_the_same_from_any_of_its_votes_typos_included() {
    // 74/93's title holds a typo (its rarest word); started there, from 1968 or from 2023, the
    // series is one and the same.
    let from = |q: &str| json(&["series", q, "--json"])["roll_calls"].clone();
    let series = from("A/RES/74/93");
    assert!(series.as_array().unwrap().len() > 40);
    assert_eq!(from("V:2175"), series);
    assert_eq!(from("A/RES/78/81"), series);
}

#[test]
fn a_state_counts_once_in_a_group_however_many_rows_name_it() {
    let file = binary::write("twice.csv", b"group,code\nMINE,USA\nMINE,USA\nMINE,FRA\n");
    let v = es_11_6_with_groups(&file);
    assert_eq!(group(&v, "MINE")["yes"], 2, "the US once, France once");
}

#[test]
fn a_users_groups_file_never_changes_a_built_in_group_and_says_what_is_wrong() {
    let refused = |name: &str, body: &[u8]| {
        let file = binary::write(name, body);
        let out = run(&["--groups", file.to_str().unwrap(), "resolution", "ES-11/6"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        binary::stderr(&out)
    };
    let err = refused("p5.csv", b"group,code\nP5,DEU\n");
    assert!(err.contains("line 2: P5 is a built-in group"), "{err}");
    let err = refused(
        "weog.csv",
        b"group,code\nwestern europe and others group,USA\n",
    );
    assert!(err.contains("built-in group"), "{err}");
    let err = refused("noheader.csv", b"G,USA\n");
    assert!(
        err.contains("line 1: the first line must name the columns"),
        "{err}"
    );
    let err = refused("empty.csv", b"");
    assert!(err.contains("line 1"), "{err}");
    let err = refused("quote.csv", b"group,code\n\"G,USA\n");
    assert!(err.contains("a quote left open"), "{err}");
    // Many rows load in linear time; many groups are refused past a bound.
    let mut many = b"group,code\n".to_vec();
    for _ in 0..50_000 {
        many.extend_from_slice(b"MINE,USA\n");
    }
    let file = binary::write("many.csv", &many);
    let start = std::time::Instant::now();
    let v = es_11_6_with_groups(&file);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert_eq!(group(&v, "MINE")["yes"], 1);
    let mut groups = b"group,code\n".to_vec();
    for n in 0..300 {
        groups.extend_from_slice(format!("G{n},USA\n").as_bytes());
    }
    let err = refused("groups.csv", &groups);
    assert!(err.contains("more than 200 groups"), "{err}");
}

#[test]
fn vote_no_alone_keeps_every_vote_where_the_state_voted_no() {
    let v = json(&[
        "search",
        "vote:no",
        "--country",
        "USA",
        "--json",
        "--limit",
        "5",
    ]);
    let data = screen::data();
    let usa = data.country_index("USA").unwrap();
    let usa_no = data
        .roll_calls
        .iter()
        .filter(|rc| rc.vote_of(usa) == Some(Vote::No))
        .count();
    assert_eq!(v["total"].as_u64().unwrap() as usize, usa_no);
    assert!(usa_no > 3000);
}
