//! The `plein` binary: parse arguments, run the command, map the outcome to an exit code.

use clap::FromArgMatches;
use plein::cli::Cli;
use plein::commands::{self, Io};
use plein::config::Config;
use plein::i18n::Lang;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// The UI language: `--lang`, then the configuration file, then the locale. Called before clap
/// parses (with `--lang` read from the raw arguments, so `--help` speaks the language) and after.
fn ui_language(flag: Option<Lang>, config: &Config) -> Lang {
    plein::cli::language(flag, config, std::env::var("LANG").ok().as_deref())
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let (config, config_problem) = Config::load();
    let matches = plein::cli::command(ui_language(plein::cli::lang_flag(&args), &config))
        .get_matches_from(&args);
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // Kiosk mode from the librarian's configuration holds for every command; it implies guest.
    cli.kiosk |= config.kiosk == Some(true);
    cli.guest |= cli.kiosk;
    // On a shared SSH account, each public key gets its own bookmarks; no key, no bookmarks.
    match plein::paths::ssh_profile() {
        plein::paths::Profile::Account => {}
        plein::paths::Profile::Guest => cli.guest = true,
        plein::paths::Profile::Key(hash) => {
            cli.data_dir = plein::paths::data_dir(cli.data_dir.as_deref())
                .map(|d| d.join("profiles").join(hash));
        }
    }
    let lang = ui_language(cli.lang, &config);
    if cli.command.is_none() && io::stdin().is_terminal() && io::stdout().is_terminal() {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let settings = commands::Settings {
            lang,
            no_color,
            config,
            config_problem,
        };
        return match commands::run_interactive(&cli, &settings, &mut io::stderr()) {
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
    if let Some(problem) = &config_problem {
        let _ = writeln!(err, "plein: {}", plein::sanitize::sanitize_line(problem));
    }
    let mut io = Io {
        out: &mut out,
        err: &mut err,
        lang,
        term_width,
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
