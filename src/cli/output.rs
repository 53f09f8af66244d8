//! Shared printing helpers for the subcommands: cleaned text, wrapped name lists, JSON.

use std::io::Write;

use anyhow::Result;

use serde::Serialize;

use crate::data::Dataset;
use crate::data::text::{clean, truncate};

/// A roll call as the agreement commands list it, in JSON and as one line of text.
#[derive(Serialize)]
pub struct RollCallItem<'a> {
    /// Symbol (or roll-call id).
    pub symbol: &'a str,
    /// ISO date as stored (its day a placeholder where `date_precision` is `month`).
    pub date: &'a str,
    /// `day` or `month`.
    pub date_precision: &'static str,
    /// The date as shown: `1971-10` where only the month is known.
    #[serde(skip)]
    pub shown_date: &'a str,
    /// Title.
    pub title: &'a str,
    /// Yes votes.
    pub yes: u32,
    /// No votes.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
}

impl<'a> RollCallItem<'a> {
    /// The roll call at `index`.
    pub fn new(data: &'a Dataset, index: usize) -> RollCallItem<'a> {
        let rc = &data.roll_calls[index];
        let t = data.tally(index);
        RollCallItem {
            symbol: rc.label(),
            date: &rc.date,
            date_precision: rc.date_precision.key(),
            shown_date: rc.shown_date(),
            title: &rc.title,
            yes: t.yes,
            no: t.no,
            abstain: t.abstain,
        }
    }

    /// One indented line: date, symbol, tally, `votes` (whose vote was what), title.
    pub fn line(&self, votes: &str) -> String {
        let tally = format!("{}–{}–{}", self.yes, self.no, self.abstain);
        format!(
            "  {:<10}  {:<18} {tally:<12} {votes}  {}",
            self.shown_date,
            clean(self.symbol),
            truncate(&clean(self.title), 50)
        )
    }
}

/// Writes `value` as pretty JSON followed by a newline.
pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes `names` comma-separated, wrapped at `width` columns, each line indented by `indent`.
pub fn wrapped_list(
    out: &mut dyn Write,
    names: &[String],
    indent: usize,
    width: usize,
) -> Result<()> {
    let pad = " ".repeat(indent);
    let mut line = String::new();
    for (i, name) in names.iter().enumerate() {
        let item = if i + 1 < names.len() {
            format!("{}, ", clean(name))
        } else {
            clean(name).into_owned()
        };
        if !line.is_empty()
            && indent + line.chars().count() + item.trim_end().chars().count() > width
        {
            writeln!(out, "{pad}{}", line.trim_end())?;
            line.clear();
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        writeln!(out, "{pad}{}", line.trim_end())?;
    }
    Ok(())
}
