//! Where corpus files come from: the copy embedded in the binary, or a directory on disk.
//!
//! Both yield the same list of files (path relative to the corpus root, bytes), so one parser
//! serves both. Reading a directory refuses what a curator's mistake or a hostile corpus could
//! use against a kiosk: files over 1 MiB, and symbolic links that point outside the corpus.

use crate::diag::{Diagnostic, Message, Pos, msg};
use std::fs;
use std::path::{Path, PathBuf};

/// Largest corpus file plein reads.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How deep below the corpus root plein looks for files.
const MAX_DEPTH: usize = 8;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The embedded corpus files: (path relative to `data/`, bytes), sorted by path.
pub(crate) fn bundled_files() -> &'static [(&'static str, &'static [u8])] {
    bundled::FILES
}

/// Which corpus to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The corpus embedded in the binary.
    Bundled,
    /// A corpus directory in the bundled format.
    Dir(PathBuf),
}

/// One corpus file: its path relative to the root, the path to show, and its bytes.
#[derive(Debug)]
pub struct File {
    /// Relative path with `/` separators (`stories/eenzaamheid/x.md`).
    pub rel: String,
    /// Path to show in diagnostics.
    pub display: String,
    /// The bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, Diagnostic>,
    /// Size and modification time as one number (0 for the bundled corpus): see [`stamp`].
    pub stamp: u64,
    /// Where to read the bytes from, and the size listed, when they have not been read yet
    /// (see [`Source::listing_deferred`]).
    pub(crate) deferred: Option<(PathBuf, u64)>,
}

impl File {
    /// A file held in memory (tests and fuzzing of the parsers).
    pub fn in_memory(rel: &str, bytes: Vec<u8>) -> File {
        File {
            rel: rel.to_owned(),
            display: rel.to_owned(),
            bytes: Ok(bytes),
            stamp: 0,
            deferred: None,
        }
    }

    /// The file with its bytes read, if they were deferred.
    pub(crate) fn read(mut self) -> File {
        if let Some((path, len)) = self.deferred.take() {
            self.bytes = read_limited(&path, len, &self.display);
        }
        self
    }
}

/// The files of a corpus, and what tells whether the corpus has changed since.
#[derive(Debug)]
pub struct Listing {
    /// The corpus files, in path order.
    pub files: Vec<File>,
    /// Changes whenever any corpus file or directory does.
    pub fingerprint: u64,
    /// Every corpus directory (`""` is the root) with its [`stamp`]: a directory's stamp changes
    /// when a file in it is added, removed or renamed.
    pub dirs: Vec<DirStamp>,
}

/// A corpus directory that cannot be used at all.
#[derive(Debug)]
pub struct SourceError {
    /// The directory.
    pub path: PathBuf,
    /// What went wrong (English, for logs and `Display`).
    pub message: String,
    /// What went wrong, for a message in the UI language.
    pub kind: SourceProblem,
}

/// Why a corpus directory cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceProblem {
    /// It does not exist or cannot be opened.
    CannotOpen,
    /// It is a file, not a directory.
    NotADirectory,
    /// It holds no `stories/` or `resources/` files.
    NotACorpus,
}

impl SourceError {
    /// `directory: what is wrong`, in the UI language, safe for a terminal.
    pub fn render(&self, cat: &crate::i18n::Catalog) -> String {
        let key = match self.kind {
            SourceProblem::CannotOpen => "cli.corpus_cannot_open",
            SourceProblem::NotADirectory => "cli.corpus_not_dir",
            SourceProblem::NotACorpus => "cli.corpus_not_corpus",
        };
        let path = self.path.display().to_string();
        format!("{}: {}", crate::sanitize::sanitize_line(&path), cat.t(key))
    }
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display().to_string();
        write!(
            f,
            "{}: {}",
            crate::sanitize::sanitize_line(&path),
            self.message
        )
    }
}

impl std::error::Error for SourceError {}

