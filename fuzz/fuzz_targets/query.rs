//! The query syntax: any text reads as a bounded set of plain words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plein::search::input::{Input, MAX_WORDS};

fuzz_target!(|text: &str| {
    let input = Input::parse(text);
    let words = input.words.len()
        + input.phrases.iter().map(Vec::len).sum::<usize>()
        + input.excluded.len();
    assert!(words <= MAX_WORDS);
    for w in input.words.iter().chain(&input.excluded) {
        assert!(!w.is_empty());
        assert!(w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\''));
    }
});
