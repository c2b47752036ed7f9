//! The sanitizer: its output never holds a character that must not reach a terminal, and
//! sanitizing twice changes nothing more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plein::sanitize::{needs_sanitizing, sanitize, sanitize_line};

fuzz_target!(|text: &str| {
    let clean = sanitize(text);
    assert!(!clean.chars().any(needs_sanitizing));
    assert_eq!(sanitize(&clean), clean);
    let line = sanitize_line(text);
    assert!(!line.contains('\n'));
    assert!(!line.chars().any(needs_sanitizing));
});
