//! `synonyms.toml`: curated synonyms that search applies to what people type.

use super::parse::{self, Fields};
use crate::diag::{Diagnostic, msg};
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

/// Synonyms: for a term (lower-case words joined by one space), the terms it also finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    map: HashMap<String, Vec<String>>,
    longest: usize,
}

impl Synonyms {
    /// The terms `term` also finds (empty when it has no synonyms).
    pub fn of(&self, term: &str) -> &[String] {
        self.map.get(term).map_or(&[], Vec::as_slice)
    }

    /// Most words in any term (for matching multi-word terms in a query).
    pub fn longest_term(&self) -> usize {
        self.longest
    }

    /// Every term with what it also finds.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Number of terms with synonyms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Synonyms exactly as given (the prebuilt corpus table stores them so).
    pub(super) fn from_parts(map: HashMap<String, Vec<String>>, longest: usize) -> Self {
        Synonyms { map, longest }
    }

    fn add(&mut self, from: &str, to: &str) {
        let list = self.map.entry(from.to_owned()).or_default();
        if from != to && !list.iter().any(|t| t == to) {
            list.push(to.to_owned());
        }
        self.longest = self.longest.max(from.split(' ').count());
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    group: Vec<RawGroup>,
    #[serde(default)]
    expand: Vec<RawExpand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    terms: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpand {
    from: Spanned<String>,
    to: Vec<Spanned<String>>,
}

/// Parses `synonyms.toml`; every problem becomes a diagnostic. `None` when it cannot be used.
pub(crate) fn parse(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Synonyms> {
    let raw: RawFile = parse::parse_toml(path, text, text, 0, diags)?;
    let mut f = Fields::new(path, text, 0, diags);
    let mut syn = Synonyms::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut term = |f: &mut Fields<'_>, s: Spanned<String>, unique: bool| -> Option<String> {
        let pos = f.pos(&s);
        let t = normalise(&f.text(s));
        if t.is_empty() || t.split(' ').count() > 4 {
            f.error(pos, "bad-synonym", msg("diag.bad-synonym"), None);
            return None;
        }
        if unique && let Some(line) = seen.insert(t.clone(), pos.line) {
            f.error(
                pos,
                "duplicate-synonym",
                msg("diag.duplicate-synonym")
                    .arg("value", &t)
                    .arg("line", line),
                Some(msg("diag.duplicate-synonym_hint")),
            );
            return None;
        }
        Some(t)
    };
    for g in raw.group {
        let pos = f.pos(&g.terms);
        let terms: Vec<String> = g
            .terms
            .into_inner()
            .into_iter()
            .filter_map(|s| term(&mut f, s, true))
            .collect();
        if terms.len() < 2 {
            f.error(pos, "bad-synonym", msg("diag.synonym-group-small"), None);
        }
        for a in &terms {
            for b in &terms {
                syn.add(a, b);
            }
        }
    }
    for e in raw.expand {
        let Some(from) = term(&mut f, e.from, true) else {
            continue;
        };
        for to in e.to {
            if let Some(to) = term(&mut f, to, false) {
                syn.add(&from, &to);
            }
        }
    }
    (f.errors() == 0).then_some(syn)
}

/// Lower case, single spaces, no surrounding white space. Accents are kept here; search folds
/// both sides the same way.
pub fn normalise(term: &str) -> String {
    term.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
