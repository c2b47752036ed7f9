//! The non-interactive commands. Each writes to the given output and returns an exit code, so
//! tests run them without a process; `main` only wires them to stdout and stderr.

mod bookmarks;
mod check;
mod config;
mod drafts;
mod resources;
mod search;
mod show;

mod themes;

use crate::cli::{Cli, Command};
use crate::corpus::{self, Loaded, Source};
use crate::i18n::{Catalog, Lang};
use crate::present::notice_text;
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
    /// The settings in force, with where each came from.
    pub settings: &'a crate::config::Effective,
    /// The time the open-now lines are computed for.
    pub now: crate::hours::Now,
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
        Some(Command::Check { dir, json, strict }) => {
            let source = dir.clone().map(Source::Dir).unwrap_or(source);
            let args = check::Args {
                local: cli.local.as_deref(),
                json: *json,
                strict: *strict,
            };
            check::run(&source, &args, io)
        }
        Some(Command::Themes { theme: None, json }) => {
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                themes::run(&l.corpus, *json, io)
            })
        }
        Some(Command::Themes {
            theme: Some(t),
            json,
        }) => {
            let width = text_width(io);
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                themes::one(&l.corpus, t, *json, width, io)
            })
        }
        Some(Command::Hulp { json }) => {
            let width = text_width(io);
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                resources::hulp(&l.corpus, *json, width, io)
            })
        }
        Some(Command::Resources { theme, json }) => {
            let width = text_width(io);
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                resources::resources(&l.corpus, theme.as_deref(), *json, width, io)
            })
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
                local: cli.local.as_deref(),
            };
            let cache = cache_root(cli);
            search::run(&source, &args, cache.as_deref(), io)
        }
        Some(Command::Bookmarks { action }) if cli.kiosk && touches_files(action) => {
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
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                bookmarks::run(&l.corpus, &place, action, io)
            })
        }
        Some(Command::Drafts { action }) => {
            let writes = matches!(action, crate::cli::DraftsAction::Delete { .. });
            let (store, _) = match crate::paths::data_dir(cli.data_dir.as_deref()) {
                // Reading never creates the store (nor its directory).
                Some(dir) if !writes && !dir.join(crate::bookmarks::FILE_NAME).exists() => {
                    (crate::bookmarks::Store::in_memory(), None)
                }
                Some(dir) if !cli.guest => crate::bookmarks::Store::open(&dir),
                _ => (crate::bookmarks::Store::in_memory(), None),
            };
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                drafts::run(&l.corpus, &store, action, io)
            })
        }
        Some(Command::Local {
            action: crate::cli::LocalAction::New { output, force },
        }) => local_new(output.as_deref(), *force, io),
        Some(Command::Config { action }) => {
            let settings = io.settings;
            config::run(settings, action, io)
        }
        Some(Command::Show { id, json, width }) => {
            let width = width.or(io.term_width).unwrap_or(80).clamp(20, 80) as usize;
            with_corpus(&source, cli.local.as_deref(), io, |l, io| {
                show::run(&l.corpus, id, *json, width, io)
            })
        }
        Some(Command::Completions { shell }) => {
            // Into memory first: the generator panics on a write error such as a closed pipe.
            let mut script = Vec::new();
            let mut cmd = crate::cli::command(io.lang);
            clap_complete::generate(*shell, &mut cmd, "plein", &mut script);
            io.out.write_all(&script)?;
            Ok(EXIT_OK)
        }
        None => with_corpus(&source, cli.local.as_deref(), io, |l, io| {
            writeln!(io.out, "{}\n", io.cat().t("cli.overview"))?;
            themes::run(&l.corpus, false, io)?;
            writeln!(io.out, "\n{}", io.cat().t("cli.overview_hint"))?;
            Ok(EXIT_OK)
        }),
    }
}

