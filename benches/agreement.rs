//! Criterion benchmarks of the agreement engine on the bundled data: one pair over the full
//! history under each method, the whole alignment ranking (every state, every roll call), the
//! 2000–2025 ranking the README compares with pandas, a comparison with its tables, a profile.

// Test and bench code: a failed unwrap is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use unvote::data::agreement::{Method, pair, universe};
use unvote::data::alignment::align;
use unvote::data::bundled;
use unvote::data::compare::compare;
use unvote::data::period::Period;
use unvote::data::profile::profile;

fn agreement(c: &mut Criterion) {
    let data = bundled::dataset().expect("bundled data");
    let usa = data.country_index("USA").unwrap();
    let rus = data.country_index("RUS").unwrap();
    let all = Period::all();
    for method in Method::ALL {
        c.bench_function(&format!("pair USA–RUS, full history, {method}"), |b| {
            b.iter(|| {
                let rcs = universe(&data, method, &all);
                black_box(pair(&data, usa, rus, &rcs).score(method))
            })
        });
    }
    c.bench_function("alignment ranking USA, every state, every roll call", |b| {
        b.iter(|| black_box(align(&data, usa, Method::VotesOnly, black_box(&all))))
    });
    let recent = Period::parse(Some("2000"), Some("2025")).unwrap();
    c.bench_function("alignment ranking USA, 2000–2025, state-dept", |b| {
        b.iter(|| black_box(align(&data, usa, Method::StateDept, black_box(&recent))))
    });
    c.bench_function(
        "compare USA–RUS, full history (tables, years, issues)",
        |b| b.iter(|| black_box(compare(&data, usa, rus, Method::StateDept, &all))),
    );
    c.bench_function("profile of the United States", |b| {
        b.iter(|| black_box(profile(&data, usa)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = agreement
}
criterion_main!(benches);
