//! `unvote-tui profile COUNTRY`: a state's record year by year, with and against the majority,
//! its membership span with former states and successors, its group and its most isolated votes.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::agreement::find_country;
use super::output::{Format, RollCallItem, csv, json};
use crate::data::Dataset;
use crate::data::model::long_date;
use crate::data::profile::{Profile, profile};
use crate::data::table;
use crate::data::text::clean;

#[derive(Serialize)]
struct Isolated<'a> {
    #[serde(flatten)]
    roll_call: RollCallItem<'a>,
    vote: &'static str,
}

#[derive(Serialize)]
struct ProfileJson<'a> {
    #[serde(flatten)]
    profile: &'a Profile,
    isolated: Vec<Isolated<'a>>,
}

/// Prints the profile of the state a query names.
pub fn run(data: &Dataset, query: &str, format: Format, out: &mut dyn Write) -> Result<()> {
    let country = find_country(data, query)?;
    let p = profile(data, country);
    if format == Format::Csv {
        return csv(out, &table::profile_years(&p));
    }
    let isolated = p.isolated.iter().map(|&i| Isolated {
        roll_call: RollCallItem::new(data, i),
        vote: data.roll_calls[i]
            .vote_of(country)
            .map_or("", |v| v.label()),
    });
    if format == Format::Json {
        let isolated = isolated.collect();
        return json(
            out,
            &ProfileJson {
                profile: &p,
                isolated,
            },
        );
    }
    let c = &data.countries[country];
    let r = &p.record;
    writeln!(out, "{} ({})", clean(&c.name), c.code)?;
    if let (Some(first), Some(last)) = (&r.first_vote, &r.last_vote) {
        writeln!(
            out,
            "Member votes {} – {}: {} roll calls",
            long_date(first),
            long_date(last),
            r.roll_calls
        )?;
    }
    if r.left_out > 0 {
        writeln!(
            out,
            "Left out: {} flagged roll calls (incomplete records or duplicates)",
            r.left_out
        )?;
    }
    if !p.groups.is_empty() {
        writeln!(out, "UN regional group: {}", clean(&p.groups.join(", ")))?;
    }
    let name = |code: &str| data.name_with_code(code);
    if let Some(s) = &p.successor {
        writeln!(out, "Former state; succeeded by {}", name(s))?;
    }
    if !p.predecessors.is_empty() {
        let names: Vec<String> = p.predecessors.iter().map(|c| name(c)).collect();
        writeln!(out, "Succeeded: {}", names.join(", "))?;
    }
    let t = r.tally;
    writeln!(
        out,
        "Yes {}  No {}  Abstain {}  Non-voting {}",
        t.yes, t.no, t.abstain, t.non_voting
    )?;
    let sided = p.with_majority + p.against_majority;
    if sided > 0 {
        writeln!(
            out,
            "With the majority {} times, against it {} times ({:.1} % of its yes/no votes with it)",
            p.with_majority,
            p.against_majority,
            100.0 * f64::from(p.with_majority) / f64::from(sided)
        )?;
    }
    writeln!(
        out,
        "\n{:>6} {:>6} {:>6} {:>8} {:>11}",
        "Year", "Yes %", "No %", "Abst. %", "Non-vot. %"
    )?;
    for y in &p.years {
        let n = f64::from(y.tally.members().max(1));
        let share = |k: u32| 100.0 * f64::from(k) / n;
        writeln!(
            out,
            "{:>6} {:>6.1} {:>6.1} {:>8.1} {:>11.1}",
            y.year,
            share(y.tally.yes),
            share(y.tally.no),
            share(y.tally.abstain),
            share(y.tally.non_voting)
        )?;
    }
    writeln!(
        out,
        "\nMost isolated votes (on the losing side of the widest margins):"
    )?;
    for v in isolated {
        writeln!(out, "{}", v.roll_call.line(&format!("voted {:<4}", v.vote)))?;
    }
    Ok(())
}
