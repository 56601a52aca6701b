//! Writer for colophon's JSON form of the model (pretty, stable key order, final newline).

use crate::model::Document;

/// Serialises `doc` as pretty JSON, with byte spans kept on one line (`[14, 20]`).
pub fn write(doc: &Document) -> String {
    let pretty = serde_json::to_string_pretty(doc).expect("the model always serialises");
    let mut s = inline_number_pairs(&pretty);
    s.push('\n');
    s
}

/// Rewrites every array of exactly two integers that the pretty printer spread over four
/// lines as `[a, b]`. Safe on any JSON: strings never contain a raw line break.
fn inline_number_pairs(pretty: &str) -> String {
    let lines: Vec<&str> = pretty.split('\n').collect();
    let mut out = String::with_capacity(pretty.len());
    let mut i = 0;
    let is_int = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    while i < lines.len() {
        let line = lines[i];
        if line.ends_with('[') && i + 3 < lines.len() {
            let (a, b, close) = (lines[i + 1].trim(), lines[i + 2].trim(), lines[i + 3].trim_start());
            if a.strip_suffix(',').is_some_and(is_int) && is_int(b) && (close == "]" || close == "],") {
                out.push_str(line);
                out.push_str(a);
                out.push(' ');
                out.push_str(b);
                out.push_str(close);
                out.push('\n');
                i += 4;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_of_numbers_go_on_one_line_and_stay_valid_json() {
        let v =
            serde_json::json!({"span": [14, 20], "list": [1, 2, 3], "text": "[\n1,\n2\n]", "n": [[0, 1]]});
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        let out = inline_number_pairs(&pretty);
        assert!(out.contains("\"span\": [14, 20]"), "{out}");
        assert!(out.contains("[0, 1]"), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }
}
