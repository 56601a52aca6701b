#!/bin/sh
# Renders the article of an EPUB to a PNG in headless Chromium, to look at tables and figures
# as a reading system would lay them out (Chromium is the engine of Thorium and Readium).
# Usage: scripts/epub-screenshot.sh BOOK.epub OUT.png [WIDTH [HEIGHT]]   (default 800×1600)
set -eu
epub=$1 out=$2 width=${3:-800} height=${4:-1600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q "$epub" -d "$tmp"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars=false \
  --window-size="$width,$height" --virtual-time-budget=3000 \
  --screenshot="$(realpath -m "$out")" "file://$tmp/EPUB/article.xhtml" 2>/dev/null
echo "$out"