impl Source {
    /// Lists the corpus files: `themes.toml`, `synonyms.toml`, `stories/**.md`, `resources/**.md`.
    pub fn files(&self) -> Result<Vec<File>, SourceError> {
        self.listing().map(|l| l.files)
    }

    /// The corpus files with the fingerprint and directory stamps, from one walk of the
    /// directory. Stamps are taken before files are read, so an edit made while reading shows
    /// as a change next time rather than hiding behind an old stamp.
    pub fn listing(&self) -> Result<Listing, SourceError> {
        self.listing_with(true)
    }

    /// Like [`Source::listing`], but a directory's files are read only by [`File::read`]: the
    /// loader reads, parses and drops one file at a time instead of holding every file's bytes.
    pub(crate) fn listing_deferred(&self) -> Result<Listing, SourceError> {
        self.listing_with(false)
    }

    fn listing_with(&self, read: bool) -> Result<Listing, SourceError> {
        match self {
            Source::Bundled => {
                let files = bundled::FILES
                    .iter()
                    .map(|(rel, bytes)| File {
                        rel: (*rel).to_owned(),
                        display: format!("data/{rel}"),
                        bytes: Ok(bytes.to_vec()),
                        stamp: 0,
                        deferred: None,
                    })
                    .collect();
                Ok(Listing {
                    files,
                    fingerprint: self.fingerprint()?,
                    dirs: Vec::new(),
                })
            }
            Source::Dir(root) => {
                let (entries, dirs) = list_dir_corpus(root)?;
                let fingerprint = listing_fingerprint(&entries, &dirs);
                let files = entries
                    .into_iter()
                    .map(|e| {
                        let stamp = e.meta.as_ref().map_or(0, stamp);
                        let (bytes, deferred) = match e.meta {
                            Ok(m) if !read => (Ok(Vec::new()), Some((e.path, m.len()))),
                            meta => (
                                meta.and_then(|m| read_limited(&e.path, m.len(), &e.display)),
                                None,
                            ),
                        };
                        File {
                            rel: e.rel,
                            display: e.display,
                            bytes,
                            stamp,
                            deferred,
                        }
                    })
                    .collect();
                Ok(Listing {
                    files,
                    fingerprint,
                    dirs,
                })
            }
        }
    }

    /// A fingerprint that changes whenever the corpus does. For a directory it reads no file
    /// (paths, sizes and modification times), so a cached index is found quickly.
    pub fn fingerprint(&self) -> Result<u64, SourceError> {
        match self {
            // Hashed by build.rs, so no process hashes the corpus at start.
            Source::Bundled => Ok(bundled::FINGERPRINT),
            Source::Dir(root) => list_dir_corpus(root).map(|(e, d)| listing_fingerprint(&e, &d)),
        }
    }

    /// The directory, sanitized for display; `None` for the bundled corpus.
    pub fn dir_display(&self) -> Option<String> {
        match self {
            Source::Bundled => None,
            Source::Dir(p) => {
                Some(crate::sanitize::sanitize_line(&p.display().to_string()).into_owned())
            }
        }
    }
}

/// A directory relative to the corpus root (`""` is the root) and its [`stamp`].
pub type DirStamp = (String, u64);

/// A file found in a corpus directory, before reading: its metadata, or why it is refused.
struct Entry {
    rel: String,
    display: String,
    path: PathBuf,
    meta: Result<fs::Metadata, Diagnostic>,
}

