//! `data/verbs.toml`: Dutch verb forms with their lemma (*sloeg, geslagen* → *slaan*), applied
//! to every word before stemming, in the index and in queries.
//!
//! The file is generated (scripts/gen_verbs.py) as lines `lemma = ["form", …]` under `[strong]`
//! and `[weak]`; it is read line by line (no TOML parser at start-up: it has thousands of forms).

use crate::diag::{Diagnostic, Pos, msg};
use std::collections::HashMap;

/// Form → lemma.
pub type Lemmas = HashMap<String, String>;

/// Parses the file; every problem (a bad line, a form under two lemmas) becomes a diagnostic.
pub fn parse(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Lemmas {
    let mut map = Lemmas::new();
    let mut line_of: HashMap<String, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "[strong]" || line == "[weak]" {
            continue;
        }
        let pos = Pos {
            line: line_no,
            column: 1,
        };
        let Some((lemma, forms)) = parse_line(line) else {
            diags.push(
                Diagnostic::error(path, pos, "bad-verb-line", msg("diag.bad-verb-line"))
                    .with_hint(msg("diag.bad-verb-line_hint")),
            );
            continue;
        };
        for form in forms {
            if let Some(first) = line_of.get(&form) {
                diags.push(Diagnostic::error(
                    path,
                    pos,
                    "duplicate-verb-form",
                    msg("diag.duplicate-verb-form")
                        .arg("form", &form)
                        .arg("line", first),
                ));
                continue;
            }
            line_of.insert(form.clone(), line_no);
            map.insert(form, lemma.to_owned());
        }
    }
    map
}

fn parse_line(line: &str) -> Option<(&str, Vec<String>)> {
    let (lemma, rest) = line.split_once(" = ")?;
    let list = rest.strip_prefix('[')?.strip_suffix(']')?;
    let word_ok = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic());
    if !word_ok(lemma) {
        return None;
    }
    let mut forms = Vec::new();
    for item in list.split(',') {
        let w = item.trim().strip_prefix('"')?.strip_suffix('"')?;
        if !word_ok(w) {
            return None;
        }
        forms.push(w.to_owned());
    }
    Some((lemma, forms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_forms_and_mistakes_are_reported_with_their_line() {
        let mut d = Vec::new();
        let m = parse(
            "data/verbs.toml",
            "# c\n[strong]\nslaan = [\"sloeg\", \"geslagen\"]\nbad line\nzien = [\"sloeg\"]\n",
            &mut d,
        );
        assert_eq!(m.get("geslagen").map(String::as_str), Some("slaan"));
        assert_eq!(m.get("sloeg").map(String::as_str), Some("slaan"));
        let lines: Vec<(usize, &str)> = d.iter().map(|x| (x.line, x.code)).collect();
        assert_eq!(
            lines,
            vec![(4, "bad-verb-line"), (5, "duplicate-verb-form")]
        );
    }
}
