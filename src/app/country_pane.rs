//! State of the country search pane: the query line, the ranked matches, the highlighted match
//! and the chosen country (the one highlighted in the roll and described below the list).

use crate::data::Dataset;
use crate::data::country_search::{CountryMatch, CountrySearch};
use crate::data::record::{CountryRecord, country_record};

/// The country pane's view state.
#[derive(Debug, Clone, Default)]
pub struct CountryPane {
    /// The query as typed.
    pub query: String,
    /// Matches for the query, best first.
    pub matches: Vec<CountryMatch>,
    /// Position of the highlight in `matches`.
    pub selected: usize,
    /// The chosen country (index into the dataset's countries).
    pub chosen: Option<usize>,
    /// The chosen country's overall record, computed when the choice changes.
    pub record: Option<CountryRecord>,
}

impl CountryPane {
    /// A pane listing every country by name, none chosen.
    pub fn new(search: &CountrySearch) -> CountryPane {
        CountryPane {
            matches: search.search(""),
            ..CountryPane::default()
        }
    }

    /// Re-runs the search after the query changed; while typing, the best match is chosen.
    pub fn research(&mut self, data: &Dataset, search: &CountrySearch) {
        self.matches = search.search(&self.query);
        self.selected = 0;
        if !self.query.trim().is_empty() {
            self.choose(data, self.matches.first().map(|m| m.index));
        } else if let Some(at) = self
            .chosen
            .and_then(|c| self.matches.iter().position(|m| m.index == c))
        {
            // The full list again: the chosen state stays chosen and highlighted, so that Enter
            // opens it and not the first row.
            self.selected = at;
        }
    }

    /// Moves the highlight by `delta` rows and chooses the highlighted country.
    pub fn move_by(&mut self, data: &Dataset, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.choose(data, self.matches.get(self.selected).map(|m| m.index));
    }

    fn choose(&mut self, data: &Dataset, country: Option<usize>) {
        if country != self.chosen || self.record.is_none() {
            self.record = country.map(|c| country_record(data, c));
        }
        self.chosen = country;
    }
}
