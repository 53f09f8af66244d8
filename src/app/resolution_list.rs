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
    /// Widths of the symbol (at most 13) and tally columns over every row shown, so that the
    /// columns stay put while scrolling.
    pub widths: (usize, usize),
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
        let digits = |n: u32| n.checked_ilog10().map_or(1, |d| d as usize + 1);
        let (mut symbol, mut tally) = (4, 5);
        for &i in &self.shown {
            let label = data.roll_calls[i].label();
            let label = label.strip_prefix("A/RES/").unwrap_or(label);
            symbol = symbol.max(crate::data::text::width(label).min(13));
            let t = data.tally(i);
            tally = tally.max(digits(t.yes) + digits(t.no) + digits(t.abstain) + 2);
        }
        self.widths = (symbol, tally);
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
