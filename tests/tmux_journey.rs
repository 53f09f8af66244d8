//! The real binary in a real terminal, as a new user would use it: tmux runs `unvote-tui`,
//! `send-keys` types, `capture-pane` reads the screen. A real terminal draws asynchronously, so
//! each check polls the screen until the text appears, up to a bounded number of attempts.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16, args: &str) -> Tmux {
        // The shell prints the exit status on the normal screen once the app has restored it,
        // and whether the terminal is back in its normal (canonical, echoing) mode.
        let cmd = format!(
            "{} {args}; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo | tr '\\n' ' '; echo; sleep 60",
            env!("CARGO_BIN_EXE_unvote-tui")
        );
        Tmux::start_cmd(name, width, height, &cmd)
    }

    fn start_cmd(name: &str, width: u16, height: u16, cmd: &str) -> Tmux {
        let socket = format!("unvote-test-{name}-{}", std::process::id());
        let tmux = Tmux { socket };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            cmd,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
        }
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until every text is on screen; returns the screen.
    fn wait_for(&self, texts: &[&str]) -> String {
        let mut screen = String::new();
        for _ in 0..200 {
            screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("never saw {texts:?} on screen:\n{screen}");
    }

    /// Waits for the app to exit and returns its status, read from the restored screen.
    fn exit_status(&self) -> String {
        let screen = self.wait_for(&["EXIT="]);
        let status = screen
            .split("EXIT=")
            .nth(1)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("");
        status.trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

#[test]
fn es_11_6_journey_at_120x40() {
    let t = Tmux::start("journey", 120, 40, "--resolution ES-11/6");
    let screen = t.wait_for(&[
        "A/RES/ES-11/6",
        "Vote breakdown",
        "Yes        141",
        "Abstain     32",
        "Quotes",
    ]);
    for bar in ["Yes        141 █", "No           7 █", "Abstain     32 █"] {
        assert!(screen.contains(bar), "chart shows {bar:?}:\n{screen}");
    }
    let roll: String = screen
        .lines()
        .map(|l| l.trim_end_matches('│'))
        .collect::<Vec<_>>()
        .join(" ");
    for name in [
        "Belarus",
        "Eritrea",
        "Mali",
        "Nicaragua",
        "North Korea",
        "Russia",
        "Syria",
    ] {
        assert!(roll.contains(name), "{name} in the roll");
    }
    assert!(screen.contains("No (7):"));

    t.keys(&["4", "Down", "Down"]);
    t.wait_for(&[
        "Quotes 3/16",
        "Dmytro Kuleba",
        "said, as quoted by Fox News",
    ]);
    t.keys(&["Down", "Down", "Down", "Down", "Down"]);
    t.wait_for(&["Quotes 8/16", "Volodymyr Zelensky", "powerful signal"]);

    t.keys(&["3", "/"]);
    t.keys(&["nrth korea"]);
    let screen = t.wait_for(&[
        "Search: nrth korea",
        "North Korea (PRK) on A/RES/ES-11/6: ✘N No",
    ]);
    assert!(
        screen.contains("▶North Korea◀"),
        "highlighted in the roll:\n{screen}"
    );

    t.keys(&["Enter", "q"]);
    assert_eq!(t.exit_status(), "0", "q quits cleanly");
    assert!(
        !t.screen().contains("Vote breakdown"),
        "the alternate screen is gone"
    );
}

#[test]
fn filter_typing_and_live_resize() {
    let t = Tmux::start("resize", 120, 40, "");
    t.wait_for(&["Resolutions 6,884/6,884"]);
    t.keys(&["/", "territorial integrity ukraine"]);
    t.wait_for(&["/ territorial integrity ukraine", "68/262"]);
    // Esc and the next key sent together would read as Alt and that key: apart.
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(150));
    t.keys(&["?"]);
    t.wait_for(&["Keys", "whole-resolution votes only"]);
    t.keys(&["Escape"]);
    t.run(&["resize-window", "-t", "t", "-x", "70", "-y", "20"]);
    t.wait_for(&["1 Resolutions   2 Vote breakdown"]);
    t.run(&["resize-window", "-t", "t", "-x", "12", "-y", "4"]);
    t.wait_for(&["Enlarge"]);
    t.run(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    t.wait_for(&["3 Country search"]);
    t.keys(&["C-c"]);
    assert_eq!(t.exit_status(), "0", "Ctrl-C quits cleanly");
}

#[test]
fn bad_data_fails_before_the_terminal_is_touched() {
    let t = Tmux::start("bad", 100, 30, "--data /nonexistent/unga.json");
    let screen = t.wait_for(&["EXIT=1"]);
    assert!(
        screen.contains("unvote-tui: /nonexistent/unga.json: no such file or folder"),
        "{screen}"
    );
}

/// The State Department's 2022 row for a state: (same, opposite, partial, absent, printed %).
fn state_dept_2022(code: &str) -> (String, String, String, String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/statedept/vp2022_overall.csv"
    );
    let table = std::fs::read_to_string(path).unwrap();
    let row = table
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f.get(2) == Some(&code))
        .unwrap();
    let f = |i: usize| row[i].to_string();
    (f(3), f(4), f(5), f(6), f(7))
}

