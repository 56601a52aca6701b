#!/usr/bin/env bash
# Scores the peer corpus (tests/peer/) and writes tests/peer/REPORT.md.
#
#   scripts/peer-score.sh            # the dev files only (tune on these)
#   scripts/peer-score.sh --holdout  # dev and holdout (report only; never tune on holdout)
#
# The tables come from the integration test tests/peer.rs, which prints them between
# markers; this script only runs it and keeps what it printed.
set -euo pipefail
cd "$(dirname "$0")/.."
sets=dev
if [[ "${1:-}" == "--holdout" ]]; then sets=dev,holdout; fi
out=$(PEER_SETS=$sets cargo test --release --test peer -q -- --nocapture 2>&1)
report=$(printf '%s\n' "$out" | sed -n '/<!-- peer-report-begin -->/,/<!-- peer-report-end -->/p')
if [[ -z "$report" ]]; then
  printf '%s\n' "$out" >&2
  echo "peer-score: the test printed no report" >&2
  exit 1
fi
{
  echo "# Peer corpus: what the source holds against what colophon's model keeps"
  echo
  echo "Written by \`scripts/peer-score.sh${1:+ $1}\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD)."
  echo "Sources and licences: [SOURCES.md](SOURCES.md). Mapping of kinds: the header of \`tests/peer.rs\`."
  echo
  printf '%s\n' "$report"
} > tests/peer/REPORT.md
echo "wrote tests/peer/REPORT.md ($sets)"
