//! Plain mode in the real binary: chosen by a pipe, --plain or TERM=dumb on a terminal (a pty
//! from `script`), with guest and kiosk rules, and never an escape sequence in its output.

use crate::plain::t;
use crate::util::plein;
use plein::i18n::Lang;
use std::io::Write;
use std::process::Stdio;
use std::sync::Arc;

/// True when `script` (util-linux) is here to give plein a pty.
fn have_script() -> bool {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        eprintln!("no `script` here: skipped");
    }
    found
}

/// `script` running plein's command line on a pty with TERM=dumb and a clean environment.
fn on_a_pty(args: &str, data: &std::path::Path) -> std::process::Command {
    let bin = env!("CARGO_BIN_EXE_plein");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{bin} {args}"), "/dev/null"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLEIN_CONFIG")
        .env_remove("PLEIN_SYSTEM_CONFIG")
        .env_remove("SSH_USER_AUTH")
        .env("XDG_CONFIG_HOME", "/nonexistent/plein-tests")
        .env("PLEIN_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    cmd
}

/// Runs the real binary with these lines on a pipe.
fn piped(args: &[&str], input: &str, data: &std::path::Path) -> std::process::Output {
    let mut child = plein()
        .args(args)
        .env("PLEIN_DATA_DIR", data)
        .env("PLEIN_CACHE_DIR", data.join("cache"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("output")
}

#[test]
fn a_pipe_selects_plain_mode_in_the_real_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = piped(&[], "schulden\n1\nbewaar\nstop\n", dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Welkom bij plein"), "{out}");
    assert!(out.contains("Gevonden voor \"schulden\""), "{out}");
    assert!(out.contains("Bewaard: "), "{out}");
    assert!(out.contains("Tot ziens"), "{out}");
    assert!(!o.stdout.contains(&0x1b), "no ESC byte: {out}");
    // --plain too, and the input simply ending is a normal end.
    let o = piped(&["--plain", "--lang", "en"], "help\n", dir.path());
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Help now") && out.contains("113"), "{out}");
    assert!(!o.stdout.contains(&0x1b));
}

#[test]
fn guest_and_kiosk_sessions_in_plain_mode_write_nothing() {
    for flag in ["--guest", "--kiosk"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let o = piped(
            &[flag],
            "schulden\n1\n\nbewaar\nbladwijzers\nstop\nhulp\n",
            dir.path(),
        );
        assert!(
            o.status.success(),
            "{flag}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = String::from_utf8_lossy(&o.stdout);
        // The session says first that it keeps nothing.
        assert!(
            out.starts_with(&format!("{}\n\n", t(Lang::Nl, "bookmarks.guest"))),
            "{out}"
        );
        assert!(
            out.contains("Bewaard tot je plein sluit") || flag == "--kiosk",
            "{out}"
        );
        if flag == "--kiosk" {
            // stop wiped the session and plein went on to show Hulp nu.
            assert!(out.contains(&t(Lang::Nl, "plain.kiosk_wiped")), "{out}");
            assert!(out.rfind("Hulp nu") > out.find(&t(Lang::Nl, "plain.kiosk_wiped")));
        }
        let files: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert!(files.is_empty(), "{flag} wrote {files:?}");
    }
}

#[test]
fn term_dumb_on_a_terminal_selects_plain_mode() {
    // `script` gives plein a pty for stdin and stdout; TERM=dumb must still mean plain lines.
    if !have_script() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = on_a_pty("", dir.path()).spawn().expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"hulp\nstop\n")
        .expect("write");
    let o = child.wait_with_output().expect("output");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Welkom bij plein") && out.contains("1. 112"),
        "{out}"
    );
    assert!(
        !o.stdout.contains(&0x1b),
        "no escape sequence at all: {out:?}"
    );
}

#[test]
fn a_hostile_corpus_in_plain_mode_reaches_the_output_inert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = crate::util::fixture("hostile-corpus");
    let corpus = corpus.to_str().expect("utf-8 path");
    let mut script = String::new();
    for theme in 1..=5 {
        script.push_str(&format!("start\n{theme}\n1\n\n\n\n\nterug\n2\n\n\n\n"));
    }
    script.push_str("geld\n1\n\n\n\nhulp\n1\n\nbladwijzers\n");
    let o = piped(&["--corpus", corpus, "--guest"], &script, dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Welkom bij plein"), "{out}");
    for bad in ['\u{1b}', '\u{9b}', '\u{7}', '\u{202e}', '\u{200f}', '\r'] {
        assert!(!out.contains(bad), "{bad:?} in the output");
    }
}

#[test]
fn a_kiosk_on_a_terminal_cannot_be_left_with_ctrl_c_or_ctrl_d() {
    if !have_script() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = on_a_pty("--kiosk", dir.path()).spawn().expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut stdout, &mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    let text = || String::from_utf8_lossy(&seen.lock().expect("lock")).into_owned();
    let wait_for = |what: &str| {
        for _ in 0..200 {
            if text().contains(what) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    let mut input = child.stdin.take().expect("stdin");
    assert!(wait_for("Welkom bij plein"), "{}", text());
    // Ctrl-C, then Ctrl-D on an empty line: plein must still be there.
    input.write_all(b"\x03").expect("write");
    std::thread::sleep(std::time::Duration::from_millis(500));
    input.write_all(b"\x04").expect("write");
    std::thread::sleep(std::time::Duration::from_millis(500));
    input.write_all(b"hulp\n").expect("write");
    let answered = wait_for("1. 112");
    let still_running = child.try_wait().expect("try_wait").is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        answered,
        "plein answered after Ctrl-C and Ctrl-D: {}",
        text()
    );
    assert!(still_running, "a kiosk keeps running");
}

#[test]
fn plain_mode_searches_the_local_overlay_and_says_what_is_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let local = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/lokaal");
    // Thursday 11:00 (the tests' clock): the walk-in hour is open, the night shelter is not.
    let o = piped(
        &["--local", local],
        "inloopspreekuur geldzorgen\nhulp\nstop\n",
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        folded.contains("1. Inloopspreekuur geldzorgen (voorbeeld) (hulpbron · Armoede en schulden · nu open tot 12:00 · in de buurt: Voorbeeldstad"),
        "{out}"
    );
    assert!(
        folded.contains("Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (gesloten, opent 20:00)"),
        "{out}"
    );
}
