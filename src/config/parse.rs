//! Reading one settings file key by key. A key that is wrong is reported with its line and
//! skipped; every other key still counts. `kiosk = true` and `guest = true` are also found line
//! by line, so they hold even when the rest of the file is not valid TOML (fail closed).

use super::{Config, Key, Problem, ProblemKind};
use crate::present::ThemeName;
use std::collections::HashMap;
use std::path::PathBuf;
use toml::de::{DeTable, DeValue};

/// One settings file, read.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    /// The file, as shown in messages.
    pub file: String,
    /// The valid settings in it.
    pub values: Config,
    /// The line each setting was found on.
    pub lines: HashMap<Key, usize>,
    /// Keys this (system) file locks.
    pub locks: Vec<Key>,
    /// Everything wrong in it, in line order.
    pub problems: Vec<Problem>,
}

/// Reads a settings file's text. `system`: it is the administrator's file, where `lock` is
/// allowed. Never fails; what is wrong ends up in [`Layer::problems`].
pub fn parse_layer(file: &str, text: &str, system: bool) -> Layer {
    let mut layer = Layer {
        file: file.to_owned(),
        ..Layer::default()
    };
    let line_of = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let (table, errors) = DeTable::parse_recoverable(text);
    for e in errors {
        let line = e.span().map_or(1, |s| line_of(s.start));
        layer.problem(line, ProblemKind::Syntax);
    }
    for (k, v) in table.get_ref() {
        let line = line_of(k.span().start);
        let name: &str = k.get_ref();
        if name == "lock" {
            layer.lock(line, v.get_ref(), system);
            continue;
        }
        let Some(key) = Key::from_name(name) else {
            // The colour theme is `colors`; "theme" is what many people try first.
            let suggestion = if matches!(name, "theme" | "thema" | "kleuren") {
                Some(Key::Colors.name().to_owned())
            } else {
                Key::ALL
                    .iter()
                    .map(|k| (crate::corpus::edit_distance(name, k.name()), k.name()))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, n)| n.to_owned())
            };
            layer.problem(line, ProblemKind::UnknownKey(name.to_owned(), suggestion));
            continue;
        };
        if set(&mut layer.values, key, v.get_ref()) {
            layer.lines.insert(key, line);
        } else {
            layer.problem(line, ProblemKind::BadValue(key));
        }
    }
    for (i, line) in text.lines().enumerate() {
        if let Some(key) = forced_on(line) {
            let values = &mut layer.values;
            let slot = if key == Key::Kiosk {
                &mut values.kiosk
            } else {
                &mut values.guest
            };
            if *slot != Some(true) {
                *slot = Some(true);
                layer.lines.insert(key, i + 1);
            }
        }
    }
    // A value TOML cannot read (`kiosk = ja`) is a syntax error and a bad value on one line:
    // the bad value says more.
    let specific: Vec<usize> = layer
        .problems
        .iter()
        .filter(|p| p.kind != ProblemKind::Syntax)
        .map(|p| p.line)
        .collect();
    layer
        .problems
        .retain(|p| p.kind != ProblemKind::Syntax || !specific.contains(&p.line));
    layer.problems.sort_by_key(|p| p.line);
    layer.problems.dedup();
    layer
}

impl Layer {
    fn problem(&mut self, line: usize, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.clone(),
            line,
            kind,
        });
    }

    fn lock(&mut self, line: usize, value: &DeValue<'_>, system: bool) {
        if !system {
            return self.problem(line, ProblemKind::LockOutsideSystem);
        }
        let Some(items) = value.as_array() else {
            return self.problem(line, ProblemKind::BadLock);
        };
        for item in items {
            match item.get_ref().as_str().and_then(Key::from_name) {
                Some(key) if !self.locks.contains(&key) => self.locks.push(key),
                Some(_) => {}
                None => {
                    let name = item.get_ref().as_str().unwrap_or("?").to_owned();
                    self.problem(line, ProblemKind::UnknownKey(name, None));
                }
            }
        }
    }
}

/// Stores a value for `key`; false when it is not a value that key takes.
fn set(c: &mut Config, key: Key, v: &DeValue<'_>) -> bool {
    let text = v.as_str();
    let flag = v.as_bool();
    match key {
        Key::Lang => c.lang = text.and_then(|s| clap::ValueEnum::from_str(s, false).ok()),
        Key::Colors => {
            c.colors = text.and_then(|s| <ThemeName as clap::ValueEnum>::from_str(s, false).ok());
        }
        Key::Kiosk => c.kiosk = flag,
        Key::Guest => c.guest = flag,
        Key::KioskAllowQuit => c.kiosk_allow_quit = flag,
        Key::ReadAloud => c.read_aloud = flag,
        Key::KioskIdleMinutes => {
            c.kiosk_idle_minutes = v
                .as_integer()
                .filter(|i| i.radix() == 10)
                .and_then(|i| i.as_str().replace('_', "").parse::<u32>().ok())
                .filter(|m| (1..=1440).contains(m));
        }
        Key::ShareExportDir => {
            c.share_export_dir = text.filter(|s| !s.is_empty()).map(PathBuf::from)
        }
        Key::Local => c.local = text.filter(|s| !s.is_empty()).map(PathBuf::from),
    }
    match key {
        Key::Lang => c.lang.is_some(),
        Key::Colors => c.colors.is_some(),
        Key::Kiosk => c.kiosk.is_some(),
        Key::Guest => c.guest.is_some(),
        Key::KioskAllowQuit => c.kiosk_allow_quit.is_some(),
        Key::KioskIdleMinutes => c.kiosk_idle_minutes.is_some(),
        Key::ShareExportDir => c.share_export_dir.is_some(),
        Key::Local => c.local.is_some(),
        Key::ReadAloud => c.read_aloud.is_some(),
    }
}

/// `kiosk = true` or `guest = true` on a line of its own (a comment may follow), whatever the
/// rest of the file holds: those two settings must never be lost to a typo elsewhere.
pub fn forced_on(line: &str) -> Option<Key> {
    let (name, value) = line.split_once('=')?;
    let name = name.trim().trim_matches(|c| c == '"' || c == '\'');
    let key = match name {
        "kiosk" => Key::Kiosk,
        "guest" => Key::Guest,
        _ => return None,
    };
    let value = value.split('#').next().unwrap_or("").trim();
    (value == "true").then_some(key)
}
