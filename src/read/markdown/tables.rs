//! pandoc's simple, multiline and grid tables, which CommonMark does not read: their rule
//! lines (`------- ------`, `+----+----+`) would become thematic breaks (section breaks) or
//! plain text without a word. The model has no tables yet, so the rules are blanked before
//! parsing (offsets kept), the cells are kept as text, and each table is reported once.

/// Spots the rule lines of pandoc tables, line by line.
#[derive(Default)]
pub(super) struct TableSpotter {
    /// Whether the lines since the last rule belong to a table.
    in_table: bool,
    /// Whether the previous line was blank.
    after_blank: bool,
}

/// What a line is to a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TableLine {
    /// Not a table's rule.
    Other,
    /// A rule of a table already reported.
    Rule,
    /// The first rule of a table: report it.
    Start,
}

impl TableSpotter {
    /// Classifies `line`; `next` gives the lines after it (for a lone top border, which is a
    /// table's only when a column rule follows before a blank line).
    pub fn line<'a>(&mut self, line: &str, mut next: impl Iterator<Item = &'a str>) -> TableLine {
        let blank = line.trim().is_empty();
        let after_blank = std::mem::replace(&mut self.after_blank, blank);
        if blank {
            return TableLine::Other;
        }
        let starts_text = !line.starts_with([' ', '\t']) && !is_rule(line);
        if after_blank && starts_text && !line.starts_with(':') {
            self.in_table = false;
        }
        let table_rule = is_column_rule(line)
            || is_grid_rule(line)
            || is_rule(line)
                && (self.in_table
                    || next.by_ref().take(4).take_while(|l| !l.trim().is_empty()).any(is_column_rule));
        if !table_rule {
            return TableLine::Other;
        }
        if std::mem::replace(&mut self.in_table, true) {
            TableLine::Rule
        } else {
            TableLine::Start
        }
    }
}

/// A full line of dashes (a multiline table's top or bottom border, or a thematic break).
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// Two or more groups of three or more dashes (or `=`), separated by spaces: the rule
/// under a simple table's header, or around a headerless one.
fn is_column_rule(line: &str) -> bool {
    let groups: Vec<&str> = line.split_whitespace().collect();
    groups.len() >= 2 && groups.iter().all(|g| g.len() >= 3 && g.bytes().all(|b| b == b'-' || b == b'='))
}

/// A grid table's rule: `+---+:==+`.
fn is_grid_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
        && t.contains('-') | t.contains('=')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TableLine> {
        let lines: Vec<&str> = text.lines().collect();
        let mut s = TableSpotter::default();
        (0..lines.len()).map(|i| s.line(lines[i], lines[i + 1..].iter().copied())).collect()
    }

    #[test]
    fn simple_multiline_and_grid_tables_are_spotted_once_each() {
        use TableLine::*;
        let simple = "  Right Left\n------- ------\n     12 12\n\nAfter.";
        assert_eq!(kinds(simple), [Other, Start, Other, Other, Other]);
        let multi = "  ---------------\n   Centered Left\n  -------- ------\n   First row\n  ---------------\n\nAfter.";
        assert_eq!(kinds(multi), [Start, Other, Rule, Other, Rule, Other, Other]);
        let grid = "+---+---+\n| a | b |\n+===+===+\n| 1 | 2 |\n+---+---+";
        assert_eq!(kinds(grid), [Start, Other, Rule, Other, Rule]);
    }

    #[test]
    fn thematic_breaks_are_not_tables() {
        use TableLine::*;
        assert_eq!(kinds("Text.\n\n-----\n\nMore.\n\n- - -\n\n***"), [Other; 9]);
        assert_eq!(kinds("Title\n-----\n\nText."), [Other; 4]);
    }
}