/// `plein local new`: the commented template of a local resource, dated today, to standard
/// output or a new private file.
fn local_new(output: Option<&std::path::Path>, force: bool, io: &mut Io<'_>) -> io::Result<u8> {
    let (y, m, d) = io.now.date();
    let today = format!("{y:04}-{m:02}-{d:02}");
    let text = io.cat().f("local.template", &[("today", &today)]);
    match export_target(output) {
        None => write!(io.out, "{text}").map(|()| EXIT_OK),
        Some(path) => {
            if !write_export(path, text.as_bytes(), force, io)? {
                return Ok(EXIT_PROBLEM);
            }
            let shown = crate::sanitize::sanitize_line(&path.display().to_string()).into_owned();
            writeln!(
                io.err,
                "{}",
                io.cat().f("local.written", &[("file", &shown)])
            )?;
            Ok(EXIT_OK)
        }
    }
}

/// Width of wrapped text output: the terminal's, at most 80 columns.
fn text_width(io: &Io<'_>) -> usize {
    io.term_width.unwrap_or(80).clamp(20, 80) as usize
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
    /// Plain mode: lines of text on standard input and output instead of the full screen.
    pub plain: bool,
}

/// Opens the terminal app on the chosen corpus.
pub fn run_interactive(cli: &Cli, settings: &Settings, err: &mut dyn Write) -> io::Result<u8> {
    let lang = settings.lang;
    use crate::app::{App, Keymap};
    use crate::present::ThemeName;
    use crate::ui::Palette;
    let source = cli.corpus.clone().map_or(Source::Bundled, Source::Dir);
    let (loaded, local_problem) = match corpus::load_with(&source, cli.local.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            let cat = Catalog::get(lang);
            writeln!(
                err,
                "plein: {}: {}",
                cat.t("cli.corpus_error"),
                e.render(cat)
            )?;
            return Ok(EXIT_USAGE);
        }
    };
    let mut notices: Vec<String> = settings
        .config_problem
        .iter()
        .map(|p| crate::sanitize::sanitize_line(p).into_owned())
        .collect();
    notices.extend(local_notices(
        &loaded.corpus,
        local_problem.as_ref(),
        Catalog::get(lang),
    ));
    let local_skipped = loaded.corpus.local_skipped.len();
    if loaded.corpus.skipped > local_skipped {
        notices.push(Catalog::get(lang).n("cli.skipped", loaded.corpus.skipped - local_skipped));
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
    // `auto` follows the background COLORFGBG names; if it names none, the terminal is asked.
    let theme = crate::ui::background::theme_for(
        theme,
        std::env::var("COLORFGBG")
            .ok()
            .as_deref()
            .and_then(crate::ui::background::from_colorfgbg),
    );
    let mut app = App::new(std::sync::Arc::new(loaded.corpus), lang, keymap);
    app.now = crate::hours::Now::from_env();
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
    let cache = cache_root(cli);
    let exit = if settings.plain {
        let input = Box::new(io::BufReader::new(io::stdin()));
        let mut out = io::stdout();
        crate::tui::lines::run(app, source, &store, cache, input, &mut out)?
    } else {
        // Voorlezen: allowed in kiosk mode too, unless the settings switch it off or plein
        // runs over SSH (the voice would sound at the server); the speech program is looked
        // for once, here.
        let speech = crate::tui::speech::find_program(
            settings.config.read_aloud.unwrap_or(true)
                && !crate::tui::speech::over_ssh(|v| std::env::var_os(v)),
        );
        crate::tui::run(
            app,
            Palette(theme),
            source,
            &store,
            (cache, share_dir),
            speech,
        )?
    };
    Ok(match exit {
        // The shell convention: 128 + the signal's number.
        crate::tui::Exit::Signal(n) => 128 + n,
        crate::tui::Exit::Gone => 129,
        _ => EXIT_OK,
    })
}

/// A bookmarks action that reads or writes a file (refused in kiosk mode; `-o -` is stdout).
fn touches_files(action: &crate::cli::BookmarksAction) -> bool {
    use crate::cli::BookmarksAction;
    match action {
        BookmarksAction::Import { .. } => true,
        BookmarksAction::Export { output, .. } => export_target(output.as_deref()).is_some(),
        _ => false,
    }
}

/// Where an export goes: a file, or `None` for standard output (no `-o`, or `-o -`).
pub(super) fn export_target(output: Option<&std::path::Path>) -> Option<&std::path::Path> {
    output.filter(|p| p.as_os_str() != "-")
}

