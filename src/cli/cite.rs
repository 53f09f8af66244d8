//! `unvote-tui cite SYMBOL`: the roll call as one paragraph to paste (see `data::cite`).

use std::io::Write;

use anyhow::{Result, anyhow};

use super::output::json;
use super::resolution::find;
use crate::data::Dataset;
use crate::data::cite::cite;

/// Prints the citation of the roll call a symbol names.
pub fn run(data: &Dataset, query: &str, as_json: bool, out: &mut dyn Write) -> Result<()> {
    let (index, _) = find(data, query)?;
    let citation = cite(data, index).ok_or_else(|| anyhow!("no roll call {query:?}"))?;
    if as_json {
        return json(out, &citation);
    }
    writeln!(out, "{}", citation.text)?;
    Ok(())
}
