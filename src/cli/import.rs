//! `unvote-tui import INPUT... --out FILE`: any supported input to the native format. The
//! dataset is written to a new, uniquely named file beside `FILE` (created exclusively, so no
//! planted link or other writer's file is followed), given `FILE`'s permissions, synced, then
//! renamed over `FILE` in one step: a failed, interrupted or concurrent import never leaves
//! `FILE` damaged or half-written, and never replaces it with a dataset of no roll calls.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};

use crate::data::text::clean;
use crate::data::{loader, native};

/// Converts `inputs` and writes the native dataset to `file`.
pub fn run(inputs: &[PathBuf], file: &Path, out: &mut dyn Write) -> Result<()> {
    let data = loader::load_paths(inputs)?;
    if data.roll_calls.is_empty() {
        bail!(
            "{}: no roll calls to import; {} is left as it was",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            file.display()
        );
    }
    // From here an interrupt removes the unfinished file instead of killing the process.
    let interrupted = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&interrupted))
            .context("watching for interrupts")?;
    }
    write_atomically(file, &interrupted, |w| native::write(&data, w))
        .with_context(|| format!("writing {}", file.display()))?;
    writeln!(
        out,
        "wrote {}: {} countries, {} roll calls, {} country votes",
        clean(&file.display().to_string()),
        data.countries.len(),
        data.roll_calls.len(),
        data.vote_count()
    )?;
    Ok(())
}

/// Writes `file` through a temporary file in its folder, renamed over it once complete.
fn write_atomically(
    file: &Path,
    interrupted: &AtomicBool,
    write: impl FnOnce(&mut BufWriter<&std::fs::File>) -> Result<()>,
) -> Result<()> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".unvote-import-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut w = BufWriter::new(tmp.as_file());
        write(&mut w)?;
        w.flush()?;
    }
    if let Ok(meta) = std::fs::metadata(file) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    if interrupted.load(Ordering::Relaxed) {
        bail!("interrupted; the file was left as it was");
    }
    tmp.persist(file)?;
    Ok(())
}
