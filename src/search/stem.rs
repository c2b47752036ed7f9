//! Dutch stemming for search: the Dutch Porter algorithm, plus two spelling rules.
//!
//! Why not tantivy's `Language::Dutch`: that is Snowball's current Dutch algorithm, which keeps
//! *schuld* and *schulden*, *dag* and *dagen* apart and strips the *ge-* prefix (*geweld* →
//! *wel*). Dutch Porter (from the same `frostem` crate) conflates what people mean; the rules
//! below fix what it leaves: a final *z*/*v* becomes *s*/*f* (*daklozen* = *dakloos*, *brieven* =
//! *brief*), a final *t*/*d* after a consonant goes (*gokte* = *gokken*, *werkte* = *werk*), and a
//! doubled final consonant is undoubled (*bellen* = *bel*).

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
    if past_tense || doubled {
        s.pop();
    }
    s
}

fn is_consonant(c: char) -> bool {
    c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

impl TokenFilter for DutchStem {
    type Tokenizer<T: Tokenizer> = DutchStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DutchStemFilter<T> {
        DutchStemFilter { inner: tokenizer }
    }
}

/// A tokenizer wrapped with [`DutchStem`].
#[derive(Clone)]
pub struct DutchStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DutchStemFilter<T> {
    type TokenStream<'a> = DutchStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DutchStemStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::DutchPorter),
        }
    }
}

/// The token stream of [`DutchStemFilter`].
pub struct DutchStemStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for DutchStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stemmed = stem(&token.text, &self.stemmer);
        let _ = mem::replace(&mut token.text, stemmed);
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
    }
}
