//! What a query is about before it is searched: the themes its words point to (by the
//! lexicons), whether it asks for help or states a problem in a sentence, and whether it says
//! someone is in danger (the crisis signals).

use super::analysis::{fold, is_stop};
use super::crisis::{Signals, Token, key};
use super::lexicon::{self, words::Words};
use super::vocabulary::Vocabulary;
use crate::corpus::THEME_SLUGS;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A query of at least this many content words states a problem in a sentence.
const SENTENCE_WORDS: usize = 4;

/// The lexicons, compiled for matching (once per process, or once at development time: see
/// [`super::compiled`]).
#[derive(Debug, PartialEq)]
pub(crate) struct Lex {
    /// Terms by the key of their first word: (keys of all words, entry index).
    pub terms: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Entry index → (theme, finds).
    pub entries: Vec<(String, Vec<String>)>,
    /// One-word terms, folded, with their entry: the candidates for a typo.
    pub single: Vec<(String, usize)>,
    /// Help words and phrases as keys.
    pub help: Vec<Vec<String>>,
    /// Every folded lexicon word (known words are never read as typos).
    pub known: std::collections::HashSet<String>,
    /// Folded words about the asking, not its topic (not searched).
    pub asking: std::collections::HashSet<String>,
    /// Person + violence verb + me: partner violence.
    pub person: Person,
    /// A stated age and the words each range of ages finds.
    pub age: lexicon::words::Age,
    /// The crisis signals.
    pub signals: Signals,
}

/// *vriend, man, ex, hij* with a violence verb aimed at *me/mij*: the theme it points to.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Person {
    pub theme: String,
    pub persons: Vec<String>,
    pub verbs: Vec<String>,
    pub objects: Vec<String>,
}

/// A word at least this long may be a compound whose parts are lexicon words, when every part
/// but the last is at least [`COMPOUND_PART`] long.
const COMPOUND_WORD: usize = 10;
const COMPOUND_PART: usize = 4;

/// How much a person + violence + me sentence weighs against lexicon votes.
const PERSON_WEIGHT: f32 = 3.0;

impl Person {
    fn new(p: &lexicon::words::Person) -> Person {
        let k = |list: &[String]| list.iter().map(|w| key(&fold(w))).collect();
        Person {
            theme: p.theme.clone(),
            persons: k(&p.persons),
            verbs: k(&p.verbs),
            objects: k(&p.objects),
        }
    }

    fn aimed_at_me(&self, tokens: &[Token]) -> Option<(&str, f32)> {
        let has = |list: &[String]| tokens.iter().any(|t| list.contains(&t.key));
        (!self.verbs.is_empty() && has(&self.persons) && has(&self.verbs) && has(&self.objects))
            .then_some((self.theme.as_str(), PERSON_WEIGHT))
    }
}

fn keys(term: &str) -> Vec<String> {
    term.split(' ').map(|w| key(&fold(w))).collect()
}

impl Lex {
    fn new(words: &Words, signals: Signals) -> Lex {
        let mut lex = Lex {
            terms: HashMap::new(),
            entries: Vec::new(),
            single: Vec::new(),
            help: words.help.iter().map(|h| keys(h)).collect(),
            known: words.asking.iter().map(|w| fold(w)).collect(),
            asking: words.asking.iter().map(|w| fold(w)).collect(),
            person: words.person.as_ref().map(Person::new).unwrap_or_default(),
            age: words.age.clone().unwrap_or_default(),
            signals,
        };
        for (i, e) in words.entries.iter().enumerate() {
            lex.entries.push((e.theme.clone(), e.finds.clone()));
            for w in &e.words {
                let k = keys(w);
                for part in w.split(' ') {
                    lex.known.insert(fold(part));
                }
                if k.len() == 1 {
                    lex.single.push((fold(w), i));
                }
                if let Some(first) = k.first().cloned() {
                    lex.terms.entry(first).or_default().push((k, i));
                }
            }
        }
        for list in lex.terms.values_mut() {
            list.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        lex
    }

    /// True for a word about the asking (*bezoeker*, *zoek*), not about what is asked.
    pub fn is_asking(&self, word: &str) -> bool {
        self.asking.contains(&fold(word))
    }

    /// The entry of a one-word lexicon term, if `word` is one.
    fn word(&self, word: &str) -> Option<usize> {
        let list = self.terms.get(&key(word))?;
        list.iter().find(|(t, _)| t.len() == 1).map(|(_, e)| *e)
    }

    /// The lexicons embedded in plein: the table compiled at development time when it is
    /// current, else compiled here on first use.
    pub fn bundled() -> &'static Lex {
        BUNDLED.get_or_init(|| super::compiled::bundled().unwrap_or_else(|| Lex::compile(false)))
    }

