//! Crisis signals: when a query says someone is in danger, a card with the help for that kind
//! of danger stands above the results (`data/crisis.toml`, see data/README.md).
//!
//! Signals are slots of words matched through the same analysis as search (verb lemma, stem,
//! folded accents, a small typo in a word the corpus does not know); nothing a person types is
//! ever turned into a pattern.

use crate::corpus::parse::{self, Fields};
use crate::diag::{Diagnostic, msg};
use serde::Deserialize;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;
use toml::Spanned;

pub use super::card::{Card, CardResource, help_now};
pub(crate) use super::card::{bundled_facts, card, facts};

/// The kinds of danger plein knows, most urgent first.
pub const KINDS: [&str; 4] = ["suicide", "child", "danger-now", "no-shelter"];

/// One alternative in a slot: a word (as its analysis key) or a prefix. Its text is shared
/// (`Arc`): a class such as `$harm` stands in dozens of signals, and each copy of an
/// alternative would otherwise hold strings of its own in every process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Alt {
    /// Matches a word with this key (stem of the lemma); `word` is the folded form, for typos;
    /// `stop`: the word is a stop word (a stop word in a query shares its key only with those).
    Word {
        key: Arc<str>,
        word: Arc<str>,
        stop: bool,
    },
    /// Matches words that start with this folded prefix.
    Prefix(Arc<str>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Signal {
    pub kind: usize,
    pub slots: Vec<Vec<Alt>>,
    pub unless: Vec<Vec<Alt>>,
    pub order: bool,
    pub alone: bool,
    pub last: bool,
    /// Its line in the file (tuning reports name it).
    pub line: usize,
}

/// The parsed signals with the help each kind gets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signals {
    pub(crate) kinds: Vec<(String, Vec<String>)>,
    /// Per kind, slots of which any one cancels every signal of that kind.
    pub(crate) kind_unless: Vec<Vec<Vec<Alt>>>,
    pub(crate) signals: Vec<Signal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    kind: Vec<RawKind>,
    #[serde(default)]
    class: Vec<RawClass>,
    #[serde(default)]
    signal: Vec<RawSignal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    name: Spanned<String>,
    words: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    slug: Spanned<String>,
    resources: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignal {
    kind: Spanned<String>,
    words: Spanned<String>,
    #[serde(default)]
    unless: Option<String>,
    #[serde(default)]
    order: bool,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    last: bool,
}

/// A word of a query as the matcher sees it.
pub(crate) struct Token {
    /// Folded, lower case.
    pub word: String,
    /// Stem of its lemma (`@kind` for a child's age).
    pub key: String,
    /// A stop word (the only words `alone` signals allow besides their own).
    pub stop: bool,
    /// Known to the corpus or the lexicons: never read as a typo.
    pub known: bool,
}

/// The analysis key of a folded word: the stem of its lemma. The spoken and typed forms of a
/// few pronouns share one key, so a lexicon or signal written with one matches the others
/// ("niemand zal me geloven" / "niemand zal mij geloven"; "mn", "m'n" and "mijn").
pub(crate) fn key(word: &str) -> String {
    if let Ok(n) = word.parse::<u32>()
        && (4..=17).contains(&n)
    {
        return "@kind".into();
    }
    let word = match word {
        "mij" => "me",
        "mn" | "m'n" => "mijn",
        "zn" | "z'n" => "zijn",
        "d'r" => "haar",
        w => w,
    };
    super::stem::stem_word(word)
}

/// A word class (`$name` in a slot): alternatives shared by many signals.
type Classes = HashMap<String, Vec<Alt>>;

fn alt(a: &str) -> Alt {
    let folded = super::analysis::fold(a);
    match folded.strip_suffix('*') {
        Some(p) => Alt::Prefix(p.into()),
        None if folded == "@kind" => {
            let word: Arc<str> = folded.into();
            Alt::Word {
                key: word.clone(),
                word,
                stop: false,
            }
        }
        None => Alt::Word {
            key: key(&folded).into(),
            stop: super::analysis::is_stop(&folded),
            word: folded.into(),
        },
    }
}

/// The slots of `words`, each `$name` replaced by its class; `Err` names a class that is not
/// declared.
/// [`alt`], once per distinct word of the file (*me*, *mij*, *nu* stand in many slots): the
/// file is compiled by every process that searches.
fn alt_once(a: &str, memo: &mut HashMap<String, Alt>) -> Alt {
    if let Some(known) = memo.get(a) {
        return known.clone();
    }
    let made = alt(a);
    memo.insert(a.to_owned(), made.clone());
    made
}

fn alts(
    text: &str,
    classes: &Classes,
    memo: &mut HashMap<String, Alt>,
) -> Result<Vec<Vec<Alt>>, String> {
    let mut slots = Vec::new();
    for slot in text.split_whitespace() {
        let mut alts = Vec::new();
        for a in slot.split('|').filter(|a| !a.is_empty()) {
            match a.strip_prefix('$') {
                Some(name) => alts.extend_from_slice(classes.get(name).ok_or(name)?),
                None => alts.push(alt_once(a, memo)),
            }
        }
        if !alts.is_empty() {
            slots.push(alts);
        }
    }
    Ok(slots)
}

/// Parses the file against the resource ids that exist (`None`: take every id as it is);
/// problems (unknown kind or resource, a kind twice, a signal twice) become diagnostics with
/// file:line.
pub fn parse(
    path: &str,
    text: &str,
    resources: Option<&[&str]>,
    diags: &mut Vec<Diagnostic>,
) -> Signals {
    let mut out = Signals::default();
    let Some(raw) = parse::parse_toml::<Raw>(path, text, text, 0, diags) else {
        return out;
    };
    let mut f = Fields::new(path, text, 0, diags);
    let mut kind_unless = Vec::new();
    for k in raw.kind {
        let pos = f.pos(&k.slug);
        let slug = k.slug.into_inner();
        if !KINDS.contains(&slug.as_str()) {
            let hint = msg("diag.use-one-of").arg("allowed", KINDS.join(", "));
            f.error(
                pos,
                "unknown-crisis-kind",
                msg("diag.unknown-crisis-kind").arg("value", &slug),
                Some(hint),
            );
            continue;
        }
        if out.kinds.iter().any(|(s, _)| s == &slug) {
            f.error(
                pos,
                "duplicate-crisis-kind",
                msg("diag.duplicate-crisis-kind").arg("value", &slug),
                None,
            );
            continue;
        }
        let mut ids = Vec::new();
        for r in k.resources {
            let pos = f.pos(&r);
            let id = r.into_inner();
            if resources.is_some_and(|r| !r.contains(&id.as_str())) {
                let m = msg("diag.crisis-unknown-resource").arg("id", &id);
                f.error(
                    pos,
                    "unknown-resource",
                    m,
                    Some(msg("diag.crisis-unknown-resource_hint")),
                );
            } else {
                ids.push(id);
            }
        }
        out.kinds.push((slug, ids));
        kind_unless.push(k.unless);
    }
    let mut classes = Classes::new();
    let mut memo: HashMap<String, Alt> = HashMap::new();
    for c in raw.class {
        let pos = f.pos(&c.name);
        let name = c.name.into_inner();
        let words: Vec<Alt> = crate::corpus::normalise(&c.words.into_inner())
            .split(|ch: char| ch == '|' || ch.is_whitespace())
            .filter(|a| !a.is_empty())
            .map(|a| alt_once(a, &mut memo))
            .collect();
        match classes.entry(name) {
            Entry::Occupied(e) => {
                let m = msg("diag.duplicate-crisis-class").arg("value", e.key());
                f.error(pos, "duplicate-crisis-class", m, None);
            }
            Entry::Vacant(_) if words.is_empty() => {
                f.error(
                    pos,
                    "bad-crisis-signal",
                    msg("diag.bad-crisis-signal"),
                    None,
                );
            }
            Entry::Vacant(e) => {
                e.insert(words);
            }
        }
    }
    for unless in kind_unless {
        let slots = match unless {
            None => Vec::new(),
            Some(u) => {
                let pos = f.pos(&u);
                let text = crate::corpus::normalise(&u.into_inner());
                alts(&text, &classes, &mut memo).unwrap_or_else(|name| {
                    let m = msg("diag.unknown-crisis-class").arg("value", name);
                    let hint = msg("diag.unknown-crisis-class_hint");
                    f.error(pos, "unknown-crisis-class", m, Some(hint));
                    Vec::new()
                })
            }
        };
        out.kind_unless.push(slots);
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for s in raw.signal {
        let pos = f.pos(&s.kind);
        let kind = s.kind.into_inner();
        let Some(k) = out.kinds.iter().position(|(slug, _)| slug == &kind) else {
            let m = msg("diag.unknown-crisis-kind").arg("value", &kind);
            f.error(
                pos,
                "unknown-crisis-kind",
                m,
                Some(msg("diag.unknown-crisis-kind_hint")),
            );
            continue;
        };
        let wpos = f.pos(&s.words);
        let words = crate::corpus::normalise(&s.words.into_inner());
        if let Some(line) = seen.insert((kind.clone(), words.clone()), wpos.line) {
            let m = msg("diag.duplicate-crisis-signal").arg("line", line);
            f.error(wpos, "duplicate-crisis-signal", m, None);
            continue;
        }
        let unless = s.unless.as_deref().unwrap_or_default();
        let slots = alts(&words, &classes, &mut memo);
        let unless = alts(unless, &classes, &mut memo);
        let (slots, unless) = match (slots, unless) {
            (Ok(slots), Ok(unless)) => (slots, unless),
            (Err(name), _) | (_, Err(name)) => {
                let m = msg("diag.unknown-crisis-class").arg("value", name);
                let hint = msg("diag.unknown-crisis-class_hint");
                f.error(wpos, "unknown-crisis-class", m, Some(hint));
                continue;
            }
        };
        if slots.is_empty() {
            f.error(
                wpos,
                "bad-crisis-signal",
                msg("diag.bad-crisis-signal"),
                None,
            );
            continue;
        }
        out.signals.push(Signal {
            kind: k,
            slots,
            unless,
            order: s.order,
            alone: s.alone,
            last: s.last,
            line: wpos.line,
        });
    }
    out
}

/// Whether a word of the query is this alternative; with `typos`, a small typo in a word the
/// corpus does not know counts too. Cancelling words (`unless`) are matched without typos: a
/// typo must never take a card away ("nie" in Polish is not "niet").
fn matches(alt: &Alt, t: &Token, typos: bool) -> bool {
    match alt {
        Alt::Prefix(p) => {
            t.word.starts_with(&**p)
                || (typos
                    && !t.known
                    && p.chars().count() >= 6
                    && crate::corpus::edit_distance(
                        &t.word
                            .chars()
                            .take(p.chars().count() + 1)
                            .collect::<String>(),
                        p,
                    ) <= 1)
        }
        Alt::Word { key, word, stop } => {
            // A stop word shares its stem only with stop words: "kan" is not "kant".
            if *t.word == **word || (*t.key == **key && (!t.stop || *stop)) {
                return true;
            }
            if !typos {
                return false;
            }
            let n = word.chars().count();
            let max = match n {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            !t.known
                && !t.stop
                && max > 0
                && t.word.chars().count().abs_diff(n) <= max
                && crate::corpus::edit_distance(&t.word, word) <= max
        }
    }
}

impl Signals {
    /// The kind of danger the query speaks of (most urgent first), with its resource ids and
    /// the line of the signal that matched.
    pub(crate) fn detect(&self, tokens: &[Token]) -> Option<(&str, &[String], usize)> {
        let mut best: Option<&Signal> = None;
        for s in &self.signals {
            if best.is_some_and(|b| b.kind <= s.kind) || !self.fires(s, tokens) {
                continue;
            }
            best = Some(s);
        }
        best.map(|s| {
            let (kind, ids) = &self.kinds[s.kind];
            (kind.as_str(), ids.as_slice(), s.line)
        })
    }

    fn fires(&self, s: &Signal, tokens: &[Token]) -> bool {
        let cancels = |slot: &Vec<Alt>| {
            tokens
                .iter()
                .any(|t| slot.iter().any(|a| matches(a, t, false)))
        };
        if s.unless
            .iter()
            .chain(&self.kind_unless[s.kind])
            .any(cancels)
        {
            return false;
        }
        let mut used = vec![false; tokens.len()];
        let mut from = 0;
        let mut end = 0;
        for slot in &s.slots {
            let start = if s.order { from } else { 0 };
            let found = (start..tokens.len())
                .find(|&i| !used[i] && slot.iter().any(|a| matches(a, &tokens[i], true)));
            match found {
                Some(i) => {
                    used[i] = true;
                    from = i + 1;
                    end = end.max(i + 1);
                }
                None => return false,
            }
        }
        (!s.alone || tokens.iter().zip(&used).all(|(t, u)| *u || t.stop))
            && (!s.last || tokens[end..].iter().all(|t| t.stop))
    }

    /// The kind a text speaks of, read on its own: without a corpus every word may be a typo.
    /// For trying a signal file (tests, `plein check`-style tools).
    pub fn detect_text(&self, text: &str) -> Option<&str> {
        let words = super::analysis::Analyzers::default().words(text);
        let tokens: Vec<Token> = words
            .iter()
            .map(|w| Token {
                key: key(w),
                stop: super::analysis::is_stop(w),
                known: super::lexicon::lemma(w).is_some(),
                word: w.clone(),
            })
            .collect();
        self.detect(&tokens).map(|(kind, _, _)| kind)
    }

    /// The resource ids of a kind's card.
    pub fn resources(&self, kind: &str) -> &[String] {
        self.kinds
            .iter()
            .find(|(k, _)| k == kind)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// Number of signals (for `plein check` and tests).
    pub fn len(&self) -> usize {
        self.signals.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.signals.is_empty()
    }
}
