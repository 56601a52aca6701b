"""Shared helpers for the DOCX fixture corpus: paths, pandoc, plain text, gold files, ZIP edits.

Gold is always computed from the generator's own input (a pandoc AST of the Markdown source,
or the Python data a fixture is built from), never by reading a DOCX back.
"""
import json
import os
import re
import subprocess
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fixtures", "docx")
BAD = os.path.join(OUT, "bad")
WORK = os.environ.get("DOCX_WORK", "/tmp/colophon-docx-work")

# The order of the keys in every gold file (absent keys are left out).
KEYS = ["source", "meta", "headings", "notes", "langs", "entries", "lists", "tables", "images",
        "changes", "comments", "citations"]

BEFORE = 30  # characters of body text kept before a note call


def pandoc_path():
    """Return the path of pandoc 3.9 (pypandoc-binary), or `pandoc` on PATH."""
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except Exception:  # pragma: no cover - fallback
        return "pandoc"


def run(args, **kw):
    """Run a command, fail loudly with its stderr."""
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(args)}\n{r.stderr}")
    return r


def collapse(s):
    """Collapse every run of spaces, tabs and newlines into one space (line breaks kept as \\n)."""
    lines = s.split("\n")
    return "\n".join(re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in lines).strip()


def write_gold(name, gold):
    """Write NAME.gold.json with keys in the fixed order, leaving out empty ones."""
    out = {}
    for k in KEYS:
        v = gold.get(k)
        if v:
            out[k] = v
    extra = set(gold) - set(KEYS)
    if extra:
        raise SystemExit(f"{name}: unknown gold keys {sorted(extra)}")
    path = os.path.join(OUT, name + ".gold.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return path


class Body:
    """Running body text, as the gold's `before` field sees it.

    Body text is the text of the body's blocks (title, headings, paragraphs, list items, table
    cells, captions) in document order, blocks joined by one space, runs of white space collapsed
    to one space, note calls and note text left out. `before` is the last 30 characters of it at
    the call, so it may end with a space when the source has one before the call.
    """

    def __init__(self):
        self.text = ""

    def block(self):
        """Start a new block (one space between blocks)."""
        if self.text and not self.text.endswith(" "):
            self.text += " "

    def add(self, s):
        """Append inline text, collapsing white space against what is already there."""
        s = re.sub(r"\s+", " ", s)
        if s.startswith(" ") and (not self.text or self.text.endswith(" ")):
            s = s[1:]
        self.text += s

    def before(self):
        """Return the last 30 characters of body text."""
        return self.text[-BEFORE:]


# ---------------------------------------------------------------------------------------------
# Editing the parts of a ZIP package

def read_parts(path):
    """Return the parts of a ZIP package as an ordered dict name -> bytes."""
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def write_parts(path, parts):
    """Write parts into a new DOCX ([Content_Types].xml first, deflated, fixed timestamps)."""
    names = list(parts)
    if "[Content_Types].xml" in names:
        names.remove("[Content_Types].xml")
        names.insert(0, "[Content_Types].xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            info = zipfile.ZipInfo(n, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = parts[n]
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(info, data)


def add_override(parts, partname, ctype):
    """Declare a part's content type in [Content_Types].xml (once)."""
    ct = parts["[Content_Types].xml"].decode("utf-8")
    if f'PartName="{partname}"' not in ct:
        ct = ct.replace("</Types>", f'<Override PartName="{partname}" ContentType="{ctype}"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")


def add_relationship(parts, rels_name, rid, rtype, target, external=False):
    """Add a relationship to a .rels part (once)."""
    rels = parts[rels_name].decode("utf-8")
    if f'Id="{rid}"' in rels:
        return
    mode = ' TargetMode="External"' if external else ""
    rels = rels.replace("</Relationships>",
                        f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"{mode}/></Relationships>')
    parts[rels_name] = rels.encode("utf-8")


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def pandoc_json(md_path, extra=()):
    """Return pandoc's JSON AST of a Markdown file (pandoc's markdown reader)."""
    r = run([pandoc_path(), "-f", "markdown", "-t", "json", *extra, md_path])
    return json.loads(r.stdout)


def make_png(path, w=48, h=32):
    """Write a small chequered RGB PNG (zlib and struct only, no image library)."""
    import struct
    import zlib
    raw = b""
    for y in range(h):
        raw += b"\0" + b"".join(bytes((180, 40, 40)) if (x // 8 + y // 8) % 2 else bytes((240, 230, 200))
                                for x in range(w))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)
