"""Gold from pandoc's JSON AST of a Markdown source (what `pandoc -t docx` was given).

Plain text: emphasis, strong, small caps, super/subscript, spans and links give their text;
quotes are printed as pandoc's DOCX writer prints them (“…”, ‘…’); a line break is "\\n";
other white space collapses to one space; note calls are left out; a note's paragraphs are
joined by a blank line ("\\n\\n").
"""

from common import Body, collapse

QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}


def inline_text(inlines):
    """Return the plain text of a list of inlines (notes left out)."""
    out = []
    for il in inlines:
        t, c = il["t"], il.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append("\n")
        elif t in ("Emph", "Strong", "SmallCaps", "Superscript", "Subscript", "Strikeout",
                   "Underline"):
            out.append(inline_text(c))
        elif t == "Span":
            out.append(inline_text(c[1]))
        elif t in ("Link", "Image"):
            if t == "Link":
                out.append(inline_text(c[1]))
        elif t == "Quoted":
            o, cl = QUOTES[c[0]["t"]]
            out.append(o + inline_text(c[1]) + cl)
        elif t == "Cite":
            out.append(inline_text(c[1]))
        elif t == "Code":
            out.append(c[1])
        elif t == "Math":
            out.append(c[1])
        elif t in ("Note", "RawInline"):
            pass
        else:
            raise SystemExit(f"unhandled inline {t}")
    return "".join(out)


def meta_text(m):
    """Return the plain text of a metadata value."""
    t, c = m["t"], m.get("c")
    if t == "MetaInlines":
        return collapse(inline_text(c))
    if t == "MetaString":
        return c
    if t == "MetaBlocks":
        return "\n\n".join(block_text(b) for b in c)
    if t == "MetaList":
        return [meta_text(x) for x in c]
    return ""


def block_text(b):
    """Return the plain text of one block (paragraphs of containers joined by a blank line)."""
    t, c = b["t"], b.get("c")
    if t in ("Para", "Plain"):
        return collapse(inline_text(c))
    if t == "Header":
        return collapse(inline_text(c[2]))
    if t in ("BlockQuote",):
        return "\n\n".join(block_text(x) for x in c)
    if t == "Div":
        return "\n\n".join(block_text(x) for x in c[1])
    if t in ("BulletList",):
        return "\n\n".join(block_text(x) for item in c for x in item)
    if t == "OrderedList":
        return "\n\n".join(block_text(x) for item in c[1] for x in item)
    if t == "LineBlock":
        return "\n".join(collapse(inline_text(x)) for x in c)
    if t == "CodeBlock":
        return c[1]
    return ""