/// The corpus files of a directory and its corpus directories with their stamps.
fn list_dir_corpus(root: &Path) -> Result<(Vec<Entry>, Vec<DirStamp>), SourceError> {
    let err = |kind: SourceProblem, message: String| SourceError {
        path: root.to_owned(),
        message,
        kind,
    };
    let open = SourceProblem::CannotOpen;
    let meta =
        fs::metadata(root).map_err(|e| err(open, format!("cannot open corpus directory: {e}")))?;
    if !meta.is_dir() {
        return Err(err(
            SourceProblem::NotADirectory,
            "is not a directory; --corpus takes a corpus directory".into(),
        ));
    }
    let canon = root
        .canonicalize()
        .map_err(|e| err(open, format!("cannot resolve corpus directory: {e}")))?;
    let mut entries = Vec::new();
    let mut dirs = vec![(String::new(), stamp(&meta))];
    let mut walk = Walk {
        canon_root: &canon,
        root,
        out: &mut entries,
        dirs: &mut dirs,
        seen: std::collections::HashSet::from([dir_id(&canon, &meta)]),
    };
    walk.dir(root, 0);
    entries.sort_by(|a, b| a.rel.cmp(&b.rel));
    dirs.sort();
    if !entries
        .iter()
        .any(|f| f.rel.starts_with("stories/") || f.rel.starts_with("resources/"))
    {
        return Err(err(
            SourceProblem::NotACorpus,
            "holds no stories/ or resources/ files; is this a plein corpus directory?".into(),
        ));
    }
    Ok((entries, dirs))
}

/// What identifies a directory however it is reached: (device, inode) on Unix, the resolved
/// path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DirId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

fn dir_id(path: &Path, meta: &fs::Metadata) -> DirId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        DirId::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        DirId::Path(path.canonicalize().unwrap_or_else(|_| path.to_owned()))
    }
}

/// One walk of a corpus directory. Every directory is read once, however many links lead to
/// it (so links can neither loop nor multiply the walk), and only regular files are listed for
/// reading: a pipe, socket or device is reported and never opened.
struct Walk<'a> {
    canon_root: &'a Path,
    root: &'a Path,
    out: &'a mut Vec<Entry>,
    dirs: &'a mut Vec<DirStamp>,
    seen: std::collections::HashSet<DirId>,
}

impl Walk<'_> {
    fn refuse(
        &mut self,
        rel: String,
        path: PathBuf,
        code: &'static str,
        message: Message,
        hint: Message,
    ) {
        let display = path.to_string_lossy().into_owned();
        let refused = Diagnostic::error(&display, Pos::FILE, code, message).with_hint(hint);
        self.out.push(Entry {
            rel,
            display,
            path,
            meta: Err(refused),
        });
    }

    fn dir(&mut self, dir: &Path, depth: usize) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let rel = path
                .strip_prefix(self.root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if !wanted(&rel) {
                continue;
            }
            let Ok(ftype) = entry.file_type() else {
                continue;
            };
            let corpus_file = rel.ends_with(".md") || rel.ends_with(".toml");
            if ftype.is_symlink() {
                match path.canonicalize() {
                    Err(_) if corpus_file => {
                        self.refuse(
                            rel,
                            path,
                            "broken-link",
                            msg("diag.broken-link"),
                            msg("diag.broken-link_hint"),
                        );
                        continue;
                    }
                    Err(_) => continue,
                    Ok(t) if !t.starts_with(self.canon_root) => {
                        self.refuse(
                            rel,
                            path,
                            "symlink-outside",
                            msg("diag.symlink-outside"),
                            msg("diag.symlink-outside_hint"),
                        );
                        continue;
                    }
                    Ok(_) => {}
                }
            }
            // stat, never open: opening a named pipe would wait forever for a writer.
            let meta = if ftype.is_symlink() {
                fs::metadata(&path)
            } else {
                entry.metadata()
            };
            let Ok(meta) = meta else {
                continue;
            };
            if meta.is_dir() {
                if depth < MAX_DEPTH && self.seen.insert(dir_id(&path, &meta)) {
                    self.dirs.push((rel, stamp(&meta)));
                    self.dir(&path, depth + 1);
                }
            } else if corpus_file && !meta.is_file() {
                self.refuse(
                    rel,
                    path,
                    "not-a-file",
                    msg("diag.not-a-file"),
                    msg("diag.not-a-file_hint"),
                );
            } else if corpus_file {
                let display = path.to_string_lossy().into_owned();
                self.out.push(Entry {
                    rel,
                    display,
                    path,
                    meta: Ok(meta),
                });
            }
        }
    }
}

