"""DOCX fixtures made with python-docx plus direct WordprocessingML (notes, languages, headings,
tracked changes, comments, fields, numbering, tables, images, properties); gold from the same
description (see builder.py)."""
import datetime
import json
import os

from builder import Doc, _style, esc
from common import OUT, ROOT

PNG = os.path.join(ROOT, "tests", "fixtures", "docx", "sources", "map.png")
SRC = "python-docx 1.2.0 + WordprocessingML written by scripts/docx/word_fixtures.py"


def save(doc):
    out = os.path.join(OUT, doc.name + ".docx")
    gold = doc.save(out)
    from common import write_gold
    write_gold(doc.name, gold)
    print("python-docx:", out)


# a. footnotes and endnotes numbered apart --------------------------------------------------
def notes():
    d = Doc("word-notes", SRC + " (a: footnotes 1..n, endnotes i, ii, …, a custom mark)")
    d.end_fmt = "lowerRoman"
    d.sect_extra = '<w:endnotePr><w:numFmt w:val="lowerRoman"/></w:endnotePr>'
    d.p("Footnotes and endnotes in one article", "Title")
    d.p(["Leyla Mammadova", ("foot", [["Baku State University; this note has a custom mark."]], "*")])
    d.heading(1, ["Introduction"], "Heading1")
    d.p(["The telegram of 19 June 1920 survives in Moscow.",
         ("foot", [["РГАСПИ, ф.85, оп.13, д.32, л.3."]]),
         " Its answer is lost.", ("end", [["On the lost answer see the editor's afterword."]])])
    d.p(["A second copy was made in Baku",
         ("foot", [["Made by the clerk of the Revolutionary Committee."],
                   ["The copy is dated 20 June; the clerk's hand is the same as in d. 33."]]),
         ", and a third in Tiflis.",
         ("foot", [["Now lost."]])])
    d.heading(1, ["The editions"], "Heading1")
    d.p(["The first edition appeared in 1990.",
         ("end", [["Baku: Elm, 1990."], ["A reprint of 1993 has the same pages."]]),
         " The second followed in 2008,", ("end", [["Baku: Tahsil, 2008, p. 370."]]),
         " with a new index.", ("foot", [["The index lists 412 names."]])])
    d.p(["Both editions print the telegram in full.", ("end", [["Compare the facsimile on p. 12."]])])
    save(d)


# b. languages --------------------------------------------------------------------------------
def langs():
    d = Doc("word-langs", SRC + " (b: w:lang on runs and paragraph marks, a style language, "
                                "docDefaults en-GB)")
    d.doc_default_lang = 'w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"'
    d.gold["meta"] = {"lang": "en-GB"}
    d.styles_extra.append(_style("BibliographyRussian", "Bibliography Russian",
                                 rpr='<w:lang w:val="ru-RU"/>'))
    d.heading(1, ["Languages"], "Heading1")
    d.p(["The Russian title is ", ("lang", "Воспоминания о революции в Закавказье", 'w:val="ru-RU"'),
         ", the Turkish one ", ("lang", "Ermenistan Cumhuriyeti", 'w:val="tr-TR"'),
         ", and the Japanese one ", ("lang", "日本の外交文書", 'w:eastAsia="ja-JP"'), "."])
    d.p(["An Arabic title, written right to left: ",
         ("lang", "تاريخ أذربيجان", 'w:bidi="ar-SA"', "<w:rtl/>"), "."])
    d.p([("lang", "Die Akten liegen in ", 'w:val="de-DE"'),
         ("lang", "Berlin", 'w:val="de-DE"', "<w:i/>"),
         ("lang", ", im Politischen Archiv.", 'w:val="de-DE"')],
        ppr='<w:rPr><w:lang w:val="de-DE"/></w:rPr>')
    d.p(["A run with no language of its own is in the document default, British English."])
    d.heading(1, ["References"], "Heading1")
    text = "Байков Б. Л. Воспоминания о революции в Закавказье. Берлин, 1923."
    d.p([text], "BibliographyRussian")
    d.gold["langs"].append({"text": text, "lang": "ru-RU"})
    d.p([("lang", "Gasanly, Dzh. ", 'w:val="ru-RU"'),
         ("lang", "Русская революция и Азербайджан", 'w:val="ru-RU"', "<w:i/>"),
         ("lang", ". Москва, 2011.", 'w:val="ru-RU"')],
        ppr='<w:rPr><w:lang w:val="ru-RU"/></w:rPr>')
    d.p([("lang", "Mustafayev, Beşir. Resulzade Hükümeti Dönemi. Ankara, 2013.", 'w:val="tr-TR"')],
        ppr='<w:rPr><w:lang w:val="tr-TR"/></w:rPr>')
    d.p(["Suny, Ronald G. Looking toward Ararat. Bloomington, 1993."])
    save(d)


