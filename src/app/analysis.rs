//! State of the full-screen views — a state's record, two states compared, the alignment
//! ranking, the world map, the key votes and a resolution's series — as a stack of typed view
//! states (each with its selection, scroll and the states it showed), and the settings they
//! share: the pivot state, the period, the method and the group filter. Results are computed
//! here when a setting changes, never while drawing.

use std::cell::Cell;

use crate::data::Dataset;
use crate::data::agreement::Method;
use crate::data::alignment::{Alignment, align};
use crate::data::compare::{Comparison, compare};
use crate::data::groups::Groups;
use crate::data::ideal::Estimates;
use crate::data::key_votes::{KeyVotes, key_votes};
use crate::data::period::Period;
use crate::data::profile::{Profile, profile};
use crate::data::series::{Change, SeriesIndex, changes, switchers};

/// A series as the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesView {
    /// The roll call it started from.
    pub seed: usize,
    /// Its roll calls, oldest first.
    pub items: Vec<usize>,
    /// Every change from one roll call to the next.
    pub changes: Vec<Change>,
    /// How many states changed on each roll call, in `items`' order.
    pub switchers: Vec<usize>,
}

pub use super::view::{KeySection, MapColouring, MapMarker, View};

/// The most views kept open; opening one more forgets the oldest.
pub const MAX_DEPTH: usize = 32;

/// How many years the ranking's sparklines cover at least.
pub const TREND_YEARS: u16 = 25;

/// One open view and where the user stands in it; going back to it gives all of it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// Which view.
    pub view: View,
    /// The selected row of the view's main list.
    pub selected: usize,
    /// The first row of the main list on screen. The drawing keeps the selection in sight and
    /// stores what it showed here, so the rows stay where they were between frames and views.
    pub offset: Cell<usize>,
    /// Which of the view's lists the arrows move: 0 the main one, 1 the second (compare's
    /// years).
    pub list: u8,
    /// The first row of the second list on screen.
    pub second: usize,
    /// The pivot the view showed, given back with it.
    pub pivot: Option<usize>,
    /// The state compared with the pivot, given back with it.
    pub other: Option<usize>,
    /// The roll call a series view started from, given back with it.
    pub seed: Option<usize>,
}

impl ViewState {
    /// A view freshly opened: first row selected, nothing scrolled.
    pub fn new(view: View) -> ViewState {
        ViewState {
            view,
            selected: 0,
            offset: Cell::new(0),
            list: 0,
            second: 0,
            pivot: None,
            other: None,
            seed: None,
        }
    }

    /// The offset that shows the selected row in `height` rows of a `len`-row list, moving as
    /// little as possible from the last one shown, and never leaving rows unused at the end.
    pub fn scrolled(&self, height: usize, len: usize) -> usize {
        self.scrolled_to(self.selected, height, len)
    }

    /// [`ViewState::scrolled`] for a list whose selected row is on line `at` (a list with
    /// headings between its rows).
    pub fn scrolled_to(&self, at: usize, height: usize, len: usize) -> usize {
        let height = height.max(1);
        let mut offset = self.offset.get();
        if at < offset {
            offset = at;
        } else if at >= offset + height {
            offset = at + 1 - height;
        }
        let offset = offset.min(len.saturating_sub(height));
        self.offset.set(offset);
        offset
    }
}

/// What the user chose for the views, apart from what is computed from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The pivot state.
    pub pivot: Option<usize>,
    /// The state compared with the pivot.
    pub other: Option<usize>,
    /// The period of the agreement views.
    pub period: Period,
    /// The method of the agreement views.
    pub method: Method,
    /// Position in `groups.names` of the group filter, or None for every state.
    pub group: Option<usize>,
}

