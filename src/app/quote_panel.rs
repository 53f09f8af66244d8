//! State of the quote panel: which quotes apply to the selected roll call (all of them when it
//! has none) and which one is shown.

use crate::data::Dataset;

/// The quote panel's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuotePanel {
    /// Indices into the dataset's quotes, in order.
    pub shown: Vec<usize>,
    /// Whether `shown` is every quote because the roll call has none.
    pub fallback: bool,
    /// Position of the quote shown in `shown`.
    pub selected: usize,
}

impl QuotePanel {
    /// The quotes for roll call `roll_call`.
    pub fn for_roll_call(data: &Dataset, roll_call: Option<usize>) -> QuotePanel {
        let own = roll_call.map_or_else(Vec::new, |i| data.quote_indices_for(i));
        if own.is_empty() {
            QuotePanel {
                shown: (0..data.quotes.len()).collect(),
                fallback: true,
                selected: 0,
            }
        } else {
            QuotePanel {
                shown: own,
                fallback: false,
                selected: 0,
            }
        }
    }

    /// Moves to another quote, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}
