//! `unvote-tui compare A B` and `unvote-tui align PIVOT`: agreement between two states, and every
//! state ranked by agreement with a pivot, under a named method over a period.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use serde::Serialize;

use super::output::json;
use crate::data::Dataset;
use crate::data::agreement::{Method, Score};
use crate::data::alignment::align;
use crate::data::compare::{FEW_VOTES, compare};
use crate::data::country_search::CountrySearch;
use crate::data::groups::Groups;
use crate::data::model::Vote;
use crate::data::period::Period;
use crate::data::text::{clean, truncate};

/// What `compare` and `align` share: the period, the method and the output form.
#[derive(Debug, Clone)]
pub struct Options {
    /// First day, `YYYY` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day (inclusive), `YYYY` or `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `state-dept`, `votes-only` or `voeten`.
    pub method: Method,
    /// Print JSON.
    pub json: bool,
}

impl Options {
    fn period(&self) -> Result<Period> {
        Period::parse(self.from.as_deref(), self.to.as_deref())
    }
}

/// Finds a state by a loose name or code, or says which query matched nothing.
pub fn find_country(data: &Dataset, query: &str) -> Result<usize> {
    let search = CountrySearch::new(&data.countries);
    match search.best(query) {
        Some(i) => Ok(i),
        None => bail!("no country matches {:?}", clean(query)),
    }
}

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    name: &'a str,
    same: u32,
    opposite: u32,
    partial: u32,
    absent: u32,
    counted: u32,
    percent: Option<f64>,
}

impl<'a> Row<'a> {
    fn new(data: &'a Dataset, country: usize, s: &Score) -> Row<'a> {
        let c = &data.countries[country];
        Row {
            code: &c.code,
            name: &c.name,
            same: s.same,
            opposite: s.opposite,
            partial: s.partial,
            absent: s.absent,
            counted: s.counted,
            percent: s.percent,
        }
    }
}

#[derive(Serialize)]
struct AlignJson<'a> {
    pivot: &'a str,
    method: Method,
    formula: &'a str,
    from: &'a str,
    to: &'a str,
    group: Option<&'a str>,
    votes: usize,
    rows: Vec<Row<'a>>,
}

/// Prints every state ranked by agreement with the pivot, optionally only one group's members.
pub fn run_align(
    data: &Dataset,
    pivot: &str,
    group: Option<&str>,
    group_files: &[PathBuf],
    opts: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    let pivot = find_country(data, pivot)?;
    let period = opts.period()?;
    let mut groups = Groups::new(data);
    for file in group_files {
        groups.read_file(file)?;
    }
    let group = match group {
        Some(g) => match groups.resolve(g) {
            Some(name) => Some(name.to_string()),
            None => bail!(
                "unknown group {:?}: use one of {}, or define it with --groups FILE",
                clean(g),
                groups.names.join(", ")
            ),
        },
        None => None,
    };
    let ranking = align(data, pivot, opts.method, &period);
    let rows: Vec<_> = ranking
        .rows
        .iter()
        .filter(|r| {
            group
                .as_deref()
                .is_none_or(|g| groups.contains(g, &data.countries[r.country].code, &period))
        })
        .collect();
    let p = &data.countries[pivot];
    if opts.json {
        return json(
            out,
            &AlignJson {
                pivot: &p.code,
                method: opts.method,
                formula: opts.method.formula(),
                from: &period.from,
                to: &period.to,
                group: group.as_deref(),
                votes: ranking.votes,
                rows: rows
                    .iter()
                    .map(|r| Row::new(data, r.country, &r.score))
                    .collect(),
            },
        );
    }
    writeln!(
        out,
        "Agreement with {} ({}) · {period} · {}",
        clean(&p.name),
        p.code,
        opts.method
    )?;
    writeln!(out, "Method: {}", opts.method.formula())?;
    if let Some(g) = &group {
        writeln!(out, "Group: {}", clean(Groups::describe(g)))?;
    }
    writeln!(out, "Roll calls counted: {}", ranking.votes)?;
    writeln!(out)?;
    writeln!(
        out,
        "{:>4}  {:<4} {:<28} {:>5} {:>5} {:>5} {:>5} {:>9} {:>6}",
        "#", "Code", "State", "Same", "Opp", "Part", "Abs", "Agreement", "Votes"
    )?;
    for (rank, r) in rows.iter().enumerate() {
        let c = &data.countries[r.country];
        let s = &r.score;
        writeln!(
            out,
            "{:>4}  {:<4} {:<28} {:>5} {:>5} {:>5} {:>5} {:>9} {:>6}{}",
            rank + 1,
            c.code,
            truncate(&clean(&c.name), 28),
            s.same,
            s.opposite,
            s.partial,
            s.absent,
            percent(s.percent),
            s.counted,
            if s.counted < FEW_VOTES {
                "  (few votes)"
            } else {
                ""
            }
        )?;
    }
    Ok(())
}

/// `93.3 %`, or `–` when nothing counted.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{p:.1} %"))
}

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
    symbol: &'a str,
    date: &'a str,
    title: &'a str,
    yes: u32,
    no: u32,
    abstain: u32,
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
pub fn run_compare(
    data: &Dataset,
    a: &str,
    b: &str,
    opts: &Options,
    out: &mut dyn Write,
) -> Result<()> {
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
        let rc = &data.roll_calls[i];
        let t = data.tally(i);
        let v = rc.votes.as_bytes();
        Divergent {
            symbol: rc.label(),
            date: &rc.date,
            title: &rc.title,
            yes: t.yes,
            no: t.no,
            abstain: t.abstain,
            a: vote_name(v.get(a).copied().unwrap_or(b'.')),
            b: vote_name(v.get(b).copied().unwrap_or(b'.')),
        }
    });
    if opts.json {
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
                score: Row::new(data, b, &c.score),
                few_votes: c.score.counted < FEW_VOTES,
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
    writeln!(
        out,
        "Agreement {} over {} votes counted (same {}, opposite {}, partial {}, absent {})",
        percent(s.percent),
        s.counted,
        s.same,
        s.opposite,
        s.partial,
        s.absent
    )?;
    if s.counted < FEW_VOTES {
        writeln!(
            out,
            "Warning: fewer than {FEW_VOTES} votes counted; the figure says little."
        )?;
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
        writeln!(
            out,
            "  {}  {:<18} {:>3}–{:<3}–{:<3} {} {}, {} {}  {}",
            d.date,
            clean(d.symbol),
            d.yes,
            d.no,
            d.abstain,
            ca.code,
            d.a,
            cb.code,
            d.b,
            truncate(&clean(d.title), 50)
        )?;
    }
    Ok(())
}