/// Ideal-point estimates for the views: the bundled ones, read on first use, and only for the
/// bundled data (a file of one's own is fitted by `unvote-tui --data FILE ideal-points`).
#[derive(Debug, Clone, Default)]
pub struct IdealPoints {
    /// Whether the dataset is the bundled one, whose estimates are bundled.
    pub bundled: bool,
    /// The estimates once read, or why there are none.
    pub estimates: Option<Result<Estimates, String>>,
}

impl IdealPoints {
    /// Reads the bundled estimates the first time they are needed.
    pub fn load(&mut self, data: &Dataset) {
        if self.estimates.is_none() {
            self.estimates = Some(if self.bundled {
                Estimates::bundled(data).map_err(|e| format!("{e:#}"))
            } else {
                Err(
                    "Ideal points come with the bundled data; for this file run \
                     `unvote-tui --data FILE ideal-points` (a fit of the whole history takes about 10 s)"
                        .into(),
                )
            });
        }
    }

    /// The estimates, if read.
    pub fn get(&self) -> Option<&Estimates> {
        self.estimates.as_ref()?.as_ref().ok()
    }

    /// Why there are no estimates, if there are none.
    pub fn missing(&self) -> Option<&str> {
        self.estimates.as_ref()?.as_ref().err().map(String::as_str)
    }
}

/// The views' shared settings and computed results.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Views opened, the current one last, each with its own selection and scroll; empty when
    /// the explorer shows.
    pub stack: Vec<ViewState>,
    /// The views left to open a vote in the explorer, given back by [`Analysis::resume`].
    pub suspended: Vec<ViewState>,
    /// What the user chose: pivot, other state, period, method, group filter.
    pub settings: Settings,
    /// Named groups.
    pub groups: Groups,
    /// The period as being typed.
    pub period_input: String,
    /// A state's name as being typed to find it in the ranking.
    pub find: String,
    /// The pivot's profile.
    pub profile: Option<Profile>,
    /// The pivot compared with `other`.
    pub comparison: Option<Comparison>,
    /// The ranking.
    pub alignment: Option<Alignment>,
    /// The pivot's ranking over the whole history, whose years the sparklines show.
    pub history: Option<Alignment>,
    /// Positions in the ranking's rows that pass the group filter.
    pub rows: Vec<usize>,
    /// Each ranked state's agreement per year for its sparkline, in the ranking's row order:
    /// over the period, or over the [`TREND_YEARS`] years up to its end when it is shorter.
    pub trend: Vec<Vec<Option<f64>>>,
    /// The year of each trend's first value.
    pub trend_first_year: u16,
    /// Key votes for the pivot.
    pub key_votes: Option<KeyVotes>,
    /// The roll call the series view starts from.
    pub seed: Option<usize>,
    /// The series shown.
    pub series: Option<SeriesView>,
    /// The titles' words, indexed on the first series asked for.
    pub series_index: Option<SeriesIndex>,
    /// Map colouring.
    pub colouring: MapColouring,
    /// Map markers.
    pub marker: MapMarker,
    /// Ideal-point estimates.
    pub ideal: IdealPoints,
    /// The ranking ordered by distance in ideal points from the pivot (in the period's last
    /// session) rather than by agreement.
    pub by_distance: bool,
    /// While a second state is being chosen by name in the ideal-point view, the one shown
    /// before (given back when the typing is left with Esc).
    pub other_before: Option<Option<usize>>,
}

impl Analysis {
    /// Settings for a dataset: every group known, the whole history, the State Department method.
    pub fn new(data: &Dataset) -> Analysis {
        Analysis {
            groups: Groups::new(data),
            ..Analysis::default()
        }
    }

    /// The view on top, if any.
    pub fn current(&self) -> Option<View> {
        self.stack.last().map(|s| s.view)
    }

    /// The state of the view on top.
    pub fn top(&self) -> Option<&ViewState> {
        self.stack.last()
    }

    /// The selected row of the view on top (0 without one).
    pub fn selected(&self) -> usize {
        self.top().map_or(0, |s| s.selected)
    }

