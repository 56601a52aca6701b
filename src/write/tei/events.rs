//! Mixed content as a flat list of events, so that markup from two sources (the inline tree
//! and the byte spans of parsed fields) can be merged before it is written, and written
//! only when it nests.

/// Attributes of an element, in writing order.
pub type Attrs = Vec<(&'static str, String)>;

/// One event of mixed content.
#[derive(Debug, Clone, PartialEq)]
pub enum Ev {
    /// An element opens, with its attributes.
    Start(&'static str, Attrs),
    /// The innermost open element closes.
    End,
    /// Character data (not yet escaped).
    Text(String),
    /// An XML comment (its text holds no `--`).
    Comment(String),
}

/// A flat run of events with the plain-text offset of each.
#[derive(Debug, Default)]
pub struct Events {
    /// The events in document order.
    pub evs: Vec<Ev>,
}

impl Events {
    /// Appends an element start.
    pub fn start(&mut self, name: &'static str, attrs: Attrs) {
        self.evs.push(Ev::Start(name, attrs));
    }

    /// Appends the end of the innermost open element.
    pub fn end(&mut self) {
        self.evs.push(Ev::End);
    }

    /// Appends text (empty text is skipped).
    pub fn text(&mut self, t: &str) {
        if !t.is_empty() {
            self.evs.push(Ev::Text(t.to_string()));
        }
    }

    /// Appends an XML comment; `--` in `text` is written `- -` (XML forbids it there).
    pub fn comment(&mut self, text: &str) {
        self.evs.push(Ev::Comment(text.replace("--", "- -")));
    }

    /// Appends `inner` wrapped in one element.
    pub fn wrap(&mut self, name: &'static str, attrs: Attrs, inner: &str) {
        self.start(name, attrs);
        self.text(inner);
        self.end();
    }

    /// Splits a text event so that plain-text offset `at` falls between events; returns
    /// false when `at` is beyond the text or inside a character.
    fn split_at(&mut self, at: usize) -> bool {
        let mut pos = 0;
        for i in 0..self.evs.len() {
            if let Ev::Text(t) = &self.evs[i] {
                if pos < at && at < pos + t.len() {
                    if !t.is_char_boundary(at - pos) {
                        return false;
                    }
                    let (a, b) = t.split_at(at - pos);
                    let (a, b) = (a.to_string(), b.to_string());
                    self.evs[i] = Ev::Text(a);
                    self.evs.insert(i + 1, Ev::Text(b));
                    return true;
                }
                pos += t.len();
            }
        }
        pos >= at
    }

    /// Every event index whose preceding text adds up to exactly `at`.
    fn indices_at(&self, at: usize) -> Vec<usize> {
        let mut pos = 0;
        let mut out = Vec::new();
        for (i, e) in self.evs.iter().enumerate() {
            if pos == at {
                out.push(i);
            }
            if let Ev::Text(t) = e {
                pos += t.len();
            }
            if pos > at {
                return out;
            }
        }
        if pos == at {
            out.push(self.evs.len());
        }
        out
    }

    /// Wraps the plain-text range `start..end` in a new element, as deep as it nests; returns
    /// false (and changes nothing) when no placement nests.
    pub fn wrap_range(&mut self, start: usize, end: usize, name: &'static str, attrs: Attrs) -> bool {
        if start >= end {
            return false;
        }
        let saved = self.evs.clone();
        if !(self.split_at(start) && self.split_at(end)) {
            self.evs = saved;
            return false;
        }
        let (starts, ends) = (self.indices_at(start), self.indices_at(end));
        // The innermost placement: the latest start and the earliest end that balance.
        for &i in starts.iter().rev() {
            for &j in &ends {
                if j >= i
                    && balanced(&self.evs[i..j])
                    && self.evs[i..j].iter().any(|e| matches!(e, Ev::Text(_)))
                {
                    self.evs.insert(j, Ev::End);
                    self.evs.insert(i, Ev::Start(name, attrs));
                    return true;
                }
            }
        }
        self.evs = saved;
        false
    }
}

/// True when every start in `evs` has its end inside `evs` and no end closes an element
/// opened before.
fn balanced(evs: &[Ev]) -> bool {
    let mut depth = 0i32;
    for e in evs {
        match e {
            Ev::Start(..) => depth += 1,
            Ev::End => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            Ev::Text(_) | Ev::Comment(_) => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(e: &Events) -> String {
        let mut s = String::new();
        let mut stack = Vec::new();
        for ev in &e.evs {
            match ev {
                Ev::Start(n, _) => {
                    s.push_str(&format!("<{n}>"));
                    stack.push(*n);
                }
                Ev::End => s.push_str(&format!("</{}>", stack.pop().unwrap())),
                Ev::Text(t) => s.push_str(t),
                Ev::Comment(c) => s.push_str(&format!("<!--{c}-->")),
            }
        }
        s
    }

    #[test]
    fn ranges_nest_or_are_refused() {
        let mut e = Events::default();
        e.text("ab ");
        e.start("hi", vec![]);
        e.text("cd");
        e.end();
        e.text(" ef");
        assert!(e.wrap_range(3, 5, "title", vec![]));
        assert_eq!(render(&e), "ab <hi><title>cd</title></hi> ef");
        assert!(e.wrap_range(0, 2, "author", vec![]));
        assert!(!e.wrap_range(1, 4, "x", vec![]), "crosses the start of hi");
        assert_eq!(render(&e), "<author>ab</author> <hi><title>cd</title></hi> ef");
        assert!(e.wrap_range(3, 8, "y", vec![]));
        assert_eq!(render(&e), "<author>ab</author> <y><hi><title>cd</title></hi> ef</y>");
    }
}
