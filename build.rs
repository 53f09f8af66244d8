//! Turns the bundled dataset, `data/unga.json` (the source of truth under version control), into
//! the compact image the binary carries (`src/data/image_layout.rs` describes it): one arena of
//! texts, each distinct text once, and a fixed-size record per roll call, so that a launch reads
//! the dataset without parsing JSON or copying a text. A file that does not fit the layout stops
//! the build with the roll call and field it could not place.

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;

use serde_json::{Map, Value};

#[allow(dead_code)]
#[path = "src/data/image_layout.rs"]
mod image_layout;

/// The symbol keys the program looks roll calls up by: the same code, so the same keys.
#[allow(dead_code)]
#[path = "src/data/symbol.rs"]
mod symbol;

use image_layout::{
    ENTRY_WORDS, FLAG_FIELDS, HEADER_WORDS, LIST_FIELDS, MAGIC, RECORD_WORDS, STATED_FIELD, TABLES,
    TEXT_FIELDS, WORD_FIELDS,
};

type BuildResult<T> = Result<T, Box<dyn Error>>;

fn main() -> BuildResult<()> {
    println!("cargo::rerun-if-changed=data/unga.json");
    println!("cargo::rerun-if-changed=src/data/image_layout.rs");
    println!("cargo::rerun-if-changed=src/data/symbol.rs");
    let json = std::fs::read("data/unga.json")?;
    let file: Value = serde_json::from_slice(&json)?;
    let image = build(&file).map_err(|e| format!("data/unga.json: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("unga.image");
    std::fs::write(out, image)?;
    Ok(())
}

/// Texts stored once each.
#[derive(Default)]
struct Arena {
    bytes: Vec<u8>,
    at: HashMap<String, (u32, u32)>,
}

impl Arena {
    fn add(&mut self, text: &str) -> BuildResult<(u32, u32)> {
        if text.is_empty() {
            return Ok((0, 0));
        }
        if let Some(&span) = self.at.get(text) {
            return Ok(span);
        }
        let span = (u32::try_from(self.bytes.len())?, u32::try_from(text.len())?);
        self.bytes.extend_from_slice(text.as_bytes());
        self.at.insert(text.to_string(), span);
        Ok(span)
    }
}

fn build(file: &Value) -> BuildResult<Vec<u8>> {
    let text = |key: &str| -> BuildResult<&str> {
        file.get(key)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("no {key} text").into())
    };
    let roll_calls = file
        .get("roll_calls")
        .and_then(Value::as_array)
        .ok_or("no roll_calls list")?;
    let countries = file.get("countries").ok_or("no countries")?;
    let n_countries = countries.as_array().map_or(0, Vec::len);
    let mut ids = std::collections::HashSet::new();
    let mut arena = Arena::default();
    let mut lists: Vec<u32> = Vec::new();
    let mut records: Vec<u32> = Vec::with_capacity(roll_calls.len() * RECORD_WORDS);
    let mut tables: [Vec<(String, u32)>; TABLES.len()] = Default::default();
    for (n, rc) in roll_calls.iter().enumerate() {
        let rc = rc
            .as_object()
            .ok_or_else(|| format!("roll call {n} is not an object"))?;
        record(rc, &mut arena, &mut lists, &mut records)
            .and_then(|()| check(rc, n_countries, &mut ids))
            .map_err(|e| format!("roll call {}: {e}", rc.get("id").unwrap_or(&Value::Null)))?;
        let field = |key: &str| rc.get(key).and_then(Value::as_str).unwrap_or_default();
        let keys = symbol::lookup_keys(field("symbol"), field("undl_symbol"), field("draft"));
        let n = u32::try_from(n)?;
        tables[0].push((field("id").to_string(), n));
        for (table, keys) in tables[1..]
            .iter_mut()
            .zip([keys.symbol, keys.base, keys.number])
        {
            table.extend(keys.into_iter().map(|k| (k, n)));
        }
    }
    let mut entries: Vec<u32> = Vec::new();
    for table in &mut tables {
        table.sort();
        for (key, n) in table.iter() {
            let (at, len) = arena.add(key)?;
            entries.extend([at, len, *n]);
        }
    }
    let format = arena.add(text("format")?)?;
    let attribution = arena.add(text("attribution")?)?;
    let countries = arena.add(&serde_json::to_string(countries)?)?;
    let header: [u32; HEADER_WORDS] = [
        u32::try_from(roll_calls.len())?,
        u32::try_from(arena.bytes.len())?,
        u32::try_from(lists.len() / 2)?,
        format.0,
        format.1,
        attribution.0,
        attribution.1,
        countries.0,
        countries.1,
        u32::try_from(tables[0].len())?,
        u32::try_from(tables[1].len())?,
        u32::try_from(tables[2].len())?,
        u32::try_from(tables[3].len())?,
    ];
    let mut out = MAGIC.to_vec();
    let words = |out: &mut Vec<u8>, w: &[u32]| w.iter().for_each(|w| out.extend(w.to_le_bytes()));
    words(&mut out, &header);
    out.extend_from_slice(&arena.bytes);
    words(&mut out, &lists);
    words(&mut out, &records);
    debug_assert_eq!(entries.len() % ENTRY_WORDS, 0);
    words(&mut out, &entries);
    Ok(out)
}

/// What the launch no longer checks, because the image is trusted: one vote code per country,
/// each a code of the format, and ids unique. (The program's own checks run on the JSON in the
/// tests, which prove the image gives the same dataset.)
fn check<'a>(
    rc: &'a Map<String, Value>,
    countries: usize,
    ids: &mut std::collections::HashSet<&'a str>,
) -> BuildResult<()> {
    let votes = rc.get("votes").and_then(Value::as_str).unwrap_or_default();
    if votes.len() != countries {
        return Err(format!("{} vote codes for {countries} countries", votes.len()).into());
    }
    if let Some(bad) = votes.bytes().find(|b| !b"YNAX.".contains(b)) {
        return Err(format!("unknown vote code {:?}", char::from(bad)).into());
    }
    let id = rc.get("id").and_then(Value::as_str).unwrap_or_default();
    if !ids.insert(id) {
        return Err("listed twice".into());
    }
    Ok(())
}

