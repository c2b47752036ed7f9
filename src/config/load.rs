//! Finding and reading the settings files. Only regular files are read. An explicit user file
//! (`--config`, `PLEIN_CONFIG`) or an existing system file that cannot be read stops plein
//! (exit 2): guessing would mean running without the settings someone meant (perhaps kiosk).

use super::{Layer, Problem, ProblemKind, parse_layer};
use crate::i18n::Catalog;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Names another system file, for tests and trying a setup out. It is honoured only where no
/// system file exists at the real place, so it can never replace (or unlock) an
/// administrator's settings.
pub const SYSTEM_OVERRIDE_VAR: &str = "PLEIN_SYSTEM_CONFIG";

/// The largest settings file plein reads.
const MAX_BYTES: u64 = 256 * 1024;

/// The settings files that were found, read.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The administrator's file.
    pub system: Option<Layer>,
    /// The user's file.
    pub user: Option<Layer>,
}

/// Why a settings file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// There is no such file.
    Missing,
    /// Permission denied.
    Denied,
    /// A directory, pipe or device.
    NotAFile,
    /// Larger than any settings file.
    TooLarge,
    /// Any other read error.
    Failed,
}

impl Reason {
    /// In the UI language.
    pub fn text(self, cat: &Catalog) -> &str {
        cat.t(match self {
            Reason::Missing => "config.reason_missing",
            Reason::Denied => "config.reason_denied",
            Reason::NotAFile => "config.reason_not_file",
            Reason::TooLarge => "config.reason_too_large",
            Reason::Failed => "config.reason_failed",
        })
    }
}

/// A settings file that must be read and cannot be: plein stops with exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, as shown.
    pub path: String,
    /// Why.
    pub reason: Reason,
    /// It is the system file (not one the user named).
    pub system: bool,
}

impl LoadError {
    /// The message, in the UI language, safe for a terminal.
    pub fn render(&self, cat: &Catalog) -> String {
        let key = if self.system {
            "config.system_unreadable"
        } else {
            "config.explicit_unreadable"
        };
        let text = cat.f(
            key,
            &[("path", &self.path), ("reason", &self.reason.text(cat))],
        );
        crate::sanitize::sanitize_line(&text).into_owned()
    }
}

/// The user's settings file and whether it was named explicitly (`--config`, then
/// `PLEIN_CONFIG`); else `config.toml` in plein's config directory.
pub fn user_file(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit.filter(|p| !p.as_os_str().is_empty()) {
        return Some((p.to_owned(), true));
    }
    if let Some(p) = std::env::var_os("PLEIN_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    directories::ProjectDirs::from("nl", "plein", "plein")
        .map(|d| (d.config_dir().join("config.toml"), false))
}

/// The system file to read: the real one when it exists, else [`SYSTEM_OVERRIDE_VAR`].
pub fn system_file() -> Option<PathBuf> {
    let real = crate::paths::system_config_file();
    if real
        .as_deref()
        .is_some_and(|p| fs::symlink_metadata(p).is_ok())
    {
        return real;
    }
    std::env::var_os(SYSTEM_OVERRIDE_VAR)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or(real)
}

/// Reads the system file and the user's (`explicit` is `--config`).
pub fn load(explicit: Option<&Path>) -> Result<Sources, LoadError> {
    let mut sources = Sources::default();
    if let Some(path) = system_file() {
        let shown = path.display().to_string();
        match read(&path) {
            Ok(text) => sources.system = Some(layer(&shown, &text, true)),
            Err(Reason::Missing) => {}
            Err(reason) => {
                return Err(LoadError {
                    path: shown,
                    reason,
                    system: true,
                });
            }
        }
    }
    if let Some((path, explicit)) = user_file(explicit) {
        let shown = path.display().to_string();
        match read(&path) {
            Ok(text) => sources.user = Some(layer(&shown, &text, false)),
            Err(reason) if explicit => {
                return Err(LoadError {
                    path: shown,
                    reason,
                    system: false,
                });
            }
            Err(Reason::Missing) => {}
            Err(reason) => {
                let mut l = Layer {
                    file: shown.clone(),
                    ..Layer::default()
                };
                l.problems.push(Problem {
                    file: shown,
                    line: 1,
                    kind: ProblemKind::Unreadable(reason),
                });
                sources.user = Some(l);
            }
        }
    }
    Ok(sources)
}

fn layer(shown: &str, bytes: &[u8], system: bool) -> Layer {
    let text = String::from_utf8_lossy(bytes);
    let mut layer = parse_layer(shown, &text, system);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        layer.problems.insert(
            0,
            Problem {
                file: shown.to_owned(),
                line,
                kind: ProblemKind::NotUtf8,
            },
        );
    }
    layer
}

/// Reads a regular file of at most [`MAX_BYTES`]; a pipe or device is never opened.
fn read(path: &Path) -> Result<Vec<u8>, Reason> {
    let reason = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Reason::Missing,
        std::io::ErrorKind::PermissionDenied => Reason::Denied,
        _ => Reason::Failed,
    };
    let meta = fs::metadata(path).map_err(reason)?;
    if !meta.is_file() {
        return Err(Reason::NotAFile);
    }
    if meta.len() > MAX_BYTES {
        return Err(Reason::TooLarge);
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .map_err(reason)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(reason)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Reason::TooLarge);
    }
    Ok(bytes)
}
