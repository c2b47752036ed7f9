//! `--help` in the UI language and shell completions, both generated from the clap definitions
//! and the catalogs.

use crate::util::{plein, stdout};
use plein::i18n::{Catalog, Lang};

/// Whitespace collapsed, so wrapped help text compares with the catalog's one-line text.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_command_and_argument_has_help_in_both_languages() {
    let keys = plein::cli::help_keys();
    assert!(keys.len() > 40, "the command tree was not walked: {keys:?}");
    for lang in [Lang::Nl, Lang::En] {
        let cat = Catalog::get(lang);
        let missing: Vec<&String> = keys.iter().filter(|k| cat.lookup(k).is_none()).collect();
        assert!(missing.is_empty(), "{lang:?} catalog lacks {missing:?}");
        let stale: Vec<&str> = cat
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("help.plein.") && !keys.iter().any(|x| x == k))
            .collect();
        assert!(
            stale.is_empty(),
            "{lang:?} catalog has help for nothing: {stale:?}"
        );
    }
}

/// A catalog text that must exist.
fn text(cat: &Catalog, key: &str) -> String {
    cat.lookup(key)
        .unwrap_or_else(|| panic!("no catalog text {key}"))
        .to_owned()
}

/// Every command's help, rendered in `lang`, shows its own texts from that language's catalog.
fn check_tree(cmd: &mut clap::Command, path: &str, cat: &Catalog, other: &Catalog) {
    let short = flat(&cmd.render_help().to_string());
    let help = flat(&cmd.render_long_help().to_string());
    let about = text(cat, &format!("{path}.about"));
    assert!(
        short.contains(&flat(&about)),
        "{path}: no `{about}` in\n{short}"
    );
    if let Some(long) = cat.lookup(&format!("{path}.long_about")) {
        assert!(
            help.contains(&flat(long)),
            "{path}: no long about in\n{help}"
        );
    }
    let foreign = text(other, &format!("{path}.about"));
    assert!(
        !short.contains(&flat(&foreign)),
        "{path}: `{foreign}` in\n{short}"
    );
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        let t = text(cat, &format!("{path}.arg.{id}"));
        assert!(help.contains(&flat(&t)), "{path} --{id}: no `{t}`");
    }
    let heading = format!("{}:", text(cat, "help.options"));
    assert!(help.contains(&heading), "{path}: no heading {heading}");
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .filter(|n| n != "help")
        .collect();
    for name in names {
        let sub = cmd.find_subcommand_mut(&name).expect("subcommand");
        check_tree(sub, &format!("{path}.{name}"), cat, other);
    }
}

#[test]
fn every_help_page_speaks_the_chosen_language() {
    for (lang, other) in [(Lang::Nl, Lang::En), (Lang::En, Lang::Nl)] {
        let mut cmd = plein::cli::command(lang);
        check_tree(
            &mut cmd,
            "help.plein",
            Catalog::get(lang),
            Catalog::get(other),
        );
    }
}

#[test]
fn the_binary_decides_the_help_language_before_parsing() {
    let nl_about = flat(&text(Catalog::get(Lang::Nl), "help.plein.search.about"));
    let en_about = flat(&text(Catalog::get(Lang::En), "help.plein.search.about"));
    let help = |cmd: &mut std::process::Command| flat(&stdout(&cmd.output().expect("run")));
    let out = help(plein().args(["search", "--help"]));
    assert!(out.contains(&nl_about) && out.contains("Gebruik:"), "{out}");
    let out = help(
        plein()
            .env("LANG", "en_GB.UTF-8")
            .args(["search", "--help"]),
    );
    assert!(out.contains(&en_about) && out.contains("Usage:"), "{out}");
    let out = help(
        plein()
            .env("LANG", "en_GB.UTF-8")
            .args(["--lang", "nl", "search", "-h"]),
    );
    assert!(out.contains(&nl_about), "--lang wins over LANG: {out}");
    let out = help(plein().args(["search", "--lang=en", "--help"]));
    assert!(
        out.contains(&en_about),
        "--lang=en after the command: {out}"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "lang = \"en\"\n").expect("write");
    let out = help(plein().env("PLEIN_CONFIG", &cfg).args(["help", "search"]));
    assert!(out.contains(&en_about), "the config file decides: {out}");
    // Defaults and choices are in the same language as the text around them.
    let out = help(plein().args(["search", "--help"]));
    assert!(out.contains("[standaard: 10]") && out.contains("[kan zijn: story, resource]"));
    assert!(
        !out.contains("default:") && !out.contains("possible values"),
        "{out}"
    );
}

#[test]
fn bash_completes_a_subcommand() {
    let o = plein().args(["completions", "bash"]).output().expect("run");
    assert!(o.status.success());
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("plein.bash");
    std::fs::write(&script, &o.stdout).expect("write");
    // Load the script as bash-completion would, find the function it registered for `plein`,
    // and ask it to complete `plein bo` and `plein bookmarks ex`.
    let complete = |words: &str| {
        let program = format!(
            r#"source "$1" || exit 3
spec=$(complete -p plein) || exit 4
fn=$(sed -E 's/.*-F ([^ ]+).*/\1/' <<<"$spec")
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="{words}"
COMP_POINT=${{#COMP_LINE}}
"$fn" plein "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
        );
        let o = std::process::Command::new("bash")
            .args(["-c", &program, "bash"])
            .arg(&script)
            .output()
            .expect("run bash");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        stdout(&o).lines().map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(complete("plein bo"), ["bookmarks"]);
    assert_eq!(complete("plein bookmarks ex"), ["export"]);
    assert!(complete("plein se").contains(&"search".to_owned()));
}

#[test]
fn every_shell_gets_a_script_with_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = plein().args(["completions", shell]).output().expect("run");
        assert!(o.status.success(), "{shell}");
        let script = stdout(&o);
        for name in ["check", "themes", "search", "bookmarks", "drafts", "show"] {
            assert!(script.contains(name), "{shell}: no {name}");
        }
    }
    // Descriptions follow the UI language (fish and zsh show them).
    let o = plein().args(["completions", "fish"]).output().expect("run");
    assert!(stdout(&o).contains("Haal een bladwijzer weg"));
    let o = plein()
        .args(["--lang", "en", "completions", "fish"])
        .output()
        .expect("run");
    assert!(stdout(&o).contains("Remove a bookmark"));
    let o = plein().args(["completions", "tcsh"]).output().expect("run");
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

/// `plein search` starts decoding its lexicons before clap parses: the raw arguments must name
/// the command wherever the global flags put it, and nothing after `--` counts.
#[test]
fn the_search_command_is_seen_in_the_raw_arguments() {
    let args = |s: &str| -> Vec<std::ffi::OsString> { s.split(' ').map(Into::into).collect() };
    assert!(plein::cli::names_search(&args("plein search schulden")));
    assert!(plein::cli::names_search(&args(
        "plein --lang en --guest search --json -- -5 euro"
    )));
    assert!(!plein::cli::names_search(&args("plein show schulden")));
    assert!(!plein::cli::names_search(&args("plein themes")));
    assert!(!plein::cli::names_search(&args("plein show -- search")));
}
