//! Settings fail closed: read key by key, kiosk and guest hold in a broken file, an explicit
//! file that cannot be read stops plein, and the administrator's locks hold.

use crate::util::{plein, stderr, stdout};
use plein::config::{Env, Flags, Key, Origin, ProblemKind, parse_layer, resolve};
use plein::i18n::Lang;
use plein::ui::ThemeName;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

#[test]
fn a_bad_key_is_reported_with_its_line_and_every_good_key_still_counts() {
    let l = parse_layer(
        "c.toml",
        "lang = \"en\"\ntaal = \"nl\"\ncolors = \"paars\"\nkiosk_idle_minutes = 5\n",
        false,
    );
    assert_eq!(l.values.lang, Some(Lang::En));
    assert_eq!(l.values.kiosk_idle_minutes, Some(5));
    assert_eq!(l.values.colors, None);
    let lines: Vec<(usize, &ProblemKind)> = l.problems.iter().map(|p| (p.line, &p.kind)).collect();
    assert_eq!(
        lines,
        vec![
            (
                2,
                &ProblemKind::UnknownKey("taal".into(), Some("lang".into()))
            ),
            (3, &ProblemKind::BadValue(Key::Colors)),
        ]
    );
}

#[test]
fn kiosk_and_guest_hold_even_when_the_file_is_not_toml() {
    for text in [
        "kiosk = true\nlang = \"en\nthis is [[ not toml\n",
        "[[[\nkiosk = true # librarian\n",
        "[ergens]\nkiosk = true\n",
        "kiosk = true\nkiosk = false\n",
        "lang = = =\n  \"kiosk\" =   true\n",
    ] {
        let l = parse_layer("c.toml", text, false);
        assert_eq!(l.values.kiosk, Some(true), "{text:?}");
        assert!(!l.problems.is_empty(), "{text:?} is reported");
    }
    let l = parse_layer("c.toml", "guest = true\n%%%\n", false);
    assert_eq!(l.values.guest, Some(true));
    // kiosk = false never turns off what another file turned on.
    let system = parse_layer("s.toml", "kiosk = true\n", true);
    let user = parse_layer("u.toml", "kiosk = false\n", false);
    let e = resolve(
        Some(&system),
        Some(&user),
        &Env::default(),
        &Flags::default(),
    );
    assert!(e.kiosk.value);
    assert_eq!(e.kiosk.origin, Origin::System(1));
}

#[test]
fn a_locked_key_keeps_the_system_value_against_file_environment_and_flag() {
    let system = parse_layer(
        "s.toml",
        "colors = \"high-contrast\"\nlang = \"nl\"\nlock = [\"colors\", \"lang\", \"kiosk\"]\n",
        true,
    );
    assert_eq!(system.locks, vec![Key::Colors, Key::Lang, Key::Kiosk]);
    let user = parse_layer("u.toml", "colors = \"default\"\nlock = [\"lang\"]\n", false);
    let env = Env::from_lookup(|k| (k == "NO_COLOR" || k == "LANG").then(|| "en_GB".to_owned()));
    let flags = Flags {
        colors: Some(ThemeName::Monochrome),
        lang: Some(Lang::En),
        ..Flags::default()
    };
    let e = resolve(Some(&system), Some(&user), &env, &flags);
    assert_eq!(e.colors.value, ThemeName::HighContrast);
    assert_eq!(
        (e.colors.origin, e.colors.locked),
        (Origin::System(1), true)
    );
    assert_eq!(e.lang.value, Lang::Nl);
    let refused: Vec<&str> = e.refused.iter().map(|r| r.flag).collect();
    assert_eq!(refused, vec!["--lang", "--colors"]);
    let kinds: Vec<&ProblemKind> = e.problems.iter().map(|p| &p.kind).collect();
    assert!(kinds.contains(&&ProblemKind::LockOutsideSystem));
    assert!(kinds.contains(&&ProblemKind::Locked(Key::Colors)));
}

#[test]
fn colors_flag_beats_no_color_which_beats_the_file() {
    let user = parse_layer("u.toml", "colors = \"high-contrast\"\n", false);
    let no_color = Env::from_lookup(|k| (k == "NO_COLOR").then(|| "1".to_owned()));
    let e = resolve(None, Some(&user), &Env::default(), &Flags::default());
    assert_eq!(e.colors.value, ThemeName::HighContrast);
    let e = resolve(None, Some(&user), &no_color, &Flags::default());
    assert_eq!(
        (e.colors.value, e.colors.origin),
        (ThemeName::Monochrome, Origin::Env("NO_COLOR"))
    );
    let flags = Flags {
        colors: Some(ThemeName::Default),
        ..Flags::default()
    };
    let e = resolve(None, Some(&user), &no_color, &flags);
    assert_eq!(
        (e.colors.value, e.colors.origin),
        (ThemeName::Default, Origin::Flag("--colors"))
    );
}

