//! Reads the dataset image `build.rs` makes from `data/unga.json` (layout in
//! [`super::image_layout`]): every roll call's texts borrow from the image, so a launch parses
//! no JSON but the country table's and copies no title. Checked as it is read (UTF-8 once,
//! every span inside the arena and on character boundaries); a file from a user never comes
//! here, it goes through the loaders.

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};

use super::image_layout::{
    ENTRY_WORDS, FLAG_FIELDS, HEADER_WORDS, LIST_FIELDS, MAGIC, RECORD_WORDS, TABLES, TEXT_FIELDS,
    WORD_FIELDS,
};
use super::model::{Country, Precision, RollCall, StatedTally, Str, Tally};

/// What an image holds: countries, roll calls in the file's order, the attribution.
pub struct Image {
    /// The `format` of the file the image was built from.
    pub format: &'static str,
    /// The attribution of the sources.
    pub attribution: &'static str,
    /// Countries, in the order of every vote string.
    pub countries: Vec<Country>,
    /// Roll calls, in the file's order.
    pub roll_calls: Vec<RollCall>,
    /// Each roll call's tally.
    pub tallies: Vec<Tally>,
    /// The roll calls by id.
    pub ids: Table,
    /// The roll calls by the keys of `symbol::lookup_keys`: whole keys, bases, bare numbers.
    pub symbols: [Table; 3],
}

/// A lookup table of the image: (key, roll call) pairs sorted by key, then by roll call. Read
/// where it lies, unchecked at launch: an entry outside the arena or the roll calls is passed
/// over, and a test proves the tables of the bundled image find what maps built from its JSON
/// find.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    entries: &'static [u8],
    arena: &'static str,
    roll_calls: usize,
}

impl Table {
    fn len(&self) -> usize {
        self.entries.len() / (ENTRY_WORDS * 4)
    }

    fn entry(&self, k: usize) -> Option<(&'static str, usize)> {
        let w = Words(self.entries);
        let (at, len, n) = (
            w.get(k * ENTRY_WORDS).ok()?,
            w.get(k * ENTRY_WORDS + 1).ok()?,
            w.get(k * ENTRY_WORDS + 2).ok()?,
        );
        Some((span(self.arena, at, len).ok()?, n as usize))
    }

    /// The roll calls listed under `key`, in order.
    pub fn get(&self, key: &str) -> Vec<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.entry(mid).is_some_and(|(k, _)| k < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo..self.len())
            .map_while(|k| self.entry(k).filter(|(k, _)| *k == key))
            .map(|(_, n)| n)
            .filter(|&n| n < self.roll_calls)
            .collect()
    }
}

