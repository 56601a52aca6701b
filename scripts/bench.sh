#!/usr/bin/env bash
# Benchmarks (not tests), printed as ratios in one run:
#   1. colophon `-t tei,epub,pdf` against pandoc 3 doing `-t tei`, `-t epub3` and a PDF
#      through Typst, all on the Markdown that colophon writes for the example;
#   2. scaling: the example ×1, ×10 and ×100 concatenated (time should grow linearly);
#   3. a batch of 1,000 inputs (the example and the fixtures, renamed): throughput per core
#      and peak memory, against a batch of 100 (memory should stay flat);
#   4. an article with 20 tables and 10 figures (PNG and JPEG) to every format (issue 17:
#      under 100 ms).
# Needs hyperfine (Debian), pandoc (PyPI pypandoc-binary) and typst (PyPI typst); installs
# them when missing. Usage: scripts/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=20
[ "${1:-}" = "--quick" ] && runs=5

command -v hyperfine >/dev/null || { sudo -n apt-get install -y -qq hyperfine >/dev/null 2>&1 || apt-get install -y -qq hyperfine >/dev/null; }
python3 -c "import pypandoc" 2>/dev/null || python3 -m pip install --quiet pypandoc-binary
python3 -c "import typst" 2>/dev/null || python3 -m pip install --quiet typst
pandoc=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())")

cargo build --release --quiet
bin=$PWD/target/release/colophon
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(str(x['median']) for x in r))" "$1"; }

echo "== 1. colophon against pandoc 3 ($("$pandoc" --version | head -1)), the example"
"$bin" convert input/zangezur-article.txt -t md -q -o "$work"
md=$work/zangezur-article.md
# Pandoc's Typst template wants one abstract string and keyword strings; our Markdown keeps
# an abstract and a keyword list per language, so those fields are given with -M (the body,
# the 103 notes and the references are pandoc's and Typst's to set).
over=(-M "abstract=The abstract." -M "author=The author" -M "keywords=")
typst_pdf="$pandoc $md -f markdown -s -t typst ${over[*]@Q} -o $work/p.typ && python3 -c 'import typst; typst.compile(\"$work/p.typ\", output=\"$work/p.pdf\")'"
hyperfine --warmup 2 --runs "$runs" --export-json "$work/vs.json" \
  -n "colophon -t tei,epub,pdf" "$bin convert $md -t tei,epub,pdf -q -o $work/c" \
  -n "pandoc -t tei" "$pandoc $md -f markdown -s -t tei -o $work/p.tei.xml" \
  -n "pandoc -t epub3" "$pandoc $md -f markdown -t epub3 -o $work/p.epub" \
  -n "pandoc → typst → pdf" "$typst_pdf" >/dev/null
read -r ours tei epub pdf <<<"$(median "$work/vs.json")"
python3 - "$ours" "$tei" "$epub" "$pdf" <<'EOF'
import sys
ours, tei, epub, pdf = map(float, sys.argv[1:])
print(f"  colophon, all three formats: {ours*1000:8.1f} ms (median)")
for name, t in [("pandoc -t tei", tei), ("pandoc -t epub3", epub), ("pandoc → Typst PDF", pdf)]:
    print(f"  {name:<28} {t*1000:8.1f} ms")
print(f"  pandoc, the three together:  {(tei+epub+pdf)*1000:8.1f} ms  →  colophon is {(tei+epub+pdf)/ours:.1f}× faster")
EOF

echo
echo "== 2. scaling: the example ×1, ×10, ×100 (tei, epub, pdf)"
for k in 1 10 100; do
  f=$work/x$k.txt
  for _ in $(seq "$k"); do cat input/zangezur-article.txt; echo; done > "$f"
done
hyperfine --warmup 1 --runs 3 --export-json "$work/scale.json" \
  -n x1 "$bin convert $work/x1.txt -t tei,epub,pdf -q -o $work/s" \
  -n x10 "$bin convert $work/x10.txt -t tei,epub,pdf -q -o $work/s" \
  -n x100 "$bin convert $work/x100.txt -t tei,epub,pdf -q -o $work/s" >/dev/null
read -r s1 s10 s100 <<<"$(median "$work/scale.json")"
python3 - "$s1" "$s10" "$s100" <<'EOF'
import sys
s1, s10, s100 = map(float, sys.argv[1:])
for k, t in [(1, s1), (10, s10), (100, s100)]:
    print(f"  ×{k:<4} {t*1000:9.1f} ms   {t/k*1000:7.1f} ms per copy   ({t/s1:6.1f}× the time of ×1)")
EOF

echo
echo "== 3. batches of 100 and 1,000 inputs (all five formats)"
inputs=(input/zangezur-article.txt tests/fixtures/*/input.txt)
for n in 100 1000; do
  dir=$work/batch$n
  mkdir -p "$dir"
  for i in $(seq 0 $((n - 1))); do cp "${inputs[$((i % ${#inputs[@]}))]}" "$dir/article-$i.txt"; done
  /usr/bin/time -f "%e %M" -o "$work/time$n" "$bin" convert "$dir" -q -o "$work/out$n" || true
  read -r secs kb <"$work/time$n"
  cores=$(nproc)
  python3 -c "import sys; n,s,kb,c=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),int(sys.argv[4]); print(f'  {n:>5} inputs: {s:6.1f} s, {n/s:6.1f} files/s ({n/s/c:5.1f} per core on {c}), peak {kb/1024:6.1f} MB')" "$n" "$secs" "$kb" "$cores"
done

echo
echo "== 4. 20 tables and 10 figures, Markdown to every format"
tf=$work/tables
mkdir -p "$tf"
cp tests/fixtures/media/map.png tests/fixtures/media/facsimile.jpg "$tf/"
python3 - "$tf/article.md" <<'EOF'
import sys
out = ["---", "title: Tables and figures", "lang: en", "---", ""]
for i in range(1, 31):
    out.append(f"## Section {i}\n")
    out.append(f"Text before object {i}, citing RGVIA, f. 400, op. 1, d. {i}, l. 5.[^n{i}]\n")
    out.append(f"[^n{i}]: Note {i} on GARF, f. 1318, op. 1, d. {i}.\n")
    if i % 3 == 0:
        img = "map.png" if i % 2 else "facsimile.jpg"
        out.append(f"![Figure {i // 3}. A document of {1900 + i}]({img}){{#fig:f{i} width=80%}}\n")
    else:
        out.append("| Uezd | 1897 | 1914 | Change |")
        out.append("|:-----|-----:|-----:|-------:|")
        for r in range(12):
            out.append(f"| Uezd {r} | {1000 + r * 37} | {1100 + r * 41} | {r * 4}.{r} % |")
        out.append(f"\n: Table {i}. Population by uezd {{#tbl:t{i}}}\n")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
EOF
hyperfine --warmup 2 --runs "$runs" --export-json "$work/tables.json" \
  -n "tables" "$bin convert $tf/article.md -t tei,epub,pdf,md,json -q -o $work/t" >/dev/null
read -r tt <<<"$(median "$work/tables.json")"
python3 -c "import sys; t=float(sys.argv[1]); print(f'  20 tables, 10 figures, five formats: {t*1000:.1f} ms (median; budget 100 ms)')" "$tt"
