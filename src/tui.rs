//! The terminal edge: the event loop, signals, the search index built in the background, and
//! performing effects. Everything else is the pure app (`app`) and drawing (`ui`).
//!
//! The terminal is always restored: on a normal exit, a panic (ratatui's hook), and SIGHUP,
//! SIGTERM and SIGINT on Unix, or closing the console and Ctrl-Break on Windows (flags checked
//! between polls; see `signals`).
//!
//! A dead terminal (the pty closed, an SSH link dropped) must never leave plein spinning. The
//! trap (crossterm issue #793): crossterm 0.29's event reader loops forever when the tty reads
//! end-of-file or fail, and never returns to its caller. So the loop checks the tty for a
//! hang-up (`poll(2)`, POLLHUP) before each read, and a watchdog thread ends the process if the
//! loop has not finished within a quarter second of a hang-up or a signal.

use crate::app::{self, Action, App, Effect};
use crate::bookmarks::Store;
use crate::corpus::Source;
use crate::search::SearchIndex;
use crate::ui::{self, Palette};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

pub mod background;
pub mod lines;
mod signals;
pub mod speech;

/// How long to wait for input before checking signals and the index again.
const POLL: Duration = Duration::from_millis(100);

/// The same while a sentence is read aloud: the next one follows without a long gap.
const POLL_SPEAKING: Duration = Duration::from_millis(20);

/// A pause in typing this long saves the story being written.
const PAUSE: Duration = Duration::from_secs(1);

/// Hits the search screen asks for (each with a snippet, the costly part).
pub const RESULTS: usize = 10;

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The person quit.
    Quit,
    /// *Snel weg*.
    QuickExit,
    /// The terminal went away (its pty closed).
    Gone,
    /// A signal (hang-up, terminate, interrupt) with this number.
    Signal(u8),
}

