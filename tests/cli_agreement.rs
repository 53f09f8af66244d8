//! The `align`, `compare` and `profile` commands through the real binary: the JSON contract,
//! the State Department's 2022 table reproduced, groups, methods and bad input.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::PathBuf;

#[path = "support/binary.rs"]
mod binary;

use binary::{failure, json, run};

/// The State Department's 2022 all-votes table: code → (same, opposite, partial, absent, %).
fn state_dept_2022() -> HashMap<String, (u64, u64, u64, u64, i64)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/statedept/vp2022_overall.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let n = |i: usize| r[i].parse::<u64>().unwrap();
            let pct = r[7].trim_end_matches('%').parse().unwrap();
            (r[2].to_string(), (n(3), n(4), n(5), n(6), pct))
        })
        .collect()
}

#[test]
fn align_usa_2022_state_dept_reproduces_the_published_table() {
    let v = json(&[
        "align",
        "USA",
        "--from",
        "2022-01-01",
        "--to",
        "2022-12-31",
        "--method",
        "state-dept",
        "--json",
    ]);
    assert_eq!(v["pivot"], "USA");
    assert_eq!(v["method"], "state-dept");
    assert_eq!(v["from"], "2022-01-01");
    assert_eq!(v["to"], "2022-12-31");
    assert_eq!(v["votes"], 89);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 192, "every member but the pivot");
    assert_eq!(rows[0]["code"], "ISR");
    assert_eq!(rows[0]["name"], "Israel");
    let table = state_dept_2022();
    for row in rows {
        let code = row["code"].as_str().unwrap();
        let (same, opposite, partial, absent, printed) = table[code];
        let ours = (
            row["same"].as_u64(),
            row["opposite"].as_u64(),
            row["partial"].as_u64(),
            row["absent"].as_u64(),
        );
        assert_eq!(
            ours,
            (Some(same), Some(opposite), Some(partial), Some(absent)),
            "{code}"
        );
        let percent = row["percent"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&percent));
        assert_eq!(percent.round() as i64, printed, "{code}: {percent}");
    }
    let percents: Vec<f64> = rows
        .iter()
        .map(|r| r["percent"].as_f64().unwrap())
        .collect();
    assert!(
        percents.windows(2).all(|w| w[0] >= w[1]),
        "ranked best first"
    );
}

#[test]
fn align_text_names_the_method_and_the_votes_counted() {
    let out = run(&["align", "united states", "--from", "2022", "--to", "2022"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("state-dept"), "{text}");
    assert!(text.contains("Roll calls counted: 89"), "{text}");
    let first = text
        .lines()
        .find(|l| l.trim_start().starts_with("1 "))
        .unwrap();
    assert!(first.contains("ISR") && first.contains("91.0 %"), "{first}");
}

#[test]
fn groups_filter_the_ranking_by_membership_at_the_time() {
    let eu = |year: &str| -> Vec<String> {
        let v = json(&[
            "align", "USA", "--from", year, "--to", year, "--group", "eu", "--json",
        ]);
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect()
    };
    let (y2019, y2022) = (eu("2019"), eu("2022"));
    assert_eq!(y2019.len(), 28);
    assert!(y2019.contains(&"GBR".to_string()));
    assert_eq!(y2022.len(), 27);
    assert!(!y2022.contains(&"GBR".to_string()));
    let v = json(&[
        "align", "USA", "--from", "1990", "--to", "1990", "--group", "P5", "--json",
    ]);
    let p5: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(p5.len(), 4, "{p5:?}");
    assert!(p5.contains(&"SUN") && !p5.contains(&"RUS"));
    let weog = json(&[
        "align",
        "RUS",
        "--from",
        "2023",
        "--to",
        "2023",
        "--group",
        "Western Europe and Others Group",
        "--json",
    ]);
    assert!(
        weog["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["code"] == "USA")
    );
}

#[test]
fn user_groups_come_from_a_csv_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("quad.csv");
    std::fs::write(&file, "group,code\nQuad,IND\nQuad,JPN\nQuad,AUS\n").unwrap();
    let v = json(&[
        "align",
        "USA",
        "--from",
        "2022",
        "--to",
        "2022",
        "--groups",
        file.to_str().unwrap(),
        "--group",
        "quad",
        "--json",
    ]);
    let mut codes: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["AUS", "IND", "JPN"]);
    let bad = dir.join("bad-groups.csv");
    std::fs::write(&bad, "group,code,from\nQuad,IND,20x2\n").unwrap();
    let e = failure(&["align", "USA", "--groups", bad.to_str().unwrap()]);
    assert!(
        e.contains("bad-groups.csv") && e.contains("line 2") && e.contains("20x2"),
        "{e}"
    );
}

