# The two commands of the README:
#   make demo   runs the validator on the bundled sample requests
#   make test   installs what the tests need and runs every test
# Everything else here is a step of those two.

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c

.PHONY: demo test setup test-rust lint test-wasm test-js bench

demo:
	cargo build --release --locked --quiet
	bash examples/demo.sh

test: setup lint test-rust test-wasm test-js

setup:
	bash .ci/setup

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings

test-rust:
	cargo test --locked

test-wasm:
	bash .ci/wasm-tests

test-js:
	bash .ci/js-tests

bench:
	cargo bench --locked --bench validate
