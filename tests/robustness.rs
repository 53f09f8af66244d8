//! Loaders never panic, whatever the bytes: every parser is fed arbitrary input and must return
//! a value or an error.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use proptest::prelude::*;
use unvote::data::input::{Input, sniff};
use unvote::data::{loader, native, quotes};

const HEADERS: [&str; 6] = [
    "vote_id,resolution,date,session,iso3,country,vote\n",
    "vote_id,resolution,source_symbol,session,date,title,whole_resolution,stated_yes\n",
    "iso3,iso2,name,un_name,lat,lon\n",
    "undl_id,ms_codes,ms_names,ms_votes,resolutions,date,yes,no\n",
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,total_yes\n",
    "{\"format\":\"unvote-tui/1\",\"countries\":[",
];

fn exercise(bytes: Vec<u8>) {
    let path = Path::new("fuzz.bin");
    let _ = sniff(&bytes);
    let _ = native::parse(path, &bytes);
    let _ = quotes::parse(path, &bytes);
    if let Ok(input) = Input::from_bytes(path, bytes.clone()) {
        let _ = input.kind();
        let _ = input.into_bytes(1 << 20);
    }
    let file = std::env::temp_dir().join(format!("unvote-fuzz-{}.bin", std::process::id()));
    if std::fs::write(&file, &bytes).is_ok() {
        let _ = loader::load_path(&file);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        exercise(bytes);
    }

    #[test]
    fn known_headers_with_arbitrary_rows_never_panic(
        header in 0usize..HEADERS.len(),
        body in proptest::collection::vec(prop_oneof![Just(b','), Just(b'\n'), Just(b'"'), Just(b'Y'), any::<u8>()], 0..400),
    ) {
        let mut bytes = HEADERS[header].as_bytes().to_vec();
        bytes.extend(body);
        exercise(bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever is typed as a period: an error, or a period whose ends are ordered.
    #[test]
    fn typed_periods_never_panic(text in "[0-9a-z .-]{0,24}|\\PC{0,12}") {
        if let Ok(p) = unvote::data::period::Period::parse_typed(&text) {
            prop_assert!(p.from.is_empty() || p.to.is_empty() || p.from <= p.to);
        }
    }

    /// A user's group file of arbitrary bytes: groups, or an error naming the file.
    #[test]
    fn group_files_never_panic(bytes in proptest::collection::vec(prop_oneof![Just(b','), Just(b'\n'), Just(b'2'), Just(b'-'), any::<u8>()], 0..300)) {
        let file = std::env::temp_dir().join(format!("unvote-groups-{}.csv", std::process::id()));
        std::fs::write(&file, [b"group,code,from,to\n".as_slice(), &bytes].concat()).unwrap();
        let mut groups = unvote::data::groups::Groups::default();
        let countries = unvote::data::bundled::countries().unwrap();
        if let Err(e) = groups.read_file(&file, &countries) {
            let message = format!("{e:#}");
            prop_assert!(message.contains("unvote-groups-"), "{}", message);
        }
    }
}
