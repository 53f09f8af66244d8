//! Reading input files: whole-file reads, transparent gzip, UTF-8 checks with line numbers, and
//! telling the kind of a file from its content (never from its name).

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The most a file may hold once decompressed: far above the full history (about 8 MB), low
/// enough that a gzip bomb or a wrong file stops with a message instead of exhausting memory.
pub const MAX_BYTES: u64 = 1 << 30;

/// What a file holds, told from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The native JSON dataset (an object with `countries` and `roll_calls`).
    Native,
    /// A JSON array of quotes.
    Quotes,
    /// The canonical per-country votes CSV (`vote_id,resolution,date,session,iso3,…`).
    CanonicalVotes,
    /// The canonical roll-call CSV (`vote_id,resolution,source_symbol,…`).
    CanonicalRollCalls,
    /// The canonical countries CSV (`iso3,iso2,name,…`).
    Countries,
    /// The UN Digital Library voting CSV, 2024 layout (`ms_codes`, `ms_votes`, `NV`).
    Undl2024,
    /// The UN Digital Library voting CSV, 2025/2026 layout (`ms_code`, `ms_vote`, `X`).
    Undl2025,
}

impl Kind {
    /// A short human name for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Native => "native JSON dataset",
            Kind::Quotes => "quotes JSON",
            Kind::CanonicalVotes => "votes CSV",
            Kind::CanonicalRollCalls => "roll-call CSV",
            Kind::Countries => "countries CSV",
            Kind::Undl2024 => "UN Digital Library voting CSV (2024 layout)",
            Kind::Undl2025 => "UN Digital Library voting CSV (2025/2026 layout)",
        }
    }
}

/// A file read whole into memory, decompressed if it was gzip.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it came from, for messages.
    pub path: PathBuf,
    /// Its content, decompressed.
    pub bytes: Vec<u8>,
}

impl Input {
    /// Reads `path` whole; gzip (by its magic bytes) is decompressed.
    pub fn read(path: &Path) -> Result<Input> {
        let raw = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                anyhow::anyhow!("{}: no such file or folder", path.display())
            }
            _ => anyhow::Error::new(e).context(format!("reading {}", path.display())),
        })?;
        Input::from_bytes(path, raw)
    }

    /// Wraps bytes already in memory (e.g. the bundled dataset), decompressing gzip.
    pub fn from_bytes(path: &Path, raw: Vec<u8>) -> Result<Input> {
        let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
            gunzip(path, &raw)?
        } else {
            if raw.len() as u64 > MAX_BYTES {
                bail!(
                    "{}: file is larger than {} MiB",
                    path.display(),
                    MAX_BYTES >> 20
                );
            }
            raw
        };
        Ok(Input {
            path: path.to_path_buf(),
            bytes,
        })
    }

    /// The content as UTF-8, or an error naming the line of the first invalid byte.
    pub fn text(&self) -> Result<&str> {
        std::str::from_utf8(&self.bytes).map_err(|e| {
            let at = e.valid_up_to();
            anyhow::anyhow!(
                "{}: line {}: invalid UTF-8 (byte {:#04x})",
                self.path.display(),
                line_of(&self.bytes, at),
                self.bytes.get(at).copied().unwrap_or(0)
            )
        })
    }

    /// Tells what the file holds from its first bytes.
    pub fn kind(&self) -> Result<Kind> {
        sniff(&self.bytes).with_context(|| format!("{}: unknown file layout", self.path.display()))
    }
}

fn gunzip(path: &Path, raw: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len() * 6);
    let decoder = flate2::read::MultiGzDecoder::new(raw);
    decoder
        .take(MAX_BYTES + 1)
        .read_to_end(&mut out)
        .with_context(|| format!("{}: truncated or corrupt gzip data", path.display()))?;
    if out.len() as u64 > MAX_BYTES {
        bail!(
            "{}: decompresses to more than {} MiB",
            path.display(),
            MAX_BYTES >> 20
        );
    }
    Ok(out)
}

/// The 1-based line number of byte `offset`.
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Tells the kind of a file from its first bytes.
pub fn sniff(bytes: &[u8]) -> Result<Kind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    match first.map(|i| bytes[i]) {
        Some(b'{') => return Ok(Kind::Native),
        Some(b'[') => return Ok(Kind::Quotes),
        None => bail!("the file is empty"),
        _ => {}
    }
    let header_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let header = String::from_utf8_lossy(&bytes[..header_end]);
    let columns: Vec<String> = header
        .trim_end_matches('\r')
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |name: &str| columns.iter().any(|c| c == name);
    let kind = if has("ms_codes") && has("ms_votes") {
        Kind::Undl2024
    } else if has("ms_code") && has("ms_vote") {
        Kind::Undl2025
    } else if has("vote_id") && has("iso3") && has("vote") {
        Kind::CanonicalVotes
    } else if has("vote_id") && has("whole_resolution") {
        Kind::CanonicalRollCalls
    } else if has("iso3") && has("un_name") {
        Kind::Countries
    } else {
        bail!(
            "header is \"{}\"",
            crate::data::text::truncate(&crate::data::text::clean(&header), 120)
        );
    };
    Ok(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_layout_by_header() {
        assert_eq!(sniff(b"  {\"countries\":[]}").unwrap(), Kind::Native);
        assert_eq!(sniff(b"[{\"text\":\"x\"}]").unwrap(), Kind::Quotes);
        assert_eq!(
            sniff(b"undl_id,ms_codes,ms_names,ms_votes,resolutions\n").unwrap(),
            Kind::Undl2024
        );
        assert_eq!(
            sniff(b"undl_id,ms_code,ms_name,ms_vote,date\r\n").unwrap(),
            Kind::Undl2025
        );
        assert_eq!(
            sniff(b"vote_id,resolution,date,session,iso3,country,vote\n").unwrap(),
            Kind::CanonicalVotes
        );
        let err = sniff(b"a,b,c\n1,2,3").unwrap_err();
        assert!(
            format!("{err:#}").contains("header is \"a,b,c\""),
            "{err:#}"
        );
        assert!(sniff(b"   ").is_err());
    }

    #[test]
    fn truncated_gzip_names_the_file() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut enc, &[b'x'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        let cut = gz[..gz.len() / 2].to_vec();
        let err = Input::from_bytes(Path::new("votes.csv.gz"), cut).unwrap_err();
        assert!(
            format!("{err:#}").starts_with("votes.csv.gz: truncated or corrupt gzip"),
            "{err:#}"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let input = Input {
            path: "x.csv".into(),
            bytes: b"a,b\n1,2\n\xff,3\n".to_vec(),
        };
        let err = input.text().unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "x.csv: line 3: invalid UTF-8 (byte 0xff)"
        );
    }
}
