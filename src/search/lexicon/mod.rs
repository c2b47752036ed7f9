//! The lexicons search reads from `data/`, embedded in the binary and checked by `plein check`:
//!
//! - `verbs.toml`: verb forms → lemma ([`verbs`]), applied before stemming;
//! - `lexicon.toml`: the words people use for each theme (street words, English) and the words
//!   that ask for help ([`words`]);
//! - `crisis.toml`: crisis signals by kind and the help each kind gets (`super::crisis`).
//!
//! They are part of plein, not of a corpus: a partner corpus gets the same understanding of
//! Dutch and the same crisis card.

pub mod verbs;
pub mod words;

use crate::diag::Diagnostic;
use std::sync::OnceLock;

/// The embedded files, as (path for messages, text).
pub const VERBS: (&str, &str) = ("data/verbs.toml", include_str!("../../../data/verbs.toml"));
/// See [`VERBS`].
pub const WORDS: (&str, &str) = (
    "data/lexicon.toml",
    include_str!("../../../data/lexicon.toml"),
);
/// See [`VERBS`].
pub const CRISIS: (&str, &str) = (
    "data/crisis.toml",
    include_str!("../../../data/crisis.toml"),
);

/// Form → lemma for every verb form in `data/verbs.toml` (parsed once per process).
pub fn lemmas() -> &'static verbs::Lemmas<'static> {
    static L: OnceLock<verbs::Lemmas<'static>> = OnceLock::new();
    L.get_or_init(|| verbs::parse(VERBS.0, VERBS.1, &mut Vec::new()))
}

/// The lemma of a folded word when it is a known verb form.
pub fn lemma(word: &str) -> Option<&'static str> {
    lemmas().get(word).copied()
}

/// Every problem in the embedded lexicons, checked against the theme slugs and resource ids
/// given (those of the bundled corpus, which the crisis card names).
pub fn check(themes: &[&str], resources: &[&str]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    verbs::parse(VERBS.0, VERBS.1, &mut diags);
    words::parse(WORDS.0, WORDS.1, themes, &mut diags);
    super::crisis::parse(CRISIS.0, CRISIS.1, Some(resources), &mut diags);
    diags
}
