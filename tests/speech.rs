//! Voorlezen (reading aloud): the state machine without a terminal or a speech program, the
//! screen while reading, and the process edge with a fake speech program that records what it
//! was given.

use crate::app::{Harness, draw, harness, press};
use plein::app::speech::{Voice, speakable};
use plein::app::{self, Action, App, Effect, View};
use plein::i18n::Lang;
use plein::ui::{Palette, Role, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Presses keys (as `press` does) without performing the effects: returns them.
fn keys(h: &mut Harness, keys: &[KeyEvent]) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys {
        if let Some(a) = app::key_action(&h.app, k) {
            out.extend(app::update(&mut h.app, a));
        }
    }
    out
}

fn key(c: char) -> KeyEvent {
    KeyEvent::from(KeyCode::Char(c))
}

fn esc() -> KeyEvent {
    KeyEvent::from(KeyCode::Esc)
}

/// A harness on the story "De brieven bleven dicht", with a speech program available.
fn on_story(lang: Lang) -> Harness {
    let mut h = harness(lang);
    h.app.speech.available = true;
    press(&mut h, "1<Enter>");
    assert!(
        matches!(h.app.view(), View::Reader { id, .. } if id == "brieven-bleven-dicht"),
        "{:?}",
        h.app.view()
    );
    h
}

/// The Speak effect's parts, or a panic naming what came instead.
fn spoken(effects: &[Effect]) -> (u64, String, Voice) {
    match effects {
        [Effect::Speak { seq, text, voice }] => (*seq, text.clone(), *voice),
        other => panic!("expected one Speak, got {other:?}"),
    }
}

const SENTENCES: [&str; 6] = [
    "De brieven bleven dicht",
    "Ik had schulden bij de zorgverzekeraar.",
    "De brieven bleven dicht op tafel.",
    "Een deurwaarder kwam aan de deur.",
    "Via de schuldhulpverlening kreeg ik weer overzicht.",
    "Mijn tip: Open één brief per dag.",
];

#[test]
fn v_reads_the_story_sentence_by_sentence_in_the_story_s_voice() {
    let mut h = on_story(Lang::Nl);
    let (mut seq, text, voice) = spoken(&keys(&mut h, &[key('v')]));
    assert_eq!(voice, Voice::Dutch);
    let mut heard = vec![text];
    loop {
        // An answer for an older sentence changes nothing.
        assert!(app::update(&mut h.app, Action::SpeechDone(seq + 100)).is_empty());
        let effects = app::update(&mut h.app, Action::SpeechDone(seq));
        if effects.is_empty() {
            break;
        }
        let (next, text, _) = spoken(&effects);
        assert!(next > seq);
        seq = next;
        heard.push(text);
    }
    assert_eq!(heard, SENTENCES);
    assert!(
        h.app.speech.reading.is_none(),
        "done at the end of the text"
    );
}

#[test]
fn v_or_esc_stops_and_esc_then_leaves() {
    let mut h = on_story(Lang::Nl);
    spoken(&keys(&mut h, &[key('v')]));
    assert_eq!(keys(&mut h, &[key('v')]), vec![Effect::StopSpeech]);
    assert!(h.app.speech.reading.is_none());

    spoken(&keys(&mut h, &[key('v')]));
    assert_eq!(keys(&mut h, &[esc()]), vec![Effect::StopSpeech]);
    assert!(
        matches!(h.app.view(), View::Reader { .. }),
        "Esc first stops"
    );
    assert!(keys(&mut h, &[esc()]).is_empty());
    assert!(!matches!(h.app.view(), View::Reader { .. }), "then leaves");
}

