//! A persistent index for large external corpora, in the user's cache directory.
//!
//! The cache is keyed by the corpus fingerprint (paths, sizes and modification times of its
//! files), the analyzer version and plein's version, so a changed corpus or analysis gets a fresh
//! index. A marker beside the index holds what a search needs besides it (themes, synonyms, the
//! number of skipped documents), so a valid cache answers without reading the corpus at all.
//! The cache is never trusted blindly: one that does not open, holds another document count or
//! schema, or has a broken marker is removed and rebuilt. A new index is built in a temporary
//! directory and renamed into place, so a crash never leaves a half-written index behind.

use super::analysis::{self, ANALYZER_VERSION, Analyzers};
use super::index::{self, schema};
use super::plan::FoldedSynonyms;
use super::{SearchError, SearchIndex};
use crate::corpus::Corpus;
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::Index;

/// The marker written beside a finished index.
const MARKER: &str = "plein-index.toml";
/// How many cached indexes to keep (one per corpus a person uses).
const KEEP: usize = 3;

/// How an index was obtained, for figures and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Built in memory (bundled corpus, guest sessions).
    Memory,
    /// Opened from the cache.
    Cached,
    /// Built and stored in the cache (first use, a changed corpus, or a damaged cache).
    Rebuilt,
}

/// What the marker of a cached index records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Indexed documents.
    pub docs: u64,
    /// Corpus documents left out for errors when the index was built.
    pub skipped: usize,
}

fn key(fingerprint: u64) -> String {
    format!(
        "{fingerprint:016x}-a{ANALYZER_VERSION}-v{}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Opens the cached index for a corpus fingerprint, if a sound one exists: the fast path that
/// never reads the corpus.
pub fn open_cached(root: &Path, fingerprint: u64) -> Option<(SearchIndex, Meta)> {
    let dir = root.join(key(fingerprint));
    let marker: toml::Table = fs::read_to_string(dir.join(MARKER)).ok()?.parse().ok()?;
    if marker.get("key")?.as_str()? != key(fingerprint) {
        return None;
    }
    let meta = Meta {
        docs: u64::try_from(marker.get("docs")?.as_integer()?).ok()?,
        skipped: usize::try_from(marker.get("skipped")?.as_integer()?).ok()?,
    };
    let themes = marker
        .get("themes")?
        .as_array()?
        .iter()
        .map(|t| t.as_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()?;
    let synonyms = FoldedSynonyms::from_table(marker.get("synonyms")?.as_table()?)?;
    let index = Index::open_in_dir(&dir).ok()?;
    if index.schema() != schema().0 {
        return None;
    }
    analysis::register(&index);
    let (_, fields) = schema();
    // Opening reads every segment's term dictionaries (the vocabulary), so damaged files show
    // here; the count catches an index of another corpus under a colliding name.
    let ix = SearchIndex::open(index, fields, synonyms, themes).ok()?;
    (ix.len() == meta.docs).then_some((ix, meta))
}

/// Opens the cached index of `corpus` below `root`, or builds and caches it.
pub fn open_or_build(corpus: &Corpus, root: &Path) -> Result<(SearchIndex, Origin), SearchError> {
    if let Some((ix, _)) = open_cached(root, corpus.fingerprint) {
        return Ok((ix, Origin::Cached));
    }
    let dir = root.join(key(corpus.fingerprint));
    let _ = fs::remove_dir_all(&dir);
    create_private_dir(root).map_err(|e| SearchError(format!("{}: {e}", root.display())))?;
    let tmp = root.join(format!(
        ".build-{}-{}",
        std::process::id(),
        key(corpus.fingerprint)
    ));
    let _ = fs::remove_dir_all(&tmp);
    create_private_dir(&tmp).map_err(|e| SearchError(format!("{}: {e}", tmp.display())))?;
    if let Err(e) = build_in(corpus, &tmp) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if fs::rename(&tmp, &dir).is_err() {
        // Another plein finished the same index first: use theirs.
        let _ = fs::remove_dir_all(&tmp);
    }
    prune(root, &dir);
    match open_cached(root, corpus.fingerprint) {
        Some((ix, _)) => Ok((ix, Origin::Rebuilt)),
        None => Err(SearchError(format!(
            "{}: the new index does not open",
            dir.display()
        ))),
    }
}

fn build_in(corpus: &Corpus, dir: &Path) -> Result<(), SearchError> {
    let (schema, fields) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    analysis::register(&index);
    index::write(&index, index::documents(corpus, &fields))?;
    let mut marker = toml::Table::new();
    marker.insert("key".into(), key(corpus.fingerprint).into());
    marker.insert(
        "docs".into(),
        ((corpus.stories.len() + corpus.resources.len()) as i64).into(),
    );
    marker.insert("skipped".into(), (corpus.skipped as i64).into());
    let themes = corpus
        .themes
        .iter()
        .map(|t| toml::Value::String(t.slug.clone()))
        .collect();
    marker.insert("themes".into(), toml::Value::Array(themes));
    let synonyms = FoldedSynonyms::new(&corpus.synonyms, &mut Analyzers::default());
    marker.insert("synonyms".into(), toml::Value::Table(synonyms.to_table()));
    let text = toml::to_string(&marker).map_err(|e| SearchError(e.to_string()))?;
    fs::write(dir.join(MARKER), text).map_err(|e| SearchError(e.to_string()))
}

/// Keeps the `KEEP` most recently used indexes, and removes stale half-built ones.
fn prune(root: &Path, current: &Path) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut dirs: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for e in entries.flatten() {
        let p = e.path();
        let modified = e
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        if e.file_name().to_string_lossy().starts_with(".build-") {
            if modified.elapsed().is_ok_and(|age| age.as_secs() > 3600) {
                let _ = fs::remove_dir_all(&p);
            }
        } else if p != current && p.is_dir() {
            dirs.push((modified, p));
        }
    }
    dirs.sort();
    while dirs.len() >= KEEP {
        let (_, p) = dirs.remove(0);
        let _ = fs::remove_dir_all(p);
    }
}

/// Creates a directory (and parents) that only its owner can read: 0700 on Unix.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// The default cache directory: `PLEIN_CACHE_DIR`, else the platform's cache dir for plein.
pub fn default_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PLEIN_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "plein", "plein").map(|d| d.cache_dir().join("index"))
}
