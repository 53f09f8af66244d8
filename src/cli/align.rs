//! `unvote-tui align PIVOT`: every state ranked by agreement with a pivot state over a period,
//! optionally only a group's members at the time.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use serde::Serialize;

use super::agreement::{Options, Row, find_country};
use super::output::{Format, csv, json};
use crate::data::Dataset;
use crate::data::agreement::Method;
use crate::data::alignment::align;
use crate::data::groups::Groups;
use crate::data::present::{RANKING, cell, ranking_cells};
use crate::data::table;
use crate::data::text::{clean, left_out};

#[derive(Serialize)]
struct AlignJson<'a> {
    pivot: &'a str,
    method: Method,
    formula: &'a str,
    from: &'a str,
    to: &'a str,
    group: Option<&'a str>,
    votes: usize,
    left_out: usize,
    rows: Vec<Row<'a>>,
}

/// Prints every state ranked by agreement with the pivot, optionally only one group's members.
pub fn run(
    data: &Dataset,
    pivot: &str,
    group: Option<&str>,
    group_files: &[PathBuf],
    opts: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    let pivot = find_country(data, pivot)?;
    let period = opts.period()?;
    let groups = Groups::with_files(data, group_files)?;
    let group = match group {
        Some(g) => match groups.resolve(g) {
            Some(name) => Some(name.to_string()),
            None => bail!(
                "unknown group {:?}: use one of {}, or define it with --groups FILE",
                clean(g),
                clean(&groups.names.join(", "))
            ),
        },
        None => None,
    };
    let ranking = align(data, pivot, opts.method, &period);
    let rows: Vec<_> = groups
        .filter_ranking(data, &ranking, group.as_deref(), &period)
        .into_iter()
        .map(|i| &ranking.rows[i])
        .collect();
    let p = &data.countries[pivot];
    if opts.format == Format::Csv {
        let positions = groups.filter_ranking(data, &ranking, group.as_deref(), &period);
        return csv(out, &table::ranking(data, &ranking, &positions));
    }
    if opts.format == Format::Json {
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
                left_out: ranking.left_out,
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
    writeln!(
        out,
        "Roll calls counted: {}{}",
        ranking.votes,
        left_out(ranking.left_out)
    )?;
    if ranking.votes == 0 {
        writeln!(
            out,
            "{} held no seat on any counted roll call in this period.",
            p.code
        )?;
        return Ok(());
    }
    writeln!(out)?;
    let header: Vec<String> = RANKING.iter().map(|c| cell(c, c.header)).collect();
    writeln!(out, "{}", header.join(" "))?;
    for (rank, r) in rows.iter().enumerate() {
        let c = &data.countries[r.country];
        let s = &r.score;
        let cells = ranking_cells(rank + 1, &c.code, &clean(&c.name), s);
        let line: Vec<String> = RANKING
            .iter()
            .zip(&cells)
            .map(|(col, v)| cell(col, v))
            .collect();
        let few = if s.few() { "  (few votes)" } else { "" };
        writeln!(out, "{}{few}", line.join(" "))?;
    }
    Ok(())
}
