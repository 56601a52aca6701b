#!/usr/bin/env python3
"""Build the PDF-extraction test corpus under tests/extraction/.

For every Markdown article in tests/extraction/articles/ this script
  1. typesets it with several typesetters (all through pandoc) into
     tests/extraction/pdf/NAME/TYPESETTER.pdf,
  2. extracts every PDF with every available extractor into
     tests/extraction/text/NAME/TYPESETTER--EXTRACTOR.txt,
  3. writes the gold tests/extraction/gold/NAME.json from the Markdown AST.

It is idempotent: an output newer than its inputs is not rebuilt (use --force to
rebuild everything).  Usage:

    python3 scripts/extraction/build.py [--force] [--only NAME ...] [--step typeset|extract|gold]

Run by make-extraction-corpus.sh, which installs the tools first.  Never run by CI.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent                      # the repository (…/main)
CORPUS = ROOT / "tests" / "extraction"
ARTICLES = CORPUS / "articles"

sys.path.insert(0, str(HERE))
import gold as goldmod          # noqa: E402  (scripts/extraction/gold.py)
import html_footnotes           # noqa: E402  (scripts/extraction/html_footnotes.py)


def pandoc_path():
    import pypandoc
    return pypandoc.get_pandoc_path()


def run(cmd, **kw):
    """Run a command, raising with its stderr on failure."""
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({r.returncode}):\n{r.stderr[-3000:]}")
    return r


def meta_of(md: Path):
    """Language and a short title of the article (from the YAML block)."""
    ast = json.loads(run([pandoc_path(), "-f", "markdown", "-t", "json", str(md)]).stdout)
    return goldmod.article_meta(ast)


# Articles in these languages get a two-column layout in the per-page variant.
TWOCOLUMN_LANGS = {"de", "tr"}

# Fonts: Linux Libertine O (fonts-linuxlibertine) and DejaVu Serif (fonts-dejavu)
# both cover Latin (incl. Turkish and Azerbaijani ə), Cyrillic and Greek.
LATEX_FONT = "Linux Libertine O"
FONT_DIRS = ["/usr/share/fonts/opentype/linux-libertine",
             "/usr/share/fonts/truetype/linux-libertine",
             "/usr/share/fonts/truetype/dejavu"]


def babel_lang(lang):
    # pandoc maps BCP 47 tags to babel/polyglossia names; az-Latn is not known to
    # polyglossia, so typeset Azerbaijani with Turkish hyphenation rules.
    return {"az-Latn": "tr", "az": "tr"}.get(lang, lang)


# ---------------------------------------------------------------- typesetters

def ts_typst(md, pdf, meta):
    import typst
    with tempfile.TemporaryDirectory() as td:
        typ = Path(td) / "article.typ"
        run([pandoc_path(), "-f", "markdown", "-t", "typst", "--standalone",
             "-V", "papersize=a4", "-V", "fontsize=10.5pt",
             "-V", "mainfont=Linux Libertine O",
             "-o", str(typ), str(md)])
        src = typ.read_text(encoding="utf-8")
        # pandoc 3.9's typst template writes keywords unquoted, which typst
        # rejects ("expected comma"); keywords are not printed anyway.
        src = re.sub(r"keywords: \((?:[^()]|\n)*?\)", "keywords: ()", src)
        typ.write_text(src, encoding="utf-8")
        try:
            typst.compile(str(typ), output=str(pdf), font_paths=FONT_DIRS)
        except typst.TypstError as e:
            raise RuntimeError(getattr(e, "diagnostic", str(e)))


LATEX_HEADER_COMMON = r"""
\usepackage{fancyhdr}
\setlength{\headheight}{14pt}
"""


def ts_xelatex(md, pdf, meta, perpage=False, twocolumn=None):
    header = LATEX_HEADER_COMMON
    args = []
    if perpage:
        # Footnote numbers restart on every page; running heads with the
        # authors' names and the title, folio in the outer head corner.
        short = meta["short_title"].replace("&", r"\&")
        authors = meta["authors_short"].replace("&", r"\&")
        header += r"""
