//! The thin interactive loop: enter the terminal, then draw → read an event → update until the
//! user quits; the terminal is restored on every exit path, panics included.

use anyhow::{Context, Result};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::app::App;
use crate::data::Dataset;
use crate::data::text::clean;
use crate::keymap;
use crate::ui::{self, theme::Theme};

/// Restores the terminal when dropped, so that every return path (errors included) leaves the
/// terminal as it was; ratatui's panic hook covers panics.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Opens the explorer on `data` (already loaded and checked), with the deep links applied and a
/// user's group files read (all before the terminal is touched, so errors print normally).
pub fn launch(
    data: Dataset,
    resolution: Option<&str>,
    country: Option<&str>,
    group_files: &[std::path::PathBuf],
) -> Result<()> {
    let mut app = App::new(data);
    for file in group_files {
        app.analysis.groups.read_file(file, &app.data.countries)?;
    }
    if let Some(symbol) = resolution
        && !app.open_resolution(symbol)
    {
        anyhow::bail!("no roll call with symbol or id {:?}", clean(symbol));
    }
    if let Some(query) = country
        && !app.open_country(query)
    {
        anyhow::bail!("no country matches {:?}", clean(query));
    }
    let theme = Theme::from_env();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    let _restore = Restore;
    execute!(std::io::stdout(), EnableMouseCapture).context("enabling the mouse")?;
    run(&mut terminal, &mut app, &theme)
}

fn run(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme) -> Result<()> {
    let size = terminal.size()?;
    app.update(crate::app::Action::Resize(size.height));
    while !app.quit {
        terminal.draw(|frame| ui::render(frame, app, theme))?;
        let event = crossterm::event::read().context("reading the terminal")?;
        let size = terminal.size()?;
        let screen = Rect::new(0, 0, size.width, size.height);
        for action in keymap::actions(&event, app, screen) {
            app.update(action);
        }
    }
    Ok(())
}
