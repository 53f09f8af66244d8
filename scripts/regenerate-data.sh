#!/usr/bin/env bash
# Regenerates data/ from the shared source folder (default ../shared/data and ../shared/seeds):
# copies the source files into data/source/, converts them with the project's own importer to
# data/unga.json, and builds data/quotes.json. Needs cargo and python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
mkdir -p data/source/extra data/source/seeds
cp "$shared"/data/{unga_votes.csv.gz,unga_resolutions.csv.gz,countries.csv,validation.csv,session_coverage.csv,convert_log.txt} data/source/
cp "$shared"/data/README.md data/source/README.md
cp "$shared"/data/extra/{extra_votes.csv,extra_resolutions.csv,validation_extra.csv,quotes.json,README.md} data/source/extra/
cp "$shared"/seeds/*.txt data/source/seeds/
# The binary embeds data/unga.json and data/quotes.json: give it placeholders on a first run.
[ -s data/unga.json ] || echo '{}' > data/unga.json
[ -s data/quotes.json ] || echo '[]' > data/quotes.json
cargo run --release --quiet -- import data/source --out data/unga.json
python3 scripts/library_names.py "$shared"
python3 scripts/build_quotes.py
