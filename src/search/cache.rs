//! A persistent index for large external corpora, in the user's cache directory.
//!
//! There is one cached index per corpus directory (named by a hash of its path, the analyzer
//! version and plein's version). Its marker records what a search needs besides the index
//! (themes, synonyms, the number of skipped documents), the corpus fingerprint it was built
//! from, and the stamps (size and modification time) of the corpus directories and top files.
//!
//! Two checks decide whether the index still matches the corpus:
//! - whoever has loaded the corpus compares the full fingerprint (every file's stamp);
//! - `plein search`, which must answer without reading a corpus of 100,000 files, compares the
//!   directory stamps (they change when a file is added, removed or renamed, which is how `git`,
//!   `rsync` and most editors save) and then the stamps of the files of the hits it shows. A
//!   mismatch in either means a full load and a rebuild. An in-place edit of a file that is not
//!   among the hits is only seen by the next full check; this trade keeps a search on a large
//!   corpus fast, as `git`'s untracked cache does with directory times.
//!
//! The cache is never trusted blindly: one that does not open, holds another document count or
//! schema, has a broken marker, or whose files differ from the sizes its marker records
//! (truncated, replaced) is rebuilt; whoever has loaded the corpus also verifies every file's
//! checksum (tantivy's footer), which catches damage that kept the size. Indexes are opened by
//! memory map (tantivy's `MmapDirectory`), so sessions on one host share their pages. A new index is built in a temporary directory and
//! renamed into place, so a crash never leaves a half-written index behind.

use super::analysis::{self, ANALYZER_VERSION, Analyzers};
use super::index::{self, schema};
use super::plan::FoldedSynonyms;
use super::{Hit, SearchError, SearchIndex};
use crate::corpus::{Corpus, Fnv, stamp_of};
use crate::paths::create_private_dir;
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::Index;

/// The marker written beside a finished index.
const MARKER: &str = "plein-index.toml";
/// The table of the index's vocabulary, beside it (see `search::vocabulary`).
const VOCABULARY: &str = "plein-vocabulary.bin";
/// How many cached indexes to keep (one per corpus a person uses).
const KEEP: usize = 3;

/// How an index was obtained, for figures and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Built in memory (guest sessions, or a binary whose prebuilt bundled index is stale).
    Memory,
    /// The prebuilt index embedded in the binary (bundled corpus).
    Embedded,
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

/// A parsed marker.
struct Marker {
    meta: Meta,
    fingerprint: u64,
    themes: Vec<String>,
    synonyms: FoldedSynonyms,
    /// Directories and top-level files, relative to the corpus root, with their stamps.
    stamps: Vec<(String, u64)>,
    /// The index files with their sizes.
    files: Vec<(String, u64)>,
}

/// The cache directory name of a corpus directory.
fn key(corpus_dir: &Path) -> String {
    let canon = corpus_dir
        .canonicalize()
        .unwrap_or_else(|_| corpus_dir.to_owned());
    let mut h = Fnv::new();
    h.eat(canon.as_os_str().as_encoded_bytes());
    format!(
        "{:016x}-a{ANALYZER_VERSION}-v{}",
        h.0,
        env!("CARGO_PKG_VERSION")
    )
}

fn hex(n: u64) -> toml::Value {
    toml::Value::String(format!("{n:016x}"))
}

fn unhex(v: &toml::Value) -> Option<u64> {
    u64::from_str_radix(v.as_str()?, 16).ok()
}

fn read_marker(dir: &Path, key: &str) -> Option<Marker> {
    let marker: toml::Table = fs::read_to_string(dir.join(MARKER)).ok()?.parse().ok()?;
    if marker.get("key")?.as_str()? != key {
        return None;
    }
    let themes = marker
        .get("themes")?
        .as_array()?
        .iter()
        .map(|t| t.as_str().map(str::to_owned))
        .collect::<Option<Vec<_>>>()?;
    let stamps = marker
        .get("stamps")?
        .as_table()?
        .iter()
        .map(|(rel, v)| Some((rel.clone(), unhex(v)?)))
        .collect::<Option<Vec<_>>>()?;
    let files = marker
        .get("files")?
        .as_table()?
        .iter()
        .map(|(name, v)| Some((name.clone(), unhex(v)?)))
        .collect::<Option<Vec<_>>>()?;
    Some(Marker {
        meta: Meta {
            docs: u64::try_from(marker.get("docs")?.as_integer()?).ok()?,
            skipped: usize::try_from(marker.get("skipped")?.as_integer()?).ok()?,
        },
        fingerprint: unhex(marker.get("fingerprint")?)?,
        themes,
        synonyms: FoldedSynonyms::from_table(marker.get("synonyms")?.as_table()?)?,
        stamps,
        files,
    })
}

/// The index files of a directory (not the marker, not locks) with their sizes.
fn index_files(dir: &Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let meta = e.metadata().ok()?;
            (meta.is_file() && name != MARKER && !name.ends_with(".lock"))
                .then_some((name, meta.len()))
        })
        .collect();
    files.sort();
    files
}

