//! `plein config check` and `plein config show`: the settings a librarian set up, checked and
//! explained.

use super::{EXIT_OK, EXIT_PROBLEM, Io};
use crate::cli::ConfigAction;
use crate::config::{Effective, Key, Setting};
use std::io;

pub(super) fn run(settings: &Effective, action: &ConfigAction, io: &mut Io<'_>) -> io::Result<u8> {
    let cat = io.cat();
    match action {
        ConfigAction::Check => {
            for p in &settings.problems {
                writeln!(io.out, "{}", p.render(cat))?;
            }
            for r in &settings.refused {
                writeln!(io.out, "{}", r.render(cat))?;
            }
            let n = settings.problems.len() + settings.refused.len();
            if n == 0 {
                writeln!(io.out, "{}", cat.t("config.clean"))?;
                Ok(EXIT_OK)
            } else {
                writeln!(io.out, "{}", cat.n("config.problems", n))?;
                Ok(EXIT_PROBLEM)
            }
        }
        ConfigAction::Show => {
            let s = settings;
            let quoted = |v: &str| format!("{v:?}");
            let rows: [(Key, String, Origin); 9] = [
                (Key::Lang, quoted(lang_name(s.lang.value)), origin(&s.lang)),
                (
                    Key::Colors,
                    quoted(&clap_name(s.colors.value)),
                    origin(&s.colors),
                ),
                (Key::Kiosk, s.kiosk.value.to_string(), origin(&s.kiosk)),
                (Key::Guest, s.guest.value.to_string(), origin(&s.guest)),
                (
                    Key::KioskIdleMinutes,
                    s.kiosk_idle_minutes.value.to_string(),
                    origin(&s.kiosk_idle_minutes),
                ),
                (
                    Key::KioskAllowQuit,
                    s.kiosk_allow_quit.value.to_string(),
                    origin(&s.kiosk_allow_quit),
                ),
                (
                    Key::ShareExportDir,
                    s.share_export_dir.value.as_ref().map_or_else(
                        || cat.t("config.unset").to_owned(),
                        |d| quoted(&d.display().to_string()),
                    ),
                    origin(&s.share_export_dir),
                ),
                (
                    Key::Local,
                    s.local.value.as_ref().map_or_else(
                        || cat.t("config.unset").to_owned(),
                        |d| quoted(&d.display().to_string()),
                    ),
                    origin(&s.local),
                ),
                (
                    Key::ReadAloud,
                    s.read_aloud.value.to_string(),
                    origin(&s.read_aloud),
                ),
            ];
            for (key, value, (o, locked)) in rows {
                let line = format!(
                    "{} = {value}  # {}",
                    key.name(),
                    s.origin_text(o, locked, cat)
                );
                writeln!(io.out, "{}", crate::sanitize::sanitize_line(&line))?;
            }
            Ok(EXIT_OK)
        }
    }
}

type Origin = (crate::config::Origin, bool);

fn origin<T>(s: &Setting<T>) -> Origin {
    (s.origin, s.locked)
}

fn lang_name(l: crate::i18n::Lang) -> &'static str {
    if l.is_english() { "en" } else { "nl" }
}

fn clap_name(v: impl clap::ValueEnum) -> String {
    v.to_possible_value()
        .map_or_else(String::new, |p| p.get_name().to_owned())
}
