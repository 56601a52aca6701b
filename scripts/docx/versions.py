#!/usr/bin/env python3
"""Print the versions of the tools that made the DOCX corpus."""
import subprocess
from importlib import metadata

import pypandoc


def cmd(args):
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=120)
        out = (r.stdout or r.stderr).strip().splitlines()
        return out[0] if out else "?"
    except Exception as e:  # tool missing
        return f"not available ({e.__class__.__name__})"


def pkg(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


print("pandoc", pypandoc.get_pandoc_version(), "(pypandoc-binary", pkg("pypandoc-binary") + ")")
print("libreoffice:", cmd(["soffice", "--version"]))
print("python-docx", pkg("python-docx"), "lxml", pkg("lxml"), "PyYAML", pkg("PyYAML"))
print("msoffcrypto-tool", pkg("msoffcrypto-tool"))
