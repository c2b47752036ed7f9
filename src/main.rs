//! The `plein` binary: parse arguments, read the settings, run the command, map the outcome to
//! an exit code (0 done or found, 1 a problem or nothing found, 2 could not run; clap's usage
//! errors are 2 as well; 128 + n after signal n).

use clap::FromArgMatches;
use plein::cli::{Cli, Command, ConfigAction};
use plein::commands::{self, Io};
use plein::config;
use plein::i18n::{Catalog, Lang};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // `plein search`'s lexicons decode on a thread of their own while the settings, the
    // command line and the corpus load (the app decodes them after its first frame).
    if plein::cli::names_search(&args) {
        plein::search::SearchIndex::prepare();
    }
    let env = config::Env::from_process();
    // The settings are read before clap parses, so that `--help` and usage errors already speak
    // the UI language: `--config` and `--lang` are taken from the raw arguments for that.
    let explicit = plein::cli::raw_value(&args, "--config").map(PathBuf::from);
    let raw_lang = plein::cli::lang_flag(&args);
    let sources = match config::load(explicit.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            // The settings are unknown, so the language comes from the flag or the locale.
            let lang = raw_lang
                .unwrap_or_else(|| Lang::from_locale(env.locale.as_ref().map(|(_, v)| v.as_str())));
            let _ = writeln!(io::stderr(), "plein: {}", e.render(Catalog::get(lang)));
            return ExitCode::from(commands::EXIT_USAGE);
        }
    };
    let early = config::Flags {
        lang: raw_lang,
        ..config::Flags::default()
    };
    let help_lang = config::resolve(sources.system.as_ref(), sources.user.as_ref(), &env, &early)
        .lang
        .value;
    // The texts are read only when clap prints (help, the version, a usage error): a command
    // line that parses is parsed by the bare definition, at a third of the cost of translating
    // every command's help first; anything else is parsed again by the translated one, which
    // prints and exits.
    let matches = {
        use clap::CommandFactory;
        match Cli::command().try_get_matches_from(&args) {
            Ok(m) => m,
            Err(_) => plein::cli::command(help_lang).get_matches_from(&args),
        }
    };
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let settings = config::resolve(
        sources.system.as_ref(),
        sources.user.as_ref(),
        &env,
        &cli.flags(),
    );
    let lang = settings.lang.value;
    let cat = Catalog::get(lang);
    cli.lang = Some(lang);
    cli.colors = Some(settings.colors.value);
    // Kiosk mode holds for every command; it implies guest.
    cli.kiosk = settings.kiosk.value;
    cli.guest = settings.guest.value || cli.kiosk;
    cli.local = settings.local.value.clone();
    let checking = matches!(
        cli.command,
        Some(Command::Config {
            action: ConfigAction::Check
        })
    );
    if !checking {
        let mut err = io::stderr();
        for p in &settings.problems {
            let _ = writeln!(err, "plein: {}", p.render(cat));
        }
        for r in &settings.refused {
            let _ = writeln!(err, "plein: {}", r.render(cat));
        }
    }
    // On a shared SSH account, each public key gets its own bookmarks; no key, no bookmarks.
    match plein::paths::ssh_profile() {
        plein::paths::Profile::Account => {}
        plein::paths::Profile::Guest => cli.guest = true,
        plein::paths::Profile::Key(hash) => {
            cli.data_dir = plein::paths::data_dir(cli.data_dir.as_deref())
                .map(|d| d.join("profiles").join(hash));
        }
    }
    // Without a command plein is the app: full screen on a terminal that can draw, else plain
    // lines (a pipe, a `script` log, TERM=dumb, or asked for with --plain).
    let can_draw = io::stdin().is_terminal()
        && io::stdout().is_terminal()
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
    if cli.command.is_none() {
        let n = settings.problems.len() + settings.refused.len();
        let interactive = commands::Settings {
            lang,
            no_color: false,
            config: settings.config(),
            config_problem: (n > 0).then(|| cat.n("config.problems_notice", n)),
            plain: cli.plain || !can_draw,
        };
        return match commands::run_interactive(&cli, &interactive, &mut io::stderr()) {
            Ok(code) => ExitCode::from(code),
            Err(e) => {
                let _ = writeln!(io::stderr(), "plein: {e}");
                ExitCode::from(commands::EXIT_USAGE)
            }
        };
    }
    let stdout = io::stdout();
    let term_width = stdout
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
        .flatten();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        lang,
        term_width,
        settings: &settings,
        now: plein::hours::Now::from_env(),
    };
    let result = commands::run(&cli, &mut io).and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`plein show x | head`) is not an error for the user.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "plein: {e}");
            ExitCode::from(commands::EXIT_USAGE)
        }
    }
}
