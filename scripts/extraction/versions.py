#!/usr/bin/env python3
"""Print the versions of the typesetters and extractors used for the corpus."""
import subprocess
from importlib import metadata


def cmd(args):
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=60)
        out = (r.stdout or r.stderr).strip().splitlines()
        return out[0] if out else "?"
    except Exception as e:  # tool missing
        return f"not available ({e.__class__.__name__})"


def pkg(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


import pypandoc  # noqa: E402

print("pandoc", pypandoc.get_pandoc_version(), "(pypandoc-binary", pkg("pypandoc-binary") + ")")
print("typst (PyPI)", pkg("typst"))
print("xelatex:", cmd(["xelatex", "--version"]))
print("libreoffice:", cmd(["soffice", "--version"]))
print("weasyprint", pkg("weasyprint"))
print("pdftotext:", cmd(["pdftotext", "-v"]))
print("pdfminer.six", pkg("pdfminer.six"))
print("pymupdf", pkg("pymupdf"))
print("pdfplumber", pkg("pdfplumber"))
print("pdfbox:", cmd(["dpkg-query", "-W", "-f=${Package} ${Version}", "libpdfbox2-java"]))
