//! What `unvote-tui compare` and `unvote-tui align` share: the period and method options, finding
//! a state by a loose name, and one state's counts as a JSON row.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::data::Dataset;
use crate::data::agreement::{Method, Score};
use crate::data::country_search::CountrySearch;
use crate::data::period::Period;
use crate::data::text::clean;

/// What `compare` and `align` share: the period, the method and the output form.
#[derive(Debug, Clone)]
pub struct Options {
    /// First day, `YYYY` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day (inclusive), `YYYY` or `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `state-dept`, `votes-only` or `voeten`.
    pub method: Method,
    /// How to print.
    pub format: super::output::Format,
}

impl Options {
    /// The period the two dates name.
    pub fn period(&self) -> Result<Period> {
        Period::parse(self.from.as_deref(), self.to.as_deref())
    }
}

/// Finds a state by a loose name or code — a name, code, start of a name or one with a few
/// typos, never letters scattered through a long name — or says which states come nearest.
pub fn find_country(data: &Dataset, query: &str) -> Result<usize> {
    // A state's own code needs no search (the search would rank it first).
    if let Some(i) = data.country_index(&query.trim().to_ascii_uppercase()) {
        return Ok(i);
    }
    let search = CountrySearch::for_dataset(data);
    let matches = search.search(query);
    match matches.first() {
        Some(m) if m.score >= CountrySearch::GOOD => Ok(m.index),
        Some(_) => {
            let near: Vec<String> = matches
                .iter()
                .take(5)
                .map(|m| data.countries[m.index].name.clone())
                .collect();
            bail!(
                "no state matches {:?} well; the nearest are {}",
                clean(query),
                clean(&near.join(", "))
            )
        }
        None => bail!("no country matches {:?}", clean(query)),
    }
}

/// One state's counts and figure, as both commands print them in JSON.
#[derive(Serialize)]
pub struct Row<'a> {
    /// ISO-3 code.
    pub code: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Same, opposite, partial, absent, counted, percent.
    #[serde(flatten)]
    pub score: Score,
}

impl<'a> Row<'a> {
    /// The row of a state with its score.
    pub fn new(data: &'a Dataset, country: usize, score: &Score) -> Row<'a> {
        let c = &data.countries[country];
        Row {
            code: &c.code,
            name: &c.name,
            score: *score,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_finds_the_state_the_search_ranks_first() {
        let data = crate::data::bundled::dataset().unwrap();
        let search = CountrySearch::for_dataset(&data);
        for (i, c) in data.countries.iter().enumerate() {
            for typed in [
                c.code.clone(),
                c.code.to_lowercase(),
                format!(" {} ", c.code),
            ] {
                assert_eq!(find_country(&data, &typed).unwrap(), i, "{typed}");
                assert_eq!(search.search(&typed)[0].index, i, "{typed}");
            }
        }
        assert_eq!(
            find_country(&data, "usa").unwrap(),
            data.country_index("USA").unwrap()
        );
    }
}