# c. headings by localised style names and outline level --------------------------------------
def headings():
    d = Doc("word-headings", SRC + " (c: headings by localised style names and w:outlineLvl)")
    d.styles_extra += [
        # Russian Word: styleId "1", the built-in name "heading 1", outline level 0.
        _style("1", "heading 1", ppr='<w:keepNext/><w:outlineLvl w:val="0"/>', rpr="<w:b/>"),
        _style("2", "heading 2", ppr='<w:keepNext/><w:outlineLvl w:val="1"/>', rpr="<w:b/>"),
        # Named by hand after the localised UI name, no outline level.
        _style("a3", "Заголовок 1", rpr='<w:b/><w:sz w:val="32"/>'),
        _style("Balk2", "Başlık 2", rpr='<w:b/><w:sz w:val="28"/>'),
    ]
    d.heading(1, ["Введение"], "1")
    d.p(["Абзац под заголовком первого уровня."])
    d.heading(2, ["Источники"], "2")
    d.p(["Абзац под заголовком второго уровня."])
    d.heading(1, ["Глава первая"], "a3")
    d.p(["Стиль назван «Заголовок 1», как в русском интерфейсе Word."])
    d.heading(2, ["Kaynaklar"], "Balk2")
    d.p(["Türkçe arayüzdeki adıyla biçem."])
    d.heading(3, ["A heading by outline level only"], None, '<w:outlineLvl w:val="2"/>')
    d.p(["A paragraph in Normal style; the heading above has only w:outlineLvl 2."])
    d.p(["Body text (outline level 9) is not a heading."], None, '<w:outlineLvl w:val="9"/>')
    save(d)


# d. tracked changes and comments -------------------------------------------------------------
def changes():
    d = Doc("word-changes", SRC + " (d: w:ins, w:del, also in a footnote; comments)")
    d.heading(1, ["Edited text"], "Heading1")
    d.p(["The treaty was signed on ", ("del", "Emin Shikhaliyev", "2026-03-10T09:00:00Z", "16 August"),
         ("ins", "Emin Shikhaliyev", "2026-03-10T09:01:00Z", "10 August"), " 1920 in Moscow.",
         ("foot", [["Text in ", ("ins", "Nigar Gozalova", "2026-03-11T14:30:00Z", "the Russian "),
                    "archive", ("del", "Nigar Gozalova", "2026-03-11T14:31:00Z", " of Baku"), "."]])])
    d.p([("comment", "Nigar Gozalova", "Which Chicherin letter? Give the date.",
          ["Chicherin's letter"]), " was answered a week later."])
    d.p(["A paragraph with a comment on one word: ",
         ("comment", "Emin Shikhaliyev", "Spelling as in the source.", ["Zengezur"]), "."])
    save(d)


