#!/usr/bin/env python3
"""Build the table-and-figure extraction corpus in tests/fixtures/text-tables/ (run by hand,
never by CI; the outputs are committed).

    python3 scripts/make-table-corpus.py [--force]

Sources:  tests/fixtures/text-tables/articles/NAME.md   (Pandoc Markdown, hand-written; each
          table sits in a `::: {.tbl label="…"}` div with its caption paragraph, the table and
          its source paragraph; each figure in a `::: {.fig label="…"}` div with its image
          paragraph and its caption paragraph; `below="true"` when the caption follows the table)
Outputs:  tests/fixtures/text-tables/gold/NAME.json                      (from the Markdown AST)
          tests/fixtures/text-tables/text/NAME/TYPESETTER--EXTRACTOR.txt (typst, xelatex,
          libreoffice × pdftotext, pdftotext-layout, pdfminer, pymupdf, pdfplumber)
The PDFs are not kept (they are rebuilt from the Markdown; tests/extraction/ keeps its own).
The tools are those of scripts/make-extraction-corpus.sh (run it once to install them);
the typesetters and extractors are the functions of scripts/extraction/build.py, with the
image copied next to the Markdown so that every typesetter finds it.
"""
import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "fixtures" / "text-tables"
MEDIA = ROOT / "tests" / "fixtures" / "media"

sys.path.insert(0, str(HERE / "extraction"))
import build  # noqa: E402  (scripts/extraction/build.py)
import gold as goldmod  # noqa: E402

TYPESETTERS = ["typst", "xelatex", "libreoffice"]
EXTRACTORS = ["pdftotext", "pdftotext-layout", "pdfminer", "pymupdf", "pdfplumber"]


def plain(inlines):
    """Plain text of pandoc inlines (the gold walker's rules)."""
    return goldmod.collapse(goldmod.Walker().plain(inlines))


def para_text(block):
    assert block["t"] in ("Para", "Plain"), block["t"]
    # Notes are not part of the printed caption or source text (their calls are).
    return plain([i for i in block["c"] if i["t"] != "Note"])


def cells_of(table):
    """Every cell's plain text, row by row: header rows, then the body's."""
    _attr, _caption, _specs, head, bodies, foot = table["c"]
    rows = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    rows += foot[1]
    out = []
    for row in rows:
        out.append([goldmod.collapse(" ".join(plain(b["c"]) for b in cell[4] if b["t"] in ("Para", "Plain")))
                    for cell in row[1]])
    return out


def split_label(text, label):
    assert text.startswith(label), (text, label)
    return text[len(label):].lstrip(" .:–—-").strip()


def notes_of(blocks):
    """The texts of the notes called anywhere in `blocks`, in order."""
    out = []

    def walk(x):
        if isinstance(x, dict):
            if x.get("t") == "Note":
                out.append(goldmod.collapse(" ".join(para_text(b) for b in x["c"])))
                return
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(blocks)
    return out


def gold_for(md):
    ast = json.loads(build.run([build.pandoc_path(), "-f", "markdown", "-t", "json", str(md)]).stdout)
    tables, figures, paragraphs = [], [], []
    for block in ast["blocks"]:
        if block["t"] == "Para":
            paragraphs.append(para_text(block))
        if block["t"] != "Div":
            continue
        (_id, classes, kv), inner = block["c"]
        attrs = dict(kv)
        label = attrs["label"]
        if "tbl" in classes:
            table = next(b for b in inner if b["t"] == "Table")
            paras = [b for b in inner if b["t"] == "Para"]
            caption, source = paras[0], paras[1]
            tables.append({
                "label": label,
                "caption": split_label(para_text(caption), label),
                "below": attrs.get("below") == "true",
                "cells": cells_of(table),
                "source": para_text(source),
                "source_notes": notes_of([source]),
            })
        elif "fig" in classes:
            caption = [b for b in inner if b["t"] == "Para"][-1]
            figures.append({
                "label": label,
                "caption": split_label(para_text(caption), label),
                "notes": notes_of([caption]),
            })
    return {"lang": goldmod.article_meta(ast)["lang"], "tables": tables, "figures": figures,
            "paragraphs": paragraphs, "notes": notes_of(ast["blocks"])}