#[test]
fn pivot_usa_in_2022_ranks_israel_first_with_the_published_figures() {
    let t = Tmux::start("pivot", 120, 40, "");
    t.wait_for(&["Resolutions 6,884/6,884"]);
    // Choose the United States in the country search and open its record.
    t.keys(&["3", "/", "united states", "Enter"]);
    t.wait_for(&["United States (USA)"]);
    t.keys(&["Enter"]);
    t.wait_for(&[
        "Country record · United States (USA)",
        "Most isolated votes",
    ]);
    // The ranking, then the year typed as a period.
    t.keys(&["a"]);
    t.wait_for(&["Alignment with United States (USA)"]);
    t.keys(&["p", "2022", "Enter"]);
    let screen = t.wait_for(&["Period 2022", "89 roll calls counted", "state-dept"]);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| {
            l.trim_start_matches('│')
                .trim_start()
                .starts_with(char::is_numeric)
        })
        .collect();
    assert!(rows[0].contains("1 ISR  Israel"), "Israel first:\n{screen}");
    assert!(
        !screen.contains(" USA  United States"),
        "the pivot is left out"
    );
    for row in rows.iter().take(10) {
        let fields: Vec<&str> = row.trim_matches('│').split_whitespace().collect();
        let code = fields[1];
        let (same, opp, part, abs, pct) = state_dept_2022(code);
        let at = fields.iter().position(|f| *f == same.as_str()).unwrap();
        assert_eq!(
            fields[at..at + 4],
            [same.as_str(), &opp, &part, &abs],
            "{row}"
        );
        let ours: f64 = fields[at + 4].parse().unwrap();
        let printed: f64 = pct.trim_end_matches('%').parse().unwrap();
        assert_eq!(ours.round(), printed, "{row}");
    }
    // Enter compares the pivot with Israel; Esc goes back; q quits cleanly.
    t.keys(&["Enter"]);
    t.wait_for(&["Compare United States (USA) and Israel (ISR)", "Vote pairs"]);
    t.keys(&["Escape"]);
    t.wait_for(&["Alignment with United States (USA)"]);
    t.keys(&["m"]);
    t.wait_for(&["World map · agreement with United States", "◆ pivot"]);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn old_votes_at_80x24_by_symbol_typo_and_historical_name() {
    let t = Tmux::start("history", 80, 24, "");
    t.wait_for(&["Resolutions"]);
    // The symbol as people write it, in the list's filter.
    t.keys(&["/", "2758 (XXVI)", "Enter"]);
    let screen = t.wait_for(&["/ 2758 (XXVI)", "Resolutions 7/6,884"]);
    let first = screen.lines().nth(3).unwrap_or("");
    assert!(
        first.contains("1971-10-25 2758(XXVI)") && first.contains("76-35-17"),
        "the whole vote first:\n{screen}"
    );
    // Its breakdown: the official day, the meeting, the names states had that day.
    t.keys(&["2"]);
    // Waited for whole: a terminal may show a frame half drawn. The no group's end is below:
    // the roll scrolls.
    let screen = t.wait_for(&[
        "A/PV.1976",
        "resolution as a whole",
        "No (35)",
        "Dahomey",
        "Ivory Coast",
        "Khmer Republic",
    ]);
    t.keys(&["Down", "Down", "Down"]);
    let below = t.wait_for(&["Swaziland", "Uruguay"]);
    // Names wrap across lines: read the roll as one text.
    let roll: String = format!("{screen}\n{below}")
        .lines()
        .map(|l| l.trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ");
    for name in [
        "Upper Volta",
        "Dahomey",
        "Ivory Coast",
        "Khmer Republic",
        "Swaziland",
    ] {
        assert!(roll.contains(name), "{name}:\n{roll}");
    }
    assert!(!roll.contains("Burkina Faso"), "{screen}");
    // A procedural motion of the same day: known to the month only, tagged.
    // Esc clears the filter; typed apart from the next key, which would otherwise make Alt-/.
    t.keys(&["1", "Escape"]);
    t.wait_for(&["Resolutions 6,884/6,884"]);
    t.keys(&["/", "V:1179", "Enter"]);
    let screen = t.wait_for(&["/ V:1179", "1971-09", "[motion]"]);
    assert!(!screen.contains("1971-09-0"), "no day invented:\n{screen}");
    // A typo that finds the apartheid votes.
    t.keys(&["Escape"]);
    t.wait_for(&["Resolutions 6,884/6,884"]);
    t.keys(&["/", "aparthied", "Enter"]);
    t.wait_for(&["/ aparthied", "apartheid"]);
    // A state by a name it had: Upper Volta is Burkina Faso's seat.
    t.keys(&["3", "/", "upper volta", "Enter"]);
    t.wait_for(&["Burkina Faso"]);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

impl Tmux {
    /// The pid of the program the pane's shell runs.
    fn app_pid(&self) -> String {
        let shell = self.run(&["display", "-p", "-t", "t", "#{pane_pid}"]);
        for _ in 0..100 {
            let out = Command::new("pgrep")
                .args(["-P", shell.trim()])
                .output()
                .expect("pgrep runs");
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !pid.is_empty() {
                return pid;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("no program under the shell {shell}");
    }

    /// A tmux flag of the pane, such as `alternate_on`.
    fn flag(&self, name: &str) -> String {
        self.run(&["display", "-p", "-t", "t", &format!("#{{{name}}}")])
            .trim()
            .to_string()
    }
}

#[test]
fn signals_restore_the_terminal_and_exit_with_their_status() {
    for (signal, status) in [
        ("TERM", "143"),
        ("HUP", "129"),
        ("INT", "130"),
        ("QUIT", "131"),
    ] {
        let t = Tmux::start(&format!("sig{signal}"), 100, 30, "");
        t.wait_for(&["Resolutions 6,884/6,884"]);
        assert_eq!(t.flag("alternate_on"), "1");
        let pid = t.app_pid();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        assert_eq!(t.exit_status(), status, "SIG{signal}");
        let screen = t.wait_for(&["icanon"]);
        assert!(
            screen.contains(" icanon") || screen.contains("\nicanon"),
            "cooked mode after SIG{signal}:\n{screen}"
        );
        assert!(
            !screen.contains("-icanon") && !screen.contains("-echo "),
            "{screen}"
        );
        assert_eq!(
            t.flag("alternate_on"),
            "0",
            "alternate screen left after SIG{signal}"
        );
        assert_eq!(t.flag("cursor_flag"), "1", "cursor shown after SIG{signal}");
        assert_eq!(
            t.flag("mouse_any_flag"),
            "0",
            "mouse reporting off after SIG{signal}"
        );
    }
}

#[test]
fn a_start_that_cannot_write_leaves_the_terminal_as_it_was() {
    // Standard output is a full device, not the terminal: the explorer refuses, and the
    // terminal (standard input) was never put in raw mode.
    let cmd = format!(
        "{} > /dev/full; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon; sleep 60",
        env!("CARGO_BIN_EXE_unvote-tui")
    );
    let t = Tmux::start_cmd("full", 100, 30, &cmd);
    assert_eq!(t.exit_status(), "1");
    let screen = t.wait_for(&["icanon"]);
    assert!(!screen.contains("-icanon"), "{screen}");
    assert!(screen.contains("standard output is not one"), "{screen}");
}

#[test]
fn a_huge_title_or_quote_and_a_pasted_page_keep_keystrokes_quick() {
    let dir = std::env::temp_dir().join(format!("unvote-cliff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let huge = "Ukraine ".repeat(1_300_000);
    let mut data = String::from(
        "{\"format\":\"unvote-tui/1\",\"countries\":[\n{\"code\":\"USA\",\"name\":\"United States\"},\n\
         {\"code\":\"RUS\",\"name\":\"Russia\"}\n],\"roll_calls\":[\n",
    );
    for i in 1..=40 {
        let title = if i == 40 {
            huge.as_str()
        } else {
            "Small title"
        };
        data.push_str(&format!(
            "{{\"id\":\"r{i}\",\"symbol\":\"A/RES/1/{i}\",\"session\":\"1\",\"date\":\"2020-01-{:02}\",\"title\":\"{title}\",\"votes\":\"YN\"}}{}\n",
            i % 28 + 1,
            if i == 40 { "" } else { "," }
        ));
    }
    data.push_str("]}\n");
    let data_path = dir.join("huge.json");
    std::fs::write(&data_path, data).unwrap();
    let quotes = format!(
        "[{{\"text\":\"{huge}\",\"speaker\":\"x\",\"resolution\":\"A/RES/1/40\",\"note\":\"{}\"}}]",
        "note ".repeat(200_000)
    );
    let quotes_path = dir.join("huge-quotes.json");
    std::fs::write(&quotes_path, quotes).unwrap();
    let t = Tmux::start(
        "cliff",
        120,
        40,
        &format!(
            "--data {} --quotes {}",
            data_path.display(),
            quotes_path.display()
        ),
    );
    t.wait_for(&["Resolutions 40/40"]);
    // Thirty moves across the huge roll call: each frame lays out a bounded part of the text.
    for _ in 0..15 {
        t.keys(&["j", "k"]);
    }
    // A pasted paragraph into the filter: the line stops growing at its limit, and the keys
    // past it cost nothing.
    t.keys(&["/", &"word ".repeat(120)]);
    t.wait_for(&["Resolutions 0/40"]);
    t.keys(&["Enter"]);
    t.wait_for(&["q quit"]);
    let filter = t
        .screen()
        .lines()
        .nth(1)
        .map(|l| l.matches("word").count())
        .unwrap_or(0);
    assert!(
        filter <= 40,
        "{filter} words shown of a line cut at 200 characters"
    );
    t.keys(&["q"]);
    let start = std::time::Instant::now();
    assert_eq!(t.exit_status(), "0");
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_terminal_that_goes_away_ends_the_explorer() {
    let t = Tmux::start_cmd("gone", 100, 30, env!("CARGO_BIN_EXE_unvote-tui"));
    t.wait_for(&["Resolutions 6,884/6,884"]);
    let pid = t.run(&["display", "-p", "-t", "t", "#{pane_pid}"]);
    let proc_dir = format!("/proc/{}", pid.trim());
    assert!(std::path::Path::new(&proc_dir).exists());
    drop(t);
    let ended = (0..60).any(|_| {
        sleep(Duration::from_millis(50));
        std::fs::read_to_string(format!("{proc_dir}/stat"))
            .map_or(true, |s| s.split_whitespace().nth(2) == Some("Z"))
    });
    assert!(ended, "the explorer still runs after its terminal closed");
}

#[test]
fn an_unterminated_mouse_report_or_paste_does_not_swallow_the_keys() {
    // `ESC [ <` (the start of an SGR mouse report) and `ESC [ 200 ~` (the start of a bracketed
    // paste) that never end: the keys after them still work.
    for (name, bytes) in [
        ("sgr", &["1b", "5b", "3c"][..]),
        ("paste", &["1b", "5b", "32", "30", "30", "7e"]),
        ("private", &["1b", "5b", "3f"]),
        ("numbered", &["1b", "5b", "31"]),
    ] {
        let t = Tmux::start(name, 100, 30, "");
        t.wait_for(&["Resolutions 6,884/6,884"]);
        let mut args = vec!["send-keys", "-t", "t", "-H"];
        args.extend_from_slice(bytes);
        t.run(&args);
        sleep(Duration::from_millis(200));
        // One key may go with the broken sequence; the next ones are read as keys.
        t.keys(&["x"]);
        sleep(Duration::from_millis(200));
        t.keys(&["/", "ukraine"]);
        t.wait_for(&["/ ukraine"]);
        t.keys(&["C-c"]);
        assert_eq!(t.exit_status(), "0", "{name}: Ctrl-C still quits");
    }
    // Ctrl-C right after `ESC [ 1`: the first may be taken as the end of the broken sequence,
    // the second quits.
    let t = Tmux::start("ctrlc", 100, 30, "");
    t.wait_for(&["Resolutions 6,884/6,884"]);
    t.run(&["send-keys", "-t", "t", "-H", "1b", "5b", "31"]);
    sleep(Duration::from_millis(200));
    t.keys(&["C-c"]);
    sleep(Duration::from_millis(200));
    if !t.screen().contains("EXIT=") {
        t.keys(&["C-c"]);
    }
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn year_steps_on_a_dataset_that_reaches_the_future_never_panic() {
    let dir = std::env::temp_dir().join(format!("unvote-future-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("future.json");
    std::fs::write(
        &path,
        "{\"format\":\"unvote-tui/1\",\"countries\":[{\"code\":\"USA\",\"name\":\"United States\"},\
         {\"code\":\"RUS\",\"name\":\"Russia\"}],\"roll_calls\":[\
         {\"id\":\"a\",\"session\":\"1\",\"date\":\"2020-01-01\",\"votes\":\"YN\"},\
         {\"id\":\"b\",\"session\":\"9\",\"date\":\"2030-06-01\",\"votes\":\"YY\"}]}",
    )
    .unwrap();
    let t = Tmux::start("future", 100, 30, &format!("--data {}", path.display()));
    t.wait_for(&["Resolutions 2/2"]);
    t.keys(&["3", "/", "usa", "Enter", "Enter"]);
    t.wait_for(&["Country record"]);
    t.keys(&["a"]);
    t.wait_for(&["Alignment with United States"]);
    t.keys(&["[", "[", "]", "]", "]", "[", "q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn the_help_scrolls_to_its_last_entry_at_80x24() {
    let t = Tmux::start("helpscroll", 80, 24, "");
    t.wait_for(&["Resolutions"]);
    t.keys(&["?"]);
    let screen = t.wait_for(&["↑↓ scroll"]);
    assert!(
        !screen.contains("closes this help"),
        "the end is below at first"
    );
    t.keys(&["End"]);
    t.wait_for(&["closes this help"]);
    t.keys(&["Home"]);
    t.wait_for(&["Ctrl-C"]);
    // Typing filters the keys shown.
    t.keys(&["backsp"]);
    let screen = t.wait_for(&["filter: backsp", "Backspace"]);
    assert!(
        !screen.contains("next pane"),
        "only matching keys:\n{screen}"
    );
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(150));
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn e_writes_the_roll_and_y_sends_the_citation_by_osc_52() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export-journey");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let raw = dir.join("raw-output");
    let cmd = format!(
        "cd {} && {} --resolution ES-11/6; echo EXIT=$?; sleep 60",
        dir.display(),
        env!("CARGO_BIN_EXE_unvote-tui")
    );
    let t = Tmux::start_cmd("export", 120, 40, &cmd);
    t.run(&[
        "pipe-pane",
        "-O",
        "-t",
        "t",
        &format!("cat > {}", raw.display()),
    ]);
    t.wait_for(&["A/RES/ES-11/6", "Vote breakdown"]);
    t.keys(&["2", "e"]);
    t.wait_for(&["Wrote A-RES-ES-11-6-votes.csv (193 rows)"]);
    let file = dir.join("A-RES-ES-11-6-votes.csv");
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 193);
    assert_eq!(rows.iter().filter(|r| &r[2] == "no").count(), 7);
    // A second export never overwrites the first.
    t.keys(&["e"]);
    t.wait_for(&["Wrote A-RES-ES-11-6-votes-2.csv (193 rows)"]);
    // The citation: on screen, and on the clipboard as OSC 52.
    t.keys(&["y"]);
    t.wait_for(&["Citation copied", "Voting against: Belarus"]);
    let mut sent = String::new();
    for _ in 0..100 {
        sent = String::from_utf8_lossy(&std::fs::read(&raw).unwrap_or_default()).into_owned();
        if sent.contains("\x1b]52;c;") {
            break;
        }
        sleep(Duration::from_millis(50));
    }
    let body = sent
        .split("\x1b]52;c;")
        .nth(1)
        .and_then(|s| s.split('\x07').next())
        .expect("an OSC 52 sequence");
    use base64::Engine;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap();
    let text = String::from_utf8(decoded).unwrap();
    let cited = std::process::Command::new(env!("CARGO_BIN_EXE_unvote-tui"))
        .args(["cite", "ES-11/6"])
        .output()
        .unwrap();
    assert_eq!(text, String::from_utf8_lossy(&cited.stdout).trim_end());
    t.keys(&["Escape"]);
    t.wait_for(&["Vote breakdown"]);
    sleep(Duration::from_millis(150));
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
fn ideal_points_of_two_states_at_80x24() {
    // A journalist's question: how far apart are the US and Russia now, and since when?
    let t = Tmux::start("ideal", 80, 24, "--country 'united states'");
    t.wait_for(&["3 Country search"]);
    t.keys(&["i"]);
    t.wait_for(&[
        "Ideal points · United States (USA)",
        "Session 80 (2025–2026)",
    ]);
    // `c` and a sloppy name choose the second state.
    t.keys(&["c"]);
    t.wait_for(&["Compare with:"]);
    t.keys(&["rusia", "Enter"]);
    let screen = t.wait_for(&["· Russia (RUS)", "distance"]);
    assert!(screen.contains("━ RUS"), "{screen}");
    // Older sessions with the arrows; back to the explorer with Esc.
    t.keys(&["Down", "Down"]);
    t.wait_for(&["Session 78 (2023–2024)"]);
    t.keys(&["Escape"]);
    t.wait_for(&["USA votes shown"]);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}
