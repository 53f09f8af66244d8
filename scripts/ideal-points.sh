#!/usr/bin/env bash
# Regenerates data/ideal_points.csv, the bundled ideal-point estimates, by fitting the model of
# src/data/ideal.rs to the bundled data (about 10 s on two cores). Run it after data/unga.json
# changes; tests/ideal_points.rs checks that the file equals a fresh fit.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
target/release/unvote-tui ideal-points --refit --csv > data/ideal_points.csv.new
mv data/ideal_points.csv.new data/ideal_points.csv
wc -l data/ideal_points.csv
