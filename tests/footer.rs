//! Keys always in sight: each screen's footer shows its own keys by importance (from the
//! keymap), drops the least important first, hints the help key everywhere, and what `b` did
//! is answered in a status line that goes away by itself. Facet chips never cut a word.

use crate::app::{harness, press, screen_text};
use plein::app::{Action, View};
use plein::i18n::Lang;
use plein::ui::footer_items;
use std::time::Duration;

fn footer(h: &crate::app::Harness, w: u16, ht: u16) -> String {
    let text = screen_text(&h.app, w, ht);
    text.lines()
        .nth(usize::from(ht) - 1)
        .unwrap_or_default()
        .to_owned()
}

fn at(keys: &str, w: u16, ht: u16) -> crate::app::Harness {
    let mut h = harness(Lang::Nl);
    h.act(Action::Resize(w, ht));
    press(&mut h, keys);
    h
}

#[test]
fn the_reader_shows_back_bookmark_qr_slip_and_help_at_80x24() {
    let resource = at("<F1><Enter>", 80, 24);
    assert!(matches!(resource.app.view(), View::Reader { .. }));
    let f = footer(&resource, 80, 24);
    for hint in [
        "Esc terug",
        "b bewaren",
        "c QR-code",
        "p briefje",
        "? toetsen",
        "F1 Hulp nu",
        "snel weg",
    ] {
        assert!(f.contains(hint), "resource lacks {hint:?}: {f}");
    }
    let story = at("1<Enter><Tab>", 80, 24);
    let f = footer(&story, 80, 24);
    for hint in [
        "Esc terug",
        "Enter openen",
        "b bewaren",
        "p briefje",
        "? toetsen",
        "F1 Hulp nu",
        "snel weg",
    ] {
        assert!(f.contains(hint), "story with a link lacks {hint:?}: {f}");
    }
    assert!(!f.contains("QR"), "a story has no QR code: {f}");
    let f = footer(&at("1<Enter>", 80, 24), 80, 24);
    assert!(
        !f.contains("Enter openen"),
        "Enter opens nothing before a link is chosen: {f}"
    );
}

/// Every screen, and the key its footer hints for help.
const SCREENS: &[(&str, &str)] = &[
    ("", "?"),
    ("1", "?"),
    ("<F1>", "?"),
    ("/schulden", "F2"),
    ("/schulden<Enter>", "?"),
    ("2<Enter>", "?"),
    ("1<Enter>", "?"),
    ("<F1><Enter>", "?"),
    ("1b<Esc>b", "?"),
    ("1b<Esc>bn", "F2"),
    ("<F1><Enter>c", "?"),
    ("<F1><Enter>p", "?"),
    ("d", "F2"),
    ("dA<Tab>B<Tab>C<Tab>D<Tab>E<Tab>F<Tab>G<Enter>", "?"),
];

#[test]
fn every_screen_hints_its_help_key_at_80x24_and_the_key_opens_help() {
    for (keys, help) in SCREENS {
        let mut h = at(keys, 80, 24);
        let f = footer(&h, 80, 24);
        assert!(
            f.contains(&format!("{help} toetsen")),
            "{keys:?} does not hint {help}: {f}"
        );
        let before = h.app.view().clone();
        press(&mut h, if *help == "?" { "?" } else { "<F2>" });
        assert!(h.app.help, "{keys:?}: {help} opens the keys");
        assert_eq!(
            h.app.view(),
            &before,
            "{keys:?}: help opens over the screen"
        );
        press(&mut h, "<Esc>");
        assert!(!h.app.help);
    }
}

