//! Translating crossterm events into the app's terminal-independent keys and actions; the key
//! table itself lives in `app::keys`.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::app::keys::{self, Key};
use crate::app::{Action, App};
use crate::ui;

/// The app key for a crossterm key event, if it has one.
pub fn key(event: KeyEvent) -> Option<Key> {
    // Alt with a key is no key of the app's: Alt-q must not quit as q does.
    if event.kind != KeyEventKind::Press || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    if event.modifiers.contains(KeyModifiers::CONTROL) {
        return match event.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The actions a terminal event asks for, given the app and the screen size.
pub fn actions(event: &Event, app: &App, screen: Rect) -> Vec<Action> {
    match event {
        Event::Key(k) => match key(*k) {
            Some(k) => keys::lookup(app.mode(), k).into_iter().collect(),
            None => vec![],
        },
        Event::Resize(_, rows) => vec![Action::Resize(*rows)],
        Event::Mouse(m) if app.analysis.current().is_some() || app.reading.is_some() => {
            match m.kind {
                MouseEventKind::ScrollUp => vec![Action::SelectPrev; 3],
                MouseEventKind::ScrollDown => vec![Action::SelectNext; 3],
                _ => vec![],
            }
        }
        Event::Mouse(m) => {
            let Some(pane) = ui::pane_at(screen, app.focus, m.column, m.row) else {
                return vec![];
            };
            let step = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => return vec![Action::FocusPane(pane)],
                MouseEventKind::ScrollUp => Action::SelectPrev,
                MouseEventKind::ScrollDown => Action::SelectNext,
                _ => return vec![],
            };
            let mut out = Vec::new();
            if pane != app.focus {
                out.push(Action::FocusPane(pane));
            }
            out.extend([step, step, step]);
            out
        }
        _ => vec![],
    }
}