    /// [`Lex::bundled`], with the two files parsed side by side on two threads: for a short
    /// process (`plein search`) where both stand between the start and the answer. A long
    /// session compiles on one thread instead: each thread's allocations would keep memory of
    /// their own for as long as the session runs.
    pub fn bundled_in_parallel() -> &'static Lex {
        BUNDLED.get_or_init(|| super::compiled::bundled().unwrap_or_else(|| Lex::compile(true)))
    }

    /// Compiles the embedded lexicon files.
    pub(crate) fn compile(parallel: bool) -> Lex {
        let crisis = || {
            let (path, text) = lexicon::CRISIS;
            super::crisis::parse(path, text, None, &mut Vec::new())
        };
        let words = || {
            let (path, text) = lexicon::WORDS;
            lexicon::words::parse(path, text, &THEME_SLUGS, &mut Vec::new())
        };
        if !parallel {
            return Lex::new(&words(), crisis());
        }
        std::thread::scope(|scope| {
            // A host out of threads parses both here, one after the other.
            let signals = std::thread::Builder::new().spawn_scoped(scope, crisis);
            let words = words();
            let signals = match signals {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => crisis(),
            };
            Lex::new(&words, signals)
        })
    }
}

static BUNDLED: OnceLock<Lex> = OnceLock::new();

/// What a query is about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Understood {
    /// Votes per theme slug from lexicon words (longer terms weigh more).
    pub votes: HashMap<String, f32>,
    /// Corpus words the lexicon words also find.
    pub finds: Vec<String>,
    /// The query asks for help (a number, a helpline, *waar kan ik*).
    pub help: bool,
    /// The query states something in a sentence.
    pub sentence: bool,
    /// The crisis kind and its resource ids.
    pub crisis: Option<(String, Vec<String>)>,
    /// The line in crisis.toml of the signal that gave the card.
    pub crisis_line: Option<usize>,
    /// Some word is known neither to the corpus nor to the lexicons (a "did you mean" may help).
    pub unknown: bool,
}

impl Understood {
    /// Also searches these corpus words.
    fn find(&mut self, finds: &[String]) {
        for f in finds {
            if !self.finds.contains(f) {
                self.finds.push(f.clone());
            }
        }
    }

    /// The theme the lexicon words point to most, if any.
    pub fn theme(&self) -> Option<&str> {
        self.votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(t, _)| t.as_str())
    }
}

/// The lexicon entries of the parts of a compound the lexicons lack, when it is made of their
/// words (*speelautomaten|hal*, *kansspel|problemen*). A split with a short part before the last
/// is more likely chance than a compound (*bet|rouw|bare*, *mis|loopt*); a short last part is
/// common (*speelautomaten|hal*).
fn compound_entries(word: &str, vocab: &Vocabulary, lex: &Lex) -> Vec<usize> {
    if word.chars().count() < COMPOUND_WORD {
        return Vec::new();
    }
    let parts = super::compound::split_by(word, &|p| {
        lex.word(p).is_some() || super::compound::in_corpus(p, vocab)
    });
    // One part is the longest known head or tail of a compound whose rest nobody wrote
    // (*buurthuis|activiteiten*).
    let sound = !parts.is_empty()
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| p.chars().count() >= COMPOUND_PART);
    if !sound {
        return Vec::new();
    }
    parts.iter().filter_map(|p| lex.word(p)).collect()
}

