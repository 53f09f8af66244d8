//! Shared printing helpers for the subcommands: cleaned text, wrapped name lists, JSON.

use std::io::Write;

use anyhow::Result;

use crate::data::text::clean;

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
