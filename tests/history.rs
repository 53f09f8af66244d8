//! History you can cite, through the real binary and on the bundled data: official dates,
//! symbols in every spelling people write, kinds and flags, months where the day is not known,
//! the names states had on the day, typo-forgiving search and country names old and new.

// Test code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/binary.rs"]
mod binary;

use binary::{failure, json, run, stdout};
use unvote::data::model::{Flag, Kind, Precision};
use unvote::data::{Dataset, bundled};

fn data() -> Dataset {
    bundled::dataset().unwrap()
}

/// `(id, symbol, date, yes, no, abstain, meeting)` of the roll call `resolution --json` answers.
fn answer(query: &str) -> (String, String, String, u64, u64, u64, String) {
    let v = json(&["resolution", query, "--json"]);
    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
    let n = |k: &str| v["tally"][k].as_u64().unwrap();
    (
        s("id"),
        s("symbol"),
        s("date"),
        n("yes"),
        n("no"),
        n("abstain"),
        s("meeting"),
    )
}

#[test]
fn landmark_votes_have_their_official_day_tally_and_meeting() {
    let cases = [
        (
            "2758 (XXVI)",
            "V:1190",
            "1971-10-25",
            (76, 35, 17),
            "A/PV.1976",
        ),
        (
            "3379 (XXX)",
            "V:1622",
            "1975-11-10",
            (72, 35, 32),
            "A/PV.2400",
        ),
        ("1514 (XV)", "V:658", "1960-12-14", (89, 0, 9), "A/PV.947"),
        ("181 (II)", "V:77", "1947-11-29", (33, 13, 10), "A/PV.128"),
        ("377 (V)", "V:252", "1950-11-03", (52, 5, 2), "A/PV.302"),
        (
            "ES-11/6",
            "U:A/RES/ES-11/6",
            "2023-02-23",
            (141, 7, 32),
            "A/ES-11/PV.19",
        ),
    ];
    for (query, id, date, (y, n, a), meeting) in cases {
        let (got_id, _, got_date, gy, gn, ga, got_meeting) = answer(query);
        assert_eq!(
            (
                got_id.as_str(),
                got_date.as_str(),
                gy,
                gn,
                ga,
                got_meeting.as_str()
            ),
            (id, date, y, n, a, meeting),
            "{query}"
        );
    }
    let v = json(&["resolution", "2758", "--json"]);
    assert_eq!(v["kind"], "resolution");
    assert_eq!(v["date_precision"], "day");
    assert!(v["quality"].is_null());
    assert!(v["draft"].is_null(), "unknown drafts are null");
    let es = json(&["resolution", "ES-11/6", "--json"]);
    assert_eq!(es["draft"], "A/ES-11/L.7");
    let no: Vec<&str> = es["votes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["vote"] == "no")
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert_eq!(no.len(), 7);
    assert!(no.contains(&"PRK") && no.contains(&"RUS"), "{no:?}");
}

#[test]
fn symbols_as_people_write_them_find_their_roll_call() {
    for q in [
        "2758",
        "2758(XXVI)",
        "2758 (XXVI)",
        "A/RES/2758 (XXVI)",
        "A/RES/2758(XXVI)",
        "res 2758",
        "resolution 2758",
    ] {
        assert_eq!(answer(q).0, "V:1190", "{q}");
    }
    for q in [
        "181 (II)",
        "A/RES/181(II) A",
        "A/RES/181(II)[A]",
        "a/res/181 (ii) a",
    ] {
        assert_eq!(answer(q).0, "V:77", "{q}");
    }
    for q in ["ES-11/6", "a/res/es-11/6", "A/ES-11/L.7", " es-11/6 "] {
        assert_eq!(answer(q).0, "U:A/RES/ES-11/6", "{q}");
    }
    assert_eq!(answer("V:1179").0, "V:1179");
    assert_eq!(answer("v:1179").0, "V:1179");
    let err = failure(&["resolution", "99999 (XC)"]);
    assert!(err.contains("no roll call"), "{err}");
}

#[test]
fn one_symbol_with_several_roll_calls_answers_with_the_whole_vote_and_lists_the_others() {
    let out = stdout(&run(&["resolution", "2758 (XXVI)"]));
    assert!(out.contains("Vote on: resolution as a whole"), "{out}");
    let others: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Other roll calls"))
        .skip(1)
        .take_while(|l| l.starts_with("  V:"))
        .collect();
    assert_eq!(others.len(), 6, "{out}");
    assert_eq!(
        others.iter().filter(|l| l.contains("procedural")).count(),
        4
    );
    assert_eq!(others.iter().filter(|l| l.contains("amendment")).count(), 2);
    // Budget sections voted one by one under one symbol: the UN Library's symbols tell them
    // apart, and each finds its own roll call.
    assert_eq!(answer("33/116 A").0, "V:1943");
    assert_eq!(answer("A/RES/33/116[A-IV]").0, "V:1944");
    let out = stdout(&run(&["resolution", "33/116 A"]));
    assert!(
        out.contains("UN Library symbol: A/RES/33/116[A-I]"),
        "{out}"
    );
    assert!(out.contains("resolution A/RES/33/116[A-VI]"), "{out}");
    // The eight trusteeship agreements of 13 December 1946: one answers, seven are listed.
    let data = data();
    assert_eq!(data.find_roll_calls("63 (I)").len(), 8);
}

#[test]
fn a_date_known_to_the_month_is_shown_as_the_month() {
    let data = data();
    let month: Vec<_> = data
        .roll_calls
        .iter()
        .filter(|rc| rc.date_precision == Precision::Month)
        .collect();
    assert_eq!(month.len(), 487, "as data/source/README.md says");
    assert!(month.iter().all(|rc| rc.shown_date().len() == 7));
    let v = json(&["resolution", "V:1179", "--json"]);
    assert_eq!(v["date_precision"], "month");
    assert_eq!(v["kind"], "procedural");
    let text = stdout(&run(&["resolution", "V:1179"]));
    assert!(
        text.contains("Date: 1971-09 (the day is not known)"),
        "{text}"
    );
    let search = stdout(&run(&[
        "search",
        "representation of china",
        "--limit",
        "200",
    ]));
    assert!(
        search.lines().any(|l| l.starts_with("1971-09     V:1179")),
        "{search}"
    );
    // The Soviet Union's first votes are known to the month only: no day is invented.
    let text = stdout(&run(&["profile", "ussr"]));
    assert!(
        text.contains("Member votes January 1946 – 20 December 1991"),
        "{text}"
    );
}

#[test]
fn kinds_and_flags_are_as_the_source_says_and_flags_stay_out_of_statistics() {
    let data = data();
    let count = |k: Kind| data.roll_calls.iter().filter(|rc| rc.kind == k).count();
    // data/source/README.md: 5,702 / 234 / 739 / 169 in the main file, and the 40 roll calls of
    // extra/ are votes on resolutions.
    assert_eq!(
        [
            count(Kind::Resolution),
            count(Kind::Amendment),
            count(Kind::Paragraph),
            count(Kind::Procedural)
        ],
        [5_702 + 40, 234, 739, 169]
    );
    let flags: Vec<Flag> = data.roll_calls.iter().filter_map(|rc| rc.flag()).collect();
    let incomplete = flags.iter().filter(|f| **f == Flag::Incomplete).count();
    assert_eq!((incomplete, flags.len() - incomplete), (3, 19));
    let v = json(&["resolution", "V:5938", "--json"]);
    assert_eq!(v["quality"], "duplicate_of:V:5248");
    let text = stdout(&run(&["resolution", "V:5938"]));
    assert!(
        text.contains("Flag: duplicate of V:5248 — left out of every statistic"),
        "{text}"
    );
    // Every figure says what it left out: 67/243 is in 2012.
    let al = json(&["align", "USA", "--from", "2012", "--to", "2012", "--json"]);
    assert!(al["left_out"].as_u64().unwrap() >= 1, "{al}");
    let text = stdout(&run(&["compare", "USA", "RUS"]));
    assert!(text.contains("flagged left out"), "{text}");
    // The State Department's 2022 table still counts 89 votes.
    let al = json(&["align", "USA", "--from", "2022", "--to", "2022", "--json"]);
    assert_eq!(al["votes"], 89);
}

#[test]
fn titles_are_titles() {
    let data = data();
    let bad = [
        "The President:",
        "The Acting President",
        "I shall now put",
        "<d3>",
        "<90>",
        "Ã",
        "Â",
        "\\\"",
        "\\",
        ": resolution / adopted",
    ];
    for rc in &data.roll_calls {
        for pattern in bad {
            assert!(!rc.title.contains(pattern), "{}: {:?}", rc.id, rc.title);
        }
        assert_ne!(rc.title.trim().to_ascii_lowercase(), "nan", "{}", rc.id);
        assert_ne!(
            rc.description.trim().to_ascii_lowercase(),
            "nan",
            "{}",
            rc.id
        );
    }
    let empty = data
        .roll_calls
        .iter()
        .filter(|rc| rc.title.is_empty())
        .count();
    assert_eq!(empty, 4, "the four the source has no title for");
}

#[test]
fn the_names_states_had_on_the_day() {
    let out = stdout(&run(&["resolution", "2758"]));
    for name in [
        "Upper Volta",
        "Dahomey",
        "Ceylon",
        "Byelorussian SSR",
        "Khmer Republic",
    ] {
        assert!(out.contains(name), "{name} in\n{out}");
    }
    assert!(
        !out.contains("Burkina Faso") && !out.contains("Sri Lanka"),
        "{out}"
    );
    let v = json(&["resolution", "ES-11/6", "--json"]);
    let names: Vec<&str> = v["votes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Burkina Faso") && names.contains(&"Türkiye"),
        "{names:?}"
    );
}

