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

/// One query of the independent sets (`tests/eval/users-*.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct UserCase {
    /// What a person types.
    pub query: String,
    /// The theme meant, or `none` for a query that belongs to no theme.
    pub theme: String,
    /// A resource that must be among the first three hits (help-seeking queries).
    pub resource: Option<String>,
    /// What the query tests (word, colloquial, english, compound, typo, sentence, …).
    pub kind: String,
}

#[derive(Deserialize)]
struct UserFile {
    /// Absent in a set of crisis phrasings and near-misses only.
    #[serde(default)]
    q: Vec<UserCase>,
}

/// Parses an independent query set (`[[q]]` tables with `theme` and optional `resource`).
pub fn parse_users(text: &str) -> Result<Vec<UserCase>, toml::de::Error> {
    toml::from_str::<UserFile>(text).map(|f| f.q)
}

/// A crisis phrasing with the kind of card it must give.
#[derive(Debug, Clone, Deserialize)]
pub struct CrisisCase {
    /// What a person types.
    pub query: String,
    /// `suicide`, `danger-now`, `child` or `no-shelter`.
    pub kind: String,
}

/// A crisis set: phrasings that must give a card, ordinary queries that never may.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CrisisSet {
    /// Phrasings with their kind.
    #[serde(default)]
    pub crisis: Vec<CrisisCase>,
    /// Ordinary queries (only `query`).
    #[serde(default)]
    pub ordinary: Vec<Ordinary>,
}

/// An ordinary query that must never give a crisis card.
#[derive(Debug, Clone, Deserialize)]
pub struct Ordinary {
    /// What a person types.
    pub query: String,
}

/// Parses a crisis set (`[[crisis]]` and `[[ordinary]]` tables).
pub fn parse_crisis(text: &str) -> Result<CrisisSet, toml::de::Error> {
    toml::from_str(text)
}

/// The figures of one part (tuning or test) of the independent evaluation.
///
/// Queries labelled `none` belong to no theme: they are left out of top-1, P@5 and the zero-hit
/// rate; for them `none_answered` counts those that still get an answer that is no dead end
/// (hits, a did-you-mean, or a nearest theme), and none may give a crisis card.
#[derive(Debug, Clone, Default)]
pub struct UserReport {
    /// Queries with a theme.
    pub themed: usize,
    /// Of those, the first hit is in the theme.
    pub top1: usize,
    /// Sum over themed queries of the share of the first five hits in the theme.
    pub p5_sum: f64,
    /// Queries naming a resource, and those with it in the first three hits.
    pub with_resource: usize,
    /// Resource among the first three.
    pub resource_top3: usize,
    /// Themed queries with no hit at all.
    pub zero_hits: usize,
    /// Queries labelled `none`, and those that got a crisis card (must be 0).
    pub none: usize,
    /// `none` queries that got a card.
    pub none_cards: usize,
    /// Misses, for tuning: query and what came first.
    pub failures: Vec<String>,
}

impl UserReport {
    /// Share of themed queries whose first hit is in the theme.
    pub fn top1_rate(&self) -> f64 {
        ratio(self.top1 as f64, self.themed)
    }
    /// Mean share of the first five hits in the expected theme.
    pub fn p5(&self) -> f64 {
        ratio(self.p5_sum, self.themed)
    }
    /// Share of help-seeking queries with their resource in the first three.
    pub fn resource_rate(&self) -> f64 {
        ratio(self.resource_top3 as f64, self.with_resource)
    }
    /// Share of themed queries with no hits.
    pub fn zero_hit_rate(&self) -> f64 {
        ratio(self.zero_hits as f64, self.themed)
    }
}

fn ratio(n: f64, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n / d as f64 }
}

/// Runs an independent query set.
pub fn evaluate_users(index: &SearchIndex, cases: &[UserCase]) -> UserReport {
    let mut r = UserReport::default();
    for case in cases {
        let results = index.search(&case.query, &Filter::default(), 10).ok();
        let card = results.as_ref().is_some_and(|x| x.crisis.is_some());
        let hits = results.map(|x| x.hits).unwrap_or_default();
        let first = hits.first().map_or("nothing".to_owned(), |h| {
            format!("{} ({})", h.id, h.themes.join(","))
        });
        if case.theme == "none" {
            r.none += 1;
            r.none_cards += usize::from(card);
            continue;
        }
        r.themed += 1;
        let in_theme = |h: &super::Hit| h.themes.contains(&case.theme);
        let top1 = hits.first().is_some_and(in_theme);
        r.top1 += usize::from(top1);
        let p5 = hits.iter().take(5).filter(|h| in_theme(h)).count() as f64 / 5.0;
        r.p5_sum += p5;
        r.zero_hits += usize::from(hits.is_empty());
        let mut ok = top1 && p5 >= 0.8;
        if let Some(res) = &case.resource {
            r.with_resource += 1;
            let found = hits.iter().take(3).any(|h| &h.id == res);
            r.resource_top3 += usize::from(found);
            ok &= found;
        }
        if !ok {
            r.failures.push(format!(
                "[{}] {:?} ({}{}): first {first}, P@5 {p5:.1}",
                case.kind,
                case.query,
                case.theme,
                case.resource
                    .as_ref()
                    .map_or(String::new(), |x| format!(", {x}"))
            ));
        }
    }
    r
}

/// Crisis recall and false positives of one crisis set.
#[derive(Debug, Clone, Default)]
pub struct CrisisReport {
    /// Phrasings.
    pub phrasings: usize,
    /// Phrasings that gave the card of their kind.
    pub recalled: usize,
    /// Ordinary queries.
    pub ordinary: usize,
    /// Ordinary queries that gave a card.
    pub false_positives: usize,
    /// Misses and false cards, for tuning.
    pub failures: Vec<String>,
}

/// Runs a crisis set.
pub fn evaluate_crisis(index: &SearchIndex, set: &CrisisSet) -> CrisisReport {
    let mut r = CrisisReport {
        phrasings: set.crisis.len(),
        ordinary: set.ordinary.len(),
        ..CrisisReport::default()
    };
    let kind_of = |q: &str| {
        index
            .search(q, &Filter::default(), 10)
            .ok()
            .and_then(|x| x.crisis.map(|c| c.kind))
    };
    for c in &set.crisis {
        let got = kind_of(&c.query);
        if got.as_deref() == Some(c.kind.as_str()) {
            r.recalled += 1;
        } else {
            let line = index
                .crisis_line(&c.query)
                .map(|l| format!(" (crisis.toml:{l})"));
            r.failures.push(format!(
                "missed {:?} ({}): got {got:?}{}",
                c.query,
                c.kind,
                line.unwrap_or_default()
            ));
        }
    }
    for o in &set.ordinary {
        if let Some(k) = kind_of(&o.query) {
            r.false_positives += 1;
            let line = index.crisis_line(&o.query).unwrap_or_default();
            r.failures.push(format!(
                "false card {:?}: {k} (crisis.toml:{line})",
                o.query
            ));
        }
    }
    r
}
