//! `unvote-tui country QUERY`: ranked fuzzy matches and the best match's voting record.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::output::json;
use crate::data::Dataset;
use crate::data::country_search::CountrySearch;
use crate::data::model::long_date;
use crate::data::record::{CountryRecord, country_record};
use crate::data::text::clean;

#[derive(Serialize)]
struct MatchJson<'a> {
    code: &'a str,
    name: &'a str,
    matched: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    remark: Option<&'a str>,
    score: i64,
}

#[derive(Serialize)]
struct CountryJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    matches: Vec<MatchJson<'a>>,
    record: CountryRecord,
}

/// How many matches are listed.
const SHOWN: usize = 10;

/// Prints the matches and the best match's record.
pub fn run(data: &Dataset, query: &str, as_json: bool, out: &mut dyn Write) -> Result<()> {
    let search = CountrySearch::for_dataset(data);
    let matches = search.search(query);
    let note = search.non_member(query).map(|n| n.non_member_note());
    let Some(best) = matches.first() else {
        match note {
            Some(note) => bail!("{}", clean(&note)),
            None => bail!("no country matches {:?}", clean(query)),
        }
    };
    let record = country_record(data, best.index);
    if as_json {
        let matches = matches
            .iter()
            .take(SHOWN)
            .map(|m| MatchJson {
                code: &data.countries[m.index].code,
                name: &data.countries[m.index].name,
                matched: &m.matched,
                remark: m.remark.as_deref(),
                score: m.score,
            })
            .collect();
        return json(
            out,
            &CountryJson {
                note,
                matches,
                record,
            },
        );
    }
    if let Some(note) = &note {
        writeln!(out, "{}", clean(note))?;
    }
    writeln!(out, "Matches for {:?}:", clean(query))?;
    for m in matches.iter().take(SHOWN) {
        let c = &data.countries[m.index];
        let remark = m
            .remark
            .as_ref()
            .map(|r| format!(" ({})", clean(r)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:>6}  {}  {:<28} matched {:?}{remark}",
            m.score,
            c.code,
            clean(&c.name),
            clean(&m.matched)
        )?;
    }
    let c = &data.countries[best.index];
    writeln!(out, "\n{} ({})", clean(&c.name), c.code)?;
    if !c.official_name.is_empty() {
        writeln!(out, "Official name: {}", clean(&c.official_name))?;
    }
    if !c.groups.is_empty() {
        writeln!(out, "UN regional group: {}", clean(&c.groups.join(", ")))?;
    }
    if !c.successor.is_empty() {
        writeln!(out, "Former state; successor: {}", clean(&c.successor))?;
    }
    let t = record.tally;
    writeln!(out, "Roll calls as a member: {}", record.roll_calls)?;
    writeln!(
        out,
        "Yes {}  No {}  Abstain {}  Non-voting {}",
        t.yes, t.no, t.abstain, t.non_voting
    )?;
    if let (Some(first), Some(last)) = (&record.first_vote, &record.last_vote) {
        writeln!(
            out,
            "First vote {}, last vote {}",
            long_date(first),
            long_date(last)
        )?;
    }
    if record.left_out > 0 {
        writeln!(
            out,
            "Left out: {} flagged roll calls (incomplete records or duplicates)",
            record.left_out
        )?;
    }
    Ok(())
}
