//! Dutch stemming for search: the Dutch Porter algorithm, plus two spelling rules.
//!
//! Why not tantivy's `Language::Dutch`: that is Snowball's current Dutch algorithm, which keeps
//! *schuld* and *schulden*, *dag* and *dagen* apart and strips the *ge-* prefix (*geweld* →
//! *wel*). Dutch Porter (from the same `frostem` crate) conflates what people mean; the rules
//! below fix what it leaves: a final *z*/*v* becomes *s*/*f* (*daklozen* = *dakloos*, *brieven* =
//! *brief*), a final *t*/*d* after a consonant goes (*gokte* = *gokken*, *werkte* = *werk*), and a
//! doubled final consonant is undoubled (*bellen* = *bel*).

use std::cell::RefCell;
use std::collections::HashMap;
use std::mem;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The Dutch stemming token filter. Expects lower-cased, accent-folded tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct DutchStem;

/// Stems one lower-case word.
pub fn stem(word: &str, stemmer: &frostem::Stemmer) -> String {
    let mut s = stemmer.stem(word).into_owned();
    if s.ends_with('z') {
        s.pop();
        s.push('s');
    } else if s.ends_with('v') {
        s.pop();
        s.push('f');
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let past_tense = n >= 4
        && matches!(chars[n - 1], 't' | 'd')
        && is_consonant(chars[n - 2])
        && chars[n - 2] != chars[n - 1];
    let doubled = n >= 3 && chars[n - 1] == chars[n - 2] && is_consonant(chars[n - 1]);
    // A verb whose stem ends in a vowel and -i takes -t after it: *gooit* = *gooien* (gooi),
    // *draait*, *groeit*. Not *ooit* itself, nor *feit* (one vowel before the i).
    let vowel_i_t = n >= 5
        && chars[n - 1] == 't'
        && chars[n - 2] == 'i'
        && !is_consonant(chars[n - 3])
        && !is_consonant(chars[n - 4]);
    if past_tense || doubled || vowel_i_t {
        s.pop();
    }
    // A doubled consonant before that -t, as people often misspell it (*hij meppt*, *stoppt*):
    // the stem is undoubled too (*mep*, as *meppen* and *mept*).
    let mut tail = s.chars().rev();
    if past_tense
        && let (Some(a), Some(b)) = (tail.next(), tail.next())
        && a == b
        && is_consonant(a)
    {
        s.pop();
    }
    s
}

/// The lemma of a verb form (*sloeg* → *slaan*, `data/verbs.toml`), else the word itself.
fn lemma_of(word: &str) -> &str {
    super::lexicon::lemma(word).unwrap_or(word)
}

/// The search key of one lower-case, folded word: the stem of its lemma, as the index has it.
pub fn stem_word(word: &str) -> String {
    thread_local! {
        static PORTER: Stemmer = Stemmer::default();
    }
    PORTER.with(|p| {
        let mut w = word.to_owned();
        p.stem_in_place(&mut w);
        w
    })
}

fn is_consonant(c: char) -> bool {
    c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

impl TokenFilter for DutchStem {
    type Tokenizer<T: Tokenizer> = DutchStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DutchStemFilter<T> {
        DutchStemFilter {
            inner: tokenizer,
            stemmer: Stemmer::default(),
        }
    }
}

/// Most words recur in a corpus, so each thread remembers the stems it made (up to a bound):
/// indexing threads and the thread that makes snippets each warm their own memo.
const MEMO_WORDS: usize = 50_000;

thread_local! {
    static MEMO: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// A Dutch Porter stemmer that remembers its answers in a per-thread memo.
#[derive(Clone)]
pub struct Stemmer {
    porter: frostem::Stemmer,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer {
            porter: frostem::Stemmer::new(frostem::Algorithm::DutchPorter),
        }
    }
}

impl Stemmer {
    /// Replaces `word` with its stem.
    fn stem_in_place(&self, word: &mut String) {
        MEMO.with_borrow_mut(|memo| {
            if let Some(s) = memo.get(word.as_str()) {
                word.clone_from(s);
                return;
            }
            if memo.len() >= MEMO_WORDS {
                memo.clear();
            }
            let stemmed = stem(lemma_of(word), &self.porter);
            let original = mem::replace(word, stemmed);
            memo.insert(original, word.clone());
        });
    }
}

/// A tokenizer wrapped with [`DutchStem`].
#[derive(Clone)]
pub struct DutchStemFilter<T> {
    inner: T,
    stemmer: Stemmer,
}

impl<T: Tokenizer> Tokenizer for DutchStemFilter<T> {
    type TokenStream<'a> = DutchStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DutchStemStream {
            tail: self.inner.token_stream(text),
            stemmer: &self.stemmer,
        }
    }
}

