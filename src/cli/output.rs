//! Shared printing helpers for the subcommands: cleaned text, wrapped name lists, JSON.

use std::io::Write;

use anyhow::Result;

use serde::Serialize;

use crate::data::Dataset;
use crate::data::text::{clean, truncate};

/// How a command prints: text for people, JSON, or CSV (a header row, then one row per record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Text for people.
    #[default]
    Text,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

impl Format {
    /// The format two flags ask for; clap refuses both together.
    pub fn from_flags(json: bool, csv: bool) -> Format {
        match (json, csv) {
            (true, _) => Format::Json,
            (false, true) => Format::Csv,
            (false, false) => Format::Text,
        }
    }
}

/// Writes a table as CSV.
pub fn csv(out: &mut dyn Write, table: &crate::data::table::Table) -> Result<()> {
    out.write_all(&table.to_csv()?)?;
    Ok(())
}

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
        let tally = format!("{}-{}-{}", self.yes, self.no, self.abstain);
        format!(
            "  {:<10}  {:<18} {tally:<12} {votes}  {}",
            self.shown_date,
            clean(self.symbol),
            truncate(&clean(self.title), 50)
        )
    }
}

/// Writes `value` as pretty JSON followed by a newline. Characters a terminal would act on or
/// hide — DEL, the C1 controls, bidirectional overrides and isolates, zero-width characters —
/// are written as `\uXXXX` escapes (serde_json escapes only those below U+0020).
pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    value.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

/// serde_json's pretty formatter, escaping the characters [`text::is_hidden_or_control`] names.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if crate::data::text::is_hidden_or_control(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
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
