"""The example-shaped article: colophon's Markdown of input/zangezur-article.txt, through pandoc
-t docx, then w:lang added in Python (Cyrillic entries and note runs ru-RU, the Turkish abstract
tr-TR, en-GB as the document default). Gold: pandoc's AST of the Markdown for the notes, headings
and entries; the languages from the tagging pass below (which is part of the generator)."""
import os
import re
import shutil

import yaml
from lxml import etree

from common import OUT, ROOT, WORK, pandoc_json, pandoc_path, read_parts, run, write_gold, write_parts
from pandoc_gold import block_text, gold_from_ast

NAME = "example-zangezur"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CYR = re.compile("[\u0400-\u04FF]")
TR_STYLES = {"AbstractTitleTR", "AbstractTR", "KeywordsTR"}


def colophon_markdown():
    """Run colophon on the example and return its Markdown."""
    out = os.path.join(WORK, "ex")
    run(["cargo", "run", "--release", "-q", "--", "convert", "input/zangezur-article.txt",
         "--to", "md", "-o", out], cwd=ROOT, timeout=1800)
    with open(os.path.join(out, "zangezur-article.md"), encoding="utf-8") as f:
        return f.read()


def div(style, text):
    return f'::: {{custom-style="{style}"}}\n{text.strip()}\n:::\n'


def article_markdown(md):
    """Turn colophon's Markdown into a Word-shaped article: front matter as styled paragraphs."""
    _, front, body = md.split("---\n", 2)
    meta = yaml.safe_load(front)
    out = ["---", "title: " + yaml.safe_dump(meta["title"], allow_unicode=True, width=10000).split("\n")[0],
           "lang: en-GB", "---", ""]
    kw = {k["lang"]: k for k in meta.get("keywords", [])}
    for ab in meta.get("abstract", []):
        tr = ab["lang"] == "tr"
        out.append(div("Abstract Title TR" if tr else "Abstract Title", ab["heading"]))
        out.append(div("Abstract TR" if tr else "Abstract", ab["text"]))
        k = kw.get(ab["lang"])
        if k:
            out.append(div("Keywords TR" if tr else "Keywords", k["heading"] + ": " + ", ".join(k["terms"])))
    return "\n".join(out) + "\n" + body


def q(tag):
    return f"{{{W}}}{tag}"


def set_lang(run_el, lang):
    """Put <w:lang w:val=lang/> into a run's properties (replacing one already there)."""
    rpr = run_el.find(q("rPr"))
    if rpr is None:
        rpr = etree.SubElement(run_el, q("rPr"))
        run_el.remove(rpr)
        run_el.insert(0, rpr)
    old = rpr.find(q("lang"))
    if old is not None:
        rpr.remove(old)
    lang_el = etree.SubElement(rpr, q("lang"))
    lang_el.set(q("val"), lang)


def run_text(r):
    return "".join(t.text or "" for t in r.iter(q("t")))


def tag_paragraph(p, lang, only_cyrillic, langs):
    """Tag a paragraph's runs (all, or those with Cyrillic letters); record the tagged stretches."""
    stretch = None
    for r in p.iter(q("r")):
        text = run_text(r)
        if not text:
            continue
        if only_cyrillic and not CYR.search(text):
            stretch = None
            continue
        set_lang(r, lang)
        if stretch is None:
            stretch = {"text": "", "lang": lang}
            langs.append(stretch)
        stretch["text"] += text
    if not only_cyrillic:
        ppr = p.find(q("pPr"))
        if ppr is None:
            ppr = etree.Element(q("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(q("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, q("rPr"))
        etree.SubElement(rpr, q("lang")).set(q("val"), lang)


def style_of(p):
    ps = p.find(f"{q('pPr')}/{q('pStyle')}")
    return ps.get(q("val")) if ps is not None else None


def post_process(path):
    """Add the languages; return the gold langs in document order (body, then notes)."""
    parts = read_parts(path)
    langs = []
    doc = etree.fromstring(parts["word/document.xml"])
    in_refs = False
    for p in doc.iter(q("p")):
        st = style_of(p)
        text = "".join(run_text(r) for r in p.iter(q("r")))
        if st and st.startswith("Heading"):
            in_refs = text.strip().upper() == "REFERENCES"
            continue
        if st in TR_STYLES:
            tag_paragraph(p, "tr-TR", False, langs)
        elif in_refs and CYR.search(text):
            tag_paragraph(p, "ru-RU", False, langs)
    parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    notes = etree.fromstring(parts["word/footnotes.xml"])
    for p in notes.iter(q("p")):
        tag_paragraph(p, "ru-RU", True, langs)
    parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8",
                                                 standalone=True)
    styles = parts["word/styles.xml"].decode("utf-8")
    styles, n = re.subn(r'(<w:rPrDefault>.*?)<w:lang [^>]*/>', r'\1<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA" />',
                        styles, count=1, flags=re.S)
    if n != 1:
        raise SystemExit("example: no default language in styles.xml")
    parts["word/styles.xml"] = styles.encode("utf-8")
    write_parts(path, parts)
    return langs


def main():
    md = article_markdown(colophon_markdown())
    src = os.path.join(OUT, "sources", NAME + ".md")
    with open(src, "w", encoding="utf-8") as f:
        f.write(md)
    tmp = os.path.join(WORK, NAME + ".docx")
    run([pandoc_path(), "-f", "markdown", "-t", "docx", "-o", tmp, src])
    langs = post_process(tmp)
    shutil.copyfile(tmp, os.path.join(OUT, NAME + ".docx"))
    ast = pandoc_json(src)
    gold = gold_from_ast(ast, "colophon convert input/zangezur-article.txt --to md, front matter as "
                              "styled paragraphs (sources/example-zangezur.md), pandoc 3.9 -t docx, "
                              "w:lang added by scripts/docx/example_fixture.py")
    gold["langs"] = langs
    # The bibliography: the bullet list after the REFERENCES heading.
    entries = []
    blocks = ast["blocks"]
    for i, b in enumerate(blocks):
        if b["t"] == "Header" and block_text(b).strip().upper() == "REFERENCES":
            for nb in blocks[i + 1:]:
                if nb["t"] == "BulletList":
                    for item in nb["c"]:
                        text = "\n\n".join(block_text(x) for x in item)
                        entries.append({"text": text, "lang": "ru-RU" if CYR.search(text) else "en-GB"})
                    break
    gold["entries"] = entries
    gold["lists"] = []  # the bibliography is in entries
    write_gold(NAME, gold)
    print("example:", os.path.join(OUT, NAME + ".docx"), len(gold["notes"]), "notes,",
          sum(e["lang"] == "ru-RU" for e in entries), "of", len(entries), "entries ru-RU,",
          len(langs), "lang stretches")


if __name__ == "__main__":
    main()
