//! Language and script of a piece of text, by rules first (TEI-ARCHIVAL-NOTES.md §4).
//!
//! Latin script: `en`, `tr`, `az-Latn` and `ru-Latn` (romanised Russian) are decided here on
//! evidence: letters only one language has (`ə`, `ı ğ ş`, `â î û`), function words, and
//! romanisation patterns (`-skoi`, `-iia`, `zh`, `kh`); the other languages of a historian's
//! bibliography (French, German, Polish…) weigh in from [`foreign`], so that their titles are
//! tagged as what they are or left untagged, never taken for ours. Cyrillic: [`cyrillic`]
//! tells Russian from the region's other Cyrillic languages by their letters and words.
//! Georgian and Armenian script each write one language, kana Japanese and Hangul Korean;
//! [`arabic`] tells Arabic from Persian (and leaves Ottoman, Urdu and the others untagged),
//! [`hebrew`] Hebrew from Yiddish, [`han`] Chinese from kanji-only Japanese by the character
//! forms only one of them writes. When the evidence does not clearly
//! favour one language the text is left untagged: a wrong `xml:lang` is worse than none,
//! because hyphenation and screen readers act on it.

mod arabic;
mod cyrillic;
mod foreign;
mod han;
mod hebrew;
mod latin;
mod lexicon;
mod russian;
mod turkic_russian;

use crate::enrich::tokens::{tokenize, Kind, Token};
use crate::fold::{repair_word, script_of};
use crate::model::{LangTag, Script};
use lexicon::{count_in, IN_RU, IN_UK};

/// What the rules decided about a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The language, when the evidence is clear.
    pub lang: Option<LangTag>,
    /// The main script of the letters, when there are any.
    pub script: Option<Script>,
}

