//! The plain-mode edge: reads lines from standard input, hands them to the pure
//! [`plain::Session`](crate::plain::Session), performs its effects (search, the bookmark store)
//! and writes its text. No terminal modes, no escape sequences: works on a pipe, a dumb
//! terminal, a braille display or a `script` log.

use super::{Exit, perform_search, perform_store};
use crate::app::{Action, App, Effect};
use crate::bookmarks::Store;
use crate::corpus::Source;
use crate::plain::Session;
use crate::search::SearchIndex;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

/// Longest line read; the rest of a longer one is dropped (a pasted book is not a query).
const MAX_LINE: u64 = 4096;

/// Runs plain mode on `input` and `out` until the person quits or the input ends.
pub fn run(
    app: App,
    source: Source,
    store: &Store,
    cache: Option<std::path::PathBuf>,
    input: Box<dyn BufRead + Send>,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let corpus = std::sync::Arc::clone(&app.corpus);
    // Plain mode waits for the index once, before the first prompt: there is no screen to keep
    // alive meanwhile (the bundled corpus's index is embedded and opens at once).
    // A local overlay is indexed with the corpus, in memory, as the full-screen app does.
    let index = match &source {
        Source::Bundled if corpus.local_dir.is_none() => SearchIndex::bundled(&corpus),
        _ => None,
    }
    .or_else(|| {
        SearchIndex::for_corpus(&corpus, &source, cache.as_deref())
            .map(|(ix, _)| ix)
            .or_else(|_| SearchIndex::build(&corpus))
            .ok()
    });
    let idle = app.kiosk.map(|k| k.idle);
    // On a terminal, its own width (a narrow window, a braille display's console); else 80.
    let width = std::io::IsTerminal::is_terminal(&io::stdout())
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .filter(|(w, _)| *w > 0)
        .map_or(crate::plain::WIDTH, |(w, _)| usize::from(w));
    let mut session = Session::with_width(app, width);
    if index.is_some() {
        crate::app::update(&mut session.app, Action::IndexReady);
    }
    let mut perform = |e: Effect| match e {
        Effect::ClearScreen => {
            // A wiped kiosk session: nothing of it stays in the store either.
            let _ = store.clear();
            None
        }
        e @ (Effect::SaveBookmark(_)
        | Effect::RemoveBookmark(_)
        | Effect::RestoreBookmark(_)
        | Effect::SetNote(..)) => perform_store(store, e),
        e => perform_search(index.as_ref(), e),
    };
    // A kiosk on a terminal: Ctrl-C, Ctrl-\ and Ctrl-Z do nothing (as in the full-screen app,
    // where they are keys), and Ctrl-D (the end of input on a terminal) does not leave either.
    let locked = session.app.quit_locked();
    let on_tty = std::io::IsTerminal::is_terminal(&io::stdin());
    #[cfg(unix)]
    if locked {
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        for sig in [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
            signal_hook::consts::SIGTSTP,
        ] {
            signal_hook::flag::register(sig, std::sync::Arc::clone(&ignored))?;
        }
    }
    let lines = read_lines(input, locked && on_tty);
    if !write(out, &session.start())? {
        return Ok(Exit::Quit);
    }
    // The clock of the open-now lines runs on from its start (`PLEIN_NOW` may set that).
    let offset = session.app.now.0 - crate::hours::Now::system().0;
    loop {
        let next = match idle {
            Some(d) => lines.recv_timeout(d),
            None => lines
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
        };
        let now = crate::hours::Now(crate::hours::Now::system().0 + offset);
        crate::app::update(&mut session.app, Action::Clock(now));
        let reply = match next {
            Ok(line) => session.input(&line, &mut perform),
            Err(mpsc::RecvTimeoutError::Timeout) => session.idle(&mut perform),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // The input ended: close the last prompt's line, and leave.
                let _ = write(out, "\n");
                return Ok(Exit::Quit);
            }
        };
        if !write(out, &reply.text)? || reply.quit {
            return Ok(Exit::Quit);
        }
    }
}

/// Writes and flushes; false when the reader went away (a closed pipe).
fn write(out: &mut dyn Write, text: &str) -> io::Result<bool> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}

/// Lines from the input, on a thread (so the kiosk's idle time can pass while waiting), as
/// text: invalid UTF-8 replaced, line endings and overlong tails dropped. With `past_eof` (a
/// kiosk's terminal), an end of input (Ctrl-D) is passed over until the terminal hangs up.
fn read_lines(mut input: Box<dyn BufRead + Send>, past_eof: bool) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let mut buf = Vec::new();
            match io::Read::take(&mut input, MAX_LINE).read_until(b'\n', &mut buf) {
                Ok(0) if past_eof && !super::hung_up() => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    continue;
                }
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if buf.last() != Some(&b'\n') && buf.len() as u64 == MAX_LINE {
                // Skip the rest of an overlong line, a piece at a time.
                loop {
                    let mut rest = Vec::new();
                    match io::Read::take(&mut input, MAX_LINE).read_until(b'\n', &mut rest) {
                        Ok(0) | Err(_) => return,
                        Ok(_) if rest.last() == Some(&b'\n') => break,
                        Ok(_) => {}
                    }
                }
            }
            let line = String::from_utf8_lossy(&buf)
                .trim_end_matches(['\n', '\r'])
                .to_owned();
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    rx
}
