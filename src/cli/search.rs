//! `unvote-tui search QUERY`: roll calls ranked by symbol and title words, narrowed by `year:`,
//! `session:` or a bare year.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::agreement::find_country;
use super::output::{Format, csv, json};
use crate::data::model::vote_key;
use crate::data::resolution_search::{ResolutionIndex, vote_term};
use crate::data::table;
use crate::data::text::{clean, truncate};
use crate::data::{Dataset, Tally};

#[derive(Serialize)]
struct HitJson<'a> {
    id: &'a str,
    symbol: &'a str,
    date: &'a str,
    date_precision: &'static str,
    session: &'a str,
    title: &'a str,
    kind: &'static str,
    quality: Option<&'a str>,
    tally: Tally,
    #[serde(skip_serializing_if = "Option::is_none")]
    vote: Option<&'static str>,
    score: f64,
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    total: usize,
    results: Vec<HitJson<'a>>,
}

/// Prints the best `limit` roll calls for `query`.
pub fn run(
    data: &Dataset,
    query: &str,
    limit: usize,
    country: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let country = country.map(|c| find_country(data, c)).transpose()?;
    let vote_of = |i: usize| country.map(|c| vote_key(data.roll_calls[i].vote_of(c)));
    // `vote:no` keeps the roll calls where the `--country` state voted so, as in the explorer.
    let (words, vote) = vote_term(query);
    let vote = vote.map_err(anyhow::Error::msg)?;
    if vote.is_some() && country.is_none() {
        anyhow::bail!(
            "vote:{} needs --country STATE",
            query
                .split("vote:")
                .nth(1)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("")
        );
    }
    // `vote:no` alone: every roll call, newest first, then narrowed by the vote.
    let mut hits = if words.trim().is_empty() && vote.is_some() {
        (0..data.roll_calls.len())
            .rev()
            .map(|index| crate::data::resolution_search::Hit { index, score: 0.0 })
            .collect()
    } else {
        ResolutionIndex::new(&data.roll_calls).search(data, &words)
    };
    if let (Some(v), Some(c)) = (vote, country) {
        hits.retain(|h| data.roll_calls[h.index].vote_of(c) == Some(v));
    }
    if format == Format::Csv {
        let shown: Vec<usize> = hits.iter().take(limit).map(|h| h.index).collect();
        return csv(out, &table::roll_calls(data, &shown, country));
    }
    if format == Format::Json {
        let results = hits
            .iter()
            .take(limit)
            .map(|h| {
                let rc = &data.roll_calls[h.index];
                HitJson {
                    id: &rc.id,
                    symbol: &rc.symbol,
                    date: &rc.date,
                    date_precision: rc.date_precision.key(),
                    session: &rc.session,
                    title: &rc.title,
                    kind: rc.kind.key(),
                    quality: Some(rc.quality.as_str()).filter(|q| !q.is_empty()),
                    tally: data.tally(h.index),
                    vote: vote_of(h.index),
                    score: (f64::from(h.score) * 1000.0).round() / 1000.0,
                }
            })
            .collect();
        return json(
            out,
            &SearchJson {
                query,
                total: hits.len(),
                results,
            },
        );
    }
    writeln!(
        out,
        "{} {} {:?}; showing {}",
        hits.len(),
        if hits.len() == 1 {
            "roll call matches"
        } else {
            "roll calls match"
        },
        clean(query),
        hits.len().min(limit)
    )?;
    for h in hits.iter().take(limit) {
        let rc = &data.roll_calls[h.index];
        let t = data.tally(h.index);
        let title = clean(&rc.title).into_owned();
        let tag = rc.tag();
        let title = if tag.is_empty() {
            title
        } else {
            format!("[{tag}] {title}")
        };
        let vote = vote_of(h.index).map_or(String::new(), |v| format!("{v:<11}"));
        writeln!(
            out,
            "{:<10}  {:<18} {:>11}  {vote}{}",
            rc.shown_date(),
            clean(rc.label()),
            t.to_string(),
            truncate(&title, 80)
        )?;
    }
    Ok(())
}
