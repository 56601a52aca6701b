//! A small tokenizer for citation text: words, numbers and punctuation with byte positions.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters, with combining marks and inner apostrophes (`bor'by`, `Mal'kov`,
    /// `Türkiye'nin`).
    Word,
    /// A run of ASCII digits.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Word, number or punctuation.
    pub kind: Kind,
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True when whitespace stands right before the token.
    pub space_before: bool,
}

impl Token {
    /// Returns the token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Returns true for the punctuation token `c`.
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct && text[self.start..].starts_with(c)
    }
}

fn is_word_char(c: char) -> bool {
    // The basic Latin and Russian alphabets first: Unicode's tables only for the rest.
    c.is_ascii_alphabetic()
        || matches!(c, '\u{410}'..='\u{44F}')
        || !c.is_ascii()
            && !is_common_symbol(c)
            && (is_common_letter(c) || c.is_alphabetic() || matches!(c, '\u{300}'..='\u{36F}'))
}

/// Returns true for the punctuation and symbols outside ASCII that texts are full of
/// (dashes, quotes, `«»`, `№`, `§`, `·`, `×`): none is a letter, and telling so needs no
/// look-up in Unicode's tables.
pub fn is_common_symbol(c: char) -> bool {
    matches!(c as u32, 0x2000..=0x206F | 0xA0..=0xA9 | 0xAB..=0xB4 | 0xB6..=0xB9 | 0xBB..=0xBF | 0xD7 | 0xF7 | 0x2116)
}

/// Returns true for a letter of the blocks citations are mostly written in (accented Latin,
/// Cyrillic, Armenian, Georgian), whose Unicode table look-up is slow; every character in
/// these ranges is alphabetic.
pub fn is_common_letter(c: char) -> bool {
    matches!(c as u32,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F | 0x531..=0x556 | 0x561..=0x587
        | 0x10D0..=0x10FA)
}

/// Returns true for the apostrophes that stand inside words (soft signs in romanised
/// Russian, Turkish suffix marks).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʹ' | 'ʼ')
}

/// Splits `text` into tokens; whitespace only sets [`Token::space_before`].
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token in four bytes of citation text: most texts need no second allocation.
    let mut out = Vec::with_capacity(text.len() / 4 + 4);
    let mut chars = text.char_indices().peekable();
    let mut space = false;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if is_word_char(c) {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Number
        } else {
            Kind::Punct
        };
        let mut end = i + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = match kind {
                    Kind::Word => {
                        is_word_char(d)
                            || is_apostrophe(d)
                                && text[j + d.len_utf8()..].chars().next().is_some_and(is_word_char)
                    }
                    _ => d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token { kind, start: i, end, space_before: space });
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_symbols_are_no_letters() {
        let symbols = (0..=0x2200u32).filter_map(char::from_u32).filter(|&c| is_common_symbol(c));
        assert_eq!(symbols.clone().count(), 144);
        for c in symbols {
            assert!(!c.is_alphabetic(), "{c:?}");
        }
        let t = "«Фонд» №\u{a0}5 — ª";
        let words: Vec<_> = tokenize(t).iter().filter(|k| k.kind == Kind::Word).map(|k| k.text(t)).collect();
        assert_eq!(words, ["Фонд", "ª"]);
    }

    #[test]
    fn inner_apostrophes_stay_in_the_word() {
        let t = "bor'by Türkiye'nin opis' 11";
        let words: Vec<_> = tokenize(t).iter().filter(|k| k.kind == Kind::Word).map(|k| k.text(t)).collect();
        assert_eq!(words, ["bor'by", "Türkiye'nin", "opis"]);
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = "ф.85, д. 186а";
        let toks: Vec<_> = tokenize(t).iter().map(|k| (k.kind, k.text(t), k.space_before)).collect();
        assert_eq!(
            toks,
            [
                (Kind::Word, "ф", false),
                (Kind::Punct, ".", false),
                (Kind::Number, "85", false),
                (Kind::Punct, ",", false),
                (Kind::Word, "д", true),
                (Kind::Punct, ".", false),
                (Kind::Number, "186", true),
                (Kind::Word, "а", false),
            ]
        );
    }
}
