//! `unvote-tui series SYMBOL|QUERY`: a recurring resolution year by year (see `data::series`),
//! a state's vote on each with `--country`, and every state that changed its vote from one
//! year's text to the next.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::agreement::find_country;
use super::output::{Format, csv, json};
use crate::data::model::vote_key;
use crate::data::resolution_search::ResolutionIndex;
use crate::data::series::{Change, SeriesIndex, changes, find, summary, switchers};
use crate::data::table;
use crate::data::text::{clean, truncate};
use crate::data::{Dataset, Tally};

#[derive(Serialize)]
struct SeriesJson<'a> {
    title: &'a str,
    missing_sessions: Vec<u32>,
    roll_calls: Vec<ItemJson<'a>>,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    symbol: &'a str,
    date: &'a str,
    session: &'a str,
    tally: Tally,
    #[serde(skip_serializing_if = "Option::is_none")]
    vote: Option<&'static str>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    symbol: &'a str,
    date: &'a str,
    code: &'a str,
    name: String,
    from: &'static str,
    to: &'static str,
}

/// Prints the series a symbol or words name.
pub fn run(
    data: &Dataset,
    query: &str,
    country: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let country = country.map(|c| find_country(data, c)).transpose()?;
    let index = SeriesIndex::new(data);
    let (seed, series) = find(data, &index, &ResolutionIndex::new(&data.roll_calls), query)?;
    let all = changes(data, &series);
    if format == Format::Csv {
        return csv(out, &table::series(data, &series, &all, country));
    }
    let vote_of = |i: usize| country.map(|c| vote_key(data.roll_calls[i].vote_of(c)));
    let title = &data.roll_calls[seed].title;
    if format == Format::Json {
        let change = |c: &Change| {
            let rc = &data.roll_calls[c.roll_call];
            ChangeJson {
                symbol: rc.label(),
                date: rc.shown_date(),
                code: &data.countries[c.country].code,
                name: clean(&data.name_in(c.country, rc)).into_owned(),
                from: c.from.key(),
                to: c.to.key(),
            }
        };
        let doc = SeriesJson {
            title,
            missing_sessions: crate::data::series::missing_sessions(data, &series),
            roll_calls: series
                .iter()
                .map(|&i| {
                    let rc = &data.roll_calls[i];
                    ItemJson {
                        symbol: rc.label(),
                        date: rc.shown_date(),
                        session: &rc.session,
                        tally: data.tally(i),
                        vote: vote_of(i),
                    }
                })
                .collect(),
            changes: all.iter().map(change).collect(),
        };
        return json(out, &doc);
    }
    writeln!(out, "{}", clean(&truncate(title, 300)))?;
    writeln!(out, "{}", summary(data, &series, &all))?;
    let who = country.map_or(String::new(), |c| {
        format!(" {:<10}", data.countries[c].code)
    });
    writeln!(
        out,
        "\n  {:<10}  {:<16} {:>12}{who}  {:>9}",
        "Date", "Symbol", "Tally", "Switchers"
    )?;
    let counts = switchers(&series, &all);
    for (row, &i) in series.iter().enumerate() {
        let rc = &data.roll_calls[i];
        let switched = counts.get(row).copied().unwrap_or(0);
        let vote = vote_of(i).map_or(String::new(), |v| format!(" {v:<10}"));
        writeln!(
            out,
            "  {:<10}  {:<16} {:>12}{vote}  {switched:>9}",
            rc.shown_date(),
            clean(rc.label()),
            data.tally(i).to_string(),
        )?;
    }
    if !all.is_empty() {
        writeln!(out, "\nChanges (from the previous vote of the series):")?;
    }
    for &i in &series {
        let here: Vec<&Change> = all.iter().filter(|c| c.roll_call == i).collect();
        if here.is_empty() {
            continue;
        }
        let rc = &data.roll_calls[i];
        let names: Vec<String> = here
            .iter()
            .map(|c| {
                format!(
                    "{} {} → {}",
                    data.countries[c.country].code,
                    c.from.key(),
                    c.to.key()
                )
            })
            .collect();
        writeln!(
            out,
            "  {} {}: {}",
            rc.shown_date(),
            clean(rc.label()),
            names.join(", ")
        )?;
    }
    Ok(())
}
