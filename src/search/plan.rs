//! From what a person typed to a tantivy query: synonym groups, field weights, compounds, typos.

use super::analysis::Analyzers;
use super::index::Fields;
use super::input::Input;
use super::vocabulary::Vocabulary;
use crate::corpus::Synonyms;
use std::collections::HashMap;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// Field weights: title, tags and summary weigh more than the body.
const TITLE: f32 = 3.0;
const TAGS: f32 = 2.5;
const SUMMARY: f32 = 2.0;
const BODY: f32 = 1.0;
/// A synonym counts a little less than the word itself.
const SYNONYM: f32 = 0.8;
/// Compound parts (*verslaving* in *gokverslaving*) count less than the word itself.
const COMPOUND: f32 = 0.4;
/// A typo correction counts less still, so it never drowns exact hits.
const TYPO: f32 = 0.6;
/// A word of a multi-word synonym, on its own.
const PART: f32 = 0.5;
/// A corpus word that a lexicon word (*platzak*, *broke*) also finds.
const LEXICON: f32 = 0.6;
/// A part of a compound the corpus does not have as one word.
const SPLIT: f32 = 0.7;
/// A phone number is an exact, strong signal.
const PHONE: f32 = 6.0;

/// Synonyms keyed by folded words, as queries are.
#[derive(Debug, Clone, Default)]
pub(crate) struct FoldedSynonyms {
    map: HashMap<String, Vec<String>>,
    longest: usize,
}

impl FoldedSynonyms {
    pub fn new(syn: &Synonyms, an: &mut Analyzers) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (term, others) in syn.iter() {
            let key = an.words(term).join(" ");
            let entry = map.entry(key).or_default();
            for o in others {
                let o = an.words(o).join(" ");
                if !entry.contains(&o) {
                    entry.push(o);
                }
            }
        }
        FoldedSynonyms {
            map,
            longest: syn.longest_term().max(1),
        }
    }

    /// As a TOML table, to store beside a cached index.
    pub fn to_table(&self) -> toml::Table {
        let mut t = toml::Table::new();
        for (k, v) in &self.map {
            t.insert(
                k.clone(),
                toml::Value::Array(v.iter().cloned().map(toml::Value::String).collect()),
            );
        }
        t
    }

    /// From a stored TOML table; `None` when it is not one.
    pub fn from_table(t: &toml::Table) -> Option<Self> {
        let mut map = HashMap::new();
        let mut longest = 1;
        for (k, v) in t {
            let list = v
                .as_array()?
                .iter()
                .map(|x| x.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()?;
            longest = longest.max(k.split(' ').count());
            map.insert(k.clone(), list);
        }
        Some(FoldedSynonyms { map, longest })
    }
}

/// One thing the person asked for: a word or a multi-word synonym, with its alternatives.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// The folded words as typed.
    pub words: Vec<String>,
    /// Synonyms (folded), each possibly several words.
    pub synonyms: Vec<String>,
}

/// The analysed request: groups to find (any), phrases (all), words to exclude.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub groups: Vec<Group>,
    pub phrases: Vec<Vec<String>>,
    pub excluded: Vec<String>,
    /// Corpus words the lexicons add (what *platzak* or *broke* also finds).
    pub finds: Vec<String>,
}

impl Plan {
    pub fn new(input: &Input, syn: &FoldedSynonyms, an: &mut Analyzers) -> Plan {
        let words: Vec<String> = input
            .words
            .iter()
            .flat_map(|w| phone_or_words(w, an))
            .collect();
        let mut groups = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut matched = None;
            for len in (1..=syn.longest.min(words.len() - i)).rev() {
                let key = words[i..i + len].join(" ");
                if let Some(others) = syn.map.get(&key) {
                    matched = Some((len, others.clone()));
                    break;
                }
            }
            let (len, synonyms) = matched.unwrap_or((1, Vec::new()));
            // A word typed twice is searched once (it bounds a query of one word repeated).
            if !groups.iter().any(|g: &Group| g.words == words[i..i + len]) {
                groups.push(Group {
                    words: words[i..i + len].to_vec(),
                    synonyms,
                });
            }
            i += len;
        }
        let phrases = input
            .phrases
            .iter()
            .map(|p| an.words(&p.join(" ")))
            .filter(|p| !p.is_empty())
            .collect();
        let excluded = input.excluded.iter().flat_map(|w| an.words(w)).collect();
        Plan {
            groups,
            phrases,
            excluded,
            finds: Vec::new(),
        }
    }
}

/// Keeps a phone number whole (`0800-2000` → `08002000`); other words are folded and split.
fn phone_or_words(word: &str, an: &mut Analyzers) -> Vec<String> {
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 3 && word.chars().all(|c| c.is_ascii_digit() || c == '-') {
        vec![digits]
    } else {
        an.words(word)
    }
}

/// Builds queries and the terms to highlight from a plan.
pub(crate) struct Builder<'a> {
    pub f: &'a Fields,
    pub vocab: &'a Vocabulary,
    pub an: Analyzers,
    /// Body terms to highlight in snippets.
    pub highlight: Vec<Term>,
}

fn term_q(field: Field, text: &str, boost: f32) -> Box<dyn Query> {
    let t = TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(t), boost))
}

