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
    let file: NativeFile = serde_json::from_slice(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{path}: line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(&e)
        )
    })?;
    if file.format != FORMAT {
        bail!("{path}: line 1: format {:?} is not {FORMAT:?}", file.format);
    }
    Dataset::new(file.countries, file.roll_calls, file.attribution).map_err(|e| {
        let line = locate(bytes, &e.to_string());
        anyhow::anyhow!("{path}: line {line}: {e}")
    })
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