    fn set_selected(&mut self, row: usize) {
        if let Some(top) = self.stack.last_mut() {
            top.selected = row;
        }
    }

    /// Opens a view over the current one (as a browser opens a page: going back returns to
    /// each view in turn, as it was) and computes what it shows.
    pub fn open(&mut self, data: &Dataset, view: View) {
        if self.stack.len() >= MAX_DEPTH {
            self.stack.remove(0);
        }
        let mut state = ViewState::new(view);
        state.pivot = self.settings.pivot;
        state.other = self.settings.other;
        state.seed = self.seed;
        self.stack.push(state);
        self.suspended.clear();
        self.refresh(data);
    }

    /// Leaves the views for the explorer, keeping them to resume.
    pub fn suspend(&mut self) {
        self.suspended = std::mem::take(&mut self.stack);
    }

    /// Returns to the views left for the explorer; false when there are none.
    pub fn resume(&mut self, data: &Dataset) -> bool {
        if self.suspended.is_empty() {
            return false;
        }
        self.stack = std::mem::take(&mut self.suspended);
        self.restore(data);
        true
    }

    /// Closes the view on top; the one under it shows what it showed, for the states it
    /// showed.
    pub fn back(&mut self, data: &Dataset) {
        self.stack.pop();
        self.restore(data);
    }

    fn restore(&mut self, data: &Dataset) {
        if let Some(top) = self.stack.last() {
            if top.pivot.is_some() {
                self.settings.pivot = top.pivot;
            }
            // The ideal-point view shows exactly the second state it had, or none.
            if top.other.is_some() || top.view == View::Ideal {
                self.settings.other = top.other;
            }
            if top.seed.is_some() {
                self.seed = top.seed;
            }
        }
        self.refresh(data);
        let len = self.list_len();
        if let Some(top) = self.stack.last_mut() {
            top.selected = top.selected.min(len.saturating_sub(1));
        }
    }

    /// The group filter's name.
    pub fn group_name(&self) -> Option<&str> {
        self.settings
            .group
            .and_then(|g| self.groups.names.get(g))
            .map(String::as_str)
    }

    /// Recomputes what the current view shows from the settings.
    pub fn refresh(&mut self, data: &Dataset) {
        if self.current() == Some(View::Series) {
            return self.reseries(data);
        }
        let Some(pivot) = self.settings.pivot else {
            return;
        };
        match self.current() {
            Some(View::Record) => {
                if self.profile.as_ref().is_none_or(|p| p.country != pivot) {
                    self.profile = Some(profile(data, pivot));
                }
            }
            Some(View::Compare) => {
                let stale = self.comparison.as_ref().is_none_or(|c| {
                    (c.a, Some(c.b), c.method, &c.period)
                        != (
                            pivot,
                            self.settings.other,
                            self.settings.method,
                            &self.settings.period,
                        )
                });
                if stale {
                    self.comparison = self.settings.other.map(|other| {
                        compare(
                            data,
                            pivot,
                            other,
                            self.settings.method,
                            &self.settings.period,
                        )
                    });
                }
            }
            Some(View::Alignment) => self.realign(data, pivot),
            Some(View::Map) if self.colouring == MapColouring::Agreement => {
                self.realign(data, pivot);
            }
            Some(View::KeyVotes) => {
                self.key_votes = Some(key_votes(data, &self.groups, pivot, &self.settings.period));
            }
            Some(View::Ideal) => self.ideal.load(data),
            Some(View::Map) if self.colouring == MapColouring::IdealPoint => self.ideal.load(data),
            Some(View::Map | View::Series) | None => {}
        }
    }

    fn reseries(&mut self, data: &Dataset) {
        let Some(seed) = self.seed else { return };
        if self.series.as_ref().is_some_and(|s| s.seed == seed) {
            return;
        }
        let index = self
            .series_index
            .get_or_insert_with(|| SeriesIndex::new(data));
        let items = index.series_of(data, seed);
        let changes = changes(data, &items);
        let switchers = switchers(&items, &changes);
        self.series = Some(SeriesView {
            seed,
            items,
            changes,
            switchers,
        });
    }

