//! The lexicons search reads from `data/`, embedded in the binary and checked by `plein check`:
//!
//! - `verbs.toml`: verb forms → lemma ([`verbs`]), applied before stemming;
//! - `lexicon.toml`: the words people use for each theme (street words, English) and the words
//!   that ask for help ([`words`]);
//! - `crisis.toml`: crisis signals by kind and the help each kind gets (`super::crisis`).
//!
//! They are part of plein, not of a corpus: a partner corpus gets the same understanding of
//! Dutch and the same crisis card.

#[cfg(test)]
mod verb_line;
pub mod verbs;
pub mod words;

use crate::diag::Diagnostic;

/// The verb table `build.rs` makes of `data/verbs.toml`: `TEXT` holds every form and lemma,
/// `FORMS` is sorted by form, each entry (form offset, form length, lemma offset, lemma length)
/// in `TEXT`. Offsets, not `&str`s: a table of 20,000 pointers would be 20,000 relocations for
/// the loader at every start.
mod table {
    include!(concat!(env!("OUT_DIR"), "/verbs.rs"));
}

/// The verb file, as (path for messages, text): only tests read its text; the binary has the
/// table `build.rs` made of it, with its problems.
#[cfg(test)]
pub const VERBS: (&str, &str) = ("data/verbs.toml", include_str!("../../../data/verbs.toml"));
/// Where the verb table comes from, for messages.
const VERBS_PATH: &str = "data/verbs.toml";
/// The embedded files, as (path for messages, text).
pub const WORDS: (&str, &str) = (
    "data/lexicon.toml",
    include_str!("../../../data/lexicon.toml"),
);
/// See [`WORDS`].
pub const CRISIS: (&str, &str) = (
    "data/crisis.toml",
    include_str!("../../../data/crisis.toml"),
);

/// The lemma of a folded word when it is a known verb form (a binary search in the table made
/// at build time: no process parses the 20,000 forms).
pub fn lemma(word: &str) -> Option<&'static str> {
    let text = |off: u32, len: u8| &table::TEXT[off as usize..off as usize + usize::from(len)];
    let i = table::FORMS
        .binary_search_by(|&(off, len, _, _)| text(off, len).cmp(word))
        .ok()?;
    let (_, _, off, len) = table::FORMS[i];
    Some(text(off, len))
}

/// Every problem in the embedded lexicons, checked against the theme slugs and resource ids
/// given (those of the bundled corpus, which the crisis card names).
pub fn check(themes: &[&str], resources: &[&str]) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = table::PROBLEMS
        .iter()
        .map(|&(line, form, first)| {
            verbs::problem(
                VERBS_PATH,
                line,
                (!form.is_empty()).then_some((form, first)),
            )
        })
        .collect();
    words::parse(WORDS.0, WORDS.1, themes, &mut diags);
    super::crisis::parse(CRISIS.0, CRISIS.1, Some(resources), &mut diags);
    diags
}

#[cfg(test)]
mod tests {
    /// The table made at build time says what the file says, form for form.
    #[test]
    fn the_built_verb_table_matches_the_file() {
        let parsed = super::verbs::parse(super::VERBS.0, super::VERBS.1, &mut Vec::new());
        assert!(parsed.len() > 10_000);
        assert_eq!(super::table::FORMS.len(), parsed.len());
        for (form, lemma) in &parsed {
            assert_eq!(super::lemma(form), Some(*lemma), "{form}");
        }
        assert_eq!(super::lemma("sloeg"), Some("slaan"));
        assert_eq!(super::lemma("zzz"), None);
        // The problems build.rs found are those of the file, line for line.
        let mut d = Vec::new();
        super::verbs::parse(super::VERBS.0, super::VERBS.1, &mut d);
        let from_file: Vec<(usize, &str)> = d.iter().map(|x| (x.line, x.code)).collect();
        let from_table: Vec<(usize, &str)> = super::check(&[], &[])
            .iter()
            .filter(|x| x.path == super::VERBS_PATH)
            .map(|x| (x.line, x.code))
            .collect();
        assert_eq!(from_file, from_table);
    }
}
