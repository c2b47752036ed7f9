//! Corpus quality: readability (a Dutch sentence splitter), distinctness (5-word shingles) and
//! content-note triggers. The corpus test suite enforces these on the bundled corpus, and
//! `plein check --report` prints where a corpus stands.

use crate::text::{Block, markdown};
use std::collections::HashSet;

/// Dutch abbreviations that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "o.a.", "bijv.", "bv.", "d.w.z.", "enz.", "etc.", "m.a.w.", "i.p.v.", "dhr.", "mevr.", "mr.",
    "dr.", "ca.", "nr.", "evt.", "incl.", "excl.", "vs.", "e.d.", "e.a.", "m.n.", "o.m.", "t.o.v.",
    "n.a.v.", "z.s.m.", "a.s.", "jl.", "resp.", "t/m.", "m.b.t.", "i.v.m.", "z.g.a.n.", "p.",
    "blz.",
];

/// The sentences of one paragraph of plain text.
///
/// A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) followed by
/// white space, unless the word is a known abbreviation ("o.a.", "bijv."), an initial ("J."), or
/// the full stop sits inside a number ("3.000").
pub fn sentences(paragraph: &str) -> Vec<String> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        current.push(word);
        let next = words.get(i + 1);
        if ends_sentence(word, next.copied()) {
            out.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

fn ends_sentence(word: &str, next: Option<&str>) -> bool {
    let core = word.trim_end_matches(['"', '\'', '”', '’', ')', '»', '*', '_']);
    let Some(last) = core.chars().last() else {
        return false;
    };
    if !matches!(last, '.' | '!' | '?' | '…') {
        return false;
    }
    if last == '.' {
        let lower = core.to_lowercase();
        let lower = lower.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '*', '_']);
        if ABBREVIATIONS.contains(&lower) {
            return false;
        }
        let letters: Vec<char> = lower.trim_end_matches('.').chars().collect();
        if letters.len() == 1 && letters[0].is_alphabetic() {
            return false; // an initial
        }
    }
    // A new sentence starts with a capital, a digit, a quote or Dutch 's/'t; anything else
    // (a lower-case word after "ca.") continues the sentence.
    match next {
        None => true,
        Some(n) if ["'s", "'t", "’s", "’t"].contains(&n) => true,
        Some(n) => {
            let n = n.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '*', '_', '-', '–']);
            n.is_empty() || n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        }
    }
}

/// Words of a sentence: runs with at least one letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Readability figures of a Markdown text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    /// Number of words.
    pub words: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Mean words per sentence.
    pub mean_sentence: f64,
    /// Words in the longest sentence.
    pub longest_sentence: usize,
}

/// All sentences of a Markdown text: every paragraph, heading and list item split separately.
pub fn markdown_sentences(md: &str) -> Vec<String> {
    markdown::parse(md)
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(s) | Block::Heading(s) | Block::Item { spans: s, .. } => {
                sentences(&markdown::plain(s))
            }
        })
        .collect()
}

/// Readability of a Markdown text.
pub fn readability(md: &str) -> Readability {
    let lens: Vec<usize> = markdown_sentences(md)
        .iter()
        .map(|s| words(s).count())
        .filter(|n| *n > 0)
        .collect();
    let total: usize = lens.iter().sum();
    Readability {
        words: total,
        sentences: lens.len(),
        mean_sentence: if lens.is_empty() {
            0.0
        } else {
            total as f64 / lens.len() as f64
        },
        longest_sentence: lens.iter().copied().max().unwrap_or(0),
    }
}

/// The longest sentences over `max` words, for messages.
pub fn long_sentences(md: &str, max: usize) -> Vec<String> {
    markdown_sentences(md)
        .into_iter()
        .filter(|s| words(s).count() > max)
        .collect()
}