    fn realign(&mut self, data: &Dataset, pivot: usize) {
        let stale = self.alignment.as_ref().is_none_or(|a| {
            a.pivot != pivot || a.method != self.settings.method || a.period != self.settings.period
        });
        // The state on the selected row stays selected through a new period, method or group.
        let was = self.selected_state();
        if stale {
            let ranking = align(data, pivot, self.settings.method, &self.settings.period);
            self.retrend(data, &ranking);
            self.alignment = Some(ranking);
        }
        self.rows = match &self.alignment {
            Some(a) => {
                self.groups
                    .filter_ranking(data, a, self.group_name(), &self.settings.period)
            }
            None => Vec::new(),
        };
        if self.by_distance && self.current() == Some(View::Alignment) {
            self.ideal.load(data);
            let (e, session) = (self.ideal.get(), self.map_session());
            let distances: Vec<Option<f64>> = (self.alignment.iter())
                .flat_map(|a| a.rows.iter())
                .map(|r| {
                    e.zip(session)
                        .and_then(|(e, s)| e.distance(pivot, r.country, s))
                })
                .collect();
            // Nearest first; states without an estimate in that session last, as they were.
            self.rows.sort_by(|&a, &b| {
                let key = |i: usize| distances.get(i).copied().flatten().unwrap_or(f64::INFINITY);
                key(a).total_cmp(&key(b))
            });
        }
        self.set_selected(self.selected().min(self.rows.len().saturating_sub(1)));
        if let Some(state) = was {
            self.select_state([state]);
        }
    }

    /// The sparklines of a ranking: its own years, or a wider span ending with the period.
    fn retrend(&mut self, data: &Dataset, ranking: &Alignment) {
        let year = |d: &str, rc: Option<&crate::data::RollCall>| {
            d.get(..4)
                .and_then(|y| y.parse::<u16>().ok())
                .or_else(|| rc.and_then(|rc| rc.year()))
                .unwrap_or(0)
        };
        let first = year(&self.settings.period.from, data.roll_calls.first());
        let last = year(&self.settings.period.to, data.roll_calls.last());
        if last.saturating_sub(first) + 1 >= TREND_YEARS {
            self.trend = ranking.rows.iter().map(|r| r.yearly.clone()).collect();
            self.trend_first_year = ranking.first_year;
            return;
        }
        // Years do not depend on the period: slice them from the whole history, computed once
        // per pivot and method, so stepping through years re-ranks only the period's votes.
        let stale = self
            .history
            .as_ref()
            .is_none_or(|h| h.pivot != ranking.pivot || h.method != ranking.method);
        if stale {
            self.history = Some(align(data, ranking.pivot, ranking.method, &Period::all()));
        }
        let Some(history) = &self.history else { return };
        let start = last.saturating_sub(TREND_YEARS - 1).max(history.first_year);
        let from = usize::from(start - history.first_year);
        let to = usize::from(last.saturating_sub(history.first_year)) + 1;
        let mut by_country = vec![None; data.countries.len()];
        for r in &history.rows {
            if let Some(slot) = by_country.get_mut(r.country) {
                *slot = r.yearly.get(from..to.min(r.yearly.len()));
            }
        }
        self.trend = ranking
            .rows
            .iter()
            .map(|r| {
                by_country
                    .get(r.country)
                    .copied()
                    .flatten()
                    .unwrap_or_default()
                    .to_vec()
            })
            .collect();
        self.trend_first_year = start;
    }

    /// Applies the typed period; a bad one leaves the period as it was and says why.
    pub fn apply_period(&mut self, data: &Dataset) -> Result<(), String> {
        let period = Period::parse_typed(&self.period_input).map_err(|e| format!("{e:#}"))?;
        self.settings.period = period;
        self.refresh(data);
        Ok(())
    }

