//! Quote files: a JSON array of attributed quotations (schema in `data/README.md`), checked for
//! the fields every quote must carry.

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::input::Input;
use super::model::Quote;

/// Parses a quotes file from `bytes`, named `path` in messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<Quote>> {
    let shown = path.display();
    let quotes: Vec<Quote> = serde_json::from_slice(bytes).map_err(|e| {
        let msg = e.to_string();
        let msg = msg
            .rfind(" at line ")
            .map_or(msg.as_str(), |i| &msg[..i])
            .to_string();
        anyhow!("{shown}: line {}, column {}: {msg}", e.line(), e.column())
    })?;
    for (i, q) in quotes.iter().enumerate() {
        for (field, value) in [
            ("text", &q.text),
            ("speaker", &q.speaker),
            ("resolution", &q.resolution),
        ] {
            if value.trim().is_empty() {
                bail!("{shown}: quote {}: the field {field:?} is empty", i + 1);
            }
        }
    }
    Ok(quotes)
}

/// Reads a quotes file (gzip or not).
pub fn load(path: &Path) -> Result<Vec<Quote>> {
    let input = Input::read(path)?;
    parse(&input.path, &input.bytes)
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
        assert_eq!(err, "q.json: quote 1: the field \"speaker\" is empty");
        let broken = b"[{\"text\": }]";
        assert!(
            parse(Path::new("q.json"), broken)
                .unwrap_err()
                .to_string()
                .starts_with("q.json: line 1, column ")
        );
    }
}
