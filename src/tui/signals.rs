//! What ends the app from outside, per platform; each one only raises the `stop` flag that the
//! event loop checks between polls, so the loop itself restores the terminal.
//!
//! - Unix: SIGHUP (the terminal or SSH link went away), SIGTERM and SIGINT.
//! - Windows: the console's control events, through `SetConsoleCtrlHandler`: Ctrl-Break, Ctrl-C
//!   (before raw mode, or sent by another program), closing the console window, logging off and
//!   shutting down. Windows ends the process as soon as the handler returns from a close,
//!   log-off or shut-down event, so the handler waits (briefly) until the loop has restored the
//!   console; it does the same for every event, which keeps one path for all of them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize};

/// Makes the signals or console events that should end the app set `stop`; on Unix the
/// signal's number goes to `signal`, for the exit code (128 + signal).
#[cfg(unix)]
pub fn register(stop: &Arc<AtomicBool>, signal: &Arc<AtomicUsize>) -> std::io::Result<()> {
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(stop))?;
        signal_hook::flag::register_usize(sig, Arc::clone(signal), sig as usize)?;
    }
    Ok(())
}

/// Makes the console events that should end the app set `stop`. Windows has no signal
/// numbers: the app ends as if the person had quit.
#[cfg(windows)]
pub fn register(stop: &Arc<AtomicBool>, _signal: &Arc<AtomicUsize>) -> std::io::Result<()> {
    windows::register(stop)
}

/// Says that the terminal has been restored (the console handler may now let Windows end the
/// process).
#[cfg(unix)]
pub fn restored() {}

#[cfg(windows)]
pub use windows::restored;

#[cfg(windows)]
mod windows {
    use std::io;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, OnceLock};
    use std::time::{Duration, Instant};
    use windows_sys::Win32::Foundation::{FALSE, TRUE};
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;

    /// The flag the handler raises (one app per process).
    static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    /// Set once the console is restored.
    static RESTORED: AtomicBool = AtomicBool::new(false);

    /// How long the handler holds Windows back while the loop restores the console: one poll,
    /// the watchdog's grace, and a margin (Windows allows 5 seconds for a close).
    const WAIT: Duration = Duration::from_millis(1500);

    /// Installs the console control handler.
    pub fn register(stop: &Arc<AtomicBool>) -> io::Result<()> {
        if STOP.set(Arc::clone(stop)).is_err() {
            return Ok(());
        }
        // SAFETY: `handler` is a plain function that lives as long as the process.
        if unsafe { SetConsoleCtrlHandler(Some(handler), TRUE) } == FALSE {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Says that the console has been restored.
    pub fn restored() {
        RESTORED.store(true, Ordering::SeqCst);
    }

    /// Runs on a thread of its own for every control event: raise the flag, give the loop the
    /// time to restore the console, and tell Windows the event was handled.
    unsafe extern "system" fn handler(_event: u32) -> i32 {
        if let Some(stop) = STOP.get() {
            stop.store(true, Ordering::SeqCst);
        }
        let start = Instant::now();
        while !RESTORED.load(Ordering::SeqCst) && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(10));
        }
        TRUE
    }
}
