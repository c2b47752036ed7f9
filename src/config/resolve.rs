//! Which value each setting takes, and where it came from, for `plein config show`.

use super::{Config, Key, Layer, Problem, ProblemKind};
use crate::i18n::{Catalog, Lang};
use crate::present::ThemeName;
use std::path::PathBuf;

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// plein's default.
    Default,
    /// The system file, at this line.
    System(usize),
    /// The user's file, at this line.
    User(usize),
    /// An environment variable.
    Env(&'static str),
    /// A command-line flag.
    Flag(&'static str),
}

/// A setting's value, where it came from, and whether the system file locks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
    /// The system file locks this key.
    pub locked: bool,
}

/// What the environment says about settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (and not empty), with its value.
    pub locale: Option<(&'static str, String)>,
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
}

impl Env {
    /// Reads the process environment.
    pub fn from_process() -> Env {
        Env::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads an environment through `get` (for tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Env {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| get(name).filter(|v| !v.is_empty()).map(|v| (name, v)));
        Env {
            locale,
            no_color: get("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--lang`
    pub lang: Option<Lang>,
    /// `--colors`
    pub colors: Option<ThemeName>,
    /// `--kiosk`
    pub kiosk: bool,
    /// `--guest`
    pub guest: bool,
    /// `--local DIR`
    pub local: Option<PathBuf>,
}

/// A flag not obeyed because the system file locks its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    /// The locked key.
    pub key: Key,
    /// The flag that tried.
    pub flag: &'static str,
}

impl Refused {
    /// The message, in the UI language.
    pub fn render(&self, cat: &Catalog) -> String {
        cat.f(
            "config.flag_locked",
            &[("flag", &self.flag), ("key", &self.key.name())],
        )
    }
}

/// Every setting in force, and everything wrong on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effective {
    /// Interface language.
    pub lang: Setting<Lang>,
    /// Colour theme.
    pub colors: Setting<ThemeName>,
    /// Kiosk mode.
    pub kiosk: Setting<bool>,
    /// Guest session.
    pub guest: Setting<bool>,
    /// Idle minutes before a kiosk session is wiped.
    pub kiosk_idle_minutes: Setting<u32>,
    /// `q` quits in kiosk mode.
    pub kiosk_allow_quit: Setting<bool>,
    /// Where guest sessions hand stories over.
    pub share_export_dir: Setting<Option<PathBuf>>,
    /// `v` reads stories aloud (where espeak-ng is installed).
    pub read_aloud: Setting<bool>,
    /// The local overlay directory.
    pub local: Setting<Option<PathBuf>>,
    /// The system file, if one was read.
    pub system_file: Option<String>,
    /// The user's file, if one was read.
    pub user_file: Option<String>,
    /// Every problem in the files, system file first.
    pub problems: Vec<Problem>,
    /// Flags not obeyed.
    pub refused: Vec<Refused>,
}

impl Effective {
    /// The values in force as a [`Config`] (every field set).
    pub fn config(&self) -> Config {
        Config {
            lang: Some(self.lang.value),
            colors: Some(self.colors.value),
            kiosk: Some(self.kiosk.value),
            guest: Some(self.guest.value),
            kiosk_idle_minutes: Some(self.kiosk_idle_minutes.value),
            kiosk_allow_quit: Some(self.kiosk_allow_quit.value),
            share_export_dir: self.share_export_dir.value.clone(),
            read_aloud: Some(self.read_aloud.value),
            local: self.local.value.clone(),
        }
    }

    /// Where a value came from, in the UI language.
    pub fn origin_text(&self, origin: Origin, locked: bool, cat: &Catalog) -> String {
        let file = |f: &Option<String>| f.clone().unwrap_or_default();
        let text = match origin {
            Origin::Default => cat.t("config.origin_default").to_owned(),
            Origin::System(line) => cat.f(
                "config.origin_system",
                &[("file", &file(&self.system_file)), ("line", &line)],
            ),
            Origin::User(line) => cat.f(
                "config.origin_user",
                &[("file", &file(&self.user_file)), ("line", &line)],
            ),
            Origin::Env(name) => cat.f("config.origin_env", &[("name", &name)]),
            Origin::Flag(name) => cat.f("config.origin_flag", &[("name", &name)]),
        };
        if locked {
            cat.f("config.origin_locked", &[("origin", &text)])
        } else {
            text
        }
    }
}

/// One candidate value, lowest priority first.
type Candidate<T> = (T, Origin);

/// Works out every setting from the files, the environment and the flags.
pub fn resolve(
    system: Option<&Layer>,
    user: Option<&Layer>,
    env: &Env,
    flags: &Flags,
) -> Effective {
    let locks: &[Key] = system.map_or(&[], |s| &s.locks);
    let mut problems: Vec<Problem> = system
        .iter()
        .chain(user.iter())
        .flat_map(|l| l.problems.iter().cloned())
        .collect();
    let mut refused = Vec::new();
    let file = |layer: Option<&Layer>, key: Key, system: bool| {
        layer.and_then(|l| l.lines.get(&key).copied()).map(|line| {
            if system {
                Origin::System(line)
            } else {
                Origin::User(line)
            }
        })
    };
    macro_rules! files {
        ($key:expr, $field:ident) => {{
            let mut c = Vec::new();
            if let (Some(v), Some(o)) = (
                system.and_then(|l| l.values.$field.clone()),
                file(system, $key, true),
            ) {
                c.push((v, o));
            }
            if let (Some(v), Some(o)) = (
                user.and_then(|l| l.values.$field.clone()),
                file(user, $key, false),
            ) {
                c.push((v, o));
            }
            c
        }};
    }
    let locale = env
        .locale
        .as_ref()
        .map(|(name, v)| (Lang::from_locale(Some(v)), Origin::Env(name)));
    let mut lang: Vec<Candidate<Lang>> = locale.into_iter().collect();
    lang.extend(files!(Key::Lang, lang));
    lang.extend(flags.lang.map(|l| (l, Origin::Flag("--lang"))));

    let mut colors = files!(Key::Colors, colors);
    if env.no_color {
        colors.push((ThemeName::Monochrome, Origin::Env("NO_COLOR")));
    }
    colors.extend(flags.colors.map(|c| (c, Origin::Flag("--colors"))));

    let user_name = user.map_or(String::new(), |l| l.file.clone());
    let mut out = Out {
        locks,
        user_file: &user_name,
        problems: &mut problems,
        refused: &mut refused,
    };
    let lang = out.pick(Key::Lang, Lang::default(), lang);
    let colors = out.pick(Key::Colors, ThemeName::default(), colors);
    let minutes = files!(Key::KioskIdleMinutes, kiosk_idle_minutes);
    let kiosk_idle_minutes = out.pick(Key::KioskIdleMinutes, 3, minutes);
    let quit = files!(Key::KioskAllowQuit, kiosk_allow_quit);
    let kiosk_allow_quit = out.pick(Key::KioskAllowQuit, false, quit);
    let dir = files!(Key::ShareExportDir, share_export_dir)
        .into_iter()
        .map(|(d, o)| (Some(d), o))
        .collect();
    let share_export_dir = out.pick(Key::ShareExportDir, None, dir);
    let aloud = files!(Key::ReadAloud, read_aloud);
    let read_aloud = out.pick(Key::ReadAloud, true, aloud);
    let mut local: Vec<Candidate<Option<PathBuf>>> = files!(Key::Local, local)
        .into_iter()
        .map(|(d, o)| (Some(d), o))
        .collect();
    local.extend(
        flags
            .local
            .clone()
            .map(|d| (Some(d), Origin::Flag("--local"))),
    );
    let local = out.pick(Key::Local, None, local);
    let mut kiosk = files!(Key::Kiosk, kiosk);
    kiosk.extend(flags.kiosk.then_some((true, Origin::Flag("--kiosk"))));
    let mut guest = files!(Key::Guest, guest);
    guest.extend(flags.guest.then_some((true, Origin::Flag("--guest"))));
    Effective {
        lang,
        colors,
        kiosk: turned_on(Key::Kiosk, kiosk, locks),
        guest: turned_on(Key::Guest, guest, locks),
        kiosk_idle_minutes,
        kiosk_allow_quit,
        share_export_dir,
        read_aloud,
        local,
        system_file: system.map(|l| l.file.clone()),
        user_file: user.map(|l| l.file.clone()),
        problems,
        refused,
    }
}

/// Where [`Out::pick`] reports what it does not obey.
struct Out<'a> {
    locks: &'a [Key],
    user_file: &'a str,
    problems: &'a mut Vec<Problem>,
    refused: &'a mut Vec<Refused>,
}

impl Out<'_> {
    /// The last candidate wins, except that a locked key stops at the system file: what comes
    /// after is not obeyed (a flag is reported; the user's file gets a problem).
    fn pick<T>(&mut self, key: Key, default: T, candidates: Vec<Candidate<T>>) -> Setting<T> {
        let locked = self.locks.contains(&key);
        let mut chosen = (default, Origin::Default);
        for (value, origin) in candidates {
            if locked && !matches!(origin, Origin::System(_)) {
                match origin {
                    Origin::Flag(flag) => self.refused.push(Refused { key, flag }),
                    Origin::User(line) => self.problems.push(Problem {
                        file: self.user_file.to_owned(),
                        line,
                        kind: ProblemKind::Locked(key),
                    }),
                    _ => {}
                }
                continue;
            }
            chosen = (value, origin);
        }
        Setting {
            value: chosen.0,
            origin: chosen.1,
            locked,
        }
    }
}

/// `kiosk` and `guest`: on as soon as any file or flag turns them on (a lock cannot stop that,
/// and nothing after can turn them off); else the last file that set them off, or the default.
fn turned_on(key: Key, candidates: Vec<Candidate<bool>>, locks: &[Key]) -> Setting<bool> {
    let locked = locks.contains(&key);
    let on = candidates.iter().find(|(v, _)| *v).copied();
    let (value, origin) = on
        .or_else(|| candidates.last().copied())
        .unwrap_or((false, Origin::Default));
    Setting {
        value,
        origin,
        locked,
    }
}
