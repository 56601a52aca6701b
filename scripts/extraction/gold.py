"""Gold data for one article, read from pandoc's JSON AST of its Markdown source.

Plain text means what a reader sees: emphasis removed, links as their text,
quotes as pandoc prints them (“…”, ‘…’), whitespace collapsed to single spaces.

The body text used for a note's context ("before"/"after") is the article's
blocks up to the bibliography heading, in order, each block separated by one
space (so a heading and the paragraph after it are joined by a space), with all
note calls removed.
"""
import json
import re
import subprocess

# Headings that open the bibliography, in the languages of the corpus.
REF_HEADINGS = {"references", "bibliography", "works cited", "literature", "sources and literature",
                "список литературы", "литература", "источники и литература",
                "список використаних джерел", "джерела та література", "література",
                "kaynakça", "kaynaklar", "ədəbiyyat", "ədəbiyyat siyahısı", "istifadə olunmuş ədəbiyyat",
                "literaturverzeichnis", "quellen und literatur", "literatur"}

QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


class Walker:
    """Turns inlines/blocks into plain text; collects notes with their context."""

    def __init__(self):
        self.buf = []          # body text pieces (already whitespace-normalised)
        self.length = 0
        self.notes = []        # dicts with n, text, pos
        self.collect_notes = True

    # -- body buffer with on-the-fly whitespace collapsing
    def emit(self, s):
        s = re.sub(r"\s+", " ", s)
        if not s:
            return
        if s.startswith(" ") and (self.length == 0 or self.buf[-1].endswith(" ")):
            s = s[1:]
        if s:
            self.buf.append(s)
            self.length += len(s)

    def text(self):
        return "".join(self.buf)

    # -- plain text of inlines, without writing to the buffer
    def plain(self, inlines):
        out = []
        for il in inlines:
            t, c = il["t"], il.get("c")
            if t == "Str":
                out.append(c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif t in ("Emph", "Underline", "Strong", "Strikeout", "Superscript", "Subscript",
                       "SmallCaps"):
                out.append(self.plain(c))
            elif t == "Quoted":
                o, cl = QUOTES[c[0]["t"]]
                out.append(o + self.plain(c[1]) + cl)
            elif t == "Cite":
                out.append(self.plain(c[1]))
            elif t == "Code":
                out.append(c[1])
            elif t == "Math":
                out.append(c[1])
            elif t in ("Link", "Image"):
                out.append(self.plain(c[1]))
            elif t == "Span":
                out.append(self.plain(c[1]))
            elif t == "Note":
                pass
            elif t == "RawInline":
                pass
        return "".join(out)

    def plain_blocks(self, blocks):
        return collapse(" ".join(self.block_plain(b) for b in blocks))

    def block_plain(self, b):
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            return self.plain(c)
        if t == "Header":
            return self.plain(c[2])
        if t == "LineBlock":
            return " ".join(self.plain(x) for x in c)
        if t in ("BlockQuote",):
            return self.plain_blocks(c)
        if t == "Div":
            return self.plain_blocks(c[1])
        if t == "BulletList":
            return " ".join(self.plain_blocks(item) for item in c)
        if t == "OrderedList":
            return " ".join(self.plain_blocks(item) for item in c[1])
        if t == "CodeBlock":
            return c[1]
        return ""

    # -- body walk: writes to the buffer, records note positions
    def body_inlines(self, inlines):
        for il in inlines:
            t, c = il["t"], il.get("c")
            if t == "Note":
                self.notes.append({"n": len(self.notes) + 1,
                                   "text": self.plain_blocks(c),
                                   "pos": self.length,
                                   "before": self.text()[-40:]})
            elif t in ("Emph", "Underline", "Strong", "Strikeout", "Superscript", "Subscript",
                       "SmallCaps"):
                self.body_inlines(c)
            elif t == "Quoted":
                o, cl = QUOTES[c[0]["t"]]
                self.emit(o)
                self.body_inlines(c[1])
                self.emit(cl)
            elif t in ("Link", "Image", "Span"):
                self.body_inlines(c[1])
            elif t == "Cite":
                self.body_inlines(c[1])
            else:
                self.emit(self.plain([il]))

    def body_block(self, b):
        t, c = b["t"], b.get("c")
        if self.length:
            self.emit(" ")
        if t in ("Para", "Plain"):
            self.body_inlines(c)
        elif t == "Header":
            self.body_inlines(c[2])
        elif t == "LineBlock":
            for line in c:
                self.body_inlines(line)
                self.emit(" ")
        elif t == "BlockQuote":
            for x in c:
                self.body_block(x)
        elif t == "Div":
            for x in c[1]:
                self.body_block(x)
        elif t == "BulletList":
            for item in c:
                for x in item:
                    self.body_block(x)
        elif t == "OrderedList":
            for item in c[1]:
                for x in item:
                    self.body_block(x)
        else:
            self.emit(self.block_plain(b))


def meta_value(walker, v):
    t, c = v["t"], v.get("c")
    if t == "MetaInlines":
        return collapse(walker.plain(c))
    if t == "MetaBlocks":
        return walker.plain_blocks(c)
    if t == "MetaString":
        return c
    if t == "MetaList":
        return [meta_value(walker, x) for x in c]
    if t == "MetaBool":
        return c
    if t == "MetaMap":
        return {k: meta_value(walker, x) for k, x in c.items()}
    return None


def article_meta(ast):
    w = Walker()
    m = {k: meta_value(w, v) for k, v in ast["meta"].items()}
    authors = m.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    title = m.get("title", "")
    short = title.split(":")[0]
    if len(short) > 60:
        short = short[:57].rsplit(" ", 1)[0] + "…"
    return {"lang": m.get("lang", "en"), "title": title, "authors": authors,
            "abstract": m.get("abstract"), "keywords": m.get("keywords") or [],
            "short_title": short, "authors_short": ", ".join(authors)}


def gold_for(md_path, pandoc):
    ast = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "json", str(md_path)],
                                    capture_output=True, text=True, check=True).stdout)
    meta = article_meta(ast)
    w = Walker()
    blocks = ast["blocks"]
    ref_i = None
    for i, b in enumerate(blocks):
        if b["t"] == "Header" and collapse(w.plain(b["c"][2])).lower() in REF_HEADINGS:
            ref_i = i
    body = blocks if ref_i is None else blocks[:ref_i]
    refs = [] if ref_i is None else blocks[ref_i + 1:]
    front = []
    seen_header = False
    headings = []
    for b in body:
        if b["t"] == "Header":
            seen_header = True
            headings.append(collapse(w.plain(b["c"][2])))
        elif not seen_header:
            front.append(w.plain_blocks([b]))
        w.body_block(b)
    text = w.text()
    notes = []
    for n in w.notes:
        notes.append({"n": n["n"], "text": n["text"], "before": n["before"],
                      "after": text[n["pos"]:n["pos"] + 20]})
    references = []
    for b in refs:
        if b["t"] in ("OrderedList", "BulletList"):
            items = b["c"][1] if b["t"] == "OrderedList" else b["c"]
            references += [w.plain_blocks(item) for item in items]
        else:
            s = w.plain_blocks([b])
            if s:
                references.append(s)
    return {"name": md_path.stem,
            "lang": meta["lang"],
            "title": meta["title"],
            "authors": meta["authors"],
            "abstract": meta["abstract"],
            "keywords": meta["keywords"],
            "front": front,
            "headings": headings,
            "notes": notes,
            "references": references,
            "references_heading": None if ref_i is None else collapse(w.plain(blocks[ref_i]["c"][2])),
            "body_words": len(text.split()) - sum(len(x.split()) for x in front + headings)}
