//! A corpus file (front matter and Markdown) as a story and as a resource: loading never
//! panics, and every document that loads has an id and a title free of control characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plein::corpus::{File, Listing, load_listing};

fuzz_target!(|data: &[u8]| {
    for rel in ["stories/eenzaamheid/x.md", "resources/x.md"] {
        let listing = Listing {
            files: vec![File::in_memory(rel, data.to_vec())],
            fingerprint: 0,
            dirs: Vec::new(),
        };
        let loaded = load_listing(listing, false);
        for s in &loaded.corpus.stories {
            assert!(!s.id.is_empty());
            assert!(!s.title.chars().any(plein::sanitize::needs_sanitizing));
        }
        for r in &loaded.corpus.resources {
            assert!(!r.id.is_empty());
            assert!(!r.name.chars().any(plein::sanitize::needs_sanitizing));
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = plein::text::markdown::parse(text);
    }
});
