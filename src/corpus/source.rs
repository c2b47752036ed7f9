//! Where corpus files come from: the copy embedded in the binary, or a directory on disk.
//!
//! Both yield the same list of files (path relative to the corpus root, bytes), so one parser
//! serves both. Reading a directory refuses what a curator's mistake or a hostile corpus could
//! use against a kiosk: files over 1 MiB, and symbolic links that point outside the corpus.

use crate::diag::{Diagnostic, Pos};
use std::fs;
use std::path::{Path, PathBuf};

/// Largest corpus file plein reads.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How deep below the corpus root plein looks for files.
const MAX_DEPTH: usize = 8;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
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
}

/// A corpus directory that cannot be used at all.
#[derive(Debug)]
pub struct SourceError {
    /// The directory.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
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
        match self {
            Source::Bundled => Ok(bundled::FILES
                .iter()
                .map(|(rel, bytes)| File {
                    rel: (*rel).to_owned(),
                    display: format!("data/{rel}"),
                    bytes: Ok(bytes.to_vec()),
                })
                .collect()),
            Source::Dir(root) => read_dir_corpus(root),
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

fn read_dir_corpus(root: &Path) -> Result<Vec<File>, SourceError> {
    let err = |message: String| SourceError {
        path: root.to_owned(),
        message,
    };
    let meta = fs::metadata(root).map_err(|e| err(format!("cannot open corpus directory: {e}")))?;
    if !meta.is_dir() {
        return Err(err(
            "is not a directory; --corpus takes a corpus directory".into()
        ));
    }
    let canon = root
        .canonicalize()
        .map_err(|e| err(format!("cannot resolve corpus directory: {e}")))?;
    let mut files = Vec::new();
    walk(&canon, root, root, 0, &mut files);
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    if !files
        .iter()
        .any(|f| f.rel.starts_with("stories/") || f.rel.starts_with("resources/"))
    {
        return Err(err(
            "holds no stories/ or resources/ files; is this a plein corpus directory?".into(),
        ));
    }
    Ok(files)
}

fn walk(canon_root: &Path, root: &Path, dir: &Path, depth: usize, out: &mut Vec<File>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if !wanted(&rel) {
            continue;
        }
        let display = path.to_string_lossy().into_owned();
        let Ok(lmeta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if lmeta.file_type().is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(canon_root) => {}
                _ => {
                    out.push(File {
                        rel,
                        bytes: Err(Diagnostic::error(
                            &display,
                            Pos::FILE,
                            "symlink-outside",
                            "symbolic link points outside the corpus directory; not followed",
                        )
                        .with_hint("copy the file into the corpus directory instead")),
                        display,
                    });
                    continue;
                }
            }
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if depth < MAX_DEPTH {
                walk(canon_root, root, &path, depth + 1, out);
            }
        } else if rel.ends_with(".md") || rel.ends_with(".toml") {
            let bytes = read_limited(&path, meta.len(), &display);
            out.push(File {
                rel,
                display,
                bytes,
            });
        }
    }
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

fn read_limited(path: &Path, len: u64, display: &str) -> Result<Vec<u8>, Diagnostic> {
    if len > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            display,
            Pos::FILE,
            "file-too-large",
            format!("file is {len} bytes; the limit is {MAX_FILE_BYTES} (1 MiB)"),
        )
        .with_hint("split the text, or remove what does not belong in a story"));
    }
    let unreadable = |e: std::io::Error| {
        Diagnostic::error(
            display,
            Pos::FILE,
            "unreadable",
            format!("cannot read file: {e}"),
        )
    };
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| {
            std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes)
        })
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return read_limited(path, bytes.len() as u64, display);
    }
    Ok(bytes)
}
