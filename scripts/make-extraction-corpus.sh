#!/usr/bin/env bash
# Build the PDF-extraction test corpus in tests/extraction/ (run by hand, never by CI).
#
#   bash scripts/make-extraction-corpus.sh            # build what is missing or stale
#   bash scripts/make-extraction-corpus.sh --force    # rebuild everything
#   bash scripts/make-extraction-corpus.sh --only de-leipzig-pelzhandel
#
# Sources:  tests/extraction/articles/NAME.md   (Pandoc Markdown, hand-written)
# Outputs:  tests/extraction/gold/NAME.json                      (from the Markdown AST)
#           tests/extraction/pdf/NAME/TYPESETTER.pdf             (typst, xelatex,
#                                                                 xelatex-perpage, libreoffice,
#                                                                 weasyprint)
#           tests/extraction/text/NAME/TYPESETTER--EXTRACTOR.txt (pdftotext, pdftotext-layout,
#                                                                 pdfminer, pymupdf, pdfplumber,
#                                                                 pdfbox)
#
# The script is idempotent: it installs only what is missing, and build.py rebuilds
# only outputs older than their inputs.  Any arguments are passed on to build.py.
# It needs root (or sudo) for apt-get, and network access to Debian's and PyPI's
# registries.  Everything else happens in scripts/extraction/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# --- Debian packages --------------------------------------------------------
# poppler-utils:              pdftotext, pdfinfo, pdftoppm
# texlive-xetex + friends:    the xelatex typesetter (pandoc's LaTeX template needs
#                             latex-recommended/-extra and fonts-recommended; babel/
#                             polyglossia Cyrillic support comes with texlive-lang-cyrillic)
# fonts-linuxlibertine, fonts-dejavu: fonts covering Latin (Turkish, Azerbaijani ə),
#                             Cyrillic and Greek
# libreoffice-writer-nogui:   soffice --headless --convert-to pdf
# default-jre-headless + libpdfbox2-java: Apache PDFBox 2 ExtractText (optional extractor)
DEB_PACKAGES=(poppler-utils texlive-xetex texlive-latex-recommended texlive-latex-extra
              texlive-fonts-recommended texlive-lang-cyrillic lmodern
              fonts-linuxlibertine fonts-dejavu libreoffice-writer-nogui
              default-jre-headless libpdfbox2-java)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update
  # Another process may hold the apt lock: retry for a few minutes.
  for attempt in $(seq 1 20); do
    if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
      break
    fi
    if [ "$attempt" -eq 20 ]; then echo "apt-get install failed" >&2; exit 1; fi
    echo "apt-get failed (lock held?), retrying in 15 s" >&2
    sleep 15
  done
fi

# --- PyPI packages ----------------------------------------------------------
# pypandoc-binary: pandoc itself (path from pypandoc.get_pandoc_path())
# typst:           the typst compiler as a Python module (typst.compile)
# weasyprint:      HTML/CSS to PDF with CSS GCPM page footnotes (>= 53)
# pdfminer.six, pymupdf, pdfplumber: extractors
PY=${PYTHON:-python3}
need_py=()
"$PY" -c "import pypandoc; pypandoc.get_pandoc_path()" 2>/dev/null || need_py+=(pypandoc-binary)
"$PY" -c "import typst" 2>/dev/null || need_py+=(typst)
"$PY" -c "import weasyprint" 2>/dev/null || need_py+=("weasyprint>=53")
"$PY" -c "import pdfminer.high_level" 2>/dev/null || need_py+=(pdfminer.six)
"$PY" -c "import pymupdf" 2>/dev/null || need_py+=(pymupdf)
"$PY" -c "import pdfplumber" 2>/dev/null || need_py+=(pdfplumber)
if [ "${#need_py[@]}" -gt 0 ]; then
  echo "installing PyPI packages: ${need_py[*]}"
  "$PY" -m pip install --quiet "${need_py[@]}"
fi

# --- Build ------------------------------------------------------------------
"$PY" scripts/extraction/build.py "$@"

# --- Versions (for tests/extraction/README.md) ------------------------------
"$PY" scripts/extraction/versions.py > tests/extraction/VERSIONS.txt
du -sh tests/extraction