#[test]
fn country_names_loose_misspelt_and_historical() {
    let best = |q: &str| {
        let v = json(&["country", q, "--json"]);
        v["matches"][0]["code"].as_str().unwrap().to_string()
    };
    let cases = [
        ("isreal", "ISR"),
        ("phillipines", "PHL"),
        ("columbia", "COL"),
        ("venezeula", "VEN"),
        ("north koria", "PRK"),
        ("argentinia", "ARG"),
        ("belarussia", "BLR"),
        ("Upper Volta", "BFA"),
        ("dahomey", "BEN"),
        ("Ceylon", "LKA"),
        ("Byelorussia", "BLR"),
        ("Kampuchea", "KHM"),
        ("zaire", "COD"),
        ("persia", "IRN"),
        ("siam", "THA"),
        ("burma", "MMR"),
        ("swaziland", "SWZ"),
        ("taiwan", "CHN"),
        ("republic of china", "CHN"),
        ("nrth korea", "PRK"),
        ("dprk", "PRK"),
    ];
    for (q, code) in cases {
        assert_eq!(best(q), code, "{q}");
    }
    let v = json(&["country", "taiwan", "--json"]);
    let remark = v["matches"][0]["remark"].as_str().unwrap();
    assert!(remark.contains("until 25 Oct 1971"), "{remark}");
    let v = json(&["country", "upper volta", "--json"]);
    assert!(
        v["matches"][0]["remark"]
            .as_str()
            .unwrap()
            .contains("until 3 August 1984")
    );
    // East Pakistan never held a seat: said first, then the seats it is near.
    let v = json(&["country", "East Pakistan", "--json"]);
    let note = v["note"].as_str().unwrap();
    assert!(
        note.starts_with("East Pakistan never held a seat"),
        "{note}"
    );
    assert!(note.contains("Bangladesh"), "{note}");
    assert_eq!(v["matches"][0]["code"], "PAK");
    let text = stdout(&run(&["country", "east pakistn"]));
    assert!(
        text.starts_with("East Pakistan never held a seat"),
        "{text}"
    );
}

