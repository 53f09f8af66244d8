//! Quote files: a JSON array of attributed quotations (schema in `data/README.md`), checked for
//! the fields every quote must carry.

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::input::{Input, MAX_QUOTES_BYTES, capped_vec};
use super::model::Quote;

/// Parses a quotes file from `bytes`, named `path` in messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<Quote>> {
    let shown = path.display();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let quotes: std::result::Result<Vec<Quote>, serde_json::Error> =
        capped_vec::<_, Quote, MAX_QUOTES>(&mut de).and_then(|q| de.end().map(|()| q));
    let quotes: Vec<Quote> = quotes.map_err(|e| {
        let msg = e.to_string();
        let msg = msg
            .rfind(" at line ")
            .map_or(msg.as_str(), |i| &msg[..i])
            .to_string();
        anyhow!("{shown}: line {}, column {}: {msg}", e.line(), e.column())
    })?;
    if quotes.len() > MAX_QUOTES {
        bail!("{shown}: {} quotes, more than {MAX_QUOTES}", quotes.len());
    }
    let mut lines: Option<Vec<usize>> = None;
    for (i, q) in quotes.iter().enumerate() {
        if let Err(problem) = check(q) {
            let lines = lines.get_or_insert_with(|| object_lines(bytes));
            let line = lines.get(i).copied().unwrap_or(1);
            bail!("{shown}: line {line}: quote {}: {problem}", i + 1);
        }
    }
    Ok(quotes)
}

/// The most quotes a file may hold: far above any real collection, low enough that a wrong
/// file stops with a message.
pub const MAX_QUOTES: usize = 100_000;

/// What is wrong with a quote, if anything: an empty required field, a date that is not a day
/// (or month) of the calendar, a vote code that is not `Y`, `N`, `A` or `X`.
fn check(q: &Quote) -> std::result::Result<(), String> {
    for (field, value) in [
        ("text", &q.text),
        ("speaker", &q.speaker),
        ("resolution", &q.resolution),
    ] {
        if value.trim().is_empty() {
            return Err(format!("the field {field:?} is empty"));
        }
    }
    if !q.date.is_empty() {
        super::date::check(&q.date, super::model::Precision::Month)
            .map_err(|e| format!("date {e}"))?;
    }
    if !matches!(q.country_vote.as_str(), "" | "Y" | "N" | "A" | "X") {
        return Err(format!(
            "country_vote {:?} is not Y, N, A, X or empty",
            crate::data::text::truncate(&crate::data::text::clean(&q.country_vote), 20)
        ));
    }
    Ok(())
}

/// The line on which each element of a top-level JSON array starts.
fn object_lines(bytes: &[u8]) -> Vec<usize> {
    let (mut line, mut depth, mut in_string, mut escaped) = (1, 0usize, false, false);
    let mut out = Vec::new();
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            if b == b'\n' {
                line += 1;
            }
            continue;
        }
        match b {
            b'\n' => line += 1,
            b'"' => in_string = true,
            b'{' | b'[' => {
                if depth == 1 {
                    out.push(line);
                }
                depth += 1;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

/// Reads a quotes file (gzip or not).
pub fn load(path: &Path) -> Result<Vec<Quote>> {
    let input = Input::open(path)?;
    let bytes = input.into_bytes(MAX_QUOTES_BYTES)?;
    parse(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_quote_and_refuses_a_missing_speaker() {
        let ok = br#"[{"text":"It shows who stands where.","speaker":"Dmytro Kuleba","resolution":"A/RES/ES-11/6"}]"#;
        let q = parse(Path::new("q.json"), ok).unwrap();
        assert_eq!(q[0].speaker, "Dmytro Kuleba");
        let bad = br#"[{"text":"x","speaker":" ","resolution":"A/RES/ES-11/6"}]"#;
        let err = parse(Path::new("q.json"), bad).unwrap_err().to_string();
        assert_eq!(
            err,
            "q.json: line 1: quote 1: the field \"speaker\" is empty"
        );
        let two = b"[\n {\"text\":\"a\",\"speaker\":\"b\",\"resolution\":\"c\"},\n {\"text\":\"a\",\n  \"speaker\":\"b\",\"resolution\":\"c\",\"date\":\"2023-02-30\"}\n]";
        let err = parse(Path::new("q.json"), two).unwrap_err().to_string();
        assert!(err.starts_with("q.json: line 3: quote 2: date "), "{err}");
        let vote = br#"[{"text":"a","speaker":"b","resolution":"c","country_vote":"yes"}]"#;
        let err = parse(Path::new("q.json"), vote).unwrap_err().to_string();
        assert!(err.contains("country_vote \"yes\" is not Y"), "{err}");
        let broken = b"[{\"text\": }]";
        assert!(
            parse(Path::new("q.json"), broken)
                .unwrap_err()
                .to_string()
                .starts_with("q.json: line 1, column ")
        );
    }
}