/// Appends one roll call's record; every key of the object must have its place.
fn record(
    rc: &Map<String, Value>,
    arena: &mut Arena,
    lists: &mut Vec<u32>,
    out: &mut Vec<u32>,
) -> BuildResult<()> {
    let known = TEXT_FIELDS
        .iter()
        .chain(&WORD_FIELDS)
        .chain(&LIST_FIELDS)
        .chain(&FLAG_FIELDS)
        .chain(&[STATED_FIELD]);
    if let Some(key) = rc.keys().find(|k| !known.clone().any(|f| f == k)) {
        return Err(format!("field {key} has no place in the image").into());
    }
    for field in TEXT_FIELDS.iter().chain(&WORD_FIELDS) {
        let (at, len) = match rc.get(*field) {
            None => (0, 0),
            Some(v) => arena.add(v.as_str().ok_or_else(|| format!("{field} is not text"))?)?,
        };
        out.extend([at, len]);
    }
    for field in LIST_FIELDS {
        let first = u32::try_from(lists.len() / 2)?;
        let items = match rc.get(field) {
            None => &Vec::new(),
            Some(v) => v
                .as_array()
                .ok_or_else(|| format!("{field} is not a list"))?,
        };
        for item in items {
            let (at, len) = arena.add(
                item.as_str()
                    .ok_or_else(|| format!("{field} holds a non-text"))?,
            )?;
            lists.extend([at, len]);
        }
        out.extend([first, u32::try_from(items.len())?]);
    }
    for field in FLAG_FIELDS {
        out.push(match rc.get(field) {
            None | Some(Value::Null) => 0,
            Some(Value::Bool(false)) => 1,
            Some(Value::Bool(true)) => 2,
            Some(_) => return Err(format!("{field} is not true or false").into()),
        });
    }
    match rc.get(STATED_FIELD) {
        None | Some(Value::Null) => out.extend([0; 5]),
        Some(stated) => {
            let count = |key: &str| -> BuildResult<Option<u32>> {
                match stated.get(key) {
                    None | Some(Value::Null) => Ok(None),
                    Some(v) => Ok(Some(u32::try_from(
                        v.as_u64()
                            .ok_or_else(|| format!("stated {key} is not a count"))?,
                    )?)),
                }
            };
            let needed = |key: &str| -> BuildResult<u32> {
                count(key)?.ok_or_else(|| format!("stated {key} is missing").into())
            };
            let non_voting = count("non_voting")?;
            out.extend([
                if non_voting.is_some() { 2 } else { 1 },
                needed("yes")?,
                needed("no")?,
                needed("abstain")?,
                non_voting.unwrap_or(0),
            ]);
        }
    }
    let votes = rc.get("votes").and_then(Value::as_str).unwrap_or_default();
    for code in [b'Y', b'N', b'A', b'X'] {
        out.push(u32::try_from(votes.bytes().filter(|&b| b == code).count())?);
    }
    Ok(())
}
