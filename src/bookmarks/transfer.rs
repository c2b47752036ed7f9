//! Bookmarks out and in: Markdown for people, JSON for machines, and a validated import.

use super::{Bookmark, MAX_NOTE_CHARS};
use crate::corpus::{Corpus, Doc, is_slug};

/// Longest title accepted on import, in characters.
const MAX_TITLE_CHARS: usize = 300;

/// An import file that cannot be used, with where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// Which bookmark (1-based), if the problem is in one.
    pub item: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.item {
            Some(n) => write!(f, "bookmark {n}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The bookmarks as JSON: an array of objects, the format `import` reads back.
pub fn export_json(bookmarks: &[Bookmark]) -> String {
    serde_json::to_string_pretty(bookmarks).unwrap_or_else(|_| "[]".into()) + "\n"
}

/// The bookmarks as Markdown for people: titles, notes, and for resources how to reach them.
/// `labels` gives the UI words: (heading, "no longer available", phone, website, hours).
pub fn export_markdown(
    bookmarks: &[Bookmark],
    corpus: &Corpus,
    labels: &MarkdownLabels<'_>,
) -> String {
    let mut out = format!("# {}\n", labels.heading);
    for b in bookmarks {
        out.push_str(&format!("\n## {}\n\n", one_line(&b.title)));
        match corpus.get(&b.id) {
            Some(Doc::Resource(r)) => {
                for p in &r.phone {
                    out.push_str(&format!("- {}: {p}\n", labels.phone));
                }
                if let Some(u) = &r.url {
                    out.push_str(&format!("- {}: {u}\n", labels.website));
                }
                if let Some(h) = &r.hours {
                    out.push_str(&format!("- {}: {h}\n", labels.hours));
                }
            }
            Some(Doc::Story(_)) => {}
            None => out.push_str(&format!("*{}*\n", labels.gone)),
        }
        if !b.note.trim().is_empty() {
            out.push('\n');
            for line in b.note.lines() {
                out.push_str(&format!("> {line}\n"));
            }
        }
    }
    out
}

/// The words of a Markdown export, in the UI language.
pub struct MarkdownLabels<'a> {
    /// The document heading.
    pub heading: &'a str,
    /// Shown for a bookmark whose document left the corpus.
    pub gone: &'a str,
    /// "Phone".
    pub phone: &'a str,
    /// "Website".
    pub website: &'a str,
    /// "Hours".
    pub hours: &'a str,
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an import file (the JSON export format), checking every bookmark. Text is sanitized.
pub fn parse_import(text: &str) -> Result<Vec<Bookmark>, ImportError> {
    let whole = |message: String| ImportError {
        item: None,
        message,
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        whole(format!(
            "not JSON (line {}, column {}): {e}; expected the file `plein bookmarks export --format json` writes",
            e.line(),
            e.column()
        ))
    })?;
    let items = value
        .as_array()
        .ok_or_else(|| whole("expected a JSON array of bookmarks".into()))?;
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let err = |message: String| ImportError {
                item: Some(i + 1),
                message,
            };
            let b: Bookmark = serde_json::from_value(v.clone()).map_err(|e| {
                err(format!(
                    "{e}; expected an object with id, kind, title and optionally theme, note"
                ))
            })?;
            if !is_slug(&b.id) {
                return Err(err(format!(
                    "id `{}` is not a valid id (lower-case letters, digits, hyphens)",
                    crate::sanitize::sanitize_line(&b.id)
                )));
            }
            if b.kind != "story" && b.kind != "resource" {
                return Err(err("kind must be \"story\" or \"resource\"".into()));
            }
            let title = crate::sanitize::sanitize_line(&b.title).trim().to_owned();
            if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
                return Err(err(format!(
                    "title must be 1 to {MAX_TITLE_CHARS} characters"
                )));
            }
            if b.note.chars().count() > MAX_NOTE_CHARS {
                return Err(err(format!(
                    "note is longer than {MAX_NOTE_CHARS} characters"
                )));
            }
            if !b.theme.is_empty() && !is_slug(&b.theme) {
                return Err(err("theme must be a theme slug".into()));
            }
            Ok(Bookmark {
                title,
                note: crate::sanitize::sanitize(&b.note).into_owned(),
                ..b
            })
        })
        .collect()
}
