//! Settings: the administrator's system file (read first, may lock keys), the user's
//! `config.toml` (`--config` or `PLEIN_CONFIG` names another), the environment and flags.
//!
//! ```toml
//! lang = "nl"          # or "en"
//! colors = "auto"      # or "dark", "light", "high-contrast", "monochrome"
//! kiosk = true         # public computers: see `plein --kiosk`
//! guest = true         # nothing written to disk
//! kiosk_idle_minutes = 3
//! kiosk_allow_quit = false
//! share_export_dir = "/srv/plein/ingezonden"   # stories from guest sessions, with consent
//! read_aloud = false  # no `v` (voorlezen with espeak-ng), also in kiosk mode
//! local = "/etc/plein/lokaal"                 # the local overlay: help in the neighbourhood
//! lock = ["kiosk", "colors"]                    # system file only
//! ```
//!
//! Files are read key by key (see [`parse_layer`]): a wrong key is reported and skipped, the
//! rest still counts, and `kiosk = true` / `guest = true` hold whatever else a file holds. Who
//! wins, per key, lowest first: the default; for `lang` the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`); the system file; the user's file; for `colors` `NO_COLOR`; a flag. A key the system
//! file locks keeps the system value (or the default); `kiosk` and `guest` can always be turned
//! on, never off, by anyone.

mod load;
mod parse;
mod resolve;

pub use load::{LoadError, Reason, SYSTEM_OVERRIDE_VAR, Sources, load, system_file, user_file};
pub use parse::{Layer, forced_on, parse_layer};
pub use resolve::{Effective, Env, Flags, Origin, Refused, Setting, resolve};

use crate::i18n::{Catalog, Lang};
use crate::present::ThemeName;
use std::path::PathBuf;

/// Settings from one file (or all of them, resolved); every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Interface language.
    pub lang: Option<Lang>,
    /// Colour theme.
    pub colors: Option<ThemeName>,
    /// Kiosk mode (a public computer), as `--kiosk`.
    pub kiosk: Option<bool>,
    /// Guest session (nothing written to disk), as `--guest`.
    pub guest: Option<bool>,
    /// Minutes without a key before a kiosk session is wiped (default 3).
    pub kiosk_idle_minutes: Option<u32>,
    /// Whether `q` may quit plein in kiosk mode (default: no).
    pub kiosk_allow_quit: Option<bool>,
    /// Where stories written in guest and kiosk sessions are handed to a curator (only with
    /// the writer's consent); without it, such stories are not kept.
    pub share_export_dir: Option<PathBuf>,
    /// Whether `v` reads a story aloud where espeak-ng is installed (default: yes).
    pub read_aloud: Option<bool>,
    /// The local overlay: a directory of resource (and story) files laid over the corpus.
    pub local: Option<PathBuf>,
}

/// A setting's name in the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// `lang`
    Lang,
    /// `colors`
    Colors,
    /// `kiosk`
    Kiosk,
    /// `guest`
    Guest,
    /// `kiosk_idle_minutes`
    KioskIdleMinutes,
    /// `kiosk_allow_quit`
    KioskAllowQuit,
    /// `share_export_dir`
    ShareExportDir,
    /// `read_aloud`
    ReadAloud,
    /// `local`
    Local,
}

impl Key {
    /// Every key, in the order `plein config show` prints them.
    pub const ALL: [Key; 9] = [
        Key::Lang,
        Key::Colors,
        Key::Kiosk,
        Key::Guest,
        Key::KioskIdleMinutes,
        Key::KioskAllowQuit,
        Key::ShareExportDir,
        Key::Local,
        Key::ReadAloud,
    ];

    /// The name in a settings file.
    pub fn name(self) -> &'static str {
        match self {
            Key::Lang => "lang",
            Key::Colors => "colors",
            Key::Kiosk => "kiosk",
            Key::Guest => "guest",
            Key::KioskIdleMinutes => "kiosk_idle_minutes",
            Key::KioskAllowQuit => "kiosk_allow_quit",
            Key::ShareExportDir => "share_export_dir",
            Key::ReadAloud => "read_aloud",
            Key::Local => "local",
        }
    }

    /// The key with this name.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The catalog key of the message saying what values this key takes.
    fn expected(self) -> &'static str {
        match self {
            Key::Lang => "config.expect_lang",
            Key::Colors => "config.expect_colors",
            Key::Kiosk | Key::Guest | Key::KioskAllowQuit | Key::ReadAloud => "config.expect_bool",
            Key::KioskIdleMinutes => "config.expect_minutes",
            Key::ShareExportDir | Key::Local => "config.expect_dir",
        }
    }
}

/// Something wrong in a settings file: the file, the line, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as shown.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What is wrong with a line of a settings file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not `name = value` TOML.
    Syntax,
    /// A key plein does not know, perhaps with the key that was meant.
    UnknownKey(String, Option<String>),
    /// A value the key does not take.
    BadValue(Key),
    /// `lock` in a file other than the system file.
    LockOutsideSystem,
    /// `lock` that is not a list of key names.
    BadLock,
    /// A key the system file locks, set again in the user's file.
    Locked(Key),
    /// The file is not UTF-8 text (read as far as possible).
    NotUtf8,
    /// The file exists but cannot be read.
    Unreadable(Reason),
}

impl Problem {
    /// `file:line: message`, in the UI language, safe for a terminal.
    pub fn render(&self, cat: &Catalog) -> String {
        let message = match &self.kind {
            ProblemKind::Syntax => cat.t("config.syntax").to_owned(),
            ProblemKind::UnknownKey(key, Some(hint)) => {
                cat.f("config.unknown_key_hint", &[("key", key), ("hint", hint)])
            }
            ProblemKind::UnknownKey(key, None) => cat.f("config.unknown_key", &[("key", key)]),
            ProblemKind::BadValue(key) => cat.f(
                "config.bad_value",
                &[("key", &key.name()), ("expected", &cat.t(key.expected()))],
            ),
            ProblemKind::LockOutsideSystem => cat.t("config.lock_outside_system").to_owned(),
            ProblemKind::BadLock => cat.t("config.bad_lock").to_owned(),
            ProblemKind::Locked(key) => cat.f("config.locked", &[("key", &key.name())]),
            ProblemKind::NotUtf8 => cat.t("config.not_utf8").to_owned(),
            ProblemKind::Unreadable(r) => cat.f("config.unreadable", &[("reason", &r.text(cat))]),
        };
        let line = format!("{}:{}: {message}", self.file, self.line);
        crate::sanitize::sanitize_line(&line).into_owned()
    }
}
