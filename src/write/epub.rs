//! EPUB 3.3 packaging on the `zip` crate: `mimetype` first and stored, then the container,
//! the package document, the navigation document, the article, the style sheet and the
//! fonts, every entry with the same fixed time, so two runs give the same bytes.
//!
//! Why not epub-builder (EPUB-PDF-NOTES.md §3): 0.8.3 writes the same id on `dc:language`
//! and `dc:creator` (EPUBCheck RSC-005), its nav has no `lang` and no roles (Ace fails it),
//! and it takes the date and a random UUID from the clock; with it the gates below cannot be
//! met without patching its output. The packager is 200 lines.

use super::xhtml::{self, Article};
use crate::diag::Diagnostic;
use crate::fonts::{FontSet, Resolution};
use crate::model::{plain_text, Document};
use quick_xml::escape::{escape, partial_escape};
use std::io::Write;

/// What the EPUB writer needs beyond the document.
#[derive(Debug, Clone)]
pub struct Options {
    /// The style sheet (the built-in `templates/epub.css` or the user's).
    pub css: String,
    /// The fonts to embed.
    pub fonts: FontSet,
    /// The build time (`YYYY-MM-DDThh:mm:ssZ`) from `SOURCE_DATE_EPOCH`, if set.
    pub when: Option<String>,
}

/// A 128-bit digest of `bytes` (two FNV-1a passes), for identifiers derived from content.
fn digest(bytes: &[u8]) -> [u8; 16] {
    let fnv =
        |seed: u64| bytes.iter().fold(seed, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01B3));
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&a.to_be_bytes());
    out[8..].copy_from_slice(&b.to_be_bytes());
    out
}

/// A UUID (version 8, RFC 9562 "custom") derived from the book's content (its XHTML, which
/// holds every word, note and reference): the same document always gets the same
/// identifier, never a random one.
pub fn content_uuid(xhtml: &str) -> String {
    let mut d = digest(xhtml.as_bytes());
    d[6] = (d[6] & 0x0f) | 0x80;
    d[8] = (d[8] & 0x3f) | 0x80;
    let h: String = d.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// `dcterms:modified`: the metadata's date, else `SOURCE_DATE_EPOCH`, else 1980-01-01 (the
/// earliest ZIP time), reported.
fn modified(doc: &Document, when: Option<&str>, diags: &mut Vec<Diagnostic>) -> String {
    if let Some(d) = doc.meta.date.as_deref() {
        let parts: Vec<&str> = d.split('-').collect();
        let ok = |p: &str, n| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
        match parts.as_slice() {
            [y] if ok(y, 4) => return format!("{y}-01-01T00:00:00Z"),
            [y, m] if ok(y, 4) && ok(m, 2) => return format!("{y}-{m}-01T00:00:00Z"),
            [y, m, dd] if ok(y, 4) && ok(m, 2) && ok(dd, 2) => return format!("{y}-{m}-{dd}T00:00:00Z"),
            _ => {}
        }
    }
    if let Some(w) = when {
        return w.to_string();
    }
    diags.push(Diagnostic::info(
        "epub-no-date",
        0,
        "no date in the metadata and no SOURCE_DATE_EPOCH: dcterms:modified is 1980-01-01T00:00:00Z",
    ));
    "1980-01-01T00:00:00Z".into()
}

/// The `@font-face` rules of the faces used and the body's font stack: the main family, its
/// faces standing in for one another (`colophon-fallback`), then the other families under
/// their own names, each limited by `unicode-range` to the characters it sets here (Noto
/// Naskh Arabic for the Arabic script, DejaVu Sans Mono for `↩`), as the PDF sets them.
fn fonts_css(opts: &Options, resolution: &Resolution) -> String {
    let all = opts.fonts.all();
    let main = opts.fonts.main.first().map_or("", |m| m.family.as_str());
    let mut css = String::new();
    let mut stack: Vec<String> = Vec::new();
    for &i in &resolution.used {
        let f = all[i];
        let (style, weight) = f.style.css();
        let (family, range) = if i < opts.fonts.main.len() {
            (f.family.clone(), String::new())
        } else if f.family == main {
            ("colophon-fallback".into(), String::new())
        } else {
            let chars = resolution.by_face.get(&i).cloned().unwrap_or_default();
            (f.family.replace(['"', '\\'], ""), unicode_range(&chars))
        };
        if i >= opts.fonts.main.len() && f.family != main && !stack.contains(&family) {
            stack.push(family.clone());
        }
        css.push_str(&format!(
            "@font-face {{ font-family: \"{family}\"; font-style: {style}; font-weight: {weight}; src: url(\"fonts/{}\");{range} }}\n",
            f.file
        ));
    }
    let main = if main.is_empty() { "serif" } else { main };
    let others: String = stack.iter().map(|f| format!(", \"{f}\"")).collect();
    css.push_str(&format!("body {{ font-family: \"{main}\", \"colophon-fallback\"{others}, serif; }}\n"));
    css
}

/// A `unicode-range` descriptor (with its leading space) for `chars`: runs of consecutive
/// code points as ranges (` unicode-range: U+627-628, U+6CC;`); nothing for no characters.
fn unicode_range(chars: &std::collections::BTreeSet<char>) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &c in chars {
        let c = u32::from(c);
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => runs.push((c, c)),
        }
    }
    if runs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|&(a, b)| if a == b { format!("U+{a:X}") } else { format!("U+{a:X}-{b:X}") })
        .collect();
    format!(" unicode-range: {};", parts.join(", "))
}

