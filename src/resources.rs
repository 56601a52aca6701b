//! What a run loads once and shares between inputs: the archive table, the TEI and CSS
//! templates, the fonts and the page style. Built in, overridable from a templates folder.

use crate::enrich::shelfmark::ArchiveTable;
use crate::error::{Error, Result};
use crate::fonts::FontSet;
use crate::typeset::PageStyle;
use std::path::{Path, PathBuf};

/// Tables and templates for one run.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Archives recognised in shelfmarks.
    pub archives: ArchiveTable,
    /// The folder the user's templates came from, if any.
    pub templates: Option<PathBuf>,
    /// The user's TEI `publicationStmt` template (`DIR/tei-publicationStmt.xml`), if any.
    pub tei_publication: Option<String>,
    /// The e-book style sheet (`templates/epub.css`, or `DIR/epub.css`).
    pub epub_css: String,
    /// The user's fonts (`DIR/fonts/`); `None` for the built-in Libertinus Serif, which is
    /// only read when a writer needs fonts.
    pub fonts: Option<FontSet>,
    /// The print edition's page style (`templates/page.toml`, or `DIR/page.toml`).
    pub page: PageStyle,
    /// How Word documents are read (tracked changes accepted or rejected).
    pub docx: crate::read::docx::Options,
    /// The reader every input goes through (`--from`), whatever its name and content;
    /// `None` tells each input's kind from its content and name.
    pub from: Option<crate::read::InputFormat>,
}

/// The built-in e-book style sheet.
pub const EPUB_CSS: &str = include_str!("../templates/epub.css");

impl Default for Resources {
    fn default() -> Self {
        Resources {
            archives: ArchiveTable::builtin(),
            templates: None,
            tei_publication: None,
            epub_css: EPUB_CSS.to_string(),
            fonts: None,
            page: PageStyle::a4(),
            docx: Default::default(),
            from: None,
        }
    }
}

impl Resources {
    /// The fonts to embed: the user's, else Libertinus Serif.
    pub fn fonts(&self) -> FontSet {
        self.fonts.clone().unwrap_or_else(FontSet::builtin)
    }

    /// Returns the built-in resources.
    pub fn builtin() -> Self {
        Resources::default()
    }

    /// Loads resources, taking each file present in `templates` (`archives.toml`,
    /// `tei-publicationStmt.xml`, `epub.css`, `fonts/`, `page.toml`) instead of the built-in one. A missing or unreadable folder is an error, not a silent fallback.
    pub fn load(templates: Option<&Path>) -> Result<Self> {
        let Some(dir) = templates else { return Ok(Self::builtin()) };
        if !dir.is_dir() {
            return Err(Error::input(
                dir,
                0,
                0,
                "the templates folder does not exist (give --templates an existing folder)",
            ));
        }
        let table = dir.join("archives.toml");
        let archives = if table.is_file() { ArchiveTable::load(&table)? } else { ArchiveTable::builtin() };
        let publication = dir.join("tei-publicationStmt.xml");
        let tei_publication =
            if publication.is_file() { Some(load_publication_template(&publication)?) } else { None };
        let css = dir.join("epub.css");
        let epub_css = if css.is_file() {
            std::fs::read_to_string(&css).map_err(|source| Error::Io { path: css.clone(), source })?
        } else {
            EPUB_CSS.to_string()
        };
        let fonts_dir = dir.join("fonts");
        let fonts = if fonts_dir.is_dir() { Some(FontSet::load(&fonts_dir)?) } else { None };
        let page_file = dir.join("page.toml");
        let page = if page_file.is_file() { PageStyle::load(&page_file)? } else { PageStyle::a4() };
        Ok(Resources {
            archives,
            templates: Some(dir.to_path_buf()),
            tei_publication,
            epub_css,
            fonts,
            page,
            docx: Default::default(),
            from: None,
        })
    }
}

/// Reads a `publicationStmt` template and checks it is one well-formed element of that name.
fn load_publication_template(path: &Path) -> Result<String> {
    use quick_xml::events::Event;
    let text = crate::error::read_text(path)?;
    let index = crate::diag::LineIndex::new(&text);
    let at = |pos: u64| index.position(&text, pos as usize);
    let mut reader = quick_xml::Reader::from_str(&text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                    if e.name().as_ref() != b"publicationStmt" {
                        let (l, c) = at(pos);
                        return Err(Error::input(
                            path,
                            l,
                            c,
                            "the template must be one <publicationStmt> element",
                        ));
                    }
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            // XML forbids `--` inside comments; quick-xml lets it pass, validators do not.
            Ok(Event::Comment(c)) if c.windows(2).any(|w| w == b"--") => {
                let (l, c) = at(pos);
                return Err(Error::input(path, l, c, "`--` inside a comment is not allowed in XML"));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Text(t)) if depth == 0 && !t.iter().all(u8::is_ascii_whitespace) => {
                let (l, c) = at(pos);
                return Err(Error::input(path, l, c, "text outside <publicationStmt>"));
            }
            Ok(_) => {}
            Err(e) => {
                let (l, c) = at(reader.error_position());
                return Err(Error::input(path, l, c, format!("not well-formed XML: {e}")));
            }
        }
    }
    if roots != 1 || depth != 0 {
        return Err(Error::input(path, 0, 0, "the template must be exactly one <publicationStmt> element"));
    }
    Ok(text)
}
