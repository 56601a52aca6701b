#!/usr/bin/env python3
"""Writes the model-JSON (schema 6) fixtures of tests/pdf_tables.rs: a long table with
spans, a note in a cell, a footer row and a source line; a wide table; figures (a PNG map,
a JPEG facsimile, a missing image); tables and figures inside a quotation, list items and a
note, with images in lines of text. Images come from tests/fixtures/media/."""
import base64, json, pathlib

here = pathlib.Path(__file__).parent
media_dir = here.parent / "fixtures" / "media"


def t(s):
    return {"type": "text", "text": s}


def para(*inl):
    return {"type": "paragraph", "content": [t(i) if isinstance(i, str) else i for i in inl]}


def cell(*inl, **kw):
    c = {"blocks": [para(*inl)] if inl else []}
    c.update(kw)
    return c


def note(label, text):
    return {"type": "note", "label": label, "content": [para(text)]}


def ref(target):
    return {"type": "ref", "target": target, "content": []}


LOREM = ("The districts of the province were surveyed again after the war, village by village, "
         "and the results were sent to the governor with the commission's remarks on every "
         "household that had left or returned. ")


def doc(title, body, media=None):
    d = {"schema_version": 6, "meta": {"lang": "en", "titles": [{"text": title}]}, "body": body}
    if media:
        d["media"] = media
    return d


def media(name, kind, w, h):
    data = (media_dir / name).read_bytes()
    return {"kind": kind, "width": w, "height": h, "data": base64.b64encode(data).decode()}


def long_table():
    head = [
        {"cells": [cell("District", rows=2), cell("Population", cols=2), cell("Share (%)", rows=2)]},
        {"cells": [cell("1897"), cell("1913")]},
    ]
    body = []
    for i in range(70):
        name = f"District {i + 1:02d} of the upper valley" if i % 7 == 3 else f"District {i + 1:02d}"
        row = [cell(name, header=True), cell(f"{12000 + 137 * i:,}".replace(",", " ")),
               cell(f"{13000 + 151 * i:,}".replace(",", " ")), cell(f"{(i * 7) % 13 + 0.5:.1f}")]
        if i == 40:
            row[1] = cell("14 180", note("1", "The census of 1897 counted the nomads of this district twice."))
        body.append({"cells": row})
    foot = [{"cells": [cell("Total", header=True), cell("918 000"), cell("997 000"), cell("100.0")]}]
    table = {"type": "table", "id": "tbl:pop", "label": "Table 1",
             "caption": [t("Population of the districts, 1897 and 1913")],
             "source": [t("Source: RGVIA, f. 400, op. 1, d. 12.")],
             "columns": [{}, {}, {}, {}], "head": head, "body": body, "foot": foot}
    body = [para(LOREM * 3), para("The figures are given in ", ref("tbl:pop"), " below."), table,
            para("After the table the text goes on. " + LOREM * 2)]
    return doc("A long table", body)


def wide_table():
    cols = ["Governorate", "Uezd", "Settlements", "Households", "Men", "Women", "Literate",
            "Muslims", "Christians", "Remarks"]
    head = [{"cells": [cell(c) for c in cols]}]
    body = []
    for i in range(6):
        body.append({"cells": [cell("Elisavetpolskaya"), cell(f"Zangezurskiy {i}"), cell(str(120 + i)),
                               cell(str(9000 + i)), cell(str(41000 + i)), cell(str(39000 + i)),
                               cell(str(2100 + i)), cell(str(30000 + i)), cell(str(11000 + i)),
                               cell("incomplete returns from the mountain villages")]})
    table = {"type": "table", "label": "Table 2", "caption": [t("A wide table")],
             "columns": [{} for _ in cols], "head": head, "body": body}
    return doc("A wide table", [para(LOREM), table, para(LOREM)])


def figures():
    fig_map = {"type": "figure", "id": "fig:map", "label": "Figure 1",
               "caption": [t("The district in 1878"), note("1", "Drawn by the survey of 1878.")],
               "source": [t("Source: BOA, HRT.h, 512.")],
               "alt": "A map of the district with its villages and roads",
               "images": [{"src": "map.png", "media": "map.png"}]}
    fig_scan = {"type": "figure", "id": "fig:scan", "label": "Figure 2",
                "caption": [t("The first page of the petition")],
                "images": [{"src": "facsimile.jpg", "media": "facsimile.jpg", "width": {"fraction": 0.6}}]}
    fig_lost = {"type": "figure", "label": "Figure 3", "caption": [t("A map that was not found")],
                "images": [{"src": "maps/lost.png"}]}
    body = [para(LOREM * 2), para("See ", ref("fig:map"), " and ", ref("fig:scan"), "."), fig_map]
    body += [para(LOREM * 2) for _ in range(3)]
    body += [fig_scan] + [para(LOREM * 2) for _ in range(4)] + [fig_lost, para(LOREM)]
    m = {"map.png": media("map.png", "png", 800, 500), "facsimile.jpg": media("facsimile.jpg", "jpeg", 600, 820)}
    return doc("Figures", body, m)


