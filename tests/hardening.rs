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

/// The date of roll call `1/3` of a native dataset, as `resolution --json` gives it.
fn date_of_1_3(path: &std::path::Path) -> String {
    let v = json(&[
        "--data",
        path.to_str().unwrap(),
        "resolution",
        "1/3",
        "--json",
    ]);
    v["date"].as_str().unwrap_or("").to_string()
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
    assert_eq!(date_of_1_3(&path), "2030-01-01");
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
    fails_capped(
        &["validate", path.to_str().unwrap()],
        "more than 100000 roll calls",
    );
    // A line that never ends.
    let mut long = b"vote_id,resolution,date,session,iso3,country,vote\n".to_vec();
    long.extend(std::iter::repeat_n(b'x', 3 << 20));
    let path = write("long-line.csv", &long);
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(
        err.contains("long-line.csv: line 2: a row longer than 1 MiB"),
        "{err}"
    );
}

#[test]
fn imports_never_damage_the_target_whatever_else_is_there() {
    let dir = std::env::temp_dir().join(format!("unvote-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = write("import-src.json", native("2022-02-02").as_bytes());
    let target = dir.join("out.json");
    // A link planted where an older version wrote its partial file is never followed.
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, b"keep me").unwrap();
    let _ = std::fs::remove_file(dir.join("out.json.partial"));
    std::os::unix::fs::symlink(&victim, dir.join("out.json.partial")).unwrap();
    std::fs::write(&target, b"old").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the replaced file keeps its permissions");
    // Two imports at once: the result is one of them, whole.
    let a = std::process::Command::new(env!("CARGO_BIN_EXE_unvote-tui"))
        .args([
            "import",
            source.to_str().unwrap(),
            "--out",
            target.to_str().unwrap(),
        ])
        .spawn()
        .unwrap();
    let b = run(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        target.to_str().unwrap(),
    ]);
    assert!(a.wait_with_output().unwrap().status.success() && b.status.success());
    assert_eq!(date_of_1_3(&target), "2022-02-02");
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary file is left behind");
    // A dataset of no roll calls is refused and replaces nothing.
    let empty = write(
        "no-roll-calls.json",
        b"{\"format\":\"unvote-tui/1\",\"countries\":[],\"roll_calls\":[]}",
    );
    let before = std::fs::read(&target).unwrap();
    let err = failure(&[
        "import",
        empty.to_str().unwrap(),
        "--out",
        target.to_str().unwrap(),
    ]);
    assert!(err.contains("no roll calls"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    let err = failure(&["validate", empty.to_str().unwrap()]);
    assert!(err.contains("no roll calls"), "{err}");
}

#[test]
fn errors_name_the_right_line_once_and_stay_short() {
    // CRLF and CR-only endings count lines like LF.
    let crlf = "vote_id,resolution,date,session,iso3,country,vote\r\nx,,2000-01-01,1,USA,US,Y\r\n\r\nx,,2000-01-01,1,USA,US,Q\r\n";
    let path = write("crlf.csv", crlf.as_bytes());
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(
        err.contains("crlf.csv: line 2:"),
        "the first bad row is line 2: {err}"
    );
    let cr = "vote_id,resolution,date,session,iso3,country,vote\rV:1,,2000-01-01,1,USA,US,Y\r";
    let path = write("cr.csv", cr.as_bytes());
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(err.contains("cr.csv: line 2:"), "{err}");
    // A missing column: the file and line once.
    let path = write("nocol.csv", b"vote_id,whole_resolution\nV:1,1\n");
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert_eq!(err.matches("nocol.csv").count(), 1, "{err}");
    assert!(err.contains("missing column"), "{err}");
    // A 20 MB field quoted in a message is cut.
    let mut huge =
        b"vote_id,resolution,date,session,iso3,country,vote\nV:1,,2000-01-01,1,USA,US,".to_vec();
    huge.extend(std::iter::repeat_n(b'Q', 900_000));
    huge.push(b'\n');
    let path = write("huge-field.csv", &huge);
    let err = failure(&["validate", path.to_str().unwrap()]);
    assert!(err.len() < 1_000, "{} bytes", err.len());
    // JSON with a byte-order mark reads as JSON.
    let bom = [b"\xEF\xBB\xBF".as_slice(), native("2022-02-02").as_bytes()].concat();
    let path = write("bom.json", &bom);
    assert_eq!(date_of_1_3(&path), "2022-02-02");
    // A pivot that matches nothing well is an error, not the nearest state.
    let err = failure(&["align", "Narnia"]);
    assert!(
        err.contains("no state matches \"Narnia\" well; the nearest are"),
        "{err}"
    );
    // Flags that would do nothing are usage errors.
    for args in [
        &["--resolution", "ES-11/6", "search", "x"][..],
        &["--country", "usa", "profile", "usa"],
        &["--groups", "x.csv", "search", "ukraine"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("does nothing"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// Runs the binary with standard output or error sent to `/dev/full`.
fn run_full(args: &[&str], stream: &str) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_unvote-tui"));
    cmd.args(args);
    if stream == "stdout" {
        cmd.stdout(full).stderr(std::process::Stdio::piped());
    } else {
        cmd.stderr(full).stdout(std::process::Stdio::piped());
    }
    cmd.output().unwrap()
}

#[test]
fn full_streams_give_a_status_not_a_panic() {
    for args in [&["--help"][..], &["--version"]] {
        let out = run_full(args, "stdout");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("No space left"), "{}", stderr(&out));
    }
    // An error with nowhere to say it: status 1, no panic (101).
    let out = run_full(&["resolution", "no-such-symbol"], "stderr");
    assert_eq!(out.status.code(), Some(1));
    // The explorer refuses to draw into a file.
    let out = run_full(&[], "stdout");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("standard output is not one"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn characters_a_terminal_acts_on_never_come_out_raw() {
    let nasty = "evil\u{9b}31m\u{7f}\u{202e}gnp.exe\u{2066}\u{200b}";
    let q = format!(
        "[{{\"text\":{},\"speaker\":\"x\",\"resolution\":\"A/RES/ES-11/6\"}}]",
        serde_json::to_string(nasty).unwrap()
    );
    let path = write("nasty-quote.json", q.as_bytes());
    let out = run(&[
        "--quotes",
        path.to_str().unwrap(),
        "quotes",
        "--resolution",
        "ES-11/6",
        "--json",
    ]);
    let raw = stdout(&out);
    for c in ['\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{200b}'] {
        assert!(!raw.contains(c), "{c:?} raw in JSON");
    }
    assert!(
        raw.contains("\\u009b") && raw.contains("\\u202e"),
        "escaped instead"
    );
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(
        v.as_array().unwrap().iter().any(|q| q["text"] == nasty),
        "JSON keeps the text"
    );
    let text = stdout(&run(&[
        "--quotes",
        path.to_str().unwrap(),
        "quotes",
        "--resolution",
        "ES-11/6",
    ]));
    assert!(text.contains("evil31mgnp.exe"), "stripped in text: {text}");
    // clap repeats an unknown argument: never with its escape sequence.
    let out = run(&["--bogus\u{1b}[31m"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
    // Paths printed by import and validate are cleaned.
    let dir = std::env::temp_dir().join(format!("unvote-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let odd = dir.join("odd\u{1b}[2Jname.json");
    std::fs::write(&odd, native("2022-02-02")).unwrap();
    let out = run(&["validate", odd.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{1b}'), "{:?}", stdout(&out));
}

#[test]
fn an_interrupted_import_leaves_no_partial_file() {
    // Interrupts at several moments of a real import (the canonical sources, a few seconds in a
    // test build): the target is either untouched or whole, and no temporary file is left.
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/data/source");
    let dir = std::env::temp_dir().join(format!("unvote-int-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("out.json");
    for (delay, signal) in [
        (50u64, "INT"),
        (400, "TERM"),
        (1_500, "QUIT"),
        (3_000, "INT"),
    ] {
        let _ = std::fs::remove_file(&target);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unvote-tui"))
            .args(["import", source, "--out", target.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        let leftovers: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "out.json")
            .collect();
        assert!(leftovers.is_empty(), "after {delay} ms: {leftovers:?}");
        // Killed before the write began, ended by the signal during it, or done before it.
        let _ = status;
        if target.exists() {
            let v = json(&[
                "--data",
                target.to_str().unwrap(),
                "resolution",
                "ES-11/6",
                "--json",
            ]);
            assert_eq!(v["tally"]["yes"], 141, "a whole file after {delay} ms");
        }
    }
}

/// Runs the binary under the memory limit and checks it fails with `expected` in its message.
fn fails_capped(args: &[&str], expected: &str) {
    let out = run_capped(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(expected), "{args:?}: {err}");
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn small_files_that_would_make_huge_datasets_stop_in_bounded_memory() {
    // Millions of tiny roll calls in a native file (6 MB of gzip).
    let mut native = b"{\"format\":\"unvote-tui/1\",\"countries\":[],\"roll_calls\":[".to_vec();
    for i in 0..400_000 {
        native.extend_from_slice(
            format!("{{\"id\":\"{i}\",\"session\":\"\",\"date\":\"\",\"votes\":\"\"}},").as_bytes(),
        );
    }
    native.extend_from_slice(b"{\"id\":\"x\",\"session\":\"\",\"date\":\"\",\"votes\":\"\"}]}");
    let path = write("many-native.json.gz", &gz(&native));
    fails_capped(&["validate", path.to_str().unwrap()], "more than 100000");
    // A quoted field that runs over many short lines.
    let mut quoted = b"undl_id,ms_code,ms_name,ms_vote,date\n1,USA,x,Y,\"".to_vec();
    for _ in 0..300_000 {
        quoted.extend_from_slice(b"aaaaaaaaaa\n");
    }
    let path = write("quoted.csv.gz", &gz(&quoted));
    fails_capped(
        &["validate", path.to_str().unwrap()],
        "a row longer than 1 MiB",
    );
    // Rows whose descriptions are each just under the row limit.
    let mut rows = b"vote_id,resolution,session,date,title,description,whole_resolution\n".to_vec();
    let long = "d".repeat(1_000_000);
    for i in 0..200 {
        rows.extend_from_slice(format!("V:{i},,1,2000-01-01,t,{long},1\n").as_bytes());
    }
    let path = write("long-descriptions.csv.gz", &gz(&rows));
    fails_capped(
        &["validate", path.to_str().unwrap()],
        "MiB of titles and descriptions",
    );
    // Hundreds of thousands of empty quotes.
    let mut quotes = b"[".to_vec();
    for _ in 0..300_000 {
        quotes.extend_from_slice(b"{\"text\":\"\",\"speaker\":\"\"},");
    }
    quotes.extend_from_slice(b"{\"text\":\"\",\"speaker\":\"\"}]");
    let path = write("many-quotes.json.gz", &gz(&quotes));
    fails_capped(
        &["--quotes", path.to_str().unwrap(), "quotes"],
        "more than 100000",
    );
}

#[test]
fn what_the_second_review_found() {
    // A UN Library date with trailing nonsense is refused, one with a time of day read.
    let head = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution\n";
    let path = write(
        "undl-date.csv",
        format!("{head}1,USA,x,Y,2023-02-239,77,A/RES/77/1\n").as_bytes(),
    );
    assert!(failure(&["validate", path.to_str().unwrap()]).contains("line 2: column date"));
    let path = write(
        "undl-time.csv",
        format!("{head}1,USA,x,Y,2023-02-23T00:00:00,77,A/RES/77/1\n").as_bytes(),
    );
    let v = json(&[
        "--data",
        path.to_str().unwrap(),
        "resolution",
        "77/1",
        "--json",
    ]);
    assert_eq!(v["date"], "2023-02-23");
    // A group file with a byte-order mark counts its lines from the first.
    let path = write(
        "g-bom.csv",
        b"\xEF\xBB\xBFgroup,code,from,to\nMine,USA,,\nMine,FRA,2023-02-30,\n",
    );
    let err = failure(&["--groups", path.to_str().unwrap(), "align", "USA"]);
    assert!(err.contains("g-bom.csv: line 3"), "{err}");
    // A native file written with spaces after its colons names the right line.
    let spaced = native("2023-02-30").replace("\"id\":", "\"id\": ");
    let path = write("spaced.json", spaced.as_bytes());
    assert!(failure(&["validate", path.to_str().unwrap()]).contains("line 9: roll call r3"));
    // Flags that import and validate would ignore are usage errors.
    for args in [
        &["--data", "x.json", "validate", "y"][..],
        &["--quotes", "q.json", "import", "a", "--out", "b"],
    ] {
        assert_eq!(run(args).status.code(), Some(2), "{args:?}");
    }
    // Standard input as data.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unvote-tui"))
        .args(["--data", "-", "resolution", "1/3", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        native("2021-01-01").as_bytes(),
    )
    .unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Import: a new file gets the umask's permissions, a link is not replaced, a folder is
    // named once.
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("unvote-imp2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = write("imp2-src.json", native("2022-02-02").as_bytes());
    let fresh = dir.join("fresh.json");
    let _ = std::fs::remove_file(&fresh);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022; exec {} import {} --out {}",
            env!("CARGO_BIN_EXE_unvote-tui"),
            source.display(),
            fresh.display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        0o644
    );
    let link = dir.join("link.json");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let err = failure(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        link.to_str().unwrap(),
    ]);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let err = failure(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        err.matches("folder").count() + err.matches("directory").count(),
        1,
        "{err}"
    );
    // Invisible and bidirectional characters beyond the usual ones.
    let q = "[{\"text\":\"a\u{061c}b\u{e0041}c\u{2028}d\u{00ad}e\",\"speaker\":\"x\",\"resolution\":\"A/RES/ES-11/6\"}]";
    let path = write("nasty2.json", q.as_bytes());
    let raw = stdout(&run(&[
        "--quotes",
        path.to_str().unwrap(),
        "quotes",
        "--resolution",
        "ES-11/6",
        "--json",
    ]));
    for c in ['\u{061c}', '\u{e0041}', '\u{2028}', '\u{00ad}'] {
        assert!(!raw.contains(c), "{c:?}");
    }
    let text = stdout(&run(&[
        "--quotes",
        path.to_str().unwrap(),
        "quotes",
        "--resolution",
        "ES-11/6",
    ]));
    assert!(text.contains("“abcde”"), "{text}");
}
