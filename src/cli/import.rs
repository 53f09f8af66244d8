//! `unvote-tui import INPUT... --out FILE`: any supported input to the native format, written to
//! a temporary file first so that a failed import never damages an existing dataset.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::data::{loader, native};

/// Converts `inputs` and writes the native dataset to `file`.
pub fn run(inputs: &[PathBuf], file: &Path, out: &mut dyn Write) -> Result<()> {
    let data = loader::load_paths(inputs)?;
    let tmp = file.with_extension("json.partial");
    let result = (|| -> Result<()> {
        let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
        native::write(&data, &mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, file)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("writing {}", file.display()))?;
    writeln!(
        out,
        "wrote {}: {} countries, {} roll calls, {} country votes",
        file.display(),
        data.countries.len(),
        data.roll_calls.len(),
        data.vote_count()
    )?;
    Ok(())
}
