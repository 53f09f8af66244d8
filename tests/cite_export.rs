//! Taking a vote out of the tool: the citable paragraph, CSV beside JSON on every table
//! command (read back with the `csv` crate), the UN's links, and the explorer's export and copy
//! as effects.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/binary.rs"]
mod binary;
#[path = "support/screen.rs"]
mod screen;

use binary::{json, run, stderr, stdout};
use unvote::app::analysis::View;
use unvote::app::keys::Mode;
use unvote::app::{Action, App, Effect, Pane};
use unvote::ui::theme::Theme;

/// A CSV output read back: the header and the records.
fn csv(args: &[&str]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

const AGAINST_ES_11_6: [&str; 7] = [
    "Belarus",
    "Eritrea",
    "Mali",
    "Nicaragua",
    "North Korea",
    "Russia",
    "Syria",
];

#[test]
fn cite_es_11_6_is_one_paragraph_with_the_date_votes_and_the_states_against() {
    let out = run(&["cite", "ES-11/6"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.trim_end().lines().count(), 1, "one paragraph");
    assert!(text.starts_with("On 23 February 2023 the United Nations General Assembly adopted resolution A/RES/ES-11/6, “Principles of the Charter"), "{text}");
    assert!(
        text.contains("by 141 votes to 7, with 32 abstentions"),
        "{text}"
    );
    assert!(
        text.contains(
            "Voting against: Belarus, Eritrea, Mali, Nicaragua, North Korea, Russia and Syria."
        ),
        "{text}"
    );
    assert!(text.contains("https://undocs.org/A/RES/ES-11/6"));
    assert!(text.contains("Source: "));
    let v = json(&["cite", "es-11/6", "--json"]);
    assert_eq!(v["outcome"], "adopted");
    assert_eq!(v["date"], "2023-02-23");
    let against: Vec<&str> = v["against"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(against, AGAINST_ES_11_6);
    assert_eq!(v["text"].as_str().unwrap().trim(), text.trim());
}

#[test]
fn a_citation_never_claims_what_the_data_does_not_show() {
    // 1971: the names of that day; a month-precision date said as a month.
    let china = stdout(&run(&["cite", "2758 (XXVI)"]));
    assert!(china.starts_with("On 25 October 1971"), "{china}");
    assert!(china.contains("by 76 votes to 35, with 17 abstentions"));
    assert!(
        china.contains("Upper Volta") && china.contains("Dahomey"),
        "{china}"
    );
    // A failed vote filed under a resolution's symbol is not called that resolution.
    let failed = stdout(&run(&["cite", "A/RES/63/263"]));
    assert!(
        failed.contains("rejected a proposal recorded under A/RES/63/263"),
        "{failed}"
    );
    // Short of two thirds and more yes than no: whether it passed depends on a rule the data
    // does not hold, so no outcome is claimed.
    let motion = stdout(&run(&["cite", "1668"]));
    assert!(
        motion.contains("held a recorded vote on") && motion.contains("61 votes to 34"),
        "{motion}"
    );
    assert!(
        !motion.contains("adopted") && !motion.contains("rejected"),
        "{motion}"
    );
    // A flagged, incomplete record: no outcome from a partial count.
    let partial = json(&["cite", "V:5893", "--json"]);
    assert_eq!(partial["outcome"], "not stated", "{partial}");
    assert!(
        partial["text"]
            .as_str()
            .unwrap()
            .contains("Data note: incomplete")
    );
    // A record of totals only: the source's totals, said to be its.
    let totals = stdout(&run(&["cite", "A/RES/75/254 A-C"]));
    assert!(
        totals.contains("by 168 votes to 2") && totals.contains("the totals the source states"),
        "{totals}"
    );
    // A duplicate record counts its votes in full, and says what it duplicates.
    let duplicate = stdout(&run(&["cite", "V:5884"]));
    assert!(
        duplicate.contains("by 108 votes to 41, with 36 abstentions"),
        "{duplicate}"
    );
    assert!(duplicate.contains("Data note: duplicate"), "{duplicate}");
    // A motion filed under a resolution's number links its draft, not the resolution.
    let priority = json(&["cite", "V:1185", "--json"]);
    assert_ne!(
        priority["document_url"],
        "https://undocs.org/A/RES/2758(XXVI)"
    );
    assert!(
        priority["text"]
            .as_str()
            .unwrap()
            .contains("a motion concerning")
    );
}

#[test]
fn resolution_csv_is_one_row_per_member_with_its_group() {
    let (header, rows) = csv(&["resolution", "ES-11/6", "--csv"]);
    assert_eq!(header, ["code", "name", "vote", "group"]);
    assert_eq!(rows.len(), 193);
    let mut no: Vec<&str> = rows
        .iter()
        .filter(|r| &r[2] == "no")
        .map(|r| &r[1])
        .collect();
    no.sort_unstable();
    assert_eq!(no, AGAINST_ES_11_6);
    let prk = rows.iter().find(|r| &r[0] == "PRK").unwrap();
    assert_eq!((&prk[1], &prk[2], &prk[3]), ("North Korea", "no", "APG"));
    let usa = rows.iter().find(|r| &r[0] == "USA").unwrap();
    assert_eq!(&usa[3], "WEOG");
    // Every vote is one of the four keys; every member has its regional group.
    assert!(
        rows.iter()
            .all(|r| ["yes", "no", "abstain", "non_voting"].contains(&&r[2]))
    );
    assert!(rows.iter().all(|r| !r[3].is_empty()), "a group for each");
}

#[test]
fn align_csv_ranks_israel_first_for_the_us_in_2022() {
    let (header, rows) = csv(&["align", "USA", "--from", "2022", "--to", "2022", "--csv"]);
    assert_eq!(
        header,
        [
            "rank",
            "code",
            "name",
            "same",
            "opposite",
            "partial",
            "absent",
            "agreement",
            "votes"
        ]
    );
    assert_eq!(&rows[0][1], "ISR");
    assert_eq!((&rows[0][0], &rows[0][7], &rows[0][8]), ("1", "91.0", "89"));
    // The same ranking as the JSON, state by state.
    let v = json(&["align", "USA", "--from", "2022", "--to", "2022", "--json"]);
    let codes: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let csv_codes: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(csv_codes, codes);
}

#[test]
fn every_table_command_prints_csv_that_reads_back() {
    let cases: [(&[&str], &str, usize); 6] = [
        (&["search", "ukraine", "--csv"], "symbol", 5),
        (
            &[
                "compare", "USA", "ISR", "--from", "2022", "--to", "2022", "--csv",
            ],
            "a_vote",
            2,
        ),
        (
            &[
                "key-votes",
                "RUS",
                "--from",
                "2022",
                "--to",
                "2022",
                "--csv",
            ],
            "section",
            5,
        ),
        (&["profile", "USA", "--csv"], "year", 70),
        (
            &["quotes", "--resolution", "ES-11/6", "--csv"],
            "speaker",
            5,
        ),
        (
            &["align", "FRA", "--group", "EU", "--from", "2020", "--csv"],
            "agreement",
            20,
        ),
    ];
    for (args, column, at_least) in cases {
        let (header, rows) = csv(args);
        assert!(header.iter().any(|h| h == column), "{args:?}: {header:?}");
        assert!(rows.len() >= at_least, "{args:?}: {} rows", rows.len());
        assert!(rows.iter().all(|r| r.len() == header.len()), "{args:?}");
    }
    let (_, compare) = csv(&[
        "compare", "USA", "ISR", "--from", "2022", "--to", "2022", "--csv",
    ]);
    assert!(
        compare.iter().all(|r| r[7] != r[9]),
        "opposite votes differ"
    );
}

#[test]
fn json_and_csv_together_is_a_usage_error() {
    for args in [
        &["resolution", "ES-11/6", "--json", "--csv"][..],
        &["align", "USA", "--csv", "--json"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("cannot be used with"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--export-format", "json", "search", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("for the explorer"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn resolution_json_links_the_un_document_meeting_and_library_record() {
    let v = json(&["resolution", "ES-11/6", "--json"]);
    assert_eq!(v["document_url"], "https://undocs.org/A/RES/ES-11/6");
    assert_eq!(v["meeting_url"], "https://undocs.org/A/ES-11/PV.19");
    assert!(
        v["library_url"]
            .as_str()
            .unwrap()
            .starts_with("https://digitallibrary.un.org/record/")
    );
    // A part's document is the whole resolution.
    let partition = json(&["resolution", "181 (II)", "--json"]);
    assert_eq!(
        partition["document_url"],
        "https://undocs.org/A/RES/181(II)"
    );
    let text = stdout(&run(&["resolution", "ES-11/6"]));
    assert!(
        text.contains("\nDocument: https://undocs.org/A/RES/ES-11/6\n"),
        "{text}"
    );
}

fn es_11_6() -> App {
    let mut app = App::new(screen::data());
    assert!(app.open_resolution("ES-11/6"));
    app
}

#[test]
fn e_exports_what_is_shown_whole_and_y_copies_the_citation() {
    // The breakdown: the roll of the vote.
    let mut app = es_11_6();
    app.update(Action::FocusPane(Pane::Breakdown));
    app.update(Action::Export);
    let Some(Effect::Export { stem, table, json }) = app.effects.pop() else {
        panic!("an export");
    };
    assert_eq!((stem.as_str(), json), ("A/RES/ES-11/6-votes", false));
    assert_eq!(table.rows.len(), 193);
    // The list: every row of the filter, not only those on screen.
    let mut app = es_11_6();
    app.update(Action::FocusPane(Pane::Resolutions));
    app.update(Action::StartInput);
    screen::type_text(&mut app, "year:2022");
    app.update(Action::Confirm);
    app.update(Action::Export);
    let Some(Effect::Export { stem, table, .. }) = app.effects.pop() else {
        panic!("an export");
    };
    assert_eq!(stem, "resolutions-year:2022");
    assert_eq!(table.rows.len(), app.list.shown.len());
    assert!(table.rows.len() > 80);
    // `y`: the citation on the clipboard and on screen.
    let mut app = es_11_6();
    app.update(Action::Cite);
    let Some(Effect::Copy(text)) = app.effects.pop() else {
        panic!("a copy");
    };
    assert!(text.contains("by 141 votes to 7, with 32 abstentions"));
    assert_eq!(app.mode(), Mode::Reading);
    let shown = screen::text(&screen::draw(&app, 100, 30, &Theme::COLOR));
    assert!(shown.contains("Voting against: Belarus"), "{shown}");
    assert!(shown.contains("https://undocs.org/A/RES/ES-11/6"));
    // `o`: the document, never a guess.
    app.update(Action::Back);
    app.update(Action::OpenDocument);
    assert_eq!(
        app.effects.pop(),
        Some(Effect::Open("https://undocs.org/A/RES/ES-11/6".into()))
    );
}

#[test]
fn e_in_the_ranking_exports_every_ranked_state() {
    let mut app = App::new(screen::data());
    assert!(app.open_country("usa"));
    app.update(Action::Open(View::Alignment));
    app.update(Action::StartInput);
    screen::type_text(&mut app, "2022");
    app.update(Action::Confirm);
    app.update(Action::Export);
    let Some(Effect::Export { stem, table, .. }) = app.effects.pop() else {
        panic!("an export");
    };
    assert_eq!(stem, "alignment-USA-2022");
    assert_eq!(table.rows.len(), app.analysis.rows.len());
    assert_eq!(table.rows[0][1], "ISR");
}
