//! `unvote-tui ideal-points [--session S] [--country C]`: where every state stands on one
//! scale, session by session (`data/ideal.rs` has the model). The bundled data's estimates are
//! bundled too; a `--data` file (or `--refit`) is fitted on the spot, and the time it took said.

use std::io::Write;
use std::time::Instant;

use anyhow::{Result, bail};
use serde::Serialize;

use super::agreement::find_country;
use super::output::{Format, json};
use crate::data::Dataset;
use crate::data::ideal::{Estimates, FEW_VOTES, METHOD, Point, fit};
use crate::data::text::clean;

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    name: &'a str,
    session: u32,
    ideal_point: f64,
    low: f64,
    high: f64,
    votes: u32,
}

#[derive(Serialize)]
struct Doc<'a> {
    method: &'a str,
    rows: Vec<Row<'a>>,
}

/// What to print and from where.
pub struct Options {
    /// One regular session.
    pub session: Option<u32>,
    /// One state (any name, alias or code).
    pub country: Option<String>,
    /// Fit afresh even when the estimates are bundled.
    pub refit: bool,
    /// Whether the dataset is the bundled one (whose estimates are bundled).
    pub bundled: bool,
    /// How to print.
    pub format: Format,
}

/// Prints the estimates the options ask for.
pub fn run(data: &Dataset, options: &Options, out: &mut dyn Write) -> Result<()> {
    let mut method = METHOD.to_string();
    let estimates = if options.bundled && !options.refit {
        Estimates::bundled(data)?
    } else {
        let started = Instant::now();
        let f = fit(data);
        eprintln!(
            "ideal points fitted to {} roll calls ({} items) in {:.1} s, {} rounds",
            f.roll_calls,
            f.items,
            started.elapsed().as_secs_f64(),
            f.rounds
        );
        if !f.converged && f.roll_calls > 0 {
            eprintln!(
                "warning: the fit stopped after {} rounds with points still moving by {:.4}; \
                 read the estimates as rough",
                f.rounds, f.last_move
            );
        }
        let us = data.country_index("USA");
        if let Some(a) = f.anchor.filter(|&a| Some(a) != us) {
            let name = clean(&data.countries[a].name).into_owned();
            eprintln!(
                "note: the United States cast no vote in this data; {name} is on the positive side"
            );
            method = crate::data::ideal::method(&name);
        }
        Estimates::of_fit(f)
    };
    let country = options
        .country
        .as_deref()
        .map(|q| find_country(data, q))
        .transpose()?;
    let mut rows: Vec<&Point> = match (country, options.session) {
        (Some(c), _) => estimates.of_country(c).iter().collect(),
        (None, Some(s)) => estimates.in_session(s),
        (None, None) => estimates.all(),
    };
    if let Some(s) = options.session {
        rows.retain(|p| p.session == s);
    }
    if rows.is_empty() {
        let (first, last) = estimates.sessions().unwrap_or((0, 0));
        match (country, options.session) {
            (Some(c), Some(s)) => bail!(
                "no estimate for {} in session {s} (not a member, or no contested votes)",
                clean(&data.countries[c].name)
            ),
            (Some(c), None) => bail!(
                "no estimate for {}: it cast no vote on a contested roll call",
                clean(&data.countries[c].name)
            ),
            (_, Some(s)) => {
                bail!("no estimates for session {s}; sessions {first}–{last} have them")
            }
            _ => bail!("no estimates: no contested roll calls"),
        }
    }
    match options.format {
        Format::Csv => {
            out.write_all(estimates.to_csv(data, &rows).as_bytes())?;
            Ok(())
        }
        Format::Json => {
            let rows = rows
                .iter()
                .map(|p| Row {
                    code: &data.countries[p.country].code,
                    name: &data.countries[p.country].name,
                    session: p.session,
                    ideal_point: round4(p.ideal_point),
                    low: round4(p.low),
                    high: round4(p.high),
                    votes: p.votes,
                })
                .collect();
            json(
                out,
                &Doc {
                    method: &method,
                    rows,
                },
            )
        }
        Format::Text => {
            writeln!(
                out,
                "{:<5} {:<32} {:>7} {:>11}  {:<17} {:>5}",
                "code", "state", "session", "ideal point", "95 % interval", "votes"
            )?;
            for p in &rows {
                let c = &data.countries[p.country];
                let few = if p.votes < FEW_VOTES { " !" } else { "" };
                writeln!(
                    out,
                    "{:<5} {:<32} {:>7} {:>11.2}  [{:>6.2}, {:>6.2}] {:>6}{few}",
                    c.code,
                    crate::data::text::truncate(&clean(&c.name), 32),
                    p.session,
                    p.ideal_point,
                    p.low,
                    p.high,
                    p.votes
                )?;
            }
            if rows.iter().any(|p| p.votes < FEW_VOTES) {
                writeln!(
                    out,
                    "! fewer than {FEW_VOTES} votes: a rough estimate (see its interval)."
                )?;
            }
            writeln!(
                out,
                "Sessions run from September to September (78: 2023–2024)."
            )?;
            writeln!(out, "Method: {method}.")?;
            Ok(())
        }
    }
}

/// Four decimals, as the CSV writes them.
fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}
