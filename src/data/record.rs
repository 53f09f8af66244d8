//! A state's overall voting record: how often it voted each way, and its first and last vote.
//! Flagged roll calls (incomplete records, duplicates) are left out and counted as such.

use serde::Serialize;

use super::dataset::Dataset;
use super::model::{NOT_MEMBER, Tally};

/// The record of one country over every roll call of the dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CountryRecord {
    /// ISO-3 code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Counts of yes, no, abstain and non-voting.
    #[serde(flatten)]
    pub tally: Tally,
    /// Roll calls held while a member, flagged ones (see `left_out`) not counted.
    pub roll_calls: u32,
    /// Date of the first roll call as a member (`1946-01` when only the month is known).
    pub first_vote: Option<String>,
    /// Date of the last roll call as a member (`1946-01` when only the month is known).
    pub last_vote: Option<String>,
    /// Flagged roll calls (incomplete records, duplicates) held while a member and left out.
    pub left_out: u32,
}

/// Computes the record of the country at `country` (an index into the dataset's countries).
pub fn country_record(data: &Dataset, country: usize) -> CountryRecord {
    let mut rec = CountryRecord::default();
    if let Some(c) = data.countries.get(country) {
        rec.code = c.code.clone();
        rec.name = c.name.clone();
    }
    for rc in &data.roll_calls {
        let Some(&b) = rc.votes.as_bytes().get(country) else {
            continue;
        };
        if b == NOT_MEMBER {
            continue;
        }
        if !rc.counts() {
            rec.left_out += 1;
            continue;
        }
        if let Some(vote) = super::model::Vote::from_code(b) {
            rec.tally.add(vote);
        }
        rec.roll_calls += 1;
        if rec.first_vote.is_none() {
            rec.first_vote = Some(rc.shown_date().to_string());
        }
        rec.last_vote = Some(rc.shown_date().to_string());
    }
    rec
}
