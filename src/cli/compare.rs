//! `unvote-tui compare A B`: two states' agreement over a period with the table of vote pairs,
//! agreement by year and by issue, and the votes on which they stood on opposite sides.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::agreement::{Options, Row, find_country};
use super::output::{Format, RollCallItem, csv, json};
use crate::data::Dataset;
use crate::data::agreement::{Method, Score};
use crate::data::compare::compare;
use crate::data::model::Vote;
use crate::data::present::{Summary, few_votes_warning};
use crate::data::table;
use crate::data::text::{clean, percent, truncate};

#[derive(Serialize)]
struct State<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Tagged {
    tag: String,
    counted: u32,
    percent: Option<f64>,
}

#[derive(Serialize)]
struct Divergent<'a> {
    #[serde(flatten)]
    roll_call: RollCallItem<'a>,
    a: &'static str,
    b: &'static str,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    a: State<'a>,
    b: State<'a>,
    method: Method,
    formula: &'a str,
    from: &'a str,
    to: &'a str,
    votes: usize,
    left_out: usize,
    #[serde(flatten)]
    score: Row<'a>,
    few_votes: bool,
    /// `pairs[a's vote][b's vote]`, votes in the order yes, no, abstain, non-voting.
    pairs: [[u32; 4]; 4],
    by_year: Vec<Tagged>,
    by_tag: Vec<Tagged>,
    divergent: Vec<Divergent<'a>>,
}

/// Prints two states' agreement with its table of vote pairs, by year, by issue, and the votes
/// on which they stood on opposite sides.
pub fn run(data: &Dataset, a: &str, b: &str, opts: &Options, out: &mut dyn Write) -> Result<()> {
    let (a, b) = (find_country(data, a)?, find_country(data, b)?);
    if a == b {
        bail!(
            "compare needs two different states ({} twice)",
            data.countries[a].code
        );
    }
    let period = opts.period()?;
    let c = compare(data, a, b, opts.method, &period);
    let (ca, cb) = (&data.countries[a], &data.countries[b]);
    let vote_name = |code: u8| Vote::from_code(code).map_or("", |v| v.label());
    let divergent = c.divergent.iter().map(|&i| {
        let v = data.roll_calls[i].votes.as_bytes();
        Divergent {
            roll_call: RollCallItem::new(data, i),
            a: vote_name(v.get(a).copied().unwrap_or(b'.')),
            b: vote_name(v.get(b).copied().unwrap_or(b'.')),
        }
    });
    if opts.format == Format::Csv {
        return csv(out, &table::divergent(data, &c));
    }
    if opts.format == Format::Json {
        let tagged = |(tag, s): &(String, Score)| Tagged {
            tag: tag.clone(),
            counted: s.counted,
            percent: s.percent,
        };
        return json(
            out,
            &CompareJson {
                a: State {
                    code: &ca.code,
                    name: &ca.name,
                },
                b: State {
                    code: &cb.code,
                    name: &cb.name,
                },
                method: opts.method,
                formula: opts.method.formula(),
                from: &period.from,
                to: &period.to,
                votes: c.votes,
                left_out: c.left_out,
                score: Row::new(data, b, &c.score),
                few_votes: c.score.few(),
                pairs: c.pairs.m,
                by_year: c
                    .by_year
                    .iter()
                    .map(|(y, s)| tagged(&(y.to_string(), *s)))
                    .collect(),
                by_tag: c.by_tag.iter().map(tagged).collect(),
                divergent: divergent.collect(),
            },
        );
    }
    let s = &c.score;
    writeln!(
        out,
        "{} ({}) and {} ({}) · {period} · {}",
        clean(&ca.name),
        ca.code,
        clean(&cb.name),
        cb.code,
        opts.method
    )?;
    writeln!(out, "Method: {}", opts.method.formula())?;
    let summary = Summary {
        score: s,
        left_out: c.left_out,
    };
    writeln!(out, "{summary}")?;
    if c.pairs.total() == 0 {
        writeln!(
            out,
            "They never held seats on the same counted roll call in this period."
        )?;
        return Ok(());
    }
    if let Some(warning) = few_votes_warning(s) {
        writeln!(out, "Warning: {warning}.")?;
    }
    writeln!(out, "\nVote pairs ({} down, {} across):", ca.code, cb.code)?;
    writeln!(
        out,
        "{:>12} {:>8} {:>8} {:>8} {:>8}",
        "", "Yes", "No", "Abstain", "Absent"
    )?;
    for (label, row) in ["Yes", "No", "Abstain", "Absent"]
        .iter()
        .zip(c.pairs.m.iter())
    {
        writeln!(
            out,
            "{label:>12} {:>8} {:>8} {:>8} {:>8}",
            row[0], row[1], row[2], row[3]
        )?;
    }
    writeln!(out, "\nBy year:")?;
    for (year, s) in &c.by_year {
        writeln!(
            out,
            "  {year}  {:>8}  ({} votes)",
            percent(s.percent),
            s.counted
        )?;
    }
    if !c.by_tag.is_empty() {
        writeln!(out, "\nBy issue:")?;
        for (tag, s) in &c.by_tag {
            writeln!(
                out,
                "  {:<40} {:>8}  ({} votes)",
                truncate(&clean(tag), 40),
                percent(s.percent),
                s.counted
            )?;
        }
    }
    writeln!(out, "\nOpposite votes, most contested first:")?;
    for d in divergent.take(15) {
        let votes = format!("{} {}, {} {}", ca.code, d.a, cb.code, d.b);
        writeln!(out, "{}", d.roll_call.line(&votes))?;
    }
    Ok(())
}
