//! Assembling a dataset from row-oriented sources (the canonical CSVs, the UN Library CSV): a
//! country table, roll calls created as they are met, and one vote set per (roll call, country)
//! with duplicates refused.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::dataset::Dataset;
use super::model::{Country, NOT_MEMBER, RollCall, Vote};
use super::text::fold;

/// The most roll calls a dataset may hold: ten times the whole recorded history.
pub const MAX_ROLL_CALLS: usize = 100_000;

/// The most text (titles, descriptions, agenda items, notes, subjects) all roll calls may carry
/// together: about fifty times the whole recorded history's.
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// A dataset under construction.
#[derive(Debug, Default)]
pub struct Builder {
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    roll_calls: Vec<RollCall>,
    votes: Vec<Vec<u8>>,
    by_id: HashMap<String, usize>,
    text_bytes: usize,
}

impl Builder {
    /// Starts from a country table; every vote must name one of these countries.
    pub fn new(countries: Vec<Country>) -> Builder {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        for (i, c) in countries.iter().enumerate() {
            by_code.insert(c.code.clone(), i);
            for name in [&c.name, &c.official_name, &c.un_name]
                .into_iter()
                .chain(&c.aliases)
            {
                if !name.is_empty() {
                    by_name.entry(fold(name)).or_insert(i);
                }
            }
        }
        Builder {
            countries,
            by_code,
            by_name,
            ..Builder::default()
        }
    }

    /// Whether a country table was given.
    pub fn has_countries(&self) -> bool {
        !self.countries.is_empty()
    }

    /// The index of a country by code, or failing that by any of its names.
    pub fn country(&self, code: &str, name: &str) -> Option<usize> {
        self.by_code
            .get(code)
            .copied()
            .or_else(|| self.by_name.get(&fold(name)).copied())
    }

    /// The index of the roll call with `id`, if it was added.
    pub fn roll_call(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Adds a roll call; an id already present is an error, and so is one more than
    /// [`MAX_ROLL_CALLS`].
    pub fn add_roll_call(&mut self, rc: RollCall) -> Result<usize> {
        if self.by_id.contains_key(rc.id.as_str()) {
            bail!("roll call {} is listed twice", rc.id);
        }
        if self.roll_calls.len() >= MAX_ROLL_CALLS {
            bail!("more than {MAX_ROLL_CALLS} roll calls; not a file this program reads");
        }
        self.text_bytes += [&rc.title, &rc.description, &rc.agenda, &rc.note]
            .iter()
            .map(|s| s.len())
            .chain(rc.subjects.iter().map(|s| s.len()))
            .sum::<usize>();
        if self.text_bytes > MAX_TEXT_BYTES {
            bail!(
                "more than {} MiB of titles and descriptions; not a file this program reads",
                MAX_TEXT_BYTES >> 20
            );
        }
        let i = self.roll_calls.len();
        self.by_id.insert(rc.id.to_string(), i);
        self.roll_calls.push(rc);
        self.votes.push(vec![NOT_MEMBER; self.countries.len()]);
        Ok(i)
    }

    /// Records one vote; a second vote of the same country on the same roll call is an error.
    pub fn set_vote(&mut self, roll_call: usize, country: usize, vote: Vote) -> Result<()> {
        let Some(slot) = self
            .votes
            .get_mut(roll_call)
            .and_then(|v| v.get_mut(country))
        else {
            bail!("vote out of range");
        };
        if *slot != NOT_MEMBER {
            let id = &self.roll_calls[roll_call].id;
            let code = &self.countries[country].code;
            bail!("duplicate vote of {code} on roll call {id}");
        }
        *slot = vote.code();
        Ok(())
    }

    /// Checks and indexes the result.
    pub fn finish(mut self, attribution: String) -> Result<Dataset> {
        for (rc, votes) in self.roll_calls.iter_mut().zip(self.votes) {
            rc.votes = String::from_utf8(votes)?.into();
        }
        Dataset::new(self.countries, self.roll_calls, attribution)
    }
}
