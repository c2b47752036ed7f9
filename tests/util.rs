//! Shared helpers: fixture paths and running the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A path below `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The time every test run of the binary sees: Thursday 3 December 2026, 11:00 in Amsterdam.
pub const NOW: &str = "2026-12-03T10:00Z";

/// The built `plein` binary, with a clean environment language.
pub fn plein() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plein"));
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLEIN_DATA_DIR")
        .env_remove("PLEIN_CONFIG")
        .env_remove("PLEIN_SYSTEM_CONFIG")
        // No user settings file from the machine running the tests.
        .env("XDG_CONFIG_HOME", "/nonexistent/plein-tests")
        .env_remove("SSH_USER_AUTH")
        .env("NO_COLOR", "1")
        // A fixed clock (a Thursday morning in Amsterdam): open-now lines and stale dates are
        // exact.
        .env("PLEIN_NOW", NOW);
    cmd
}

/// Runs `plein` with arguments and returns its output.
pub fn run(args: &[&str]) -> Output {
    plein().args(args).output().expect("run plein")
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The one index directory a cache root holds after one corpus was cached.
pub fn only_index(root: &std::path::Path) -> PathBuf {
    std::fs::read_dir(root)
        .expect("ls")
        .flatten()
        .next()
        .expect("one index")
        .path()
}
