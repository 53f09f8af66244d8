//! `unvote-tui validate PATH`: load a dataset or quotes file and report what is wrong with it.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use crate::data::input::{Input, Kind};
use crate::data::text::{clean, shown};
use crate::data::{loader, quotes};

/// Loads `path` and reports: a hard error fails (exit 1); soft problems are listed.
pub fn run(path: &Path, out: &mut dyn Write) -> Result<()> {
    if !path.is_dir() && Input::open(path)?.kind()? == Kind::Quotes {
        let q = quotes::load(path)?;
        writeln!(
            out,
            "{}: {} quotes, no problems found",
            clean(&path.display().to_string()),
            q.len()
        )?;
        return Ok(());
    }
    let data = loader::load_path(path)?;
    if data.roll_calls.is_empty() {
        bail!("{}: no roll calls", clean(&path.display().to_string()));
    }
    let problems = data.problems();
    writeln!(
        out,
        "{}: {} countries, {} roll calls, {} country votes",
        clean(&path.display().to_string()),
        data.countries.len(),
        data.roll_calls.len(),
        data.vote_count()
    )?;
    if problems.is_empty() {
        writeln!(out, "no problems found")?;
        return Ok(());
    }
    writeln!(out, "{} roll calls need a look:", problems.len())?;
    for p in &problems {
        writeln!(
            out,
            "  {}: {}",
            shown(&p.roll_call, 80),
            shown(&p.message, 300)
        )?;
    }
    Ok(())
}
