//! Bad input through the real binary: impossible dates, broken quote and group files, files that
//! must not be damaged, characters that must not reach a terminal raw, errors that must name
//! the file and line. Each test here failed before the fix it guards.

// Test code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/binary.rs"]
mod binary;

use binary::{failure, json, run, stderr, stdout, write};

/// A small native dataset: two countries, three roll calls, the last with `date`.
fn native(date: &str) -> String {
    format!(
        "{{\"format\":\"unvote-tui/1\",\"attribution\":\"test\",\n\"countries\":[\n\
         {{\"code\":\"USA\",\"name\":\"United States\"}},\n{{\"code\":\"RUS\",\"name\":\"Russia\"}}\n],\n\
         \"roll_calls\":[\n\
         {{\"id\":\"r1\",\"symbol\":\"A/RES/1/1\",\"session\":\"1\",\"date\":\"2020-01-01\",\"votes\":\"YN\"}},\n\
         {{\"id\":\"r2\",\"symbol\":\"A/RES/1/2\",\"session\":\"1\",\"date\":\"2021-06-01\",\"votes\":\"YY\"}},\n\
         {{\"id\":\"r3\",\"symbol\":\"A/RES/1/3\",\"session\":\"1\",\"date\":{},\"votes\":\"NY\"}}\n]}}\n",
        serde_json::to_string(date).unwrap()
    )
}

#[test]
fn impossible_dates_stop_the_load_with_file_and_line() {
    for bad in [
        "2023-02-30",
        "99999-01-01",
        "",
        "not a date",
        "23/02/2023",
        "2023-13-01",
    ] {
        let path = write("bad-date.json", native(bad).as_bytes());
        let err = failure(&["validate", path.to_str().unwrap()]);
        assert!(
            err.contains("bad-date.json: line 9: roll call r3: date"),
            "{bad}: {err}"
        );
        let err = failure(&["--data", path.to_str().unwrap(), "resolution", "1/1"]);
        assert!(err.contains("line 9"), "{bad}: {err}");
    }
    let path = write("good-date.json", native("2030-01-01").as_bytes());
    let v = json(&[
        "--data",
        path.to_str().unwrap(),
        "resolution",
        "1/3",
        "--json",
    ]);
    assert_eq!(v["date"], "2030-01-01");
}

#[test]
fn quote_files_with_bad_dates_or_votes_name_the_line() {
    let q = "[\n {\"text\":\"a\",\"speaker\":\"b\",\"resolution\":\"A/RES/ES-11/6\"},\n \
             {\"text\":\"a\",\"speaker\":\"b\",\"resolution\":\"A/RES/ES-11/6\",\n  \
             \"date\":\"2023-02-30\"}\n]\n";
    let path = write("bad-quote.json", q.as_bytes());
    let err = failure(&["--quotes", path.to_str().unwrap(), "quotes"]);
    assert!(
        err.contains("bad-quote.json: line 3: quote 2: date \"2023-02-30\" is not a day"),
        "{err}"
    );
    let q = "[{\"text\":\"a\",\"speaker\":\"b\",\"resolution\":\"x\",\"country_vote\":\"maybe\"}]";
    let path = write("bad-vote.json", q.as_bytes());
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(err.contains("country_vote \"maybe\""), "{err}");
}

#[test]
fn group_files_check_codes_and_dates_line_by_line() {
    let cases = [
        (
            "g-lower.csv",
            "group,code\nMine,usa\n",
            "line 2: unknown state code \"usa\" (codes are upper case: USA)",
        ),
        (
            "g-unknown.csv",
            "group,code\nMine,USA\nMine,XXX\n",
            "line 3: unknown state code \"XXX\"",
        ),
        (
            "g-date.csv",
            "group,code,from,to\nMine,USA,2023-02-30,\n",
            "line 2",
        ),
        (
            "g-crlf.csv",
            "group,code,from,to\r\nMine,USA,,\r\n\r\nMine,GBR,x,\r\n",
            "line 4",
        ),
    ];
    for (name, text, expected) in cases {
        let path = write(name, text.as_bytes());
        let err = failure(&[
            "--groups",
            path.to_str().unwrap(),
            "align",
            "USA",
            "--group",
            "Mine",
        ]);
        assert!(
            err.contains(name) && err.contains(expected),
            "{name}: {err}"
        );
    }
    let path = write("g-ok.csv", b"group,code\nMine,USA\nMine,GBR\n");
    let v = json(&[
        "--groups",
        path.to_str().unwrap(),
        "align",
        "USA",
        "--group",
        "Mine",
        "--json",
    ]);
    assert_eq!(v["rows"].as_array().unwrap().len(), 1);
}

#[test]
fn validate_counts_problems_and_keeps_output_clean() {
    let path = write("ok.json", native("2022-02-02").as_bytes());
    let out = run(&["validate", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("3 roll calls"), "{}", stdout(&out));
}

/// Runs the binary under a 300 MiB address-space limit (`ulimit -v`): a run that tries to hold
/// more dies instead of passing.
fn run_capped(args: &[&str]) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_unvote-tui");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v 307200; exec {bin} {}", quoted.join(" ")))
        .output()
        .unwrap()
}

#[test]
fn endless_or_huge_inputs_stop_with_a_message_in_bounded_memory() {
    let cases: [&[&str]; 6] = [
        &["--data", "/dev/zero", "resolution", "ES-11/6"],
        &["validate", "/dev/zero"],
        &["import", "/dev/zero", "--out", "/tmp/unvote-never.json"],
        &["--quotes", "/dev/zero", "quotes"],
        &["--groups", "/dev/zero", "align", "USA"],
        &["--data", "/dev/urandom", "resolution", "ES-11/6"],
    ];
    for args in cases {
        let out = run_capped(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.starts_with("unvote-tui: /dev/"), "{args:?}: {err}");
        assert!(
            err.len() < 400,
            "{args:?}: a short message, not {} bytes",
            err.len()
        );
    }
    // A CSV whose every row invents a new roll call stops at the cap, not at the end of memory.
    let mut csv = String::from("undl_id,ms_code,ms_name,ms_vote,date,session,resolution\n");
    for id in 0..110_000u32 {
        csv.push_str(&format!(
            "{id},USA,UNITED STATES,Y,2020-01-01,75,A/RES/75/{id}\n"
        ));
    }
    let path = write("many.csv", csv.as_bytes());
    let out = run_capped(&["validate", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("more than 100000 roll calls"), "{err}");
    // A line that never ends.
    let mut long = b"vote_id,resolution,date,session,iso3,country,vote\n".to_vec();
    long.extend(std::iter::repeat_n(b'x', 3 << 20));
    let path = write("long-line.csv", &long);
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(
        err.contains("long-line.csv: line 2: a line longer than 1 MiB"),
        "{err}"
    );
}
