//! The app's state and its one mutator, `App::update(Action)`. Pure: no terminal I/O, so every
//! behaviour is testable by feeding actions. Each pane's state lives in its own file in `app/`.

pub mod action;
pub mod analysis;
pub mod country_pane;
pub mod keys;
pub mod quote_panel;
pub mod resolution_list;
pub mod view;

pub use action::{Action, Pane};

use crate::data::Dataset;
use crate::data::country_search::CountrySearch;
use crate::data::resolution_search::ResolutionIndex;
use analysis::{Analysis, MapColouring, View};
use country_pane::CountryPane;
use keys::Mode;
use quote_panel::QuotePanel;
use resolution_list::ResolutionList;

/// The longest line the user can type into a filter, search or period.
pub const MAX_INPUT: usize = 200;

/// The roll never needs more lines than this (200 states, wrapped at two per line).
const MAX_ROLL_SCROLL: isize = 200;

/// Everything the explorer shows, and the indexes it searches.
pub struct App {
    /// The loaded data.
    pub data: Dataset,
    /// Search over roll calls.
    pub index: ResolutionIndex,
    /// Search over countries.
    pub country_search: CountrySearch,
    /// The focused pane.
    pub focus: Pane,
    /// Whether the help overlay is shown.
    pub help: bool,
    /// How many lines the help is scrolled down.
    pub help_scroll: u16,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The resolution list.
    pub list: ResolutionList,
    /// Scroll offset of the roll in the vote breakdown.
    pub roll_scroll: u16,
    /// The country pane.
    pub countries: CountryPane,
    /// The quote panel.
    pub quotes: QuotePanel,
    /// Rows of the terminal, for paging.
    pub rows: u16,
    /// The full-screen views and their settings.
    pub analysis: Analysis,
}

impl App {
    /// Builds the indexes and selects the newest roll call.
    pub fn new(data: Dataset) -> App {
        let index = ResolutionIndex::new(&data.roll_calls);
        let country_search = CountrySearch::for_dataset(&data);
        let list = ResolutionList::new(&data, &index);
        let countries = CountryPane::new(&country_search);
        let quotes = QuotePanel::for_roll_call(&data, list.current());
        let analysis = Analysis::new(&data);
        App {
            data,
            index,
            country_search,
            focus: Pane::Resolutions,
            help: false,
            help_scroll: 0,
            quit: false,
            list,
            roll_scroll: 0,
            countries,
            quotes,
            rows: 30,
            analysis,
        }
    }

    /// Selects the roll call a symbol or id names (deep link); false when there is none.
    pub fn open_resolution(&mut self, query: &str) -> bool {
        let all = self.data.find_roll_calls(query);
        let Some(i) = self.data.main_roll_call(&all) else {
            return false;
        };
        let found = self.list.select_roll_call(i);
        self.on_roll_call_changed();
        found
    }

    /// Chooses the best country for a query (deep link); false when nothing matches.
    pub fn open_country(&mut self, query: &str) -> bool {
        self.countries.query = query.to_string();
        self.countries.research(&self.data, &self.country_search);
        self.countries.chosen.is_some()
    }

    /// The selected roll call.
    pub fn roll_call(&self) -> Option<usize> {
        self.list.current()
    }

