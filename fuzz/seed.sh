#!/usr/bin/env bash
# Writes the seed corpora fuzz/corpus/<target>/ from the repository's test
# vectors, sample requests and scenarios (see fuzz/README.md). Idempotent:
# seed-NNNN files are overwritten; inputs libFuzzer added are kept.
set -euo pipefail
cd "$(dirname "$0")"
cargo run --quiet --locked --example seed
