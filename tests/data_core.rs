//! The data core on the real bundled data: tallies, named voters, counts, the canonical CSV
//! import and the UN Library fixtures of both layouts.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use unvote::data::country_search::CountrySearch;
use unvote::data::resolution_search::ResolutionIndex;
use unvote::data::{Dataset, Vote, bundled, loader};

fn bundled() -> Dataset {
    bundled::dataset().expect("bundled dataset loads")
}

fn codes(data: &Dataset, index: usize, vote: Vote) -> Vec<String> {
    let mut v: Vec<String> = data
        .voters(index, vote)
        .iter()
        .map(|&i| data.countries[i].code.clone())
        .collect();
    v.sort();
    v
}

fn roll_call(data: &Dataset, symbol: &str) -> usize {
    let all = data.find_roll_calls(symbol);
    data.main_roll_call(&all)
        .unwrap_or_else(|| panic!("{symbol} is in the data"))
}

fn tally(data: &Dataset, symbol: &str) -> (u32, u32, u32) {
    let t = data.tally(roll_call(data, symbol));
    (t.yes, t.no, t.abstain)
}

#[test]
fn es_11_6_is_141_7_32_with_the_seven_no_votes_named() {
    let data = bundled();
    let i = roll_call(&data, "ES-11/6");
    assert_eq!(tally(&data, "A/RES/ES-11/6"), (141, 7, 32));
    assert_eq!(data.tally(i).non_voting, 13);
    assert_eq!(
        codes(&data, i, Vote::No),
        ["BLR", "ERI", "MLI", "NIC", "PRK", "RUS", "SYR"]
    );
    let abstain = codes(&data, i, Vote::Abstain);
    for code in ["CHN", "IND", "ZAF"] {
        assert!(abstain.contains(&code.to_string()), "{code} abstained");
    }
    let names: Vec<&str> = data
        .voters(i, Vote::No)
        .iter()
        .map(|&c| data.countries[c].name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Belarus",
            "Eritrea",
            "Mali",
            "Nicaragua",
            "North Korea",
            "Russia",
            "Syria"
        ]
    );
}

#[test]
fn published_tallies_of_the_check_resolutions() {
    let data = bundled();
    assert_eq!(tally(&data, "es-11/1"), (141, 5, 35));
    assert_eq!(tally(&data, "A/RES/68/262"), (100, 11, 58));
    assert_eq!(tally(&data, "ES-11/3"), (93, 24, 58));
    assert_eq!(tally(&data, "ES-11/4"), (143, 5, 35));
    assert_eq!(tally(&data, "ES-11/7"), (93, 18, 65));
}

#[test]
fn bundled_counts_match_the_sources_with_extra() {
    let data = bundled();
    assert_eq!(data.countries.len(), 200);
    assert_eq!(data.roll_calls.len(), 6_884);
    assert_eq!(data.vote_count(), 1_082_976);
    assert_eq!(data.coverage(), Some(("1946-01", "2026-06-04")));
    let totals = (0..data.roll_calls.len())
        .map(|i| data.tally(i))
        .fold([0u32; 4], |mut acc, t| {
            acc[0] += t.yes;
            acc[1] += t.no;
            acc[2] += t.abstain;
            acc[3] += t.non_voting;
            acc
        });
    assert_eq!(
        totals,
        [786_095 + 5_067, 73_594 + 306, 122_645 + 991, 92_985 + 1_293]
    );
}

#[test]
fn bundled_quotes_cover_the_seed_article() {
    let data = bundled();
    assert_eq!(data.quotes.len(), 9 + 98);
    let i = roll_call(&data, "ES-11/6");
    let quotes = data.quotes_for(i);
    let speakers: Vec<&str> = quotes.iter().map(|q| q.speaker.as_str()).collect();
    assert!(speakers.contains(&"Dmytro Kuleba") && speakers.contains(&"Volodymyr Zelensky"));
    assert!(
        quotes
            .iter()
            .any(|q| q.text.starts_with("It shows who stands where.")
                && q.channel == "told reporters, per Al Jazeera")
    );
    assert!(
        quotes
            .iter()
            .filter(|q| q.speaker == "Volodymyr Zelensky")
            .all(|q| q.country_vote == "Y")
    );
}

fn source(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/source")
        .join(name)
}

#[test]
fn canonical_main_files_hold_6844_roll_calls_and_1075319_votes() {
    let data = loader::load_paths(&[
        source("countries.csv"),
        source("unga_resolutions.csv.gz"),
        source("unga_votes.csv.gz"),
    ])
    .unwrap();
    assert_eq!(data.roll_calls.len(), 6_844);
    assert_eq!(data.vote_count(), 1_075_319);
    assert_eq!(tally(&data, "ES-11/6"), (141, 7, 32));
}

#[test]
fn the_source_folder_imports_to_the_bundled_dataset() {
    let data = loader::load_path(&source("")).unwrap();
    let bundled = bundled();
    assert_eq!(data.roll_calls, bundled.roll_calls);
    assert_eq!(data.countries, bundled.countries);
}

