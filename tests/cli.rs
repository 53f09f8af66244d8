//! The real binary, as a user runs it: output, JSON contracts, exit codes, and bad input.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[path = "support/binary.rs"]
mod binary;

use binary::{json, run, scratch, stderr, stdout, write};

#[test]
fn resolution_json_contract_for_es_11_6() {
    let v = json(&["resolution", "es-11/6", "--json"]);
    assert_eq!(v["symbol"], "A/RES/ES-11/6");
    assert_eq!(v["date"], "2023-02-23");
    assert_eq!(v["session"], "ES-11");
    assert_eq!(
        v["tally"],
        serde_json::json!({"yes": 141, "no": 7, "abstain": 32, "non_voting": 13})
    );
    let votes = v["votes"].as_array().unwrap();
    assert_eq!(votes.len(), 193);
    let mut no: Vec<&str> = votes
        .iter()
        .filter(|x| x["vote"] == "no")
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    no.sort();
    assert_eq!(no, ["BLR", "ERI", "MLI", "NIC", "PRK", "RUS", "SYR"]);
    let prk = votes.iter().find(|x| x["code"] == "PRK").unwrap();
    assert_eq!(prk["name"], "North Korea");
}

#[test]
fn resolution_text_groups_states_by_vote() {
    let out = run(&["resolution", "A/RES/ES-11/6"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains(
        "Tally: 141 yes, 7 no, 32 abstain, 13 non-voting (counted totals agree with the stated ones)"
    ));
    assert!(
        text.contains("No (7):\n  Belarus, Eritrea, Mali, Nicaragua, North Korea, Russia, Syria\n"),
        "{text}"
    );
    assert!(text.contains("Abstain (32):"));
}

#[test]
fn a_symbol_with_several_roll_calls_shows_the_whole_resolution_and_lists_the_others() {
    let text = stdout(&run(&["resolution", "A/RES/52/22"]));
    assert!(text.contains("Roll call: V:4042"), "{text}");
    assert!(
        text.contains("Other roll calls under this symbol:\n  V:6013 "),
        "{text}"
    );
    assert!(text.contains("\n  V:6014 "), "{text}");
    let by_id = json(&["resolution", "V:6013", "--json"]);
    assert_eq!(by_id["id"], "V:6013");
}

#[test]
fn unknown_symbol_fails_with_suggestions_and_status_1() {
    let out = run(&["resolution", "ES-11/66"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("unvote-tui: no roll call with symbol or id \"ES-11/66\""));
}

#[test]
fn country_json_ranks_matches_and_gives_the_record() {
    let v = json(&["country", "nrth korea", "--json"]);
    assert_eq!(v["matches"][0]["code"], "PRK");
    assert_eq!(v["matches"][0]["matched"], "North Korea");
    assert_eq!(v["record"]["code"], "PRK");
    // Admitted 17 September 1991; its first recorded vote, dated by the UN Library.
    assert_eq!(v["record"]["first_vote"], "1991-10-16");
    assert!(v["record"]["no"].as_u64().unwrap() > 300);
    let soviet = json(&["country", "Soviet Union", "--json"]);
    assert_eq!(soviet["record"]["code"], "SUN");
    // 46/201 and 46/216 of 20 December 1991, as dated by the UN Library.
    assert_eq!(soviet["record"]["last_vote"], "1991-12-20");
}

#[test]
fn search_and_quotes_commands() {
    let v = json(&[
        "search",
        "territorial integrity ukraine",
        "--json",
        "--limit",
        "3",
    ]);
    let top: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["symbol"].as_str().unwrap())
        .collect();
    assert!(
        top.contains(&"A/RES/68/262") && top.contains(&"A/RES/ES-11/4"),
        "{top:?}"
    );
    let q = json(&["quotes", "--resolution", "ES-11/6", "--json"]);
    let speakers: Vec<&str> = q
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["speaker"].as_str().unwrap())
        .collect();
    assert!(speakers.contains(&"Dmytro Kuleba") && speakers.contains(&"Volodymyr Zelensky"));
    let text = stdout(&run(&["quotes", "--resolution", "ES-11/6"]));
    assert!(text.contains("“It shows who stands where."));
}

