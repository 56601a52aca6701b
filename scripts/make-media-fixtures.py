#!/usr/bin/env python3
"""Makes the images of tests/fixtures/media/ (run by hand; the files are committed).

Needs Pillow (`pip install pillow`). Every image is drawn here, so none has a licence
question: a map-like PNG, a facsimile-like JPEG, and the bad files the readers must refuse
with a clear message (truncated PNG and JPEG, a JPEG named .png, a TIFF, a 20,000 × 20,000
PNG whose header alone says it is too large, a text file named .png).
"""
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "media"
OUT.mkdir(parents=True, exist_ok=True)

# A map: sea, a coastline, rivers, a border, towns.
m = Image.new("RGB", (800, 500), (214, 232, 245))
d = ImageDraw.Draw(m)
d.polygon([(0, 120), (180, 90), (320, 150), (520, 100), (800, 160), (800, 500), (0, 500)], fill=(236, 228, 200))
d.line([(250, 500), (300, 380), (280, 260), (330, 150)], fill=(90, 140, 200), width=4)
d.line([(600, 500), (560, 330), (610, 200), (520, 100)], fill=(90, 140, 200), width=3)
d.line([(420, 500), (440, 400), (400, 300), (470, 200), (450, 120)], fill=(160, 40, 40), width=2)
for x, y in [(300, 380), (560, 330), (470, 200), (150, 300)]:
    d.ellipse([x - 6, y - 6, x + 6, y + 6], fill=(20, 20, 20))
m.save(OUT / "map.png", optimize=True)

# A facsimile: a yellowed page with lines of "handwriting" and a stamp.
f = Image.new("L", (600, 820), 225)
d = ImageDraw.Draw(f)
for i, y in enumerate(range(90, 760, 34)):
    d.line([(60, y), (540 - (i * 37) % 120, y + 2)], fill=60, width=3)
d.ellipse([400, 640, 520, 760], outline=90, width=5)
f.convert("RGB").save(OUT / "facsimile.jpg", quality=80)

png = (OUT / "map.png").read_bytes()
jpg = (OUT / "facsimile.jpg").read_bytes()
(OUT / "truncated.png").write_bytes(png[: len(png) // 2])
(OUT / "truncated.jpg").write_bytes(jpg[: len(jpg) // 2])
(OUT / "jpeg-named.png").write_bytes(jpg)
(OUT / "not-an-image.png").write_bytes(b"This is a text file with the wrong name.\n")
Image.new("RGB", (4, 4), (0, 0, 0)).save(OUT / "scan.tif")


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


# 20,000 × 20,000 grey pixels: the header says so; the data is one compressed row only
# (a reader must refuse it from its header, before decoding).
huge = (
    b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(b"\x00" * 20001))
    + chunk(b"IEND", b"")
)
(OUT / "huge.png").write_bytes(huge)
print("\n".join(sorted(f"{p.name} {p.stat().st_size}" for p in OUT.iterdir())))
