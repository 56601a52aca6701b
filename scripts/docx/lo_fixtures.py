"""DOCX fixtures written by LibreOffice (`soffice --headless --convert-to docx`) from flat ODT
(.fodt), HTML and DOCX inputs made here; gold from the same Python data as the inputs."""
import html
import json
import os
import shutil

from common import OUT, WORK, Body, collapse, run, write_gold

SRC_DIR = os.path.join(OUT, "sources")


def esc(s):
    return html.escape(s, quote=False)


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><dc:language>{lang}</dc:language><meta:initial-creator>{author}</meta:initial-creator><dc:creator>{author}</dc:creator></office:meta>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="130%"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="115%"/></style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
 <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Endnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style>
 <style:default-style style:family="paragraph"><style:text-properties fo:language="{language}" fo:country="{country}"/></style:default-style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 <text:notes-configuration text:note-class="endnote" style:num-format="i" text:start-value="0"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="ru" style:family="text"><style:text-properties fo:language="ru" fo:country="RU"/></style:style>
 <style:style style:name="tr" style:family="text"><style:text-properties fo:language="tr" fo:country="TR"/></style:style>
 <style:style style:name="em" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="1in"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
 <text:list-style style:name="L2">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="i" text:start-value="3"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
</office:automatic-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


class Fodt:
    """A flat ODT text document and its gold, filled in the same pass."""

    def __init__(self, name, title, author, lang):
        self.name = name
        self.xml = []
        self.body = Body()
        language, country = lang.split("-")
        self.head = FODT_HEAD.format(title=esc(title), author=esc(author), lang=lang,
                                     language=language, country=country)
        self.gold = {"source": "", "meta": {"title": title, "authors": [author], "lang": lang},
                     "headings": [], "notes": [], "langs": [], "lists": [], "tables": []}
        self.n = {"footnote": 0, "endnote": 0}

    def inl(self, items, ctx="body"):
        """Return ODF inline XML and plain text. items: str | (style, text) | ('note', class, [paras])."""
        xml, text = [], []
        for it in items:
            if isinstance(it, str):
                xml.append(esc(it))
                text.append(it)
                if ctx == "body":
                    self.body.add(it)
            elif it[0] == "note":
                _, cls, paras = it
                self.n[cls] += 1
                k = self.n[cls]
                label = str(k) if cls == "footnote" else roman(k)
                before = self.body.before()
                ptexts, pxml = [], []
                for para in paras:
                    x, s = self.inl(para, "note")
                    style = "Footnote" if cls == "footnote" else "Endnote"
                    pxml.append(f'<text:p text:style-name="{style}">{x}</text:p>')
                    ptexts.append(collapse(s))
                self.gold["notes"].append({"kind": "foot" if cls == "footnote" else "end",
                                           "label": label, "text": "\n\n".join(ptexts),
                                           "before": before})
                xml.append(f'<text:note text:id="{cls[:3]}{k}" text:note-class="{cls}">'
                           f'<text:note-citation>{label}</text:note-citation><text:note-body>'
                           f'{"".join(pxml)}</text:note-body></text:note>')
            else:
                style, s = it
                xml.append(f'<text:span text:style-name="{style}">{esc(s)}</text:span>')
                text.append(s)
                if ctx == "body":
                    self.body.add(s)
                if style in ("ru", "tr"):
                    self.gold["langs"].append({"text": s, "lang": style + "-" + style.upper()})
        return "".join(xml), "".join(text)

    def p(self, items, style="Text_20_body"):
        self.body.block()
        x, _ = self.inl(items)
        self.xml.append(f'<text:p text:style-name="{style}">{x}</text:p>')

    def h(self, level, text):
        self.body.block()
        x, s = self.inl([text])
        self.gold["headings"].append({"level": level, "text": s})
        self.xml.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{x}</text:h>')

    def olist(self, style, items, labels, continue_numbering=False):
        """A list; items: (text, [subitems]); labels: printed labels of the top level."""
        cont = ' text:continue-numbering="true"' if continue_numbering else ""
        out = [f'<text:list text:style-name="{style}"{cont}>']
        entry = {"level": 0, "items": []}
        self.gold["lists"].append(entry)
        for (text, subs), label in zip(items, labels):
            self.body.block()
            x, s = self.inl([text])
            entry["items"].append(f"{label} {s}")
            inner = ""
            if subs:
                sub = {"level": 1, "items": []}
                self.gold["lists"].append(sub)
                li = []
                for j, st in enumerate(subs):
                    self.body.block()
                    sx, ss = self.inl([st])
                    sub["items"].append(f"{chr(ord('a') + j)}) {ss}")
                    li.append(f'<text:list-item><text:p text:style-name="List_20_Contents">{sx}</text:p></text:list-item>')
                inner = f'<text:list>{"".join(li)}</text:list>'
            out.append(f'<text:list-item><text:p text:style-name="List_20_Contents">{x}</text:p>{inner}</text:list-item>')
        out.append("</text:list>")
        self.xml.append("".join(out))

    def table(self, rows, header_rows, merges):
        """rows: lists of cells; a cell is text, (text, colspan, rowspan), or None (covered)."""
        ncols = max(len(r) for r in rows)  # covered cells are in the rows, as ODF has them
        out = [f'<table:table table:name="Table1"><table:table-column table:number-columns-repeated="{ncols}"/>']
        gold_rows = []
        for i, r in enumerate(rows):
            if i == 0 and header_rows:
                out.append("<table:table-header-rows>")
            cells, grow = [], []
            for c in r:
                if c is None:
                    cells.append("<table:covered-table-cell/>")
                    continue
                text, cs, rs = c if isinstance(c, tuple) else (c, 1, 1)
                attrs = ""
                if cs > 1:
                    attrs += f' table:number-columns-spanned="{cs}"'
                if rs > 1:
                    attrs += f' table:number-rows-spanned="{rs}"'
                self.body.block()
                x, s = self.inl([text] if text else [])
                cells.append(f'<table:table-cell office:value-type="string"{attrs}>'
                             f'<text:p text:style-name="Table_20_Contents">{x}</text:p></table:table-cell>')
                grow.append(s)
            out.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
            gold_rows.append(grow)
            if i == header_rows - 1:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.xml.append("".join(out))
        self.gold["tables"].append({"rows": gold_rows, "header_rows": header_rows, "merges": merges})

    def write(self):
        path = os.path.join(SRC_DIR, self.name + ".fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.head + "\n".join(self.xml) + "\n" + FODT_TAIL)
        return path


def roman(n):
    from pandoc_gold import roman as r
    return r(n)


def soffice_convert(src, fmt, outdir, infilter=None):
    """Convert one file with LibreOffice headless into outdir; return the output path."""
    os.makedirs(outdir, exist_ok=True)
    profile = "file://" + os.path.join(WORK, "lo-profile")
    extra = [f"--infilter={infilter}"] if infilter else []
    run(["soffice", f"-env:UserInstallation={profile}", "--headless", *extra, "--convert-to", fmt,
         "--outdir", outdir, src], timeout=300)
    stem = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, stem + "." + fmt.split(":")[0])


