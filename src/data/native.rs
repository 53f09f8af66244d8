//! The native dataset format: one JSON object, one country or roll call per line, each roll
//! call's votes a string of one code per country. Designed to load fast with serde_json and to
//! diff well under version control.
//!
//! ```text
//! {"format":"unvote-tui/1","attribution":"…",
//! "countries":[
//! {"code":"AFG","name":"Afghanistan",…},
//! …],
//! "roll_calls":[
//! {"id":"V:3","session":"1","date":"1946-01-01","title":"…","votes":"YN.A…"},
//! …]}
//! ```

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::builder::MAX_ROLL_CALLS;
use super::canonical::MAX_COUNTRIES;
use super::dataset::Dataset;
use super::input::{Input, MAX_JSON_BYTES, capped_vec, line_of};
use super::model::{Country, RollCall};

/// The value of the `format` field this version reads and writes.
pub const FORMAT: &str = "unvote-tui/1";

#[derive(Deserialize)]
struct NativeFile {
    format: String,
    #[serde(default)]
    attribution: String,
    #[serde(deserialize_with = "capped_vec::<_, _, MAX_COUNTRIES>")]
    countries: Vec<Country>,
    #[serde(deserialize_with = "capped_vec::<_, _, MAX_ROLL_CALLS>")]
    roll_calls: Vec<RollCall>,
}

/// Reads and parses a native dataset (at most [`MAX_JSON_BYTES`] once decompressed).
pub fn load(input: Input) -> Result<Dataset> {
    let path = input.path.clone();
    let bytes = input.into_bytes(MAX_JSON_BYTES)?;
    parse(&path, &bytes)
}

/// Parses a native dataset from `bytes`, named `path` in messages. Errors name the file and the
/// line (and column for JSON syntax).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Dataset> {
    let path = path.display();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file = match parse_by_lines(bytes) {
        Some(file) => file,
        None => parse_whole(&path, bytes)?,
    };
    if file.format != FORMAT {
        bail!("{path}: line 1: format {:?} is not {FORMAT:?}", file.format);
    }
    Dataset::new(file.countries, file.roll_calls, file.attribution).map_err(|e| {
        let line = locate(bytes, &e.to_string());
        anyhow::anyhow!("{path}: line {line}: {e}")
    })
}

/// The whole file in one pass of serde_json: the reference reading, and the one whose errors
/// are reported (line and column).
fn parse_whole(path: &std::path::Display<'_>, bytes: &[u8]) -> Result<NativeFile> {
    serde_json::from_slice(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{path}: line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e)
        )
    })
}

/// `line` without JSON white space (space, tab, carriage return) at its ends.
fn json_trim(line: &[u8]) -> &[u8] {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let start = line.iter().position(|b| !space(b)).unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |e| e + 1);
    &line[start..end.max(start)]
}

/// The header and the countries of a file in this format's layout (everything before the roll
/// calls, a few hundred lines), and where its roll calls start.
fn parse_head(bytes: &[u8]) -> Option<(NativeFile, usize)> {
    const MARK: &[u8] = b"\n\"roll_calls\":[\n";
    // Line by line to the mark, not byte by byte.
    let mut at = 0;
    loop {
        let next = at + bytes.get(at..)?.iter().position(|&b| b == b'\n')?;
        if bytes.get(next..next + MARK.len()) == Some(MARK) {
            at = next;
            break;
        }
        at = next + 1;
    }
    let head = [&bytes[..at], b"\n\"roll_calls\":[]}".as_slice()].concat();
    let file: NativeFile = serde_json::from_slice(&head).ok()?;
    Some((file, at + MARK.len()))
}

/// The countries of a file in this format, read from its head alone when it has this format's
/// layout (the bundled file does), else from the whole file.
pub fn countries(bytes: &[u8]) -> Result<Vec<Country>> {
    if let Some((file, _)) = parse_head(bytes) {
        return Ok(file.countries);
    }
    #[derive(Deserialize)]
    struct Countries {
        #[serde(deserialize_with = "capped_vec::<_, _, MAX_COUNTRIES>")]
        countries: Vec<Country>,
    }
    Ok(serde_json::from_slice::<Countries>(bytes)?.countries)
}

