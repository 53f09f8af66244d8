//! The dataset and quotes bundled into the binary, so that `unvote-tui` works with no flags, from
//! any folder and after `cargo install`.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::Result;

use super::dataset::Dataset;
use super::model::{Country, Quote};
use super::{native, quotes};

/// The native dataset built from `data/source/` by `scripts/regenerate-data.sh`.
pub const DATASET: &[u8] = include_bytes!("../../data/unga.json");

/// The attributed quotes of `data/quotes.json`.
pub const QUOTES: &[u8] = include_bytes!("../../data/quotes.json");

/// The bundled dataset, with the bundled quotes.
pub fn dataset() -> Result<Dataset> {
    let mut data = native::parse(Path::new("<bundled data/unga.json>"), DATASET)?;
    data.quotes = quotes()?;
    Ok(data)
}

/// The bundled quotes.
pub fn quotes() -> Result<Vec<Quote>> {
    quotes::parse(Path::new("<bundled data/quotes.json>"), QUOTES)
}

/// The bundled country table, used when a UN Library CSV is loaded on its own: read once (only
/// the head of the bundled file, where its countries are), then copied.
pub fn countries() -> Result<Vec<Country>> {
    static TABLE: OnceLock<Result<Vec<Country>, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            native::countries(DATASET).map_err(|e| format!("<bundled data/unga.json>: {e:#}"))
        })
        .clone()
        .map_err(anyhow::Error::msg)
}