def image(src, alt, key=None, width=None):
    img = {"src": src}
    if key:
        img["media"] = key
    if width:
        img["width"] = width
    return {"type": "image", "image": img, "alt": alt}


def nested():
    """Tables and figures inside a quotation, list items and a note; images in lines."""
    rows = [{"cells": [cell(f"Village {i:02d}"), cell(str(100 + 7 * i)), cell(str(i % 9))]} for i in range(1, 41)]
    quoted = {"type": "table", "id": "tbl:quoted", "label": "Table 1",
              "caption": [t("Households counted by the delegates")],
              "source": [t("Source: SCAA, f. 24, op. 1, d. 3.")],
              "columns": [{}, {}, {}],
              "head": [{"cells": [cell("Village"), cell("Households"), cell("Left")]}], "body": rows}
    quote = {"type": "quote", "blocks": [
        para("The delegates laid before the commission the following count of households, "
             "which they had made themselves in the spring:"),
        quoted, para("and asked that it be sent on to Tiflis unchanged.")]}
    fig_listed = {"type": "figure", "id": "fig:listed", "label": "Figure 1",
                  "caption": [t("The roads of the district in 1878")],
                  "alt": "A map of the district with its roads",
                  "images": [{"src": "map.png", "media": "map.png", "width": {"fraction": 0.6}}]}
    fig_first = {"type": "figure", "id": "fig:scan", "label": "Figure 2",
                 "caption": [t("The delegates' petition")], "alt": "The first page of the petition",
                 "images": [{"src": "facsimile.jpg", "media": "facsimile.jpg", "width": {"fraction": 0.25}}]}
    seals = {"type": "table", "id": "tbl:seals", "label": "Table 2", "caption": [t("Seals of the petition")],
             "columns": [{}, {}],
             "head": [{"cells": [cell("Signatory"), cell("Seal")]}],
             "body": [{"cells": [cell("The khan"), cell(image("map.png", "the khan's seal", "map.png"))]},
                      {"cells": [cell("The scribe"), cell("none")]}]}
    in_note = {"type": "table", "id": "tbl:note", "label": "Table 3", "caption": [t("The two counts")],
               "columns": [{}, {}],
               "head": [{"cells": [cell("Count"), cell("Households")]}],
               "body": [{"cells": [cell("Delegates"), cell("466")]}, {"cells": [cell("Census"), cell("471")]}]}
    the_note = {"type": "note", "label": "1",
                "content": [para("The commission compared it with the census of 1897:"), in_note]}
    items = [
        [para("The frontier villages had lost a fifth of their households.")],
        [para("The roads were impassable in winter, as the survey map shows:"), fig_listed],
        [fig_first, para("The petition was written by the village scribe.")],
        [para("Each signatory sealed it:"), seals],
        [para("The delegates' count was to be trusted.", the_note)],
    ]
    body = [
        para("The petition carries the seal ", image("map.png", "the khan's seal", "map.png", {"points": 24}),
             " of the khan beside the signature ", image("facsimile.jpg", "the scribe's signature", "facsimile.jpg"),
             " and a stamp ", image("seals/lost.png", "a round stamp"), " that was not found. " + LOREM),
        para("The counts are in ", ref("tbl:quoted"), " and ", ref("tbl:note"), "; the map is ", ref("fig:listed"),
             ", the petition ", ref("fig:scan"), " and its seals ", ref("tbl:seals"), "."),
        para("The governor's report quotes the delegates' own table:"), quote,
        para("The commission's findings were these:"),
        {"type": "list", "numbering": {"start": 1}, "items": items},
        para(LOREM),
    ]
    m = {"map.png": media("map.png", "png", 800, 500), "facsimile.jpg": media("facsimile.jpg", "jpeg", 600, 820)}
    return doc("Tables and figures in quotations, lists and notes", body, m)


for name, d in [("long", long_table()), ("wide", wide_table()), ("figures", figures()), ("nested", nested())]:
    (here / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n")