/// The tokens of a query as the matchers see them: every word, stop words included.
pub(crate) fn tokens(words: &[String], vocab: &Vocabulary, lex: &Lex) -> Vec<Token> {
    words
        .iter()
        .map(|w| {
            let key = key(w);
            Token {
                known: vocab.df(w) > 0
                    || vocab.has_stem(&key)
                    || lex.known.contains(w)
                    || lexicon::lemma(w).is_some(),
                stop: is_stop(w),
                word: w.clone(),
                key,
            }
        })
        .collect()
}

fn typo_of<'a>(lex: &'a Lex, t: &Token) -> Option<&'a (String, usize)> {
    let n = t.word.chars().count();
    let max = match n {
        0..=4 => return None,
        5..=7 => 1,
        _ => 2,
    };
    lex.single
        .iter()
        .filter(|(w, _)| w.chars().count().abs_diff(n) <= max)
        .map(|c| (crate::corpus::edit_distance(&t.word, &c.0), c))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The numbers a query says as someone's age: right after *ben* or right before *jaar*.
fn stated_ages(tokens: &[Token], age: &lexicon::words::Age) -> Vec<u32> {
    let is = |i: usize, list: &[String]| tokens.get(i).is_some_and(|t| list.contains(&t.word));
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let n: u32 = t.word.parse().ok()?;
            (i.checked_sub(1).is_some_and(|p| is(p, &age.before)) || is(i + 1, &age.after))
                .then_some(n)
        })
        .collect()
}

/// Reads a query's words (folded) against the lexicons and the crisis signals.
pub(crate) fn understand(words: &[String], vocab: &Vocabulary, lex: &Lex) -> Understood {
    let tokens = tokens(words, vocab, lex);
    let signal = lex.signals.detect(&tokens);
    let mut u = Understood {
        crisis: signal.map(|(k, ids, _)| (k.to_owned(), ids.to_vec())),
        crisis_line: signal.map(|(_, _, line)| line),
        sentence: tokens.iter().filter(|t| !t.stop).count() >= SENTENCE_WORDS,
        unknown: tokens
            .iter()
            .any(|t| !t.known && !t.stop && !t.word.chars().all(|c| c.is_ascii_digit())),
        ..Understood::default()
    };
    let at = |i: usize, k: &[String]| {
        k.iter()
            .enumerate()
            .all(|(j, key)| tokens.get(i + j).is_some_and(|t| &t.key == key))
    };
    u.help = (0..tokens.len()).any(|i| lex.help.iter().any(|h| at(i, h)));
    if let Some((theme, weight)) = lex.person.aimed_at_me(&tokens) {
        *u.votes.entry(theme.to_owned()).or_default() += weight;
    }
    // "ik ben 13", "ik ben 82 jaar": help for that age (De Kindertelefoon, the Zilverlijn)
    // says so in words the query lacks.
    for age in stated_ages(&tokens, &lex.age) {
        for (_, _, finds) in lex.age.groups.iter().filter(|g| (g.0..=g.1).contains(&age)) {
            u.find(finds);
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        let found = lex
            .terms
            .get(&tokens[i].key)
            .and_then(|list| list.iter().find(|(k, _)| at(i, k)))
            .map(|(k, e)| (k.len(), *e))
            .or_else(|| {
                (!tokens[i].known && !tokens[i].stop)
                    .then(|| typo_of(lex, &tokens[i]).map(|(_, e)| (1, *e)))
                    .flatten()
            });
        let Some((len, entry)) = found else {
            // The corpus lacks the compound too: its parts' finds search for it.
            for e in compound_entries(&tokens[i].word, vocab, lex) {
                let (theme, finds) = &lex.entries[e];
                *u.votes.entry(theme.clone()).or_default() += 1.0;
                u.find(finds);
            }
            i += 1;
            continue;
        };
        let (theme, finds) = &lex.entries[entry];
        *u.votes.entry(theme.clone()).or_default() += len as f32;
        // The corpus's own words find themselves; only words it lacks need the finds, and so
        // does an expression of several words, whose words alone say something else ("kijkt
        // in mijn telefoon").
        let unknown = tokens[i..i + len]
            .iter()
            .any(|t| !t.stop && vocab.df(&t.word) == 0);
        let idiom = tokens[i..i + len].iter().filter(|t| !t.stop).count() >= 2;
        if unknown || idiom {
            u.find(finds);
        }
        i += len;
    }
    u
}