/// Lowercases a word for list lookup: `I` and `İ` become `i` (the text's language is not
/// known yet, so neither the Turkic nor the general rule can be assumed), `ı` stays `ı`.
fn lower(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'I' | 'İ' => out.push('i'),
            '\u{307}' => {}
            'A'..='Z' | 'a'..='z' => out.push(c.to_ascii_lowercase()),
            // The basic Russian alphabet: capitals are 32 code points before their small letters.
            'А'..='Я' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
            'а'..='я' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of `text`, lowercased, without initials (`K.` in `Iskandarov K.` is not the
/// Russian preposition `k`).
fn words(text: &str) -> (Vec<String>, Option<Script>) {
    let toks = tokenize(text);
    let mut counts = ScriptCounts::default();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(text);
        let repaired = repair_word(w);
        counts.add(&repaired);
        let next = toks.get(i + 1);
        let initial = w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && next.is_some_and(|n| n.is_punct(text, '.') && !n.space_before);
        if !(initial || not_a_word(w, &toks, i, text)) {
            out.push(lower(&repaired));
        }
    }
    (out, counts.main())
}

/// True for a token that looks like a function word but is not one: a Latin letter before a
/// number (`s 105`: a page) or, in capitals, before anything but a word in lowercase (`D O C
/// U M E N T S`, letter-spaced), and a word of one or two letters glued after a hyphen (`УН-ТА`,
/// a university abbreviated).
fn not_a_word(w: &str, toks: &[Token], i: usize, text: &str) -> bool {
    let mut chars = w.chars();
    let (Some(first), rest) = (chars.next(), chars.count()) else { return false };
    let next = toks.get(i + 1);
    let glued =
        i > 1 && toks[i - 1].is_punct(text, '-') && !toks[i - 1].space_before && !toks[i].space_before;
    if glued && rest < 2 && w.chars().all(char::is_uppercase) && toks[i - 2].kind == Kind::Word {
        return true;
    }
    if rest > 0 || !first.is_ascii_alphabetic() {
        return false;
    }
    let next_word = next.filter(|n| n.kind == Kind::Word).map(|n| n.text(text));
    next.is_some_and(|n| n.kind == Kind::Number)
        || first.is_uppercase() && !next_word.is_some_and(|n| n.chars().any(char::is_lowercase))
}

/// Strips what says nothing about language (web addresses, e-mail addresses) and keeps
/// the first [`MAX_WORDS`] words.
pub fn language_text(text: &str) -> String {
    // A bracketed gloss (`Poslovitsy russkago naroda [Proverbs of the Russian People]`) is
    // a translation: the text around it says what the language is, when there is enough.
    let unglossed = without_groups(text, ('[', ']'), 0).filter(|u| alphabetic_words(u) >= 3);
    unglossed
        .as_deref()
        .unwrap_or(text)
        .split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@') || looks_like_path(w)))
        .take(MAX_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number of words with a letter in `text`.
fn alphabetic_words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

/// `text` without its groups between `delimiters` that hold at least `min_words` words with
/// letters (unbalanced delimiters are kept); `None` when none was removed.
fn without_groups(text: &str, (open_with, close_with): (char, char), min_words: usize) -> Option<String> {
    if !text.contains(open_with) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut removed = false;
    while let Some(open) = rest.find(open_with) {
        let Some(close) = rest[open..].find(close_with) else { break };
        out.push_str(&rest[..open]);
        let group = &rest[open..open + close + close_with.len_utf8()];
        if alphabetic_words(&group[open_with.len_utf8()..close]) >= min_words {
            removed = true;
            out.push(' ');
        } else {
            out.push_str(group);
        }
        rest = &rest[open + group.len()..];
    }
    out.push_str(rest);
    removed.then_some(out)
}

fn looks_like_path(w: &str) -> bool {
    w.contains('/') && w.contains('.') && !w.starts_with('/') && w.len() > 12
}

/// Words are read up to this many: a language shows long before (the longest labelled
/// entries have under 100 words), and the body of an article extracted as one paragraph must
/// not cost more than its notes (at 1000 words the example's one body paragraph made half of
/// all the tagging work).
const MAX_WORDS: usize = 300;

/// Detects the language of `text` by rules; see the module documentation.
///
/// A title followed by its translation in parentheses (`Itogi perepisi naseleniya (Results
/// of the Census)`, `… (In Russian: …)`) reads as two languages (or two scripts) and is left
/// untagged; then the text outside the parentheses decides, when it is enough to decide on:
/// a gloss is not the language of the work.
///
/// A text in two scripts, each with three words or more (`Pavlović, M. (2006). Божићни обичаји
/// Срба. Glasnik SANU`), is contested too, whatever its main script: the apparatus of a
/// citation (names, journal, `vol.`) is often in another language than the work. Its quoted
/// title (`“…”`, `«…»`, `„…“`, `"…"`) decides when it is enough to decide on; otherwise the
/// text outside its glosses, if that is in one script; otherwise nothing is tagged.
pub fn detect(text: &str) -> Detection {
    let (first, contested) = detect_once(text);
    let two_scripts = in_two_scripts(text);
    if !two_scripts && first.lang.is_some() {
        return first;
    }
    // A quoted title decides a citation in two scripts, and an entry undecided as a whole
    // (a Russian title described in Tatar: `“Ислам на европейском Востоке” энциклопедик
    // сүзлегендәге`).
    if two_scripts || !contested {
        if let Some(title) = quoted_title(text) {
            let by_title = detect_once(&title).0;
            if by_title.lang.is_some() {
                return Detection { lang: by_title.lang, script: first.script };
            }
        }
    }
    if !two_scripts && !contested {
        return first;
    }
    let outside = without_glosses(text).filter(|o| !in_two_scripts(o));
    match outside.map(|o| detect_once(&o).0).filter(|d| d.lang.is_some()) {
        Some(decided) => decided,
        None if two_scripts => Detection { lang: stated_language(text), script: first.script },
        None => first,
    }
}

/// The languages a citation may state in English (`(in Serbian)`, Wikipedia's and many
/// journals' way), with the script they are stated for.
const STATED: &[(&str, &str, Script)] = &[
    ("russian", "ru", Script::Cyrillic),
    ("ukrainian", "uk", Script::Cyrillic),
    ("belarusian", "be", Script::Cyrillic),
    ("bulgarian", "bg", Script::Cyrillic),
    ("serbian", "sr-Cyrl", Script::Cyrillic),
    ("macedonian", "mk", Script::Cyrillic),
    ("kazakh", "kk", Script::Cyrillic),
    ("kyrgyz", "ky", Script::Cyrillic),
    ("tajik", "tg", Script::Cyrillic),
    ("mongolian", "mn", Script::Cyrillic),
    ("tatar", "tt", Script::Cyrillic),
    ("bashkir", "ba", Script::Cyrillic),
    ("georgian", "ka", Script::Georgian),
    ("armenian", "hy", Script::Armenian),
    ("persian", "fa", Script::Arabic),
    ("greek", "el", Script::Greek),
];

/// The language a citation in two scripts states for itself (`(in Serbian)`), when its words
/// in that language's script (three or more) show no other language. Languages written in
/// two alphabets of the region (Uzbek, Azerbaijani) are not stated so: the statement does not
/// say which.
fn stated_language(text: &str) -> Option<LangTag> {
    let lower = text.to_lowercase();
    let (tag, script) = STATED.iter().find_map(|&(name, tag, script)| {
        ["(in ", "[in "]
            .iter()
            .any(|open| {
                lower.match_indices(open).any(|(i, _)| {
                    let rest = &lower[i + open.len()..];
                    rest.strip_prefix(name).is_some_and(|r| r.starts_with([')', ']']))
                })
            })
            .then_some((tag, script))
    })?;
    // The words of the stated script, alone: they must say the same or nothing.
    let own: Vec<&str> =
        text.split_whitespace().filter(|w| w.chars().filter_map(script_of).all(|s| s == script)).collect();
    let in_script = own.iter().filter(|w| w.chars().filter_map(script_of).count() >= 3).count();
    if in_script < 3 {
        return None;
    }
    match detect_once(&own.join(" ")).0.lang {
        Some(l) if l.as_str() != tag => None,
        _ => LangTag::parse(tag).ok(),
    }
}

/// True when `text` (outside its web addresses and its parenthesised glosses) has three
/// words or more of three letters or more in each of two scripts (a two-word original title
/// beside a romanised one, `Osmanlı Devleti'nin tarihi: تاريخ عثمانى`, is the same work
/// named twice).
fn in_two_scripts(text: &str) -> bool {
    // Most texts have the letters of one script only: nothing to count then.
    let mut scripts = text.chars().filter_map(script_of);
    let Some(first) = scripts.next() else { return false };
    if scripts.all(|s| s == first) {
        return false;
    }
    // A translation in parentheses or brackets (`Україна дипломатична (Diplomatic
    // Ukraine)`) is a gloss, not a second language of the work.
    let text = language_text(text);
    let text = without_groups(&text, ('(', ')'), 1).unwrap_or(text);
    let text = without_groups(&text, ('[', ']'), 1).unwrap_or(text);
    let mut per_script: Vec<(Script, usize)> = Vec::new();
    for w in text.split(|c: char| !c.is_alphabetic()) {
        // Roman numerals (`XIII–XVIII вв.`) are no Latin words.
        if w.chars().count() < 3 || w.chars().all(|c| "IVXLCDM".contains(c)) {
            continue;
        }
        // A word typed in two scripts (`jаhоn` with Cyrillic `а о`, Ossetian `таурæгътæ` with
        // the Latin `æ`) is one script's word with look-alike letters: it does not count.
        let Some(s) = w.chars().find_map(script_of) else { continue };
        if w.chars().filter_map(script_of).any(|o| o != s) {
            continue;
        }
        match per_script.iter_mut().find(|(k, _)| *k == s) {
            Some(slot) => slot.1 += 1,
            None => per_script.push((s, 1)),
        }
    }
    per_script.iter().filter(|(_, n)| *n >= 3).count() >= 2
}

/// The first quoted part of `text` with two words or more: the title of a work in most
/// citation styles.
fn quoted_title(text: &str) -> Option<String> {
    const QUOTES: [(char, char); 5] = [('“', '”'), ('«', '»'), ('„', '“'), ('"', '"'), ('„', '”')];
    QUOTES
        .iter()
        .filter_map(|&(open, close)| {
            let start = text.find(open)? + open.len_utf8();
            let end = text[start..].find(close)? + start;
            let inner = &text[start..end];
            (alphabetic_words(inner) >= 2).then_some((start, inner))
        })
        .min_by_key(|(start, _)| *start)
        .map(|(_, inner)| inner.to_string())
}

/// `text` without its parenthesised parts of three words or more, when there were some and
/// at least three words stand outside them.
fn without_glosses(text: &str) -> Option<String> {
    without_groups(text, ('(', ')'), 3).filter(|out| alphabetic_words(out) >= 3)
}

/// Detects the language of `text` once; says besides whether two languages contested it
/// (two scripts, or a Latin title beside its translation).
fn detect_once(text: &str) -> (Detection, bool) {
    let text = language_text(text);
    let (words, script) = words(&text);
    let letters: usize = words.iter().map(|w| w.chars().filter(|c| c.is_alphabetic()).count()).sum();
    let mut contested = script == Some(Script::Mixed);
    let lang = match script {
        _ if letters < 4 => None,
        Some(Script::Cyrillic) => {
            cyrillic::cyrillic(&words, &text, count_in(&words, IN_UK), count_in(&words, IN_RU))
        }
        Some(Script::Latin) => {
            let (lang, two) = latin::latin(&words, &text);
            contested = two;
            lang
        }
        // Scripts of one language among those our users cite (polytonic Greek may be
        // Ancient Greek: left untagged).
        Some(Script::Georgian) => Some("ka"),
        Some(Script::Armenian) => Some("hy"),
        Some(Script::Greek) if !text.chars().any(|c| ('\u{1F00}'..='\u{1FFF}').contains(&c)) => Some("el"),
        Some(Script::Arabic) => arabic::arabic(&text),
        Some(Script::Hebrew) => hebrew::hebrew(&text),
        // Kana are Japanese's alone (the Chinese characters among them are counted with them),
        // Hangul Korean's.
        Some(Script::Japanese) => Some("ja"),
        Some(Script::Hangul) => Some("ko"),
        Some(Script::Han) => han::han(&text),
        _ => None,
    };
    (
        Detection { lang: lang.map(|l| LangTag::parse(l).expect("built-in tags are well-formed")), script },
        contested,
    )
}

/// The script of most letters, or [`Script::Mixed`] when no script has 80 % of them.
pub fn main_script(text: &str) -> Option<Script> {
    let mut counts = ScriptCounts::default();
    for w in text.split_whitespace() {
        counts.add(&repair_word(w));
    }
    counts.main()
}

/// Letters counted per script (Latin, Cyrillic, other).
#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    /// Letters of Roman numerals (`XIII`, `XVIII`), counted in `latin` too.
    roman: usize,
    cyrillic: usize,
    other: [(Option<Script>, usize); 6],
}

/// True for a Roman numeral in capitals (`XIII`, `MCM`, `IV`), by its grammar: `CIVIL` is
/// none.
fn roman_numeral(word: &str) -> bool {
    let mut rest = word;
    if rest.is_empty() || !rest.bytes().all(|b| b"IVXLCDM".contains(&b)) {
        return false;
    }
    rest = rest.trim_start_matches('M');
    for (one, five, ten) in [('C', 'D', 'M'), ('X', 'L', 'C'), ('I', 'V', 'X')] {
        let nine: String = [one, ten].iter().collect();
        let four: String = [one, five].iter().collect();
        if let Some(r) = rest.strip_prefix(nine.as_str()).or_else(|| rest.strip_prefix(four.as_str())) {
            rest = r;
            continue;
        }
        rest = rest.strip_prefix(five).unwrap_or(rest);
        let ones = rest.len() - rest.trim_start_matches(one).len();
        if ones > 3 {
            return false;
        }
        rest = &rest[ones..];
    }
    rest.is_empty()
}

impl ScriptCounts {
    fn add(&mut self, word: &str) {
        if roman_numeral(word) {
            self.roman += word.len();
        }
        for c in word.chars() {
            match script_of(c) {
                Some(Script::Latin) => self.latin += 1,
                Some(Script::Cyrillic) => self.cyrillic += 1,
                Some(s) => {
                    if let Some(slot) = self.other.iter_mut().find(|(k, _)| *k == Some(s) || k.is_none()) {
                        *slot = (Some(s), slot.1 + 1);
                    }
                }
                None => {}
            }
        }
    }

    /// The script of most letters, or [`Script::Mixed`] when none has 80 % of them. Chinese
    /// characters among kana are Japanese text.
    fn main(&self) -> Option<Script> {
        // Roman numerals (`XIII-XVIII դարերի`) are the numbers of every script's text: they
        // count for Latin only in a text without letters of another script.
        let others = self.cyrillic + self.other.iter().map(|(_, n)| n).sum::<usize>();
        let latin = if others > 0 { self.latin.saturating_sub(self.roman) } else { self.latin };
        let mut all = vec![(Script::Latin, latin), (Script::Cyrillic, self.cyrillic)];
        all.extend(self.other.iter().filter_map(|(s, n)| s.map(|s| (s, *n))));
        if let Some(kana) = all.iter().position(|(s, _)| *s == Script::Japanese) {
            if let Some(han) = all.iter().position(|(s, _)| *s == Script::Han) {
                all[kana].1 += std::mem::take(&mut all[han].1);
            }
        }
        let total: usize = all.iter().map(|(_, n)| n).sum();
        let (main, n) = all.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
        if total == 0 {
            return None;
        }
        Some(if n * 5 >= total * 4 { main } else { Script::Mixed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast paths of [`lower`] give what Unicode's lowercasing gives, letter by letter,
    /// over Latin, Cyrillic and the Turkic letters (`I` and `İ` both `i`, `ı` kept).
    #[test]
    fn lower_agrees_with_unicode_except_for_the_dotted_and_dotless_i() {
        let reference = |w: &str| -> String {
            w.chars()
                .flat_map(|c| match c {
                    'I' | 'İ' => vec!['i'],
                    '\u{307}' => vec![],
                    _ => c.to_lowercase().collect(),
                })
                .collect()
        };
        let all: String = ('\u{20}'..='\u{24F}').chain('\u{400}'..='\u{52F}').collect();
        assert_eq!(lower(&all), reference(&all));
        for w in ["ISTORIYA", "Азərbaycan", "İstanbul", "ЁЖИК", "Iğdır", "Ǆemal"] {
            assert_eq!(lower(w), reference(w), "{w}");
        }
    }

    fn tag(s: &str) -> Option<String> {
        detect(s).lang.map(|l| l.to_string())
    }

    #[test]
    fn scripts_and_letters_decide_first() {
        assert_eq!(tag("Две республики. Азербайджано-российские отношения"), Some("ru".into()));
        assert_eq!(tag("Історія України та її державність"), Some("uk".into()));
        assert_eq!(tag("Азәрбајҹан тарихи"), Some("az-Cyrl".into()));
        assert_eq!(tag("Muxtariyyat ərəfəsində Naxçıvan"), Some("az-Latn".into()));
        assert_eq!(tag("Resulzade Hükümeti Dönemi ve Yaşanan Terör Olayları"), Some("tr".into()));
    }

    #[test]
    fn function_words_and_romanisation() {
        assert_eq!(tag("How Azerbaijan lost Zangezur"), Some("en".into()));
        assert_eq!(
            tag("K istorii obrazovaniia Nagorno-Karabakhskoi avtonomnoi oblasti"),
            Some("ru-Latn".into())
        );
        assert_eq!(tag("Gelecekteki catismanın temelleri iste bu sırada atıldı."), Some("tr".into()));
    }

    #[test]
    fn no_evidence_no_tag() {
        assert_eq!(tag("Zangezur, Nakhchivan, Karabakh"), None);
        assert_eq!(tag("https://cyberleninka.ru/article/n/sovetskaya-rossiya"), None);
        assert_eq!(tag("1920"), None);
    }

    #[test]
    fn other_languages_are_never_taken_for_ours() {
        // Once `tr` (the Turkish `de`) and `az-Latn` (the Turkic `ü`).
        assert_eq!(tag("Histoire de la Transcaucasie pendant la guerre civile"), Some("fr".into()));
        assert_eq!(tag("Geschichte der Türkei und des Kaukasus im Ersten Weltkrieg"), Some("de".into()));
        assert_eq!(tag("Die Armenier und die Türken über die Grenze"), Some("de".into()));
        assert_eq!(tag("Polityka wschodnia Polski w latach 1918–1921"), Some("pl".into()));
        for t in ["La question arménienne", "Der Kaukasus", "Über den Kaukasus"] {
            let got = tag(t);
            assert!(
                got.is_none() || got.as_deref() == Some("fr") || got.as_deref() == Some("de"),
                "{t}: {got:?}"
            );
        }
        assert_eq!(tag("საქართველოს ისტორია"), Some("ka".into()));
        assert_eq!(tag("Հայաստանի պատմություն"), Some("hy".into()));
        assert_eq!(tag("Ἱστορία τοῦ πολέμου"), None);
    }

    #[test]
    fn letters_that_are_not_words_are_not_read_as_words() {
        // A page (`s 12`), letter-spaced capitals, an abbreviation glued after a hyphen.
        assert_eq!(tag("(Yıldız, 1999, s 45-50)"), None);
        assert_eq!(tag("THE HISTORY OF THE NATIONS O F T H E C A U C A S U S"), Some("en".into()));
        assert_eq!(tag("ТРУДЫ ЛЕНИНГР. УН-ТА"), Some("ru".into()));
        assert_eq!(tag("K istorii Kavkaza"), Some("ru-Latn".into()));
    }

    #[test]
    fn a_citation_in_two_scripts_is_decided_by_its_title_or_not_at_all() {
        // The apparatus in English, the title in Serbian: not English; the citation says
        // its language, and its Cyrillic words agree.
        assert_eq!(
            tag("Pavlović, Mirjana (2006). Божићни обичаји Срба у Темишвару. Glasnik Etnografskog instituta SANU (in Serbian). 54 (1)."),
            Some("sr-Cyrl".into())
        );
        // Without the statement, nothing.
        assert_eq!(tag("Pavlović, Mirjana (2006). Божићни обичаји Срба у Темишвару. Glasnik Etnografskog instituta SANU. 54 (1)."), None);
        // A quoted title decides.
        assert_eq!(
            tag("Usmonov, Aslam. «Ўзбек тилида боғловчиларнинг тарихий тараққиёти». FILOLOGIYA UFQLARI JURNALI 8, no. 8 (2022)."),
            Some("uz-Cyrl".into())
        );
        assert_eq!(
            tag("Askarova, A. «Основные тенденции русскоязычной литературы Казахстана». Вестник КазНУ. Серия филологическая, 2019."),
            Some("ru".into())
        );
        // A gloss in the other script does not make two languages of an English title.
        assert_eq!(
            tag("Alimova D (2017) The history of Tashkent from the ancient times to today (In Russian: История Ташкента с древнейших времен)"),
            Some("en".into())
        );
    }

    /// Issue 24's five entries, each once tagged wrong (`uk`, `ru`, `ru`, `az-Cyrl`, `ru`):
    /// each gets its own language, alone and inside a citation.
    #[test]
    fn the_issue_entries_get_their_own_language() {
        for (entry, want) in [
            ("Гісторыя Беларусі. Мінск, 2004", "be"),
            ("Қазақстан тарихы. Алматы: Атамұра, 2010", "kk"),
            ("История на България. София: БАН, 1991", "bg"),
            ("Историја Србије. Београд: Завод за уџбенике, 1990", "sr-Cyrl"),
            ("Ўзбекистон тарихи. Тошкент: Шарқ, 2000", "uz-Cyrl"),
        ] {
            assert_eq!(tag(entry).as_deref(), Some(want), "{entry}");
            let cited = format!("Иванов И. {entry}. 320 с.");
            let got = tag(&cited);
            assert!(got.is_none() || got.as_deref() == Some(want), "{cited}: {got:?}");
        }
    }

    /// A quoted title decides an entry its other words leave undecided (a Russian title
    /// described in Tatar).
    #[test]
    fn a_quoted_title_decides_an_undecided_entry() {
        assert_eq!(tag("“Русские летописи” хакында мәкалә"), Some("ru".into()));
        assert_eq!(tag("Мөкатдәс хәзинә"), None);
    }

    /// A citation in two scripts that states its language (`(in Serbian)`) is tagged so when
    /// its words in that script show nothing else; a statement they contradict is not taken.
    #[test]
    fn a_stated_language_decides_a_citation_in_two_scripts() {
        assert_eq!(
            tag("Petrović, Marko (1999). Пјесме и приче о јунацима. Zbornik radova (in Serbian). Novi Sad."),
            Some("sr-Cyrl".into())
        );
        assert_eq!(
            tag("Ivanenko, Petro (2001). Історія України та її державність. Kyiv Studies (in Russian)."),
            None
        );
        // A gloss after `In Russian:` is no statement of the entry's language.
        assert_eq!(
            tag("Karimov B (2011) The markets of old Bukhara (In Russian: Рынки старой Бухары)"),
            Some("en".into())
        );
    }

    /// Roman numerals are no Latin words beside another script's letters.
    #[test]
    fn roman_numerals_do_not_make_a_text_latin() {
        assert!(roman_numeral("XVIII") && roman_numeral("MCMXC") && roman_numeral("IV"));
        assert!(
            !roman_numeral("CIVIL") && !roman_numeral("IIII") && !roman_numeral("VX") && !roman_numeral("")
        );
        assert_eq!(tag("XIV-XVII դարերի հայ գրականություն"), Some("hy".into()));
        assert_eq!(tag("XIV-XVII საუკუნეების ისტორია"), Some("ka".into()));
        assert_eq!(tag("CIVIL WAR IN THE CAUCASUS"), Some("en".into()));
    }

    #[test]
    fn a_lone_ukrainian_initial_does_not_make_russian_ukrainian() {
        assert_eq!(tag("Киреев, І. Армяне в истории"), Some("ru".into()));
    }
}
