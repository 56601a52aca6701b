"""DOCX fixtures written by pandoc 3.9 (`-t docx`) from Markdown, gold from pandoc's JSON AST."""
import os
import shutil

from common import OUT, ROOT, WORK, pandoc_json, pandoc_path, run, write_gold
from pandoc_gold import gold_from_ast

# name -> Markdown source (relative to the repository root)
SOURCES = {
    "pandoc-features": "tests/fixtures/docx/sources/pandoc-features.md",
    "pandoc-quotes-and-lists": "tests/blocks/quotes-and-lists.md",
    "pandoc-fancy-lists": "tests/blocks/fancy-lists.md",
    "pandoc-names": "tests/blocks/names.md",
    "pandoc-tables": "tests/peer/dev/md/pandoc-tables.md",
    "pandoc-essay-thaxton": "tests/peer/dev/md/essay-thaxton-french-revolution.md",
}


def build(name, src):
    """Write NAME.docx with pandoc and NAME.gold.json from the AST of the same source."""
    path = os.path.join(ROOT, src)
    out = os.path.join(OUT, name + ".docx")
    tmp = os.path.join(WORK, name + ".docx")
    run([pandoc_path(), "-f", "markdown", "-t", "docx", "--resource-path",
         os.path.dirname(path), "-o", tmp, path])
    shutil.copyfile(tmp, out)
    ast = pandoc_json(path)
    write_gold(name, gold_from_ast(ast, f"pandoc 3.9 -f markdown -t docx {src}"))
    return out


def main():
    os.makedirs(WORK, exist_ok=True)
    for name, src in SOURCES.items():
        print("pandoc:", build(name, src))


if __name__ == "__main__":
    main()
