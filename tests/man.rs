//! `man/plein.1` is generated from the clap definitions plus the hand-written sections in
//! `man/sections.roff`. This test fails when the committed page is out of date; run
//! `PLEIN_UPDATE_MAN=1 cargo test man_page` to regenerate it.

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
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(
            page.contains(&format!(".SH {section}"))
                || page.contains(&format!(".SH \"{section}\"")),
            "missing section {section}"
        );
    }
}
