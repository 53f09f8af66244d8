//! `unvote-tui key-votes PIVOT`: for a period, the votes on which the pivot stood in a small
//! minority, the closest final votes, and the votes on which the permanent members split.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::agreement::find_country;
use super::output::{Format, RollCallItem, csv, json};
use crate::data::Dataset;
use crate::data::groups::Groups;
use crate::data::key_votes::{SMALL_MINORITY, key_votes};
use crate::data::period::Period;
use crate::data::table;
use crate::data::text::{clean, left_out};

#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    roll_call: RollCallItem<'a>,
    pivot_vote: &'static str,
}

#[derive(Serialize)]
struct KeyVotesJson<'a> {
    pivot: &'a str,
    from: &'a str,
    to: &'a str,
    left_out: usize,
    small_minority: Vec<Item<'a>>,
    closest: Vec<Item<'a>>,
    p5_splits: Vec<Item<'a>>,
}

/// Prints the three lists for the pivot a query names.
pub fn run(
    data: &Dataset,
    pivot: &str,
    period: &Period,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let pivot = find_country(data, pivot)?;
    let k = key_votes(data, &Groups::new(data), pivot, period);
    if format == Format::Csv {
        return csv(out, &table::key_votes(data, &k, pivot));
    }
    let item = |&i: &usize| Item {
        roll_call: RollCallItem::new(data, i),
        pivot_vote: data.roll_calls[i].vote_of(pivot).map_or("", |v| v.label()),
    };
    let lists = [
        (
            format!(
                "In a small minority (at most {SMALL_MINORITY} % of the votes cast on its side)"
            ),
            &k.pivot_minority,
        ),
        ("Closest margins (final votes)".to_string(), &k.closest),
        ("Permanent members split".to_string(), &k.p5_splits),
    ];
    let p = &data.countries[pivot];
    if format == Format::Json {
        let [a, b, c] = lists.map(|(_, v)| v.iter().map(item).collect::<Vec<_>>());
        return json(
            out,
            &KeyVotesJson {
                pivot: &p.code,
                from: &period.from,
                to: &period.to,
                left_out: k.left_out,
                small_minority: a,
                closest: b,
                p5_splits: c,
            },
        );
    }
    writeln!(
        out,
        "Key votes for {} ({}) · {period}{}",
        clean(&p.name),
        p.code,
        left_out(k.left_out)
    )?;
    for (heading, list) in &lists {
        writeln!(out, "\n{heading}: {}", list.len())?;
        for v in list.iter().map(item) {
            let votes = format!("{} {:<8}", p.code, v.pivot_vote);
            writeln!(out, "{}", v.roll_call.line(&votes))?;
        }
    }
    Ok(())
}
