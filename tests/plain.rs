//! Plain mode: the app as numbered lines of text. The session is driven with strings through
//! the library (as the edge does, with the same effects), and the real binary with piped
//! standard input, and on a pty with TERM=dumb.

use crate::util::plein;
use plein::app::{self, Action, App, Effect, Keymap};
use plein::bookmarks::Store;
use plein::corpus::{Corpus, Doc, Source};
use plein::i18n::{Catalog, Lang};
use plein::plain::Session;
use plein::search::SearchIndex;
use std::io::Write;
use std::process::Stdio;
use std::sync::Arc;

fn bundled() -> Arc<Corpus> {
    Arc::new(
        plein::corpus::load(&Source::Bundled)
            .expect("bundled")
            .corpus,
    )
}

/// A session on the bundled corpus with its index and a store, as the plain edge runs it.
struct Run {
    session: Session,
    index: SearchIndex,
    store: Store,
}

impl Run {
    fn new(lang: Lang) -> Run {
        let corpus = bundled();
        let index = SearchIndex::bundled(&corpus).expect("embedded index");
        let mut app = App::new(corpus, lang, Keymap::default());
        app::update(&mut app, Action::IndexReady);
        app.bookmarks.kept = true;
        Run {
            session: Session::new(app),
            index,
            store: Store::in_memory(),
        }
    }

    /// Types one line; returns what plein prints and whether it ended.
    fn line(&mut self, line: &str) -> (String, bool) {
        let (index, store) = (&self.index, &self.store);
        let mut perform = |e: Effect| match e {
            Effect::Search { seq, query, filter } => index
                .search(&query, &filter, plein::tui::RESULTS)
                .ok()
                .map(|r| Action::Searched(seq, Box::new(r))),
            Effect::Related(id) => index
                .related(&id, 5)
                .ok()
                .map(|ids| Action::Related(id, ids)),
            Effect::ClearScreen => {
                store.clear().expect("clear");
                None
            }
            e => plein::tui::perform_store(store, e),
        };
        let reply = self.session.input(line, &mut perform);
        assert!(
            !reply.text.contains('\u{1b}'),
            "an ESC byte in {}",
            reply.text
        );
        (reply.text, reply.quit)
    }

    fn say(&mut self, line: &str) -> String {
        self.line(line).0
    }
}

fn t(lang: Lang, key: &str) -> String {
    Catalog::get(lang).t(key).to_owned()
}

#[test]
fn a_scripted_session_searches_opens_goes_back_shows_help_saves_and_quits() {
    let mut r = Run::new(Lang::Nl);
    let start = r.session.start();
    assert!(start.contains("Welkom bij plein"), "{start}");
    assert!(start.contains("1. Armoede en schulden"), "{start}");
    assert!(start.contains("8. Hulp nu"), "Hulp nu is on Home: {start}");
    assert!(start.ends_with("> "), "a prompt ends the screen");

    let results = r.say("schulden");
    assert!(results.contains("Gevonden voor \"schulden\""), "{results}");
    let first = r.session.app.search.results.as_ref().expect("results").hits[0].clone();
    assert!(
        results.contains(&format!("1. {} (", first.title)),
        "{results}"
    );
    assert!(
        results.contains('*'),
        "the match is marked in the snippet: {results}"
    );
    assert!(results.contains("\n10. "), "ten numbered hits: {results}");

    let story = r.say("1");
    let corpus = r.session.app.corpus.clone();
    let title = match corpus.get(&first.id) {
        Some(Doc::Story(s)) if !s.content_notes.is_empty() => {
            // A story with content notes shows them first, and Enter goes on to the text.
            assert!(story.contains("Let op: dit verhaal gaat over"), "{story}");
            let text = r.say("");
            assert!(text.contains(&s.title), "{text}");
            s.title.clone()
        }
        Some(Doc::Story(s)) => {
            assert!(story.contains(&s.title), "{story}");
            s.title.clone()
        }
        Some(Doc::Resource(res)) => res.name.clone(),
        None => panic!("hit {} is not in the corpus", first.id),
    };

    let saved = r.say("bewaar");
    assert!(saved.contains(&format!("Bewaard: {title}")), "{saved}");
    assert_eq!(
        r.store.list().expect("list").len(),
        1,
        "written to the store"
    );

    let back = r.say("terug");
    assert!(
        back.contains("Gevonden voor \"schulden\""),
        "back to the results: {back}"
    );
    assert!(
        back.contains("(bewaard)"),
        "the saved hit is marked: {back}"
    );

    let help = r.say("hulp");
    assert!(help.contains(&t(Lang::Nl, "ui.crisis_intro")), "{help}");
    let one = help.find("1. 112").expect("112 first");
    let two = help.find("2. 113").expect("113 second");
    assert!(one < two, "{help}");

    let marks = r.say("bladwijzers");
    assert!(marks.contains(&format!("1. {title}")), "{marks}");

    let (bye, quit) = r.line("stop");
    assert!(quit, "stop ends plein");
    assert!(bye.contains("Tot ziens"), "{bye}");
}

