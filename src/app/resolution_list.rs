//! State of the resolution list: the filter line (words, a symbol, `year:`/`session:` terms or
//! a bare year; see `data::resolution_search`), the whole-resolution toggle, the roll calls shown (newest first, or by relevance), and the
//! selection.

use crate::data::Dataset;
use crate::data::resolution_search::ResolutionIndex;

/// The resolution list's view state.
#[derive(Debug, Clone, Default)]
pub struct ResolutionList {
    /// The filter as typed.
    pub filter: String,
    /// Only votes on a resolution as a whole.
    pub whole_only: bool,
    /// Roll-call indices shown, in order.
    pub shown: Vec<usize>,
    /// Position of the selection in `shown`.
    pub selected: usize,
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
        let base: Vec<usize> = if self.filter.trim().is_empty() {
            (0..data.roll_calls.len()).rev().collect()
        } else {
            index
                .search(data, &self.filter)
                .into_iter()
                .map(|h| h.index)
                .collect()
        };
        self.shown = base
            .into_iter()
            .filter(|&i| !self.whole_only || data.roll_calls[i].is_whole())
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