#[test]
fn narrow_windows_drop_the_least_important_keys_first() {
    for (keys, _) in SCREENS {
        let h = at(keys, 80, 24);
        let ctx = h.app.context();
        let order: Vec<String> = h
            .app
            .keymap
            .hints(ctx)
            .iter()
            .map(|b| format!("{:?}", b.action))
            .collect();
        let mut last = usize::MAX;
        for w in (30..=200).rev() {
            let items = footer_items(&h.app, w);
            let own: Vec<String> = items
                .iter()
                .map(|(_, _, _, a)| format!("{a:?}"))
                .filter(|a| a != "QuickExit" && a != "Crisis")
                .collect();
            assert!(own.len() <= last, "{keys:?} at {w}: more keys than wider");
            last = own.len();
            // The shown keys come in the keymap's order of importance.
            let mut pos = order.iter();
            for a in &own {
                assert!(
                    pos.any(|o| o == a),
                    "{keys:?} at {w}: {a} out of order in {own:?}"
                );
            }
            // Nothing overlaps, and nothing runs past the window.
            let mut end = 0;
            for (s, e, l, _) in &items {
                assert!(*s >= end && *e <= w, "{keys:?} at {w}: {l:?} at {s}..{e}");
                end = *e + 1;
            }
            let labels: Vec<&str> = items.iter().map(|(_, _, l, _)| l.as_str()).collect();
            assert!(
                labels.iter().any(|l| l.contains("snel weg")),
                "{keys:?} at {w}: {labels:?}"
            );
        }
    }
}

#[test]
fn bewaren_answers_in_a_status_line_that_goes_away() {
    let mut h = at("1<Enter>", 80, 24);
    h.act(Action::Tick(Duration::from_secs(100)));
    press(&mut h, "b");
    let text = screen_text(&h.app, 80, 24);
    assert_eq!(
        text.lines().nth(22).map(|l| l.trim_matches('"').trim()),
        Some("Bewaard"),
        "{text}"
    );
    h.act(Action::Tick(Duration::from_secs(102)));
    assert!(
        screen_text(&h.app, 80, 24).contains("Bewaard"),
        "still there"
    );
    h.act(Action::Tick(Duration::from_secs(104)));
    assert!(
        !screen_text(&h.app, 80, 24).contains("Bewaard"),
        "gone after a few seconds"
    );
    assert!(h.app.status.is_none());
    press(&mut h, "b");
    assert!(screen_text(&h.app, 80, 24).contains("Niet meer bewaard"));
    // A failed write says so instead: never "Bewaard" for what was not kept.
    h.act(Action::StoreFailed("disk full".into()));
    let text = screen_text(&h.app, 80, 24);
    assert!(
        !text.contains("bewaard") && text.contains("disk full"),
        "{text}"
    );
    let mut en = harness(Lang::En);
    press(&mut en, "1b");
    assert!(screen_text(&en.app, 80, 24).contains("Bookmarked"));
}

#[test]
fn facet_chips_never_cut_a_word() {
    let h = at("/schulden<Enter>", 80, 24);
    let names: Vec<String> = h
        .app
        .corpus
        .themes
        .iter()
        .map(|t| t.name_nl.clone())
        .collect();
    let words: Vec<&str> = names.iter().flat_map(|n| n.split_whitespace()).collect();
    let mut shortened = false;
    for w in 30..=120u16 {
        let text = screen_text(&h.app, w, 24);
        let line = text.lines().nth(2).unwrap_or_default().trim_matches('"');
        for token in line.split_whitespace() {
            let word = token.trim_end_matches('…');
            shortened |= word != token;
            let counts = token.starts_with('(') || token.starts_with('+');
            assert!(
                counts
                    || token.parse::<u32>().is_ok()
                    || token == "gevonden"
                    || words.contains(&word),
                "at {w}: {token:?} is cut in {line:?}"
            );
        }
    }
    assert!(
        shortened,
        "a narrow window shortens a chip to its first word"
    );
}

#[test]
fn keys_that_would_do_nothing_are_not_hinted() {
    let f = footer(&at("/qqqzzz", 80, 24), 80, 24);
    assert!(!f.contains("resultaten"), "no results to go to: {f}");
    assert!(footer(&at("/schulden", 80, 24), 80, 24).contains("↓ resultaten"));
    let f = footer(&at("1b<Esc>b", 80, 24), 80, 24);
    assert!(!f.contains("terugzetten"), "nothing to undo: {f}");
    let f = footer(&at("1b<Esc>bd", 200, 24), 200, 24);
    assert!(f.contains("u terugzetten"), "undo after a removal: {f}");
    let f = footer(&at("/schulden", 200, 24), 200, 24);
    assert!(
        !f.contains("hulp openen"),
        "no crisis card, no key for it: {f}"
    );
    let f = footer(&at("/schulden zelfmoord", 80, 24), 80, 24);
    assert!(f.contains("^O hulp openen"), "the card's key, second: {f}");
}