#[test]
fn a_crisis_query_shows_the_crisis_card_as_the_first_lines() {
    let mut r = Run::new(Lang::Nl);
    r.session.start();
    let out = r.say("ik wil niet meer leven");
    let first = out.lines().find(|l| !l.trim().is_empty()).expect("text");
    let sentence = t(Lang::Nl, "search.crisis_suicide");
    assert!(first.len() > 20 && sentence.starts_with(first), "{out}");
    let card_end = out.find("Zoeken").expect("the screen follows the card");
    assert!(out[..card_end].contains("113"), "the card has 113: {out}");
    // And the same in English.
    let mut r = Run::new(Lang::En);
    let out = r.say("i want to die");
    assert!(
        out.trim_start()
            .starts_with(&t(Lang::En, "search.crisis_suicide")[..20]),
        "{out}"
    );
}

#[test]
fn long_stories_are_paged_and_numbers_open_links() {
    let mut r = Run::new(Lang::Nl);
    let corpus = r.session.app.corpus.clone();
    // The longest story without content notes in the first theme: open it from the list.
    let slug = corpus.themes[0].slug.clone();
    let items = app::theme_items(&corpus, &slug, &Default::default());
    let (n, story) = items
        .iter()
        .enumerate()
        .filter_map(|(n, d)| match d {
            plein::corpus::DocRef::Story(i) => Some((n + 1, &corpus.stories[*i])),
            _ => None,
        })
        .filter(|(_, s)| s.content_notes.is_empty())
        .max_by_key(|(_, s)| s.body.len())
        .expect("a story");
    let list = r.say("1");
    assert!(list.contains(&format!("{n}. {}", story.title)), "{list}");
    let page = r.say(&n.to_string());
    assert!(page.contains(&story.title), "{page}");
    assert!(page.contains("Enter = verder (regel 20 van"), "{page}");
    let next = r.say("");
    assert!(
        next.contains("(regel 40 van") || next.contains("Einde."),
        "{next}"
    );
    assert!(
        !next.contains(&story.title),
        "a page is printed once, not the whole text again"
    );
    let mut last = next;
    for _ in 0..50 {
        if last.contains("Einde.") {
            break;
        }
        last = r.say("");
    }
    assert!(
        last.contains("Einde. Typ het nummer van een link"),
        "{last}"
    );
    // Link 1 below a story is its first help resource.
    let first_help = corpus.resource(&story.resources[0]).expect("resource");
    let opened = r.say("1");
    assert!(opened.contains(&first_help.name), "{opened}");
    // A resource has no links below it: a number gets a clear answer.
    let wrong = r.say("99");
    assert!(wrong.contains(&t(Lang::Nl, "plain.no_numbers")), "{wrong}");
}

