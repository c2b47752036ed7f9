//! Dutch text analysis for the index and for queries, registered by name on every index.
//!
//! - `nl`: words → lower case → Dutch stop words removed → accents folded → Snowball Dutch stems
//!   (*schulden* → *schuld*, *geïsoleerd* = *geisoleerd*); see [`super::stem`].
//! - `nl_plain`: the same without stemming: the corpus vocabulary that typo correction,
//!   compound expansion and "did you mean" draw from. Stop words are left out of the index
//!   (half the words of a text, never a typo's or a compound's answer); queries keep them.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, TokenStream,
};

/// Name of the stemming analyzer.
pub const NL: &str = "nl";
/// Name of the unstemmed, folded analyzer.
pub const NL_PLAIN: &str = "nl_plain";
/// Bumped whenever analysis or the schema changes, so persisted indexes are rebuilt.
pub const ANALYZER_VERSION: u32 = 8;

/// Words longer than this are dropped (no Dutch word needs more; it bounds pathological input).
const MAX_TOKEN_BYTES: usize = 40;

/// Dutch stop words: function words and light verbs (`assets/stopwords-nl.txt`).
const STOPWORDS: &str = include_str!("../../assets/stopwords-nl.txt");

/// True for a Dutch stop word (folded, lower case).
pub fn is_stop(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(word)
}

fn stop_words() -> StopWordFilter {
    let words = STOPWORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    StopWordFilter::remove(words.map(str::to_owned))
}

fn stemming() -> TextAnalyzer {
    let stop = stop_words();
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(stop)
        .filter(AsciiFoldingFilter)
        .filter(super::stem::DutchStem)
        .build()
}

fn plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The plain field as indexed: [`plain`] without stop words. A query's stop words are never
/// looked up in it (typos and compounds skip them), and leaving them out spares a third of the
/// words indexed.
fn plain_index() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(stop_words())
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analyzers on an index (needed after every open: the schema stores only names).
pub fn register(index: &Index) {
    index.tokenizers().register(NL, stemming());
    index.tokenizers().register(NL_PLAIN, plain_index());
}

/// Analyzers for query-side use, built once per search index.
#[derive(Clone)]
pub struct Analyzers {
    stem: TextAnalyzer,
    plain: TextAnalyzer,
}

impl Default for Analyzers {
    fn default() -> Self {
        Analyzers {
            stem: stemming(),
            plain: plain(),
        }
    }
}

impl Analyzers {
    /// The stemmed tokens of `text`.
    pub fn stems(&mut self, text: &str) -> Vec<String> {
        tokens(&mut self.stem, text)
    }

    /// The folded, lower-cased words of `text`.
    pub fn words(&mut self, text: &str) -> Vec<String> {
        tokens(&mut self.plain, text)
    }
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// A word lower-cased and with accents folded, as the plain analyzer does (for lexicon words).
pub fn fold(word: &str) -> String {
    // One analyzer per thread: building one per word was a tenth of a search process's start
    // (the crisis file and the lexicons fold every word they list).
    thread_local! {
        static PLAIN: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(plain());
    }
    let mut out: Vec<String> = PLAIN.with(|a| tokens(&mut a.borrow_mut(), word));
    if word.ends_with('*') {
        out.push("*".into());
        return out.concat();
    }
    if word.starts_with('@') {
        return format!("@{}", out.concat());
    }
    out.join("")
}

/// Phone numbers as index tokens: the digits of the whole number and of each group
/// (`0800-2000` → `08002000`, `0800`, `2000`), so people find a helpline by its number.
pub fn phone_tokens(numbers: &[String]) -> String {
    let mut out = Vec::new();
    for n in numbers {
        out.push(n.chars().filter(char::is_ascii_digit).collect::<String>());
        out.extend(
            n.split([' ', '-'])
                .filter(|p| p.len() >= 3)
                .map(str::to_owned),
        );
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_stems_fold_accents_and_drop_stop_words() {
        let mut a = Analyzers::default();
        assert_eq!(a.stems("schulden"), a.stems("schuld"));
        assert_eq!(a.stems("geïsoleerd"), a.stems("geisoleerd"));
        assert_eq!(a.stems("ik kan de huur niet betalen").len(), 2);
        assert_eq!(
            a.words("Geïsoleerd, café's!"),
            vec!["geisoleerd", "cafe", "s"]
        );
    }

    #[test]
    fn the_indexed_plain_field_leaves_stop_words_out_and_queries_keep_them() {
        let mut indexed = plain_index();
        assert_eq!(
            tokens(&mut indexed, "Ik kan de huur niet betalen"),
            vec!["huur", "betalen"]
        );
        // A query's words keep their stop words: the crisis signals and phrases need them.
        let mut a = Analyzers::default();
        assert_eq!(a.words("ik wil niet meer").len(), 4);
    }

    #[test]
    fn phone_numbers_are_found_by_any_part() {
        assert_eq!(
            phone_tokens(&["0800-2000".into(), "088-0767 000".into()]),
            "08002000 0800 2000 0880767000 088 0767 000"
        );
    }
}
