//! The speech edge: runs espeak-ng for [`Effect::Speak`], one process per sentence, and says
//! when it has finished ([`Action::SpeechDone`]), so the app's highlight follows the voice.
//!
//! The program is found once, at start-up, on `PATH` (absolute directories only: a relative
//! entry such as `.` could run a program planted in the current directory) and run by that full
//! path, never through a shell, with a fixed argument list ([`args`]); the sentence goes to its
//! standard input, and its output and error streams go nowhere (they must never reach the
//! screen). Whatever is being spoken is killed and reaped when the app asks
//! ([`Effect::StopSpeech`]), when another sentence starts, when the [`Speaker`] is dropped (every
//! way out of the event loop) and, through [`Handle::stop`], by the watchdog before it ends a
//! stuck process.

use crate::app::speech::Voice;
use crate::app::{Action, Effect};
use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError};

/// The speech program's name.
pub const PROGRAM: &str = "espeak-ng";

/// Words per minute: a little slower than espeak-ng's 175, for listeners who find reading hard.
pub const SPEED: u32 = 150;

/// The speech program to use: none when the settings switch reading aloud off
/// (`read_aloud = false`), else the one on `PATH`, if there is one.
pub fn find_program(allowed: bool) -> Option<PathBuf> {
    if !allowed {
        return None;
    }
    find_in(&std::env::var_os("PATH")?)
}

/// True when plein runs in an SSH session: a voice would sound at the server, not where the
/// visitor sits (and could be overheard there), so reading aloud is off.
pub fn over_ssh(get: impl Fn(&str) -> Option<OsString>) -> bool {
    ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"]
        .iter()
        .any(|v| get(v).is_some_and(|x| !x.is_empty()))
}

/// The speech program in a `PATH`-style list of directories; relative entries are skipped.
pub fn find_in(path: &OsStr) -> Option<PathBuf> {
    let name = if cfg!(windows) {
        format!("{PROGRAM}.exe")
    } else {
        PROGRAM.to_owned()
    };
    std::env::split_paths(path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(&name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The fixed arguments: voice, speed, and the text from standard input.
pub fn args(voice: Voice) -> Vec<OsString> {
    [
        "-v".into(),
        voice.code().into(),
        "-s".into(),
        SPEED.to_string(),
        "--stdin".into(),
    ]
    .into_iter()
    .map(OsString::from)
    .collect()
}

/// The command that speaks with `voice`: the program itself (no shell), [`args`], standard
/// input a pipe, standard output and error discarded.
pub fn command(program: &Path, voice: Voice) -> Command {
    let mut c = Command::new(program);
    c.args(args(voice))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// The sentence being spoken: its request number and process.
type Running = Option<(u64, Child)>;

/// A way to stop the speech from another thread (the watchdog).
#[derive(Clone, Default)]
pub struct Handle(Arc<Mutex<Running>>);

impl Handle {
    /// Kills and reaps the process speaking now, if any.
    pub fn stop(&self) {
        let mut running = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, mut child)) = running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Runs the speech program for the app's effects.
pub struct Speaker {
    program: PathBuf,
    running: Handle,
}

impl Speaker {
    /// A speaker that runs `program` (found by [`find_program`]).
    pub fn new(program: PathBuf) -> Speaker {
        Speaker {
            program,
            running: Handle::default(),
        }
    }

    /// A handle that stops the speech from elsewhere.
    pub fn handle(&self) -> Handle {
        self.running.clone()
    }

    /// True while a sentence is being spoken.
    pub fn speaking(&self) -> bool {
        self.running
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Performs [`Effect::Speak`] and [`Effect::StopSpeech`]; other effects are not its
    /// business. A program that cannot start is answered at once with
    /// [`Action::SpeechFailed`].
    pub fn perform(&self, effect: &Effect) -> Option<Action> {
        match effect {
            Effect::Speak { seq, text, voice } => {
                self.running.stop();
                match self.spawn(text, *voice) {
                    Ok(child) => {
                        *self
                            .running
                            .0
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner) = Some((*seq, child));
                        None
                    }
                    Err(_) => Some(Action::SpeechFailed(*seq)),
                }
            }
            Effect::StopSpeech => {
                self.running.stop();
                None
            }
            _ => None,
        }
    }

    fn spawn(&self, text: &str, voice: Voice) -> io::Result<Child> {
        let mut child = command(&self.program, voice).spawn()?;
        // Written from a thread of its own, so a long sentence can never block the event loop
        // on a full pipe; closing the pipe ends the text.
        if let Some(mut stdin) = child.stdin.take() {
            let text = text.to_owned();
            std::thread::spawn(move || {
                let _ = stdin.write_all(text.as_bytes());
                let _ = stdin.write_all(b"\n");
            });
        }
        Ok(child)
    }

    /// The answer for a sentence that has been spoken (or failed), once its process has exited.
    pub fn poll(&self) -> Option<Action> {
        let mut running = self
            .running
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (seq, child) = running.as_mut()?;
        let seq = *seq;
        let done = match child.try_wait() {
            Ok(None) => return None,
            Ok(Some(status)) if status.success() => Action::SpeechDone(seq),
            Ok(Some(_)) | Err(_) => Action::SpeechFailed(seq),
        };
        *running = None;
        Some(done)
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.running.stop();
    }
}