def roman(n):
    """Return n in lower-case Roman numerals."""
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def alpha(n):
    """Return n as a, b, …, z, aa, bb, … (Word's letter numbering)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def label(n, style, delim):
    """Return the printed label of item n of a pandoc ordered list."""
    if style == "LowerAlpha":
        s = alpha(n)
    elif style == "UpperAlpha":
        s = alpha(n).upper()
    elif style == "LowerRoman":
        s = roman(n)
    elif style == "UpperRoman":
        s = roman(n).upper()
    else:  # Decimal, DefaultStyle, Example
        s = str(n)
    if delim == "OneParen":
        return s + ")"
    if delim == "TwoParens":
        return "(" + s + ")"
    return s + "."


class Gold:
    """Walks a pandoc document and collects the gold of the DOCX pandoc writes from it."""

    def __init__(self):
        self.body = Body()
        self.notes = []
        self.headings = []
        self.lists = []
        self.tables = []
        self.images = []
        self.langs = []

    # --- inlines in the body: text goes to the body, notes are collected at their calls
    def inlines(self, inlines):
        for il in inlines:
            t, c = il["t"], il.get("c")
            if t == "Note":
                paras = [block_text(b) for b in c]
                self.notes.append({"kind": "foot", "label": str(len(self.notes) + 1),
                                   "text": "\n\n".join(p for p in paras if p),
                                   "before": self.body.before()})
            elif t in ("Emph", "Strong", "SmallCaps", "Superscript", "Subscript", "Strikeout",
                       "Underline"):
                self.inlines(c)
            elif t == "Span":
                lang = dict(c[0][2]).get("lang")
                if lang:
                    self.langs.append({"text": collapse(inline_text(c[1])), "lang": lang})
                self.inlines(c[1])
            elif t == "Link":
                self.inlines(c[1])
            elif t == "Quoted":
                o, cl = QUOTES[c[0]["t"]]
                self.body.add(o)
                self.inlines(c[1])
                self.body.add(cl)
            elif t == "Cite":
                self.inlines(c[1])
            elif t == "Image":
                pass
            else:
                self.body.add(inline_text([il]))

    def blocks(self, blocks, level=0):
        for b in blocks:
            self.block(b, level)

    def block(self, b, level=0):
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            imgs = [il for il in c if il["t"] == "Image"]
            for im in imgs:
                self.images.append({"alt": collapse(inline_text(im["c"][1]))})
            self.body.block()
            self.inlines(c)
        elif t == "Header":
            self.headings.append({"level": c[0], "text": collapse(inline_text(c[2]))})
            self.body.block()
            self.inlines(c[2])
        elif t == "BlockQuote":
            self.blocks(c, level)
        elif t == "Div":
            lang = dict(c[0][2]).get("lang")
            if lang:
                for x in c[1]:
                    text = block_text(x)
                    if text:
                        self.langs.append({"text": text, "lang": lang})
            self.blocks(c[1], level)
        elif t in ("BulletList", "OrderedList"):
            items = c if t == "BulletList" else c[1]
            start, style, delim = (1, "", "") if t == "BulletList" else (
                c[0][0], c[0][1]["t"], c[0][2]["t"])
            entry = {"level": level, "items": []}
            self.lists.append(entry)
            for i, item in enumerate(items):
                first = item[0] if item else None
                text = block_text(first) if first and first["t"] in ("Para", "Plain") else ""
                if t == "OrderedList":
                    entry["items"].append(label(start + i, style, delim) + " " + text)
                else:
                    entry["items"].append(text)
                self.blocks(item, level + 1)
        elif t == "Table":
            self.table(c)
        elif t == "Figure":
            caption = "\n\n".join(block_text(x) for x in c[1][1])
            n = len(self.images)
            self.blocks(c[2], level)
            for im in self.images[n:]:
                im["caption"] = caption
            self.body.block()
            self.body.add(caption)
        elif t == "LineBlock":
            for line in c:
                self.body.block()
                self.inlines(line)
        elif t in ("CodeBlock",):
            self.body.block()
            self.body.add(c[1])
        elif t in ("HorizontalRule", "RawBlock"):
            pass
        else:
            raise SystemExit(f"unhandled block {t}")

    def table(self, c):
        _attr, caption, _colspecs, head, bodies, foot = c
        cap = "\n\n".join(block_text(x) for x in caption[1])
        if cap:  # pandoc writes the caption paragraph before the table
            self.body.block()
            self.body.add(cap)
        rows = []
        header_rows = len(head[1])
        all_rows = list(head[1])
        for body in bodies:
            all_rows += body[2] + body[3]
        all_rows += foot[1]
        for row in all_rows:
            cells = []
            for cell in row[1]:
                text = "\n\n".join(block_text(x) for x in cell[4])
                cells.append(text)
                self.body.block()
                for blk in cell[4]:
                    self.block(blk)
            rows.append(cells)
        entry = {"rows": rows, "header_rows": header_rows}
        self.tables.append(entry)


def gold_from_ast(ast, source):
    """Return the gold dict for the DOCX pandoc writes from this AST."""
    g = Gold()
    g.blocks(ast["blocks"])
    meta = ast.get("meta", {})
    m = {}
    if "title" in meta:
        m["title"] = meta_text(meta["title"])
    if "author" in meta:
        a = meta_text(meta["author"])
        m["authors"] = a if isinstance(a, list) else [a]
    if "lang" in meta:
        m["lang"] = meta_text(meta["lang"])
    lists = [entry for entry in g.lists if entry["items"]]
    return {"source": source, "meta": m, "headings": g.headings, "notes": g.notes, "langs": g.langs,
            "lists": lists, "tables": g.tables, "images": g.images}
