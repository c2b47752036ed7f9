//! The non-interactive commands. Each writes to the given output and returns an exit code, so
//! tests run them without a process; `main` only wires them to stdout and stderr.

mod bookmarks;
mod check;
mod drafts;
mod search;
mod show;

pub use bookmarks::{bookmark_for, kind_and_theme, notice_text};
pub use show::{byline, origin_label, resource_contact};
pub use themes::counts as themes_counts;
mod themes;

use crate::cli::{Cli, Command};
use crate::corpus::{self, Loaded, Source};
use crate::i18n::{Catalog, Lang};
use std::io::{self, Write};

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: the command ran and found a problem (errors in a corpus, unknown id).
pub const EXIT_PROBLEM: u8 = 1;
/// Exit code: the command could not run (unreadable corpus directory, bad arguments).
pub const EXIT_USAGE: u8 = 2;

/// What commands need from outside: output streams, the language, and the terminal width.
pub struct Io<'a> {
    /// Where results go.
    pub out: &'a mut dyn Write,
    /// Where messages about the run go.
    pub err: &'a mut dyn Write,
    /// The UI language.
    pub lang: Lang,
    /// Terminal width when stdout is a terminal.
    pub term_width: Option<u16>,
}

impl Io<'_> {
    fn cat(&self) -> &'static Catalog {
        Catalog::get(self.lang)
    }
}

/// Runs a parsed command line (the interactive app excepted) and returns the exit code.
pub fn run(cli: &Cli, io: &mut Io<'_>) -> io::Result<u8> {
    let source = cli.corpus.clone().map_or(Source::Bundled, Source::Dir);
    match &cli.command {
        Some(Command::Check { dir, json }) => {
            let source = dir.clone().map(Source::Dir).unwrap_or(source);
            check::run(&source, *json, io)
        }
        Some(Command::Themes { json }) => {
            with_corpus(&source, io, |l, io| themes::run(&l.corpus, *json, io))
        }
        Some(Command::Search {
            themes,
            kind,
            limit,
            json,
            width,
            query,
        }) => {
            let query = query.join(" ");
            let args = search::Args {
                themes,
                kind: kind.as_deref(),
                limit: *limit as usize,
                json: *json,
                width: *width as usize,
                query: &query,
            };
            let cache = (!cli.guest)
                .then(crate::search::cache::default_root)
                .flatten();
            search::run(&source, &args, cache.as_deref(), io)
        }
        Some(Command::Bookmarks {
            action: crate::cli::BookmarksAction::Import { .. },
        })
        | Some(Command::Bookmarks {
            action:
                crate::cli::BookmarksAction::Export {
                    output: Some(_), ..
                },
        }) if cli.kiosk => {
            writeln!(io.err, "plein: {}", io.cat().t("bookmarks.kiosk_no_files"))?;
            Ok(EXIT_PROBLEM)
        }
        Some(Command::Bookmarks { action }) => {
            let data_dir = crate::paths::data_dir(cli.data_dir.as_deref());
            let place = if cli.guest {
                bookmarks::Place::Guest
            } else {
                bookmarks::Place::Dir(data_dir)
            };
            with_corpus(&source, io, |l, io| {
                bookmarks::run(&l.corpus, &place, action, io)
            })
        }
        Some(Command::Drafts { action }) => {
            let (store, _) = match crate::paths::data_dir(cli.data_dir.as_deref()) {
                Some(dir) if !cli.guest => crate::bookmarks::Store::open(&dir),
                _ => (crate::bookmarks::Store::in_memory(), None),
            };
            with_corpus(&source, io, |l, io| {
                drafts::run(&l.corpus, &store, action, io)
            })
        }
        Some(Command::Show { id, json, width }) => {
            let width = width.or(io.term_width).unwrap_or(80).clamp(20, 80) as usize;
            with_corpus(&source, io, |l, io| {
                show::run(&l.corpus, id, *json, width, io)
            })
        }
        None => with_corpus(&source, io, |l, io| {
            writeln!(io.out, "{}\n", io.cat().t("cli.overview"))?;
            themes::run(&l.corpus, false, io)?;
            writeln!(io.out, "\n{}", io.cat().t("cli.overview_hint"))?;
            Ok(EXIT_OK)
        }),
    }
}

