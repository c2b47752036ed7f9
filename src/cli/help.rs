//! The command line in the UI language. The clap definitions in `cli.rs` give the shape (names,
//! values, defaults); every text a person reads in `--help`, the man page and the completions
//! comes from the catalogs (`[help]` in `assets/i18n/*.toml`), by command path and argument id:
//! `help.plein.search.about`, `help.plein.search.arg.limit`. A test fails when an argument or
//! command lacks a text in either language.

use crate::i18n::{Catalog, Lang};
use clap::{Arg, Command};
use std::ffi::OsString;

/// The command definition with its texts in `lang`, ready to parse and print help.
pub fn command(lang: Lang) -> Command {
    let cat = Catalog::get(lang);
    let mut cmd = texts(lang);
    // Building propagates the (already translated) global options to every subcommand and adds
    // clap's own help flag, version flag and help command, which get their words next.
    cmd.build();
    builtins(cmd, cat)
}

/// The command definition with its own texts in `lang`, before clap adds its help flag,
/// version flag and help command (the man page's source).
pub fn texts(lang: Lang) -> Command {
    use clap::CommandFactory;
    localize(super::Cli::command(), Catalog::get(lang), "help.plein")
}

/// The `--lang` value among raw arguments, before clap parses them, so that a parse error or
/// `--help` already speaks the language. Stops at `--`; an unknown value gives `None`.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    match raw_value(args, "--lang")?.to_str()? {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The value of a long option (`--name VALUE` or `--name=VALUE`) among raw arguments, before
/// clap parses them: the settings file (`--config`) must be read before the help's language is
/// known. Stops at `--`.
pub fn raw_value(args: &[OsString], name: &str) -> Option<OsString> {
    let mut args = args.iter().skip(1);
    let prefix = format!("{name}=");
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            return None;
        }
        if text == name {
            return args.next().cloned();
        }
        if let Some(v) = text.strip_prefix(&prefix) {
            return Some(OsString::from(v));
        }
    }
    None
}

/// Whether the raw arguments name the `search` command, before clap parses them (and before the
/// settings load), so that its lexicons start decoding at once. A wrong guess (`plein show
/// search`) only decodes them for nothing.
pub fn names_search(args: &[OsString]) -> bool {
    args.iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "search")
}

/// Every catalog key the command line needs, for the drift test: one `about` per command and
/// one `arg.ID` per argument that a person can type.
pub fn keys() -> Vec<String> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    collect_keys(&super::Cli::command(), "help.plein", &mut out);
    out
}

fn collect_keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
    out.push(format!("{path}.about"));
    if cmd.get_long_about().is_some() {
        out.push(format!("{path}.long_about"));
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out.push(format!("{path}.arg.{}", arg.get_id()));
    }
    for sub in cmd.get_subcommands() {
        collect_keys(sub, &format!("{path}.{}", sub.get_name()), out);
    }
}

fn localize(mut cmd: Command, cat: &Catalog, path: &str) -> Command {
    if let Some(about) = cat.lookup(&format!("{path}.about")) {
        cmd = cmd.about(about.to_owned());
    }
    if cmd.get_long_about().is_some()
        && let Some(long) = cat.lookup(&format!("{path}.long_about"))
    {
        cmd = cmd.long_about(long.to_owned());
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let key = format!("{path}.arg.{id}");
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, cat, &key));
    }
    let layout = template(&cmd, cat);
    cmd = cmd.help_template(layout);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path}.{name}");
        cmd = cmd.mut_subcommand(&name, |s| localize(s, cat, &sub_path));
    }
    cmd
}

/// An argument's help from the catalog, with its default and possible values in the same
/// language (clap would add them in English).
fn localize_arg(arg: Arg, cat: &Catalog, key: &str) -> Arg {
    let Some(text) = cat.lookup(key) else {
        return arg;
    };
    let mut help = text.to_owned();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        help.push_str(&format!(
            " [{}]",
            cat.f("help.values", &[("values", &values.join(", "))])
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        help.push_str(&format!(
            " [{}]",
            cat.f("help.default", &[("value", &defaults.join(", "))])
        ));
    }
    let takes_values = arg.get_action().takes_values();
    let arg = arg.help(help);
    if takes_values {
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// The help layout with headings in the catalog's language.
fn template(cmd: &Command, cat: &Catalog) -> String {
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n",
        cat.t("help.usage")
    );
    if cmd.has_subcommands() {
        t.push_str(&format!("\n{}:\n{{subcommands}}\n", cat.t("help.commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str(&format!(
            "\n{}:\n{{positionals}}\n",
            cat.t("help.arguments")
        ));
    }
    t.push_str(&format!(
        "\n{}:\n{{options}}{{after-help}}",
        cat.t("help.options")
    ));
    t
}

/// Words for what clap adds itself: `-h/--help`, `-V/--version`, `help` and the usage line.
fn builtins(mut cmd: Command, cat: &Catalog) -> Command {
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| {
            a.help(cat.t("help.help_flag").to_owned())
                .long_help(cat.t("help.help_flag").to_owned())
        });
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| a.help(cat.t("help.version_flag").to_owned()));
    }
    let usage = cmd
        .render_usage()
        .to_string()
        .trim_start_matches("Usage: ")
        .replace(
            "[OPTIONS]",
            &format!("[{}]", cat.t("help.options_placeholder")),
        )
        .replace(
            "<COMMAND>",
            &format!("<{}>", cat.t("help.command_placeholder")),
        )
        .replace(
            "[COMMAND]",
            &format!("[{}]", cat.t("help.command_placeholder")),
        );
    cmd = cmd.override_usage(usage);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" {
                s.about(cat.t("help.help_command").to_owned())
            } else {
                s
            };
            builtins(s, cat)
        });
    }
    cmd
}
