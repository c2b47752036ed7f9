//! A bookmark import file: parsing never panics, and what it accepts is sanitized text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(items) = plein::bookmarks::parse_import(text) {
        for b in items {
            assert!(!b.id.is_empty());
            assert!(!b.note.chars().any(plein::sanitize::needs_sanitizing));
            assert!(!b.title.chars().any(plein::sanitize::needs_sanitizing));
        }
    }
});
