//! Loading a dataset from what the user names: a native JSON file, CSV files of the canonical or
//! UN Library layouts, or a folder holding the canonical CSVs — each told apart by content.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::builder::Builder;
use super::dataset::{ATTRIBUTION, Dataset};
use super::input::{Input, Kind};
use super::{bundled, canonical, native, undl};

/// The files of the canonical layout looked for in a folder, in load order.
const FOLDER_FILES: [&str; 5] = [
    "countries.csv",
    "unga_resolutions.csv.gz",
    "extra/extra_resolutions.csv",
    "unga_votes.csv.gz",
    "extra/extra_votes.csv",
];

/// Loads one path: a native file, a single UN Library CSV, or a folder of canonical CSVs.
pub fn load_path(path: &Path) -> Result<Dataset> {
    load_paths(&[path.to_path_buf()])
}

/// Loads and merges several inputs. A native file must come alone; CSVs are combined (countries
/// first, then roll calls, then votes); without a countries CSV the bundled country table is used.
pub fn load_paths(paths: &[PathBuf]) -> Result<Dataset> {
    let mut inputs = Vec::new();
    for path in paths {
        for file in expand(path)? {
            let input = Input::open(&file)?;
            let kind = input.kind()?;
            inputs.push((kind, input));
        }
    }
    if inputs.iter().any(|(k, _)| *k == Kind::Native) {
        if inputs.len() > 1 {
            bail!("a native dataset cannot be combined with other inputs");
        }
        if let Some((_, input)) = inputs.pop() {
            return native::load(input);
        }
    }
    if let Some((_, input)) = inputs.iter().find(|(k, _)| *k == Kind::Quotes) {
        bail!(
            "{}: this is a quotes file; pass it with --quotes",
            input.path.display()
        );
    }
    inputs.sort_by_key(|(k, _)| order(*k));
    build(inputs)
}

fn order(kind: Kind) -> u8 {
    match kind {
        Kind::Countries => 0,
        Kind::CanonicalRollCalls => 1,
        Kind::CanonicalVotes => 2,
        Kind::Undl2024 | Kind::Undl2025 => 3,
        Kind::Native | Kind::Quotes => 4,
    }
}

fn build(inputs: Vec<(Kind, Input)>) -> Result<Dataset> {
    let names: Vec<String> = inputs
        .iter()
        .map(|(_, i)| i.path.display().to_string())
        .collect();
    let mut builder = None;
    for (kind, input) in inputs {
        // Countries come first (sorted so); without a countries CSV the bundled table serves.
        if kind == Kind::Countries {
            builder = Some(Builder::new(canonical::load_countries(input)?));
            continue;
        }
        let b = match &mut builder {
            Some(b) => b,
            None => builder.insert(Builder::new(bundled::countries()?)),
        };
        match kind {
            Kind::CanonicalRollCalls => canonical::load_roll_calls(input, b)?,
            Kind::CanonicalVotes => canonical::load_votes(input, b)?,
            Kind::Undl2024 | Kind::Undl2025 => undl::load(input, kind, b)?,
            Kind::Countries | Kind::Native | Kind::Quotes => {}
        }
    }
    let Some(builder) = builder else {
        bail!("nothing to load");
    };
    builder
        .finish(ATTRIBUTION.to_string())
        .with_context(|| format!("checking {}", names.join(", ")))
}

/// A folder becomes the canonical files it holds; a file stays itself.
fn expand(path: &Path) -> Result<Vec<PathBuf>> {
    if path == Path::new("-") {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        if !path.exists() {
            bail!("{}: no such file or folder", path.display());
        }
        return Ok(vec![path.to_path_buf()]);
    }
    let found: Vec<PathBuf> = FOLDER_FILES
        .iter()
        .map(|f| path.join(f))
        .filter(|p| p.is_file())
        .collect();
    if found.is_empty() {
        bail!(
            "{}: a folder without {}",
            path.display(),
            FOLDER_FILES.join(", ")
        );
    }
    Ok(found)
}