/// The layout this format is written in — a header, then one roll call per line — read with
/// the roll calls shared between two threads. None when the bytes are laid out otherwise or
/// any line does not read, so that the whole-file reading runs and reports the error.
fn parse_by_lines(bytes: &[u8]) -> Option<NativeFile> {
    let (mut file, at) = parse_head(bytes)?;
    // Exactly the layout this format is written in: every roll call but the last ends with `,`;
    // the last ends with `]}`, or stands alone before a line `]}`; nothing follows but white
    // space. Anything else (a cut file, a missing comma) goes to the whole-file reading, which
    // reports it.
    let mut lines: Vec<&[u8]> = Vec::new();
    // 0: more roll calls may come; 1: the last came, `]}` must follow; 2: closed.
    let mut state = 0;
    for line in bytes[at..].split(|&b| b == b'\n').map(json_trim) {
        if line.is_empty() {
            continue;
        }
        match state {
            1 if line == b"]}" => {
                state = 2;
                continue;
            }
            0 if line == b"]}" && lines.is_empty() => {
                state = 2;
                continue;
            }
            0 => {}
            _ => return None,
        }
        if lines.len() >= MAX_ROLL_CALLS {
            return None;
        }
        let record = if let Some(r) = line.strip_suffix(b"]}") {
            state = 2;
            json_trim(r)
        } else if let Some(r) = line.strip_suffix(b",") {
            json_trim(r)
        } else {
            state = 1;
            line
        };
        if !record.starts_with(b"{") || !record.ends_with(b"}") {
            return None;
        }
        lines.push(record);
    }
    if state != 2 {
        return None;
    }
    let read = |part: &[&[u8]]| -> Option<Vec<RollCall>> {
        part.iter()
            .map(|l| serde_json::from_slice::<RollCall>(l).ok())
            .collect()
    };
    let (first, second) = lines.split_at(lines.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let other = s.spawn(|| read(second));
        (read(first), other.join().ok().flatten())
    });
    let mut roll_calls = a?;
    roll_calls.extend(b?);
    file.roll_calls = roll_calls;
    Some(file)
}

/// serde_json's message without its trailing " at line L column C", which we print first.
fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// The line of the roll call or country a validation message names (its id after `roll call `
/// or `country `), or 1 when it cannot be found.
fn locate(bytes: &[u8], message: &str) -> usize {
    let id = ["roll call ", "country "]
        .iter()
        .find_map(|p| message.strip_prefix(p))
        .and_then(|rest| rest.split([':', ' ']).next());
    let Some(id) = id else { return 1 };
    let Ok(needle) = serde_json::to_string(id) else {
        return 1;
    };
    // The value after `"id"` or `"code"` and a colon, with any white space between.
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], needle.as_bytes()).map(|i| i + from) {
        let before = bytes[..at].trim_ascii_end();
        if let Some(key) = before.strip_suffix(b":").map(<[u8]>::trim_ascii_end)
            && (key.ends_with(b"\"id\"") || key.ends_with(b"\"code\""))
        {
            return line_of(bytes, at);
        }
        from = at + 1;
    }
    1
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Writes `data` in the native format.
pub fn write(data: &Dataset, out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "{{\"format\":{},\"attribution\":{},",
        json(&FORMAT)?,
        json(&data.attribution)?
    )?;
    writeln!(out, "\"countries\":[")?;
    write_lines(out, &data.countries)?;
    writeln!(out, "],\n\"roll_calls\":[")?;
    write_lines(out, &data.roll_calls)?;
    writeln!(out, "]}}")?;
    Ok(())
}

