//! `data/verbs.toml`: Dutch verb forms with their lemma (*sloeg, geslagen* → *slaan*), applied
//! to every word before stemming, in the index and in queries.
//!
//! The file is generated (scripts/gen_verbs.py) as lines `lemma = ["form", …]` under `[strong]`
//! and `[weak]`. The binary has the table `build.rs` makes of it (forms sorted, problems listed:
//! see `lexicon::check`); [`parse`] reads the file itself, line by line, for the tests that hold
//! the two equal.

#[cfg(test)]
use super::verb_line::parse_line;
use crate::diag::{Diagnostic, Pos, msg};
#[cfg(test)]
use std::collections::{HashMap, hash_map::Entry};

/// Form → lemma, borrowed from the file's text.
#[cfg(test)]
pub type Lemmas<'a> = HashMap<&'a str, &'a str>;

/// Parses the file; every problem (a bad line, a form under two lemmas) becomes a diagnostic.
/// (The binary has the table `build.rs` made instead: tests hold the two equal.)
#[cfg(test)]
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
            diags.push(problem(path, pos.line, None));
            continue;
        };
        for form in forms {
            match map.entry(form) {
                Entry::Occupied(_) => {
                    let first = first_line_with(text, form);
                    diags.push(problem(path, pos.line, Some((form, first))));
                }
                Entry::Vacant(v) => {
                    v.insert(lemma);
                }
            }
        }
    }
    map
}

/// A problem on a line of the file: a bad line, or (with the form and the line of its first
/// listing) a form listed twice. `build.rs` finds the same problems for the binary's table.
pub fn problem(path: &str, line: usize, twice: Option<(&str, usize)>) -> Diagnostic {
    let pos = Pos { line, column: 1 };
    match twice {
        None => Diagnostic::error(path, pos, "bad-verb-line", msg("diag.bad-verb-line"))
            .with_hint(msg("diag.bad-verb-line_hint")),
        Some((form, first)) => Diagnostic::error(
            path,
            pos,
            "duplicate-verb-form",
            msg("diag.duplicate-verb-form")
                .arg("form", form)
                .arg("line", first),
        ),
    }
}

/// The first line that lists `form` (only looked up for a mistake, so the common path keeps no
/// line per form).
#[cfg(test)]
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
