# The two commands of the README:
#   make demo   runs the validator on the bundled sample requests
#   make test   installs what the tests need and runs every test
# Everything else here is a step of those two.

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c

.PHONY: demo test setup test-rust fuzz-build lint test-wasm test-js bench

demo:
	cargo build --release --locked --quiet --features cli
	bash examples/demo.sh

test: setup lint test-rust fuzz-build test-wasm test-js

setup:
	bash .ci/setup

lint:
	cargo fmt --check
	# The binary, tests and examples (feature cli); the library as a user
	# gets it (no default features); the WebAssembly library bare
	# and with node-cli (the extras and cliRun).
	cargo clippy --locked --all-targets --features cli -- -D warnings
	cargo clippy --locked --lib -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown --features node-cli -- -D warnings
	# rustdoc: every public item documented, every intra-doc link resolving.
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --features cli
	# The npm package's shim: tsc --checkJs over js/src/ against index.d.ts.
	bash .ci/js-lint

test-rust:
	cargo test --locked --features cli
	bash tests/dependent/run.sh

fuzz-build:
	bash .ci/fuzz-build

test-wasm:
	bash .ci/wasm-tests

test-js:
	bash .ci/js-tests

# Issue #12's table: criterion (validator, transition function), the npm
# bench against ajv, the Node cold start, Chromium's first validate, sizes.
bench:
	bash .ci/bench