/// Opens a cached index if it is sound: every file as large as when it was written and, with
/// `verify`, every checksum right (that reads the whole index).
fn open_index(dir: &Path, marker: Marker, verify: bool) -> Option<(SearchIndex, Meta)> {
    let sizes_match = !marker.files.is_empty()
        && marker
            .files
            .iter()
            .all(|(name, size)| fs::metadata(dir.join(name)).is_ok_and(|m| m.len() == *size));
    if !sizes_match {
        return None;
    }
    let index = Index::open_in_dir(dir).ok()?;
    if index.schema() != schema().0 {
        return None;
    }
    if verify && !index.validate_checksum().is_ok_and(|bad| bad.is_empty()) {
        return None;
    }
    analysis::register(&index);
    let (_, fields) = schema();
    // Opening reads every segment's term dictionaries (the vocabulary), so damaged files show
    // here; the count catches an index that lost documents.
    // The vocabulary's table, written with the index (its size is among the marker's files).
    let table = fs::read(dir.join(VOCABULARY)).ok();
    let ix = SearchIndex::open(
        index,
        fields,
        marker.synonyms,
        marker.themes,
        table.as_deref(),
    )
    .ok()?;
    (ix.len() == marker.meta.docs).then_some((ix, marker.meta))
}

/// Opens the cached index of a corpus directory without reading the corpus, if its directory
/// stamps still match: the fast path of `plein search`. Check the hits with [`hits_current`].
pub fn open_cached(root: &Path, corpus_dir: &Path) -> Option<(SearchIndex, Meta)> {
    let key = key(corpus_dir);
    let dir = root.join(&key);
    let marker = read_marker(&dir, &key)?;
    let unchanged = !marker.stamps.is_empty()
        && marker
            .stamps
            .iter()
            .all(|(rel, stamp)| stamp_of(&corpus_dir.join(rel)) == Some(*stamp));
    if unchanged {
        open_index(&dir, marker, false)
    } else {
        None
    }
}

/// True when every hit's file is as it was when indexed (a hit without a file is not).
pub fn hits_current(corpus_dir: &Path, hits: &[Hit]) -> bool {
    hits.iter().all(|h| {
        h.file
            .as_ref()
            .is_some_and(|(rel, stamp)| stamp_of(&corpus_dir.join(rel)) == Some(*stamp))
    })
}

/// Opens the cached index of `corpus`, loaded from `corpus_dir`, or builds and caches it.
pub fn open_or_build(
    corpus: &Corpus,
    corpus_dir: &Path,
    root: &Path,
) -> Result<(SearchIndex, Origin), SearchError> {
    let key = key(corpus_dir);
    let dir = root.join(&key);
    if let Some(marker) = read_marker(&dir, &key)
        && marker.fingerprint == corpus.fingerprint
        && let Some((ix, _)) = open_index(&dir, marker, true)
    {
        return Ok((ix, Origin::Cached));
    }
    create_private_dir(root).map_err(|e| SearchError(format!("{}: {e}", root.display())))?;
    let tmp = root.join(format!(".build-{}-{key}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    create_private_dir(&tmp).map_err(|e| SearchError(format!("{}: {e}", tmp.display())))?;
    if let Err(e) = build_in(corpus, &key, &tmp) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    // Swap the new index in; a reader of the old one keeps its open files.
    let old = root.join(format!(".old-{}-{key}", std::process::id()));
    let _ = fs::rename(&dir, &old);
    if fs::rename(&tmp, &dir).is_err() {
        // Another plein put its index there first: use theirs if it is this corpus.
        let _ = fs::remove_dir_all(&tmp);
    }
    let _ = fs::remove_dir_all(&old);
    prune(root, &dir);
    read_marker(&dir, &key)
        .filter(|m| m.fingerprint == corpus.fingerprint)
        .and_then(|m| open_index(&dir, m, false))
        .map(|(ix, _)| (ix, Origin::Rebuilt))
        .ok_or_else(|| SearchError(format!("{}: the new index does not open", dir.display())))
}

fn build_in(corpus: &Corpus, key: &str, dir: &Path) -> Result<(), SearchError> {
    let (schema, fields) = schema();
    let index = Index::create_in_dir(dir, schema)?;
    analysis::register(&index);
    index::write(&index, index::documents(corpus, &fields))?;
    // Reading the vocabulary from the term dictionaries was most of a cached search's time at
    // 100,000 stories; its table is written once, here.
    let words = super::vocabulary::Vocabulary::read(&super::reader(&index)?, &fields)?.encode();
    fs::write(dir.join(VOCABULARY), words).map_err(|e| SearchError(e.to_string()))?;
    let mut marker = toml::Table::new();
    marker.insert("key".into(), key.into());
    marker.insert("fingerprint".into(), hex(corpus.fingerprint));
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
    let top_files = corpus
        .stamps
        .files
        .values()
        .filter(|(rel, _)| !rel.contains('/'));
    let stamps: toml::Table = corpus
        .stamps
        .dirs
        .iter()
        .chain(top_files)
        .map(|(rel, stamp)| (rel.clone(), hex(*stamp)))
        .collect();
    marker.insert("stamps".into(), toml::Value::Table(stamps));
    let files: toml::Table = index_files(dir)
        .into_iter()
        .map(|(name, size)| (name, hex(size)))
        .collect();
    marker.insert("files".into(), toml::Value::Table(files));
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
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with(".old-") {
            let _ = fs::remove_dir_all(&p);
        } else if name.starts_with(".build-") {
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

/// The default cache directory: `PLEIN_CACHE_DIR`, else the platform's cache dir for plein.
pub fn default_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PLEIN_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "plein", "plein").map(|d| d.cache_dir().join("index"))
}