#[test]
fn search_forgives_typos_narrows_by_year_and_ranks_what_is_about_the_query() {
    let ids = |q: &str, limit: &str| -> Vec<String> {
        let v = json(&["search", q, "--json", "--limit", limit]);
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["symbol"].as_str().unwrap().to_string())
            .collect()
    };
    let total = |q: &str| json(&["search", q, "--json"])["total"].as_u64().unwrap();
    assert!(ids("ukraine", "10").contains(&"A/RES/68/262".to_string()));
    for typo in ["ukriane", "ukrsine"] {
        assert_eq!(ids(typo, "50"), ids("ukraine", "50"), "{typo}");
    }
    let apartheid = total("apartheid");
    assert!(apartheid >= 190, "{apartheid}");
    for typo in ["aparthied", "apartheed"] {
        assert!(total(typo) * 10 >= apartheid * 9, "{typo}: {}", total(typo));
    }
    assert!(total("isreal") * 10 >= total("israel") * 8);
    assert!(total("palestinain") > 100);
    assert_eq!(total("cuba embrago"), total("cuba embargo"));
    let v = json(&["search", "ukraine 2023", "--json"]);
    let dates: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert!(
        !dates.is_empty() && dates.iter().all(|d| d.starts_with("2023")),
        "{dates:?}"
    );
    let v = json(&["search", "south africa 1985", "--json"]);
    assert!(v["total"].as_u64().unwrap() >= 5);
    let v = json(&["search", "ukraine session:ES-11 year:2022", "--json"]);
    assert_eq!(v["total"], 5, "ES-11/1 to 5 of 2022");
    assert_eq!(ids("res 2758", "1"), ["A/RES/2758(XXVI)"]);
    // A bare year alone is the year (resolution 2022 (XX) is `res 2022`).
    let v = json(&["search", "2022", "--json", "--limit", "500"]);
    let results = v["results"].as_array().unwrap();
    assert!(
        results.len() > 50
            && results
                .iter()
                .all(|r| r["date"].as_str().unwrap().starts_with("2022"))
    );
    assert_eq!(ids("res 2022", "1"), ["A/RES/2022(XX)"]);
}

