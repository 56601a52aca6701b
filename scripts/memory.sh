#!/usr/bin/env bash
# Peak memory (maximum resident set size, from GNU time -v) and wall time of
# `colophon convert` on generated inputs of 1, 10 and 100 MB: extracted text (the example
# article repeated) and Markdown (paragraphs each with a note), each to TEI and to JSON,
# and to PDF at the sizes in PDF_SIZES (1 and 10 MB: typesetting 100 MB takes too long).
# Prints one table row per run, with the peak over the input size.
#
# Usage: scripts/memory.sh [SIZE_MB ...]     (default: 1 10 100; run it niced on a shared
# machine: `nice -n 10 scripts/memory.sh`)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1 10 100}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
pdf_sizes=" ${PDF_SIZES:-1 10} "

[ -x /usr/bin/time ] || { echo "needs GNU time (Debian package time)" >&2; exit 1; }
cargo build --release --quiet
bin=$PWD/target/release/colophon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make KIND MB FILE: writes about MB megabytes of input of KIND (text or md).
make() {
    local kind=$1 mb=$2 out=$3
    python3 - "$kind" "$mb" "$out" <<'EOF'
import sys
kind, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = mb * 1_000_000
with open(out, "w", encoding="utf-8") as f:
    if kind == "text":
        body = open("input/zangezur-article.txt", encoding="utf-8").read()
        size = 0
        while size < target:
            f.write(body)
            f.write("\n\n")
            size += len(body.encode()) + 2
    else:
        f.write("---\ntitle: Memory\nlang: en\n---\n\n")
        size, k = 0, 0
        para = ("The governor's report of 1905 survives in two copies, one in Tiflis and one "
                "in St Petersburg; they differ in the figures for the Zangezur district. ")
        while size < target:
            k += 1
            if k % 50 == 1:
                chunk = f"# Section {k // 50 + 1}\n\n"
            else:
                chunk = ""
            chunk += f"{para * 3}[^{k}] Москва, ф. 1, оп. 2, д. {k}.\n\n[^{k}]: GARF, f. {k}, op. 1, d. 3, l. 4.\n\n"
            f.write(chunk)
            size += len(chunk.encode())
EOF
}

printf '%-5s %7s %-5s %9s %10s %8s\n' input MB to seconds "peak MB" "× input"
for mb in "${sizes[@]}"; do
    for kind in text md; do
        ext=$([ "$kind" = text ] && echo txt || echo md)
        in=$work/mem-$mb.$ext
        make "$kind" "$mb" "$in"
        bytes=$(stat -c %s "$in")
        formats="tei json"
        case "$pdf_sizes" in *" $mb "*) formats="$formats pdf" ;; esac
        for to in $formats; do
            log=$work/time.log
            status=0
            /usr/bin/time -v "$bin" convert "$in" -t "$to" -q -o "$work/out" 2>"$log" >/dev/null || status=$?
            rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
            wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
            secs=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(round(sum(float(x)*60**i for i,x in enumerate(reversed(p))),1))" "$wall")
            ratio=$(python3 -c "import sys; print(round(int(sys.argv[1])*1024/int(sys.argv[2]),1))" "$rss_kb" "$bytes")
            note=""
            [ "$status" -ne 0 ] && note="  (exit $status: $(grep -m1 colophon "$log" || true))"
            printf '%-5s %7.1f %-5s %9s %10.0f %8s%s\n' "$kind" "$(echo "$bytes/1000000" | bc -l)" "$to" "$secs" "$(echo "$rss_kb/1024" | bc -l)" "$ratio" "$note"
            rm -rf "$work/out"
        done
        rm -f "$in"
    done
done
