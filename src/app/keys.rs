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
    /// A title or quote is shown whole for reading.
    Reading,
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
            Normal | View | Help | Reading | Command => "",
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
    /// What it does, in words.
    pub help: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

impl Binding {
    /// How the keys are written in the help and the footer: each key's name, space-separated.
    pub fn label(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(Key::to_string).collect();
        names.join(" ")
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Char(' ') => f.write_str("Space"),
            Char(c) => write!(f, "{c}"),
            Ctrl(c) => write!(f, "Ctrl-{}", c.to_ascii_uppercase()),
            Tab => f.write_str("Tab"),
            BackTab => f.write_str("Shift-Tab"),
            Enter => f.write_str("Enter"),
            Esc => f.write_str("Esc"),
            Backspace => f.write_str("Backspace"),
            Up => f.write_str("↑"),
            Down => f.write_str("↓"),
            PageUp => f.write_str("PgUp"),
            PageDown => f.write_str("PgDn"),
            Home => f.write_str("Home"),
            End => f.write_str("End"),
        }
    }
}

const fn bind(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        mode,
        keys,
        action,
        help,
        footer,
    }
}

use super::analysis::View as V;
use Key::*;
use Mode::{Any, Command, Help, Input, Normal, Reading, View};

/// Every key binding of the app, in the order the help and the footer show them (the most
/// useful first).
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    bind(Any,     &[Ctrl('c')],          Action::Quit,                      "quit",                              false),
    bind(Command, &[Char('q')],          Action::Quit,                      "quit",                              true),
    bind(Command, &[Char('?')],          Action::ToggleHelp,                "help",                              true),
    bind(Help,    &[Esc, Char('?')],     Action::ToggleHelp,                "close the help",                    true),
    bind(Help,    &[Up],                 Action::SelectPrev,                "scroll up",                         true),
    bind(Help,    &[Down],               Action::SelectNext,                "scroll down",                       true),
    bind(Help,    &[PageUp],             Action::PageUp,                    "page up",                           false),
    bind(Help,    &[PageDown],           Action::PageDown,                  "page down",                         false),
    bind(Help,    &[Home],               Action::SelectFirst,               "top",                               false),
    bind(Help,    &[End],                Action::SelectLast,                "bottom",                            false),
    bind(Help,    &[Backspace],          Action::Backspace,                 "delete a letter of the filter",     false),
    bind(Help,    &[Ctrl('u')],          Action::ClearInput,                "clear the filter",                  false),
    bind(Reading, &[Esc, Enter, Char('q')], Action::Back,                   "close",                             true),
    bind(Reading, &[Up, Char('k')],      Action::SelectPrev,                "scroll up",                         true),
    bind(Reading, &[Down, Char('j')],    Action::SelectNext,                "scroll down",                       true),
    bind(Reading, &[PageUp],             Action::PageUp,                    "page up",                           false),
    bind(Reading, &[PageDown, Char(' ')], Action::PageDown,                 "page down",                         false),
    bind(Reading, &[Home, Char('g')],    Action::SelectFirst,               "top",                               false),
    bind(Reading, &[End, Char('G')],     Action::SelectLast,                "bottom",                            false),
    bind(Normal,  &[Tab],                Action::FocusNext,                 "next pane",                         true),
    bind(Normal,  &[BackTab],            Action::FocusPrev,                 "previous pane",                     false),
    bind(Normal,  &[Char('1')],          Action::FocusPane(Pane::Resolutions), "resolutions",                    false),
    bind(Normal,  &[Char('2')],          Action::FocusPane(Pane::Breakdown), "vote breakdown",                   false),
    bind(Normal,  &[Char('3')],          Action::FocusPane(Pane::Countries), "country search",                   false),
    bind(Normal,  &[Char('4')],          Action::FocusPane(Pane::Quotes),   "quotes",                            false),
    bind(Command, &[Up, Char('k')],      Action::SelectPrev,                "up / previous",                     true),
    bind(Command, &[Down, Char('j')],    Action::SelectNext,                "down / next",                       false),
    bind(Command, &[PageUp],             Action::PageUp,                    "page up",                           false),
    bind(Command, &[PageDown],           Action::PageDown,                  "page down",                         false),
    bind(Command, &[Home, Char('g')],    Action::SelectFirst,               "first",                             false),
    bind(Command, &[End, Char('G')],     Action::SelectLast,                "last",                              false),
    bind(Normal,  &[Char('/')],          Action::StartInput,                "filter / search",                   true),
    bind(Normal,  &[Enter],              Action::Confirm,                   "select / read whole",               true),
    bind(Normal,  &[Char('w')],          Action::ToggleWholeOnly,           "whole-resolution votes only",       true),
    bind(Normal,  &[Char('S')],          Action::CycleOrder,                "order: newest/closest/most no", false),
    bind(Normal,  &[Char('x'), Esc],     Action::ClearInput,                "clear filter / search",             false),
    bind(Normal,  &[Backspace],          Action::Back,                      "back to the view left",             false),
    bind(Normal,  &[Char('a')],          Action::Open(V::Alignment),        "alignment with the chosen state",   true),
    bind(Normal,  &[Char('m')],          Action::Open(V::Map),              "world map of the vote",             true),
    bind(Normal,  &[Char('v')],          Action::Open(V::KeyVotes),         "key votes of the chosen state",     false),
    bind(Normal,  &[Char('i')],          Action::Open(V::Ideal),            "ideal points of the chosen state",  false),
    bind(View,    &[Esc, Backspace],     Action::Back,                      "back",                              true),
    bind(View,    &[Enter],              Action::Confirm,                   "compare / open the vote",           true),
    bind(View,    &[Tab],                Action::FocusNext,                 "next list of the view",             false),
    bind(View,    &[Char('p')],          Action::StartInput,                "type a period",                     true),
    bind(View,    &[Char('/')],          Action::StartFind,                 "find a state in the ranking",       true),
    bind(View,    &[Char('[')],          Action::PrevYear,                  "previous year",                     false),
    bind(View,    &[Char(']')],          Action::NextYear,                  "next year",                         true),
    bind(View,    &[Char('M')],          Action::CycleMethod,               "method",                            true),
    bind(View,    &[Char('f')],          Action::CycleGroup,                "group filter",                      true),
    bind(View,    &[Char('r')],          Action::Open(V::Record),           "record of the pivot",               false),
    bind(View,    &[Char('a')],          Action::Open(V::Alignment),        "alignment",                         false),
    bind(View,    &[Char('c')],          Action::Open(V::Compare),          "compare with the selected state",   false),
    bind(View,    &[Char('m')],          Action::Open(V::Map),              "world map",                         false),
    bind(View,    &[Char('v')],          Action::Open(V::KeyVotes),         "key votes",                         false),
    bind(View,    &[Char('i')],          Action::Open(V::Ideal),            "ideal points over time",            false),
    bind(View,    &[Char('l')],          Action::FollowLink,                "successor / former state",          false),
    bind(View,    &[Char('t')],          Action::ToggleColouring,           "map: votes/agreement/ideal pts",    false),
    bind(View,    &[Char('d')],          Action::ToggleDistance,            "rank by agreement/ideal distance", false),
    bind(View,    &[Char('b')],          Action::CycleMarker,               "map markers: braille/blocks/dots",  false),
    bind(Command, &[Char('s')],          Action::OpenSeries,                "series: this text year by year", true),
    bind(Command, &[Char('y')],          Action::Cite,                      "copy the vote's citation",          true),
    bind(Command, &[Char('e')],          Action::Export,                    "export what is shown to a file",    true),
    bind(Command, &[Char('o')],          Action::OpenDocument,              "open the UN document",              false),
    bind(Input,   &[Esc],                Action::StopInput,                 "leave the input line",              true),
    bind(Input,   &[Enter],              Action::Confirm,                   "done typing",                       true),
    bind(Input,   &[Backspace],          Action::Backspace,                 "delete a character",                false),
    bind(Input,   &[Ctrl('u')],          Action::ClearInput,                "clear the line",                    false),
    bind(Input,   &[Ctrl('w')],          Action::DeleteWord,                "delete a word",                     false),
    bind(Input,   &[Up],                 Action::SelectPrev,                "move in the results",               false),
    bind(Input,   &[Down],               Action::SelectNext,                "move in the results",               false),
];

