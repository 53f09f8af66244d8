//! Drawing the app without a terminal for the explorer and view tests: the bundled data loaded
//! once, typing, a whole-screen render into a `TestBackend`, and the screen as text.

// Each test crate uses some of these.
#![allow(dead_code)]

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unvote::app::{Action, App};
use unvote::data::{Dataset, bundled};
use unvote::ui::{self, theme::Theme};

/// The bundled dataset, loaded once per test binary.
pub fn data() -> Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| bundled::dataset().unwrap()).clone()
}

/// Types text into the active input line.
pub fn type_text(app: &mut App, text: &str) {
    text.chars().for_each(|c| app.update(Action::Input(c)));
}

/// The whole screen at a size.
pub fn draw(app: &App, width: u16, height: u16, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::render(f, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

/// A buffer as lines of text, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