#[test]
fn a_wrong_number_and_unknown_places_get_a_clear_answer() {
    let mut r = Run::new(Lang::Nl);
    let out = r.say("42");
    assert!(
        out.contains("Nummer 42 staat hier niet. Kies een nummer van 1 tot en met 8."),
        "{out}"
    );
    let out = r.say("terug");
    assert!(out.contains("Je bent al bij het begin"), "{out}");
    let out = r.say("bewaar");
    assert!(out.contains("Open eerst een verhaal"), "{out}");
    let keys = r.say("?");
    for word in ["terug", "hulp", "bewaar", "stop"] {
        assert!(keys.contains(&format!("  {word}")), "{word} in {keys}");
    }
    // An English UI takes the English words too.
    let mut r = Run::new(Lang::En);
    let out = r.say("help");
    assert!(out.contains("Help now"), "{out}");
    let (_, quit) = r.line("quit");
    assert!(quit);
}

#[test]
fn untrusted_text_typed_in_is_echoed_inert() {
    let mut r = Run::new(Lang::Nl);
    let out = r.say("schul\u{1b}[2Jden\u{9b}31m \u{202e}x");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{202e}'));
}

#[test]
fn in_kiosk_mode_stop_wipes_the_session_and_plein_stays_open() {
    let mut r = Run::new(Lang::Nl);
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: false,
    });
    r.say("schulden");
    r.say("1");
    r.say("bewaar");
    let (out, quit) = r.line("stop");
    assert!(!quit, "a kiosk does not quit");
    assert!(out.contains(&t(Lang::Nl, "plain.kiosk_wiped")), "{out}");
    assert!(
        out.contains("Welkom bij plein"),
        "back at a neutral Home: {out}"
    );
    assert!(r.session.app.bookmarks.items.is_empty());
    assert!(
        r.store.list().expect("list").is_empty(),
        "the store is wiped too"
    );
    assert!(r.session.app.search.results.is_none());
    // When the librarian allows quitting, stop quits.
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: true,
    });
    assert!(r.line("stop").1);
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
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script` here: skipped");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_plein");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = std::process::Command::new("script")
        .args(["-qec", bin, "/dev/null"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLEIN_CONFIG")
        .env_remove("PLEIN_SYSTEM_CONFIG")
        .env_remove("SSH_USER_AUTH")
        .env("XDG_CONFIG_HOME", "/nonexistent/plein-tests")
        .env("PLEIN_DATA_DIR", dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
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
fn a_kiosks_idle_time_wipes_the_plain_session() {
    let mut r = Run::new(Lang::Nl);
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: false,
    });
    r.say("schulden");
    let (index, store) = (&r.index, &r.store);
    let mut perform = |e: Effect| match e {
        Effect::ClearScreen => {
            store.clear().expect("clear");
            None
        }
        Effect::Search { seq, query, filter } => index
            .search(&query, &filter, 10)
            .ok()
            .map(|r| Action::Searched(seq, Box::new(r))),
        e => plein::tui::perform_store(store, e),
    };
    let reply = r.session.idle(&mut perform);
    assert!(reply.text.contains(&t(Lang::Nl, "plain.kiosk_wiped")));
    assert!(reply.text.contains("Welkom bij plein"));
    assert!(r.session.app.search.results.is_none(), "the query is gone");
    assert_eq!(r.session.app.stack.len(), 1);
}

#[test]
fn a_narrow_terminal_gets_lines_that_fit() {
    let mut r = Run::new(Lang::Nl);
    let app = std::mem::replace(
        &mut r.session,
        Session::new(App::new(bundled(), Lang::Nl, Keymap::default())),
    )
    .app;
    r.session = Session::with_width(app, 40);
    let mut all = r.session.start();
    for line in ["schulden", "1", "", "", "hulp", "terug", "start", "3", "?"] {
        all.push_str(&r.say(line));
    }
    let wide: Vec<&str> = all.lines().filter(|l| plein::text::width(l) > 40).collect();
    assert!(wide.is_empty(), "wider than 40 columns: {wide:#?}");
}

#[test]
fn a_kiosk_on_a_terminal_cannot_be_left_with_ctrl_c_or_ctrl_d() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script` here: skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_plein");
    let mut child = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} --kiosk"), "/dev/null"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLEIN_CONFIG")
        .env_remove("PLEIN_SYSTEM_CONFIG")
        .env_remove("SSH_USER_AUTH")
        .env("XDG_CONFIG_HOME", "/nonexistent/plein-tests")
        .env("PLEIN_DATA_DIR", dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
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
