//! Property tests for every parser of untrusted text: corpus files (front matter and
//! Markdown), settings, bookmark import, query syntax. None panics on any input, and each
//! keeps its promise about what it lets through. (The sanitizer's own properties are in
//! terminal_safety.rs.)

use plein::corpus::{File, Listing, load_listing};
use plein::sanitize::needs_sanitizing;
use proptest::prelude::*;

fn load_one(rel: &str, bytes: Vec<u8>) -> plein::corpus::Loaded {
    load_listing(
        Listing {
            files: vec![File::in_memory(rel, bytes)],
            fingerprint: 0,
            dirs: Vec::new(),
        },
        false,
    )
}

/// Text that looks like a corpus file: front matter lines and Markdown, with junk mixed in.
fn corpus_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("+++".to_owned()),
        Just("id = \"x\"".to_owned()),
        Just("title = \"Een titel\"".to_owned()),
        Just("theme = \"eenzaamheid\"".to_owned()),
        Just("origin = \"illustratief\"".to_owned()),
        Just("# Kop".to_owned()),
        Just("- punt".to_owned()),
        Just("[link](https://example.org)".to_owned()),
        Just("**vet** _schuin_ `code`".to_owned()),
        "[a-z =\"\\[\\]#*_`\\-+]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(line, 0..24).prop_map(|l| l.join("\n"))
}

proptest! {
    // Each case loads the bundled themes: keep the count modest (fuzzing goes further).
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn corpus_files_never_panic_and_what_loads_is_clean(text in corpus_text(), raw in any::<Vec<u8>>()) {
        for bytes in [text.clone().into_bytes(), raw] {
            for rel in ["stories/eenzaamheid/x.md", "resources/x.md"] {
                let loaded = load_one(rel, bytes.clone());
                let c = &loaded.corpus;
                prop_assert!(c.stories.len() + c.resources.len() <= 1);
                for s in &c.stories {
                    prop_assert!(!s.id.is_empty());
                    prop_assert!(!s.title.chars().any(needs_sanitizing), "{:?}", s.title);
                }
                for r in &c.resources {
                    prop_assert!(!r.name.chars().any(needs_sanitizing), "{:?}", r.name);
                }
                // Every problem names the file it is in.
                prop_assert!(loaded.diagnostics.iter().all(|d| d.path == rel || d.path.ends_with(".toml")));
            }
        }
        let _ = plein::text::markdown::parse(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn settings_never_panic_and_kiosk_true_on_a_line_always_holds(
        before in any::<String>(),
        after in any::<String>(),
        key in prop_oneof![Just("kiosk"), Just("guest")],
    ) {
        let junk = plein::config::parse_layer("c.toml", &format!("{before}\n{after}"), true);
        prop_assert!(junk.problems.iter().all(|p| p.line >= 1));
        let text = format!("{before}\n{key} = true\n{after}");
        let l = plein::config::parse_layer("c.toml", &text, false);
        let on = if key == "kiosk" { l.values.kiosk } else { l.values.guest };
        prop_assert_eq!(on, Some(true), "{:?}", text);
        let lines = text.lines().count().max(1);
        prop_assert!(l.problems.iter().all(|p| p.line >= 1 && p.line <= lines + 1));
    }

    #[test]
    fn bookmark_imports_never_panic_and_accept_only_clean_text(
        text in prop_oneof![
            any::<String>(),
            "\\[\\{\"id\": \"[a-z\\-]{0,12}\", \"kind\": \"(story|resource|x)\", \"title\": \".{0,20}\", \"note\": \".{0,20}\"\\}\\]",
        ]
    ) {
        if let Ok(items) = plein::bookmarks::parse_import(&text) {
            for b in items {
                prop_assert!(!b.id.is_empty());
                prop_assert!(!b.title.chars().any(needs_sanitizing));
                prop_assert!(!b.note.chars().any(needs_sanitizing));
            }
        }
    }

    #[test]
    fn any_query_reads_as_a_bounded_set_of_plain_words(text in any::<String>()) {
        use plein::search::input::{Input, MAX_WORDS};
        let input = Input::parse(&text);
        let n = input.words.len()
            + input.phrases.iter().map(Vec::len).sum::<usize>()
            + input.excluded.len();
        prop_assert!(n <= MAX_WORDS);
        for w in input.words.iter().chain(&input.excluded).chain(input.phrases.iter().flatten()) {
            prop_assert!(!w.is_empty());
            prop_assert!(w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\''), "{w:?}");
        }
    }
}
