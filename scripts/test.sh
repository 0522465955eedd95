#!/usr/bin/env bash
# The project's test command: formatting, lints, then every test (release build: the accuracy
# gates tag the whole EWT test set). Tests that need ../shared skip with a note when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --release --all-targets --locked -- -D warnings
cargo nextest run --release --locked --no-fail-fast
