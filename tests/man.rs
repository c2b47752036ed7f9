//! `man/plein.1` is generated from the clap definitions plus the hand-written sections in
//! `man/sections.roff`. This test fails when the committed page is out of date; run
//! `PLEIN_UPDATE_MAN=1 cargo test man_page` to regenerate it.

use plein::app::keymap::display_key;
use plein::app::{Context, Keymap};
use plein::i18n::{Catalog, Lang};

fn roff_escape(s: &str) -> String {
    let s = s.replace('\\', "\\\\").replace('-', "\\-");
    s.lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn arg_line(arg: &clap::Arg) -> String {
    let mut names = Vec::new();
    if let Some(s) = arg.get_short() {
        names.push(format!("\\fB\\-{s}\\fR"));
    }
    if let Some(l) = arg.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", roff_escape(l)));
    }
    let values: Vec<String> = arg
        .get_value_names()
        .map(|v| v.iter().map(|n| format!("\\fI{n}\\fR")).collect())
        .unwrap_or_default();
    let takes_value = arg.get_action().takes_values();
    if names.is_empty() {
        format!("\\fI{}\\fR", arg.get_id().as_str().to_uppercase())
    } else if takes_value {
        let value = values
            .first()
            .cloned()
            .unwrap_or_else(|| format!("\\fI{}\\fR", arg.get_id().as_str().to_uppercase()));
        format!("{} {value}", names.join(", "))
    } else {
        names.join(", ")
    }
}

fn commands_section(cmd: &clap::Command) -> String {
    let mut out = String::from(".SH COMMANDS\n");
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let mut usage = format!("\\fBplein {}\\fR", sub.get_name());
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
        {
            let part = arg_line(arg);
            usage.push_str(&if arg.is_required_set() {
                format!(" {part}")
            } else {
                format!(" [{part}]")
            });
        }
        out.push_str(&format!(".TP\n{usage}\n"));
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        out.push_str(&format!("{}\n", roff_escape(&about)));
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
        {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            out.push_str(&format!(
                ".RS\n.TP\n{}\n{}\n.RE\n",
                arg_line(arg),
                roff_escape(&help)
            ));
        }
    }
    out
}

/// How a screen is named in the man page. An exhaustive match: a new screen does not compile
/// until it has a name here.
fn screen_name(c: Context) -> &'static str {
    match c {
        Context::Global => "Every screen, also while typing",
        Context::Home => "Home",
        Context::List => "A theme's list and Hulp nu",
        Context::Search => "Typing in the search box",
        Context::Results => "Search results",
        Context::Gate => "Content notes before a story",
        Context::Reader => "Reading a story or resource",
        Context::Help => "The key overview (?)",
        Context::Bookmarks => "Bladwijzers (bookmarks)",
        Context::Note => "Writing a bookmark's note",
        Context::Qr => "A QR code",
        Context::Slip => "The hulpbriefje",
        Context::ShareText => "Deel je ervaring: typing",
        Context::ShareChoose => "Deel je ervaring: choosing",
    }
}

/// The screens in the order the man page lists them.
const SCREENS: [Context; 14] = [
    Context::Global,
    Context::Home,
    Context::List,
    Context::Search,
    Context::Results,
    Context::Gate,
    Context::Reader,
    Context::Help,
    Context::Bookmarks,
    Context::Note,
    Context::Qr,
    Context::Slip,
    Context::ShareText,
    Context::ShareChoose,
];

/// KEYS, from the keymap table the app itself dispatches on, with the English descriptions.
fn keys_section() -> String {
    let keymap = Keymap::default();
    let cat = Catalog::get(Lang::En);
    let mut out = String::from(
        ".SH KEYS\nThe keys of the terminal app. They come from one table (\\fIassets/keymap.toml\\fR in \
the source) that also drives the app, its key overview (\\fB?\\fR) and the footer. A \
\\fIkeymap.toml\\fR beside the configuration file can change them (see \\fBFILES\\fR); \
in the search box, and wherever you write text, letters type.\n",
    );
    let mut rows = 0;
    for screen in SCREENS {
        // `rows` lists a screen's own rows and then the global ones; take the global ones once.
        let of = if screen == Context::Global {
            Context::Home
        } else {
            screen
        };
        let own: Vec<_> = keymap.rows(of).filter(|r| r.screen == screen).collect();
        if own.is_empty() {
            continue;
        }
        out.push_str(&format!(".SS \"{}\"\n", screen_name(screen)));
        for row in own {
            rows += 1;
            let keys: Vec<String> = row
                .keys
                .iter()
                .map(|k| match k.as_str() {
                    " " => "Space".to_owned(),
                    k => display_key(k),
                })
                .map(|k| format!("\\fB{}\\fR", roff_escape(&k)))
                .collect();
            let desc = cat
                .lookup(&row.desc)
                .unwrap_or_else(|| panic!("no English text for {}", row.desc));
            out.push_str(&format!(
                ".TP\n{}\n{}\n",
                keys.join(", "),
                roff_escape(desc)
            ));
        }
    }
    let table = include_str!("../assets/keymap.toml")
        .matches("[[key]]")
        .count();
    assert_eq!(rows, table, "every row of assets/keymap.toml is in KEYS");
    out
}

fn render() -> String {
    let cmd = plein::cli::texts(plein::i18n::Lang::En);
    let man = clap_mangen::Man::new(cmd.clone())
        .date("")
        .manual("plein manual");
    let mut buf = Vec::new();
    man.render_title(&mut buf).expect("render");
    man.render_name_section(&mut buf).expect("render");
    man.render_synopsis_section(&mut buf).expect("render");
    man.render_description_section(&mut buf).expect("render");
    let mut page = String::from_utf8(buf).expect("utf-8");
    page.push_str(&commands_section(&cmd));
    let mut opts = Vec::new();
    man.render_options_section(&mut opts).expect("render");
    page.push_str(&String::from_utf8(opts).expect("utf-8"));
    page.push_str(&keys_section());
    page.push_str(include_str!("../man/sections.roff"));
    page
}

#[test]
fn man_page_is_up_to_date() {
    let page = render();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/man/plein.1");
    if std::env::var_os("PLEIN_UPDATE_MAN").is_some() {
        std::fs::write(path, &page).expect("write man page");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == page,
        "man/plein.1 is out of date: run `PLEIN_UPDATE_MAN=1 cargo test man_page` and commit it"
    );
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "COMMANDS",
        "OPTIONS",
        "KEYS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "EXAMPLES",
        "SEE ALSO",
    ] {
        assert!(
            page.contains(&format!(".SH {section}"))
                || page.contains(&format!(".SH \"{section}\"")),
            "missing section {section}"
        );
    }
}
