//! The configuration file, `config.toml` in plein's config directory (`PLEIN_CONFIG` names
//! another file). Command-line options win over it; it wins over the environment.
//!
//! ```toml
//! lang = "nl"          # or "en"
//! colors = "default"   # or "high-contrast", "monochrome"
//! kiosk = true         # public computers: see `plein --kiosk`
//! kiosk_idle_minutes = 3
//! kiosk_allow_quit = false
//! share_export_dir = "/srv/plein/ingezonden"   # stories from guest sessions, with consent
//! ```

use crate::i18n::Lang;
use crate::present::ThemeName;
use serde::Deserialize;
use std::path::PathBuf;

/// Settings from the configuration file; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Interface language.
    pub lang: Option<Lang>,
    /// Colour theme.
    pub colors: Option<ThemeName>,
    /// Kiosk mode (a public computer), as `--kiosk`.
    pub kiosk: Option<bool>,
    /// Minutes without a key before a kiosk session is wiped (default 3).
    pub kiosk_idle_minutes: Option<u32>,
    /// Whether `q` may quit plein in kiosk mode (default: no).
    pub kiosk_allow_quit: Option<bool>,
    /// Where stories written in guest and kiosk sessions are handed to a curator (only with
    /// the writer's consent); without it, such stories are not kept.
    pub share_export_dir: Option<PathBuf>,
}

impl Config {
    /// Parses a configuration file's text; the error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            format!("line {line}: {}", e.message().trim().replace('\n', " "))
        })
    }

    /// The configuration file's path: `PLEIN_CONFIG`, else `config.toml` in the config dir.
    pub fn path() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("PLEIN_CONFIG").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("nl", "plein", "plein")
            .map(|d| d.config_dir().join("config.toml"))
    }

    /// Reads the configuration file. A missing file is the default; a broken one is the
    /// default plus a message naming the file and the problem.
    pub fn load() -> (Config, Option<String>) {
        let Some(path) = Config::path() else {
            return (Config::default(), None);
        };
        match std::fs::read_to_string(&path) {
            Err(_) => (Config::default(), None),
            Ok(text) => match Config::parse(&text) {
                Ok(c) => (c, None),
                Err(e) => (Config::default(), Some(format!("{}: {e}", path.display()))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings_and_names_mistakes() {
        let c = Config::parse("lang = \"en\"\ncolors = \"high-contrast\"\n").expect("valid");
        assert_eq!(
            (c.lang, c.colors),
            (Some(Lang::En), Some(ThemeName::HighContrast))
        );
        assert!(
            Config::parse("taal = \"en\"")
                .expect_err("unknown key")
                .contains("taal")
        );
        assert!(Config::parse("lang = \"fr\"").is_err());
        let k = Config::parse("kiosk = true\nkiosk_idle_minutes = 5\nkiosk_allow_quit = true\n")
            .expect("kiosk settings");
        assert_eq!(
            (k.kiosk, k.kiosk_idle_minutes, k.kiosk_allow_quit),
            (Some(true), Some(5), Some(true))
        );
    }
}