#[test]
fn lc_all_beats_lc_messages_beats_lang() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        Env::from_lookup(move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        })
    };
    let lang = |e: Env| resolve(None, None, &e, &Flags::default()).lang;
    let l = lang(env(&[
        ("LC_ALL", "en_US.UTF-8"),
        ("LC_MESSAGES", "nl_NL"),
        ("LANG", "nl_NL"),
    ]));
    assert_eq!((l.value, l.origin), (Lang::En, Origin::Env("LC_ALL")));
    let l = lang(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "nl_NL")]));
    assert_eq!((l.value, l.origin), (Lang::En, Origin::Env("LC_MESSAGES")));
    let l = lang(env(&[
        ("LC_ALL", ""),
        ("LC_MESSAGES", "nl_BE"),
        ("LANG", "en_US"),
    ]));
    assert_eq!((l.value, l.origin), (Lang::Nl, Origin::Env("LC_MESSAGES")));
    let l = lang(env(&[("LANG", "en_US")]));
    assert_eq!(l.value, Lang::En);
    // The binary reads them in that order too.
    let o = plein()
        .args(["config", "show"])
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("run");
    assert!(
        stdout(&o).contains("lang = \"en\"  # environment (LC_ALL)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn an_explicit_settings_file_that_cannot_be_read_stops_plein_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("weg.toml");
    let o = plein()
        .env("PLEIN_CONFIG", &missing)
        .arg("themes")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("weg.toml") && err.contains("bestaat niet"),
        "{err}"
    );
    let o = plein()
        .args(["--lang", "en", "--config"])
        .arg(dir.path())
        .arg("themes")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
}

#[test]
fn config_check_lists_every_problem_with_file_and_line_in_the_ui_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(
        dir.path(),
        "c.toml",
        "kiosk = ja\nlang = \"en\"\nkleuren = 1\n",
    );
    let o = plein()
        .arg("--config")
        .arg(&f)
        .args(["config", "check"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let shown = f.display().to_string();
    assert!(
        out.contains(&format!("{shown}:1: `kiosk` has a value")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{shown}:3: plein has no setting `kleuren`")),
        "{out}"
    );
    assert!(out.contains("2 problems in the settings."), "{out}");
    // Dutch under a Dutch UI, with the right plural.
    let f = write(dir.path(), "d.toml", "kiosk = ja\n");
    let o = plein()
        .arg("--config")
        .arg(&f)
        .args(["config", "check"])
        .output()
        .expect("run");
    let out = stdout(&o);
    assert!(out.contains("verwacht: true of false"), "{out}");
    assert!(out.contains("1 probleem in de instellingen."), "{out}");
    let f = write(dir.path(), "ok.toml", "lang = \"nl\"\n");
    let o = plein()
        .arg("--config")
        .arg(&f)
        .args(["config", "check"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Any other command reports the problems on stderr and still runs.
    let f = write(dir.path(), "e.toml", "kiosk = ja\n");
    let o = plein()
        .arg("--config")
        .arg(&f)
        .arg("themes")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("e.toml:1:"), "{}", stderr(&o));
}

#[test]
fn a_system_file_locks_keys_and_config_show_says_where_each_value_came_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let system = write(
        dir.path(),
        "system.toml",
        "kiosk = true\ncolors = \"high-contrast\"\nlock = [\"kiosk\", \"colors\"]\n",
    );
    let user = write(
        dir.path(),
        "user.toml",
        "colors = \"default\"\nlang = \"en\"\n",
    );
    let o = plein()
        .env("PLEIN_SYSTEM_CONFIG", &system)
        .arg("--config")
        .arg(&user)
        .args(["--colors", "monochrome", "config", "show"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let s = system.display().to_string();
    let u = user.display().to_string();
    assert!(
        out.contains(&format!("kiosk = true  # system file {s}:1, locked")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "colors = \"high-contrast\"  # system file {s}:2, locked"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("lang = \"en\"  # your file {u}:2")),
        "{out}"
    );
    assert!(out.contains("kiosk_idle_minutes = 3  # default"), "{out}");
    let err = stderr(&o);
    assert!(err.contains("--colors does not count"), "{err}");
    // Kiosk from the system file holds for commands: no files in or out.
    let o = plein()
        .env("PLEIN_SYSTEM_CONFIG", &system)
        .args(["bookmarks", "import"])
        .arg(&user)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kioskmodus"), "{}", stderr(&o));
}

#[test]
fn a_broken_user_file_with_kiosk_keeps_kiosk_for_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(
        dir.path(),
        "c.toml",
        "kiosk = true\nlang = \"en\nonzin [[\n",
    );
    let out = dir.path().join("export.md");
    let o = plein()
        .arg("--config")
        .arg(&f)
        .args(["bookmarks", "export", "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "kiosk: no export");
}

#[test]
fn every_theme_is_a_colors_value_and_the_old_default_still_means_auto() {
    for (text, theme) in [
        ("auto", ThemeName::Default),
        ("default", ThemeName::Default),
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("high-contrast", ThemeName::HighContrast),
        ("monochrome", ThemeName::Monochrome),
    ] {
        let l = parse_layer("c.toml", &format!("colors = \"{text}\"\n"), false);
        assert_eq!(l.values.colors, Some(theme), "{text}");
        assert!(l.problems.is_empty(), "{text}");
    }
    let l = parse_layer("c.toml", "theme = \"light\"\n", false);
    assert_eq!(
        l.problems.first().map(|p| &p.kind),
        Some(&ProblemKind::UnknownKey(
            "theme".into(),
            Some("colors".into())
        )),
        "the theme is set with `colors`"
    );
    let o = plein()
        .args(["--colors", "licht", "search", "x"])
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("light"),
        "the values are listed: {}",
        stderr(&o)
    );
}
