//! Criterion benchmarks of the data core on the bundled data: loading the whole history (the
//! built-in image, and the JSON loader as its peer), the
//! `resolution ES-11/6` answer on a loaded dataset, and the searches.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use unvote::data::country_search::CountrySearch;
use unvote::data::resolution_search::ResolutionIndex;
use unvote::data::{Vote, bundled, native};

fn load(c: &mut Criterion) {
    c.bench_function(
        "load bundled dataset (built-in image: roll calls, names, quotes)",
        |b| b.iter(|| black_box(bundled::dataset().expect("bundled data"))),
    );
    // The peer: the same data as JSON, as a `--data` file goes through the loaders.
    let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/unga.json")).unwrap();
    c.bench_function(
        "load data/unga.json through the JSON loader (--data)",
        |b| b.iter(|| black_box(native::parse(Path::new("unga.json"), &json).unwrap())),
    );
    let data = bundled::dataset().expect("bundled data");
    c.bench_function("answer resolution ES-11/6 on loaded data", |b| {
        b.iter(|| {
            let all = data.find_roll_calls(black_box("ES-11/6"));
            let i = data.main_roll_call(&all).expect("ES-11/6");
            let no = data.voters(i, Vote::No);
            black_box((data.tally(i), no))
        })
    });
    c.bench_function("build resolution search index", |b| {
        b.iter(|| black_box(ResolutionIndex::new(&data.roll_calls)))
    });
    let index = ResolutionIndex::new(&data.roll_calls);
    for q in [
        "ukraine",
        "palestine",
        "nuclear weapons",
        "es-11",
        "aparthied",
        "south africa 1985",
        "2758 (XXVI)",
    ] {
        c.bench_function(&format!("resolution search {q:?}"), |b| {
            b.iter(|| black_box(index.search(&data, black_box(q))))
        });
    }
    let countries = CountrySearch::for_dataset(&data);
    for q in ["nrth korea", "isreal", "upper volta"] {
        c.bench_function(&format!("country search {q:?}"), |b| {
            b.iter(|| black_box(countries.search(black_box(q))))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = load
}
criterion_main!(benches);
