//! Key votes of a period: the closest margins, splits among the Security Council's permanent
//! members, and the votes on which a pivot state stood in a small minority.

use super::agreement::{Method, is_final, is_unanimous, left_out};
use super::compare::contest;
use super::dataset::Dataset;
use super::groups::Groups;
use super::period::Period;

/// How many votes each list keeps.
const KEEP: usize = 25;

/// A pivot in a minority of at most this share of the votes cast (per cent) stood "alone".
pub const SMALL_MINORITY: u32 = 10;

/// The three lists, each of roll-call indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyVotes {
    /// Final votes with the narrowest yes/no margin, narrowest first.
    pub closest: Vec<usize>,
    /// Votes on which the permanent members present voted differently (yes, no or abstain),
    /// newest first.
    pub p5_splits: Vec<usize>,
    /// Votes on which the pivot voted yes or no with at most [`SMALL_MINORITY`] % of the votes
    /// cast on its side, smallest side first.
    pub pivot_minority: Vec<usize>,
    /// Flagged roll calls of the period (incomplete records, duplicates) on which the pivot held
    /// a seat, left out of every list.
    pub left_out: usize,
}

/// Finds the key votes of a period for a pivot state.
pub fn key_votes(data: &Dataset, groups: &Groups, pivot: usize, period: &Period) -> KeyVotes {
    let in_period: Vec<usize> = (0..data.roll_calls.len())
        .filter(|&i| {
            let rc = &data.roll_calls[i];
            rc.counts() && period.contains_roll_call(rc) && !is_unanimous(data, i)
        })
        .collect();
    let mut closest: Vec<usize> = in_period
        .iter()
        .copied()
        .filter(|&i| is_final(&data.roll_calls[i]))
        .collect();
    closest.sort_by_key(|&i| (contest(data, i), std::cmp::Reverse(i)));
    closest.truncate(KEEP);
    let mut p5_splits: Vec<usize> = in_period
        .iter()
        .copied()
        .filter(|&i| is_p5_split(data, groups, i))
        .collect();
    p5_splits.reverse();
    KeyVotes {
        closest,
        p5_splits,
        pivot_minority: pivot_minority(data, pivot, &in_period),
        left_out: left_out(data, Method::VotesOnly, period, Some(pivot)),
    }
}

fn is_p5_split(data: &Dataset, groups: &Groups, index: usize) -> bool {
    let rc = &data.roll_calls[index];
    let votes = rc.votes.as_bytes();
    let mut cast = groups
        .members_on("P5", rc.date.get(..10).unwrap_or(&rc.date))
        .filter_map(|code| data.country_index(code))
        .filter_map(|c| votes.get(c).copied())
        .filter(|v| matches!(v, b'Y' | b'N' | b'A'));
    let Some(first) = cast.next() else {
        return false;
    };
    cast.any(|v| v != first)
}

fn pivot_minority(data: &Dataset, pivot: usize, roll_calls: &[usize]) -> Vec<usize> {
    let mut out: Vec<(u32, usize)> = roll_calls
        .iter()
        .filter_map(|&i| {
            let t = data.tally(i);
            let side = match data.roll_calls[i].votes.as_bytes().get(pivot) {
                Some(b'Y') => t.yes,
                Some(b'N') => t.no,
                _ => return None,
            };
            let cast = (t.yes + t.no + t.abstain).max(1);
            (side * 100 <= cast * SMALL_MINORITY).then_some((side * 1000 / cast, i))
        })
        .collect();
    out.sort_by_key(|&(share, i)| (share, std::cmp::Reverse(i)));
    out.into_iter().take(KEEP).map(|(_, i)| i).collect()
}