/// A stable 64-bit FNV-1a hash.
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn eat(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A file's or directory's size and modification time as one number: it changes when the file
/// is saved, or when a directory gains, loses or renames an entry.
pub fn stamp(meta: &fs::Metadata) -> u64 {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    let mut h = Fnv::new();
    h.eat(&meta.len().to_le_bytes());
    h.eat(&mtime.map_or(0, |d| d.as_nanos()).to_le_bytes());
    h.0
}

/// The current [`stamp`] of a path (following a symbolic link, as the walk does).
pub fn stamp_of(path: &Path) -> Option<u64> {
    fs::metadata(path).ok().map(|m| stamp(&m))
}

/// The fingerprint of a directory listing: every file's path and stamp, and every directory's.
/// Cheap (no file is read), and it changes whenever a file is added, removed or saved.
fn listing_fingerprint(entries: &[Entry], dirs: &[DirStamp]) -> u64 {
    let mut h = Fnv::new();
    for e in entries {
        h.eat(e.rel.as_bytes());
        match &e.meta {
            Ok(m) => h.eat(&stamp(m).to_le_bytes()),
            Err(_) => h.eat(b"refused"),
        }
    }
    for (rel, stamp) in dirs {
        h.eat(rel.as_bytes());
        h.eat(&stamp.to_le_bytes());
    }
    h.0
}

/// Only these parts of a directory belong to a corpus; anything else (README.md, notes) is ignored.
fn wanted(rel: &str) -> bool {
    rel == "themes.toml"
        || rel == "synonyms.toml"
        || rel == "stories"
        || rel == "resources"
        || rel.starts_with("stories/")
        || rel.starts_with("resources/")
}

pub(crate) fn read_limited(path: &Path, len: u64, display: &str) -> Result<Vec<u8>, Diagnostic> {
    if len > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            display,
            Pos::FILE,
            "file-too-large",
            msg("diag.file-too-large")
                .arg("size", len)
                .arg("limit", MAX_FILE_BYTES),
        )
        .with_hint(msg("diag.file-too-large_hint")));
    }
    let unreadable = |e: std::io::Error| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "diag.reason-missing",
            std::io::ErrorKind::PermissionDenied => "diag.reason-denied",
            _ => "diag.reason-failed",
        };
        let d = Diagnostic::error(
            display,
            Pos::FILE,
            "unreadable",
            msg("diag.unreadable").arg_key("reason", reason),
        );
        if e.kind() == std::io::ErrorKind::PermissionDenied {
            d.with_hint(msg("diag.unreadable_hint"))
        } else {
            d
        }
    };
    let mut bytes = Vec::new();
    open_regular(path)
        .and_then(|f| {
            std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes)
        })
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return read_limited(path, bytes.len() as u64, display);
    }
    Ok(bytes)
}

/// Opens a file that the walk found to be regular. Non-blocking, so that a file swapped for a
/// named pipe since cannot hang plein, and checked again once open.
fn open_regular(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let f = options.open(path)?;
    if !f.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    #[test]
    fn a_file_that_cannot_be_read_says_why_in_the_language() {
        let d = read_limited(Path::new("/nonexistent/plein/x.md"), 10, "x.md")
            .expect_err("nothing to read");
        assert_eq!(d.code, "unreadable");
        assert_eq!(
            d.render(Catalog::get(Lang::Nl)),
            "x.md:1:1: fout: plein kan dit bestand niet lezen: het is weg"
        );
        assert!(
            d.render(Catalog::get(Lang::En))
                .starts_with("x.md:1:1: error: plein cannot read this file: it is gone")
        );
    }
}