    /// Whether keys are text (an input line is active), commands of the explorer or of the
    /// views, or the help's.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.list.editing
            || self.countries.editing
            || self.analysis.editing
            || self.analysis.finding
        {
            Mode::Input
        } else if self.analysis.current().is_some() {
            Mode::View
        } else {
            Mode::Normal
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(_)) {
            self.analysis.notice = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::FocusNext => self.focus_step(1),
            Action::FocusPrev => self.focus_step(Pane::ALL.len() - 1),
            Action::FocusPane(p) => self.focus_pane(p),
            Action::Resize(rows) => self.rows = rows,
            Action::SelectPrev => self.move_by(-1),
            Action::SelectNext => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::SelectFirst => self.move_by(isize::MIN / 2),
            Action::SelectLast => self.move_by(isize::MAX / 2),
            Action::StartInput => self.start_input(),
            Action::StopInput => self.stop_input(),
            Action::Confirm => self.confirm(),
            // A typed line longer than anyone types (a paste of a page) stops growing, and
            // the keys past its end cost nothing.
            Action::Input(c) if self.mode() == Mode::Input && self.input_len() < MAX_INPUT => {
                self.edit(|s| s.push(c))
            }
            Action::Backspace if self.mode() == Mode::Input => self.edit(|s| {
                s.pop();
            }),
            Action::Input(_) | Action::Backspace => {}
            Action::ClearInput => self.edit(String::clear),
            Action::DeleteWord if self.mode() == Mode::Input => self.edit(|s| {
                let kept = s.trim_end().rfind(' ').map_or(0, |i| i + 1);
                s.truncate(kept);
            }),
            Action::DeleteWord => {}
            Action::ToggleWholeOnly => {
                self.list.whole_only = !self.list.whole_only;
                self.refilter();
            }
            Action::Open(view) => self.open_view(view),
            Action::Back => self.analysis.back(&self.data),
            Action::PrevYear => self.analysis.step_year(&self.data, -1),
            Action::NextYear => self.analysis.step_year(&self.data, 1),
            Action::CycleMethod => self.analysis.cycle_method(&self.data),
            Action::CycleGroup => self.analysis.cycle_group(&self.data),
            Action::CycleMarker => self.analysis.marker = self.analysis.marker.next(),
            Action::ToggleColouring => self.toggle_colouring(),
            Action::FollowLink => self.analysis.follow_link(&self.data),
            Action::StartFind => self.start_find(),
        }
    }

    /// Opens a view. Views about states need a pivot: the chosen country from the explorer, the
    /// selected row from the ranking when comparing.
    fn open_view(&mut self, view: View) {
        let from = self.analysis.current();
        if from.is_none() {
            self.analysis.pivot = self.countries.chosen.or(self.analysis.pivot);
            self.analysis.colouring = MapColouring::Vote;
        } else if view == View::Map {
            self.analysis.colouring = MapColouring::Agreement;
        }
        if view == View::Compare {
            if from == Some(View::Alignment) {
                self.analysis.other = self.analysis.selected_state().or(self.analysis.other);
            }
            if self.analysis.other.is_none() {
                self.analysis.notice =
                    Some("Pick a state in the alignment ranking (a), then Enter".into());
                return;
            }
        }
        let needs_pivot = !(view == View::Map && self.analysis.colouring == MapColouring::Vote);
        if needs_pivot && self.analysis.pivot.is_none() {
            self.analysis.notice = Some("Choose a state first: 3, type its name, Enter".into());
            return;
        }
        self.analysis.notice = None;
        self.analysis.open(&self.data, view);
    }

    fn toggle_colouring(&mut self) {
        self.analysis.colouring = match self.analysis.colouring {
            MapColouring::Vote if self.analysis.pivot.is_some() => MapColouring::Agreement,
            _ => MapColouring::Vote,
        };
        self.analysis.refresh(&self.data);
    }

    /// Leaves the views for the explorer with a roll call selected.
    fn show_roll_call(&mut self, index: usize) {
        self.analysis.stack.clear();
        if !self.list.select_roll_call(index) {
            self.list.filter.clear();
            self.list.whole_only = false;
            self.list.refilter(&self.data, &self.index);
            self.list.select_roll_call(index);
        }
        self.on_roll_call_changed();
        self.focus = Pane::Breakdown;
    }

    fn page(&self) -> isize {
        isize::from(self.rows.saturating_sub(8).clamp(1, 1000) as i16)
    }

    fn focus_step(&mut self, by: usize) {
        let at = Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.focus_pane(Pane::ALL[(at + by) % Pane::ALL.len()]);
    }

    fn focus_pane(&mut self, pane: Pane) {
        self.list.editing = false;
        self.countries.editing = false;
        self.focus = pane;
    }

    fn move_by(&mut self, delta: isize) {
        if self.help {
            // The drawing keeps the last line in view; the state keeps a sane bound.
            let max = (keys::KEYS.len() + 16) as isize;
            let at = (self.help_scroll as isize)
                .saturating_add(delta)
                .clamp(0, max);
            self.help_scroll = u16::try_from(at).unwrap_or(0);
            return;
        }
        if self.analysis.current().is_some() {
            return self.analysis.move_by(delta);
        }
        match self.focus {
            Pane::Resolutions => {
                let before = self.list.current();
                self.list.move_by(delta);
                if self.list.current() != before {
                    self.on_roll_call_changed();
                }
            }
            Pane::Breakdown => {
                let next = (self.roll_scroll as isize).saturating_add(delta);
                self.roll_scroll = next.clamp(0, MAX_ROLL_SCROLL) as u16;
            }
            Pane::Countries => self.countries.move_by(&self.data, delta),
            Pane::Quotes => self.quotes.move_by(delta),
        }
    }

    fn start_find(&mut self) {
        if self.analysis.current() == Some(View::Alignment) {
            self.analysis.finding = true;
            self.analysis.find.clear();
        } else {
            self.analysis.notice = Some("/ finds a state in the alignment ranking (a)".into());
        }
    }

    fn start_input(&mut self) {
        if self.analysis.current().is_some() {
            self.analysis.editing = true;
            self.analysis.period_input.clear();
            return;
        }
        match self.focus {
            Pane::Resolutions => self.list.editing = true,
            Pane::Countries => self.countries.editing = true,
            Pane::Breakdown | Pane::Quotes => {}
        }
    }

    /// Enter: ends typing (applying a typed period); on the list it opens the breakdown, on the
    /// countries the chosen state's record; in the ranking it compares with the selected state,
    /// in a list of votes it opens the vote.
    fn confirm(&mut self) {
        if self.analysis.finding {
            return self.stop_input();
        }
        if self.analysis.editing {
            return self.analysis.apply_period(&self.data);
        }
        if self.mode() == Mode::Input {
            return self.stop_input();
        }
        match self.analysis.current() {
            Some(View::Alignment) => return self.open_view(View::Compare),
            Some(_) => {
                if let Some(i) = self.analysis.selected_roll_call() {
                    self.show_roll_call(i);
                }
                return;
            }
            None => {}
        }
        match self.focus {
            Pane::Resolutions => self.focus = Pane::Breakdown,
            Pane::Countries => {
                self.countries.move_by(&self.data, 0);
                self.open_view(View::Record);
            }
            Pane::Breakdown | Pane::Quotes => {}
        }
    }

    fn stop_input(&mut self) {
        self.list.editing = false;
        self.countries.editing = false;
        self.analysis.editing = false;
        self.analysis.finding = false;
    }

    /// Changes the focused pane's input text and re-runs what depends on it.
    /// The length in characters of the line being typed.
    fn input_len(&self) -> usize {
        let line = if self.analysis.finding {
            &self.analysis.find
        } else if self.analysis.current().is_some() {
            &self.analysis.period_input
        } else {
            match self.focus {
                Pane::Resolutions => &self.list.filter,
                Pane::Countries => &self.countries.query,
                Pane::Breakdown | Pane::Quotes => return 0,
            }
        };
        line.chars().count()
    }

    fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if self.analysis.finding {
            change(&mut self.analysis.find);
            if self.analysis.find.trim().is_empty() {
                return;
            }
            let matches = self.country_search.search(&self.analysis.find);
            if !self.analysis.select_state(matches.iter().map(|m| m.index)) {
                self.analysis.notice = Some("No ranked state matches".into());
            }
            return;
        }
        if self.analysis.current().is_some() {
            return change(&mut self.analysis.period_input);
        }
        match self.focus {
            Pane::Resolutions => {
                change(&mut self.list.filter);
                self.refilter();
            }
            Pane::Countries => {
                change(&mut self.countries.query);
                self.countries.research(&self.data, &self.country_search);
            }
            Pane::Breakdown | Pane::Quotes => {}
        }
    }

    fn refilter(&mut self) {
        let before = self.list.current();
        self.list.refilter(&self.data, &self.index);
        if self.list.current() != before {
            self.on_roll_call_changed();
        }
    }

    fn on_roll_call_changed(&mut self) {
        self.roll_scroll = 0;
        self.quotes = QuotePanel::for_roll_call(&self.data, self.list.current());
    }
}
