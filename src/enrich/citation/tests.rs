use super::*;

fn fields(raw: &str) -> Vec<(&'static str, String)> {
    let f = parse(raw, &[]);
    let get = |s: Option<Span>| s.map(|s| raw[s.start..s.end].to_string());
    let mut out = vec![("kind", format!("{:?}", f.kind))];
    for a in &f.authors {
        out.push(("author", raw[a.start..a.end].to_string()));
    }
    for (name, s) in [
        ("title", f.title),
        ("container", f.container),
        ("place", f.place),
        ("publisher", f.publisher),
        ("year", f.year),
        ("volume", f.volume),
        ("issue", f.issue),
        ("pages", f.pages),
        ("url", f.url),
        ("doi", f.doi),
    ] {
        if let Some(v) = get(s) {
            out.push((name, v));
        }
    }
    out
}

fn has(raw: &str, expected: &[(&str, &str)]) {
    let got = fields(raw);
    for (k, v) in expected {
        assert!(got.iter().any(|(gk, gv)| gk == k && gv == v), "{raw}\n missing {k} = {v}\n got {got:#?}");
    }
}

#[test]
fn example_style_book() {
    has(
        "Musaev,İsmayil., \"Azərbaycanın Naxçıvan və Zəngəzur bölgələrində siyasi vəziyyət (1917-1921-ci illər)\"., (Bakı, 1996)., s.301.",
        &[("kind", "Some(Book)"), ("author", "Musaev,İsmayil"), ("place", "Bakı"), ("year", "1996"), ("pages", "301")],
    );
}

#[test]
fn example_style_article() {
    has(
        "Shikhaliyev, Emin. \"Britain's Armenian policy in the South Caucasus (1917-1920)\"., IRS-Heritage 1,no.29(2016).,26-33.",
        &[
            ("kind", "Some(Article)"),
            ("author", "Shikhaliyev, Emin"),
            ("title", "Britain's Armenian policy in the South Caucasus (1917-1920)"),
            ("container", "IRS-Heritage"),
            ("volume", "1"),
            ("issue", "29"),
            ("year", "2016"),
            ("pages", "26-33"),
        ],
    );
}

#[test]
fn gost_book_and_article() {
    has(
        "Иванов И. И. Армяно-азербайджанский конфликт. — М.: Наука, 2006. — 221 с.",
        &[
            ("kind", "Some(Book)"),
            ("author", "Иванов И. И."),
            ("title", "Армяно-азербайджанский конфликт"),
            ("place", "М."),
            ("publisher", "Наука"),
            ("year", "2006"),
            ("pages", "221"),
        ],
    );
    has(
        "Петров П. П. Название статьи // Вопросы истории. — 2001. — № 5. — С. 34–51.",
        &[
            ("kind", "Some(Article)"),
            ("container", "Вопросы истории"),
            ("year", "2001"),
            ("issue", "5"),
            ("pages", "34–51"),
        ],
    );
}

#[test]
fn chicago_article_with_doi() {
    has(
        "Doe, Jane. \"Article Title.\" Journal of Caucasus Studies 12, no. 3 (2005): 45–67. https://doi.org/10.1234/abc.5",
        &[
            ("title", "Article Title"),
            ("container", "Journal of Caucasus Studies"),
            ("volume", "12"),
            ("issue", "3"),
            ("year", "2005"),
            ("pages", "45–67"),
            ("url", "https://doi.org/10.1234/abc.5"),
            ("doi", "10.1234/abc.5"),
        ],
    );
}

#[test]
fn chicago_and_turkish_books() {
    has(
        "Smith, John. Title of Book. London: Routledge, 2010.",
        &[("title", "Title of Book"), ("place", "London"), ("publisher", "Routledge"), ("year", "2010")],
    );
    has(
        "Tellioğlu, İbrahim. Osmanlı Hâkimiyetinde Azerbaycan. İstanbul: Ötüken Neşriyat, 2004.",
        &[("author", "Tellioğlu, İbrahim"), ("place", "İstanbul"), ("publisher", "Ötüken Neşriyat")],
    );
}

#[test]
fn web_page() {
    has(
        "Мустафаева Ситара., \"Советская Россия и формирование границ\"., https://cyberleninka.ru/article/n/sovetskaya.",
        &[("kind", "Some(Web)"), ("url", "https://cyberleninka.ru/article/n/sovetskaya")],
    );
}

#[test]
fn a_thesis_followed_by_a_dash_range_does_not_cut_a_character() {
    // Found by fuzzing: `…, 420–429` after the institution put a byte cut inside `–`.
    let f = parse("Smith, J. PhD diss., University of Chicago, 420–429, more.", &[]);
    assert_eq!(f.publisher.map(|_| ()), None);
}

#[test]
fn a_place_with_an_empty_publisher_before_the_year_parses() {
    // Found by fuzzing: `"G: ,1999` made a publisher span that ended before it began.
    let f = parse("^5\"G: ,1999", &[]);
    assert!(f.publisher.is_none());
}

/// Letters whose lowercase is longer than they are (`Ⱥ` → `ⱥ`, two bytes to three) before an
/// address once moved its offset inside the next character: a panic on hostile input.
#[test]
fn an_address_after_letters_that_lengthen_when_lowercased() {
    let raw = "ȺȺȺȺȺwww.é Foo, Bar. 1999.";
    let f = parse(raw, &[]);
    assert_eq!(f.url.map(|s| &raw[s.start..s.end]), Some("www.é"));
    let raw = "See WWW.Example.ORG/page. 2001.";
    assert_eq!(parse(raw, &[]).url.map(|s| &raw[s.start..s.end]), Some("WWW.Example.ORG/page"));
}

/// `Title. Place, Year.` closing an entry is a book's imprint, not a journal and its year;
/// Georgian (no capitals) opens its authors, titles and places as other scripts do.
#[test]
fn place_and_year_at_the_end_are_an_imprint_in_any_script() {
    has(
        "Авалов З. Независимость Грузии в международной политике 1918–1921 гг. Париж, 1924.",
        &[("kind", "Some(Book)"), ("author", "Авалов З."), ("place", "Париж"), ("year", "1924")],
    );
    has(
        "ჯავახიშვილი ივ. ქართველი ერის ისტორია. თბილისი: მეცნიერება, 1960.",
        &[
            ("kind", "Some(Book)"),
            ("author", "ჯავახიშვილი ივ."),
            ("title", "ქართველი ერის ისტორია"),
            ("place", "თბილისი"),
            ("publisher", "მეცნიერება"),
            ("year", "1960"),
        ],
    );
}
