//! State of the resolution list: the filter line (words, a symbol, `year:`/`session:` terms or
//! a bare year, see `data::resolution_search`; `vote:no` keeps the votes where the chosen state
//! voted so), the whole-resolution toggle, the order (newest or by relevance, closest margin,
//! most no votes), the roll calls shown, and the selection.

use std::cell::OnceCell;

use crate::data::Dataset;
use crate::data::resolution_search::{ResolutionIndex, vote_term};

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Newest first, or by relevance when words are typed.
    #[default]
    Newest,
    /// Closest margin between yes and no first.
    Closest,
    /// Most no votes first.
    MostNo,
}

impl Order {
    /// The next order.
    pub fn next(self) -> Order {
        match self {
            Order::Newest => Order::Closest,
            Order::Closest => Order::MostNo,
            Order::MostNo => Order::Newest,
        }
    }

    /// How the list's title names it.
    pub fn label(self) -> &'static str {
        match self {
            Order::Newest => "newest",
            Order::Closest => "closest margin",
            Order::MostNo => "most no votes",
        }
    }
}

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
    /// The order.
    pub order: Order,
    /// The state whose votes the list shows and `vote:` filters by (the chosen country).
    pub state: Option<usize>,
    /// A problem with the filter (`vote:` without a chosen state, an unknown vote).
    pub problem: Option<String>,
    /// Widths of the symbol (at most 13) and tally columns over every row shown, so that the
    /// columns stay put while scrolling.
    pub widths: (usize, usize),
}

impl ResolutionList {
    /// A list showing every roll call, newest first.
    pub fn new(data: &Dataset, index: &OnceCell<ResolutionIndex>) -> ResolutionList {
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
    pub fn refilter(&mut self, data: &Dataset, index: &OnceCell<ResolutionIndex>) {
        let keep = self.current();
        let (words, vote) = vote_term(&self.filter);
        self.problem = None;
        let vote = match (vote, self.state) {
            (Ok(Some(_)), None) => {
                self.problem = Some("vote: needs a chosen state (3, then type its name)".into());
                None
            }
            (Ok(v), _) => v,
            (Err(e), _) => {
                self.problem = Some(e);
                None
            }
        };
        let base: Vec<usize> = if words.trim().is_empty() {
            (0..data.roll_calls.len()).rev().collect()
        } else {
            // The search index is built on the first search, not at launch.
            index
                .get_or_init(|| ResolutionIndex::new(&data.roll_calls))
                .search(data, &words)
                .into_iter()
                .map(|h| h.index)
                .collect()
        };
        let state = self.state;
        self.shown = base
            .into_iter()
            .filter(|&i| !self.whole_only || data.roll_calls[i].is_whole())
            .filter(|&i| {
                vote.is_none_or(|v| state.and_then(|s| data.roll_calls[i].vote_of(s)) == Some(v))
            })
            .collect();
        match self.order {
            Order::Newest => {}
            // Votes known only by totals of zero say nothing of a margin: last.
            Order::Closest => self.shown.sort_by_key(|&i| {
                let t = data.tally(i);
                let margin = if t.yes + t.no == 0 {
                    u32::MAX
                } else {
                    t.yes.abs_diff(t.no)
                };
                (margin, std::cmp::Reverse(i))
            }),
            Order::MostNo => self
                .shown
                .sort_by_key(|&i| (std::cmp::Reverse(data.tally(i).no), std::cmp::Reverse(i))),
        }
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
