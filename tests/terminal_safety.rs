//! Untrusted text never reaches the terminal raw: sanitizing removes every control and bidi
//! character and is idempotent, and every screen drawn from a corpus full of escape sequences
//! writes only the terminal's own drawing sequences.

use crate::util::fixture;
use plein::app::{self, Action, App, Effect, Keymap};
use plein::corpus::{self, Source};
use plein::i18n::Lang;
use plein::sanitize::{sanitize, sanitize_line};
use plein::search::SearchIndex;
use plein::ui::{self, Palette, ThemeName};
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

fn is_bidi_control(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn unsafe_char(c: char) -> bool {
    c != '\n' && (c.is_control() || is_bidi_control(c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn no_control_or_bidi_character_survives_and_twice_changes_nothing(s in any::<String>()) {
        let once = sanitize(&s);
        prop_assert!(!once.chars().any(unsafe_char), "{once:?}");
        prop_assert_eq!(sanitize(&once), once.clone());
        let line = sanitize_line(&s);
        prop_assert!(!line.chars().any(|c| c == '\n' || unsafe_char(c)));
        prop_assert_eq!(sanitize_line(&line), line.clone());
    }

    #[test]
    fn escape_heavy_text_is_inert(s in "(\u{1b}|\u{9b}|\u{7}|\r|\u{8}|\u{202e}|\\[|\\]|[0-9;]|[a-z ])*") {
        let once = sanitize(&s);
        prop_assert!(!once.chars().any(unsafe_char));
    }
}

/// A writer the crossterm backend draws into, kept for inspection.
#[derive(Clone, Default)]
struct Tape(Rc<RefCell<Vec<u8>>>);

impl Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every escape sequence in `out` is one the backend itself writes to draw: cursor moves
/// (`ESC[r;cH`), colours and attributes (`ESC[…m`) and showing or hiding the cursor.
fn drawing_sequences_only(out: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(out);
    if let Some(c) = text
        .chars()
        .find(|c| (c.is_control() && *c != '\u{1b}') || is_bidi_control(*c))
    {
        return Err(format!("raw control character U+{:04X} written", c as u32));
    }
    let mut rest = &text[..];
    while let Some(i) = rest.find('\u{1b}') {
        let seq = &rest[i + 1..];
        let Some(params) = seq.strip_prefix('[') else {
            return Err(format!("non-CSI escape: {:?}", &seq[..seq.len().min(12)]));
        };
        let end = params
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == '?'))
            .ok_or("unterminated CSI")?;
        let (args, fin) = (&params[..end], &params[end..end + 1]);
        let allowed = match fin {
            "H" | "m" => true,
            "h" | "l" => args == "?25",
            _ => false,
        };
        if !allowed {
            return Err(format!("unexpected sequence ESC[{args}{fin}"));
        }
        rest = &params[end + 1..];
    }
    Ok(())
}

#[test]
fn the_checker_of_this_test_catches_content_sequences() {
    assert!(drawing_sequences_only(b"\x1b[1;1Hok\x1b[0m\x1b[?25l").is_ok());
    for bad in [
        &b"\x1b[2J"[..],
        b"\x1b]0;title\x07",
        b"\x1bP+q\x1b\\",
        "\u{9b}31m".as_bytes(),
        b"a\rb",
        "\u{202e}".as_bytes(),
    ] {
        assert!(drawing_sequences_only(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn every_screen_of_a_hostile_corpus_writes_no_sequence_from_its_content() {
    let loaded = corpus::load(&Source::Dir(fixture("hostile-corpus"))).expect("corpus");
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message.key == "diag.control-character"),
        "the loader reports the control characters"
    );
    let corpus = Arc::new(loaded.corpus);
    assert_eq!((corpus.stories.len(), corpus.resources.len()), (1, 1));
    let index = SearchIndex::build(&corpus).expect("index");
    let mut app = App::new(Arc::clone(&corpus), Lang::Nl, Keymap::default());
    app.bookmarks.kept = true;
    let tape = Tape::default();
    let mut term = Terminal::with_options(
        CrosstermBackend::new(tape.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
        },
    )
    .expect("terminal");
    let act = |app: &mut App, a: Action| {
        let mut queue = vec![a];
        while let Some(a) = queue.pop() {
            for e in app::update(app, a) {
                if let Effect::Search { seq, query, filter } = e {
                    let r = index.search(&query, &filter, 10).expect("search");
                    queue.push(Action::Searched(seq, Box::new(r)));
                } else if let Effect::Related(id) = e {
                    queue.push(Action::Related(id, Vec::new()));
                }
            }
        }
    };
    act(&mut app, Action::IndexReady);
    let steps: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::JumpTo(1)],
        vec![Action::Down],
        vec![Action::Up, Action::Open],
        vec![Action::Last],
        vec![Action::Back, Action::Down, Action::Open],
        vec![Action::Back, Action::Back, Action::Crisis],
        vec![Action::Back, Action::Search],
        vec![Action::Type("verhaal \u{1b}]0;x\u{7}".into())],
        vec![Action::FocusResults],
        vec![
            Action::Back,
            Action::Back,
            Action::JumpTo(1),
            Action::ToggleBookmark,
        ],
        vec![Action::Back, Action::Bookmarks, Action::EditNote],
        vec![Action::Type("noot \u{1b}[2J\u{9b}1m\r\u{202e}".into())],
        vec![Action::SaveNote],
        vec![Action::Help],
    ];
    for (i, step) in steps.into_iter().enumerate() {
        for a in step {
            act(&mut app, a);
        }
        tape.0.borrow_mut().clear();
        term.draw(|f| ui::render(&app, Palette(ThemeName::Default), f))
            .expect("draw");
        let out = tape.0.borrow().clone();
        assert!(!out.is_empty(), "step {i} drew something");
        if let Err(e) = drawing_sequences_only(&out) {
            panic!("step {i} ({:?}): {e}", app.view());
        }
    }
}

/// A terminal that hangs up without a SIGHUP reaching plein (no controlling terminal, a parent
/// that died first): reads give end-of-file forever and isatty says "not a terminal". plein
/// must still see the hang-up and end, not spin on the dead terminal.
#[cfg(unix)]
#[test]
fn a_terminal_that_hangs_up_without_a_signal_ends_the_app() {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().expect("utf-8"))
        .expect("slave");
    let size = rustix::termios::Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, size).expect("winsize");
    let home = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_plein"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home.path())
        .env("TERM", "xterm-256color")
        .env("LANG", "nl_NL.UTF-8")
        .env("PLEIN_DATA_DIR", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::from(slave.try_clone().expect("clone")))
        .stdout(Stdio::from(slave.try_clone().expect("clone")))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("spawn");
    // Wait for the complete Home screen (its footer ends in "snel weg"; ratatui may move the
    // cursor over the blank between the words instead of writing it).
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let words = |bytes: &[u8]| -> String {
        let text = String::from_utf8_lossy(bytes);
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                chars.next();
                while chars.next().is_some_and(|c| !c.is_ascii_alphabetic()) {}
                out.push(' ');
            } else {
                out.push(c);
            }
        }
        out
    };
    while !words(&seen).contains("snel weg") {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no Home screen: {:?}", words(&seen));
        }
        let mut fds = [PollFd::new(&master, PollFlags::IN)];
        let wait = Timespec {
            tv_sec: 0,
            tv_nsec: 50_000_000,
        };
        if matches!(poll(&mut fds, Some(&wait)), Ok(n) if n > 0) {
            let mut chunk = [0u8; 4096];
            match rustix::io::read(&master, &mut chunk) {
                Ok(n) if n > 0 => seen.extend_from_slice(&chunk[..n]),
                _ => break,
            }
        }
    }
    drop(master);
    let closed = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if closed.elapsed() > Duration::from_secs(3) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("plein still running 3 s after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(129), "a hang-up ends with 128 + 1");
}
