"""Build a DOCX with python-docx from a small description, and its gold from the same description.

python-docx makes the package (template styles, numbering, core properties, pictures); what it
has no API for (footnotes.xml, endnotes.xml, comments.xml, numbering, w:lang, tracked changes,
fields, anchored drawings) is written here as WordprocessingML and put into the parts directly.

Runs are given as a list of items:
  "text"                          a plain run
  ("t", text, rpr)                a run with run properties (rpr is raw <w:rPr> content)
  ("lang", text, attrs)           a run with <w:lang attrs/> (attrs like 'w:val="ru-RU"'); gold langs
  ("foot", [paras]) / ("end", [paras])   a footnote / endnote call; paras are lists of runs
  ("foot", [paras], "*")          a custom-mark footnote (w:customMarkFollows)
  ("br",) / ("page",)             a line break / a page break
  ("ins"|"del", author, date, text)      a tracked insertion / deletion
  ("comment", author, text, [runs])      runs commented on (commentRangeStart … End + reference)
  ("field", instr, [runs], citation_items)   a complex field (begin, instrText, separate, result, end)
  ("simple", instr, text)         a w:fldSimple with its result text
  ("image", rid, alt, anchored)   a drawing of an image part already related as rid
"""
import html
import os

import docx
from docx.oxml import parse_xml

from common import CT, REL, WORK, Body, add_override, add_relationship, collapse, read_parts, \
    write_parts

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
FRONT_STYLES = {"Title", "Subtitle"}
DATE = "2026-03-14T10:20:00Z"


def esc(s):
    """Escape text for XML content and attributes."""
    return html.escape(s, quote=True)


def t(text):
    """Return a <w:t> keeping spaces."""
    return f'<w:t xml:space="preserve">{esc(text)}</w:t>'


