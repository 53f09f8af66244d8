//! A state's profile: its record year by year, how often it voted with and against the majority,
//! its membership span with former states and successors linked, its regional group, and its most
//! isolated votes (on the losing side of the widest margins).

use serde::Serialize;

use super::dataset::Dataset;
use super::model::{NOT_MEMBER, Tally, Vote};
use super::record::{CountryRecord, country_record};

/// How many isolated votes a profile keeps.
const ISOLATED: usize = 30;

/// One year of a state's record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct YearRecord {
    /// The calendar year.
    pub year: u16,
    /// Its yes, no, abstain and non-voting counts that year.
    #[serde(flatten)]
    pub tally: Tally,
}

/// A state's profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Index of the state in the dataset's countries.
    #[serde(skip)]
    pub country: usize,
    /// Overall record (counts, first and last vote).
    #[serde(flatten)]
    pub record: CountryRecord,
    /// UN regional groups.
    pub groups: Vec<String>,
    /// Former states it succeeded (ISO-3 codes).
    pub predecessors: Vec<String>,
    /// The state that succeeded it, for a former state.
    pub successor: Option<String>,
    /// Record per calendar year with a roll call while a member.
    pub years: Vec<YearRecord>,
    /// Votes (yes or no) on the side that carried more yes-or-no votes.
    pub with_majority: u32,
    /// Votes (yes or no) on the other side.
    pub against_majority: u32,
    /// Roll calls on which it was on the losing side of the widest margins, widest first.
    #[serde(skip)]
    pub isolated: Vec<usize>,
}

/// Computes the profile of the state at `country`.
pub fn profile(data: &Dataset, country: usize) -> Profile {
    let Some(c) = data.countries.get(country) else {
        return Profile::default();
    };
    let mut p = Profile {
        country,
        record: country_record(data, country),
        groups: c.groups.clone(),
        predecessors: data
            .countries
            .iter()
            .filter(|o| o.successor == c.code)
            .map(|o| o.code.clone())
            .collect(),
        successor: Some(c.successor.clone()).filter(|s| !s.is_empty()),
        ..Profile::default()
    };
    let mut losing: Vec<(u32, usize)> = Vec::new();
    for (i, rc) in data.roll_calls.iter().enumerate() {
        let Some(&code) = rc.votes.as_bytes().get(country) else {
            continue;
        };
        if code == NOT_MEMBER || !rc.counts() {
            continue;
        }
        let Some(vote) = Vote::from_code(code) else {
            continue;
        };
        if let Some(year) = rc.year() {
            if p.years.last().is_none_or(|y| y.year != year) {
                p.years.push(YearRecord {
                    year,
                    tally: Tally::default(),
                });
            }
            if let Some(y) = p.years.last_mut() {
                y.tally.add(vote);
            }
        }
        let t = data.tally(i);
        let majority = match t.yes.cmp(&t.no) {
            std::cmp::Ordering::Greater => Vote::Yes,
            std::cmp::Ordering::Less => Vote::No,
            std::cmp::Ordering::Equal => continue,
        };
        match vote {
            v if v == majority => p.with_majority += 1,
            Vote::Yes | Vote::No => {
                p.against_majority += 1;
                losing.push((t.yes.abs_diff(t.no), i));
            }
            Vote::Abstain | Vote::NonVoting => {}
        }
    }
    losing.sort_by(|a, b| b.cmp(a));
    p.isolated = losing.into_iter().take(ISOLATED).map(|(_, i)| i).collect();
    p
}