impl Builder<'_> {
    /// The text query: any group may match; phrases must; excluded words must not.
    /// `None` when nothing searchable is left (only stop words, say).
    pub fn text_query(&mut self, plan: &Plan, typos: bool) -> Option<Vec<(Occur, Box<dyn Query>)>> {
        let mut groups: Vec<(Occur, Box<dyn Query>)> = plan
            .groups
            .iter()
            .filter_map(|g| self.group(g, typos))
            .map(|q| (Occur::Should, q))
            .collect();
        if !groups.is_empty() || plan.phrases.is_empty() {
            for f in &plan.finds {
                groups.extend(
                    self.alternative(f, LEXICON, false)
                        .map(|q| (Occur::Should, q)),
                );
            }
        }
        let mut clauses = Vec::new();
        if !groups.is_empty() {
            clauses.push((
                Occur::Must,
                Box::new(BooleanQuery::new(groups)) as Box<dyn Query>,
            ));
        }
        for p in &plan.phrases {
            if let Some(q) = self.phrase(&p.join(" "), 1.0) {
                clauses.push((Occur::Must, q));
            }
        }
        if clauses.is_empty() {
            return None;
        }
        for w in &plan.excluded {
            for stem in self.an.stems(w) {
                for field in [self.f.title, self.f.summary, self.f.tags_text, self.f.body] {
                    clauses.push((Occur::MustNot, term_q(field, &stem, 1.0)));
                }
            }
            clauses.push((Occur::MustNot, term_q(self.f.plain, w, 1.0)));
        }
        Some(clauses)
    }

    fn group(&mut self, g: &Group, typos: bool) -> Option<Box<dyn Query>> {
        let text = g.words.join(" ");
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if text.chars().all(|c| c.is_ascii_digit()) {
            clauses.push((Occur::Should, term_q(self.f.phone, &text, PHONE)));
        }
        clauses.extend(
            self.alternative(&text, 1.0, true)
                .map(|q| (Occur::Should, q)),
        );
        for s in &g.synonyms {
            clauses.extend(
                self.alternative(s, SYNONYM, false)
                    .map(|q| (Occur::Should, q)),
            );
        }
        if g.words.len() > 1 {
            // A multi-word synonym (*uit huis gezet*) may not stand in the text as a phrase:
            // its words still count, each a little.
            for w in &g.words {
                clauses.extend(self.alternative(w, PART, true).map(|q| (Occur::Should, q)));
            }
        }
        if let [word] = g.words.as_slice() {
            for part in super::compound::split(word, self.vocab) {
                clauses.extend(
                    self.alternative(&part, SPLIT, true)
                        .map(|q| (Occur::Should, q)),
                );
            }
            for c in self.vocab.compounds(word, 12) {
                self.highlight_word(&c);
                clauses.push((Occur::Should, term_q(self.f.plain, &c, COMPOUND)));
            }
            if typos && self.vocab.df(word) <= 1 {
                for (c, d) in self.vocab.near(word, 4) {
                    self.highlight_word(&c);
                    clauses.push((Occur::Should, term_q(self.f.plain, &c, TYPO / d as f32)));
                }
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// One word or phrase across the weighted fields. A synonym that loses words to stop-word
    /// removal is dropped (*geen huis* must not become *huis*).
    fn alternative(&mut self, text: &str, weight: f32, typed: bool) -> Option<Box<dyn Query>> {
        let words = text.split(' ').count();
        let stems = self.an.stems(text);
        if stems.is_empty() || (!typed && stems.len() < words) {
            return None;
        }
        if stems.len() > 1 {
            return self.phrase(text, weight);
        }
        Some(self.single_stem(&stems[0], weight))
    }

    fn single_stem(&mut self, stem: &str, weight: f32) -> Box<dyn Query> {
        self.highlight
            .push(Term::from_field_text(self.f.body, stem));
        let fields = [
            (self.f.title, TITLE),
            (self.f.tags_text, TAGS),
            (self.f.summary, SUMMARY),
            (self.f.body, BODY),
        ];
        let clauses = fields
            .iter()
            .map(|(f, w)| (Occur::Should, term_q(*f, stem, w * weight)))
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn phrase(&mut self, text: &str, weight: f32) -> Option<Box<dyn Query>> {
        let stems = self.an.stems(text);
        if stems.len() < 2 {
            return stems.first().map(|s| self.single_stem(s, weight));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, w) in [
            (self.f.title, TITLE),
            (self.f.summary, SUMMARY),
            (self.f.body, BODY),
        ] {
            let terms: Vec<Term> = stems
                .iter()
                .map(|s| Term::from_field_text(field, s))
                .collect();
            if field == self.f.body {
                self.highlight.extend(terms.iter().cloned());
            }
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new(terms)),
                    w * weight,
                )),
            ));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    fn highlight_word(&mut self, word: &str) {
        for s in self.an.stems(word) {
            self.highlight.push(Term::from_field_text(self.f.body, &s));
        }
    }
}

/// "Did you mean": the query with each word that is not in the corpus replaced by the nearest
/// corpus word. `None` when there is nothing better to offer.
pub(crate) fn suggestion(plan: &Plan, vocab: &Vocabulary, an: &mut Analyzers) -> Option<String> {
    let mut changed = false;
    let mut out = Vec::new();
    for g in &plan.groups {
        for w in &g.words {
            let known = vocab.df(w) > 0 || an.stems(w).iter().all(|s| vocab.has_stem(s));
            if !known
                && !w.chars().all(|c| c.is_ascii_digit())
                && let Some((best, _)) = vocab.near(w, 1).into_iter().next()
            {
                out.push(best);
                changed = true;
                continue;
            }
            out.push(w.clone());
        }
    }
    changed.then(|| out.join(" "))
}