#[test]
fn the_three_methods_give_different_figures_for_the_same_pair() {
    let figure = |method: &str| {
        let v = json(&[
            "compare", "USA", "RUS", "--from", "2022", "--to", "2022", "--method", method, "--json",
        ]);
        assert_eq!(v["method"], method);
        (
            v["percent"].as_f64().unwrap(),
            v["counted"].as_u64().unwrap(),
        )
    };
    let (sd, sd_n) = figure("state-dept");
    let (vo, vo_n) = figure("votes-only");
    let (vt, vt_n) = figure("voeten");
    assert_eq!(sd_n, 89);
    assert!(vo_n < sd_n + 40 && vo_n > 0);
    assert!(vt_n > 0);
    assert!(sd != vo && vo != vt, "{sd} {vo} {vt}");
}

#[test]
fn compare_json_has_the_pair_table_years_issues_and_divergent_votes() {
    let v = json(&[
        "compare", "USA", "Israel", "--from", "2022", "--to", "2022", "--json",
    ]);
    assert_eq!(v["a"]["code"], "USA");
    assert_eq!(v["b"]["code"], "ISR");
    assert_eq!(
        (v["same"].as_u64(), v["opposite"].as_u64()),
        (Some(75), Some(2))
    );
    let pairs = v["pairs"].as_array().unwrap();
    let total: u64 = pairs
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(total, 89);
    assert_eq!(v["by_year"][0]["tag"], "2022");
    assert!(!v["by_tag"].as_array().unwrap().is_empty());
    let divergent = v["divergent"].as_array().unwrap();
    assert_eq!(divergent.len(), 2);
    assert!(
        divergent
            .iter()
            .all(|d| (d["a"] == "Yes" && d["b"] == "No") || (d["a"] == "No" && d["b"] == "Yes"))
    );
    assert_eq!(v["few_votes"], false);
}

#[test]
fn compare_warns_below_ten_votes() {
    let out = run(&[
        "compare",
        "USA",
        "UKR",
        "--from",
        "2022-02-24",
        "--to",
        "2022-03-02",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Warning: fewer than 10 votes"), "{text}");
}

#[test]
fn profile_links_the_soviet_union_and_russia() {
    let v = json(&["profile", "Soviet Union", "--json"]);
    assert_eq!(v["code"], "SUN");
    assert_eq!(v["successor"], "RUS");
    // The first roll calls of 1946 are known to the month only: no day is invented.
    assert_eq!(v["first_vote"], "1946-01");
    let r = json(&["profile", "russia", "--json"]);
    assert_eq!(r["predecessors"], serde_json::json!(["SUN"]));
    assert!(
        r["years"]
            .as_array()
            .unwrap()
            .iter()
            .any(|y| y["year"] == 1992)
    );
    assert!(!r["isolated"].as_array().unwrap().is_empty());
    let text = String::from_utf8(run(&["profile", "USSR"]).stdout).unwrap();
    assert!(text.contains("succeeded by Russia (RUS)"), "{text}");
}

#[test]
fn bad_periods_methods_groups_and_countries_are_clear_errors() {
    assert!(failure(&["align", "USA", "--from", "22"]).contains("“22” is not a date"));
    assert!(failure(&["align", "USA", "--from", "2023", "--to", "2022"]).contains("starts"));
    assert!(failure(&["align", "USA", "--group", "nato"]).contains("unknown group"));
    assert!(failure(&["compare", "USA", "zzqx"]).contains("no country matches"));
    assert!(failure(&["compare", "USA", "United States"]).contains("two different states"));
    let out = run(&["align", "USA", "--method", "vibes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("state-dept, votes-only or voeten"));
}

#[test]
fn states_that_never_sat_together_are_said_so() {
    let out = run(&["compare", "USSR", "Russia"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("never held seats on the same counted roll call"),
        "{text}"
    );
    let v = json(&["align", "SUN", "--from", "2022", "--to", "2022", "--json"]);
    assert_eq!(v["votes"], 0);
    assert_eq!(v["rows"], serde_json::json!([]));
}

#[test]
fn a_bad_group_file_stops_the_explorer_before_the_terminal_is_touched() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let bad = dir.join("bad-explorer-groups.csv");
    std::fs::write(&bad, "group,code,from\nQuad,,2020\n").unwrap();
    let e = failure(&["--groups", bad.to_str().unwrap()]);
    assert!(
        e.contains("bad-explorer-groups.csv") && e.contains("line 2"),
        "{e}"
    );
}

#[test]
fn key_votes_of_russia_in_2022_list_the_ukraine_votes() {
    let v = json(&[
        "key-votes",
        "russia",
        "--from",
        "2022",
        "--to",
        "2022",
        "--json",
    ]);
    assert_eq!(v["pivot"], "RUS");
    let symbols = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["symbol"].as_str().unwrap().to_string())
            .collect()
    };
    let minority = symbols("small_minority");
    for s in ["A/RES/ES-11/1", "A/RES/ES-11/2", "A/RES/ES-11/4"] {
        assert!(minority.contains(&s.to_string()), "{s} in {minority:?}");
    }
    assert!(
        v["small_minority"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["pivot_vote"] == "No" || i["pivot_vote"] == "Yes")
    );
    assert!(symbols("p5_splits").contains(&"A/RES/ES-11/1".to_string()));
    assert!(!symbols("closest").is_empty());
}