def finish(name, src, gold, how, infilter=None):
    fmt = 'docx:MS Word 2007 XML' if infilter else "docx"
    out = soffice_convert(src, fmt, os.path.join(WORK, "lo"), infilter)
    dest = os.path.join(OUT, name + ".docx")
    shutil.copyfile(out, dest)
    gold["source"] = how
    write_gold(name, gold)
    print("libreoffice:", dest)
    return dest


def lo_notes():
    d = Fodt("lo-notes", "Footnotes and endnotes from LibreOffice", "Musa Gasimli", "en-GB")
    d.h(1, "The telegram")
    d.p(["The telegram was sent on 19 June 1920.",
         ("note", "footnote", [[("ru", "РГАСПИ, ф.85, оп.13, д.32, л.3.")]]),
         " It was answered on 2 July.", ("note", "endnote", [["The answer is in the same file."]])])
    d.p(["The Turkish translation", ("note", "footnote", [[("tr", "Ermenistan Cumhuriyeti"), ", cilt II."],
                                                          ["Second paragraph of the footnote."]]),
         " follows the Russian text closely.",
         ("note", "endnote", [["Compared line by line."], ["An endnote in two paragraphs."]])])
    d.h(2, "Later copies")
    d.p(["A copy of ", ("em", "1921"), " adds a date.", ("note", "footnote", [["Not in the original."]]),
         " Another has none.", ("note", "endnote", [["Private collection."]])])
    src = d.write()
    return finish("lo-notes", src, d.gold,
                  "LibreOffice 7.4 soffice --headless --convert-to docx sources/lo-notes.fodt "
                  "(footnotes 1, 2, …; endnotes i, ii, … as set in text:notes-configuration)")


def lo_table():
    d = Fodt("lo-table", "A table with merged cells", "Ilgar Niftaliyev", "en-GB")
    d.h(1, "Villages")
    d.p(["The villages of the district, by year."])
    d.table([
        [("District", 1, 2), ("Villages", 2, 1), None, "Note"],
        [None, "1918", "1921", ""],
        ["Zangezur", "120", "96", ("lost in 1920", 1, 2)],
        ["Goris", "41", "35", None],
        [("Total", 1, 1), ("not counted", 2, 1), None, ""],
    ], 2, [{"row": 0, "col": 0, "rowspan": 2, "colspan": 1}, {"row": 0, "col": 1, "rowspan": 1, "colspan": 2},
           {"row": 2, "col": 3, "rowspan": 2, "colspan": 1}, {"row": 4, "col": 1, "rowspan": 1, "colspan": 2}])
    d.p(["After the table.", ("note", "footnote", [["Counts from the 1921 census."]])])
    src = d.write()
    return finish("lo-table", src, d.gold,
                  "LibreOffice 7.4 soffice --headless --convert-to docx sources/lo-table.fodt "
                  "(row and column spans, two header rows)")