#[test]
fn extra_quote_files_are_added_and_checked() {
    let file = write(
        "mine.json",
        br#"[{"text":"Own words.","speaker":"A. Person","resolution":"A/RES/ES-11/6","channel":"interview"}]"#,
    );
    let q = json(&[
        "quotes",
        "--resolution",
        "es-11/6",
        "--quotes",
        file.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        q.as_array()
            .unwrap()
            .iter()
            .any(|x| x["speaker"] == "A. Person")
    );
    let bad = write("bad_quotes.json", b"[{\"text\":\"x\",\n \"speaker\": }]");
    let out = run(&["quotes", "--quotes", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad_quotes.json: line 2, column 13"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn import_then_load_round_trips_and_validate_reports() {
    let out_file = scratch("imported.json");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/undl_2025.csv");
    let out = run(&[
        "import",
        fixture.to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("4 roll calls, 772 country votes"));
    let v = json(&[
        "resolution",
        "ES-11/1",
        "--json",
        "--data",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(v["tally"]["abstain"], 35);
    let report = run(&["validate", out_file.to_str().unwrap()]);
    assert!(stdout(&report).contains("no problems found"));
}

#[test]
fn a_failed_import_leaves_the_existing_output_untouched() {
    let out_file = write("keep.json", b"precious");
    let broken = write(
        "broken_votes.csv",
        b"vote_id,resolution,date,session,iso3,country,vote\nV:1,,2000-01-01,1,USA,US,Q\n",
    );
    let out = run(&[
        "import",
        broken.to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&out_file).unwrap(), b"precious");
}

fn fails_with(args: &[&str], expected: &str) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = stderr(&out);
    assert!(
        err.contains(expected),
        "{args:?}: expected {expected:?} in {err:?}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"));
}

#[test]
fn bad_input_gets_one_clear_line_naming_file_and_line() {
    let missing = scratch("missing.json");
    fails_with(
        &["validate", missing.to_str().unwrap()],
        "missing.json: no such file or folder",
    );

    let broken = write(
        "broken.json",
        b"{\"format\":\"unvote-tui/1\",\n\"countries\":[\n{\"code\":\"AAA\",\"name\":}]}",
    );
    fails_with(
        &["validate", broken.to_str().unwrap()],
        "broken.json: line 3, column 22",
    );

    let header = write("odd.csv", b"a,b,c\n1,2,3\n");
    fails_with(
        &["validate", header.to_str().unwrap()],
        "odd.csv: unknown file layout: header is \"a,b,c\"",
    );

    let fixture =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/undl_2025.csv"))
            .unwrap();
    let text = String::from_utf8(fixture).unwrap();
    let mut lines: Vec<String> = text.lines().take(4).map(String::from).collect();
    let mut bad_code = lines.clone();
    bad_code[1] = bad_code[1].replacen(",AFGHANISTAN,Y,", ",AFGHANISTAN,Q,", 1);
    let code = write("code.csv", bad_code.join("\n").as_bytes());
    fails_with(
        &["validate", code.to_str().unwrap()],
        "code.csv: line 2: unknown vote code \"Q\"",
    );

    lines[2] = lines[1].clone();
    let dup = write("dup.csv", lines.join("\n").as_bytes());
    fails_with(
        &["validate", dup.to_str().unwrap()],
        "dup.csv: line 3: duplicate vote of AFG",
    );

    let mut unknown: Vec<String> = text.lines().take(3).map(String::from).collect();
    unknown[2] = unknown[2].replacen(",AGO,ANGOLA,", ",ATL,ATLANTIS,", 1);
    let unk = write("unknown.csv", unknown.join("\n").as_bytes());
    fails_with(
        &["validate", unk.to_str().unwrap()],
        "unknown.csv: line 3: vote for unknown country \"ATL\"",
    );

    let mut bytes = text
        .lines()
        .take(3)
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes();
    bytes.extend_from_slice(
        b"\n900001,BHS,BAHAMAS\xff,Y,2022-03-02,ES-11,A/RES/ES-11/1,,,,,,,,,,,,,\n",
    );
    let utf = write("utf.csv", &bytes);
    fails_with(
        &["validate", utf.to_str().unwrap()],
        "utf.csv: line 4: invalid UTF-8",
    );

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let cut = write("cut.csv.gz", &gz[..gz.len() / 2]);
    fails_with(
        &["validate", cut.to_str().unwrap()],
        "truncated or corrupt gzip data",
    );
}

#[test]
fn gzip_input_loads_like_plain() {
    let text =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/undl_2024.csv"))
            .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &text).unwrap();
    let path = write("undl.csv.gz", &gz.finish().unwrap());
    let v = json(&[
        "--data",
        path.to_str().unwrap(),
        "resolution",
        "ES-11/6",
        "--json",
    ]);
    assert_eq!(v["tally"]["yes"], 141);
}

#[test]
fn control_characters_in_data_never_reach_the_output() {
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/undl_2025.csv"),
    )
    .unwrap();
    let poisoned = fixture.replacen(
        "Aggression against Ukraine",
        "Aggression\u{1b}[2J\u{7} against Ukraine",
        1,
    );
    let path = write("poison.csv", poisoned.as_bytes());
    let out = run(&["resolution", "ES-11/1", "--data", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Aggression[2J against Ukraine"));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
}

#[test]
fn usage_errors_exit_2_and_every_command_has_help() {
    assert_eq!(run(&["resolution"]).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"]).status.code(), Some(2));
    for cmd in [
        "resolution",
        "country",
        "search",
        "quotes",
        "import",
        "validate",
    ] {
        let out = run(&[cmd, "--help"]);
        assert!(out.status.success(), "{cmd}");
        assert!(stdout(&out).contains("Usage: unvote-tui"), "{cmd}");
    }
}