def typeset(ts, md, pdf, meta):
    """Typesets `md` with `ts` from a folder that holds its image too."""
    with tempfile.TemporaryDirectory() as td:
        local = Path(td) / md.name
        shutil.copy(md, local)
        shutil.copy(MEDIA / "map.png", Path(td) / "map.png")
        if ts == "typst":
            # (build.ts_typst compiles in a folder of its own, where the image is not.)
            import typst
            typ = Path(td) / "article.typ"
            build.run([build.pandoc_path(), "-f", "markdown", "-t", "typst", "--standalone",
                       "-V", "papersize=a4", "-V", "fontsize=10.5pt",
                       "-V", "mainfont=Linux Libertine O", "-o", str(typ), str(local)])
            src = re.sub(r"keywords: \((?:[^()]|\n)*?\)", "keywords: ()", typ.read_text(encoding="utf-8"))
            typ.write_text(src, encoding="utf-8")
            typst.compile(str(typ), output=str(pdf), font_paths=build.FONT_DIRS)
        elif ts == "xelatex":
            # pandoc runs in its own folder there: name the image's folder.
            with tempfile.TemporaryDirectory() as td2:
                h = Path(td2) / "header.tex"
                h.write_text(build.LATEX_HEADER_COMMON + "\\pagestyle{plain}\n", encoding="utf-8")
                build.run([build.pandoc_path(), "-f", "markdown", str(local), "-o", str(pdf),
                           "--pdf-engine=xelatex", "-H", str(h), "--resource-path", td,
                           "-V", f"mainfont={build.LATEX_FONT}", "-V", "sansfont=DejaVu Sans",
                           "-V", "monofont=DejaVu Sans Mono",
                           "-V", "geometry=a4paper,margin=25mm", "-V", "fontsize=11pt",
                           "-M", f"lang={build.babel_lang(meta['lang'])}"], cwd=td2)
        elif ts == "libreoffice":
            build.run([build.pandoc_path(), "-f", "markdown", "-t", "odt", "--resource-path", td,
                       "-o", str(Path(td) / (pdf.stem + ".odt")), str(local)])
            prof = Path(td) / "profile"
            build.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless",
                       "--convert-to", "pdf", "--outdir", td, str(Path(td) / (pdf.stem + ".odt"))],
                      timeout=300)
            shutil.move(str(Path(td) / (pdf.stem + ".pdf")), str(pdf))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    failures = []
    for md in sorted((CORPUS / "articles").glob("*.md")):
        name = md.stem
        if a.only and name not in a.only:
            continue
        g = CORPUS / "gold" / f"{name}.json"
        g.parent.mkdir(parents=True, exist_ok=True)
        g.write_text(json.dumps(gold_for(md), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        meta = build.meta_of(md)
        for ts in TYPESETTERS:
            with tempfile.TemporaryDirectory() as td:
                pdf = Path(td) / f"{ts}.pdf"
                try:
                    typeset(ts, md, pdf, meta)
                except Exception as e:  # go on with the others
                    failures.append(f"{name}/{ts}: {e}")
                    print("FAIL", name, ts, str(e)[:2000], flush=True)
                    continue
                for ex in EXTRACTORS:
                    txt = CORPUS / "text" / name / f"{ts}--{ex}.txt"
                    txt.parent.mkdir(parents=True, exist_ok=True)
                    txt.write_text(build.EXTRACTORS[ex](pdf), encoding="utf-8")
                print("text", name, ts, flush=True)
    if failures:
        print("\n".join(["", "failures:"] + failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
