#!/usr/bin/env bash
# Builds and tests tests/dependent/, a crate depending on iot-jobs-policy by
# path with default-features = false, in its own target directory (no lock
# fights with the main build), and checks that such a user does not compile
# the CLI's dependencies.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CARGO_TARGET_DIR="${DEPENDENT_TARGET_DIR:-$root/target/dependent}"
cd "$here"
cargo test --quiet
tree="$(cargo tree --edges normal --prefix none)"
for heavy in jsonschema wasm-bindgen; do
  if grep -q "^$heavy " <<<"$tree"; then
    echo "tests/dependent: a default-features = false user compiles $heavy:" >&2
    echo "$tree" >&2
    exit 1
  fi
done
echo "tests/dependent: ok ($(grep -c . <<<"$tree") crates in the dependency tree)"
