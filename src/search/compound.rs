//! Dutch compounds split against the corpus vocabulary, with their linking sounds (*-s-*,
//! *-en-*, *-e-*): *eenzaamheidsgevoelens* → *eenzaamheid* + *gevoelens*, so a long compound
//! nobody wrote finds the stories that use its parts.

use super::stem::stem_word;
use super::vocabulary::Vocabulary;

/// Linking sounds between the parts, longest first.
const LINKS: [&str; 4] = ["en", "s", "e", ""];
/// Longer words are not split (no Dutch compound people type needs more; it bounds the work).
const MAX_COMPOUND: usize = 30;
/// The shortest part.
const MIN_PART: usize = 3;

fn known(part: &str, vocab: &Vocabulary) -> bool {
    part.chars().count() >= MIN_PART && (vocab.df(part) > 0 || vocab.has_stem(&stem_word(part)))
}

/// The parts of a compound the corpus does not have as one word: a split into known words, or
/// else its longest known head and tail; empty when the word is known as it is.
pub(crate) fn split(word: &str, vocab: &Vocabulary) -> Vec<String> {
    let n = word.chars().count();
    if !(2 * MIN_PART + 1..=MAX_COMPOUND).contains(&n) || known(word, vocab) {
        return Vec::new();
    }
    let parts = split_known(word, vocab, 2);
    if !parts.is_empty() {
        return parts;
    }
    // No split into known words only: the longest known head and tail still say something
    // (*buurthuis|activiteiten*, where the corpus never wrote *activiteiten*).
    let cut = |i: usize| word.char_indices().nth(i).map_or(word.len(), |(b, _)| b);
    let head = (PARTIAL..n - 2)
        .rev()
        .map(|i| &word[..cut(i)])
        .find(|h| known(h, vocab));
    let tail = (3..n - PARTIAL + 1)
        .map(|i| &word[cut(i)..])
        .find(|t| known(t, vocab));
    head.into_iter().chain(tail).map(str::to_owned).collect()
}

/// The shortest head or tail kept when the rest of a compound is unknown.
const PARTIAL: usize = 5;

fn split_known(word: &str, vocab: &Vocabulary, depth: usize) -> Vec<String> {
    let mut best: Option<(usize, Vec<String>)> = None;
    for (i, _) in word.char_indices().skip(MIN_PART) {
        let (head, rest) = word.split_at(i);
        if !known(head, vocab) {
            continue;
        }
        for link in LINKS {
            let Some(tail) = rest.strip_prefix(link) else {
                continue;
            };
            let parts = if known(tail, vocab) {
                vec![tail.to_owned()]
            } else if depth > 1 {
                split_known(tail, vocab, depth - 1)
            } else {
                Vec::new()
            };
            if parts.is_empty() {
                continue;
            }
            // Prefer the split whose shortest part is longest (*huur|achterstand* over
            // *huu|rachterstand*), then fewer parts.
            let shortest = parts
                .iter()
                .map(|p| p.chars().count())
                .chain([head.chars().count()])
                .min()
                .unwrap_or(0);
            let score = shortest * 10 - parts.len();
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                let mut all = vec![head.to_owned()];
                all.extend(parts);
                best = Some((score, all));
            }
        }
    }
    best.map(|(_, p)| p).unwrap_or_default()
}
