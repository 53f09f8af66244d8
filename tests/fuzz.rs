//! Long fuzz runs, kept out of the default test time (`#[ignore]`): the CSV and JSON loaders fed
//! mutated real files and arbitrary bytes, and the explorer's key decoder fed random terminal
//! events (keys with any modifiers, mouse, resizes down to 1×1) with a frame drawn after each.
//! Nothing may panic. Run with `cargo test --release --test fuzz -- --ignored` (half a minute);
//! `PROPTEST_CASES` raises the count.

// Test code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/screen.rs"]
mod screen;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;
use ratatui::layout::Rect;
use unvote::app::App;
use unvote::data::{loader, native, quotes};
use unvote::ui::theme::Theme;

/// A real CSV of each canonical layout and a real native file, to mutate.
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let votes = "vote_id,resolution,date,session,iso3,country,vote\n\
                 U:A/RES/ES-11/6,A/RES/ES-11/6,2023-02-23,ES-11,USA,United States,Y\n\
                 U:A/RES/ES-11/6,A/RES/ES-11/6,2023-02-23,ES-11,RUS,Russia,N\n";
    let undl = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title,total_yes,total_no\n\
                1,USA,UNITED STATES,Y,2022-03-02,ES-11,A/RES/ES-11/1,Aggression,141,5\n\
                1,RUS,RUSSIAN FEDERATION,N,2022-03-02,ES-11,A/RES/ES-11/1,Aggression,141,5\n";
    let native = "{\"format\":\"unvote-tui/1\",\"countries\":[{\"code\":\"USA\",\"name\":\"US\"},\
                  {\"code\":\"RUS\",\"name\":\"Russia\"}],\"roll_calls\":[{\"id\":\"r\",\"session\":\"1\",\
                  \"date\":\"2020-01-01\",\"kind\":\"amendment\",\"date_precision\":\"month\",\
                  \"quality\":\"duplicate_of:x\",\"votes\":\"YN\"}]}";
    let quotes = "[{\"text\":\"a\",\"speaker\":\"b\",\"resolution\":\"ES-11/6\",\"date\":\"2023-02-23\",\
                  \"country_vote\":\"Y\"}]";
    vec![
        ("votes.csv", votes.as_bytes().to_vec()),
        ("undl.csv", undl.as_bytes().to_vec()),
        ("native.json", native.as_bytes().to_vec()),
        ("quotes.json", quotes.as_bytes().to_vec()),
    ]
}

fn load_all(name: &str, bytes: &[u8]) {
    let path = std::env::temp_dir().join(format!("unvote-fuzz-{}-{name}", std::process::id()));
    let _ = native::parse(&path, bytes);
    let _ = quotes::parse(&path, bytes);
    if std::fs::write(&path, bytes).is_ok() {
        let _ = loader::load_path(&path);
        let _ = quotes::load(&path);
    }
}

/// One mutation of a seed: replace, insert or delete a byte, or cut the file.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Cut(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        Just(b','),
        Just(b'"'),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'{'),
        Just(b'}'),
        Just(b'-'),
        Just(b'0'),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Cut),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Set(i, b) if !bytes.is_empty() => bytes[i % n] = b,
            Mutation::Insert(i, b) => bytes.insert(i % (n + 1).min(bytes.len() + 1), b),
            Mutation::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % n);
            }
            Mutation::Cut(i) => bytes.truncate(i % (n + 1)),
            _ => {}
        }
    }
    bytes
}

fn event() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Delete,
            KeyCode::F(1),
        ]),
        proptest::sample::select("qjkgG/?amvwx[]pMftbl1234 \n".chars().collect::<Vec<_>>())
            .prop_map(KeyCode::Char),
    ];
    let modifiers = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    ]);
    let key = (code, modifiers).prop_map(|(code, modifiers)| {
        Event::Key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        ))
    });
    let mouse = (0u16..300, 0u16..100, 0u8..4).prop_map(|(column, row, k)| {
        Event::Mouse(MouseEvent {
            kind: match k {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                2 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Moved,
            },
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    });
    let resize = (1u16..220, 1u16..70).prop_map(|(w, h)| Event::Resize(w, h));
    prop_oneof![8 => key, 1 => mouse, 1 => resize]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "long fuzz run: cargo test --release --test fuzz -- --ignored"]
    fn mutated_real_files_never_panic_the_loaders(
        seed in 0usize..4,
        mutations in proptest::collection::vec(mutation(), 1..12),
    ) {
        let (name, bytes) = seeds().swap_remove(seed);
        load_all(name, &apply(bytes, &mutations));
    }

    #[test]
    #[ignore = "long fuzz run: cargo test --release --test fuzz -- --ignored"]
    fn arbitrary_bytes_never_panic_the_loaders(bytes in proptest::collection::vec(any::<u8>(), 0..4_096)) {
        load_all("bytes.bin", &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "long fuzz run: cargo test --release --test fuzz -- --ignored"]
    fn random_terminal_events_never_panic_the_explorer(
        events in proptest::collection::vec(event(), 1..120),
    ) {
        let mut app = App::new(screen::data());
        let (mut w, mut h) = (120u16, 40u16);
        for event in &events {
            if let Event::Resize(nw, nh) = event {
                (w, h) = (*nw, *nh);
            }
            for action in unvote::keymap::actions(event, &app, Rect::new(0, 0, w, h)) {
                app.update(action);
            }
            if app.quit {
                break;
            }
            let _ = screen::draw(&app, w, h, &Theme::COLOR);
        }
    }
}