# e. citation fields and other fields ---------------------------------------------------------
ZOTERO_1 = {
    "citationID": "a1fq2b7k9v",
    "properties": {"formattedCitation": "(Swietochowski 1985, 12; Suny 1993, 45)",
                   "plainCitation": "(Swietochowski 1985, 12; Suny 1993, 45)", "noteIndex": 0},
    "citationItems": [
        {"id": 101, "uris": ["http://zotero.org/users/4711/items/8XK2QZ4P"],
         "itemData": {"id": 101, "type": "book",
                      "title": "Russian Azerbaijan, 1905-1920: The Shaping of National Identity "
                               "in a Muslim Community",
                      "publisher": "Cambridge University Press", "publisher-place": "Cambridge",
                      "author": [{"family": "Swietochowski", "given": "Tadeusz"}],
                      "issued": {"date-parts": [["1985"]]}},
         "locator": "12", "label": "page"},
        {"id": 102, "uris": ["http://zotero.org/users/4711/items/Q7M3WB2D"],
         "itemData": {"id": 102, "type": "book", "title": "Looking toward Ararat: Armenia in Modern History",
                      "publisher": "Indiana University Press", "publisher-place": "Bloomington",
                      "author": [{"family": "Suny", "given": "Ronald Grigor"}],
                      "issued": {"date-parts": [["1993"]]}},
         "locator": "45", "label": "page"}],
    "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}
ZOTERO_2 = {
    "citationID": "k3jd8s0q1m",
    "properties": {"formattedCitation": "(Байков 1923)", "plainCitation": "(Байков 1923)",
                   "noteIndex": 1},
    "citationItems": [
        {"id": 103, "uris": ["http://zotero.org/users/4711/items/ZP4N6C8R"],
         "itemData": {"id": 103, "type": "chapter", "language": "ru",
                      "title": "Воспоминания о революции в Закавказье",
                      "container-title": "Архив русской революции", "volume": "9",
                      "publisher-place": "Берлин", "page": "91-194",
                      "author": [{"family": "Байков", "given": "Б. Л."}],
                      "issued": {"date-parts": [["1923"]]}}}],
    "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}
MENDELEY = {
    "citationItems": [
        {"id": "ITEM-1", "itemData": {"DOI": "10.1080/02634937.2013.834715", "ISSN": "0263-4937",
                                      "author": [{"dropping-particle": "", "family": "Saparov",
                                                  "given": "Arsène", "non-dropping-particle": "",
                                                  "parse-names": False, "suffix": ""}],
                                      "container-title": "Central Asian Survey",
                                      "id": "ITEM-1", "issue": "3",
                                      "issued": {"date-parts": [["2012"]]}, "page": "281-323",
                                      "title": "Why Autonomy? The Making of Nagorno-Karabakh "
                                               "Autonomous Region 1918-1925",
                                      "type": "article-journal", "volume": "64"},
         "uris": ["http://www.mendeley.com/documents/?uuid=5c2b1f1e-2a4d-4b8e-9d3f-7a1c0e6b9f21"]}],
    "mendeley": {"formattedCitation": "(Saparov 2012)", "plainTextFormattedCitation": "(Saparov 2012)",
                 "previouslyFormattedCitation": "(Saparov 2012)"},
    "properties": {"noteIndex": 0},
    "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}


def fields():
    d = Doc("word-fields", SRC + " (e: Zotero and Mendeley citation fields, a Zotero bibliography "
                                 "field, PAGEREF, a simple DATE field)")
    z1 = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(ZOTERO_1, ensure_ascii=False)
    z2 = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(ZOTERO_2, ensure_ascii=False)
    me = "ADDIN CSL_CITATION " + json.dumps(MENDELEY, ensure_ascii=False)
    d.heading(1, ["Citations"], "Heading1")
    d.p(["The borders were drawn in Moscow ", ("field", z1, ["(Swietochowski 1985, 12; Suny 1993, 45)"], 2),
         ".", ("foot", [["On Zangezur see ", ("field", z2, ["(Байков 1923)"], 1), "."]])])
    d.p(["Autonomy came later ", ("field", me, ["(Saparov 2012)"], 1), "."])
    # A bookmark for PAGEREF, around the next heading.
    d._insert('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="7" w:name="_Ref120117"/>'
              '<w:r><w:t>Bibliography</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>')
    d.body.block()
    d.body.add("Bibliography")
    d.gold["headings"].append({"level": 1, "text": "Bibliography"})
    # The Zotero bibliography field spans three paragraphs: begin in the first, end in the last.
    bib = ("ADDIN ZOTERO_BIBL {\"uncited\":[],\"omitted\":[],\"custom\":[]} CSL_BIBLIOGRAPHY")
    entries = [("Suny, Ronald Grigor. 1993. Looking toward Ararat: Armenia in Modern History. "
                "Bloomington: Indiana University Press.", None),
               ("Swietochowski, Tadeusz. 1985. Russian Azerbaijan, 1905-1920: The Shaping of National "
                "Identity in a Muslim Community. Cambridge: Cambridge University Press.", None),
               ("Байков, Б. Л. 1923. «Воспоминания о революции в Закавказье». Архив русской "
                "революции 9: 91-194.", "ru-RU")]
    d.gold["entries"] = []
    for i, (text, lang) in enumerate(entries):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                 + esc(bib) + ' </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 if i == 0 else "")
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(entries) - 1 else ""
        rpr = f'<w:rPr><w:lang w:val="{lang}"/></w:rPr>' if lang else ""
        d._insert('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  f'<w:pPr><w:pStyle w:val="Bibliography"/></w:pPr>{begin}<w:r>{rpr}'
                  f'<w:t xml:space="preserve">{esc(text)}</w:t></w:r>{end}</w:p>')
        d.body.block()
        d.body.add(text)
        e = {"text": text}
        if lang:
            e["lang"] = lang
            d.gold["langs"].append({"text": text, "lang": lang})
        d.gold["entries"].append(e)
    d.styles_extra.append(_style("Bibliography", "Bibliography", ppr='<w:ind w:left="720" w:hanging="720"/>'))
    d.p(["The bibliography begins on page ", ("field", "PAGEREF _Ref120117 \\h", ["1"], None),
         ". This copy was printed on ", ("simple", 'DATE \\@ "d MMMM yyyy"', "14 March 2026"), "."])
    save(d)


# f. lists from numbering.xml -----------------------------------------------------------------
def lists():
    d = Doc("word-lists", SRC + " (f: numbering.xml: decimal from 3, nested lowerLetter, bullets, "
                                "a continued list, a restart by w:startOverride)")
    d.numbering(9101, [("decimal", "%1.", 3), ("lowerLetter", "%2)", 1)], 9101)
    d.numbering(9102, [("bullet", "\u2022", 1), ("bullet", "o", 1)], 9102)
    d.num(9103, 9101, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    d.heading(1, ["Orders"], "Heading1")
    d.p(["The orders are numbered from 3, as in the file:"])
    d.list_para(["to hold the bridge;"], 9101)
    d.list_para(["to send scouts"], 9101)
    d.list_para(["on foot, along the road,"], 9101, 1)
    d.list_para(["on horse, across the hills;"], 9101, 1)
    d.list_para(["to report daily."], 9101)
    d.gold["lists"] += [{"level": 0, "items": ["3. to hold the bridge;", "4. to send scouts",
                                               "5. to report daily."]},
                        {"level": 1, "items": ["a) on foot, along the road,",
                                               "b) on horse, across the hills;"]}]
    d.p(["A paragraph between the items; the list goes on after it:"])
    d.list_para(["to keep the telegraph open."], 9101)
    d.gold["lists"].append({"level": 0, "items": ["6. to keep the telegraph open."]})
    d.p(["What the staff needs:"])
    d.list_para(["maps"], 9102)
    d.list_para(["of the district"], 9102, 1)
    d.list_para(["horses"], 9102)
    d.gold["lists"] += [{"level": 0, "items": ["maps", "horses"]},
                        {"level": 1, "items": ["of the district"]}]
    d.p(["A new list with the same definition, restarted at 1 by w:startOverride:"])
    d.list_para(["no requisitions without a receipt;"], 9103)
    d.list_para(["no movement at night."], 9103)
    d.gold["lists"].append({"level": 0, "items": ["1. no requisitions without a receipt;",
                                                  "2. no movement at night."]})
    save(d)


# g. a table with merged cells and a repeated header row -----------------------------------------
def table():
    d = Doc("word-table", SRC + " (g: gridSpan, vMerge restart/continue, w:tblHeader)")
    d.heading(1, ["Letters by year"], "Heading1")
    d.p(["The table counts the letters of each file."])
    d.table([
        ["File", {"text": "Letters", "span": 2}, "Language"],
        ["", "sent", "received", ""],
        [{"text": "d. 32", "vmerge": "restart"}, "12", "9", "Russian"],
        [{"text": "", "vmerge": "continue"}, "3", "1", "Armenian"],
        ["d. 33", {"text": "no count", "span": 2}, "Russian"],
    ], header_rows=2, merges=[{"row": 0, "col": 1, "rowspan": 1, "colspan": 2},
                              {"row": 2, "col": 0, "rowspan": 2, "colspan": 1},
                              {"row": 4, "col": 1, "rowspan": 1, "colspan": 2}])
    d.p(["After the table.", ("foot", [["The counts are the archivist's."]])])
    save(d)


# h. images, captions, quotes, breaks -----------------------------------------------------------
def images():
    d = Doc("word-images", SRC + " (h: inline and anchored images with descr, Caption paragraphs, "
                                 "Quote and Intense Quote, w:br, a page break)")
    rid = d.image_rid(PNG)
    d.heading(1, ["Maps"], "Heading1")
    d.p(["The district is shown below."])
    d.p([("image", rid, "A chequered map of the district of Goris", False)])
    seq = [("t", "Figure ", ""), ("field", "SEQ Figure \\* ARABIC", ["1"], None),
           ": The district of Goris in 1920"]
    d.p(seq, "Caption")
    d.p([("image", rid, "The same map, anchored to this paragraph", True),
         "A paragraph holding an anchored picture."])
    d.p([("t", "Figure ", ""), ("field", "SEQ Figure \\* ARABIC", ["2"], None),
         ": The same district, anchored"], "Caption")
    d.gold["images"] = [{"alt": "A chequered map of the district of Goris",
                         "caption": "Figure 1: The district of Goris in 1920"},
                        {"alt": "The same map, anchored to this paragraph",
                         "caption": "Figure 2: The same district, anchored"}]
    d.p(["Send the division to the border at once.", ("br",), "It must arrive before the fourteenth."],
        "Quote")
    d.p(["Report by wire on arrival."], "IntenseQuote")
    d.p(["Line one", ("br",), "line two", ("br",), "line three."])
    d.p(["Before the page break.", ("page",), "After the page break, in the same paragraph."])
    d.p(["A footnote after the breaks.", ("foot", [["First line", ("br",), "second line."]])])
    save(d)


# i. core and app properties, Title and Subtitle ------------------------------------------------
def meta():
    d = Doc("word-meta", SRC + " (i: core.xml and app.xml, Title and Subtitle paragraphs)")
    cp = d.d.core_properties
    cp.title = "Violation of the territorial integrity of Azerbaijan"
    cp.author = "Islam Khoshgedem"
    cp.language = "en-GB"
    cp.created = datetime.datetime(2024, 5, 17, 9, 30, 0)
    cp.modified = datetime.datetime(2025, 1, 8, 16, 0, 0)
    cp.last_modified_by = "Editor"
    cp.subject = "Zangezur, 1918–1921"
    cp.keywords = "Zangezur; Türkiye; Azerbaijan"
    d.gold["meta"] = {"title": cp.title, "authors": [cp.author], "lang": "en-GB",
                      "created": "2024-05-17T09:30:00Z"}
    d.p(["Violation of the territorial integrity of Azerbaijan"], "Title")
    d.p(["The Zangezur issue and Türkiye"], "Subtitle")
    d.p(["Islam Khoshgedem, Baku State University"])
    d.heading(1, ["Introduction"], "Heading1")
    d.p(["The article begins here.", ("foot", [["A note in the introduction."]])])

    def app(parts):
        parts["docProps/app.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>1</Pages><Words>27</Words>'
            '<Characters>160</Characters><Application>Microsoft Office Word</Application>'
            '<DocSecurity>0</DocSecurity><Lines>2</Lines><Paragraphs>5</Paragraphs>'
            '<Company>Baku State University</Company><AppVersion>16.0000</AppVersion></Properties>')
    d.parts_hook.append(app)
    save(d)


def main():
    for f in (notes, langs, headings, changes, fields, lists, table, images, meta):
        f()


if __name__ == "__main__":
    main()
