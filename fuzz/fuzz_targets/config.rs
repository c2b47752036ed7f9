//! A settings file: reading never panics, every problem has a line inside the file, and a
//! `kiosk = true` line holds whatever surrounds it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plein::config::parse_layer;

fuzz_target!(|text: &str| {
    let lines = text.lines().count().max(1);
    for system in [false, true] {
        let l = parse_layer("c.toml", text, system);
        assert!(l.problems.iter().all(|p| p.line >= 1 && p.line <= lines + 1));
        if !system {
            assert!(l.locks.is_empty());
        }
    }
    let forced = format!("{text}\nkiosk = true\n");
    assert_eq!(parse_layer("c.toml", &forced, false).values.kiosk, Some(true));
});