class Doc:
    """One python-docx document and its gold, filled in the same pass."""

    def __init__(self, name, source):
        self.name = name
        self.d = docx.Document()
        self.body = Body()
        self.gold = {"source": source, "meta": {}, "headings": [], "notes": [], "langs": [],
                     "lists": [], "tables": [], "images": [], "changes": [], "comments": [],
                     "citations": []}
        self.footnotes = []  # xml of <w:footnote>
        self.endnotes = []
        self.comments_xml = []
        self.foot_n = 0  # Word's automatic footnote counter (custom marks do not advance it)
        self.end_n = 0
        self.end_fmt = "decimal"
        self.next_id = {"foot": 1, "end": 1, "comment": 0, "change": 500, "docpr": 100}
        self.styles_extra = []
        self.numbering_abstract = []
        self.numbering_num = []
        self.settings_extra = ""
        self.sect_extra = ""
        self.doc_default_lang = None
        self.parts_hook = []
        self.lang_stretch = None  # (paragraph key, lang) of the last gold langs entry

    # ------------------------------------------------------------------ runs
    def runs(self, items, ctx):
        """Return the XML of runs and their plain text; ctx is 'body' or 'note'."""
        xml, text = [], []
        for it in items:
            x, s = self.run(it, ctx)
            xml.append(x)
            text.append(s)
        return "".join(xml), "".join(text)

    def _text(self, s, ctx):
        if ctx == "body":
            self.body.add(s)
        self.lang_stretch = None if s.strip() else self.lang_stretch
        return s

    def run(self, it, ctx, rpr_extra=""):
        if isinstance(it, str):
            return f"<w:r>{self.rpr(rpr_extra)}{t(it)}</w:r>", self._text(it, ctx)
        kind = it[0]
        if kind == "t":
            _, text, rpr = it
            return f"<w:r>{self.rpr(rpr + rpr_extra)}{t(text)}</w:r>", self._text(text, ctx)
        if kind == "lang":
            _, text, attrs = it[:3]
            more = it[3] if len(it) > 3 else ""
            lang = it[4] if len(it) > 4 else attrs.split('"')[1]
            rpr = f"{more}<w:lang {attrs}/>"
            if ctx == "body":
                self.body.add(text)
            self.add_lang(text, lang)
            s = text
            return f"<w:r>{self.rpr(rpr)}{t(text)}</w:r>", s
        if kind in ("foot", "end"):
            return self.note(kind, it[1], it[2] if len(it) > 2 else None, ctx), ""
        if kind == "br":
            if ctx == "body":
                self.body.add(" ")
            return "<w:r><w:br/></w:r>", "\n"
        if kind == "page":
            return '<w:r><w:br w:type="page"/></w:r>', ""
        if kind in ("ins", "del"):
            _, author, date, text = it
            cid = self.next_id["change"]
            self.next_id["change"] += 1
            self.gold["changes"].append({"kind": "insertion" if kind == "ins" else "deletion",
                                         "author": author, "date": date, "text": text})
            if kind == "ins":
                s = self._text(text, ctx)
                return (f'<w:ins w:id="{cid}" w:author="{esc(author)}" w:date="{date}">'
                        f"<w:r>{t(text)}</w:r></w:ins>"), s
            return (f'<w:del w:id="{cid}" w:author="{esc(author)}" w:date="{date}"><w:r>'
                    f'<w:delText xml:space="preserve">{esc(text)}</w:delText></w:r></w:del>'), ""
        if kind == "comment":
            _, author, ctext, inner = it
            cid = self.next_id["comment"]
            self.next_id["comment"] += 1
            x, s = self.runs(inner, ctx)
            self.gold["comments"].append({"author": author, "text": ctext})
            self.comments_xml.append(
                f'<w:comment w:id="{cid}" w:author="{esc(author)}" w:date="{DATE}" '
                f'w:initials="{esc(author[:1])}"><w:p><w:pPr><w:pStyle w:val="CommentText"/>'
                f'</w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:annotationRef/></w:r><w:r>{t(ctext)}</w:r></w:p></w:comment>')
            return (f'<w:commentRangeStart w:id="{cid}"/>{x}<w:commentRangeEnd w:id="{cid}"/>'
                    f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                    f'<w:commentReference w:id="{cid}"/></w:r>'), s
        if kind == "field":
            _, instr, result, items = it
            x, s = self.runs(result, ctx)
            if items is not None:
                self.gold["citations"].append({"text": collapse(s), "items": items})
            return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    f'{x}<w:r><w:fldChar w:fldCharType="end"/></w:r>'), s
        if kind == "simple":
            _, instr, text = it
            s = self._text(text, ctx)
            return (f'<w:fldSimple w:instr=" {esc(instr)} "><w:r>{t(text)}</w:r></w:fldSimple>'), s
        if kind == "image":
            _, rid, alt, anchored = it
            return self.drawing(rid, alt, anchored), ""
        raise SystemExit(f"unknown run {it!r}")

    def add_lang(self, text, lang):
        """Add a gold langs entry, joining it to the previous one when the stretch goes on."""
        if self.lang_stretch == lang and self.gold["langs"]:
            self.gold["langs"][-1]["text"] += text
        else:
            self.gold["langs"].append({"text": text, "lang": lang})
        self.lang_stretch = lang

    @staticmethod
    def rpr(inner):
        return f"<w:rPr>{inner}</w:rPr>" if inner else ""

    # ------------------------------------------------------------------ notes
    def note(self, kind, paras, custom, ctx):
        tag = "footnote" if kind == "foot" else "endnote"
        ref_style = "FootnoteReference" if kind == "foot" else "EndnoteReference"
        text_style = "FootnoteText" if kind == "foot" else "EndnoteText"
        nid = self.next_id[kind]
        self.next_id[kind] += 1
        if custom:
            label = custom
        elif kind == "foot":
            self.foot_n += 1
            label = str(self.foot_n)
        else:
            self.end_n += 1
            label = roman_lower(self.end_n) if self.end_fmt == "lowerRoman" else str(self.end_n)
        before = self.body.before() if ctx == "body" else None
        saved = self.lang_stretch
        texts, pxml = [], []
        for i, runs in enumerate(paras):
            self.lang_stretch = None
            x, s = self.runs(runs, "note")
            mark = ""
            if i == 0:
                mark = (f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
                        + (t(custom) if custom else f"<w:{tag}Ref/>") + "</w:r>"
                        + "<w:r>" + t(" ") + "</w:r>")
            pxml.append(f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>{mark}{x}</w:p>')
            texts.append(collapse(s))
        self.lang_stretch = saved
        entry = {"kind": kind, "label": label, "text": "\n\n".join(texts)}
        if before is not None:
            entry["before"] = before
        self.gold["notes"].append(entry)
        body = "".join(pxml)
        (self.footnotes if kind == "foot" else self.endnotes).append(
            f'<w:{tag} w:id="{nid}">{body}</w:{tag}>')
        cm = ' w:customMarkFollows="1"' if custom else ""
        return (f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
                f'<w:{tag}Reference{cm} w:id="{nid}"/>' + (t(custom) if custom else "") + "</w:r>")

    # ------------------------------------------------------------------ blocks
    def _insert(self, xml):
        body = self.d.element.body
        body.insert(len(body) - 1, parse_xml(xml.replace("<w:p>", f"<w:p {NS}>", 1)
                                             if xml.startswith("<w:p>") else xml))

    def para_xml(self, runs, style=None, ppr="", ctx="body"):
        """Return a paragraph's XML and text (and add its text to the body)."""
        front = style in FRONT_STYLES
        if ctx == "body" and not front:
            self.body.block()
        self.lang_stretch = None
        x, s = self.runs(runs, ctx if not front else "front")
        st = f'<w:pStyle w:val="{style}"/>' if style else ""
        p = f"<w:pPr>{st}{ppr}</w:pPr>" if (st or ppr) else ""
        return f"<w:p {NS}>{p}{x}</w:p>", s

    def p(self, runs, style=None, ppr=""):
        """Append a paragraph to the body; return its plain text."""
        if isinstance(runs, str):
            runs = [runs]
        x, s = self.para_xml(runs, style, ppr)
        self._insert(x)
        return collapse(s)

    def heading(self, level, runs, style=None, ppr=""):
        """Append a heading paragraph and its gold (style or outline level decides the level)."""
        s = self.p(runs, style, ppr)
        self.gold["headings"].append({"level": level, "text": s})
        return s

    def table(self, rows, header_rows=0, merges=()):
        """Append a table. rows: lists of cells (text, or dict(text, span, vmerge)).

        A cell dict may carry span (gridSpan) and vmerge ("restart" | "continue"); a continue
        cell is not in the gold rows (the restart cell stands for the merged cell).
        """
        ncols = max(sum(c.get("span", 1) if isinstance(c, dict) else 1 for c in r) for r in rows)
        grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(ncols))
        trs, gold_rows = [], []
        for ri, r in enumerate(rows):
            tcs, gcells = [], []
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if ri < header_rows else ""
            for c in r:
                c = c if isinstance(c, dict) else {"text": c}
                tcpr = ""
                if c.get("span", 1) > 1:
                    tcpr += f'<w:gridSpan w:val="{c["span"]}"/>'
                if c.get("vmerge") == "restart":
                    tcpr += '<w:vMerge w:val="restart"/>'
                elif c.get("vmerge") == "continue":
                    tcpr += "<w:vMerge/>"
                x, s = self.para_xml([c["text"]] if c["text"] else [], None)
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{2000 * c.get("span", 1)}" w:type="dxa"/>'
                           f"{tcpr}</w:tcPr>{x}</w:tc>")
                if c.get("vmerge") != "continue":
                    gcells.append(collapse(s))
            trs.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
            gold_rows.append(gcells)
        xml = (f'<w:tbl {NS}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
               f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')
        self._insert(xml)
        entry = {"rows": gold_rows, "header_rows": header_rows}
        if merges:
            entry["merges"] = list(merges)
        self.gold["tables"].append(entry)

    def drawing(self, rid, alt, anchored):
        did = self.next_id["docpr"]
        self.next_id["docpr"] += 1
        cx, cy = 1828800, 1219200
        graphic = (f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
                   f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{did}" name="map{did}.png"/><pic:cNvPicPr/>'
                   f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
                   f'</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
                   f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                   f'</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>')
        docpr = f'<wp:docPr id="{did}" name="Picture {did}" descr="{esc(alt)}"/>'
        if anchored:
            d = (f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
                 f'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                 f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
                 f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
                 f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/>'
                 f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>{docpr}'
                 f'<wp:cNvGraphicFramePr/>{graphic}</wp:anchor>')
        else:
            d = (f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
                 f'<wp:effectExtent l="0" t="0" r="0" b="0"/>{docpr}<wp:cNvGraphicFramePr/>'
                 f'{graphic}</wp:inline>')
        return f"<w:r><w:drawing>{d}</w:drawing></w:r>"

    def image_rid(self, path):
        """Relate an image part to the document and return its relationship id."""
        rid, _ = self.d.part.get_or_add_image(path)
        return rid

    # ------------------------------------------------------------------ numbering
    def numbering(self, abstract_id, levels, num_id, overrides=""):
        """Add an abstractNum (levels: list of (numFmt, lvlText, start)) and a num using it."""
        lv = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{esc(text)}"/><w:lvlJc w:val="left"/><w:pPr>'
            f'<w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels))
        self.numbering_abstract.append(
            f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f'{lv}</w:abstractNum>')
        self.num(num_id, abstract_id, overrides)

    def num(self, num_id, abstract_id, overrides=""):
        """Add a w:num instance (overrides: raw w:lvlOverride elements)."""
        self.numbering_num.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                                  f"{overrides}</w:num>")

    def list_para(self, runs, num_id, ilvl=0, style="ListParagraph"):
        """Append a numbered paragraph."""
        return self.p(runs, style, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')

    # ------------------------------------------------------------------ saving
    def save(self, out):
        """Save with python-docx, then write the parts python-docx has no API for."""
        os.makedirs(WORK, exist_ok=True)
        tmp = os.path.join(WORK, self.name + ".pd.docx")
        self.d.save(tmp)
        parts = read_parts(tmp)
        rels = "word/_rels/document.xml.rels"
        w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        wr = f'{w} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        sep = ('<w:{t} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{t}>'
               '<w:{t} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               '</w:r></w:p></w:{t}>')
        settings = parts["word/settings.xml"].decode("utf-8")
        note_pr = ""
        if self.footnotes:
            parts["word/footnotes.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {wr}>'
                + sep.format(t="footnote") + "".join(self.footnotes) + "</w:footnotes>")
            add_override(parts, "/word/footnotes.xml", CT + "footnotes+xml")
            add_relationship(parts, rels, "rIdFootnotes", REL + "footnotes", "footnotes.xml")
            note_pr += '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        if self.endnotes:
            parts["word/endnotes.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {wr}>'
                + sep.format(t="endnote") + "".join(self.endnotes) + "</w:endnotes>")
            add_override(parts, "/word/endnotes.xml", CT + "endnotes+xml")
            add_relationship(parts, rels, "rIdEndnotes", REL + "endnotes", "endnotes.xml")
            fmt = f'<w:numFmt w:val="{self.end_fmt}"/>' if self.end_fmt != "decimal" else ""
            note_pr += f'<w:endnotePr>{fmt}<w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
        if note_pr:
            settings = settings.replace("<w:compat>", note_pr + "<w:compat>", 1)
        parts["word/settings.xml"] = settings.encode("utf-8")
        if self.comments_xml:
            parts["word/comments.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {wr}>'
                + "".join(self.comments_xml) + "</w:comments>")
            add_override(parts, "/word/comments.xml", CT + "comments+xml")
            add_relationship(parts, rels, "rIdComments", REL + "comments", "comments.xml")
        styles = parts["word/styles.xml"].decode("utf-8")
        styles = styles.replace("</w:styles>", "".join(NOTE_STYLES + self.styles_extra) + "</w:styles>")
        if self.doc_default_lang:
            import re
            styles = re.sub(r"<w:lang [^>]*/>", f"<w:lang {self.doc_default_lang}/>", styles, count=1)
        parts["word/styles.xml"] = styles.encode("utf-8")
        if self.numbering_abstract:
            num = parts["word/numbering.xml"].decode("utf-8")
            first_num = num.find("<w:num ")
            num = num[:first_num] + "".join(self.numbering_abstract) + num[first_num:]
            num = num.replace("</w:numbering>", "".join(self.numbering_num) + "</w:numbering>")
            parts["word/numbering.xml"] = num.encode("utf-8")
        if self.sect_extra:
            doc = parts["word/document.xml"].decode("utf-8")
            i = doc.rfind("<w:sectPr")
            j = doc.find(">", i) + 1
            doc = doc[:j] + self.sect_extra + doc[j:]
            parts["word/document.xml"] = doc.encode("utf-8")
        for hook in self.parts_hook:
            hook(parts)
        write_parts(out, parts)
        return self.gold


def roman_lower(n):
    """Return n in lower-case Roman numerals."""
    from pandoc_gold import roman
    return roman(n)


def _style(sid, name, kind="paragraph", ppr="", rpr="", based="Normal"):
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{esc(name)}"/>{based_xml}'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
            + "</w:style>")


NOTE_STYLES = [
    _style("FootnoteText", "footnote text", rpr='<w:sz w:val="20"/>'),
    _style("EndnoteText", "endnote text", rpr='<w:sz w:val="20"/>'),
    _style("FootnoteReference", "footnote reference", "character", rpr='<w:vertAlign w:val="superscript"/>',
           based="DefaultParagraphFont"),
    _style("EndnoteReference", "endnote reference", "character", rpr='<w:vertAlign w:val="superscript"/>',
           based="DefaultParagraphFont"),
    _style("CommentText", "annotation text", rpr='<w:sz w:val="20"/>'),
    _style("CommentReference", "annotation reference", "character", rpr='<w:sz w:val="16"/>',
           based="DefaultParagraphFont"),
]
