#!/usr/bin/env python3
"""Check every DOCX fixture's gold against pandoc 3.9's reading of the DOCX (`-f docx -t json`).

Each gold file is first checked against the schema of tests/fixtures/docx/README.md.
pandoc is an independent reader: where it keeps a thing (notes and their text, the body text
before each call, headings by style, list labels, table cells) it should agree with the gold.
Known differences are listed in EXPECTED with the reason; anything else is a failure (exit 1).
pandoc failing to read a good fixture is a failure too.

    python3 scripts/docx/check_gold.py            # all fixtures
    python3 scripts/docx/check_gold.py word-notes # some
"""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import OUT, collapse, pandoc_path  # noqa: E402
from pandoc_gold import Gold, block_text, inline_text, label  # noqa: E402

# fixture -> {what: reason}; `what` is "notes", "note N", "headings" or "tables".
EXPECTED = {
    "pandoc-quotes-and-lists": {"lists": "an item's second paragraph and block quote are written by "
                                         "pandoc with numId 1000 (no label); pandoc's reader ends the "
                                         "list there and reads them as new lists"},
    "lo-resaved-pandoc": {"lists": "LibreOffice writes the first item with its own w:num (a start "
                                   "override) and the next items with another w:num of the same "
                                   "abstractNum; LibreOffice prints 3. 4. a. b. 5. (checked on its "
                                   "PDF), pandoc's reader starts a new list at each w:numId change"},
    "word-notes": {"note 1": "pandoc keeps a custom mark (w:customMarkFollows) as superscript text "
                             "at the start of the note (“* Baku …”)"},
    "word-headings": {"headings": "pandoc knows headings by the style names Heading N / heading N "
                                  "(and styleId) only: not “Заголовок 1”, “Başlık 2”, nor a bare "
                                  "w:outlineLvl"},
}


