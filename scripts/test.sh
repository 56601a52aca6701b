#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
#
# Validator-backed tests (jing, EPUBCheck, Ace, qpdf/poppler) arrive with the TEI, EPUB and
# PDF writers; this script installs their tools when missing (see ensure_tools). With CI=true
# a missing tool is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

ensure_tools() {
  # Nothing beyond the Rust toolchain is needed by the current tests: the reader and the
  # JSON writer are checked in pure Rust. Each writer's issue adds its validators here.
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; exit 1; }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt >/dev/null 2>&1 || true
}

ensure_tools

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings

say "cargo test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --doc --quiet 2>&1 | tee "$log"
cargo test --all-targets --quiet 2>&1 | tee -a "$log"
# One closing line for the whole suite: the sum of every test binary's result.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
