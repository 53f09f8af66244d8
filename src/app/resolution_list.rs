//! State of the resolution list: the filter line (search words plus `year:`/`session:` terms),
//! the whole-resolution toggle, the roll calls shown (newest first, or by relevance), and the
//! selection.

use crate::data::Dataset;
use crate::data::resolution_search::ResolutionIndex;

/// The resolution list's view state.
#[derive(Debug, Clone, Default)]
pub struct ResolutionList {
    /// The filter as typed.
    pub filter: String,
    /// Whether the filter line takes keys.
    pub editing: bool,
    /// Only votes on a resolution as a whole.
    pub whole_only: bool,
    /// Roll-call indices shown, in order.
    pub shown: Vec<usize>,
    /// Position of the selection in `shown`.
    pub selected: usize,
}

/// A parsed filter line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words and symbols for the search.
    pub query: String,
    /// `year:2022` or `y:2022`.
    pub year: Option<String>,
    /// `session:ES-11` or `s:78`.
    pub session: Option<String>,
}

/// Splits a filter line into search words and `year:` / `session:` terms.
pub fn parse_filter(text: &str) -> Filter {
    let mut f = Filter::default();
    let mut words = Vec::new();
    for term in text.split_whitespace() {
        let lower = term.to_ascii_lowercase();
        if let Some(y) = lower
            .strip_prefix("year:")
            .or_else(|| lower.strip_prefix("y:"))
        {
            f.year = Some(y.to_string());
        } else if let Some(s) = lower
            .strip_prefix("session:")
            .or_else(|| lower.strip_prefix("s:"))
        {
            f.session = Some(s.to_ascii_uppercase());
        } else {
            words.push(term);
        }
    }
    f.query = words.join(" ");
    f
}

impl ResolutionList {
    /// A list showing every roll call, newest first.
    pub fn new(data: &Dataset, index: &ResolutionIndex) -> ResolutionList {
        let mut list = ResolutionList::default();
        list.refilter(data, index);
        list
    }

    /// The selected roll call.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    /// Recomputes `shown` after the filter or toggle changed, keeping the selected roll call
    /// where it is still shown.
    pub fn refilter(&mut self, data: &Dataset, index: &ResolutionIndex) {
        let keep = self.current();
        let f = parse_filter(&self.filter);
        let base: Vec<usize> = if f.query.trim().is_empty() {
            (0..data.roll_calls.len()).rev().collect()
        } else {
            index
                .search(&f.query)
                .into_iter()
                .map(|h| h.index)
                .collect()
        };
        self.shown = base
            .into_iter()
            .filter(|&i| {
                let rc = &data.roll_calls[i];
                (!self.whole_only || rc.whole == Some(true))
                    && f.year
                        .as_ref()
                        .is_none_or(|y| rc.date.starts_with(y.as_str()))
                    && f.session
                        .as_ref()
                        .is_none_or(|s| rc.session.eq_ignore_ascii_case(s))
            })
            .collect();
        self.selected = keep
            .and_then(|k| self.shown.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    /// Selects roll call `index` if it is shown.
    pub fn select_roll_call(&mut self, index: usize) -> bool {
        match self.shown.iter().position(|&i| i == index) {
            Some(pos) => {
                self.selected = pos;
                true
            }
            None => false,
        }
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_terms_are_split_from_search_words() {
        let f = parse_filter("ukraine year:2022 s:es-11");
        assert_eq!(f.query, "ukraine");
        assert_eq!(f.year.as_deref(), Some("2022"));
        assert_eq!(f.session.as_deref(), Some("ES-11"));
        assert_eq!(parse_filter("").query, "");
    }
}