def lo_lists():
    d = Fodt("lo-lists", "Lists that restart", "Tsvetelina Tsvetkova", "en-GB")
    d.h(1, "Clauses")
    d.p(["The first clauses:"])
    d.olist("L1", [("the evacuation of the district;", []),
                   ("the surrender of arms:", ["rifles,", "machine guns;"]),
                   ("the release of prisoners.", [])], ["1.", "2.", "3."])
    d.p(["An interruption; the next list continues the numbering:"])
    d.olist("L1", [("the exchange of hostages.", [])], ["4."], continue_numbering=True)
    d.p(["A new list of the same style restarts at 1:"])
    d.olist("L1", [("the first article of the annex;", []), ("the second article.", [])], ["1.", "2."])
    d.p(["A list in lower-case Roman numerals starting at iii:"])
    d.olist("L2", [("the third point;", []), ("the fourth point.", [])], ["iii.", "iv."])
    src = d.write()
    return finish("lo-lists", src, d.gold,
                  "LibreOffice 7.4 soffice --headless --convert-to docx sources/lo-lists.fodt "
                  "(a continued list, a restarted list, a Roman list from iii)")


def lo_html():
    """HTML input: headings, languages by lang attributes, a list from 3, a link."""
    g = {"meta": {"title": "An HTML page through LibreOffice"}, "headings": [], "langs": [],
         "lists": []}
    body = Body()
    parts = []

    def block(s):
        body.block()
        body.add(s)

    parts.append("<h1>Archives</h1>")
    g["headings"].append({"level": 1, "text": "Archives"})
    block("Archives")
    ru = "Государственный архив Российской Федерации"
    tr = "Başbakanlık Osmanlı Arşivi"
    parts.append(f'<p>The holdings of the <span lang="ru-RU">{ru}</span> and the '
                 f'<span lang="tr-TR">{tr}</span> are described in '
                 '<a href="https://example.org/guide">the guide</a>.</p>')
    g["langs"] += [{"text": ru, "lang": "ru-RU"}, {"text": tr, "lang": "tr-TR"}]
    parts.append("<h2>Fonds</h2>")
    g["headings"].append({"level": 2, "text": "Fonds"})
    items = ["fond 85, the Caucasus Bureau;", "fond 64, the Caucasus Bureau of the Central Committee;",
             "fond 5, Lenin's secretariat."]
    parts.append('<ol start="3">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ol>")
    g["lists"].append({"level": 0, "items": [f"{n}. {i}" for n, i in zip(range(3, 6), items)]})
    doc = ('<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
           '<title>An HTML page through LibreOffice</title></head><body>\n'
           + "\n".join(parts) + "\n</body></html>\n")
    src = os.path.join(SRC_DIR, "lo-html.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(doc)
    return finish("lo-html", src, g,
                  "LibreOffice 7.4 soffice --headless --infilter='HTML (StarWriter)' "
                  "--convert-to 'docx:MS Word 2007 XML' "
                  "sources/lo-html.html (lang attributes, ol start=3)",
                  infilter="HTML (StarWriter)")


def lo_resave():
    """pandoc's DOCX re-saved by LibreOffice: same content, LibreOffice's XML."""
    src_docx = os.path.join(OUT, "pandoc-features.docx")
    tmp = os.path.join(WORK, "lo-in", "lo-resaved-pandoc.docx")
    os.makedirs(os.path.dirname(tmp), exist_ok=True)
    shutil.copyfile(src_docx, tmp)
    with open(os.path.join(OUT, "pandoc-features.gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    # The gold of the pandoc fixture is the gold of its source; LibreOffice keeps the same content.
    gold = {k: v for k, v in gold.items() if k in ("meta", "headings", "notes", "lists", "tables")}
    return finish("lo-resaved-pandoc", tmp, gold,
                  "LibreOffice 7.4 soffice --headless --convert-to docx of pandoc-features.docx "
                  "(gold: that of pandoc-features, from its Markdown)")


def main():
    os.makedirs(SRC_DIR, exist_ok=True)
    for f in (lo_notes, lo_table, lo_lists, lo_html, lo_resave):
        f()


if __name__ == "__main__":
    main()
