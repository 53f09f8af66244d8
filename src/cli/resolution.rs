//! `unvote-tui resolution SYMBOL`: title, date, session, tally and every state's vote.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::output::{Format, csv, json, wrapped_list};
use crate::data::groups::Groups;
use crate::data::model::Precision;
use crate::data::present::Check;
use crate::data::resolution_search::ResolutionIndex;
use crate::data::table;
use crate::data::text::{clean, truncate};
use crate::data::{Dataset, Tally, Vote};

#[derive(Serialize)]
struct ResolutionJson<'a> {
    symbol: &'a str,
    id: &'a str,
    date: &'a str,
    date_precision: &'static str,
    session: &'a str,
    title: &'a str,
    kind: &'static str,
    quality: Option<&'a str>,
    meeting: Option<&'a str>,
    draft: Option<&'a str>,
    undl_symbol: Option<&'a str>,
    undl_id: Option<&'a str>,
    document_url: Option<String>,
    library_url: Option<String>,
    meeting_url: Option<String>,
    tally: Tally,
    groups: Vec<GroupJson>,
    votes: Vec<VoteJson<'a>>,
}

#[derive(Serialize)]
struct GroupJson {
    group: String,
    yes: u32,
    no: u32,
    abstain: u32,
    non_voting: u32,
}

#[derive(Serialize)]
struct VoteJson<'a> {
    code: &'a str,
    name: std::borrow::Cow<'a, str>,
    vote: &'static str,
}

/// Resolves a symbol or id to a roll call (the vote on the whole resolution where there are
/// several), or fails with the closest matches.
pub fn find(data: &Dataset, query: &str) -> Result<(usize, Vec<usize>)> {
    let all = data.find_roll_calls(query);
    if let Some(main) = data.main_roll_call(&all) {
        return Ok((main, all));
    }
    let hits = ResolutionIndex::new(&data.roll_calls).search(data, query);
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
pub fn run<'a>(
    data: &'a Dataset,
    query: &str,
    group_files: &[std::path::PathBuf],
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let (index, all) = find(data, query)?;
    let rc = &data.roll_calls[index];
    let tally = data.tally(index);
    let groups = Groups::with_files(data, group_files)?;
    if format == Format::Csv {
        return csv(out, &table::roll(data, &groups, index));
    }
    let split = groups.split(data, index);
    if format == Format::Json {
        let votes = rc
            .votes
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| Vote::from_code(b).map(|v| (i, v)))
            .map(|(i, v)| VoteJson {
                code: &data.countries[i].code,
                name: data.name_in(i, rc),
                vote: v.key(),
            })
            .collect();
        let some = |s: &'a str| Some(s).filter(|s| !s.is_empty());
        let doc = ResolutionJson {
            symbol: &rc.symbol,
            id: &rc.id,
            date: &rc.date,
            date_precision: rc.date_precision.key(),
            session: &rc.session,
            title: &rc.title,
            kind: rc.kind.key(),
            quality: some(&rc.quality),
            meeting: some(&rc.meeting),
            draft: some(&rc.draft),
            undl_symbol: some(&rc.undl_symbol),
            undl_id: some(&rc.undl_id),
            document_url: rc.document_url(),
            library_url: rc.library_url(),
            meeting_url: rc.meeting_url(),
            tally,
            groups: split
                .iter()
                .map(|(group, t)| GroupJson {
                    group: group.clone(),
                    yes: t.yes,
                    no: t.no,
                    abstain: t.abstain,
                    non_voting: t.non_voting,
                })
                .collect(),
            votes,
        };
        return json(out, &doc);
    }
    writeln!(
        out,
        "{} — {}",
        clean(rc.label()),
        clean(&truncate(rc.title_or_note(), 300))
    )?;
    let date = match rc.date_precision {
        Precision::Month => format!("{} (the day is not known)", rc.shown_date()),
        Precision::Day => rc.shown_date().to_string(),
    };
    writeln!(
        out,
        "Date: {date}   Session: {}   Roll call: {}",
        clean(&rc.session),
        clean(&rc.id)
    )?;
    let mut facts = vec![format!("Vote on: {}", rc.kind.label())];
    if !rc.meeting.is_empty() {
        facts.push(format!("Meeting: {}", clean(&rc.meeting)));
    }
    if !rc.draft.is_empty() {
        facts.push(format!("Draft: {}", clean(&rc.draft)));
    }
    if let Some(library) = rc.library_symbol() {
        facts.push(format!("UN Library symbol: {}", clean(library)));
    }
    writeln!(out, "{}", facts.join("   "))?;
    // Links each on a line of its own, never wrapped, so that a terminal makes them clickable.
    for (what, url) in rc.links() {
        writeln!(out, "{what}: {url}")?;
    }
    if let Some(flag) = rc.flag() {
        writeln!(
            out,
            "Flag: {} — left out of every statistic",
            clean(&flag.label())
        )?;
    }
    write!(
        out,
        "Tally: {} yes, {} no, {} abstain, {} non-voting",
        tally.yes, tally.no, tally.abstain, tally.non_voting
    )?;
    match Check::of(rc.stated, &tally) {
        Check::NoneStated => writeln!(out)?,
        check => writeln!(out, " ({check})")?,
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
            let mut what = o.kind.key().to_string();
            if let Some(flag) = o.flag() {
                what = format!("{what}, {}", flag.label());
            }
            if let Some(library) = o.library_symbol() {
                what = format!("{what} {}", clean(library));
            }
            writeln!(
                out,
                "  {:<8} {:<10} {:<11} {:<12} {}",
                clean(&o.id),
                o.shown_date(),
                t.to_string(),
                what,
                truncate(&title, 56)
            )?;
        }
    }
    writeln!(
        out,
        "\nBy group (yes-no-abstain, non-voting; EU and P5 as on the day, regional groups by \
         today's lists):"
    )?;
    let cells: Vec<String> = split
        .iter()
        .map(|(g, t)| format!("{} {} ({})", clean(g), t, t.non_voting))
        .collect();
    wrapped_list(out, &cells, 2, 100)?;
    for vote in Vote::ALL {
        let names: Vec<String> = data
            .voters(index, vote)
            .iter()
            .map(|&i| data.name_in(i, rc).into_owned())
            .collect();
        writeln!(out, "\n{} ({}):", vote.label(), names.len())?;
        wrapped_list(out, &names, 2, 100)?;
    }
    Ok(())
}
