//! Doing what the explorer asks of the world outside it (`app::Effect`): the clipboard through
//! the terminal (OSC 52, which also works over SSH and in tmux with `set-clipboard on`), new
//! files in the working folder (never overwriting, written atomically), and the system browser
//! (spawned detached, never waited on). Each returns the line the footer shows.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result};
use base64::Engine;

use crate::app::Effect;

/// Does one effect; the result, good or bad, as one line for the footer.
pub fn perform(effect: Effect, terminal: &mut impl Write, dir: &Path) -> String {
    match effect {
        Effect::Copy(text) => match copy(&text, terminal) {
            Ok(()) => "Citation copied to the clipboard (OSC 52) and shown above".to_string(),
            Err(e) => format!("Could not copy: {e:#}; the citation is shown above"),
        },
        Effect::Export { stem, table, json } => {
            let (ext, bytes) = if json {
                ("json", table.to_json())
            } else {
                ("csv", table.to_csv())
            };
            let rows = table.rows.len();
            match bytes.and_then(|b| write_new(dir, &stem, ext, &b)) {
                Ok(path) => {
                    let name = path.file_name().map_or(path.as_os_str(), |n| n);
                    let unit = if rows == 1 { "row" } else { "rows" };
                    format!("Wrote {} ({rows} {unit})", name.to_string_lossy())
                }
                Err(e) => format!("Could not export: {e:#}"),
            }
        }
        // The address first: a narrow footer cuts the end, never the link.
        Effect::Open(url) => match open(&url) {
            Ok(opener) => format!("{url} — opening with {opener}"),
            Err(e) => format!("{url} — {e:#}"),
        },
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

fn copy(text: &str, terminal: &mut impl Write) -> Result<()> {
    terminal.write_all(osc52(text).as_bytes())?;
    terminal.flush()?;
    Ok(())
}

/// A file name from what a table is: letters, digits, `.`, `_` and `-` kept, anything else a
/// `-` (`A/RES/ES-11/6-votes` → `A-RES-ES-11-6-votes`), at most 80 characters.
pub fn file_stem(stem: &str) -> String {
    // Letters of any script kept as their closest ASCII (`Côte` → `Cote`, `日本` → `Ri Ben`).
    let ascii = deunicode::deunicode(stem);
    let mut out = String::new();
    for c in ascii.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let out: String = out.trim_matches(['-', '.']).chars().take(80).collect();
    if out.is_empty() {
        "export".to_string()
    } else {
        out
    }
}

/// Writes `bytes` to a new file `stem.ext` in `dir`, or `stem-2.ext`, `stem-3.ext`… when taken:
/// written whole to a temporary file first (created with the user's default permissions, as any
/// new file), then moved to the first free name without ever replacing a file.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf> {
    let stem = file_stem(stem);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".unvote-export-").suffix(".partial");
    // The mode asked for is cut by the umask, as for any file the user creates (0644 with the
    // usual 022), instead of a temporary file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    for n in 1..=999 {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match file.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => file = e.file,
            Err(e) => {
                return Err(e.error).with_context(|| format!("writing {}", path.display()));
            }
        }
    }
    anyhow::bail!("{stem}.{ext} and 998 numbered copies already exist")
}

/// Starts the system's opener on `url`, detached; the opener's name.
fn open(url: &str) -> Result<&'static str> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("no browser opener ({opener}) could be started"))?;
    // Reaped in the background so that it never becomes a zombie nor blocks the explorer.
    std::thread::spawn(move || child.wait());
    Ok(opener)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_say_what_they_hold_and_never_overwrite() {
        assert_eq!(file_stem("A/RES/ES-11/6-votes"), "A-RES-ES-11-6-votes");
        assert_eq!(
            file_stem("resolutions-year:2022 ukraine"),
            "resolutions-year-2022-ukraine"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("//"), "export");
        let dir = tempfile::tempdir().unwrap();
        let a = write_new(dir.path(), "x/y", "csv", b"one").unwrap();
        let b = write_new(dir.path(), "x/y", "csv", b"two").unwrap();
        assert_eq!(a.file_name().unwrap(), "x-y.csv");
        assert_eq!(b.file_name().unwrap(), "x-y-2.csv");
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&b).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2, "no temporary file left behind");
        // An export gets the permissions any new file of the user gets, not a temporary file's.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let plain = dir.path().join("plain");
            std::fs::File::create(&plain).unwrap();
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&a), mode(&plain));
        }
    }

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let seq = osc52("141–7–32");
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .unwrap()
            .strip_suffix('\x07')
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), "141–7–32");
    }
}
