//! `unvote-tui import INPUT... --out FILE`: any supported input to the native format. The
//! dataset is written to a new, uniquely named file beside `FILE` (created exclusively, so no
//! planted link or other writer's file is followed), given `FILE`'s permissions (or, for a new
//! file, those the user's umask gives), synced, then renamed over `FILE` in one step: a failed,
//! interrupted or concurrent import never leaves `FILE` damaged or half-written, and never
//! replaces it with a dataset of no roll calls. `FILE` must be a regular file or not exist: a
//! link or a device is refused rather than replaced.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};

use crate::data::text::clean;
use crate::data::{loader, native};
use crate::event_loop::Signalled;

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
    if let Ok(meta) = std::fs::symlink_metadata(file)
        && !meta.file_type().is_file()
    {
        bail!(
            "{}: not a regular file (a link, folder or device); not replaced",
            clean(&file.display().to_string())
        );
    }
    // From here an interrupt removes the unfinished file instead of killing the process.
    let interrupted = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&interrupted), sig as usize)
            .context("watching for interrupts")?;
    }
    write_atomically(file, &interrupted, |w| native::write(&data, w)).map_err(|e| {
        if e.is::<Signalled>() {
            e
        } else {
            e.context(format!("writing {}", clean(&file.display().to_string())))
        }
    })?;
    writeln!(
        out,
        "wrote {}: {} countries, {} roll calls, {} country votes",
        clean(&file.display().to_string()),
        data.countries.len(),
        data.roll_calls.len(),
        data.vote_count()
    )
    .context("writing to standard output")?;
    Ok(())
}

/// Writes `file` through a temporary file in its folder, renamed over it once complete.
fn write_atomically(
    file: &Path,
    interrupted: &AtomicUsize,
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
    let permissions = match std::fs::metadata(file) {
        Ok(meta) => meta.permissions(),
        Err(_) => new_file_permissions(dir)?,
    };
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.as_file().sync_all()?;
    if let sig @ 1.. = interrupted.load(Ordering::Relaxed) {
        // The temporary file is removed as `tmp` is dropped.
        return Err(Signalled(i32::try_from(sig).unwrap_or(15)).into());
    }
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// The permissions a file newly created in `dir` gets under the user's umask (read from a
/// probe file, since the umask cannot be read without changing it).
fn new_file_permissions(dir: &Path) -> Result<std::fs::Permissions> {
    let probe = tempfile::Builder::new()
        .prefix(".unvote-umask-")
        .tempfile_in(dir)?;
    let path = probe.path().to_path_buf();
    drop(probe);
    let file = std::fs::File::create_new(&path)?;
    let permissions = file.metadata()?.permissions();
    drop(file);
    std::fs::remove_file(&path)?;
    Ok(permissions)
}
