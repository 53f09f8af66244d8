//! The app's state and its one mutator, `App::update(Action)`. Pure: no terminal I/O, so every
//! behaviour is testable by feeding actions. Each pane's state lives in its own file in `app/`.

pub mod action;
pub mod analysis;
pub mod country_pane;
pub mod keys;
pub mod quote_panel;
pub mod resolution_list;
pub mod view;

pub use action::{Action, Effect, Pane, Readable, Reading};

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

/// The one line the user is typing into, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// The resolution list's filter.
    Filter,
    /// The country search.
    Country,
    /// A period in the views.
    Period,
    /// A state's name to find in the ranking.
    Find,
}

/// The help overlay: how far it is scrolled and the words that filter its keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    /// Lines scrolled down.
    pub scroll: u16,
    /// Typed text; only keys whose name or description contains it are shown.
    pub filter: String,
}

/// Everything the explorer shows, and the indexes it searches.
pub struct App {
    /// The loaded data.
    pub data: Dataset,
    /// Search over roll calls.
    /// Built on the first search (launch does not wait for it).
    pub index: std::cell::OnceCell<ResolutionIndex>,
    /// Search over countries.
    pub country_search: CountrySearch,
    /// The focused pane.
    pub focus: Pane,
    /// The help overlay, when shown.
    pub help: Option<HelpState>,
    /// The line being typed into, if any.
    pub input: Option<Typing>,
    /// The reading screen, when a title or quote is shown whole.
    pub reading: Option<Reading>,
    /// A problem with the last key (what was typed, a view without a state), or what an effect
    /// did, shown in the footer until the next key.
    pub notice: Option<String>,
    /// How each group voted on the selected roll call, computed when it changes.
    pub split: Vec<(String, crate::data::Tally)>,
    /// What the app asks the outside world to do, oldest first; the event loop takes them.
    pub effects: Vec<Effect>,
    /// Whether `e` writes JSON rather than CSV.
    pub export_json: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The resolution list.
    pub list: ResolutionList,
    /// Where the user scrolled the roll in the vote breakdown; None while it follows the chosen
    /// state (brought into view) from the top.
    pub roll_scroll: Option<u16>,
    /// The roll's first line as last drawn (kept by the drawing, which knows where the roll
    /// ends), the start of the next scroll.
    pub roll_shown: std::cell::Cell<u16>,
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
        let index = std::cell::OnceCell::new();
        let country_search = CountrySearch::for_dataset(&data);
        let list = ResolutionList::new(&data, &index);
        let countries = CountryPane::new(&country_search);
        let quotes = QuotePanel::for_roll_call(&data, list.current());
        let analysis = Analysis::new(&data);
        let mut app = App {
            data,
            index,
            country_search,
            focus: Pane::Resolutions,
            help: None,
            input: None,
            reading: None,
            notice: None,
            effects: Vec::new(),
            split: Vec::new(),
            export_json: false,
            quit: false,
            list,
            roll_scroll: None,
            roll_shown: std::cell::Cell::new(0),
            countries,
            quotes,
            rows: 30,
            analysis,
        };
        app.on_roll_call_changed();
        app
    }

    /// Builds what launch left for later (the search index), so that the first search does not
    /// wait for it; the event loop calls this while the user has not typed yet.
    pub fn warm(&self) {
        self.index
            .get_or_init(|| ResolutionIndex::new(&self.data.roll_calls));
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
        if self.help.is_some() {
            Mode::Help
        } else if self.reading.is_some() {
            Mode::Reading
        } else if self.input.is_some() {
            Mode::Input
        } else if self.analysis.current().is_some() {
            Mode::View
        } else {
            Mode::Normal
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        // The list shows the chosen state's votes and filters by them (`vote:no`).
        if self.list.state != self.countries.chosen {
            self.list.state = self.countries.chosen;
            if self.list.filter.to_ascii_lowercase().contains("vote:") {
                self.refilter();
            }
        }
    }

    fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Resize(_)) {
            self.notice = None;
        }
        if let Some(help) = &mut self.help {
            match action {
                Action::Input(c) if help.filter.chars().count() < MAX_INPUT => {
                    help.filter.push(c);
                    help.scroll = 0;
                    return;
                }
                Action::Backspace => {
                    help.filter.pop();
                    return;
                }
                Action::ClearInput => {
                    help.filter.clear();
                    return;
                }
                _ => {}
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = match self.help {
                    Some(_) => None,
                    None => Some(HelpState::default()),
                };
            }
            Action::FocusNext if self.analysis.current().is_some() => {
                if !self.analysis.next_list() {
                    self.notice = Some("This view has one list".into());
                }
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
            Action::Back if self.reading.is_some() => self.reading = None,
            Action::Back if self.analysis.current().is_none() => {
                if !self.analysis.resume(&self.data) {
                    self.notice = Some("No view to go back to".into());
                }
            }
            Action::Back => {
                self.input = None;
                self.analysis.back(&self.data);
            }
            Action::PrevYear => self.analysis.step_year(&self.data, -1),
            Action::NextYear => self.analysis.step_year(&self.data, 1),
            Action::CycleMethod => self.analysis.cycle_method(&self.data),
            Action::CycleGroup => self.analysis.cycle_group(&self.data),
            Action::CycleMarker => self.analysis.marker = self.analysis.marker.next(),
            Action::ToggleColouring => self.toggle_colouring(),
            Action::ToggleDistance => self.analysis.toggle_distance(&self.data),
            Action::FollowLink => {
                if let Err(e) = self.analysis.follow_link(&self.data) {
                    self.notice = Some(e);
                }
            }
            Action::StartFind => self.start_find(),
            Action::CycleOrder => {
                self.list.order = self.list.order.next();
                self.refilter();
            }
            Action::OpenSeries => self.open_view(View::Series),
            Action::Cite => self.cite(),
            Action::Export => self.export(),
            Action::OpenDocument => self.open_document(),
        }
    }

    /// Whether `action` does something where the user is, so that the footer and the help show
    /// only keys that work here (no period keys on a series, no map keys in a ranking).
    pub fn applies(&self, action: Action) -> bool {
        let Some(view) = self.analysis.current() else {
            return true;
        };
        let agreement_map = view == View::Map && self.analysis.colouring == MapColouring::Agreement;
        let ideal_map = view == View::Map && self.analysis.colouring == MapColouring::IdealPoint;
        let ranked = matches!(view, View::Compare | View::Alignment) || agreement_map;
        match action {
            Action::StartInput | Action::PrevYear | Action::NextYear => {
                ranked || view == View::KeyVotes || ideal_map
            }
            Action::CycleMethod => ranked,
            Action::CycleGroup => view == View::Alignment || agreement_map,
            Action::StartFind => view == View::Alignment,
            Action::ToggleColouring | Action::CycleMarker => view == View::Map,
            Action::ToggleDistance => view == View::Alignment,
            Action::FocusNext => matches!(view, View::Compare | View::Series),
            Action::Confirm => !matches!(view, View::Map | View::Ideal),
            // No vote is selected in the ideal-point view.
            Action::Cite | Action::OpenSeries | Action::OpenDocument => view != View::Ideal,
            Action::FollowLink => view == View::Record,
            Action::Open(View::Compare) => {
                matches!(view, View::Alignment | View::Ideal)
                    || self.analysis.settings.other.is_some()
            }
            Action::Open(_) => self.analysis.settings.pivot.is_some() || view == View::Map,
            _ => true,
        }
    }

    /// The roll call the user is looking at: the selected row of a view's list of votes, the
    /// vote a map shows, or the explorer's selection.
    pub fn focused_roll_call(&self) -> Option<usize> {
        match self.analysis.current() {
            Some(View::Map) | None => self.roll_call(),
            Some(_) => self.analysis.selected_roll_call(),
        }
    }

    fn cite(&mut self) {
        let Some(i) = self.focused_roll_call() else {
            self.notice = Some("No vote selected to cite".into());
            return;
        };
        if let Some(c) = crate::data::cite::cite(&self.data, i) {
            self.effects.push(Effect::Copy(c.text));
            self.reading = Some(Reading {
                what: Readable::Citation(i),
                scroll: 0,
            });
        }
    }

    fn open_document(&mut self) {
        let Some(rc) = self
            .focused_roll_call()
            .and_then(|i| self.data.roll_calls.get(i))
        else {
            self.notice = Some("No vote selected".into());
            return;
        };
        match rc.document_url() {
            Some(url) => self.effects.push(Effect::Open(url)),
            None => {
                self.notice = Some(format!(
                    "{} names no UN document",
                    crate::data::text::clean(rc.label())
                ));
            }
        }
    }

    fn export(&mut self) {
        match self.export_table() {
            Some((stem, table)) => self.effects.push(Effect::Export {
                stem,
                table,
                json: self.export_json,
            }),
            None => self.notice = Some("Nothing to export here".into()),
        }
    }

    /// What `e` writes where the user is, whole, and the file name that says what it is.
    fn export_table(&self) -> Option<(String, crate::data::table::Table)> {
        use crate::data::table;
        let data = &self.data;
        let a = &self.analysis;
        let code = |i: Option<usize>| {
            i.and_then(|i| data.countries.get(i))
                .map_or("state".to_string(), |c| c.code.clone())
        };
        let period = a.settings.period.to_string();
        let period = if period.is_empty() {
            "all".to_string()
        } else {
            period
        };
        let symbol = |i: usize| {
            data.roll_calls
                .get(i)
                .map_or("vote", |rc| rc.label())
                .to_string()
        };
        Some(match a.current() {
            Some(View::Alignment) => {
                let al = a.alignment.as_ref()?;
                let group = a.group_name().map_or(String::new(), |g| format!("-{g}"));
                let mut table = table::ranking(data, al, &a.rows);
                let mut stem = format!("alignment-{}-{period}{group}", code(a.settings.pivot));
                // Ranked by distance in ideal points: the session, each point and distance.
                if let (true, Some(e), Some(s)) = (a.by_distance, a.ideal.get(), a.map_session()) {
                    stem.push_str(&format!("-by-ideal-distance-{s}"));
                    table
                        .columns
                        .extend(["session", "ideal_point", "ideal_distance"]);
                    for (row, &i) in table.rows.iter_mut().zip(&a.rows) {
                        let country = al.rows.get(i).map(|r| r.country);
                        let point = country.and_then(|c| e.get(c, s)).map(|p| p.ideal_point);
                        let gap = (a.settings.pivot)
                            .zip(country)
                            .and_then(|(p, c)| e.distance(p, c, s));
                        let number =
                            |v: Option<f64>| v.map_or(String::new(), crate::data::ideal::decimal);
                        row.extend([s.to_string(), number(point), number(gap)]);
                    }
                }
                (stem, table)
            }
            Some(View::Compare) => {
                let c = a.comparison.as_ref()?;
                (
                    format!("compare-{}-{}-{period}", code(Some(c.a)), code(Some(c.b))),
                    table::divergent(data, c),
                )
            }
            Some(View::Record) => {
                let p = a.profile.as_ref()?;
                (
                    format!("record-{}-by-year", code(Some(p.country))),
                    table::profile_years(p),
                )
            }
            // The switchers when their panel has the arrows, else the years.
            Some(View::Series) if a.top().is_some_and(|t| t.list == 1) => {
                let s = a.series.as_ref()?;
                (
                    format!("series-{}-switchers", symbol(s.seed)),
                    table::changes(data, &s.changes),
                )
            }
            Some(View::Series) => {
                let s = a.series.as_ref()?;
                (
                    format!("series-{}", symbol(s.seed)),
                    table::series(data, &s.items, &s.changes, a.settings.pivot),
                )
            }
            Some(View::Ideal) => {
                let e = a.ideal.get()?;
                let states: Vec<usize> = [a.settings.pivot, a.settings.other]
                    .into_iter()
                    .flatten()
                    .collect();
                let rows: Vec<_> = states.iter().flat_map(|&c| e.of_country(c)).collect();
                let names: Vec<String> = states.iter().map(|&c| code(Some(c))).collect();
                (
                    format!("ideal-points-{}", names.join("-")),
                    table::ideal_points(data, &rows),
                )
            }
            Some(View::KeyVotes) => {
                let k = a.key_votes.as_ref()?;
                (
                    format!("key-votes-{}-{period}", code(a.settings.pivot)),
                    table::key_votes(data, k, a.settings.pivot?),
                )
            }
            Some(View::Map) | None if self.focus == Pane::Resolutions && a.current().is_none() => {
                let filter = self.list.filter.trim();
                let what = if filter.is_empty() { "all" } else { filter };
                // With a state chosen, its vote on each row, and its code in the name.
                let rows = table::roll_calls(data, &self.list.shown, self.list.state);
                let whose = self
                    .list
                    .state
                    .map_or(String::new(), |s| format!("-{}", code(Some(s))));
                (format!("resolutions-{what}{whose}"), rows)
            }
            Some(View::Map) | None if self.focus == Pane::Quotes && a.current().is_none() => {
                // The quotes shown: the vote's own, or every quote when it has none.
                let about = match self.roll_call() {
                    Some(i) if !self.quotes.fallback => symbol(i),
                    _ => "all".to_string(),
                };
                (
                    format!("quotes-{about}"),
                    table::quotes(data, &self.quotes.shown),
                )
            }
            Some(View::Map) | None if self.focus == Pane::Countries && a.current().is_none() => {
                let chosen = self.countries.chosen?;
                let p = crate::data::profile::profile(data, chosen);
                (
                    format!("record-{}-by-year", code(Some(chosen))),
                    table::profile_years(&p),
                )
            }
            // The agreement map shows the ranking's figures: it exports the ranking.
            Some(View::Map) if a.colouring == MapColouring::Agreement => {
                let al = a.alignment.as_ref()?;
                (
                    format!("alignment-{}-{period}", code(a.settings.pivot)),
                    table::ranking(data, al, &a.rows),
                )
            }
            Some(View::Map) | None => {
                let i = self.roll_call()?;
                (
                    format!("{}-votes", symbol(i)),
                    table::roll(data, &a.groups, i),
                )
            }
        })
    }

    /// Opens a view. Views about states need a pivot: the chosen country from the explorer, the
    /// selected row from the ranking when comparing.
    fn open_view(&mut self, view: View) {
        let from = self.analysis.current();
        if view == View::Series {
            return self.open_series();
        }
        // In the ideal-point view, "compare" chooses the second state by name.
        if view == View::Compare && from == Some(View::Ideal) {
            return self.start_find();
        }

        if from.is_none() {
            self.analysis.settings.pivot = self.countries.chosen.or(self.analysis.settings.pivot);
            self.analysis.colouring = MapColouring::Vote;
        } else if view == View::Map {
            self.analysis.colouring = MapColouring::Agreement;
        }
        if view == View::Compare {
            if from == Some(View::Alignment) {
                self.analysis.settings.other = self
                    .analysis
                    .selected_state()
                    .or(self.analysis.settings.other);
            }
            if self.analysis.settings.other.is_none() {
                self.notice = Some(self.hint(
                    "Pick a state in the alignment ranking ({}), then {}",
                    [Action::Open(View::Alignment), Action::Confirm],
                ));
                return;
            }
        }
        let needs_pivot = !(view == View::Map && self.analysis.colouring == MapColouring::Vote);
        if needs_pivot && self.analysis.settings.pivot.is_none() {
            self.notice = Some("Choose a state first: 3, type its name, Enter".into());
            return;
        }
        self.notice = None;
        // From the explorer, a state's ideal points start alone (not beside an earlier choice).
        if view == View::Ideal && from.is_none() {
            self.analysis.settings.other = None;
        }
        self.analysis.open(&self.data, view);
    }

    /// Opens the series of the roll call in focus (of its vote on the whole where it is a part
    /// vote), or says why there is none.
    fn open_series(&mut self) {
        let Some(i) = self.focused_roll_call() else {
            self.notice = Some("No vote selected".into());
            return;
        };
        let Some(seed) = crate::data::series::seed_of(&self.data, i) else {
            self.notice = Some(crate::data::series::no_series(&self.data, i));
            return;
        };
        if self.analysis.current().is_none() {
            self.analysis.settings.pivot = self.countries.chosen.or(self.analysis.settings.pivot);
        }
        self.analysis.seed = Some(seed);
        self.notice = None;
        self.analysis.open(&self.data, View::Series);
        // The view opens on the year it was opened from.
        let at = self
            .analysis
            .series
            .as_ref()
            .and_then(|s| s.items.iter().position(|&x| x == seed));
        if let (Some(at), Some(top)) = (at, self.analysis.stack.last_mut()) {
            top.selected = at;
        }
    }

    fn toggle_colouring(&mut self) {
        self.analysis.colouring = match self.analysis.colouring {
            MapColouring::Vote if self.analysis.settings.pivot.is_some() => MapColouring::Agreement,
            MapColouring::Vote | MapColouring::Agreement => MapColouring::IdealPoint,
            MapColouring::IdealPoint => MapColouring::Vote,
        };
        self.analysis.refresh(&self.data);
    }

    /// Leaves the views for the explorer with a roll call selected. When the list's filter
    /// hides it, the filter is cleared and the footer says so.
    fn show_roll_call(&mut self, index: usize) {
        let from = self.analysis.current();
        self.analysis.suspend();
        if !self.list.select_roll_call(index) {
            let filter = std::mem::take(&mut self.list.filter);
            let whole_only = std::mem::take(&mut self.list.whole_only);
            self.list.refilter(&self.data, &self.index);
            self.list.select_roll_call(index);
            let what = match (filter.trim().is_empty(), whole_only) {
                (false, true) => format!(
                    "filter \"{}\" and the whole-votes-only list",
                    crate::data::text::shown(&filter, 40)
                ),
                (false, false) => {
                    format!("filter \"{}\"", crate::data::text::shown(&filter, 40))
                }
                (true, _) => self.hint("whole-votes-only list ({})", [Action::ToggleWholeOnly]),
            };
            self.notice = Some(format!("The {what} hid this vote: cleared to show it"));
        } else if from.is_some() {
            let key = keys::key_for(Mode::Normal, Action::Back).unwrap_or_default();
            self.notice = Some(format!("{key} goes back to the view"));
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
        self.input = None;
        self.focus = pane;
    }

    fn move_by(&mut self, delta: isize) {
        if let Some(help) = &mut self.help {
            // The drawing keeps the last line in view; the state keeps a sane bound.
            let max = (keys::KEYS.len() + 16) as isize;
            let at = (help.scroll as isize).saturating_add(delta).clamp(0, max);
            help.scroll = u16::try_from(at).unwrap_or(0);
            return;
        }
        if let Some(reading) = &mut self.reading {
            // As for the help, the drawing stops at the last line.
            let at = isize::from(reading.scroll as i16).saturating_add(delta);
            reading.scroll = at.clamp(0, isize::from(i16::MAX)) as u16;
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
                let from = isize::from(self.roll_shown.get() as i16);
                let next = from.saturating_add(delta).clamp(0, MAX_ROLL_SCROLL);
                self.roll_scroll = Some(next as u16);
            }
            Pane::Countries => self.countries.move_by(&self.data, delta),
            Pane::Quotes => self.quotes.move_by(delta),
        }
    }

    fn start_find(&mut self) {
        if matches!(self.analysis.current(), Some(View::Alignment | View::Ideal)) {
            if self.analysis.current() == Some(View::Ideal) {
                self.analysis.other_before = Some(self.analysis.settings.other);
            }
            self.input = Some(Typing::Find);
            self.analysis.find.clear();
        } else {
            self.notice = Some(self.hint(
                "{} finds a state in the alignment ranking ({})",
                [Action::StartFind, Action::Open(View::Alignment)],
            ));
        }
    }

    fn start_input(&mut self) {
        if self.analysis.current().is_some() && !self.applies(Action::StartInput) {
            self.notice = Some("No period to type in this view".into());
            return;
        }
        if self.analysis.current().is_some() {
            self.input = Some(Typing::Period);
            self.analysis.period_input.clear();
            return;
        }
        self.input = match self.focus {
            Pane::Resolutions => Some(Typing::Filter),
            Pane::Countries => Some(Typing::Country),
            Pane::Breakdown | Pane::Quotes => None,
        };
    }

    /// Enter: ends typing (applying a typed period); on the list it opens the breakdown, on the
    /// countries the chosen state's record; in the ranking it compares with the selected state,
    /// in a list of votes it opens the vote.
    fn confirm(&mut self) {
        match self.input.take() {
            Some(Typing::Period) => {
                if let Err(e) = self.analysis.apply_period(&self.data) {
                    self.notice = Some(e);
                }
                return;
            }
            Some(Typing::Find) => {
                // Enter on an empty name removes the second state of the ideal-point view.
                if self.analysis.other_before.take().is_some()
                    && self.analysis.find.trim().is_empty()
                {
                    self.analysis.set_other(None);
                }
                return;
            }
            Some(_) => return,
            None => {}
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
            Pane::Breakdown => {
                self.reading = self.roll_call().map(|i| Reading {
                    what: Readable::Title(i),
                    scroll: 0,
                });
            }
            Pane::Quotes => {
                let quote = self.quotes.shown.get(self.quotes.selected);
                self.reading = quote.map(|&i| Reading {
                    what: Readable::Quote(i),
                    scroll: 0,
                });
            }
        }
    }

    fn stop_input(&mut self) {
        // Leaving the choice of a second state with Esc gives back the one shown before.
        if self.input == Some(Typing::Find)
            && let Some(before) = self.analysis.other_before.take()
        {
            self.analysis.set_other(before);
        }
        self.input = None;
    }

    /// The length in characters of the line being typed.
    fn input_len(&self) -> usize {
        let line = match self.input {
            Some(Typing::Find) => &self.analysis.find,
            Some(Typing::Period) => &self.analysis.period_input,
            Some(Typing::Filter) => &self.list.filter,
            Some(Typing::Country) => &self.countries.query,
            None => return 0,
        };
        line.chars().count()
    }

    /// Changes the text being typed (or, when nothing is, the focused pane's) and re-runs what
    /// depends on it.
    fn edit(&mut self, change: impl FnOnce(&mut String)) {
        let target = self.input.or(match (self.analysis.current(), self.focus) {
            (Some(_), _) => None,
            (None, Pane::Resolutions) => Some(Typing::Filter),
            (None, Pane::Countries) => Some(Typing::Country),
            (None, Pane::Breakdown | Pane::Quotes) => None,
        });
        match target {
            Some(Typing::Find) => self.edit_find(change),
            Some(Typing::Period) => change(&mut self.analysis.period_input),
            Some(Typing::Filter) => {
                change(&mut self.list.filter);
                self.refilter();
            }
            Some(Typing::Country) => {
                change(&mut self.countries.query);
                self.countries.research(&self.data, &self.country_search);
            }
            None => {}
        }
    }

    fn edit_find(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.analysis.find);
        if self.analysis.find.trim().is_empty() {
            return;
        }
        // Only the states the words name well: a loose match (Algeria for "prk") is no answer.
        let matches = self.country_search.search(&self.analysis.find);
        let best = matches.first().map_or(0, |m| m.score);
        let good: Vec<usize> = matches
            .iter()
            .filter(|m| m.score >= CountrySearch::GOOD.min(best))
            .take_while(|m| m.score * 10 >= best * 8)
            .map(|m| m.index)
            .collect();
        if good.is_empty() {
            self.notice = Some("No state matches".into());
        } else if self.analysis.current() == Some(View::Ideal) {
            self.notice = None;
            self.analysis.set_other(Some(good[0]));
        } else if !self.analysis.select_state(good.iter().copied()) {
            let code = self
                .data
                .countries
                .get(good[0])
                .map_or("", |c| c.code.as_str());
            let group = self.analysis.group_name().unwrap_or("all");
            self.notice = Some(format!(
                "{code} is not in this ranking (group {group}, period {})",
                self.analysis.settings.period
            ));
        }
    }

    /// A notice naming keys as the key table binds them: each `{}` in `text` is the key of the
    /// next action (in the views for view actions, else in the explorer).
    fn hint<const N: usize>(&self, text: &str, actions: [Action; N]) -> String {
        let mut out = String::new();
        let mut parts = text.split("{}");
        out.push_str(parts.next().unwrap_or(""));
        for (action, part) in actions.iter().zip(parts) {
            let key = keys::key_for(Mode::View, *action)
                .or_else(|| keys::key_for(Mode::Normal, *action))
                .unwrap_or_default();
            out.push_str(&key);
            out.push_str(part);
        }
        out
    }

    fn refilter(&mut self) {
        let before = self.list.current();
        self.list.refilter(&self.data, &self.index);
        if self.list.current() != before {
            self.on_roll_call_changed();
        }
    }

    /// Uses these groups (the built-in ones and a user's) for the ranking and the group split.
    pub fn set_groups(&mut self, groups: crate::data::groups::Groups) {
        self.analysis.groups = groups;
        self.on_roll_call_changed();
    }

    fn on_roll_call_changed(&mut self) {
        self.split = self
            .roll_call()
            .map(|i| self.analysis.groups.split(&self.data, i))
            .unwrap_or_default();
        self.roll_scroll = None;
        self.roll_shown.set(0);
        self.quotes = QuotePanel::for_roll_call(&self.data, self.list.current());
    }
}
