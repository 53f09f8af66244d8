//! Criterion benchmarks of ideal points on the bundled data: reading the bundled estimates
//! (what `ideal-points` and the views do), and the full fit over every session (what
//! `--refit` and a `--data` file do; ten samples of about 10 s each).

// Bench code: a failed unwrap is a failed bench, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use unvote::data::bundled;
use unvote::data::ideal::{Estimates, fit};

fn load(c: &mut Criterion) {
    let data = bundled::dataset().unwrap();
    c.bench_function("ideal points: read the bundled estimates", |b| {
        b.iter(|| black_box(Estimates::bundled(&data).unwrap()))
    });
}

fn full_fit(c: &mut Criterion) {
    let data = bundled::dataset().unwrap();
    let mut group = c.benchmark_group("ideal points");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(110));
    group.bench_function("full fit, every session, two threads", |b| {
        b.iter(|| black_box(fit(&data)))
    });
    group.finish();
}

criterion_group!(benches, load, full_fit);
criterion_main!(benches);