fn nav(a: &Article, title: &str) -> String {
    let lang = escape(&a.lang);
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n</head>\n<body>\n<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n<h1 id=\"toc-title\">Contents</h1>\n<ol>\n",
        partial_escape(title)
    );
    for (_, id, text) in &a.toc {
        s.push_str(&format!(
            "<li><a href=\"article.xhtml#{}\">{}</a></li>\n",
            escape(id),
            partial_escape(text)
        ));
    }
    s.push_str("</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\" aria-labelledby=\"landmarks-title\">\n<h2 id=\"landmarks-title\">Landmarks</h2>\n<ol>\n<li><a epub:type=\"bodymatter\" href=\"article.xhtml#text\">Text</a></li>\n");
    // Both notes sections are `endnotes` landmarks (EPUB SSV has no `footnotes` for a
    // section): the footnotes' gathered for pop-ups, the endnotes' as printed.
    for (id, h) in a.notes.iter().chain(&a.endnotes) {
        s.push_str(&format!(
            "<li><a epub:type=\"endnotes\" href=\"article.xhtml#{id}\">{}</a></li>\n",
            partial_escape(h)
        ));
    }
    if let Some((id, h)) = &a.bibliography {
        s.push_str(&format!(
            "<li><a epub:type=\"bibliography\" href=\"article.xhtml#{id}\">{}</a></li>\n",
            partial_escape(h)
        ));
    }
    s.push_str("</ol>\n</nav>\n");
    // The printed source's pages, where it had them (EPUB 3.3 §7.4.4 page-list).
    if !a.pages.is_empty() {
        s.push_str("<nav epub:type=\"page-list\" id=\"page-list\" hidden=\"hidden\" aria-labelledby=\"page-list-title\">\n<h2 id=\"page-list-title\">Pages</h2>\n<ol>\n");
        for (id, n) in &a.pages {
            s.push_str(&format!("<li><a href=\"article.xhtml#{id}\">{}</a></li>\n", partial_escape(n)));
        }
        s.push_str("</ol>\n</nav>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn package(doc: &Document, a: &Article, opts: &Options, used: &[usize], modified: &str) -> String {
    let m = &doc.meta;
    let mut md = String::new();
    let mut line = |s: String| {
        md.push_str("    ");
        md.push_str(&s);
        md.push('\n');
    };
    let id = match &m.doi {
        Some(doi) => format!("urn:doi:{doi}"),
        None => format!("urn:uuid:{}", content_uuid(&a.xhtml)),
    };
    line(format!("<dc:identifier id=\"uid\">{}</dc:identifier>", partial_escape(&id)));
    match m.titles.first() {
        Some(t) => line(format!("<dc:title id=\"title\">{}</dc:title>", partial_escape(&t.text))),
        None => line("<dc:title id=\"title\">Untitled</dc:title>".into()),
    }
    for (k, t) in m.titles.iter().enumerate().skip(1) {
        let lang = t.lang.as_ref().map_or(String::new(), |l| format!(" xml:lang=\"{}\"", escape(l.as_str())));
        line(format!("<dc:title id=\"title-{k}\"{lang}>{}</dc:title>", partial_escape(&t.text)));
    }
    for (k, name) in m.authors.iter().filter_map(|a| a.name.as_ref()).enumerate() {
        line(format!("<dc:creator id=\"creator-{k}\">{}</dc:creator>", partial_escape(name)));
        line(format!("<meta refines=\"#creator-{k}\" property=\"role\" scheme=\"marc:relators\">aut</meta>"));
    }
    let mut langs: Vec<&String> = vec![&a.lang];
    langs.extend(a.langs.iter().filter(|l| **l != a.lang));
    for l in langs {
        line(format!("<dc:language>{}</dc:language>", partial_escape(l)));
    }
    line(format!("<meta property=\"dcterms:modified\">{modified}</meta>"));
    let abstract_ = m
        .abstracts
        .iter()
        .find(|x| x.lang.as_ref().map(|l| l.as_str()) == Some(a.lang.as_str()))
        .or(m.abstracts.first());
    if let Some(x) = abstract_ {
        let text: Vec<String> = x.content.iter().map(|b| plain_text(b.content())).collect();
        let lang = x.lang.as_ref().map_or(String::new(), |l| format!(" xml:lang=\"{}\"", escape(l.as_str())));
        line(format!("<dc:description{lang}>{}</dc:description>", partial_escape(text.join(" "))));
    }
    for k in &m.keywords {
        let lang = k.lang.as_ref().map_or(String::new(), |l| format!(" xml:lang=\"{}\"", escape(l.as_str())));
        for t in &k.terms {
            line(format!("<dc:subject{lang}>{}</dc:subject>", partial_escape(t)));
        }
    }
    if let Some(r) = &m.licence {
        line(format!("<dc:rights>{}</dc:rights>", partial_escape(r)));
    }
    if let Some(p) = &m.publisher {
        line(format!("<dc:publisher>{}</dc:publisher>", partial_escape(p)));
    }
    let source = match (&m.journal, &m.source) {
        (Some(j), _) => Some(
            [Some(j.as_str()), m.volume.as_deref(), m.issue.as_deref(), m.pages.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (None, Some(s)) => Some(s.clone()),
        _ => None,
    };
    if let Some(s) = &source {
        line(format!("<dc:source>{}</dc:source>", partial_escape(s)));
    }
    for (p, v) in accessibility(a) {
        line(format!("<meta property=\"{p}\">{v}</meta>"));
    }
    // Page markers from the printed source, and what that source is (EPUB Accessibility
    // 1.1's `pageBreakSource`: the article's DOI, else its journal line, else its file).
    if !a.pages.is_empty() {
        line("<meta property=\"schema:accessibilityFeature\">pageBreakMarkers</meta>".into());
        line("<meta property=\"schema:accessibilityFeature\">pageNavigation</meta>".into());
        let from = m
            .doi
            .as_ref()
            .map(|d| format!("urn:doi:{d}"))
            .or_else(|| source.clone())
            .unwrap_or_else(|| "the printed article".into());
        line(format!("<meta property=\"pageBreakSource\">{}</meta>", partial_escape(&from)));
    }
    if a.mathml {
        line("<meta property=\"schema:accessibilityFeature\">MathML</meta>".into());
    }
    line(format!("<meta property=\"schema:accessibilitySummary\">{}</meta>", summary(a)));

    let all = opts.fonts.all();
    let mut manifest = String::from(
        "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n",
    );
    // A content document with MathML says so (EPUB 3.3, `properties="mathml"`).
    let props = if a.mathml { " properties=\"mathml\"" } else { "" };
    manifest.push_str(&format!(
        "    <item id=\"article\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"{props}/>\n    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n"
    ));
    for (n, &i) in used.iter().enumerate() {
        manifest.push_str(&format!(
            "    <item id=\"font-{n}\" href=\"fonts/{}\" media-type=\"{}\"/>\n",
            escape(&all[i].file),
            all[i].media_type
        ));
    }
    for (n, image) in a.images.iter().enumerate() {
        manifest.push_str(&format!(
            "    <item id=\"image-{}\" href=\"{}\" media-type=\"{}\"/>\n",
            n + 1,
            escape(&image.href),
            image.media_type
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"{}\">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{md}  </metadata>\n  <manifest>\n{manifest}  </manifest>\n  <spine>\n    <itemref idref=\"article\"/>\n  </spine>\n</package>\n",
        escape(&a.lang)
    )
}

/// The accessibility metadata (EPUB Accessibility 1.1, schema.org): the access modes (visual
/// too when there are images: a description from a caption does not make the images'
/// content textual, so text alone suffices only when every image is described), and the
/// features.
fn accessibility(a: &Article) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![("schema:accessMode", "textual")];
    if !a.images.is_empty() {
        v.push(("schema:accessMode", "visual"));
        if a.undescribed == 0 {
            v.push(("schema:accessModeSufficient", "textual"));
        }
        v.push(("schema:accessModeSufficient", "textual,visual"));
    } else {
        v.push(("schema:accessModeSufficient", "textual"));
    }
    v.extend([
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
    ]);
    if !a.images.is_empty() && a.undescribed == 0 {
        v.push(("schema:accessibilityFeature", "alternativeText"));
    }
    v.push(("schema:accessibilityHazard", "none"));
    v
}

/// The accessibility summary: what the book holds and how it can be read.
fn summary(a: &Article) -> String {
    let mut s = String::from(if a.images.is_empty() { "Text-only article" } else { "Article" });
    s.push_str(
        " with headings, a table of contents, notes linked to their calls and back, and a bibliography",
    );
    if a.tables > 0 {
        s.push_str("; tables have captions and header cells scoped to their columns and rows");
    }
    if !a.images.is_empty() {
        s.push_str(if a.undescribed == 0 {
            "; every image has a text description"
        } else {
            "; images the source did not describe have their figure's caption as their text alternative"
        });
    }
    s.push_str("; passages in other languages are tagged with their language.");
    s
}

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n  <rootfiles>\n    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n  </rootfiles>\n</container>\n";

/// The ZIP time of every entry: `SOURCE_DATE_EPOCH` when given, else 1980-01-01.
fn zip_time(when: Option<&str>) -> zip::DateTime {
    let parse = |w: &str| -> Option<zip::DateTime> {
        let n = |a: usize, b: usize| w.get(a..b)?.parse::<u16>().ok();
        zip::DateTime::from_date_and_time(
            n(0, 4)?,
            n(5, 7)? as u8,
            n(8, 10)? as u8,
            n(11, 13)? as u8,
            n(14, 16)? as u8,
            n(17, 19)? as u8,
        )
        .ok()
    };
    when.and_then(parse).unwrap_or_default()
}

/// Writes `doc` as an EPUB; returns the bytes and what had to be reported.
pub fn write(doc: &Document, opts: &Options) -> (Vec<u8>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut article = xhtml::article(doc, "style.css");
    diags.extend(article.diags.iter().cloned());
    for tex in &article.unconverted {
        let shown: String = tex.chars().take(60).collect();
        diags.push(Diagnostic::warning(
            "epub-math-as-tex",
            0,
            format!("the formula `{shown}` could not be converted to MathML; the e-book shows its TeX"),
        ));
    }
    let resolution = opts.fonts.resolve(&article.chars);
    let all = opts.fonts.all();
    for (c, style, face) in &resolution.substituted {
        diags.push(Diagnostic::info(
            "font-fallback",
            0,
            format!(
                "'{c}' (U+{:04X}) has no glyph in the {style:?} face of {}; the e-book sets it in {face}",
                *c as u32,
                opts.fonts.main.first().map_or("", |f| f.family.as_str())
            ),
        ));
    }
    for (c, style) in &resolution.missing {
        diags.push(Diagnostic::warning(
            "font-missing-glyph",
            0,
            format!(
                "no embedded font has '{c}' (U+{:04X}, {style:?}); readers will use one of their own",
                *c as u32
            ),
        ));
    }
    let css = format!("{}{}", fonts_css(opts, &resolution), opts.css);
    let title = doc.meta.titles.first().map_or("Untitled", |t| t.text.as_str());
    let modified = modified(doc, opts.when.as_deref(), &mut diags);
    let opf = package(doc, &article, opts, &resolution.used, &modified);
    let nav = nav(&article, title);
    // What XML 1.0 forbids (a control character, U+FFFE) would make the book unreadable:
    // removed from the three XML documents where it stands, and counted.
    let mut removed = 0;
    let mut clean = |s: String| {
        let n = s.chars().filter(|&c| super::docx::xml::forbidden(c)).count();
        removed += n;
        if n == 0 {
            s
        } else {
            s.chars().filter(|&c| !super::docx::xml::forbidden(c)).collect()
        }
    };
    let (opf, nav, xhtml) = (clean(opf), clean(nav), clean(std::mem::take(&mut article.xhtml)));
    if removed > 0 {
        diags.push(Diagnostic::warning(
            "xml-forbidden-char",
            0,
            format!(
                "{} that XML 1.0 forbids (control characters, U+FFFE, U+FFFF) removed from the e-book",
                crate::plural(removed, "character")
            ),
        ));
    }

    let time = zip_time(opts.when.as_deref());
    // Room for the whole book (fonts stored, text about a quarter of its size deflated), so
    // that the buffer is not copied as it grows.
    let fonts: usize = resolution.used.iter().map(|&i| all[i].data.len()).sum::<usize>()
        + article.images.iter().filter_map(|i| doc.media.get(&i.key)).map(|m| m.data.len()).sum::<usize>();
    let text = opf.len() + nav.len() + xhtml.len() + css.len();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(fonts + text / 2 + 4096)));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(time);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time);
    let result = (|| -> zip::result::ZipResult<()> {
        zip.start_file("mimetype", stored)?;
        zip.write_all(b"application/epub+zip")?;
        for (name, body) in [
            ("META-INF/container.xml", CONTAINER.as_bytes()),
            ("EPUB/package.opf", opf.as_bytes()),
            ("EPUB/nav.xhtml", nav.as_bytes()),
            ("EPUB/article.xhtml", xhtml.as_bytes()),
            ("EPUB/style.css", css.as_bytes()),
        ] {
            zip.start_file(name, deflated)?;
            zip.write_all(body)?;
        }
        for &i in &resolution.used {
            // Fonts are compressed already; storing them saves time and nothing else.
            zip.start_file(format!("EPUB/fonts/{}", all[i].file), stored)?;
            zip.write_all(&all[i].data)?;
        }
        // So are images.
        for image in &article.images {
            if let Some(m) = doc.media.get(&image.key) {
                zip.start_file(format!("EPUB/{}", image.href), stored)?;
                zip.write_all(&m.data)?;
            }
        }
        Ok(())
    })();
    result.expect("writing a ZIP to memory cannot fail");
    let bytes = zip.finish().expect("finishing a ZIP in memory cannot fail").into_inner();
    (bytes, diags)
}