/// What the interactive app takes from outside the command line.
pub struct Settings {
    /// The UI language.
    pub lang: Lang,
    /// `NO_COLOR` is set.
    pub no_color: bool,
    /// The configuration file.
    pub config: crate::config::Config,
    /// What is wrong with the configuration file, if anything.
    pub config_problem: Option<String>,
}

/// Opens the terminal app on the chosen corpus.
pub fn run_interactive(cli: &Cli, settings: &Settings, err: &mut dyn Write) -> io::Result<u8> {
    let lang = settings.lang;
    use crate::app::{App, Keymap};
    use crate::ui::{Palette, ThemeName};
    let source = cli.corpus.clone().map_or(Source::Bundled, Source::Dir);
    let loaded = match corpus::load(&source) {
        Ok(l) => l,
        Err(e) => {
            writeln!(
                err,
                "plein: {}: {e}",
                Catalog::get(lang).t("cli.corpus_error")
            )?;
            return Ok(EXIT_USAGE);
        }
    };
    let mut notices: Vec<String> = settings
        .config_problem
        .iter()
        .map(|p| crate::sanitize::sanitize_line(p).into_owned())
        .collect();
    if loaded.corpus.skipped > 0 {
        notices.push(Catalog::get(lang).n("cli.skipped", loaded.corpus.skipped));
    }
    let user_keymap = directories::ProjectDirs::from("nl", "plein", "plein")
        .map(|d| d.config_dir().join("keymap.toml"));
    let keymap = match user_keymap.and_then(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t))) {
        Some((path, text)) => Keymap::with_user(&text).unwrap_or_else(|e| {
            let path = crate::sanitize::sanitize_line(&path.display().to_string()).into_owned();
            notices.push(Catalog::get(lang).f(
                "ui.keymap_error",
                &[
                    ("path", &path),
                    ("error", &crate::sanitize::sanitize_line(&e)),
                ],
            ));
            Keymap::default()
        }),
        None => Keymap::default(),
    };
    let theme = if settings.no_color {
        ThemeName::Monochrome
    } else {
        cli.colors.or(settings.config.colors).unwrap_or_default()
    };
    let mut app = App::new(std::sync::Arc::new(loaded.corpus), lang, keymap);
    let (store, store_notice) = match crate::paths::data_dir(cli.data_dir.as_deref()) {
        _ if cli.guest => (crate::bookmarks::Store::in_memory(), None),
        Some(dir) => crate::bookmarks::Store::open(&dir),
        None => (crate::bookmarks::Store::in_memory(), None),
    };
    let store_notice = if cli.guest {
        Some(Catalog::get(lang).t("bookmarks.guest").to_owned())
    } else {
        store_notice.map(|n| notice_text(&n, Catalog::get(lang)))
    };
    notices.extend(store_notice.clone());
    app.bookmarks.notice = store_notice;
    app.bookmarks.items = store.list().unwrap_or_default();
    app.bookmarks.kept = store.is_persistent();
    // Drafts are kept only where bookmarks are: never in guest or kiosk sessions.
    app.share.keep = store.is_persistent();
    let share_dir = settings
        .config
        .share_export_dir
        .clone()
        .filter(|_| cli.guest);
    app.share.export = share_dir.is_some();
    app.notice = (!notices.is_empty()).then(|| notices.join(" "));
    if cli.kiosk {
        let c = &settings.config;
        app.kiosk = Some(crate::app::Kiosk {
            idle: std::time::Duration::from_secs(
                60 * u64::from(c.kiosk_idle_minutes.unwrap_or(3).max(1)),
            ),
            allow_quit: c.kiosk_allow_quit == Some(true),
        });
    }
    let cache = (!cli.guest)
        .then(crate::search::cache::default_root)
        .flatten();
    crate::tui::run(app, Palette(theme), source, &store, cache, share_dir)?;
    Ok(EXIT_OK)
}

/// Loads the corpus, says how many documents were skipped, and runs `f` on it.
pub(super) fn with_corpus(
    source: &Source,
    io: &mut Io<'_>,
    f: impl FnOnce(&Loaded, &mut Io<'_>) -> io::Result<u8>,
) -> io::Result<u8> {
    let loaded = match corpus::load(source) {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "plein: {}: {e}", io.cat().t("cli.corpus_error"))?;
            return Ok(EXIT_USAGE);
        }
    };
    if loaded.corpus.skipped > 0 {
        writeln!(
            io.err,
            "{}",
            io.cat().n("cli.skipped", loaded.corpus.skipped)
        )?;
    }
    f(&loaded, io)
}
