//! Dutch compounds split against the corpus vocabulary, with their linking sounds (*-s-*,
//! *-en-*, *-e-*): *eenzaamheidsgevoelens* → *eenzaamheid* + *gevoelens*, so a long compound
//! nobody wrote finds the stories that use its parts.

use super::stem::stem_word;
use super::vocabulary::Vocabulary;

/// Linking sounds between the parts, longest first.
const LINKS: [&str; 4] = ["en", "s", "e", ""];
/// Longer words are not split (*zorgverzekeringspremieachterstand* is 33; it bounds the work).
const MAX_COMPOUND: usize = 40;
/// The shortest part.
const MIN_PART: usize = 3;

/// A word of the corpus (as it is or by its stem), or a stop word (*uit*, *over*: every text
/// has them, and the index leaves them out).
pub(crate) fn in_corpus(part: &str, vocab: &Vocabulary) -> bool {
    vocab.df(part) > 0 || vocab.has_stem(&stem_word(part)) || super::analysis::is_stop(part)
}

/// The parts of a compound the corpus does not have as one word: a split into known words, or
/// else its longest known head and tail; empty when the word is known as it is.
pub(crate) fn split(word: &str, vocab: &Vocabulary) -> Vec<String> {
    split_by(word, &|p| in_corpus(p, vocab))
}

/// [`split`], with `is_word` saying which parts are words (the corpus's, or the lexicons' too).
pub(crate) fn split_by(word: &str, is_word: &dyn Fn(&str) -> bool) -> Vec<String> {
    let known = |part: &str| part.chars().count() >= MIN_PART && is_word(part);
    let n = word.chars().count();
    if !(2 * MIN_PART + 1..=MAX_COMPOUND).contains(&n) || known(word) {
        return Vec::new();
    }
    let parts = split_known(word, &known);
    if !parts.is_empty() {
        return parts;
    }
    // No split into known words only: the longest known head and tail still say something
    // (*buurthuis|activiteiten*, where the corpus never wrote *activiteiten*).
    let cut = |i: usize| word.char_indices().nth(i).map_or(word.len(), |(b, _)| b);
    let head = (PARTIAL..n - 2)
        .rev()
        .map(|i| &word[..cut(i)])
        .find(|h| known(h));
    let tail = (3..n - PARTIAL + 1)
        .map(|i| &word[cut(i)..])
        .find(|t| known(t));
    head.into_iter().chain(tail).map(str::to_owned).collect()
}

/// The shortest head or tail kept when the rest of a compound is unknown.
const PARTIAL: usize = 5;

/// The best split of `word` into known parts joined by linking sounds: the split whose
/// shortest part is longest (*huur|achterstand* over *huu|rachterstand*), then the one with
/// fewer parts; at most [`MAX_PARTS`] parts. Dynamic programming over the positions of the
/// word, so a long compound (*zorgverzekering|s|premie|achterstand*) costs a few thousand
/// lookups, each substring looked up once.
fn split_known(word: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let cuts: Vec<usize> = word
        .char_indices()
        .map(|(b, _)| b)
        .chain([word.len()])
        .collect();
    let n = cuts.len() - 1;
    // best[i]: for the rest from char i, (shortest part, parts, end of the first part, start
    // of the rest after its link).
    let mut best: Vec<Option<(usize, usize, usize, usize)>> = vec![None; n + 1];
    let mut memo = std::collections::HashMap::new();
    let mut is_known = |i: usize, j: usize| {
        *memo
            .entry((i, j))
            .or_insert_with(|| known(&word[cuts[i]..cuts[j]]))
    };
    for i in (0..n).rev() {
        for j in (i + MIN_PART)..=n {
            if !is_known(i, j) {
                continue;
            }
            for link in LINKS {
                let k = j + link.chars().count();
                let fits = k <= n && word[cuts[j]..].starts_with(link);
                // The last part ends the word; a linking sound never does.
                if !fits || (k == n && !link.is_empty()) {
                    continue;
                }
                let (shortest, parts) = if k == n {
                    (usize::MAX, 0)
                } else {
                    match best[k] {
                        Some((s, p, _, _)) => (s, p),
                        None => continue,
                    }
                };
                let cand = (shortest.min(j - i), parts + 1, j, k);
                if cand.1 > MAX_PARTS {
                    continue;
                }
                let better = best[i].is_none_or(|(s, p, _, _)| (cand.0, p) > (s, cand.1));
                if better {
                    best[i] = Some(cand);
                }
            }
        }
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        let Some((_, _, j, k)) = best[i] else {
            return Vec::new();
        };
        parts.push(word[cuts[i]..cuts[j]].to_owned());
        i = k;
    }
    // The word itself is not known (see `split`), so a split has two parts or more.
    if parts.len() < 2 { Vec::new() } else { parts }
}

/// Most parts a compound is split into.
const MAX_PARTS: usize = 4;
