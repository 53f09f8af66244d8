//! `unvote-tui resolution SYMBOL`: title, date, session, tally and every state's vote.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::output::{json, wrapped_list};
use crate::data::resolution_search::ResolutionIndex;
use crate::data::text::{clean, truncate};
use crate::data::{Dataset, Tally, Vote};

#[derive(Serialize)]
struct ResolutionJson<'a> {
    symbol: &'a str,
    id: &'a str,
    date: &'a str,
    session: &'a str,
    title: &'a str,
    tally: Tally,
    votes: Vec<VoteJson<'a>>,
}

#[derive(Serialize)]
struct VoteJson<'a> {
    code: &'a str,
    name: &'a str,
    vote: &'static str,
}

/// Resolves a symbol or id to a roll call (the vote on the whole resolution where there are
/// several), or fails with the closest matches.
pub fn find(data: &Dataset, query: &str) -> Result<(usize, Vec<usize>)> {
    let all = data.find_roll_calls(query);
    if let Some(main) = data.main_roll_call(&all) {
        return Ok((main, all));
    }
    let hits = ResolutionIndex::new(&data.roll_calls).search(query);
    let near: Vec<&str> = hits
        .iter()
        .take(5)
        .map(|h| data.roll_calls[h.index].label())
        .collect();
    if near.is_empty() {
        bail!("no roll call with symbol or id {:?}", clean(query));
    }
    bail!(
        "no roll call with symbol or id {:?}; did you mean {}?",
        clean(query),
        near.join(", ")
    )
}

/// Prints one roll call.
pub fn run(data: &Dataset, query: &str, as_json: bool, out: &mut dyn Write) -> Result<()> {
    let (index, all) = find(data, query)?;
    let rc = &data.roll_calls[index];
    let tally = data.tally(index);
    if as_json {
        let votes = rc
            .votes
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| Vote::from_code(b).map(|v| (i, v)))
            .map(|(i, v)| VoteJson {
                code: &data.countries[i].code,
                name: &data.countries[i].name,
                vote: v.key(),
            })
            .collect();
        let doc = ResolutionJson {
            symbol: &rc.symbol,
            id: &rc.id,
            date: &rc.date,
            session: &rc.session,
            title: &rc.title,
            tally,
            votes,
        };
        return json(out, &doc);
    }
    writeln!(
        out,
        "{} — {}",
        clean(rc.label()),
        clean(&truncate(&rc.title, 300))
    )?;
    writeln!(
        out,
        "Date: {}   Session: {}   Roll call: {}",
        rc.date,
        clean(&rc.session),
        clean(&rc.id)
    )?;
    write!(
        out,
        "Tally: {} yes, {} no, {} abstain, {} non-voting",
        tally.yes, tally.no, tally.abstain, tally.non_voting
    )?;
    match rc.stated {
        Some(s) if s.agrees_with(&tally) => writeln!(out, " (agrees with the stated totals)")?,
        Some(s) => writeln!(out, " (the source states {}-{}-{})", s.yes, s.no, s.abstain)?,
        None => writeln!(out)?,
    }
    if !rc.note.is_empty() {
        writeln!(out, "Note: {}", clean(&rc.note))?;
    }
    let others: Vec<&usize> = all.iter().filter(|&&i| i != index).collect();
    if !others.is_empty() {
        writeln!(out, "Other roll calls under this symbol:")?;
        for &i in others {
            let o = &data.roll_calls[i];
            let t = data.tally(i);
            let title = clean(&o.title).into_owned();
            writeln!(
                out,
                "  {:<8} {} {}-{}-{}  {}",
                o.id,
                o.date,
                t.yes,
                t.no,
                t.abstain,
                truncate(&title, 60)
            )?;
        }
    }
    for vote in Vote::ALL {
        let names: Vec<String> = data
            .voters(index, vote)
            .iter()
            .map(|&i| data.countries[i].name.clone())
            .collect();
        writeln!(out, "\n{} ({}):", vote.label(), names.len())?;
        wrapped_list(out, &names, 2, 100)?;
    }
    Ok(())
}