\usepackage{perpage}
\MakePerPage{footnote}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\small\thepage\ \textbar\ %s}
\fancyhead[R]{\small\itshape %s}
\renewcommand{\headrulewidth}{0pt}
""" % (authors, short)
        if twocolumn if twocolumn is not None else meta["lang"] in TWOCOLUMN_LANGS:
            args += ["-V", "classoption=twocolumn"]
    else:
        # Folio at the foot, centred (LaTeX's plain style).
        header += "\\pagestyle{plain}\n"
    with tempfile.TemporaryDirectory() as td:
        h = Path(td) / "header.tex"
        h.write_text(header, encoding="utf-8")
        run([pandoc_path(), "-f", "markdown", str(md), "-o", str(pdf),
             "--pdf-engine=xelatex", "-H", str(h),
             "-V", f"mainfont={LATEX_FONT}", "-V", "sansfont=DejaVu Sans",
             "-V", "monofont=DejaVu Sans Mono",
             "-V", "geometry=a4paper,margin=25mm", "-V", "fontsize=11pt",
             "-M", f"lang={babel_lang(meta['lang'])}", *args], cwd=td)


def ts_libreoffice(md, pdf, meta):
    with tempfile.TemporaryDirectory() as td:
        odt = Path(td) / (pdf.stem + ".odt")
        run([pandoc_path(), "-f", "markdown", "-t", "odt", "-o", str(odt), str(md)])
        # A private user profile so that a running LibreOffice (or a locked
        # profile) does not get in the way.
        prof = Path(td) / "profile"
        run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless",
             "--convert-to", "pdf", "--outdir", td, str(odt)], timeout=300)
        shutil.move(str(Path(td) / (pdf.stem + ".pdf")), str(pdf))


WEASY_CSS = HERE / "weasyprint.css"


def ts_weasyprint(md, pdf, meta):
    import weasyprint
    html = run([pandoc_path(), "-f", "markdown", "-t", "html5", "--standalone", "--wrap=none",
                "-M", "document-css=false", str(md)]).stdout
    html = html_footnotes.inline_notes(html)
    html = html.replace("</head>", "<style>\n" + WEASY_CSS.read_text() + "\n</style>\n</head>", 1)
    weasyprint.HTML(string=html, base_url=str(md.parent)).write_pdf(str(pdf))


TYPESETTERS = {
    "typst": ts_typst,
    "xelatex": lambda md, pdf, meta: ts_xelatex(md, pdf, meta, perpage=False),
    "xelatex-perpage": lambda md, pdf, meta: ts_xelatex(md, pdf, meta, perpage=True),
    "libreoffice": ts_libreoffice,
    "weasyprint": ts_weasyprint,
    # The per-page variant in two columns for the articles that have it in one column
    # (a test of the two-column rules on texts they were not written from).
    "xelatex-twocolumn": lambda md, pdf, meta: ts_xelatex(md, pdf, meta, perpage=True, twocolumn=True),
}

# Typesetters made only for some articles: the two-column per-page variant where the
# per-page one is not already in two columns.
ONLY_FOR = {"xelatex-twocolumn": lambda meta: meta["lang"] not in TWOCOLUMN_LANGS}

# ---------------------------------------------------------------- extractors
# Every extractor writes UTF-8 text.  Pages: poppler and pdfminer end each page
# with a form feed (\f) themselves; PyMuPDF and pdfplumber work page by page and
# we join their pages with \f as well; PDFBox writes no page separator.


def ex_pdftotext(pdf):
    return run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"]).stdout


def ex_pdftotext_layout(pdf):
    return run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"]).stdout


def ex_pdfminer(pdf):
    from pdfminer.high_level import extract_text
    return extract_text(str(pdf))


def ex_pymupdf(pdf):
    import pymupdf
    with pymupdf.open(str(pdf)) as doc:
        return "\f".join(page.get_text() for page in doc) + "\f"


def ex_pdfplumber(pdf):
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        return "\f".join((page.extract_text() or "") for page in doc.pages) + "\f"


PDFBOX_CP = ":".join(["/usr/share/java/pdfbox2-tools.jar", "/usr/share/java/pdfbox2.jar",
                      "/usr/share/java/fontbox2.jar", "/usr/share/java/commons-logging.jar"])


def ex_pdfbox(pdf):
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out.txt"
        run(["java", "-cp", PDFBOX_CP, "org.apache.pdfbox.tools.ExtractText",
             "-encoding", "UTF-8", str(pdf), str(out)], timeout=300)
        return out.read_text(encoding="utf-8")


EXTRACTORS = {
    "pdftotext": ex_pdftotext,
    "pdftotext-layout": ex_pdftotext_layout,
    "pdfminer": ex_pdfminer,
    "pymupdf": ex_pymupdf,
    "pdfplumber": ex_pdfplumber,
    "pdfbox": ex_pdfbox,
}


def available_extractors():
    ok = {}
    for name, fn in EXTRACTORS.items():
        if name.startswith("pdftotext") and not shutil.which("pdftotext"):
            continue
        if name == "pdfbox" and not (shutil.which("java") and Path("/usr/share/java/pdfbox2-tools.jar").exists()):
            continue
        ok[name] = fn
    return ok


def stale(out: Path, *inputs: Path):
    return not out.exists() or any(out.stat().st_mtime < i.stat().st_mtime for i in inputs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--step", choices=["typeset", "extract", "gold"], action="append")
    ap.add_argument("--typesetters", nargs="*")
    a = ap.parse_args()
    steps = set(a.step or ["gold", "typeset", "extract"])
    arts = sorted(ARTICLES.glob("*.md"))
    if a.only:
        arts = [p for p in arts if p.stem in a.only]
    extractors = available_extractors()
    failures = []
    for md in arts:
        name = md.stem
        meta = meta_of(md)
        if "gold" in steps:
            g = CORPUS / "gold" / f"{name}.json"
            if a.force or stale(g, md, HERE / "gold.py"):
                g.parent.mkdir(parents=True, exist_ok=True)
                g.write_text(json.dumps(goldmod.gold_for(md, pandoc_path()), ensure_ascii=False,
                                        indent=1) + "\n", encoding="utf-8")
                print("gold", g.relative_to(ROOT), flush=True)
        for ts, fn in TYPESETTERS.items():
            if a.typesetters and ts not in a.typesetters:
                continue
            if ts in ONLY_FOR and not ONLY_FOR[ts](meta):
                continue
            pdf = CORPUS / "pdf" / name / f"{ts}.pdf"
            if "typeset" in steps and (a.force or stale(pdf, md)):
                pdf.parent.mkdir(parents=True, exist_ok=True)
                try:
                    fn(md, pdf, meta)
                    print("pdf ", pdf.relative_to(ROOT), flush=True)
                except Exception as e:          # go on with the others
                    failures.append(f"{name}/{ts}: {e}")
                    print("FAIL", name, ts, str(e)[:2000], flush=True)
                    continue
            if "extract" in steps and pdf.exists():
                wrote = 0
                for ex, efn in extractors.items():
                    txt = CORPUS / "text" / name / f"{ts}--{ex}.txt"
                    if a.force or stale(txt, pdf):
                        txt.parent.mkdir(parents=True, exist_ok=True)
                        try:
                            txt.write_text(efn(pdf), encoding="utf-8")
                            wrote += 1
                        except Exception as e:
                            failures.append(f"{name}/{ts}/{ex}: {e}")
                            print("FAIL", name, ts, ex, str(e)[:500], flush=True)
                if wrote:
                    print("text", name, ts, f"({wrote} files)", flush=True)
    if failures:
        print("\n".join(["", "failures:"] + failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