#[test]
fn leaving_the_story_quick_exit_and_the_idle_wipe_stop_the_voice() {
    // Hulp nu (F1), a link, search: the story leaves the screen.
    for leave in [
        vec![KeyEvent::from(KeyCode::F(1))],
        vec![key('1')],
        vec![key('/')],
    ] {
        let mut h = on_story(Lang::Nl);
        spoken(&keys(&mut h, &[key('v')]));
        let effects = keys(&mut h, &leave);
        assert_eq!(effects.first(), Some(&Effect::StopSpeech), "{leave:?}");
        assert!(h.app.speech.reading.is_none());
    }
    // Snel weg: the voice stops before plein leaves.
    let mut h = on_story(Lang::Nl);
    spoken(&keys(&mut h, &[key('v')]));
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(
        keys(&mut h, &[ctrl_q]),
        vec![Effect::StopSpeech, Effect::QuickExit]
    );
    // Kiosk: snel weg and the idle time wipe the session, and the voice stops.
    for wipe in [Action::QuickExit, Action::Idle] {
        let mut h = on_story(Lang::Nl);
        h.app.kiosk = Some(plein::app::Kiosk::default());
        spoken(&keys(&mut h, &[key('v')]));
        assert_eq!(
            app::update(&mut h.app, wipe.clone()),
            vec![Effect::StopSpeech, Effect::ClearScreen],
            "{wipe:?}"
        );
        assert!(h.app.speech.reading.is_none());
    }
    // Quitting (Ctrl-C outside kiosk mode) stops it too.
    let mut h = on_story(Lang::Nl);
    spoken(&keys(&mut h, &[key('v')]));
    let effects = app::update(&mut h.app, Action::Interrupt);
    assert_eq!(effects.first(), Some(&Effect::StopSpeech));
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn reading_starts_at_the_paragraph_in_view() {
    let mut h = on_story(Lang::Nl);
    h.act(Action::Resize(40, 12));
    // Scroll until the title is out of view and the first paragraph is at the top.
    press(&mut h, "jjjjjjjj");
    let View::Reader { scroll, .. } = h.app.view().clone() else {
        panic!("not reading");
    };
    assert!(scroll > 0);
    let (_, text, _) = spoken(&keys(&mut h, &[key('v')]));
    assert_ne!(text, SENTENCES[0], "not from the title");
    assert!(SENTENCES[1..].contains(&text.as_str()), "{text}");
}

#[test]
fn the_reader_follows_the_sentence_being_read() {
    let mut h = on_story(Lang::Nl);
    h.act(Action::Resize(40, 12));
    let (mut seq, ..) = spoken(&keys(&mut h, &[key('v')]));
    for _ in 1..SENTENCES.len() {
        let effects = app::update(&mut h.app, Action::SpeechDone(seq));
        seq = spoken(&effects).0;
        let r = h.app.speech.reading.as_ref().expect("reading");
        let first = r.sentences[r.current].pieces[0].0;
        let View::Reader { scroll, .. } = h.app.view().clone() else {
            panic!("not reading");
        };
        assert!(
            first >= scroll && first < scroll + h.app.page(),
            "line {first}, scroll {scroll}"
        );
    }
}

#[test]
fn the_sentence_being_read_is_highlighted_on_screen() {
    let mut h = on_story(Lang::Nl);
    let (seq, ..) = spoken(&keys(&mut h, &[key('v')]));
    app::update(&mut h.app, Action::SpeechDone(seq));
    for theme in [ThemeName::Monochrome, ThemeName::Default] {
        let t = draw(&h.app, 80, 24, theme);
        let buf = t.backend().buffer();
        let sel = Palette(theme).style(Role::Selected);
        let is_selected = |c: &ratatui::buffer::Cell| {
            sel.fg.is_none_or(|f| c.fg == f)
                && sel.bg.is_none_or(|b| c.bg == b)
                && c.modifier.contains(sel.add_modifier)
        };
        let row: String = (0..80u16).map(|x| buf[(x, 7)].symbol()).collect();
        let start = row.find("Ik had").unwrap_or_else(|| panic!("{row}")) as u16;
        let end = start + SENTENCES[1].chars().count() as u16;
        for x in 0..80u16 {
            assert_eq!(
                is_selected(&buf[(x, 7)]),
                (start..end).contains(&x),
                "{theme:?}: column {x} of {row:?}"
            );
        }
    }
    let t = draw(&h.app, 80, 24, ThemeName::Default);
    let text = t.backend().to_string();
    assert!(
        text.contains("Voorlezen: zin 2 van 6 (stoppen: v)"),
        "{text}"
    );
}

#[test]
fn a_new_width_keeps_the_place_and_moves_the_highlight() {
    let mut h = on_story(Lang::Nl);
    let (seq, ..) = spoken(&keys(&mut h, &[key('v')]));
    app::update(&mut h.app, Action::SpeechDone(seq));
    let before = h.app.speech.reading.clone().expect("reading");
    h.act(Action::Resize(40, 12));
    let after = h.app.speech.reading.clone().expect("still reading");
    assert_eq!(after.current, before.current);
    assert_eq!(after.sentences[1].text, SENTENCES[1]);
    assert!(
        after.sentences[1].pieces.len() > 1,
        "wrapped over lines at 40 columns"
    );
    let text = draw(&h.app, 40, 12, ThemeName::Default)
        .backend()
        .to_string();
    assert!(text.contains("zin 2 van 6"), "{text}");
}

#[test]
fn without_a_speech_program_or_when_switched_off_v_is_hidden_and_does_nothing() {
    let mut h = on_story(Lang::Nl);
    h.app.speech.available = false;
    assert!(keys(&mut h, &[key('v')]).is_empty());
    assert!(h.app.speech.reading.is_none());
    let footer = plein::ui::footer_items(&h.app, 200);
    assert!(!footer.iter().any(|i| matches!(i.3, Action::ReadAloud)));
    h.act(Action::Help);
    let help = draw(&h.app, 200, 60, ThemeName::Default)
        .backend()
        .to_string();
    assert!(!help.contains("Voorlezen"), "{help}");

    h.act(Action::CloseHelp);
    h.app.speech.available = true;
    let footer = plein::ui::footer_items(&h.app, 200);
    assert!(footer.iter().any(|i| matches!(i.3, Action::ReadAloud)));
    h.act(Action::Help);
    let help = draw(&h.app, 200, 60, ThemeName::Default)
        .backend()
        .to_string();
    assert!(help.contains("Voorlezen"), "{help}");
}

#[test]
fn resources_are_not_read_and_do_not_show_v() {
    let mut h = harness(Lang::Nl);
    h.app.speech.available = true;
    press(&mut h, "2<Down><Enter>");
    assert!(matches!(h.app.view(), View::Reader { .. }));
    assert!(keys(&mut h, &[key('v')]).is_empty());
    let footer = plein::ui::footer_items(&h.app, 200);
    assert!(!footer.iter().any(|i| matches!(i.3, Action::ReadAloud)));
}

#[test]
fn a_failing_speech_program_stops_reading_with_a_message() {
    let mut h = on_story(Lang::Nl);
    let (seq, ..) = spoken(&keys(&mut h, &[key('v')]));
    assert!(app::update(&mut h.app, Action::SpeechFailed(seq)).is_empty());
    assert!(h.app.speech.reading.is_none());
    assert!(
        h.app
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Voorlezen lukt nu niet"))
    );
}

#[test]
fn every_sentence_of_every_bundled_story_is_drawn_where_it_is_spoken_at_every_width() {
    use plein::corpus::{self, Source};
    let corpus = std::sync::Arc::new(corpus::load(&Source::Bundled).expect("bundled").corpus);
    let mut app = App::new(
        std::sync::Arc::clone(&corpus),
        Lang::Nl,
        plein::app::Keymap::default(),
    );
    let mut checked = 0;
    for s in &corpus.stories {
        for w in [14, 47, 84] {
            app::update(&mut app, Action::Resize(w, 24));
            let layout = app.layout(&s.id);
            let all = plein::app::speech::sentences(&layout, 0);
            assert!(all.len() >= 2, "{}: {} sentences", s.id, all.len());
            for sentence in &all {
                let drawn: Vec<String> = sentence
                    .pieces
                    .iter()
                    .map(|(line, range)| {
                        let text: String = layout.lines[*line]
                            .iter()
                            .map(|(t, _)| t.as_str())
                            .collect();
                        text.get(range.clone())
                            .unwrap_or_else(|| panic!("{} at {w}: {range:?} of {text:?}", s.id))
                            .to_owned()
                    })
                    .collect();
                assert_eq!(
                    speakable(&drawn.join(" ")),
                    sentence.text,
                    "{} at width {w}",
                    s.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked} sentences checked");
}

#[test]
fn the_voice_follows_the_story_s_language() {
    assert_eq!(Voice::for_lang("nl"), Voice::Dutch);
    assert_eq!(Voice::for_lang("en"), Voice::English);
    assert_eq!(Voice::for_lang("en-GB"), Voice::English);
    assert_eq!(Voice::for_lang(""), Voice::Dutch);
    assert_eq!(Voice::English.code(), "en");
    assert_eq!(Voice::Dutch.code(), "nl");
}

#[test]
fn spoken_text_is_one_safe_line_without_speech_markup() {
    assert_eq!(
        speakable("Bel\u{1b}[2J nu\n[[h@l'oU]] of\tmorgen.\u{202e}\u{9b}"),
        "Bel 2J nu h@l'oU of morgen."
    );
    let s = speakable("a\u{7}b [[x]] <speak>");
    assert!(!s.chars().any(char::is_control), "{s:?}");
    assert!(!s.contains("[["), "{s:?}");
}

#[test]
fn read_aloud_is_on_by_default_and_the_administrator_can_switch_it_off_and_lock_it() {
    use plein::config::{Env, Flags, Key, Origin, ProblemKind, parse_layer, resolve};
    let none = resolve(None, None, &Env::default(), &Flags::default());
    assert!(none.read_aloud.value);
    assert_eq!(none.read_aloud.origin, Origin::Default);

    let system = parse_layer(
        "s.toml",
        "read_aloud = false\nlock = [\"read_aloud\"]\n",
        true,
    );
    let user = parse_layer("u.toml", "read_aloud = true\n", false);
    let e = resolve(
        Some(&system),
        Some(&user),
        &Env::default(),
        &Flags::default(),
    );
    assert!(
        !e.read_aloud.value,
        "the lock holds against the user's file"
    );
    assert!(e.read_aloud.locked);
    assert_eq!(e.read_aloud.origin, Origin::System(1));
    assert!(e.problems.iter().any(|p| p.file == "u.toml"
        && p.line == 1
        && p.kind == ProblemKind::Locked(Key::ReadAloud)));
    assert_eq!(e.config().read_aloud, Some(false));

    let bad = parse_layer("u.toml", "lang = \"nl\"\nread_aloud = \"ja\"\n", false);
    assert_eq!(bad.values.read_aloud, None);
    let p = &bad.problems[0];
    assert_eq!(
        (p.line, &p.kind),
        (2, &ProblemKind::BadValue(Key::ReadAloud))
    );
    let cat = plein::i18n::Catalog::get(Lang::Nl);
    assert!(p.render(cat).starts_with("u.toml:2: "), "{}", p.render(cat));
}

#[test]
fn config_show_lists_read_aloud_with_where_it_came_from() {
    let dir = tempfile::tempdir().expect("tempdir");
    let system = dir.path().join("system.toml");
    std::fs::write(&system, "read_aloud = false\nlock = [\"read_aloud\"]\n").expect("write");
    let o = crate::util::plein()
        .env("PLEIN_SYSTEM_CONFIG", &system)
        .args(["--lang", "en", "config", "show"])
        .output()
        .expect("run");
    let out = crate::util::stdout(&o);
    assert!(
        out.contains(&format!(
            "read_aloud = false  # system file {}:1, locked",
            system.display()
        )),
        "{out}"
    );
}

mod snapshots {
    use super::*;

    /// The reader while the second sentence is read aloud.
    fn snap(name: &str, lang: Lang, w: u16, ht: u16) {
        let mut h = on_story(lang);
        h.act(Action::Resize(w, ht));
        let (seq, ..) = spoken(&keys(&mut h, &[key('v')]));
        app::update(&mut h.app, Action::SpeechDone(seq));
        let t = draw(&h.app, w, ht, ThemeName::Default);
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), t.backend());
    }

    #[test]
    fn reading_aloud() {
        for (w, ht) in [(40, 12), (80, 24), (200, 60)] {
            snap("reading_aloud", Lang::Nl, w, ht);
        }
        snap("reading_aloud_en", Lang::En, 80, 24);
    }
}

/// The process edge with a fake `espeak-ng`: a shell script on a temporary directory that
/// records its arguments, its standard input and its process number (`/proc` tells whether a
/// process is still there, so Linux only).
#[cfg(target_os = "linux")]
mod edge {
    use super::*;
    use plein::tui::speech::{self, Speaker};
    use std::path::{Path, PathBuf};
    use std::time::{Duration, Instant};

    /// Writes a fake speech program into `dir`: it records what it got, then runs `then`.
    fn fake(dir: &Path, then: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("espeak-ng");
        let out = dir.display();
        let script = format!(
            "#!/bin/sh\n\
             n=$(ls {out} | grep -c '^argv')\n\
             printf '%s\\n' \"$@\" > {out}/argv.$n\n\
             cat > {out}/stdin.$n\n\
             echo $$ > {out}/pid.$n\n\
             {then}\n"
        );
        std::fs::write(&path, script).expect("write fake");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
        let start = Instant::now();
        while !f() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn read(dir: &Path, name: &str) -> String {
        std::fs::read_to_string(dir.join(name)).unwrap_or_default()
    }

    /// True while the process exists (also as a zombie that was never reaped).
    fn exists(pid: &str) -> bool {
        Path::new(&format!("/proc/{}", pid.trim())).exists()
    }

    #[test]
    fn switched_off_no_program_is_looked_for() {
        assert_eq!(speech::find_program(false), None);
    }

    #[test]
    fn over_ssh_reading_aloud_is_off() {
        let env = |set: &'static str| {
            move |v: &str| (v == set).then(|| std::ffi::OsString::from("10.0.0.1 5 10.0.0.2 22"))
        };
        assert!(speech::over_ssh(env("SSH_CONNECTION")));
        assert!(speech::over_ssh(env("SSH_TTY")));
        assert!(!speech::over_ssh(env("HOME")));
        assert!(!speech::over_ssh(|_| Some(std::ffi::OsString::new())));
    }

    #[test]
    fn the_program_is_found_on_absolute_path_entries_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let other = tempfile::tempdir().expect("tempdir");
        let prog = fake(dir.path(), "exit 0");
        let path = std::env::join_paths([other.path(), dir.path()]).expect("join");
        assert_eq!(speech::find_in(&path), Some(prog.clone()));
        // A relative entry (".") is never searched, even when the program is there.
        let cwd = std::env::current_dir().expect("cwd");
        let rel = pathdiff(dir.path(), &cwd);
        let path = std::env::join_paths([rel]).expect("join");
        assert_eq!(speech::find_in(&path), None);
        // Not executable: not a program.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&prog, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let path = std::env::join_paths([dir.path()]).expect("join");
        assert_eq!(speech::find_in(&path), None);
    }

    /// `dir` relative to `base` ("../../tmp/x").
    fn pathdiff(dir: &Path, base: &Path) -> PathBuf {
        let up = base.components().count() - 1;
        let mut p = PathBuf::new();
        for _ in 0..up {
            p.push("..");
        }
        p.join(dir.strip_prefix("/").expect("absolute"))
    }

    #[test]
    fn no_shell_fixed_arguments_and_the_text_on_stdin() {
        let dir = tempfile::tempdir().expect("tempdir");
        let speaker = Speaker::new(fake(dir.path(), "exit 0"));
        let pwned = dir.path().join("pwned");
        let text = format!(
            "Bel $(touch {0}) `touch {0}`; touch {0} \"nu\" 'echt'",
            pwned.display()
        );
        let effect = Effect::Speak {
            seq: 7,
            text: text.clone(),
            voice: Voice::Dutch,
        };
        assert!(speaker.perform(&effect).is_none());
        let mut answer = None;
        wait_for("the sentence to be spoken", || {
            answer = speaker.poll();
            answer.is_some()
        });
        assert!(matches!(answer, Some(Action::SpeechDone(7))), "{answer:?}");
        assert_eq!(read(dir.path(), "argv.0"), "-v\nnl\n-s\n150\n--stdin\n");
        assert_eq!(read(dir.path(), "stdin.0"), format!("{text}\n"));
        assert!(!pwned.exists(), "the text was run by a shell");

        let effect = Effect::Speak {
            seq: 8,
            text: "Hello.".into(),
            voice: Voice::English,
        };
        speaker.perform(&effect);
        wait_for("the second sentence", || speaker.poll().is_some());
        assert_eq!(read(dir.path(), "argv.1"), "-v\nen\n-s\n150\n--stdin\n");
    }

    #[test]
    fn stop_and_drop_kill_and_reap_the_program() {
        let dir = tempfile::tempdir().expect("tempdir");
        let speaker = Speaker::new(fake(dir.path(), "exec sleep 30"));
        let speak = |seq| Effect::Speak {
            seq,
            text: "Een lange zin.".into(),
            voice: Voice::Dutch,
        };
        speaker.perform(&speak(1));
        wait_for("the program to start", || {
            !read(dir.path(), "pid.0").is_empty()
        });
        let pid = read(dir.path(), "pid.0");
        assert!(exists(&pid));
        assert!(speaker.poll().is_none(), "still speaking");
        speaker.perform(&Effect::StopSpeech);
        assert!(!exists(&pid), "killed and reaped");
        assert!(
            speaker.poll().is_none(),
            "a stopped sentence is not answered"
        );

        // A new sentence replaces the one being spoken.
        speaker.perform(&speak(2));
        wait_for("the program to start", || {
            !read(dir.path(), "pid.1").is_empty()
        });
        let first = read(dir.path(), "pid.1");
        speaker.perform(&speak(3));
        wait_for("the program to start", || {
            !read(dir.path(), "pid.2").is_empty()
        });
        assert!(!exists(&first), "replaced");
        let second = read(dir.path(), "pid.2");
        assert!(exists(&second));
        // Dropping the speaker (every way out of the event loop) stops it too.
        drop(speaker);
        assert!(!exists(&second), "killed and reaped on drop");
    }

    #[test]
    fn a_program_that_fails_or_cannot_start_is_answered_with_speech_failed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let speaker = Speaker::new(fake(dir.path(), "exit 3"));
        let effect = Effect::Speak {
            seq: 4,
            text: "Zin.".into(),
            voice: Voice::Dutch,
        };
        speaker.perform(&effect);
        let mut answer = None;
        wait_for("the answer", || {
            answer = speaker.poll();
            answer.is_some()
        });
        assert!(
            matches!(answer, Some(Action::SpeechFailed(4))),
            "{answer:?}"
        );
        let missing = Speaker::new(dir.path().join("not-there"));
        assert!(matches!(
            missing.perform(&effect),
            Some(Action::SpeechFailed(4))
        ));
    }

    /// Runs the app's effects through a real speaker until nothing is being spoken.
    fn run(h: &mut Harness, speaker: &Speaker, mut effects: Vec<Effect>) {
        loop {
            for e in std::mem::take(&mut effects) {
                if let Some(a) = speaker.perform(&e) {
                    effects.extend(app::update(&mut h.app, a));
                }
            }
            if effects.is_empty() && !speaker.speaking() {
                return;
            }
            if let Some(a) = speaker.poll() {
                effects.extend(app::update(&mut h.app, a));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn the_app_and_the_edge_read_a_whole_story_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let speaker = Speaker::new(fake(dir.path(), "exit 0"));
        let mut h = on_story(Lang::Nl);
        let effects = keys(&mut h, &[key('v')]);
        run(&mut h, &speaker, effects);
        let heard: Vec<String> = (0..SENTENCES.len())
            .map(|i| {
                read(dir.path(), &format!("stdin.{i}"))
                    .trim_end()
                    .to_owned()
            })
            .collect();
        assert_eq!(heard, SENTENCES);
        assert!(h.app.speech.reading.is_none());
    }

    #[test]
    fn leaving_the_story_kills_the_program() {
        let dir = tempfile::tempdir().expect("tempdir");
        let speaker = Speaker::new(fake(dir.path(), "exec sleep 30"));
        let mut h = on_story(Lang::Nl);
        for e in keys(&mut h, &[key('v')]) {
            speaker.perform(&e);
        }
        wait_for("the program to start", || {
            !read(dir.path(), "pid.0").is_empty()
        });
        let pid = read(dir.path(), "pid.0");
        assert!(exists(&pid));
        // Hulp nu (F1): the story leaves the screen.
        for e in keys(&mut h, &[KeyEvent::from(KeyCode::F(1))]) {
            speaker.perform(&e);
        }
        assert!(!exists(&pid), "killed on leaving the story");
    }
}

/// The real espeak-ng with plein's own command line, writing a wav file instead of playing
/// (no sound card needed). `.ci/speech-test.sh` installs espeak-ng and sets
/// `PLEIN_SPEECH_REAL=1`, which makes a missing espeak-ng a failure rather than a skip.
mod real {
    use super::*;
    use plein::tui::speech;
    use std::io::Write;

    /// Checks a RIFF/WAVE file: its header, its size field, and a data chunk with sound.
    fn check_wav(bytes: &[u8]) -> Result<usize, String> {
        let u32_at = |i: usize| {
            bytes
                .get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        if bytes.get(0..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WAVE") {
            return Err("no RIFF/WAVE header".into());
        }
        // espeak-ng writing to a file it can seek in fills in the sizes at the end.
        if u32_at(4) != Some(bytes.len() - 8) {
            return Err(format!(
                "RIFF size {:?} for {} bytes",
                u32_at(4),
                bytes.len()
            ));
        }
        let mut at = 12;
        while let (Some(id), Some(len)) = (bytes.get(at..at + 4), u32_at(at + 4)) {
            if id == b"data" {
                return if len > 1000 && at + 8 + len <= bytes.len() {
                    Ok(len)
                } else {
                    Err(format!("data chunk of {len} bytes"))
                };
            }
            at += 8 + len + (len & 1);
        }
        Err("no data chunk".into())
    }

    #[test]
    fn espeak_ng_speaks_plein_s_command_line_into_a_valid_wav_file() {
        let required = std::env::var_os("PLEIN_SPEECH_REAL").is_some();
        let Some(program) = speech::find_program(true) else {
            assert!(
                !required,
                "PLEIN_SPEECH_REAL is set but espeak-ng is not on PATH"
            );
            return;
        };
        let dir = tempfile::tempdir().expect("tempdir");
        for (voice, text) in [
            (Voice::Dutch, "Je staat er niet alleen voor."),
            (Voice::English, "You are not alone."),
        ] {
            let wav = dir.path().join(format!("{}.wav", voice.code()));
            let mut cmd = speech::command(&program, voice);
            cmd.arg("-w").arg(&wav);
            let mut child = cmd.spawn().expect("start espeak-ng");
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(text.as_bytes()).expect("write");
            drop(stdin);
            let status = child.wait().expect("wait");
            assert!(status.success(), "{voice:?}: {status}");
            let bytes = std::fs::read(&wav).expect("wav written");
            let data = check_wav(&bytes).unwrap_or_else(|e| panic!("{voice:?}: {e}"));
            eprintln!("{voice:?}: {} bytes of sound", data);
        }
    }

    #[test]
    fn the_wav_check_rejects_what_is_not_a_wav() {
        assert!(check_wav(b"").is_err());
        assert!(check_wav(b"RIFF\x04\x00\x00\x00WAVE").is_err());
        let mut ok = b"RIFF\0\0\0\0WAVEdata".to_vec();
        ok.extend(2000u32.to_le_bytes());
        ok.extend(vec![1u8; 2000]);
        let len = (ok.len() - 8) as u32;
        ok[4..8].copy_from_slice(&len.to_le_bytes());
        assert_eq!(check_wav(&ok), Ok(2000));
        ok[4] ^= 1;
        assert!(check_wav(&ok).is_err());
    }
}
