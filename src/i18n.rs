//! UI text per language, from the catalogs in `assets/i18n/` (embedded). Dutch is the default.

mod flatten;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The bundled catalogs as (dotted key, message) tables, made by `build.rs` from
/// `assets/i18n/*.toml` with [`flatten::flatten`].
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

/// The UI languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch (default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The language from a `LANG`-style value: English for `en…`, Dutch otherwise.
    pub fn from_locale(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    /// True for English.
    pub fn is_english(self) -> bool {
        self == Lang::En
    }
}

/// One language's messages, by dotted key (`cli.stories`).
#[derive(Debug)]
pub struct Catalog {
    messages: HashMap<Cow<'static, str>, Cow<'static, str>>,
}

const NL: &str = include_str!("../assets/i18n/nl.toml");
const EN: &str = include_str!("../assets/i18n/en.toml");

impl Catalog {
    /// The catalog for a language, from the table `build.rs` made of it (no TOML is parsed at
    /// start-up: that was a sixth of a `plein themes` process).
    pub fn get(lang: Lang) -> &'static Catalog {
        static NL_CAT: OnceLock<Catalog> = OnceLock::new();
        static EN_CAT: OnceLock<Catalog> = OnceLock::new();
        let (cell, table) = match lang {
            Lang::Nl => (&NL_CAT, bundled::NL),
            Lang::En => (&EN_CAT, bundled::EN),
        };
        cell.get_or_init(|| Catalog {
            messages: table
                .iter()
                .map(|&(k, v)| (Cow::Borrowed(k), Cow::Borrowed(v)))
                .collect(),
        })
    }

    /// Parses a catalog; nested tables become dotted keys. A broken catalog is empty, so
    /// lookups fall back to the key (the bundled ones cannot be broken: the build stops).
    pub fn parse(source: &str) -> Catalog {
        let mut messages = Vec::new();
        if let Ok(table) = source.parse::<toml::Table>() {
            flatten::flatten("", &table, &mut messages);
        }
        Catalog {
            messages: messages
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k), Cow::Owned(v)))
                .collect(),
        }
    }

    /// The message for `key`, or the key itself when missing.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages.get(key).map_or(key, |m| m.as_ref())
    }

    /// The message for `key`, if the catalog has it.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(|m| m.as_ref())
    }

    /// The message for `key` with `{name}` placeholders filled in.
    pub fn f(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut s = self.t(key).to_owned();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), &value.to_string());
        }
        s
    }

    /// A counted message: `{key}_one` for one (when the catalog has it), else `key`, with `{n}`.
    /// Dutch and English both have these two plural forms.
    pub fn n(&self, key: &str, n: usize) -> String {
        self.nf(key, n, &[])
    }

    /// A counted message with more placeholders than `{n}`.
    pub fn nf(&self, key: &str, n: usize, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let one = format!("{key}_one");
        let key = if n == 1 && self.messages.contains_key(one.as_str()) {
            one.as_str()
        } else {
            key
        };
        let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("n", &n)];
        all.extend_from_slice(args);
        self.f(key, &all)
    }

    /// All keys, sorted (for the test that both catalogs agree).
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.messages.keys().map(|k| k.as_ref()).collect();
        keys.sort_unstable();
        keys
    }
}

/// The catalog sources, for tests.
pub const SOURCES: [(&str, &str); 2] = [("nl", NL), ("en", EN)];