fn write_lines<T: serde::Serialize>(out: &mut impl Write, items: &[T]) -> Result<()> {
    for (i, item) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { "," } else { "" };
        writeln!(out, "{}{sep}", json(item)?)?;
    }
    Ok(())
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String> {
    serde_json::to_string(v).context("serialising the dataset")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input::from_bytes(Path::new("d.json"), text.as_bytes().to_vec()).unwrap()
    }

    const GOOD: &str = "{\"format\":\"unvote-tui/1\",\"attribution\":\"test\",\n\"countries\":[\n\
        {\"code\":\"AAA\",\"name\":\"A\"},\n{\"code\":\"BBB\",\"name\":\"B\"}\n],\n\"roll_calls\":[\n\
        {\"id\":\"r1\",\"session\":\"1\",\"date\":\"2000-01-01\",\"votes\":\"YN\"},\n\
        {\"id\":\"r2\",\"session\":\"1\",\"date\":\"2000-01-02\",\"votes\":\"Y.\"}\n]}\n";

    #[test]
    fn reading_by_lines_gives_the_whole_files_roll_calls() {
        // The bundled data and a written file: the two-thread reading of one roll call per
        // line equals the reference reading, every roll call and every field.
        let bundled: &[u8] = include_bytes!("../../data/unga.json");
        let path = Path::new("b").display();
        let whole = parse_whole(&path, bundled).unwrap();
        let lines = parse_by_lines(bundled).expect("the bundled layout reads by lines");
        assert_eq!(lines.roll_calls.len(), whole.roll_calls.len());
        assert!(lines.roll_calls == whole.roll_calls);
        assert!(lines.countries == whole.countries);
        assert_eq!(lines.attribution, whole.attribution);
        assert!(parse_by_lines(GOOD.as_bytes()).is_some());
        // Any other layout falls back to the whole reading (and its error positions).
        let one_line = GOOD.replace('\n', "");
        assert!(parse_by_lines(one_line.as_bytes()).is_none());
        // A file cut after a roll call, a missing comma, a trailing comma, a line after the
        // end: never read by lines (the whole-file reading reports them).
        let cut = &GOOD[..GOOD.find("{\"id\":\"r2\"").unwrap()];
        assert!(parse_by_lines(cut.as_bytes()).is_none());
        assert!(load(input(cut)).is_err());
        let no_comma = GOOD.replace("\"YN\"},", "\"YN\"}");
        assert!(parse_by_lines(no_comma.as_bytes()).is_none());
        let trailing = GOOD.replace("\"Y.\"}\n]}", "\"Y.\"},\n]}");
        assert!(parse_by_lines(trailing.as_bytes()).is_none());
        let after = format!("{GOOD}{{\"id\":\"r3\"}}\n");
        assert!(parse_by_lines(after.as_bytes()).is_none());
        // What the writer writes reads by lines.
        let mut written = Vec::new();
        write(&load(input(GOOD)).unwrap(), &mut written).unwrap();
        assert_eq!(parse_by_lines(&written).unwrap().roll_calls.len(), 2);
        let broken = GOOD.replace("\"r2\"", "r2");
        assert!(parse_by_lines(broken.as_bytes()).is_none());
        let err = load(input(&broken)).unwrap_err().to_string();
        assert!(err.contains("line 8, column 7"), "{err}");
    }

    #[test]
    fn round_trips_through_write() {
        let data = load(input(GOOD)).unwrap();
        let mut out = Vec::new();
        write(&data, &mut out).unwrap();
        let again = load(input(std::str::from_utf8(&out).unwrap())).unwrap();
        assert_eq!(again.roll_calls, data.roll_calls);
        assert_eq!(again.countries, data.countries);
        assert_eq!(again.tally(0).no, 1);
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let broken = GOOD.replace("\"date\":\"2000-01-02\"", "\"date\":2000-01-02");
        let err = format!("{:#}", load(input(&broken)).unwrap_err());
        assert!(
            err.starts_with("d.json: line 8, column 36: invalid type"),
            "{err}"
        );
    }

    #[test]
    fn bad_vote_code_names_the_roll_call_line() {
        let bad = GOOD.replace("\"Y.\"", "\"Q.\"");
        let err = format!("{:#}", load(input(&bad)).unwrap_err());
        assert_eq!(
            err,
            "d.json: line 8: roll call r2: unknown vote code 'Q' at position 1 (expected Y, N, A, X or .)"
        );
    }

    #[test]
    fn wrong_length_and_duplicates_are_refused() {
        let short = GOOD.replace("\"YN\"", "\"Y\"");
        assert!(format!("{:#}", load(input(&short)).unwrap_err()).contains("line 7: roll call r1"));
        let dup = GOOD.replace("\"r2\"", "\"r1\"");
        assert!(format!("{:#}", load(input(&dup)).unwrap_err()).contains("listed twice"));
    }
}
