"""Hostile and broken DOCX inputs in tests/fixtures/docx/bad/ (expectations in the README)."""
import os
import shutil
import zipfile

import docx

from common import BAD, CT, OUT, REL, WORK, run, write_parts

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 f'<Override PartName="/word/document.xml" ContentType="{CT}document.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
             '</Relationships>')


def small_docx(path, paragraphs=("A small document.",)):
    """A plain python-docx document."""
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)


def minimal_parts(paragraphs=("A small document.",)):
    """The three parts a DOCX needs (content types, package relationships, the document)."""
    body = "".join(f'<w:p><w:r><w:t>{p}</w:t></w:r></w:p>' for p in paragraphs)
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
            "word/_rels/document.xml.rels":
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
            "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 f"<w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>"}


PIC_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def not_zip():
    path = os.path.join(BAD, "not-a-zip.docx")
    with open(path, "w", encoding="utf-8") as f:
        f.write("This is a plain text file that was given the name of a Word document.\n")
    return path


def zip_bomb():
    """word/document.xml inflates to 1 GiB + 1 MiB of zeros (deflate, classic ZIP: about 1 MB on disk)."""
    path = os.path.join(BAD, "zip-bomb.docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        info = zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1 << 20)
        with z.open(info, "w") as f:  # no ZIP64: 1 GiB + 1 MiB fits the classic 32-bit sizes
            for _ in range(1025):
                f.write(chunk)
    return path


def missing_document():
    """A package whose main part (word/document.xml) is missing, though the relationships name it."""
    parts = minimal_parts()
    del parts["word/document.xml"]
    path = os.path.join(BAD, "missing-document.docx")
    write_parts(path, parts)
    return path


def encrypted():
    """An ECMA-376 agile-encrypted DOCX (an OLE compound file), made by msoffcrypto-tool -e."""
    tmp = os.path.join(WORK, "plain-for-encryption.docx")
    small_docx(tmp, ["This text is encrypted with the password “colophon”."])
    path = os.path.join(BAD, "encrypted.docx")
    run(["msoffcrypto-tool", "-e", "-p", "colophon", tmp, path])
    with open(path, "rb") as f:
        head = f.read(8)
    if head != bytes.fromhex("D0CF11E0A1B11AE1"):
        raise SystemExit("encrypted.docx is not an OLE compound file")
    return path


def old_doc():
    """Word 97–2003 binary (.doc) written by LibreOffice, and the same bytes named .docx."""
    from lo_fixtures import soffice_convert
    src = os.path.join(OUT, "sources", "lo-notes.fodt")
    out = soffice_convert(src, "doc", os.path.join(WORK, "lo-doc"))
    path = os.path.join(BAD, "old-binary.doc")
    shutil.copyfile(out, path)
    shutil.copyfile(out, os.path.join(BAD, "old-binary-named.docx"))
    return path


def external_image():
    """A linked picture: its relationship has TargetMode="External" (http://example.invalid/x.png)."""
    parts = minimal_parts(["A linked picture follows; it must never be fetched."])
    rels = "word/_rels/document.xml.rels"
    s = parts[rels]
    s = s.replace("/>", ">", 1) if s.endswith("/>") else s
    s = s + "</Relationships>" if not s.endswith("</Relationships>") else s
    s = s.replace("</Relationships>", f'<Relationship Id="rIdExt" Type="{REL}image" '
                  'Target="http://example.invalid/x.png" TargetMode="External"/></Relationships>')
    parts[rels] = s
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1" descr="A linked picture"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:nvPicPr><pic:cNvPr id="1" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:link="rIdExt"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    doc = parts["word/document.xml"].replace("<w:body>", f"<w:body {PIC_NS}>")
    i = doc.rfind("<w:sectPr")
    parts["word/document.xml"] = doc[:i] + drawing + doc[i:]
    path = os.path.join(BAD, "external-image.docx")
    write_parts(path, parts)
    return path


def malformed_xml():
    """document.xml whose <w:t> is closed by </w:r> on line 6 (not well-formed)."""
    parts = minimal_parts()
    parts["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {W_NS}>\n"
        "<w:body>\n"
        "<w:p><w:r><w:t>A well-formed first paragraph.</w:t></w:r></w:p>\n"
        "<w:p>\n"
        "<w:r><w:t>This run is never closed properly.</w:r>\n"
        "</w:p>\n"
        "</w:body>\n"
        "</w:document>\n").encode("utf-8")
    path = os.path.join(BAD, "malformed-xml.docx")
    write_parts(path, parts)
    return path


def nested_tables(depth=200):
    """A table in a cell of a table … 200 levels deep, a paragraph at the bottom."""
    parts = minimal_parts()
    open_ = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
             '</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>')
    close = "<w:p/></w:tc></w:tr></w:tbl>"
    inner = "<w:p><w:r><w:t>The innermost cell, 200 tables deep.</w:t></w:r></w:p>"
    tables = open_ * depth + inner + close * depth
    doc = parts["word/document.xml"]
    i = doc.rfind("<w:sectPr")
    parts["word/document.xml"] = doc[:i] + tables + "<w:p/>" + doc[i:]
    path = os.path.join(BAD, "nested-tables.docx")
    write_parts(path, parts)
    return path


def main():
    os.makedirs(BAD, exist_ok=True)
    os.makedirs(WORK, exist_ok=True)
    for f in (not_zip, zip_bomb, missing_document, encrypted, old_doc, external_image, malformed_xml,
              nested_tables):
        print("bad:", f())


if __name__ == "__main__":
    main()