#[test]
fn un_library_fixtures_of_both_layouts_give_the_bundled_tallies() {
    let bundled = bundled();
    for layout in ["undl_2024.csv", "undl_2025.csv"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(layout);
        let data = loader::load_path(&path).unwrap();
        assert_eq!(data.roll_calls.len(), 4, "{layout}");
        for symbol in ["ES-11/1", "ES-11/6", "68/262", "ES-10/21"] {
            let (a, b) = (roll_call(&data, symbol), roll_call(&bundled, symbol));
            assert_eq!(data.tally(a), bundled.tally(b), "{layout} {symbol}");
            assert_eq!(
                data.roll_calls[a].votes, bundled.roll_calls[b].votes,
                "{layout} {symbol}"
            );
            assert!(
                data.roll_calls[a]
                    .stated
                    .is_some_and(|s| s.agrees_with(&data.tally(a)))
            );
        }
        assert_eq!(
            data.roll_calls[roll_call(&data, "ES-11/6")].session,
            "ES-11"
        );
        assert_eq!(
            data.roll_calls[roll_call(&data, "68/262")].title,
            "Territorial integrity of Ukraine"
        );
    }
}

#[test]
fn country_search_finds_common_names_on_real_data() {
    let data = bundled();
    let search = CountrySearch::for_dataset(&data);
    let best = |q: &str| data.countries[search.search(q)[0].index].code.clone();
    for (query, code) in [
        ("nrth korea", "PRK"),
        ("DPRK", "PRK"),
        ("UK", "GBR"),
        ("UAE", "ARE"),
        ("DRC", "COD"),
        ("Soviet Union", "SUN"),
        ("Ivory Coast", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("turkiye", "TUR"),
        ("russia", "RUS"),
        ("United States", "USA"),
    ] {
        assert_eq!(best(query), code, "{query}");
    }
    let m = &search.search("nrth korea")[0];
    assert_eq!(m.matched, "North Korea");
}

#[test]
fn resolution_search_puts_the_symbol_first() {
    let data = bundled();
    let index = ResolutionIndex::new(&data.roll_calls);
    let top = |q: &str| {
        data.roll_calls[index.search(&data, q)[0].index]
            .symbol
            .clone()
    };
    assert_eq!(top("ES-11/6"), "A/RES/ES-11/6");
    assert_eq!(top("a/res/68/262"), "A/RES/68/262");
    let ukraine = index.search(&data, "ukraine");
    assert!(ukraine.len() >= 20);
    assert!(
        ukraine
            .iter()
            .take(30)
            .any(|h| data.roll_calls[h.index].symbol == "A/RES/ES-11/6")
    );
    let typo: Vec<&str> = index
        .search(&data, "ukrane territorial")
        .iter()
        .take(10)
        .map(|h| data.roll_calls[h.index].symbol.as_str())
        .collect();
    assert!(
        typo.contains(&"A/RES/68/262") && typo.contains(&"A/RES/ES-11/4"),
        "{typo:?}"
    );
}

#[test]
fn every_country_record_agrees_with_the_source_country_table() {
    let data = bundled();
    let mut rdr = csv::Reader::from_path(source("countries.csv")).unwrap();
    let mut checked = 0;
    for row in rdr.deserialize::<std::collections::HashMap<String, String>>() {
        let row = row.unwrap();
        let i = data.country_index(&row["iso3"]).unwrap();
        let rec = unvote::data::record::country_record(&data, i);
        // Where only the month of the first vote is known, the record says so (`1946-12`);
        // the source table keeps the placeholder day. The table does not know the UN Library
        // votes of `extra/` (Tuvalu's first is ES-10/7 of 20 October 2000).
        let first = rec.first_vote.clone().unwrap();
        let first_is_extra = data
            .roll_calls
            .iter()
            .find(|rc| rc.votes.as_bytes()[i] != b'.' && rc.counts())
            .is_some_and(|rc| rc.id.starts_with("L:"));
        assert!(
            (row["first_vote"].starts_with(&first) || first_is_extra)
                && (first.len() == 10 || first.len() == 7),
            "{}: {first} against {}",
            row["iso3"],
            row["first_vote"]
        );
        assert_eq!(
            rec.last_vote.as_deref(),
            Some(row["last_vote"].as_str()),
            "{}",
            row["iso3"]
        );
        checked += 1;
    }
    assert_eq!(checked, 200);
}

#[test]
fn a_state_by_its_common_name_finds_titles_that_use_its_official_one() {
    let data = bundled::dataset().unwrap();
    let index = ResolutionIndex::new(&data.roll_calls);
    // Everyday names too: Burma finds the votes on Myanmar.
    let burma = index.search(&data, "burma");
    assert!(
        burma
            .iter()
            .any(|h| data.roll_calls[h.index].title.contains("Myanmar"))
    );
    let hits = index.search(&data, "north korea human rights");
    assert!(hits.len() >= 5, "{}", hits.len());
    for h in &hits {
        let title = data.roll_calls[h.index].title.replace('’', "'");
        assert!(
            title.contains("Democratic People's Republic of Korea"),
            "{title}"
        );
    }
}