/// The action bound to `key` in `mode`; in input mode an unbound printable key is text, and in
/// the help it filters the keys shown.
pub fn lookup(mode: Mode, key: Key) -> Option<Action> {
    let bound = KEYS
        .iter()
        .find(|b| b.mode.covers(mode) && b.keys.contains(&key))
        .map(|b| b.action);
    match (bound, mode, key) {
        (Some(a), _, _) => Some(a),
        (None, Input | Help, Char(c)) => Some(Action::Input(c)),
        _ => None,
    }
}

/// The bindings shown in the footer for `mode`.
pub fn footer(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYS.iter().filter(move |b| b.footer && b.mode.covers(mode))
}

/// The first key bound to `action` in `mode`, as written on screen, for hints inside panes
/// ("Enter record"); None when no key does it there.
pub fn key_for(mode: Mode, action: Action) -> Option<String> {
    KEYS.iter()
        .find(|b| b.action == action && b.mode.covers(mode))
        .and_then(|b| b.keys.first())
        .map(Key::to_string)
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
        assert_eq!(lookup(Help, Ctrl('c')), Some(Action::Quit));
        assert_eq!(lookup(Help, Down), Some(Action::SelectNext), "it scrolls");
        assert_eq!(
            lookup(Help, Char('q')),
            Some(Action::Input('q')),
            "letters filter"
        );
        assert_eq!(lookup(Help, Backspace), Some(Action::Backspace));
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
    fn every_entry_fits_the_help_columns() {
        // The help lays keys in 15 columns and descriptions in 32: nothing may run over.
        for b in KEYS {
            assert!(b.label().chars().count() < 15, "{}", b.label());
            assert!(b.help.chars().count() <= 32, "{}", b.help);
        }
    }

    #[test]
    fn labels_come_from_the_keys() {
        let back = KEYS
            .iter()
            .find(|b| b.action == Action::Back && b.mode == View);
        assert_eq!(back.map(Binding::label).as_deref(), Some("Esc Backspace"));
        assert_eq!(Ctrl('u').to_string(), "Ctrl-U");
        assert_eq!(key_for(Normal, Action::Confirm).as_deref(), Some("Enter"));
        assert_eq!(
            key_for(View, Action::Open(V::Compare)).as_deref(),
            Some("c")
        );
        assert_eq!(key_for(Normal, Action::CycleMarker), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                let overlap = [Normal, View, Input, Help, Reading]
                    .iter()
                    .any(|&m| a.mode.covers(m) && b.mode.covers(m));
                assert!(
                    !(overlap && a.keys.iter().any(|k| b.keys.contains(k))),
                    "{} / {}",
                    a.label(),
                    b.label()
                );
            }
        }
    }
}
