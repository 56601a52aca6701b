"""Move pandoc's end-of-document notes to their calls, for CSS GCPM page footnotes.

pandoc -t html5 writes a call as
    <a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref"><sup>3</sup></a>
and the note as <li id="fn3"><p>text<a href="#fnref3" class="footnote-back" …>↩︎</a></p></li>
inside <section id="footnotes" …>.  We replace each call by
    <span class="fn">text</span>
(WeasyPrint floats it to the page foot with `float: footnote` and numbers it
itself) and drop the notes section.
"""
import re


def inline_notes(html: str) -> str:
    m = re.search(r'<section[^>]*id="footnotes"[^>]*>.*?</section>', html, re.S)
    if not m:
        return html
    section = m.group(0)
    html = html[:m.start()] + html[m.end():]
    notes = {}
    for li in re.finditer(r'<li id="fn(\d+)">(.*?)</li>', section, re.S):
        body = li.group(2)
        body = re.sub(r'\s*<a\s+href="#fnref\d+"[^>]*class="footnote-back"[^>]*>.*?</a>', "", body, flags=re.S)
        # paragraphs become runs of text inside the inline span
        body = re.sub(r"</p>\s*<p>", " ", body)
        body = re.sub(r"</?p>", "", body).strip()
        notes[li.group(1)] = body

    def repl(call):
        return '<span class="fn">' + notes[call.group(1)] + "</span>"

    return re.sub(r'<a\s+href="#fn(\d+)"[^>]*class="footnote-ref"[^>]*>.*?</a>', repl, html, flags=re.S)
