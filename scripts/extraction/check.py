#!/usr/bin/env python3
"""Sanity check of the corpus: does every gold note and reference occur in each extraction?

For every text file, prints how many gold notes (first 30 characters of the note
text) and references (first 30 characters) are found after collapsing whitespace,
plus the number of pages (form feeds).  A low count points at a typesetting
problem (a lost note) or at an extractor that reorders or garbles text.

    python3 scripts/extraction/check.py [NAME ...]
"""
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "tests" / "extraction"


def norm(s):
    s = re.sub("\u00ad\\s*\n", "", s)               # soft hyphen at a line end
    s = s.replace("\u00ad", "-")                     # typst: hyphen-minus read as U+00AD
    s = re.sub(r"-\n(?=\w)", "", s)                  # hyphenation at line end
    s = re.sub(r"[\u2010\u2011]", "-", s)
    return re.sub(r"\s+", " ", s)


def main():
    names = sys.argv[1:] or sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))
    print(f"{'article':28} {'typesetter':16} {'extractor':17} pages notes refs")
    for name in names:
        gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        for txt in sorted((CORPUS / "text" / name).glob("*.txt")):
            ts, ex = txt.stem.split("--")
            raw = txt.read_text(encoding="utf-8")
            t = norm(raw)
            tn = t.replace(" ", "")
            notes = sum(1 for n in gold["notes"] if n["text"][:30].replace(" ", "") in tn)
            refs = sum(1 for r in gold["references"] if r[:30].replace(" ", "") in tn)
            print(f"{name:28} {ts:16} {ex:17} {raw.count(chr(12)):5} "
                  f"{notes:2}/{len(gold['notes']):2} {refs:2}/{len(gold['references']):2}")


if __name__ == "__main__":
    main()
