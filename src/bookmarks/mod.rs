//! Personal bookmarks with notes, kept in SQLite so they survive crashes, power cuts and two
//! plein sessions at once.
//!
//! A bookmark is stored by document id with a snapshot of its title, kind and theme, so a
//! bookmark whose story left the corpus is still shown ("niet meer beschikbaar"), never dropped.
//! [`Store::open`] never fails: a damaged database is moved aside and a new one made; a directory
//! that cannot be written gives a store for this session only. Either way the caller gets a
//! [`Notice`] to show.

mod store;
mod transfer;

pub use store::{SCHEMA_VERSION, Store, migrate_to};
pub use transfer::{ImportError, MarkdownLabels, export_json, export_markdown, parse_import};

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The database file name inside the data directory.
pub const FILE_NAME: &str = "bookmarks.sqlite3";

/// Longest note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// One bookmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The story or resource id.
    pub id: String,
    /// `story` or `resource`.
    pub kind: String,
    /// The title when it was bookmarked (shown if the document is gone).
    pub title: String,
    /// The main theme slug when it was bookmarked (may be empty).
    #[serde(default)]
    pub theme: String,
    /// The person's note (may be empty, may span lines).
    #[serde(default)]
    pub note: String,
    /// When it was added, seconds since 1970 (UTC).
    #[serde(default)]
    pub created: i64,
    /// When it or its note last changed.
    #[serde(default)]
    pub updated: i64,
}

/// Something the person should know about their bookmarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Bookmarks cannot be kept: they last for this session only.
    SessionOnly {
        /// The directory that could not be used.
        dir: PathBuf,
        /// Why, in the system's words.
        reason: String,
    },
    /// The database was damaged; it was moved aside and a new one made.
    Quarantined {
        /// Where the old file is now.
        moved_to: PathBuf,
    },
    /// The database was made by a newer plein; it is left untouched.
    Newer {
        /// The database file.
        path: PathBuf,
    },
}

/// A bookmark operation failed.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(e.to_string())
    }
}
