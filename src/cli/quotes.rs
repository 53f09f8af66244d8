//! `unvote-tui quotes`: attributed quotes, optionally about one resolution.

use std::io::Write;

use anyhow::Result;

use super::output::{Format, csv, json};
use crate::data::table;
use crate::data::text::clean;
use crate::data::{Dataset, Quote};

/// Prints the quotes (about `resolution` when given).
pub fn run(
    data: &Dataset,
    resolution: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let indices: Vec<usize> = match resolution {
        Some(symbol) => data.quotes_about(symbol),
        None => (0..data.quotes.len()).collect(),
    };
    if format == Format::Csv {
        return csv(out, &table::quotes(data, &indices));
    }
    let quotes: Vec<&Quote> = indices.iter().map(|&q| &data.quotes[q]).collect();
    if format == Format::Json {
        return json(out, &quotes);
    }
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", q.shown_text(usize::MAX))?;
        writeln!(out, "  {}", q.attribution())?;
        writeln!(out, "  {}", q.occasion())?;
        let source = q.source_line();
        if !source.is_empty() {
            writeln!(out, "  Source: {}", clean(&source))?;
        }
    }
    if quotes.is_empty() {
        writeln!(
            out,
            "No quotes{}.",
            resolution
                .map(|r| format!(" about {}", clean(r)))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}
