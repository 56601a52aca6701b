#!/usr/bin/env bash
# Build the DOCX fixture corpus in tests/fixtures/docx/ (run by hand, never by CI: the fixtures
# and their gold are committed).
#
#   bash scripts/make-docx-corpus.sh          # everything
#   bash scripts/make-docx-corpus.sh pandoc   # one group: pandoc | word | libreoffice | example | bad | check
#
# Makers:   pandoc 3.9 (-t docx), LibreOffice (soffice --headless --convert-to docx),
#           python-docx + WordprocessingML written in scripts/docx/ (notes, w:lang, numbering,
#           tracked changes, comments, fields, drawings, properties), msoffcrypto-tool (encryption).
# Outputs:  tests/fixtures/docx/NAME.docx and NAME.gold.json, sources/ (inputs made here),
#           bad/ (hostile inputs), VERSIONS.txt.
# Gold is written from each generator's own input (pandoc's JSON AST of the Markdown, or the
# Python data the document is built from), never by reading a DOCX back.
# The example-shaped article runs `cargo run --release -- convert input/zangezur-article.txt`.
# Needs root (or sudo) for apt-get when LibreOffice is missing, and PyPI for the Python packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ONLY="${1:-all}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# --- Debian: LibreOffice Writer without the GUI (soffice --headless) --------------------------
# Measured on Debian 12 (bookworm): 58 packages, 83 MiB to download, 257 MiB installed.
if ! command -v soffice >/dev/null; then
  echo "installing libreoffice-writer-nogui"
  $SUDO apt-get update
  for attempt in $(seq 1 20); do
    if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y libreoffice-writer-nogui; then break; fi
    if [ "$attempt" -eq 20 ]; then echo "apt-get install failed" >&2; exit 1; fi
    echo "apt-get failed (lock held?), retrying in 15 s" >&2
    sleep 15
  done
fi

# --- PyPI ---------------------------------------------------------------------------------------
# pypandoc-binary: pandoc 3.9; python-docx (brings lxml); PyYAML (the example's front matter);
# msoffcrypto-tool: ECMA-376 agile encryption for bad/encrypted.docx.
PY=${PYTHON:-python3}
need_py=()
"$PY" -c "import pypandoc; pypandoc.get_pandoc_path()" 2>/dev/null || need_py+=(pypandoc-binary)
"$PY" -c "import docx" 2>/dev/null || need_py+=(python-docx)
"$PY" -c "import yaml" 2>/dev/null || need_py+=(PyYAML)
"$PY" -c "import msoffcrypto" 2>/dev/null || need_py+=(msoffcrypto-tool)
if [ "${#need_py[@]}" -gt 0 ]; then
  echo "installing PyPI packages: ${need_py[*]}"
  "$PY" -m pip install --quiet "${need_py[@]}"
fi

OUT=tests/fixtures/docx
mkdir -p "$OUT/sources" "$OUT/bad"
export DOCX_WORK="${DOCX_WORK:-$(mktemp -d /tmp/colophon-docx.XXXXXX)}"
cd scripts/docx

"$PY" -c "from common import make_png, OUT; import os; make_png(os.path.join(OUT, 'sources', 'map.png'))"
case "$ONLY" in all|pandoc) "$PY" pandoc_fixtures.py ;; esac
case "$ONLY" in all|word) "$PY" word_fixtures.py ;; esac
case "$ONLY" in all|libreoffice) "$PY" lo_fixtures.py ;; esac
case "$ONLY" in all|example) "$PY" example_fixture.py ;; esac
case "$ONLY" in all|bad) "$PY" bad_fixtures.py ;; esac

# --- Checks -------------------------------------------------------------------------------------
# Every LibreOffice-written DOCX must go back through LibreOffice to PDF (a sanity check).
if [ "$ONLY" = all ] || [ "$ONLY" = libreoffice ] || [ "$ONLY" = check ]; then
  mkdir -p "$DOCX_WORK/pdf"
  for f in "$ROOT/$OUT"/lo-*.docx; do
    soffice "-env:UserInstallation=file://$DOCX_WORK/lo-profile" --headless --convert-to pdf \
      --outdir "$DOCX_WORK/pdf" "$f" >/dev/null 2>&1
    pdf="$DOCX_WORK/pdf/$(basename "${f%.docx}").pdf"
    [ -s "$pdf" ] || { echo "LibreOffice could not convert $f to PDF" >&2; exit 1; }
    echo "pdf ok: $(basename "$f") ($(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/{print $2}') pages)"
  done
fi
# pandoc must read every good fixture, and agree with its gold wherever it keeps the thing.
"$PY" check_gold.py
"$PY" versions.py > "$ROOT/$OUT/VERSIONS.txt"
echo "done; work files in $DOCX_WORK"
