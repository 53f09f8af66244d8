//! Everything that can happen to the app, as data: the key table and the mouse produce these,
//! tests feed them directly, and `App::update` is the only place they take effect.

pub use super::analysis::View;

/// A pane of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list of roll calls.
    Resolutions,
    /// The selected roll call's chart and roll.
    Breakdown,
    /// Country search and record.
    Countries,
    /// Attributed quotes.
    Quotes,
}

impl Pane {
    /// The panes in focus order.
    pub const ALL: [Pane; 4] = [
        Pane::Resolutions,
        Pane::Breakdown,
        Pane::Countries,
        Pane::Quotes,
    ];

    /// The title shown on the pane's border and in the tab bar.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Resolutions => "Resolutions",
            Pane::Breakdown => "Vote breakdown",
            Pane::Countries => "Country search",
            Pane::Quotes => "Quotes",
        }
    }
}

/// A change to the app's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus one pane.
    FocusPane(Pane),
    /// Move up one row (or the previous quote).
    SelectPrev,
    /// Move down one row (or the next quote).
    SelectNext,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Move to the first row.
    SelectFirst,
    /// Move to the last row.
    SelectLast,
    /// Confirm: leave the input line keeping its text; in the country list, choose the country.
    Confirm,
    /// Start typing into the focused pane's filter or search line.
    StartInput,
    /// A character typed into the active input line.
    Input(char),
    /// Delete the last character of the active input line.
    Backspace,
    /// Leave the input line (the filter stays as typed).
    StopInput,
    /// Clear the focused pane's filter or search.
    ClearInput,
    /// Delete the last word of the line being typed (and the spaces after it), as a shell does.
    DeleteWord,
    /// Show only votes on a resolution as a whole, or every roll call.
    ToggleWholeOnly,
    /// Show or hide the key help.
    ToggleHelp,
    /// The terminal now has this many rows (for paging).
    Resize(u16),
    /// Open a full-screen view about the chosen state (or the map of the selected vote).
    Open(View),
    /// Close the current view.
    Back,
    /// Set the period to the previous calendar year.
    PrevYear,
    /// Set the period to the next calendar year (from the whole history: the newest year).
    NextYear,
    /// Use the next agreement method.
    CycleMethod,
    /// Filter the ranking by the next group.
    CycleGroup,
    /// Use the next marker set on the map.
    CycleMarker,
    /// Colour the map by votes, by agreement with the pivot, or by ideal point.
    ToggleColouring,
    /// Rank by agreement with the pivot or by distance from it in ideal points.
    ToggleDistance,
    /// Start typing a state's name to find it in the ranking.
    StartFind,
    /// Make the pivot's successor (or, for a successor, the former state) the pivot.
    FollowLink,
    /// Order the resolution list the next way: newest, closest margin, most no votes.
    CycleOrder,
    /// Open the series of the roll call in focus.
    OpenSeries,
    /// Copy the citation of the roll call in focus and show it.
    Cite,
    /// Write what the focused pane or view shows, whole, to a new file.
    Export,
    /// Open the UN's document of the roll call in focus in the browser.
    OpenDocument,
}

/// Something only the world outside the app can do: the event loop does it and tells the app
/// what happened (`App::notice`). Tests read these instead of touching the terminal or files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write a table to a new file in the working folder named from `stem`.
    Export {
        /// The file name without its extension or number (`A-RES-ES-11-6-votes`).
        stem: String,
        /// What to write.
        table: crate::data::table::Table,
        /// JSON rather than CSV.
        json: bool,
    },
    /// Open a link in the system's browser.
    Open(String),
}

/// What the reading screen shows whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readable {
    /// A roll call's head and title (index into the roll calls).
    Title(usize),
    /// A quote with its attribution and source (index into the quotes).
    Quote(usize),
    /// A roll call's citation, as copied (index into the roll calls).
    Citation(usize),
}

/// The reading screen: one title or quote as plain text over the whole terminal, without
/// borders, so that a mouse selection copies it cleanly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// What is read.
    pub what: Readable,
    /// Lines scrolled down.
    pub scroll: u16,
}