def pandoc_read(path):
    r = subprocess.run([pandoc_path(), "-f", "docx", "-t", "json", path], capture_output=True,
                       text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return json.loads(r.stdout)


class Reader:
    """Collects notes, headings and tables from pandoc's AST of a DOCX."""

    def __init__(self):
        self.notes, self.headings, self.tables, self.lists = [], [], [], []

    def inlines(self, inlines):
        for il in inlines:
            t, c = il["t"], il.get("c")
            if t == "Note":
                self.notes.append("\n\n".join(p for p in (block_text(b) for b in c) if p))
                # notes inside notes do not occur
            elif t in ("Emph", "Strong", "SmallCaps", "Superscript", "Subscript", "Strikeout",
                       "Underline"):
                self.inlines(c)
            elif t in ("Span", "Link", "Cite"):
                self.inlines(c[1])
            elif t == "Quoted":
                self.inlines(c[1])

    def blocks(self, blocks, level=0):
        for b in blocks:
            t, c = b["t"], b.get("c")
            if t in ("Para", "Plain"):
                self.inlines(c)
            elif t == "Header":
                self.headings.append({"level": c[0], "text": collapse(inline_text(c[2]))})
                self.inlines(c[2])
            elif t == "BlockQuote":
                self.blocks(c, level)
            elif t == "Div":
                self.blocks(c[1], level)
            elif t in ("BulletList", "OrderedList"):
                items = c if t == "BulletList" else c[1]
                entry = {"level": level, "items": []}
                self.lists.append(entry)
                for i, item in enumerate(items):
                    first = item[0] if item else None
                    text = block_text(first) if first and first["t"] in ("Para", "Plain") else ""
                    if t == "OrderedList":
                        start, style, delim = c[0][0], c[0][1]["t"], c[0][2]["t"]
                        text = label(start + i, style, delim) + " " + text
                    entry["items"].append(text)
                    self.blocks(item, level + 1)
            elif t == "Figure":
                self.blocks(c[2])
            elif t == "Table":
                rows = []
                _a, _cap, _cs, head, bodies, foot = c
                all_rows = list(head[1])
                for body in bodies:
                    all_rows += body[2] + body[3]
                all_rows += foot[1]
                for row in all_rows:
                    cells = []
                    for cell in row[1]:
                        cells.append("\n\n".join(block_text(x) for x in cell[4]))
                        self.blocks(cell[4])
                    rows.append(cells)
                self.tables.append(rows)


COMPARED = {"before": 0}


def schema_errors(gold):
    """Return what in a gold file does not follow the schema of tests/fixtures/docx/README.md."""
    errs = []

    def need(ok, what):
        if not ok:
            errs.append(what)

    def strs(v):
        return isinstance(v, list) and all(isinstance(x, str) for x in v)

    allowed = {"source", "meta", "headings", "notes", "langs", "entries", "lists", "tables",
               "images", "changes", "comments", "citations"}
    need(set(gold) <= allowed, f"unknown keys {sorted(set(gold) - allowed)}")
    need(isinstance(gold.get("source"), str), "source")
    for n in gold.get("notes", []):
        need(n.get("kind") in ("foot", "end") and isinstance(n.get("label"), str)
             and isinstance(n.get("text"), str) and len(n.get("before", "")) <= 30, f"note {n}")
    for k in ("langs", "entries"):
        for e in gold.get(k, []):
            need(isinstance(e.get("text"), str) and isinstance(e.get("lang", ""), str), f"{k} {e}")
    for h in gold.get("headings", []):
        need(h.get("level") in range(1, 10) and isinstance(h.get("text"), str), f"heading {h}")
    for li in gold.get("lists", []):
        need(strs(li.get("items")) and isinstance(li.get("level"), int), f"list {li}")
    for t in gold.get("tables", []):
        need(isinstance(t.get("rows"), list) and all(strs(r) for r in t["rows"])
             and isinstance(t.get("header_rows"), int), "table rows")
    for im in gold.get("images", []):
        need(isinstance(im.get("alt"), str), f"image {im}")
    for c in gold.get("changes", []):
        need(c.get("kind") in ("insertion", "deletion") and isinstance(c.get("author"), str), f"change {c}")
    for c in gold.get("citations", []):
        need(isinstance(c.get("text"), str) and isinstance(c.get("items"), int), f"citation {c}")
    return errs


def check(name):
    """Return (problems, expected) for one fixture."""
    with open(os.path.join(OUT, name + ".gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    found = [("schema", e) for e in schema_errors(gold)]
    ast = pandoc_read(os.path.join(OUT, name + ".docx"))
    r = Reader()
    r.blocks(ast["blocks"])
    gnotes = gold.get("notes", [])
    if len(gnotes) != len(r.notes):
        found.append(("notes", f"gold has {len(gnotes)} notes "
                               f"({sum(n['kind'] == 'end' for n in gnotes)} endnotes), pandoc {len(r.notes)}"))
    for i, (g, p) in enumerate(zip(gnotes, r.notes), 1):
        if collapse(g["text"]) != collapse(p):
            found.append((f"note {i}", f"gold {g['text']!r} / pandoc {p!r}"))
    # The body text before each call, by the gold's rules applied to pandoc's reading.
    pg = Gold()
    pg.blocks(ast["blocks"])
    if len(pg.notes) == len(gnotes):
        for i, (g, p) in enumerate(zip(gnotes, pg.notes), 1):
            COMPARED["before"] += "before" in g
            if "before" in g and g["before"] != p["before"]:
                found.append((f"before {i}", f"gold {g['before']!r} / pandoc {p['before']!r}"))
    gh = gold.get("headings", [])
    if gh != r.headings:
        found.append(("headings", f"gold {[(h['level'], h['text']) for h in gh]} / pandoc "
                                  f"{[(h['level'], h['text']) for h in r.headings]}"))
    gt = [t["rows"] for t in gold.get("tables", [])]
    # pandoc repeats nothing for merged cells: a spanned cell is one cell, as in the gold.
    pt = [[[collapse(c) for c in row] for row in t] for t in r.tables]
    if [[[collapse(c) for c in row] for row in t] for t in gt] != pt:
        found.append(("tables", f"gold {gt} / pandoc {pt}"))
    gl = [e for e in gold.get("lists", [])]
    pl = [e for e in r.lists if e["items"]]
    if "entries" not in gold and gl != pl:
        found.append(("lists", f"gold {[e['items'] for e in gl]} / pandoc {[e['items'] for e in pl]}"))
    expected = EXPECTED.get(name, {})
    problems = [(w, m) for w, m in found if w not in expected]
    known = [(w, m, expected[w]) for w, m in found if w in expected]
    return problems, known, gnotes, r.notes


def main():
    names = sys.argv[1:] or sorted(os.path.basename(p)[:-len(".gold.json")]
                                   for p in glob.glob(os.path.join(OUT, "*.gold.json")))
    bad = 0
    for name in names:
        try:
            problems, known, gnotes, pnotes = check(name)
        except RuntimeError as e:
            print(f"FAIL {name}: pandoc cannot read it: {e}")
            bad += 1
            continue
        foot = sum(n["kind"] == "foot" for n in gnotes)
        end = len(gnotes) - foot
        status = "ok  " if not problems else "FAIL"
        print(f"{status} {name}: notes {foot} foot + {end} end, pandoc {len(pnotes)}")
        for w, m, why in known:
            print(f"     expected difference in {w}: {why}\n       {m[:300]}")
        for w, m in problems:
            print(f"     DIFFERENCE in {w}: {m[:600]}")
        bad += bool(problems)
    print(f"{COMPARED['before']} calls compared for the body text before them")
    print(f"{len(names) - bad} of {len(names)} fixtures agree with pandoc (expected differences aside)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
