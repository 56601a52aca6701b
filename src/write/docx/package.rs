//! The OPC package: content types, relationships, settings, and the ZIP that holds them.

use super::xml::{Xml, DECL};

/// A relationship of a part: id, type (the last segment of its URI) and target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rel {
    /// `rId1`, `rIdLink3`.
    pub id: String,
    /// The full relationship type URI.
    pub kind: &'static str,
    /// The target, relative to the part, or an address.
    pub target: String,
    /// Whether the target is outside the package (a hyperlink).
    pub external: bool,
}

/// The relationship types this writer uses.
pub mod kinds {
    /// The main document of the package.
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    /// Core (Dublin Core) properties.
    pub const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    /// Application properties.
    pub const APP: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    /// Custom properties.
    pub const CUSTOM: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
    /// Styles.
    pub const STYLES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    /// Settings.
    pub const SETTINGS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    /// Numbering definitions.
    pub const NUMBERING: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    /// Footnotes.
    pub const FOOTNOTES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";
    /// Endnotes.
    pub const ENDNOTES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes";
    /// An image part.
    pub const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    /// A hyperlink.
    pub const HYPERLINK: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
}

/// A relationships part (`_rels/….rels`).
pub fn rels(rels: &[Rel]) -> String {
    let mut x = Xml::new();
    x.raw(DECL);
    x.open("Relationships", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]);
    for r in rels {
        if r.external {
            x.empty(
                "Relationship",
                &[("Id", &r.id), ("Type", r.kind), ("Target", &r.target), ("TargetMode", "External")],
            );
        } else {
            x.empty("Relationship", &[("Id", &r.id), ("Type", r.kind), ("Target", &r.target)]);
        }
    }
    x.finish()
}

/// `[Content_Types].xml` for the parts named (absolute part names, `/word/document.xml`)
/// and the image extensions used (`png`, `jpeg`, `gif`: a `Default` each).
pub fn content_types(parts: &[(&str, &str)], images: &[&str]) -> String {
    let mut x = Xml::new();
    x.raw(DECL);
    x.open("Types", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]);
    x.empty(
        "Default",
        &[("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")],
    );
    x.empty("Default", &[("Extension", "xml"), ("ContentType", "application/xml")]);
    for ext in images {
        x.empty("Default", &[("Extension", ext), ("ContentType", &format!("image/{ext}"))]);
    }
    for (name, ct) in parts {
        x.empty("Override", &[("PartName", name), ("ContentType", ct)]);
    }
    x.finish()
}

/// The content type of each part this writer may write, by its path in the package.
pub fn content_type(path: &str) -> Option<&'static str> {
    Some(match path {
        "word/document.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        }
        "word/styles.xml" => "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "word/settings.xml" => "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "word/numbering.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
        }
        "word/footnotes.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        }
        "word/endnotes.xml" => "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        "docProps/core.xml" => "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml" => "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "docProps/custom.xml" => "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        _ => return None,
    })
}

/// `word/settings.xml`: the separator notes, and notes numbered 1, 2, 3 of both kinds
/// (Word's endnotes count i, ii, iii by default).
pub fn settings() -> String {
    format!(
        "{DECL}<w:settings xmlns:w=\"{}\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:footnotePr><w:numFmt w:val=\"decimal\"/><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
<w:endnotePr><w:numFmt w:val=\"decimal\"/><w:endnote w:id=\"-1\"/><w:endnote w:id=\"0\"/></w:endnotePr>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>",
        super::W_NS
    )
}

/// The ZIP time of every entry: `when` (`YYYY-MM-DDThh:mm:ssZ`) when given, else 1980-01-01,
/// so two runs give the same bytes.
pub fn zip_time(when: Option<&str>) -> zip::DateTime {
    let parse = |w: &str| -> Option<zip::DateTime> {
        let n = |a: usize, b: usize| w.get(a..b)?.parse::<u16>().ok();
        zip::DateTime::from_date_and_time(
            n(0, 4)?,
            u8::try_from(n(5, 7)?).ok()?,
            u8::try_from(n(8, 10)?).ok()?,
            u8::try_from(n(11, 13)?).ok()?,
            u8::try_from(n(14, 16)?).ok()?,
            u8::try_from(n(17, 19)?).ok()?,
        )
        .ok()
    };
    when.and_then(parse).unwrap_or_default()
}

/// Packs the parts, `[Content_Types].xml` first, each deflated, then the images (stored:
/// PNG, JPEG and GIF are compressed already).
pub fn zip(parts: &[(String, String)], media: &[(String, &[u8])], when: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    let size: usize =
        parts.iter().map(|(_, b)| b.len()).sum::<usize>() + media.iter().map(|(_, b)| b.len()).sum::<usize>();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size / 3 + 4096)));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip_time(when));
    let result = (|| -> zip::result::ZipResult<()> {
        for (name, body) in parts {
            zip.start_file(name.as_str(), opts)?;
            zip.write_all(body.as_bytes())?;
        }
        let stored = opts.compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in media {
            zip.start_file(name.as_str(), stored)?;
            zip.write_all(bytes)?;
        }
        Ok(())
    })();
    result.expect("writing a ZIP to memory cannot fail");
    zip.finish().expect("finishing a ZIP in memory cannot fail").into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_targets_are_marked_and_escaped() {
        let r = rels(&[Rel {
            id: "rIdLink1".into(),
            kind: kinds::HYPERLINK,
            target: "https://x.org/?a=1&b=2".into(),
            external: true,
        }]);
        assert!(r.contains("Target=\"https://x.org/?a=1&amp;b=2\" TargetMode=\"External\""), "{r}");
    }

    #[test]
    fn content_types_are_known_for_every_part_written() {
        for p in ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "docProps/custom.xml"] {
            assert!(content_type(p).is_some(), "{p}");
        }
        assert!(content_type("word/media/x.png").is_none());
        let ct = content_types(&[("/word/document.xml", "t")], &["png", "jpeg"]);
        assert!(ct.contains("<Override PartName=\"/word/document.xml\" ContentType=\"t\"/>"));
        assert!(ct.contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"));
    }

    #[test]
    fn zip_times_come_from_the_epoch_or_are_fixed() {
        assert_eq!(zip_time(Some("2024-02-29T10:11:12Z")).year(), 2024);
        assert_eq!(zip_time(Some("garbage")), zip::DateTime::default());
        assert_eq!(zip_time(None), zip::DateTime::default());
    }
}
