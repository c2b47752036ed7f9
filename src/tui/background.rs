//! Asking the terminal for its background colour, once, at start-up, before the event loop
//! reads any key: OSC 11, then the primary device attributes query (DA1), which every terminal
//! answers, so a terminal that does not know OSC 11 ends the wait at once. Both answers are
//! read here, straight from the tty, so neither can reach the app as typed keys. At most
//! [`WAIT`]; never when stdin or stdout is not a terminal, never on the Linux console, and never
//! over SSH, where the answer may come after the wait and would be read as keys. Nothing is ever sent on the way
//! out.

use crate::ui::background::Background;
use std::time::Duration;

/// How long plein waits for the answers.
pub const WAIT: Duration = Duration::from_millis(100);

/// Whether to ask at all: not over SSH, and not on terminals that cannot answer (the Linux
/// console, `dumb`), where the query would only cost the wait.
pub fn worth_asking() -> bool {
    let remote = ["SSH_CONNECTION", "SSH_TTY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    let term = std::env::var("TERM").unwrap_or_default();
    !remote && !term.is_empty() && term != "dumb" && !term.starts_with("linux")
}

/// The terminal's background, if it says. Only call when [`worth_asking`].
pub fn query() -> Option<Background> {
    #[cfg(unix)]
    {
        unix_query(WAIT)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(unix)]
fn unix_query(wait: Duration) -> Option<Background> {
    use crate::ui::background::{from_osc11, has_device_attributes};
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::{IsTerminal, Write};
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    if !stdin.is_terminal() || !stdout.is_terminal() {
        return None;
    }
    stdout.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    stdout.flush().ok()?;
    let deadline = std::time::Instant::now() + wait;
    let mut answer = Vec::new();
    while !has_device_attributes(&answer) && answer.len() < 1024 {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let timeout = Timespec {
            tv_sec: i64::try_from(left.as_secs()).unwrap_or(0),
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        if !matches!(poll(&mut fds, Some(&timeout)), Ok(n) if n > 0)
            || !fds[0].revents().contains(PollFlags::IN)
        {
            break;
        }
        let mut chunk = [0u8; 256];
        match rustix::io::read(&stdin, &mut chunk) {
            Ok(n) if n > 0 => answer.extend_from_slice(&chunk[..n]),
            _ => break,
        }
    }
    from_osc11(&answer)
}
