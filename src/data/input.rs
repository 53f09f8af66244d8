//! Reading input files with bounded memory: a file (or standard input) is opened, gzip
//! recognised by its magic bytes and decompressed as it is read, its kind told from its first
//! bytes (never from its name); JSON is then read whole up to a cap, CSV streamed record by
//! record with the line of every record known for messages (`\n`, `\r\n` and a lone `\r` each end
//! a line) and no line allowed to grow without bound.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context, Result, bail};

/// The most a native dataset may hold once decompressed: twenty times the full history (about
/// 6 MB), low enough that a wrong file stops with a message instead of exhausting memory.
pub const MAX_JSON_BYTES: u64 = 64 << 20;

/// The most a quotes file may hold once decompressed (the bundled one is 70 KB).
pub const MAX_QUOTES_BYTES: u64 = 16 << 20;

/// The longest row a CSV file may have, quoted fields that span lines included (the longest
/// real row is a few kilobytes).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// How much of a file is read to tell its kind.
const HEAD_BYTES: usize = 64 << 10;

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

/// An opened input: its first bytes (decompressed) and the rest, not yet read.
pub struct Input {
    /// Where it came from, for messages.
    pub path: PathBuf,
    head: Vec<u8>,
    rest: Box<dyn Read>,
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Input {
    /// Opens `path` (`-` or `/dev/stdin` reads standard input); gzip is decompressed as read.
    pub fn open(path: &Path) -> Result<Input> {
        let raw: Box<dyn Read> = if path == Path::new("-") {
            Box::new(io::stdin())
        } else {
            let file = std::fs::File::open(path).map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => {
                    anyhow::anyhow!("{}: no such file or folder", path.display())
                }
                _ => anyhow::Error::new(e).context(format!("reading {}", path.display())),
            })?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                bail!("{}: is a folder", path.display());
            }
            Box::new(file)
        };
        Input::from_reader(path, raw)
    }

    /// Wraps bytes already in memory (the bundled files, tests), decompressing gzip.
    pub fn from_bytes(path: &Path, raw: Vec<u8>) -> Result<Input> {
        Input::from_reader(path, Box::new(io::Cursor::new(raw)))
    }

    fn from_reader(path: &Path, mut raw: Box<dyn Read>) -> Result<Input> {
        let mut magic = Vec::with_capacity(2);
        (&mut raw)
            .take(2)
            .read_to_end(&mut magic)
            .with_context(|| format!("reading {}", path.display()))?;
        let raw: Box<dyn Read> = Box::new(io::Cursor::new(magic.clone()).chain(raw));
        let mut rest: Box<dyn Read> = if magic == [0x1f, 0x8b] {
            Box::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(raw)))
        } else {
            raw
        };
        let mut head = Vec::with_capacity(HEAD_BYTES);
        (&mut rest)
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| read_error(path, e))?;
        Ok(Input {
            path: path.to_path_buf(),
            head,
            rest,
        })
    }

    /// Tells what the file holds from its first bytes.
    pub fn kind(&self) -> Result<Kind> {
        sniff(&self.head).with_context(|| format!("{}: unknown file layout", self.path.display()))
    }

    /// Reads the whole file, refusing one larger than `limit` bytes once decompressed.
    pub fn into_bytes(self, limit: u64) -> Result<Vec<u8>> {
        let path = self.path;
        let mut out = self.head;
        self.rest
            .take(limit.saturating_sub(out.len() as u64) + 1)
            .read_to_end(&mut out)
            .map_err(|e| read_error(&path, e))?;
        if out.len() as u64 > limit {
            bail!(
                "{}: larger than {} MiB (once decompressed); not a file this program reads",
                path.display(),
                limit >> 20
            );
        }
        Ok(out)
    }

    /// The whole file as a reader that tracks lines (for CSV), with the table of lines to ask
    /// where a byte offset lies.
    pub fn into_lines(self) -> (Lines, LineTable) {
        let table = LineTable::default();
        let reader = Lines {
            inner: Box::new(io::Cursor::new(self.head).chain(self.rest)),
            table: table.clone(),
        };
        (reader, table)
    }
}

fn read_error(path: &Path, e: io::Error) -> anyhow::Error {
    match e.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
            anyhow::anyhow!("{}: truncated or corrupt gzip data", path.display())
        }
        _ => anyhow::Error::new(e).context(format!("reading {}", path.display())),
    }
}

/// Deserializes a JSON array into a `Vec`, refusing more than `N` elements as they come (so
/// that a file of millions of tiny objects stops before they are all in memory).
pub fn capped_vec<'de, D, T, const N: usize>(d: D) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Capped<T, const N: usize>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>, const N: usize> serde::de::Visitor<'de> for Capped<T, N> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "an array of at most {N} elements")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element()? {
                if out.len() >= N {
                    return Err(serde::de::Error::custom(format!(
                        "more than {N} elements; not a file this program reads"
                    )));
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Capped::<T, N>(std::marker::PhantomData))
}

/// What a [`Lines`] reader has handed out recently: where each chunk starts, on which line,
/// and its bytes (the last few chunks only), so that the line of a byte offset near the read
/// position can be counted exactly.
#[derive(Debug, Clone, Default)]
pub struct LineTable(Rc<RefCell<Chunks>>);

#[derive(Debug, Default)]
struct Chunks {
    /// `(offset, line at its start, bytes)` of the latest chunks.
    recent: VecDeque<(u64, u64, Vec<u8>)>,
    /// Bytes handed out so far.
    offset: u64,
    /// Line breaks handed out so far.
    lines: u64,
    /// Bytes of the row being read: since the last line break outside quotes.
    row_len: usize,
    /// Whether the bytes handed out so far leave a quoted field open.
    in_quotes: bool,
    /// Whether the last byte handed out was a `\r` (a `\n` after it ends no further line).
    after_cr: bool,
}