/// The token stream of [`DutchStemFilter`].
pub struct DutchStemStream<'a, T> {
    tail: T,
    stemmer: &'a Stemmer,
}

impl<T: TokenStream> TokenStream for DutchStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.stemmer.stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_people_type_share_a_stem() {
        let s = frostem::Stemmer::new(frostem::Algorithm::DutchPorter);
        let same = |words: &[&str]| {
            let stems: Vec<String> = words.iter().map(|w| stem(w, &s)).collect();
            assert!(
                stems.iter().all(|x| x == &stems[0]),
                "{words:?} → {stems:?}"
            );
        };
        same(&["schuld", "schulden"]);
        same(&["gokte", "gokken", "gok"]);
        same(&["dag", "dagen"]);
        same(&["eenzaam", "eenzame", "eenzaamheid"]);
        same(&["dakloos", "dakloze", "daklozen"]);
        same(&["brief", "brieven"]);
        same(&["huur", "huren"]);
        same(&["vriend", "vrienden"]);
        same(&["bel", "bellen"]);
        same(&["gooit", "gooien", "gooi"]);
        same(&["meppt", "mept", "meppen"]);
        same(&["stoppt", "stopt", "stoppen"]);
        same(&["draait", "draaien"]);
        same(&["groeit", "groeien"]);
        assert_ne!(stem("feit", &s), stem("fei", &s));
    }

    #[test]
    fn strong_and_irregular_verb_forms_reach_their_lemma() {
        let same = |words: &[&str]| {
            let stems: Vec<String> = words.iter().map(|w| stem_word(w)).collect();
            assert!(
                stems.iter().all(|x| x == &stems[0]),
                "{words:?} → {stems:?}"
            );
        };
        same(&["slaan", "sloeg", "sloegen", "geslagen", "slaat"]);
        same(&["verliezen", "verloor", "verloren"]);
        same(&["gokken", "gegokt", "gokte"]);
        same(&["dreigen", "gedreigd", "dreigde"]);
        same(&["schoppen", "geschopt", "schopte"]);
        same(&["uitgeven", "uitgegeven"]);
        same(&["smijten", "smeet", "gesmeten"]);
        same(&["knijpen", "kneep"]);
        same(&["blijven", "bleef", "gebleven"]);
        // Words that are mostly something else keep their own meaning.
        assert_ne!(stem_word("week"), stem_word("wijken"));
        assert_ne!(stem_word("geleden"), stem_word("lijden"));
    }

    #[test]
    fn remembered_stems_equal_fresh_ones_and_the_memo_stays_bounded() {
        let porter = frostem::Stemmer::new(frostem::Algorithm::DutchPorter);
        let memo = Stemmer::default();
        for _ in 0..2 {
            for w in ["schulden", "gokte", "daklozen", "brieven", "bellen", "huur"] {
                let mut word = w.to_owned();
                memo.stem_in_place(&mut word);
                assert_eq!(word, stem(w, &porter), "{w}");
            }
        }
        for i in 0..MEMO_WORDS + 10 {
            memo.stem_in_place(&mut format!("woord{i}"));
        }
        assert!(MEMO.with_borrow(HashMap::len) <= MEMO_WORDS);
    }
}