/// Runs the app until it quits; the terminal is restored before this returns. `speech`: the
/// speech program found at start-up, if reading aloud is allowed.
pub fn run(
    mut app: App,
    palette: Palette,
    source: Source,
    store: &Store,
    (cache, share_dir): (Option<std::path::PathBuf>, Option<std::path::PathBuf>),
    speech: Option<std::path::PathBuf>,
) -> io::Result<Exit> {
    let stop = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicUsize::new(0));
    signals::register(&stop, &signal)?;
    app.speech.available = speech.is_some();
    let speaker = speech.map(speech::Speaker::new);
    let phase = Arc::new(AtomicU8::new(RUNNING));
    watchdog(
        Arc::clone(&stop),
        Arc::clone(&signal),
        Arc::clone(&phase),
        speaker.as_ref().map(speech::Speaker::handle),
    );
    let mut terminal = ratatui::try_init()?;
    // `auto` that COLORFGBG could not settle: ask the terminal itself, before any key is read.
    let palette = match palette.0 {
        crate::ui::ThemeName::Default if background::worth_asking() => {
            let answer = background::query();
            // Whatever a terminal may have shown of the query goes before the first frame.
            let _ = wipe_screen(&mut terminal);
            Palette(crate::ui::background::theme_for(palette.0, answer))
        }
        _ => palette,
    };
    let _ = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(
        &mut terminal,
        &mut app,
        palette,
        (source, cache),
        (store, share_dir),
        (&stop, speaker.as_ref()),
    );
    phase.store(RESTORING, Ordering::SeqCst);
    // Whatever ended the loop (quit, snel weg, a signal, a hang-up), the voice stops with it.
    drop(speaker);
    if result.as_ref().is_ok_and(|e| *e == Exit::QuickExit) {
        let _ = wipe_screen(&mut terminal);
    }
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    // Not `ratatui::restore`: on a terminal that hung up it prints the failure to stderr, the
    // same dead terminal, and that print panics (SIGABRT instead of the exit code).
    let _ = ratatui::try_restore();
    signals::restored();
    phase.store(DONE, Ordering::SeqCst);
    match signal.load(Ordering::Relaxed) {
        0 => result,
        n => result.map(|_| Exit::Signal(u8::try_from(n).unwrap_or(0))),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    palette: Palette,
    (source, cache): (Source, Option<std::path::PathBuf>),
    (store, share_dir): (&Store, Option<std::path::PathBuf>),
    (stop, speaker): (&AtomicBool, Option<&speech::Speaker>),
) -> io::Result<Exit> {
    let corpus = Arc::clone(&app.corpus);
    let (tx, rx) = mpsc::channel();
    // The bundled corpus's index is embedded in the binary and opens in well under a
    // millisecond: search is ready with the first frame. A corpus directory's index comes from
    // the cache (and refreshes it: the corpus was just read in full), in the background.
    // A local overlay is indexed with the corpus, in the background, like a directory.
    let embedded = match source {
        Source::Bundled if corpus.local_dir.is_none() => SearchIndex::bundled(&corpus),
        _ => None,
    };
    let mut index: Option<SearchIndex> = None;
    if let Some(ix) = embedded {
        index = Some(ix);
        app::update(app, Action::IndexReady);
    } else {
        std::thread::spawn(move || {
            let cached = SearchIndex::for_corpus(&corpus, &source, cache.as_deref());
            let _ = tx.send(
                cached
                    .map(|(ix, _)| ix)
                    .or_else(|_| SearchIndex::build(&corpus)),
            );
        });
    }
    let mut pending: Vec<Effect> = Vec::new();
    if let Ok(size) = terminal.size() {
        app::update(app, Action::Resize(size.width, size.height));
    }
    let mut last_input = std::time::Instant::now();
    let started = std::time::Instant::now();
    // `PLEIN_NOW` sets the clock's start (a curator previews Sunday morning); it runs on.
    let offset = crate::hours::Now::from_env().0 - crate::hours::Now::system().0;
    let mut first_frame = true;
    loop {
        let now = crate::hours::Now(crate::hours::Now::system().0 + offset);
        if now.0 / 60 != app.now.0 / 60 {
            app::update(app, Action::Clock(now));
        }
        if let Err(e) = terminal.draw(|f| ui::render(app, palette, f)) {
            // A terminal that hung up mid-frame is a hang-up, not a failure to report.
            return if hung_up() { Ok(Exit::Gone) } else { Err(e) };
        }
        if first_frame {
            // The first frame is on screen: now the lexicons, before any key is read.
            first_frame = false;
            SearchIndex::prepare_here();
        }
        if stop.load(Ordering::Relaxed) || hung_up() {
            // Unix: a signal (its number, which `run` turns into the exit code) or a hang-up.
            // Windows: a console event (Ctrl-C, Ctrl-Break, the window closing), which ends
            // the app as quitting does, with exit 0.
            return Ok(if cfg!(windows) {
                Exit::Quit
            } else {
                Exit::Gone
            });
        }
        // The clock first, so what a key answers lasts from now.
        let mut actions = vec![Action::Tick(started.elapsed())];
        if index.is_none()
            && let Ok(built) = rx.try_recv()
        {
            index = built.ok();
            actions.push(Action::IndexReady);
            actions.extend(
                pending
                    .drain(..)
                    .filter_map(|e| perform_search(index.as_ref(), e)),
            );
        }
        let spoken = speaker.and_then(speech::Speaker::poll);
        let sentence_done = spoken.is_some();
        actions.extend(spoken);
        let wait = if speaker.is_some_and(speech::Speaker::speaking) {
            POLL_SPEAKING
        } else {
            POLL
        };
        let ready = match event::poll(wait) {
            Ok(r) => r,
            Err(_) => return Ok(Exit::Gone),
        };
        if ready {
            let ev = match event::read() {
                Ok(ev) => ev,
                Err(_) => return Ok(Exit::Gone),
            };
            if !matches!(ev, Event::Resize(..)) {
                last_input = std::time::Instant::now();
            }
            actions.extend(event_action(app, terminal, ev));
        } else if sentence_done {
            // A sentence was spoken: answer that first (the idle clock is not a key).
        } else if app.share.unsaved > 0 && last_input.elapsed() >= PAUSE {
            actions.push(Action::Pause);
        } else if app.kiosk.is_some_and(|k| last_input.elapsed() >= k.idle) {
            last_input = std::time::Instant::now();
            actions.push(Action::Idle);
        }
        for action in actions {
            for effect in app::update(app, action) {
                match effect {
                    Effect::Quit => return Ok(Exit::Quit),
                    Effect::QuickExit => return Ok(Exit::QuickExit),
                    e @ (Effect::Speak { .. } | Effect::StopSpeech) => {
                        if let Some(a) = speaker.and_then(|s| s.perform(&e)) {
                            app::update(app, a);
                        }
                    }
                    Effect::ClearScreen => {
                        // A wiped kiosk session: nothing of it stays in memory or on screen.
                        let _ = store.clear();
                        wipe_screen(terminal)?;
                    }
                    Effect::ExportStory(story, draft) => {
                        let done = share_dir
                            .as_deref()
                            .map(|dir| crate::drafts::write_submission(&draft, &app.corpus, dir));
                        let a = match done {
                            Some(Ok(_)) => Action::StoryExported(story),
                            Some(Err(e)) => Action::StoreFailed(e),
                            None => continue,
                        };
                        app::update(app, a);
                    }
                    Effect::SaveDraft(story, id, draft) => {
                        let done = store.save_draft(id, &draft);
                        let a = match done {
                            Ok(id) => Action::DraftSaved(story, id),
                            Err(e) => Action::StoreFailed(e.to_string()),
                        };
                        app::update(app, a);
                    }
                    e @ (Effect::SaveBookmark(_)
                    | Effect::RemoveBookmark(_)
                    | Effect::RestoreBookmark(_)
                    | Effect::SetNote(..)) => {
                        if let Some(a) = perform_store(store, e) {
                            app::update(app, a);
                        }
                    }
                    e if index.is_none() => pending.push(e),
                    e => {
                        if let Some(a) = perform_search(index.as_ref(), e) {
                            app::update(app, a);
                        }
                    }
                }
            }
        }
    }
}