/// Little-endian words from `bytes`.
struct Words(&'static [u8]);

impl Words {
    fn get(&self, i: usize) -> Result<u32> {
        let b = self
            .0
            .get(i * 4..i * 4 + 4)
            .ok_or_else(|| anyhow!("the image ends early"))?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The header of an image, and the image after its magic.
fn header(image: &'static [u8]) -> Result<(Words, &'static [u8])> {
    let body = image
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| anyhow!("not a dataset image of this version"))?;
    let header = body
        .get(..HEADER_WORDS * 4)
        .ok_or_else(|| anyhow!("the image ends early"))?;
    Ok((Words(header), body))
}

/// The countries of an image alone (for a UN Library CSV loaded on its own): its header and
/// the country table, no roll call.
pub fn countries(image: &'static [u8]) -> Result<Vec<Country>> {
    let (header, body) = header(image)?;
    let arena = body
        .get(HEADER_WORDS * 4..HEADER_WORDS * 4 + header.get(1)? as usize)
        .ok_or_else(|| anyhow!("the image ends early"))?;
    let (at, len) = (header.get(7)? as usize, header.get(8)? as usize);
    let json = arena
        .get(at..at + len)
        .ok_or_else(|| anyhow!("the country table lies outside the image's arena"))?;
    serde_json::from_slice(json).context("the countries")
}

/// Reads an image.
pub fn read(image: &'static [u8]) -> Result<Image> {
    let (header, body) = header(image)?;
    let word = |i| -> Result<usize> { Ok(header.get(i)? as usize) };
    let (roll_calls, arena_len, list_len) = (word(0)?, word(1)?, word(2)?);
    let rest = &body[HEADER_WORDS * 4..];
    let (arena, rest) = rest
        .split_at_checked(arena_len)
        .ok_or_else(|| anyhow!("the image ends early"))?;
    let arena = std::str::from_utf8(arena).context("the image's texts")?;
    let (lists, rest) = rest
        .split_at_checked(list_len * 8)
        .ok_or_else(|| anyhow!("the image ends early"))?;
    let (records, mut rest) = rest
        .split_at_checked(roll_calls * RECORD_WORDS * 4)
        .ok_or_else(|| anyhow!("the image ends early"))?;
    let (lists, records) = (Words(lists), Words(records));
    let mut tables = [Table {
        entries: &[],
        arena,
        roll_calls,
    }; TABLES.len()];
    for (t, table) in tables.iter_mut().enumerate() {
        let (entries, more) = rest
            .split_at_checked(word(9 + t)? * ENTRY_WORDS * 4)
            .ok_or_else(|| anyhow!("the image ends early"))?;
        *table = Table {
            entries,
            arena,
            roll_calls,
        };
        rest = more;
    }
    if !rest.is_empty() {
        bail!("the image has {} bytes after its tables", rest.len());
    }
    let span = |at, len| span(arena, at, len);
    let countries: Vec<Country> =
        serde_json::from_str(span(header.get(7)?, header.get(8)?)?).context("the countries")?;
    let mut out = Vec::with_capacity(roll_calls);
    let mut tallies = Vec::with_capacity(roll_calls);
    let mut words = [0u32; RECORD_WORDS];
    for (n, record) in records.0.chunks_exact(RECORD_WORDS * 4).enumerate() {
        for (w, b) in words.iter_mut().zip(record.chunks_exact(4)) {
            *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        out.push(
            roll_call(&words, arena, &lists)
                .with_context(|| format!("roll call {n} of the image"))?,
        );
        let [yes, no, abstain, non_voting] = [4, 3, 2, 1].map(|k| words[RECORD_WORDS - k]);
        tallies.push(Tally {
            yes,
            no,
            abstain,
            non_voting,
        });
    }
    Ok(Image {
        format: span(header.get(3)?, header.get(4)?)?,
        attribution: span(header.get(5)?, header.get(6)?)?,
        countries,
        roll_calls: out,
        tallies,
        ids: tables[0],
        symbols: [tables[1], tables[2], tables[3]],
    })
}

/// The text at `at`, `len` bytes long, in the arena.
fn span(arena: &'static str, at: u32, len: u32) -> Result<&'static str> {
    let (at, len) = (at as usize, len as usize);
    arena
        .get(at..at + len)
        .ok_or_else(|| anyhow!("a text outside the image's arena"))
}

/// One roll call from its record's words `w`.
fn roll_call(w: &[u32; RECORD_WORDS], arena: &'static str, lists: &Words) -> Result<RollCall> {
    let text =
        |i: usize| -> Result<Str> { Ok(Str::borrowed(span(arena, w[2 * i], w[2 * i + 1])?)) };
    let mut rc = RollCall {
        id: text(0)?,
        symbol: text(1)?,
        source_symbol: text(2)?,
        session: text(3)?,
        date: text(4)?,
        title: text(5)?,
        description: text(6)?,
        agenda: text(7)?,
        draft: text(8)?,
        meeting: text(9)?,
        committee: text(10)?,
        quality: text(11)?,
        title_source: text(12)?,
        undl_id: text(13)?,
        undl_symbol: text(14)?,
        undl_match: text(15)?,
        note: text(16)?,
        source: text(17)?,
        source_ref: text(18)?,
        votes: text(19)?,
        ..RollCall::default()
    };
    let mut i = 2 * TEXT_FIELDS.len();
    let word = |i: usize| -> Result<Option<&'static str>> {
        let s = span(arena, w[i], w[i + 1])?;
        Ok((!s.is_empty()).then_some(s))
    };
    if let Some(kind) = word(i)? {
        rc.kind = enum_of(kind)?;
    }
    if let Some(precision) = word(i + 2)? {
        rc.date_precision = enum_of::<Precision>(precision)?;
    }
    i += 2 * WORD_FIELDS.len();
    let list = |i: usize| -> Result<Vec<Str>> {
        let (first, count) = (w[i] as usize, w[i + 1] as usize);
        (first..first + count)
            .map(|k| {
                Ok(Str::borrowed(span(
                    arena,
                    lists.get(2 * k)?,
                    lists.get(2 * k + 1)?,
                )?))
            })
            .collect()
    };
    rc.subjects = list(i)?;
    rc.issues = list(i + 2)?;
    i += 2 * LIST_FIELDS.len();
    let flag = |i: usize| -> Result<Option<bool>> {
        match w[i] {
            0 => Ok(None),
            1 => Ok(Some(false)),
            2 => Ok(Some(true)),
            other => bail!("flag {other} is not 0, 1 or 2"),
        }
    };
    rc.important = flag(i)?;
    rc.amendment = flag(i + 1)?;
    rc.paragraph = flag(i + 2)?;
    rc.whole = flag(i + 3)?;
    i += FLAG_FIELDS.len();
    rc.stated = match w[i] {
        0 => None,
        present => Some(StatedTally {
            yes: w[i + 1],
            no: w[i + 2],
            abstain: w[i + 3],
            non_voting: (present == 2).then_some(w[i + 4]),
        }),
    };
    Ok(rc)
}

/// An enum from its serde name (`amendment`, `month`), as the JSON reading would give it.
fn enum_of<'a, T: Deserialize<'a>>(word: &'a str) -> Result<T> {
    let d: StrDeserializer<'a, ValueError> = word.into_deserializer();
    T::deserialize(d).map_err(|e| anyhow!("{word:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Kind;

    #[test]
    fn enums_read_by_their_serde_names() {
        assert_eq!(enum_of::<Kind>("amendment").unwrap(), Kind::Amendment);
        assert_eq!(enum_of::<Precision>("month").unwrap(), Precision::Month);
        assert!(enum_of::<Kind>("resolutions").is_err());
    }

    #[test]
    fn a_broken_image_is_an_error() {
        assert!(read(b"not an image").is_err());
        assert!(read(b"UVIMAGE4\x01\x00").is_err());
    }
}