    /// Steps the period by whole years: from the whole history to the newest year, else one
    /// year back or forward.
    pub fn step_year(&mut self, data: &Dataset, delta: i32) {
        let newest = data
            .roll_calls
            .last()
            .and_then(|rc| rc.year())
            .unwrap_or(2026);
        let oldest = data
            .roll_calls
            .first()
            .and_then(|rc| rc.year())
            .unwrap_or(1946);
        let (oldest, newest) = (oldest.min(newest), oldest.max(newest));
        let year = match self.settings.period.single_year() {
            Some(y) => (i32::from(y) + delta).clamp(i32::from(oldest), i32::from(newest)),
            None => i32::from(newest),
        };
        self.settings.period = Period::year(u16::try_from(year).unwrap_or(newest));
        self.period_input = self.settings.period.to_string();
        self.refresh(data);
    }

    /// Makes the pivot's successor the pivot, or for a successor its (first) former state;
    /// says why not when it has neither.
    pub fn follow_link(&mut self, data: &Dataset) -> Result<(), String> {
        let Some(c) = self.settings.pivot.and_then(|p| data.countries.get(p)) else {
            return Ok(());
        };
        let code = &c.code;
        let linked = data
            .country_index(&c.successor)
            .or_else(|| data.countries.iter().position(|o| &o.successor == code));
        match linked {
            Some(l) => {
                // A new view of the same kind for the linked state: back returns to this one.
                let view = self.current().unwrap_or(View::Record);
                self.settings.pivot = Some(l);
                self.open(data, view);
                Ok(())
            }
            None => Err(format!("{code} has no former state or successor")),
        }
    }

    /// Uses the next method.
    pub fn cycle_method(&mut self, data: &Dataset) {
        self.settings.method = self.settings.method.next();
        self.refresh(data);
    }

    /// Filters by the next group (after the last, no filter).
    pub fn cycle_group(&mut self, data: &Dataset) {
        self.settings.group = match self.settings.group {
            None if !self.groups.names.is_empty() => Some(0),
            Some(g) if g + 1 < self.groups.names.len() => Some(g + 1),
            _ => None,
        };
        self.set_selected(0);
        self.refresh(data);
    }

    /// How many rows the current view's list has.
    pub fn list_len(&self) -> usize {
        match self.current() {
            Some(View::Alignment) => self.rows.len(),
            Some(View::Compare) => self.comparison.as_ref().map_or(0, |c| c.divergent.len()),
            Some(View::Record) => self.profile.as_ref().map_or(0, |p| p.isolated.len()),
            Some(View::KeyVotes) => self.key_vote_list().len(),
            Some(View::Series) => self.series.as_ref().map_or(0, |s| s.items.len()),
            Some(View::Ideal) => self.ideal_sessions().len(),
            Some(View::Map) | None => 0,
        }
    }

    /// How many lines compare's tables panel has: pairs, years and issues.
    fn years_len(&self) -> usize {
        match self.current() {
            // The series' switchers of the selected year: a heading and one line per state at
            // most (the drawing stops at the last line shown).
            Some(View::Series) => self.series.as_ref().map_or(0, |s| s.changes.len() + 2),
            _ => self
                .comparison
                .as_ref()
                .map_or(0, |c| 6 + 1 + 2 + c.by_year.len() + 2 + c.by_tag.len()),
        }
    }