#[test]
fn lookups_that_must_find_nothing_or_exactly_the_one_meant() {
    // A draft finds its resolution; a draft that does not exist finds nothing (not every
    // roll call whose draft shares its session).
    assert_eq!(answer("A/75/L.59").1, "A/RES/75/260");
    assert_eq!(answer("ES-11/L.7").0, "U:A/RES/ES-11/6");
    assert!(failure(&["resolution", "A/79/L.999"]).contains("no roll call"));
    // An old symbol written with a space is not a year and a word.
    let v = json(&["search", "2065 (XX)", "--json"]);
    assert_eq!(v["results"][0]["symbol"], "A/RES/2065(XX)");
    assert_eq!(answer("UNGA resolution 2758").0, "V:1190");
    // A number finds that number only: ES-10/1 has no recorded vote here.
    assert_eq!(json(&["search", "ES-10/1", "--json"])["total"], 0);
    assert_eq!(json(&["search", "68/26", "--json"])["total"], 0);
    // Quotes answer to every spelling of their resolution.
    for q in ["2758", "res 2758", "V:1190", "2758 (XXVI)"] {
        let v = json(&["quotes", "--resolution", q, "--json"]);
        assert_eq!(v.as_array().unwrap().len(), 5, "{q}");
    }
    // A near name of a real seat is not taken for a place that never held one.
    assert_eq!(
        json(&["country", "west pakistan", "--json"])["matches"][0]["code"],
        "PAK"
    );
}

#[test]
fn what_figures_leave_out_is_what_they_would_have_counted() {
    // The USSR held no seat in 1997–1998: nothing of those years is left out of its ranking.
    let v = json(&["align", "SUN", "--from", "1997", "--to", "1998", "--json"]);
    assert_eq!(
        (v["votes"].as_u64(), v["left_out"].as_u64()),
        (Some(0), Some(0))
    );
    // 2012 holds the duplicate record V:5938 (67/243): counted nowhere, left out once.
    let data = data();
    let period = unvote::data::period::Period::year(2012);
    let counted = unvote::data::agreement::universe(
        &data,
        unvote::data::agreement::Method::VotesOnly,
        &period,
    );
    assert!(counted.iter().all(|&i| data.roll_calls[i].id != "V:5938"));
    let v = json(&["align", "USA", "--from", "2012", "--to", "2012", "--json"]);
    assert!(v["left_out"].as_u64().unwrap() >= 1);
    let v = json(&[
        "key-votes",
        "USA",
        "--from",
        "2012",
        "--to",
        "2012",
        "--json",
    ]);
    assert!(v["left_out"].as_u64().unwrap() >= 1);
}

#[test]
fn a_month_in_which_a_name_changed_shows_both() {
    // May 1949: Siam became Thailand on the 11th; the votes of that month known only to the
    // month say both rather than guess.
    let data = data();
    let tha = data.country_index("THA").unwrap();
    let may = data
        .roll_calls
        .iter()
        .find(|rc| rc.shown_date() == "1949-05" && rc.date_precision == Precision::Month)
        .unwrap();
    assert_eq!(data.name_in(tha, may), "Siam / Thailand");
    let day = data
        .roll_calls
        .iter()
        .find(|rc| rc.date.starts_with("1948") && rc.date_precision == Precision::Day)
        .unwrap();
    assert_eq!(data.name_in(tha, day), "Siam");
}