/// Clears the whole screen and makes the next frame redraw everything, without
/// `Terminal::clear`: that asks the terminal where its cursor is (CSI 6n), and over a slow
/// link the answer can arrive after plein has left and land in the visitor's shell.
pub fn wipe_screen<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// True when the terminal has hung up (its pty closed): reading it would never return.
pub fn hung_up() -> bool {
    #[cfg(unix)]
    {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = io::stdin();
        // A terminal that hung up answers its ioctls with EIO (so isatty says "not a
        // terminal") and its reads with end-of-file; a pipe or file answers ENOTTY.
        match rustix::termios::tcgetattr(&stdin) {
            Ok(_) => {}
            Err(rustix::io::Errno::IO) => return true,
            Err(_) => return false,
        }
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        match poll(&mut fds, Some(&now)) {
            Ok(_) => fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// How long the event loop gets to finish by itself after a hang-up or signal: one poll, and
/// a little more.
const GRACE: Duration = Duration::from_millis(250);

/// How long the terminal's restoring may take once the loop is out (slow on a loaded machine
/// or under Wine's console) before the watchdog stops waiting for it.
const RESTORE_GRACE: Duration = Duration::from_secs(2);

/// [`run`]'s phases, for the watchdog: the event loop runs, the terminal is being restored,
/// all is done (the process ends with the code `run` returns).
const RUNNING: u8 = 0;
const RESTORING: u8 = 1;
const DONE: u8 = 2;

/// Ends the process when the terminal hangs up or a signal arrives and the event loop does not
/// finish by itself within [`GRACE`] (it may be stuck in crossterm's reader on a dead tty); the
/// speech program is stopped first. A loop that got out in time is left to restore the
/// terminal and end with its own exit code.
fn watchdog(
    stop: Arc<AtomicBool>,
    signal: Arc<AtomicUsize>,
    phase: Arc<AtomicU8>,
    speech: Option<speech::Handle>,
) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(POLL);
            if phase.load(Ordering::SeqCst) == DONE {
                return;
            }
            if stop.load(Ordering::Relaxed) || hung_up() {
                stop.store(true, Ordering::Relaxed);
                std::thread::sleep(GRACE);
                let mut waited = Duration::ZERO;
                while phase.load(Ordering::SeqCst) == RESTORING && waited < RESTORE_GRACE {
                    std::thread::sleep(POLL);
                    waited += POLL;
                }
                if phase.load(Ordering::SeqCst) == DONE {
                    return;
                }
                // The loop did not get out: nothing can be drawn or restored on a dead
                // terminal, so leave now, with the conventional code (128 + signal; a
                // hang-up when no signal came).
                let n = match signal.load(Ordering::Relaxed) {
                    0 => 1,
                    n => i32::try_from(n).unwrap_or(1),
                };
                if let Some(h) = &speech {
                    h.stop();
                }
                std::process::exit(128 + n);
            }
        }
    });
}

/// Turns a terminal event into an action.
fn event_action(app: &App, terminal: &DefaultTerminal, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app::key_action(app, &k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) => Some(Action::Type(text)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => {
                let size = terminal.size().ok()?;
                ui::hit_test(
                    app,
                    Rect::new(0, 0, size.width, size.height),
                    m.column,
                    m.row,
                )
            }
            MouseEventKind::ScrollUp => Some(Action::Scroll(-1)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(1)),
            _ => None,
        },
        _ => None,
    }
}

/// Performs a search or related-stories effect against the index.
fn perform_search(index: Option<&SearchIndex>, effect: Effect) -> Option<Action> {
    let index = index?;
    match effect {
        Effect::Search { seq, query, filter } => index
            .search(&query, &filter, RESULTS)
            .ok()
            .map(|r| Action::Searched(seq, Box::new(r))),
        Effect::Related(id) => index
            .related(&id, 5)
            .ok()
            .map(|ids| Action::Related(id, ids)),
        _ => None,
    }
}

/// Writes a bookmark change to the store; a failure becomes a message on screen. (Public so
/// tests run the app against a store as this edge does.)
pub fn perform_store(store: &Store, effect: Effect) -> Option<Action> {
    let done = match effect {
        Effect::SaveBookmark(b) => {
            return match store.add(&b).and_then(|_| store.get(&b.id)) {
                Ok(Some(stored)) => Some(Action::BookmarkStored(stored)),
                Ok(None) => None,
                Err(e) => Some(Action::StoreFailed(e.to_string())),
            };
        }
        Effect::RemoveBookmark(id) => store.remove(&id).map(|_| ()),
        Effect::RestoreBookmark(b) => store.restore(&b),
        Effect::SetNote(id, note) => store.set_note(&id, &note).map(|_| ()),
        _ => Ok(()),
    };
    done.err().map(|e| Action::StoreFailed(e.to_string()))
}
