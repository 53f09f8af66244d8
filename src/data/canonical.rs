//! Loaders for the canonical CSVs of the bundled data's sources: `countries.csv`, the roll-call
//! file (`unga_resolutions.csv.gz`, `extra_resolutions.csv`) and the per-country votes file
//! (`unga_votes.csv.gz`, `extra_votes.csv`). Columns are found by name; errors name file and line.

use std::collections::HashMap;

use anyhow::{Result, anyhow, bail};
use csv::StringRecord;

use super::builder::Builder;
use super::input::{Input, LineTable};
use super::model::{Country, Kind, Precision, RollCall, StatedTally, Str, Vote};
use super::text;

/// Column positions of a CSV, found by header name.
pub struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    /// Reads the header row of `reader`.
    fn new<R: std::io::Read>(reader: &mut csv::Reader<R>) -> csv::Result<Columns> {
        let index = reader
            .headers()?
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let h = h.trim();
                (
                    h.strip_prefix('\u{feff}').unwrap_or(h).to_ascii_lowercase(),
                    i,
                )
            })
            .collect();
        Ok(Columns { index })
    }

    /// The position of a required column.
    pub fn need(&self, name: &str) -> Result<usize> {
        self.index
            .get(name)
            .copied()
            .ok_or_else(|| anyhow!("missing column {name:?} (the header is line 1)"))
    }

    /// The position of an optional column.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
}

/// Turns a csv error into one line naming the file and, where the table still knows it, the
/// line.
fn csv_message(path: &str, e: &csv::Error, lines: &LineTable) -> anyhow::Error {
    let line = match e.position() {
        Some(p) => Some(lines.line_at(p.byte()).unwrap_or(p.line())),
        None if matches!(e.kind(), csv::ErrorKind::Io(_)) => Some(lines.current_line()),
        None => None,
    };
    let msg = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::InvalidInput
                    | std::io::ErrorKind::InvalidData
                    | std::io::ErrorKind::UnexpectedEof
            ) =>
        {
            "truncated or corrupt gzip data".to_string()
        }
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    };
    match line {
        Some(l) => anyhow!("{path}: line {l}: {msg}"),
        None => anyhow!("{path}: {msg}"),
    }
}

/// The most records a CSV file may hold: the UN Library's file has about 900,000.
pub const MAX_RECORDS: u64 = 20_000_000;

/// Streams the records of `input`, calling `f` with the columns and each record. Errors name the
/// file and the record's line (a lone `\r` or `\r\n` ends a line as `\n` does).
pub fn for_each_record(
    input: Input,
    mut f: impl FnMut(&Columns, &StringRecord) -> Result<()>,
) -> Result<()> {
    let path = input.path.display().to_string();
    let (lines, table) = input.into_lines();
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(lines);
    let cols = Columns::new(&mut rdr).map_err(|e| csv_message(&path, &e, &table))?;
    let mut rec = StringRecord::new();
    let mut count = 0u64;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => return Err(csv_message(&path, &e, &table)),
        }
        count += 1;
        if count > MAX_RECORDS {
            bail!("{path}: more than {MAX_RECORDS} records; not a file this program reads");
        }
        if let Err(e) = f(&cols, &rec) {
            let line = rec
                .position()
                .map_or(0, |p| table.line_at(p.byte()).unwrap_or(p.line()));
            return Err(e.context(format!("{path}: line {line}")));
        }
    }
}

fn field<'r>(rec: &'r StringRecord, cols: &Columns, name: &str) -> Result<&'r str> {
    Ok(rec.get(cols.need(name)?).unwrap_or("").trim())
}

/// The trimmed value of an optional column of `rec` (empty when the column is absent).
pub fn opt_field<'r>(rec: &'r StringRecord, cols: &Columns, name: &str) -> &'r str {
    cols.find(name)
        .and_then(|i| rec.get(i))
        .unwrap_or("")
        .trim()
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

fn flag(s: &str) -> Result<Option<bool>> {
    match s {
        "" => Ok(None),
        "1" | "true" | "TRUE" => Ok(Some(true)),
        "0" | "false" | "FALSE" => Ok(Some(false)),
        other => bail!("expected 0 or 1, found {other:?}"),
    }
}

fn number<T: std::str::FromStr>(name: &str, s: &str) -> Result<Option<T>> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| anyhow!("column {name}: {s:?} is not a number"))
}

/// The most countries a table may list (the UN has had about 200 members and former members).
pub const MAX_COUNTRIES: usize = 500;

/// Reads `countries.csv`.
pub fn load_countries(input: Input) -> Result<Vec<Country>> {
    let mut out = Vec::new();
    for_each_record(input, |cols, rec| {
        let f = |name| opt_field(rec, cols, name).to_string();
        let code = field(rec, cols, "iso3")?;
        if code.is_empty() {
            bail!("empty iso3 code");
        }
        if out.len() >= MAX_COUNTRIES {
            bail!("more than {MAX_COUNTRIES} countries");
        }
        out.push(Country {
            code: code.to_string(),
            iso2: f("iso2"),
            name: field(rec, cols, "name")?.to_string(),
            official_name: f("official_name"),
            un_name: f("un_name"),
            aliases: list(opt_field(rec, cols, "alt_names")),
            groups: list(opt_field(rec, cols, "un_regional_group")),
            member: flag(opt_field(rec, cols, "un_member_2026"))?.unwrap_or(false),
            historical: flag(opt_field(rec, cols, "historical"))?.unwrap_or(false),
            successor: f("successor_iso3"),
            region: f("m49_region"),
            subregion: f("m49_subregion"),
            lat: number("lat", opt_field(rec, cols, "lat"))?,
            lon: number("lon", opt_field(rec, cols, "lon"))?,
        });
        Ok(())
    })?;
    Ok(out)
}

