//! Search results: ranked hits with snippets, theme facet counts, and "did you mean".

use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

/// Story or resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A lived-experience story.
    Story,
    /// A help resource.
    Resource,
}

impl Kind {
    /// The slug used on the command line and in JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Story => "story",
            Kind::Resource => "resource",
        }
    }

    /// Parses `story` or `resource`.
    pub fn from_slug(s: &str) -> Option<Kind> {
        [Kind::Story, Kind::Resource]
            .into_iter()
            .find(|k| k.slug() == s)
    }
}

/// The best passage of a hit, with the byte ranges of the matched words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, one or two lines, with `…` where it was cut.
    pub text: String,
    /// Byte ranges in `text` of the matched words.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    fn from_tantivy(s: &tantivy::snippet::Snippet, full: &str) -> Snippet {
        let range = s.fragment_range();
        let prefix = if range.start > 0 { "…" } else { "" };
        let suffix = if range.end < full.len() { "…" } else { "" };
        let text = format!("{prefix}{}{suffix}", s.fragment().trim_end());
        let shift = prefix.len();
        let highlights = s
            .highlighted()
            .iter()
            .map(|r| r.start + shift..r.end + shift)
            .filter(|r| r.end <= text.len())
            .collect();
        Snippet { text, highlights }
    }

    /// The start of a text, cut at a word boundary, when no passage matched.
    fn lead(full: &str) -> Snippet {
        let mut text = String::new();
        for word in full.split_whitespace() {
            if text.chars().count() + word.chars().count() + 1 > super::SNIPPET_CHARS {
                text.push('…');
                break;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        Snippet {
            text,
            highlights: Vec::new(),
        }
    }

    /// The passage cut to at most `max` characters around its first match: the match is never
    /// cut off, a little context stands before it, and cuts fall between words (marked `…`).
    pub fn window(&self, max: usize) -> Snippet {
        let chars = self.text.chars().count();
        if chars <= max || max < 8 {
            return self.clone();
        }
        let first = self.highlights.first().map_or(0, |r| r.start);
        let match_end = self.highlights.first().map_or(0, |r| r.end);
        let byte_at = |char_idx: usize| {
            self.text
                .char_indices()
                .nth(char_idx)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let first_char = self.text[..first].chars().count();
        let match_chars = self.text[first..match_end].chars().count();
        // A quarter of the window before the match, less when the match itself is long.
        let before = (max / 4).min(max.saturating_sub(match_chars + 2));
        let mut start = byte_at(first_char.saturating_sub(before));
        if start > 0 {
            // Start after a space, unless that would pass the match.
            if let Some(sp) = self.text[start..first].find(' ') {
                start += sp + 1;
            } else {
                start = first;
            }
        }
        let lead = if start > 0 { "…" } else { "" };
        let room = max - lead.chars().count() - 1;
        let start_char = self.text[..start].chars().count();
        let mut end = byte_at(start_char + room);
        if end < self.text.len() {
            if let Some(sp) = self.text[..end].rfind(' ').filter(|&sp| sp >= match_end) {
                end = sp;
            }
            end = end.max(match_end.min(self.text.len()));
        }
        let tail = if end < self.text.len() { "…" } else { "" };
        let body = self.text[start..end].trim_end();
        let text = format!("{lead}{body}{tail}");
        let shift = lead.len();
        let highlights = self
            .highlights
            .iter()
            .filter(|r| r.start >= start && r.end <= start + body.len())
            .map(|r| r.start - start + shift..r.end - start + shift)
            .collect();
        Snippet { text, highlights }
    }

    /// The passage with matched words between `open` and `close` (for plain output).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at
                || !self.text.is_char_boundary(r.start)
                || !self.text.is_char_boundary(r.end)
            {
                continue;
            }
            out.push_str(&self.text[at..r.start]);
            out.push_str(open);
            out.push_str(&self.text[r.clone()]);
            out.push_str(close);
            at = r.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Story or resource id.
    pub id: String,
    /// Story or resource.
    pub kind: Kind,
    /// Title (or resource name).
    pub title: String,
    /// Main theme slug (empty for general resources).
    pub theme: String,
    /// All theme slugs.
    pub themes: Vec<String>,
    /// Relevance score (higher is better).
    pub score: f32,
    /// The best passage.
    #[serde(serialize_with = "snippet_text")]
    pub snippet: Snippet,
    /// The file it was indexed from (relative to the corpus root) and its stamp then.
    #[serde(skip)]
    pub file: Option<(String, u64)>,
}

fn snippet_text<S: serde::Serializer>(s: &Snippet, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(&s.text)
}

impl Hit {
    pub(crate) fn from_doc(
        doc: &TantivyDocument,
        f: &super::Fields,
        score: f32,
        snippets: &tantivy::snippet::SnippetGenerator,
    ) -> Option<Hit> {
        let id = first_str(doc, f.id)?;
        let kind = Kind::from_slug(&first_str(doc, f.kind)?)?;
        let themes: Vec<String> = first_str(doc, f.themes)
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let body = first_str(doc, f.body).unwrap_or_default();
        let found = snippets.snippet(&body);
        let snippet = if found.highlighted().is_empty() {
            Snippet::lead(&first_str(doc, f.summary).unwrap_or(body))
        } else {
            Snippet::from_tantivy(&found, &body)
        };
        Some(Hit {
            id,
            kind,
            title: first_str(doc, f.title).unwrap_or_default(),
            theme: themes.first().cloned().unwrap_or_default(),
            themes,
            score,
            snippet,
            file: first_str(doc, f.file).zip(doc.get_first(f.stamp).and_then(|v| v.as_u64())),
        })
    }
}

/// Theme facet counts for the current query.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Hits per theme slug (every theme present, zero included).
    pub themes: BTreeMap<String, u64>,
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// The query as searched (sanitized).
    pub query: String,
    /// All matching documents (before the limit).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per theme, ignoring any theme filter, so people can see where else to look.
    pub facets: Facets,
    /// A better query when this one found little.
    pub suggestion: Option<String>,
    /// When nothing was found: the theme the query's words point to (by the lexicons).
    pub nearest_theme: Option<String>,
    /// Help to show above the results when the query says someone is in danger.
    pub crisis: Option<super::crisis::Card>,
}

impl Results {
    pub(crate) fn empty(themes: &[String]) -> Results {
        Results {
            query: String::new(),
            total: 0,
            hits: Vec::new(),
            facets: Facets {
                themes: themes.iter().map(|t| (t.clone(), 0)).collect(),
            },
            suggestion: None,
            crisis: None,
            nearest_theme: None,
        }
    }
}

/// Every text value of a field.
pub(crate) fn all_str(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The first text value of a field.
pub(crate) fn first_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}