/// Writes an export file private to the user. An existing file is replaced only with
/// `force`; otherwise (and on any failure) the reason goes to stderr and the answer is false.
pub(super) fn write_export(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
    io: &mut Io<'_>,
) -> io::Result<bool> {
    let shown = crate::sanitize::sanitize_line(&path.display().to_string()).into_owned();
    let cat = io.cat();
    let written = if force {
        crate::paths::write_private_file(path, bytes)
    } else {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(path).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
    };
    match written {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                io.err,
                "plein: {}",
                cat.f("cli.exists", &[("file", &shown)])
            )?;
            Ok(false)
        }
        Err(e) => {
            let reason = cat.t(match e.kind() {
                io::ErrorKind::NotFound => "cli.write_no_dir",
                io::ErrorKind::PermissionDenied => "cli.write_denied",
                _ => "cli.write_failed",
            });
            let args: [(&str, &dyn std::fmt::Display); 2] = [("file", &shown), ("reason", &reason)];
            writeln!(io.err, "plein: {}", cat.f("cli.cannot_write", &args))?;
            Ok(false)
        }
    }
}

/// Where the search index is cached: nowhere in a guest session; `PLEIN_CACHE_DIR`; inside the
/// data directory when one was given (`--data-dir`, `PLEIN_DATA_DIR`), so nothing is written
/// outside it; else the platform's cache directory.
fn cache_root(cli: &Cli) -> Option<std::path::PathBuf> {
    if cli.guest {
        return None;
    }
    let explicit_cache = std::env::var_os("PLEIN_CACHE_DIR").is_some_and(|d| !d.is_empty());
    let explicit_data = cli
        .data_dir
        .as_ref()
        .is_some_and(|d| !d.as_os_str().is_empty())
        || std::env::var_os("PLEIN_DATA_DIR").is_some_and(|d| !d.is_empty());
    if explicit_data && !explicit_cache {
        return crate::paths::data_dir(cli.data_dir.as_deref()).map(|d| d.join("cache"));
    }
    crate::search::cache::default_root()
}

/// Loads the corpus with the local overlay, says which local files were skipped and how many
/// documents were, and runs `f` on it.
pub(super) fn with_corpus(
    source: &Source,
    local: Option<&std::path::Path>,
    io: &mut Io<'_>,
    f: impl FnOnce(&Loaded, &mut Io<'_>) -> io::Result<u8>,
) -> io::Result<u8> {
    let loaded = match corpus::load_with(source, local) {
        Ok((loaded, problem)) => {
            for line in local_notices(&loaded.corpus, problem.as_ref(), io.cat()) {
                writeln!(io.err, "plein: {line}")?;
            }
            loaded
        }
        Err(e) => {
            let cat = io.cat();
            writeln!(
                io.err,
                "plein: {}: {}",
                cat.t("cli.corpus_error"),
                e.render(cat)
            )?;
            return Ok(EXIT_USAGE);
        }
    };
    let local_skipped = loaded.corpus.local_skipped.len();
    if loaded.corpus.skipped > local_skipped {
        writeln!(
            io.err,
            "{}",
            io.cat()
                .n("cli.skipped", loaded.corpus.skipped - local_skipped)
        )?;
    }
    f(&loaded, io)
}

/// What to say about the local overlay, in the UI language: a directory that could not be
/// used, and each local file that was skipped with its first error.
pub fn local_notices(
    corpus: &corpus::Corpus,
    problem: Option<&corpus::SourceError>,
    cat: &Catalog,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(e) = problem {
        lines.push(cat.f("local.dir_error", &[("error", &e.render(cat))]));
    }
    if corpus.local_skipped.len() > 1 {
        lines.push(cat.n("local.skipped_count", corpus.local_skipped.len()));
    }
    for d in &corpus.local_skipped {
        let why_key = format!("local.why.{}", d.code);
        let why = cat
            .lookup(&why_key)
            .map_or_else(|| d.message.render(cat), str::to_owned);
        let at = format!("{}:{}", d.path, d.line);
        let line = cat.f("local.skipped", &[("file", &at), ("why", &why)]);
        lines.push(crate::sanitize::sanitize_line(&line).into_owned());
    }
    lines
}