/// Reads a roll-call CSV into `builder`.
pub fn load_roll_calls(input: Input, builder: &mut Builder) -> Result<()> {
    for_each_record(input, |cols, rec| {
        let f = |name| opt_field(rec, cols, name).to_string();
        let id = field(rec, cols, "vote_id")?;
        if id.is_empty() {
            bail!("empty vote_id");
        }
        let stated = match (
            number::<u32>("stated_yes", opt_field(rec, cols, "stated_yes"))?,
            number::<u32>("stated_no", opt_field(rec, cols, "stated_no"))?,
            number::<u32>("stated_abstain", opt_field(rec, cols, "stated_abstain"))?,
        ) {
            (Some(yes), Some(no), Some(abstain)) => Some(StatedTally {
                yes,
                no,
                abstain,
                non_voting: None,
            }),
            _ => None,
        };
        let amendment = flag(opt_field(rec, cols, "amendment"))?;
        let paragraph = flag(opt_field(rec, cols, "paragraph"))?;
        let kind = match opt_field(rec, cols, "kind") {
            "" => Kind::from_flags(
                flag(opt_field(rec, cols, "whole_resolution"))?,
                amendment,
                paragraph,
            ),
            k => Kind::parse(k).ok_or_else(|| {
                anyhow!("column kind: {k:?} is not resolution, amendment, paragraph or procedural")
            })?,
        };
        let date_precision = match opt_field(rec, cols, "date_precision") {
            "" | "day" => Precision::Day,
            "month" => Precision::Month,
            p => bail!("column date_precision: {p:?} is not day or month"),
        };
        let date = field(rec, cols, "date")?;
        super::date::check(date, date_precision).map_err(|e| anyhow!("column date: {e}"))?;
        let check = opt_field(rec, cols, "count_check");
        let note = if check == "ok" || check == "no stated totals" {
            String::new()
        } else {
            check.to_string()
        };
        builder.add_roll_call(RollCall {
            id: id.into(),
            symbol: f("resolution").into(),
            source_symbol: f("source_symbol").into(),
            session: field(rec, cols, "session")?.into(),
            date: field(rec, cols, "date")?.into(),
            title: text::title(opt_field(rec, cols, "title")).into(),
            description: f("description").into(),
            agenda: f("agenda").into(),
            subjects: list(opt_field(rec, cols, "subjects"))
                .into_iter()
                .map(Str::from)
                .collect(),
            issues: list(opt_field(rec, cols, "issues"))
                .into_iter()
                .map(Str::from)
                .collect(),
            important: flag(opt_field(rec, cols, "important_vote"))?,
            amendment,
            paragraph,
            whole: flag(opt_field(rec, cols, "whole_resolution"))?,
            draft: f("draft").into(),
            meeting: f("meeting").into(),
            committee: f("committee").into(),
            kind,
            quality: f("quality").into(),
            date_precision,
            title_source: f("title_source").into(),
            undl_id: f("undl_id").into(),
            undl_symbol: f("undl_symbol").into(),
            undl_match: f("undl_match").into(),
            stated,
            note: note.into(),
            source: f("source").into(),
            source_ref: f("source_ref").into(),
            votes: Str::default(),
        })?;
        Ok(())
    })
}

/// Reads a per-country votes CSV into `builder`, whose roll calls must already be loaded.
pub fn load_votes(input: Input, builder: &mut Builder) -> Result<()> {
    let mut last: Option<(String, usize)> = None;
    for_each_record(input, |cols, rec| {
        let id = field(rec, cols, "vote_id")?;
        let rc = match &last {
            Some((last_id, i)) if last_id == id => *i,
            _ => {
                let i = builder
                    .roll_call(id)
                    .ok_or_else(|| anyhow!("unknown roll call {id:?}"))?;
                last = Some((id.to_string(), i));
                i
            }
        };
        let code = field(rec, cols, "iso3")?;
        let country = builder
            .country(code, opt_field(rec, cols, "country"))
            .ok_or_else(|| anyhow!("vote for unknown country {code:?}"))?;
        let vote = field(rec, cols, "vote")?;
        builder.set_vote(rc, country, parse_vote(vote)?)
    })
}

/// Reads a vote code: `Y`, `N`, `A`, or `X` for non-voting.
pub fn parse_vote(s: &str) -> Result<Vote> {
    match s.as_bytes() {
        [b] => Vote::from_code(b.to_ascii_uppercase()),
        _ => None,
    }
    .ok_or_else(|| anyhow!("unknown vote code {s:?} (expected Y, N, A or X)"))
}