/// Chunks kept to count lines in: far more than the CSV reader buffers.
const KEPT_CHUNKS: usize = 16;

impl LineTable {
    /// The line being read: the one after every line break handed out so far.
    pub fn current_line(&self) -> u64 {
        self.0.borrow().lines + 1
    }

    /// The 1-based line of the record that starts at byte `offset` of the file (blank lines
    /// before it skipped), if it lies in a chunk still kept.
    pub fn line_at(&self, offset: u64) -> Option<u64> {
        let chunks = self.0.borrow();
        let (start, line, bytes) = chunks
            .recent
            .iter()
            .rev()
            .find(|(start, _, _)| *start <= offset)?;
        let at = usize::try_from(offset - start).ok()?.min(bytes.len());
        let end = at + skip_breaks(&bytes[at..]);
        Some(line + 1 + count_breaks(&bytes[..end], false).0)
    }
}

/// Counts the line breaks in `bytes` (`\n`, `\r\n` as one, a lone `\r`), given whether the byte
/// before them was a `\r`; returns the count and whether the last byte is a `\r`.
fn count_breaks(bytes: &[u8], mut after_cr: bool) -> (u64, bool) {
    let mut n = 0;
    for &b in bytes {
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => n += 1,
            _ => {}
        }
        after_cr = b == b'\r';
    }
    (n, after_cr)
}

/// A reader that records its chunks in a [`LineTable`] and refuses a line longer than
/// [`MAX_LINE_BYTES`].
pub struct Lines {
    inner: Box<dyn Read>,
    table: LineTable,
}

impl Read for Lines {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let got = &buf[..n];
        let mut c = self.table.0.borrow_mut();
        // A row ends at a line break outside quotes: a quoted field may span lines, but no row
        // may grow past the limit.
        for &b in got {
            match b {
                b'"' => c.in_quotes = !c.in_quotes,
                b'\n' | b'\r' if !c.in_quotes => {
                    c.row_len = 0;
                    continue;
                }
                _ => {}
            }
            c.row_len += 1;
            if c.row_len > MAX_LINE_BYTES {
                return Err(io::Error::other(format!(
                    "a row longer than {} MiB",
                    MAX_LINE_BYTES >> 20
                )));
            }
        }
        let (start, line, after) = (c.offset, c.lines, c.after_cr);
        let (breaks, after_cr) = count_breaks(got, after);
        c.recent.push_back((start, line, got.to_vec()));
        if c.recent.len() > KEPT_CHUNKS {
            c.recent.pop_front();
        }
        c.offset += n as u64;
        c.lines += breaks;
        c.after_cr = after_cr;
        Ok(n)
    }
}

/// The 1-based line number of byte `offset` of a file in memory (`\n`, `\r\n` and a lone `\r`
/// each end a line); an offset on line breaks counts from the text after them, as a record
/// that starts after blank lines does.
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    let at = offset.min(bytes.len());
    let end = at + skip_breaks(&bytes[at..]);
    count_breaks(&bytes[..end], false).0 as usize + 1
}

/// How many line-break bytes `bytes` starts with.
fn skip_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count()
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
        .position(|&b| b == b'\n' || b == b'\r')
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
        std::io::Write::write_all(&mut enc, &[b'x'; 100_000]).unwrap();
        let gz = enc.finish().unwrap();
        let cut = gz[..gz.len() / 2].to_vec();
        let err = Input::from_bytes(Path::new("votes.csv.gz"), cut)
            .and_then(|i| i.into_bytes(1 << 20))
            .unwrap_err();
        assert!(
            format!("{err:#}").starts_with("votes.csv.gz: truncated or corrupt gzip"),
            "{err:#}"
        );
    }

    #[test]
    fn json_is_read_up_to_its_cap() {
        let input = Input::from_bytes(Path::new("big.json"), vec![b' '; 5000]).unwrap();
        let err = input.into_bytes(4096).unwrap_err();
        assert!(
            format!("{err:#}").starts_with("big.json: larger than"),
            "{err:#}"
        );
        let input = Input::from_bytes(Path::new("ok.json"), b"[]".to_vec()).unwrap();
        assert_eq!(input.into_bytes(4096).unwrap(), b"[]");
    }

    #[test]
    fn lines_are_counted_for_every_ending_and_long_lines_refused() {
        for (text, offset, line) in [
            ("a\nb\nc", 4, 3),
            ("a\r\nb\r\nc", 6, 3),
            ("a\rb\rc", 4, 3),
            ("a\r\n\r\nb", 6, 3),
        ] {
            let input = Input::from_bytes(Path::new("x.csv"), text.as_bytes().to_vec()).unwrap();
            let (mut reader, table) = input.into_lines();
            let mut all = Vec::new();
            reader.read_to_end(&mut all).unwrap();
            assert_eq!(table.line_at(offset), Some(line), "{text:?}");
        }
        let long = vec![b'x'; MAX_LINE_BYTES + 10];
        let (mut reader, _) = Input::from_bytes(Path::new("x.csv"), long)
            .unwrap()
            .into_lines();
        let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("a row longer than"), "{err}");
        // A quoted field that spans many short lines is one row.
        let mut quoted = b"a,\"".to_vec();
        for _ in 0..(MAX_LINE_BYTES / 10 + 10) {
            quoted.extend_from_slice(b"aaaaaaaaa\n");
        }
        let (mut reader, _) = Input::from_bytes(Path::new("q.csv"), quoted)
            .unwrap()
            .into_lines();
        let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("a row longer than"), "{err}");
    }
}
