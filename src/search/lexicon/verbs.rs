//! `data/verbs.toml`: Dutch verb forms with their lemma (*sloeg, geslagen* → *slaan*), applied
//! to every word before stemming, in the index and in queries.
//!
//! The file is generated (scripts/gen_verbs.py) as lines `lemma = ["form", …]` under `[strong]`
//! and `[weak]`; it is read line by line (no TOML parser at start-up: it has thousands of forms).

use super::verb_line::parse_line;
use crate::diag::{Diagnostic, Pos, msg};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Form → lemma, borrowed from the file's text (the embedded one lives as long as the process:
/// no string is copied at start-up).
pub type Lemmas<'a> = HashMap<&'a str, &'a str>;

/// Parses the file; every problem (a bad line, a form under two lemmas) becomes a diagnostic.
pub fn parse<'a>(path: &str, text: &'a str, diags: &mut Vec<Diagnostic>) -> Lemmas<'a> {
    // About 20,000 forms: the map is sized once.
    let mut map = Lemmas::with_capacity(text.len() / 12);
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
            match map.entry(form) {
                Entry::Occupied(_) => diags.push(Diagnostic::error(
                    path,
                    pos,
                    "duplicate-verb-form",
                    msg("diag.duplicate-verb-form")
                        .arg("form", form)
                        .arg("line", first_line_with(text, form)),
                )),
                Entry::Vacant(v) => {
                    v.insert(lemma);
                }
            }
        }
    }
    map
}

/// The first line that lists `form` (only looked up for a mistake, so the common path keeps no
/// line per form).
fn first_line_with(text: &str, form: &str) -> usize {
    text.lines()
        .position(|l| parse_line(l.trim()).is_some_and(|(_, forms)| forms.contains(&form)))
        .map_or(1, |n| n + 1)
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
        assert_eq!(m.get("geslagen").copied(), Some("slaan"));
        assert_eq!(m.get("sloeg").copied(), Some("slaan"));
        let lines: Vec<(usize, &str)> = d.iter().map(|x| (x.line, x.code)).collect();
        assert_eq!(
            lines,
            vec![(4, "bad-verb-line"), (5, "duplicate-verb-form")]
        );
    }
}
