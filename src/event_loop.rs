//! The thin interactive loop: enter the terminal, then draw → read an event → update until the
//! user quits or a signal (TERM, HUP, INT, QUIT) asks the program to end; the terminal is
//! restored on every exit path, panics and failed starts included, and the program then exits
//! with the signal's conventional status (128 + its number).

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
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
/// terminal as it was; ratatui's panic hook covers panics. Made before the terminal is touched,
/// so that a start that fails half-way (raw mode on, the alternate screen not entered) is
/// undone too.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            crossterm::cursor::Show
        );
        ratatui::restore();
    }
}

/// The explorer ended because of a signal: the process should exit with status 128 + `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signalled(pub i32);

impl std::fmt::Display for Signalled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ended by signal {}", self.0)
    }
}

impl std::error::Error for Signalled {}

/// The signals that end the explorer cleanly.
const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// How long the loop waits for input before it looks for a signal.
const TICK: Duration = Duration::from_millis(100);

/// How long the loop has to end by itself after a signal.
const GRACE: Duration = Duration::from_millis(1_000);

/// How the explorer starts: deep links, a user's groups, the export format.
#[derive(Debug, Clone, Copy, Default)]
pub struct Start<'a> {
    /// Open on this roll call.
    pub resolution: Option<&'a str>,
    /// Open with this country chosen.
    pub country: Option<&'a str>,
    /// Group files to read.
    pub group_files: &'a [std::path::PathBuf],
    /// Whether `e` writes JSON rather than CSV.
    pub export_json: bool,
    /// Whether the data is the bundled dataset (whose ideal-point estimates are bundled).
    pub bundled: bool,
}

/// Opens the explorer on `data` (already loaded and checked), with the deep links applied and a
/// user's group files read (all before the terminal is touched, so errors print normally).
pub fn launch(data: Dataset, start: Start<'_>) -> Result<()> {
    let Start {
        resolution,
        country,
        group_files,
        export_json,
        bundled,
    } = start;
    let groups = crate::data::groups::Groups::with_files(&data, group_files)?;
    let mut app = App::new(data);
    app.set_groups(groups);
    app.export_json = export_json;
    app.analysis.ideal.bundled = bundled;
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
    if !std::io::stdout().is_terminal() {
        bail!(
            "the explorer draws on a terminal, and standard output is not one; \
             to print, use a command such as `unvote-tui search QUERY` or `unvote-tui resolution SYMBOL`"
        );
    }
    let signal = Arc::new(AtomicUsize::new(0));
    let mut signals =
        signal_hook::iterator::Signals::new(SIGNALS).context("watching for signals")?;
    let watcher = signals.handle();
    let seen = Arc::clone(&signal);
    // The loop notices a signal within a tick. If it cannot (a terminal that has gone away can
    // keep the input reader busy), the watcher restores what it can and ends the process.
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            seen.store(usize::try_from(sig).unwrap_or(15), Ordering::Relaxed);
            std::thread::sleep(GRACE);
            let _ = crossterm::terminal::disable_raw_mode();
            let _ = execute!(
                std::io::stdout(),
                DisableMouseCapture,
                crossterm::terminal::LeaveAlternateScreen,
                crossterm::cursor::Show
            );
            std::process::exit(128 + sig);
        }
    });
    let theme = Theme::from_env();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let restore = Restore;
    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    execute!(std::io::stdout(), EnableMouseCapture).context("enabling the mouse")?;
    let result = run(&mut terminal, &mut app, &theme, &signal);
    drop(terminal);
    drop(restore);
    watcher.close();
    result
}

fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    signal: &AtomicUsize,
) -> Result<()> {
    let size = terminal.size()?;
    app.update(crate::app::Action::Resize(size.height));
    while !app.quit {
        terminal.draw(|frame| ui::render(frame, app, theme))?;
        let event = loop {
            if let sig @ 1.. = signal.load(Ordering::Relaxed) {
                return Err(Signalled(i32::try_from(sig).unwrap_or(15)).into());
            }
            if crossterm::event::poll(TICK).context("reading the terminal")? {
                break crossterm::event::read().context("reading the terminal")?;
            }
            // Idle after the first frame: build what launch left for later.
            app.warm();
        };
        let size = terminal.size()?;
        let screen = Rect::new(0, 0, size.width, size.height);
        for action in keymap::actions(&event, app, screen) {
            app.update(action);
        }
        // Everything already typed (a paste, a held key) is applied before the next frame.
        let mut pending = 0;
        while !app.quit
            && pending < MAX_BURST
            && crossterm::event::poll(Duration::ZERO).context("reading the terminal")?
        {
            let event = crossterm::event::read().context("reading the terminal")?;
            for action in keymap::actions(&event, app, screen) {
                app.update(action);
            }
            pending += 1;
        }
        // What the keys asked of the world outside: the clipboard, files, the browser.
        let effects = std::mem::take(&mut app.effects);
        let dir = match effects.is_empty() {
            true => std::path::PathBuf::new(),
            false => std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from(".")),
        };
        for effect in effects {
            app.notice = Some(crate::effects::perform(
                effect,
                &mut std::io::stdout(),
                &dir,
            ));
        }
    }
    Ok(())
}

/// The most events applied between two frames.
const MAX_BURST: usize = 10_000;
