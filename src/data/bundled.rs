//! The dataset and quotes bundled into the binary, so that `unvote-tui` works with no flags, from
//! any folder and after `cargo install`. The dataset comes as the image `build.rs` makes from
//! `data/unga.json` at build time ([`super::image`]): no JSON is parsed for it at launch.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::dataset::Dataset;
use super::model::{Country, Quote};
use super::{image, native, quotes};

/// The image of `data/unga.json` (the native dataset built from `data/source/` by
/// `scripts/regenerate-data.sh`).
pub const IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/unga.image"));

/// The attributed quotes of `data/quotes.json`.
pub const QUOTES: &[u8] = include_bytes!("../../data/quotes.json");

/// The bundled dataset, with the bundled quotes.
pub fn dataset() -> Result<Dataset> {
    let mut data = dataset_alone()?;
    data.quotes = quotes()?;
    Ok(data)
}

/// The bundled dataset without its quotes.
fn dataset_alone() -> Result<Dataset> {
    let image = image::read(IMAGE).context("the built-in image of data/unga.json")?;
    if image.format != native::FORMAT {
        bail!(
            "the built-in image of data/unga.json is of format {:?}",
            image.format
        );
    }
    Dataset::from_image(image).context("the built-in image of data/unga.json")
}

/// The bundled quotes.
pub fn quotes() -> Result<Vec<Quote>> {
    quotes::parse(Path::new("<bundled data/quotes.json>"), QUOTES)
}

/// The bundled country table, used when a UN Library CSV is loaded on its own.
pub fn countries() -> Result<Vec<Country>> {
    image::countries(IMAGE).context("the built-in image of data/unga.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source of truth the image is built from.
    const JSON: &[u8] = include_bytes!("../../data/unga.json");

    #[test]
    fn the_image_and_the_json_give_identical_datasets() {
        let from_json = native::parse(Path::new("data/unga.json"), JSON).unwrap();
        let from_image = dataset_alone().unwrap();
        assert!(from_json.roll_calls.len() > 6800);
        assert_eq!(from_image.countries, from_json.countries);
        assert_eq!(countries().unwrap(), from_json.countries);
        assert_eq!(from_image.attribution, from_json.attribution);
        assert_eq!(from_image.roll_calls.len(), from_json.roll_calls.len());
        // Every roll call, every field: id, texts, votes, flags, kind, dates, stated totals.
        for (i, (a, b)) in from_image
            .roll_calls
            .iter()
            .zip(&from_json.roll_calls)
            .enumerate()
        {
            assert_eq!(a, b, "roll call {i}");
            assert_eq!(from_image.tally(i), from_json.tally(i), "{}", a.id);
        }
        // Something of each kind of field is there to compare.
        let rcs = &from_image.roll_calls;
        assert!(rcs.iter().any(|r| !r.subjects.is_empty()));
        assert!(rcs.iter().any(|r| !r.issues.is_empty()));
        assert!(rcs.iter().any(|r| r.stated.is_some()));
        assert!(rcs.iter().any(|r| r.flag().is_some()));
        assert!(rcs.iter().any(|r| r.important == Some(true)));
        assert!(
            rcs.iter()
                .any(|r| r.date_precision == crate::data::model::Precision::Month)
        );
        assert!(
            rcs.iter()
                .any(|r| r.kind == crate::data::model::Kind::Amendment)
        );
        let es11_6 = from_image.find_roll_calls("ES-11/6");
        assert_eq!(from_image.tally(es11_6[0]).yes, 141);
        // The image's lookup tables find what the maps built from the JSON find: by every id,
        // symbol, Library symbol, draft, part-less symbol and bare number, as typed or not.
        use crate::data::symbol;
        let mut queries = 0;
        for rc in &from_json.roll_calls {
            let key = symbol::key(&rc.symbol);
            let mut qs = vec![
                rc.id.to_string(),
                rc.id.to_lowercase(),
                rc.symbol.to_string(),
            ];
            qs.push(rc.undl_symbol.to_string());
            qs.push(symbol::base(&key).to_string());
            qs.extend(symbol::number(&key).map(str::to_string));
            qs.extend(symbol::drafts(&rc.draft).map(str::to_string));
            qs.push(format!("res {}", key.to_lowercase()));
            for q in qs {
                assert_eq!(
                    from_image.find_roll_calls(&q),
                    from_json.find_roll_calls(&q),
                    "{q}"
                );
                queries += 1;
            }
        }
        assert!(queries > 6 * from_json.roll_calls.len());
        let partition = from_image.find_roll_calls("181 (II)");
        assert_eq!(
            from_image.roll_calls[partition[0]].symbol,
            "A/RES/181(II) A"
        );
        assert!(from_image.find_roll_calls("no such symbol").is_empty());
    }
}