    /// Moves the selection of the current view's list that has the arrows.
    pub fn move_by(&mut self, delta: isize) {
        let len = self.list_len();
        let years = self.years_len();
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        if top.list == 1 {
            top.second = top
                .second
                .saturating_add_signed(delta)
                .min(years.saturating_sub(1));
        } else {
            top.selected = top
                .selected
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1));
        }
    }

    /// Gives the arrows to the view's next list (compare: opposite votes, then years); false
    /// when the view has one list.
    pub fn next_list(&mut self) -> bool {
        match self.stack.last_mut() {
            Some(top) if matches!(top.view, View::Compare | View::Series) => {
                top.list = 1 - top.list.min(1);
                top.second = 0;
                true
            }
            _ => false,
        }
    }

    /// Selects the first ranked state among `candidates` (best match first); false if none is
    /// ranked.
    pub fn select_state(&mut self, candidates: impl IntoIterator<Item = usize>) -> bool {
        let Some(a) = &self.alignment else {
            return false;
        };
        for c in candidates {
            if let Some(pos) = self.rows.iter().position(|&r| a.rows[r].country == c) {
                self.set_selected(pos);
                return true;
            }
        }
        false
    }

    /// The state on the selected row of the ranking.
    pub fn selected_state(&self) -> Option<usize> {
        let a = self.alignment.as_ref()?;
        let row = self.rows.get(self.selected())?;
        a.rows.get(*row).map(|r| r.country)
    }

    /// The key votes as one list of (section, roll call) in display order.
    pub fn key_vote_list(&self) -> Vec<(KeySection, usize)> {
        let Some(k) = &self.key_votes else {
            return Vec::new();
        };
        let tag = |s: KeySection, v: &[usize]| v.iter().map(move |&i| (s, i)).collect::<Vec<_>>();
        let mut out = tag(KeySection::PivotMinority, &k.pivot_minority);
        out.extend(tag(KeySection::Closest, &k.closest));
        out.extend(tag(KeySection::P5Splits, &k.p5_splits));
        out
    }

    /// The roll call on the selected row of the current view's list, if it lists roll calls.
    pub fn selected_roll_call(&self) -> Option<usize> {
        match self.current()? {
            View::Compare => self
                .comparison
                .as_ref()?
                .divergent
                .get(self.selected())
                .copied(),
            View::Record => self
                .profile
                .as_ref()?
                .isolated
                .get(self.selected())
                .copied(),
            View::KeyVotes => self.key_vote_list().get(self.selected()).map(|(_, i)| *i),
            View::Series => self.series.as_ref()?.items.get(self.selected()).copied(),
            View::Alignment | View::Map | View::Ideal => None,
        }
    }

    /// The sessions the ideal-point view steps through: the pivot's (the second state's where
    /// the pivot has none).
    pub fn ideal_sessions(&self) -> Vec<u32> {
        let Some(e) = self.ideal.get() else {
            return Vec::new();
        };
        [self.settings.pivot, self.settings.other]
            .into_iter()
            .flatten()
            .map(|c| e.of_country(c))
            .find(|points| !points.is_empty())
            .map_or_else(Vec::new, |points| {
                points.iter().map(|p| p.session).collect()
            })
    }

    /// The state shown beside the pivot in the ideal-point view (and compared with it).
    pub fn set_other(&mut self, other: Option<usize>) {
        let other = other.filter(|&o| Some(o) != self.settings.pivot);
        self.settings.other = other;
        if let Some(top) = self.stack.last_mut() {
            top.other = other;
        }
    }

    /// The session selected in the ideal-point view (the newest when just opened).
    pub fn ideal_session(&self) -> Option<u32> {
        let sessions = self.ideal_sessions();
        let last = sessions.len().checked_sub(1)?;
        sessions.get(last - self.selected().min(last)).copied()
    }

    /// Ranks by agreement or by distance in ideal points, in turn (the selected state stays
    /// selected).
    pub fn toggle_distance(&mut self, data: &Dataset) {
        self.by_distance = !self.by_distance;
        self.refresh(data);
    }

    /// The session the map colours by ideal point: the one running at the end of the period.
    pub fn map_session(&self) -> Option<u32> {
        let (first, last) = self.ideal.get()?.sessions()?;
        let to = &self.settings.period.to;
        let end = match crate::data::ideal::session_on(to) {
            Some(s) => s,
            None if to.is_empty() => last,
            None => first,
        };
        Some(end.clamp(first, last))
    }
}
