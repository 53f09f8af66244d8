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
        let socket = format!("unvote-test-{name}-{}", std::process::id());
        let tmux = Tmux { socket };
        // The shell prints the exit status on the normal screen once the app has restored it.
        let cmd = format!(
            "{} {args}; echo EXIT=$?; sleep 60",
            env!("CARGO_BIN_EXE_unvote-tui")
        );
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &cmd,
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
    let screen = t.wait_for(&["A/RES/ES-11/6", "Vote breakdown"]);
    for bar in ["Yes        141", "No         7", "Abstain    32"] {
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
    t.keys(&["Escape", "?"]);
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
