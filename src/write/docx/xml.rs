//! A small XML builder for WordprocessingML parts: tags always balance, data always escaped.
//!
//! Like the TEI writer, text goes through quick-xml's escaping and the characters XML 1.0
//! forbids are removed and counted (a control character from a damaged source would make
//! Word refuse the whole file). Nothing is indented: Word's runs are mixed content.

use quick_xml::escape::{escape, partial_escape};

/// A part being written: the XML so far and the names of the elements still open.
#[derive(Debug, Default)]
pub struct Xml {
    out: String,
    open: Vec<&'static str>,
    /// Characters XML 1.0 forbids that were removed from text and attributes.
    pub removed: usize,
}

/// True for the characters XML 1.0 forbids: C0 controls but tab, line feed and carriage
/// return, and U+FFFE, U+FFFF (a Rust string holds no surrogates, so none can be written).
pub fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

impl Xml {
    /// Starts an empty part.
    pub fn new() -> Self {
        Xml::default()
    }

    /// Removes forbidden characters from `s`, counting them.
    fn clean<'a>(&mut self, s: &'a str) -> std::borrow::Cow<'a, str> {
        let n = s.chars().filter(|&c| forbidden(c)).count();
        if n == 0 {
            return s.into();
        }
        self.removed += n;
        s.chars().filter(|&c| !forbidden(c)).collect::<String>().into()
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let v = self.clean(v);
            let v = escape(v.as_ref()).into_owned();
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            self.out.push_str(&v);
            self.out.push('"');
        }
    }

    /// Opens element `name`; it stays open until [`Xml::close`].
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push('>');
        self.open.push(name);
    }

    /// Closes the innermost open element (nothing when none is open).
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// Writes an element with nothing in it (`<w:br/>`).
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str("/>");
    }

    /// Writes `<name attrs>text</name>` with the text escaped.
    pub fn leaf(&mut self, name: &'static str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close();
    }

    /// Writes character data, escaped (`>` too, so `]]>` never appears).
    pub fn text(&mut self, s: &str) {
        let s = self.clean(s);
        let escaped = partial_escape(s.as_ref()).into_owned();
        self.out.push_str(&escaped);
    }

    /// Writes markup the caller built from constants (a part's fixed preamble).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Whether the last thing written is a whole paragraph (`</w:p>` or `<w:p/>`).
    pub fn ends_with_paragraph(&self) -> bool {
        self.out.ends_with("</w:p>") || self.out.ends_with("<w:p/>")
    }

    /// Closes whatever is still open and returns the XML.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// The XML declaration every part starts with.
pub const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_removed_and_counted() {
        let mut x = Xml::new();
        x.open("w:t", &[("xml:space", "preserve")]);
        x.text("a<b & c]]>d\u{1}\u{8}e\u{FFFF}\tf");
        x.close();
        assert_eq!(x.removed, 3);
        let s = x.finish();
        assert_eq!(
            s,
            "<w:t xml:space=\"preserve\">a&lt;b &amp; c]]&gt;d\u{0}e\tf</w:t>".replace('\u{0}', "")
        );
        assert!(!s.contains("]]>"));
    }

    #[test]
    fn attributes_escape_quotes_and_astral_characters_stay_whole() {
        let mut x = Xml::new();
        x.empty("a", &[("v", "\"x\" & 'y' <z>")]);
        x.leaf("t", &[], "𝔄𝔅 ёж");
        let s = x.finish();
        assert_eq!(s, "<a v=\"&quot;x&quot; &amp; &apos;y&apos; &lt;z&gt;\"/><t>𝔄𝔅 ёж</t>");
        // Written as UTF-8, never as character references to surrogate halves.
        assert!(!s.contains("&#xD8") && !s.contains("&#55"));
    }

    #[test]
    fn finish_closes_what_is_open() {
        let mut x = Xml::new();
        x.open("w:p", &[]);
        x.open("w:r", &[]);
        assert_eq!(x.finish(), "<w:p><w:r></w:r></w:p>");
        let mut x = Xml::new();
        x.close();
        assert_eq!(x.finish(), "");
    }
}
