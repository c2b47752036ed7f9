//! Search quality evaluation: a set of realistic queries with the theme or document each should
//! find, scored by top-1 theme accuracy and top-3 document recall.

use super::{Filter, SearchIndex};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One evaluation query.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// What a person types.
    pub query: String,
    /// The theme the top hit must belong to.
    pub theme: Option<String>,
    /// A document that must be among the top 3.
    pub doc: Option<String>,
    /// What the query tests (word, inflection, typo, accent, synonym, sentence, name, number).
    pub kind: String,
}

#[derive(Deserialize)]
struct File {
    q: Vec<Case>,
}

/// Parses an evaluation set (`[[q]]` tables).
pub fn parse(text: &str) -> Result<Vec<Case>, toml::de::Error> {
    toml::from_str::<File>(text).map(|f| f.q)
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Cases evaluated.
    pub cases: usize,
    /// Cases that passed.
    pub passed: usize,
    /// Passed / total per kind.
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// Each failure: the query and what came first instead.
    pub failures: Vec<String>,
}

impl Report {
    /// The share of cases that passed (top-1 theme or top-3 document).
    pub fn score(&self) -> f64 {
        if self.cases == 0 {
            0.0
        } else {
            self.passed as f64 / self.cases as f64
        }
    }
}

/// Runs every case against an index.
pub fn evaluate(index: &SearchIndex, cases: &[Case]) -> Report {
    let mut report = Report {
        cases: cases.len(),
        ..Report::default()
    };
    for case in cases {
        let results = index.search(&case.query, &Filter::default(), 10).ok();
        let hits = results.map(|r| r.hits).unwrap_or_default();
        let theme_ok = case
            .theme
            .as_ref()
            .is_none_or(|t| hits.first().is_some_and(|h| h.themes.contains(t)));
        let doc_ok = case
            .doc
            .as_ref()
            .is_none_or(|d| hits.iter().take(3).any(|h| &h.id == d));
        let ok = theme_ok && doc_ok;
        let entry = report.by_kind.entry(case.kind.clone()).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
            report.passed += 1;
        } else {
            let first = hits.first().map_or("nothing".to_owned(), |h| {
                format!("{} ({})", h.id, h.themes.join(","))
            });
            report
                .failures
                .push(format!("{:?}: first was {first}", case.query));
        }
    }
    report
}