/// The set of 5-word shingles of a text (lower-cased words, punctuation stripped).
pub fn shingles(md: &str) -> HashSet<[String; 5]> {
    let plain: Vec<String> = markdown::parse(md)
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(s) | Block::Heading(s) | Block::Item { spans: s, .. } => {
                markdown::plain(s)
                    .split_whitespace()
                    .map(normalise_word)
                    .collect::<Vec<_>>()
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    plain
        .windows(5)
        .map(|w| {
            [
                w[0].clone(),
                w[1].clone(),
                w[2].clone(),
                w[3].clone(),
                w[4].clone(),
            ]
        })
        .collect()
}

/// The share of the smaller set that both texts have in common (0.0–1.0).
pub fn overlap(a: &HashSet<[String; 5]>, b: &HashSet<[String; 5]>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

fn normalise_word(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Dutch word stems that show a story touches a subject needing a content note, per note.
/// A word matches when it starts with a stem; a few stems must match the whole word.
pub const CONTENT_NOTE_TRIGGERS: &[(&str, &[&str])] = &[
    (
        "geweld",
        &[
            "geweld",
            "sloeg",
            "sloegen",
            "geslagen",
            "slaan",
            "slaat",
            "schopte",
            "geschopt",
            "mishandel",
            "wurg",
            "duwde",
            "geduwd",
            "bedreig",
            "dreigde",
            "dreigement",
            "vermoord",
            "mes",
            "klappen",
        ],
    ),
    (
        "seksueel-geweld",
        &["verkracht", "aanrand", "aangerand", "seksueel", "misbruikt"],
    ),
    (
        "zelfdoding",
        &[
            "zelfmoord",
            "zelfdoding",
            "suïcid",
            "suicid",
            "doodgaan",
            "levensmoe",
        ],
    ),
    (
        "zelfbeschadiging",
        &["zelfbeschadig", "snijden", "sneed", "krassen"],
    ),
    ("terugval", &["terugval", "teruggevallen", "herval"]),
    (
        "overlijden",
        &[
            "overleed",
            "overleden",
            "overlijden",
            "stierf",
            "gestorven",
            "begrafenis",
            "crematie",
        ],
    ),
];

/// Stems that trigger only as whole words (a prefix match would catch innocent words).
const WHOLE_WORD: &[&str] = &[
    "mes", "slaan", "slaat", "klappen", "snijden", "sneed", "krassen",
];

/// Content notes a text seems to need, with the word that triggered each.
pub fn triggered_notes(text: &str) -> Vec<(&'static str, String)> {
    let words: Vec<String> = text.split_whitespace().map(normalise_word).collect();
    let mut out = Vec::new();
    for (note, stems) in CONTENT_NOTE_TRIGGERS {
        let hit = words.iter().find(|w| {
            stems.iter().any(|s| {
                if WHOLE_WORD.contains(s) {
                    w.as_str() == *s
                } else {
                    w.starts_with(s)
                }
            })
        });
        if let Some(w) = hit {
            out.push((*note, w.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dutch_sentences_with_care() {
        let s = sentences(
            "Ik had o.a. schulden bij de bank. Dat was ca. 3.000 euro! Toen belde ik J. op. 's Avonds sliep ik slecht.",
        );
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[1], "Dat was ca. 3.000 euro!");
        let q = sentences("Hij zei: \"Kom maar.\" Ik ging. Waarom? Omdat het moest…");
        assert_eq!(q.len(), 4, "{q:?}");
        assert_eq!(sentences("bijv. dit en dat").len(), 1);
    }

    #[test]
    fn readability_counts_words_per_sentence() {
        let r = readability("Een twee drie. Vier vijf.\n\n- zes zeven acht\n");
        assert_eq!((r.words, r.sentences, r.longest_sentence), (8, 3, 3));
    }

    #[test]
    fn shingle_overlap() {
        let a = shingles("een twee drie vier vijf zes zeven");
        let b = shingles("Een twee drie vier vijf. Acht negen");
        assert_eq!(a.len(), 3);
        assert!((overlap(&a, &b) - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn triggers_find_stems_but_not_innocent_words() {
        let notes = triggered_notes("Hij sloeg de deur dicht. Ik sliep slecht en at een mesje.");
        assert_eq!(notes, vec![("geweld", "sloeg".to_owned())]);
        assert!(triggered_notes("Ik ging slapen en las over messen.").is_empty());
    }
}
