//! The one key table: (mode, keys, action, help). Key handling, the footer and the `?` help all
//! read it, so they cannot disagree. Keys here are terminal-independent; `keymap.rs` translates
//! crossterm events into them.

use super::action::{Action, Pane};

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Ctrl and a character.
    Ctrl(char),
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
}

/// Whether keys are commands or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys are commands.
    Normal,
    /// An input line is active: printable keys are text.
    Input,
    /// A full-screen view is open: keys are its commands.
    View,
    /// The help overlay is shown.
    Help,
    /// Commands both in the explorer and in the views (not while typing or in the help).
    Command,
    /// Every mode.
    Any,
}

impl Mode {
    /// Whether a binding for `self` applies when the app is in `mode`.
    pub fn covers(self, mode: Mode) -> bool {
        self == mode || self == Any || (self == Command && matches!(mode, Normal | View))
    }

    /// How the help names the mode.
    pub fn label(self) -> &'static str {
        match self {
            Input => "typing",
            Any => "always",
            Normal | View | Help | Command => "",
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// When the binding applies.
    pub mode: Mode,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// How the keys are written in the help.
    pub label: &'static str,
    /// What it does, in words.
    pub help: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const fn bind(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        mode,
        keys,
        action,
        label,
        help,
        footer,
    }
}

use super::analysis::View as V;
use Key::*;
use Mode::{Any, Command, Help, Input, Normal, View};

/// Every key binding of the app.
pub const KEYS: &[Binding] = &[
    bind(Any, &[Ctrl('c')], Action::Quit, "Ctrl-C", "quit", false),
    bind(Command, &[Char('q')], Action::Quit, "q", "quit", true),
    bind(Command, &[Char('?')], Action::ToggleHelp, "?", "help", true),
    bind(
        Help,
        &[Esc, Char('?')],
        Action::ToggleHelp,
        "Esc ?",
        "close the help",
        true,
    ),
    bind(Help, &[Char('q')], Action::Quit, "q", "quit", true),
    bind(
        Help,
        &[Up, Char('k')],
        Action::SelectPrev,
        "↑ k",
        "scroll up",
        true,
    ),
    bind(
        Help,
        &[Down, Char('j')],
        Action::SelectNext,
        "↓ j",
        "scroll down",
        true,
    ),
    bind(Help, &[PageUp], Action::PageUp, "PgUp", "page up", false),
    bind(
        Help,
        &[PageDown],
        Action::PageDown,
        "PgDn",
        "page down",
        false,
    ),
    bind(
        Help,
        &[Home, Char('g')],
        Action::SelectFirst,
        "Home g",
        "top",
        false,
    ),
    bind(
        Help,
        &[End, Char('G')],
        Action::SelectLast,
        "End G",
        "bottom",
        false,
    ),
    bind(Normal, &[Tab], Action::FocusNext, "Tab", "next pane", true),
    bind(
        Normal,
        &[BackTab],
        Action::FocusPrev,
        "Shift-Tab",
        "previous pane",
        false,
    ),
    bind(
        Normal,
        &[Char('1')],
        Action::FocusPane(Pane::Resolutions),
        "1",
        "resolutions",
        false,
    ),
    bind(
        Normal,
        &[Char('2')],
        Action::FocusPane(Pane::Breakdown),
        "2",
        "vote breakdown",
        false,
    ),
    bind(
        Normal,
        &[Char('3')],
        Action::FocusPane(Pane::Countries),
        "3",
        "country search",
        false,
    ),
    bind(
        Normal,
        &[Char('4')],
        Action::FocusPane(Pane::Quotes),
        "4",
        "quotes",
        false,
    ),
    bind(
        Command,
        &[Up, Char('k')],
        Action::SelectPrev,
        "↑ k",
        "up / previous",
        true,
    ),
    bind(
        Command,
        &[Down, Char('j')],
        Action::SelectNext,
        "↓ j",
        "down / next",
        false,
    ),
    bind(Command, &[PageUp], Action::PageUp, "PgUp", "page up", false),
    bind(
        Command,
        &[PageDown],
        Action::PageDown,
        "PgDn",
        "page down",
        false,
    ),
    bind(
        Command,
        &[Home, Char('g')],
        Action::SelectFirst,
        "Home g",
        "first",
        false,
    ),
    bind(
        Command,
        &[End, Char('G')],
        Action::SelectLast,
        "End G",
        "last",
        false,
    ),
    bind(
        Normal,
        &[Char('/')],
        Action::StartInput,
        "/",
        "filter / search",
        true,
    ),
    bind(Normal, &[Enter], Action::Confirm, "Enter", "select", true),
    bind(
        Normal,
        &[Char('w')],
        Action::ToggleWholeOnly,
        "w",
        "whole-resolution votes only",
        true,
    ),
    bind(
        Normal,
        &[Char('x')],
        Action::ClearInput,
        "x",
        "clear filter / search",
        false,
    ),
    bind(
        Normal,
        &[Esc],
        Action::ClearInput,
        "Esc",
        "clear filter / search",
        false,
    ),
    bind(
        Normal,
        &[Char('a')],
        Action::Open(V::Alignment),
        "a",
        "alignment with the chosen state",
        true,
    ),
    bind(
        Normal,
        &[Char('m')],
        Action::Open(V::Map),
        "m",
        "world map of the vote",
        true,
    ),
    bind(
        Normal,
        &[Char('v')],
        Action::Open(V::KeyVotes),
        "v",
        "key votes of the chosen state",
        false,
    ),
    bind(View, &[Esc, Backspace], Action::Back, "Esc", "back", true),
    bind(
        View,
        &[Enter],
        Action::Confirm,
        "Enter",
        "compare / open the vote",
        true,
    ),
    bind(
        View,
        &[Char('p')],
        Action::StartInput,
        "p",
        "type a period",
        true,
    ),
    bind(
        View,
        &[Char('/')],
        Action::StartFind,
        "/",
        "find a state in the ranking",
        true,
    ),
    bind(
        View,
        &[Char('[')],
        Action::PrevYear,
        "[",
        "previous year",
        false,
    ),
    bind(View, &[Char(']')], Action::NextYear, "]", "next year", true),
    bind(View, &[Char('M')], Action::CycleMethod, "M", "method", true),
    bind(
        View,
        &[Char('f')],
        Action::CycleGroup,
        "f",
        "group filter",
        true,
    ),
    bind(
        View,
        &[Char('r')],
        Action::Open(V::Record),
        "r",
        "record of the pivot",
        false,
    ),
    bind(
        View,
        &[Char('a')],
        Action::Open(V::Alignment),
        "a",
        "alignment",
        false,
    ),
    bind(
        View,
        &[Char('c')],
        Action::Open(V::Compare),
        "c",
        "compare with the selected state",
        false,
    ),
    bind(
        View,
        &[Char('m')],
        Action::Open(V::Map),
        "m",
        "world map",
        false,
    ),
    bind(
        View,
        &[Char('v')],
        Action::Open(V::KeyVotes),
        "v",
        "key votes",
        false,
    ),
    bind(
        View,
        &[Char('l')],
        Action::FollowLink,
        "l",
        "successor / former state",
        false,
    ),
    bind(
        View,
        &[Char('t')],
        Action::ToggleColouring,
        "t",
        "map: votes / agreement",
        false,
    ),
    bind(
        View,
        &[Char('b')],
        Action::CycleMarker,
        "b",
        "map markers: braille/blocks/dots",
        false,
    ),
    bind(
        Input,
        &[Esc],
        Action::StopInput,
        "Esc",
        "leave the input line",
        true,
    ),
    bind(
        Input,
        &[Enter],
        Action::Confirm,
        "Enter",
        "done typing",
        true,
    ),
    bind(
        Input,
        &[Backspace],
        Action::Backspace,
        "Backspace",
        "delete a character",
        false,
    ),
    bind(
        Input,
        &[Ctrl('u')],
        Action::ClearInput,
        "Ctrl-U",
        "clear the line",
        false,
    ),
    bind(
        Input,
        &[Ctrl('w')],
        Action::DeleteWord,
        "Ctrl-W",
        "delete a word",
        false,
    ),
    bind(
        Input,
        &[Up],
        Action::SelectPrev,
        "↑",
        "move in the results",
        false,
    ),
    bind(
        Input,
        &[Down],
        Action::SelectNext,
        "↓",
        "move in the results",
        false,
    ),
];

/// The action bound to `key` in `mode`; in input mode an unbound printable key is text.
pub fn lookup(mode: Mode, key: Key) -> Option<Action> {
    let bound = KEYS
        .iter()
        .find(|b| b.mode.covers(mode) && b.keys.contains(&key))
        .map(|b| b.action);
    match (bound, mode, key) {
        (Some(a), _, _) => Some(a),
        (None, Input, Char(c)) => Some(Action::Input(c)),
        _ => None,
    }
}

/// The bindings shown in the footer for `mode`.
pub fn footer(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYS.iter().filter(move |b| b.footer && b.mode.covers(mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_quits_in_normal_mode_and_is_text_in_input_mode() {
        assert_eq!(lookup(Normal, Char('q')), Some(Action::Quit));
        assert_eq!(lookup(Input, Char('q')), Some(Action::Input('q')));
        assert_eq!(lookup(Input, Ctrl('c')), Some(Action::Quit));
        assert_eq!(lookup(Normal, Ctrl('c')), Some(Action::Quit));
        assert_eq!(lookup(Input, Char('1')), Some(Action::Input('1')));
        assert_eq!(lookup(Input, Ctrl('u')), Some(Action::ClearInput));
        assert_eq!(lookup(Input, Ctrl('w')), Some(Action::DeleteWord));
        assert_eq!(
            lookup(Normal, Char('3')),
            Some(Action::FocusPane(Pane::Countries))
        );
    }

    #[test]
    fn the_help_takes_only_its_own_keys() {
        assert_eq!(lookup(Help, Esc), Some(Action::ToggleHelp));
        assert_eq!(lookup(Help, Char('?')), Some(Action::ToggleHelp));
        assert_eq!(lookup(Help, Char('q')), Some(Action::Quit));
        assert_eq!(lookup(Help, Down), Some(Action::SelectNext), "it scrolls");
        assert_eq!(lookup(Help, Char('a')), None);
        assert_eq!(lookup(Help, Tab), None);
        assert_eq!(lookup(View, Esc), Some(Action::Back));
        assert_eq!(lookup(View, Char('l')), Some(Action::FollowLink));
    }

    #[test]
    fn every_view_action_has_a_key() {
        let views = [V::Record, V::Compare, V::Alignment, V::Map, V::KeyVotes];
        let actions = views.map(Action::Open).into_iter().chain([
            Action::Back,
            Action::PrevYear,
            Action::NextYear,
            Action::CycleMethod,
            Action::CycleGroup,
            Action::CycleMarker,
            Action::ToggleColouring,
            Action::FollowLink,
            Action::StartFind,
            Action::StartInput,
            Action::Confirm,
        ]);
        for action in actions {
            assert!(
                KEYS.iter()
                    .any(|b| b.action == action && b.mode.covers(View)),
                "{action:?} has no key in the views"
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                let overlap = [Normal, View, Input, Help]
                    .iter()
                    .any(|&m| a.mode.covers(m) && b.mode.covers(m));
                assert!(
                    !(overlap && a.keys.iter().any(|k| b.keys.contains(k))),
                    "{} / {}",
                    a.label,
                    b.label
                );
            }
        }
    }
}
