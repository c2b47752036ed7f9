//! Neutralises untrusted text before it can reach a terminal.
//!
//! Everything that enters plein from outside (corpus files, synonyms, notes, queries, pasted text,
//! file names, environment values shown on screen) passes through [`sanitize`]. The result holds
//! no C0 or C1 control character (newline excepted) and no bidi override, so an escape sequence in
//! content renders as inert, visible text. Sanitizing twice changes nothing.

use std::borrow::Cow;

/// Columns between tab stops when a tab is expanded.
pub const TAB_WIDTH: usize = 4;

/// Returns `text` with control and bidi-override characters made visible and tabs expanded.
///
/// - C0 controls and DEL become their Unicode control pictures (`ESC` → `␛`), newline excepted;
/// - a tab becomes spaces up to the next tab stop;
/// - C1 controls (U+0080–U+009F) become U+FFFD;
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become `⟦U+202E⟧`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !any_needs_sanitizing(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0usize;
    for c in text.chars() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            c if is_c0_or_del(c) => out.push(control_picture(c)),
            c if is_c1(c) => out.push('\u{FFFD}'),
            c if is_bidi_control(c) => out.push_str(&format!("⟦U+{:04X}⟧", c as u32)),
            c => out.push(c),
        }
        column += 1;
    }
    Cow::Owned(out)
}

/// Sanitizes text that must stay on one line: newlines become `␊` as well.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    match sanitize(text) {
        Cow::Borrowed(s) if !s.contains('\n') => Cow::Borrowed(s),
        other => Cow::Owned(other.replace('\n', "\u{240A}")),
    }
}

/// True when some character of `text` would be changed by [`sanitize`]: the same answer as
/// `text.chars().any(needs_sanitizing)`, read from the UTF-8 bytes (a corpus of 400 MB is read
/// through this at every load).
pub fn any_needs_sanitizing(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' => false,
        0..0x20 | 0x7F => true,
        // U+0080–U+009F: C2 80 … C2 9F.
        0xC2 => (0x80..=0x9F).contains(&at(i + 1)),
        // U+202A–U+202E: E2 80 AA … AE; U+2066–U+2069: E2 81 A6 … A9.
        0xE2 => match at(i + 1) {
            0x80 => (0xAA..=0xAE).contains(&at(i + 2)),
            0x81 => (0xA6..=0xA9).contains(&at(i + 2)),
            _ => false,
        },
        _ => false,
    })
}

/// True when `c` would be changed by [`sanitize`] (newline excepted).
pub fn needs_sanitizing(c: char) -> bool {
    c != '\n' && (is_c0_or_del(c) || is_c1(c) || is_bidi_control(c))
}

/// True for the characters [`sanitize`] reports as unsafe in corpus text (tabs are allowed).
pub fn is_forbidden_in_text(c: char) -> bool {
    c != '\t' && needs_sanitizing(c)
}

fn is_c0_or_del(c: char) -> bool {
    (c as u32) < 0x20 || c == '\u{7F}'
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

fn is_bidi_control(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn control_picture(c: char) -> char {
    if c == '\u{7F}' {
        '\u{2421}'
    } else {
        char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize("bel\u{7}"), "bel␇");
        assert_eq!(sanitize("x\u{9b}31m"), "x\u{FFFD}31m");
        assert_eq!(sanitize("del\u{7f}"), "del␡");
        assert_eq!(sanitize("\u{202E}evil"), "⟦U+202E⟧evil");
    }

    #[test]
    fn newlines_stay_and_tabs_expand_to_stops() {
        assert_eq!(sanitize("a\tb\n\tc"), "a   b\n    c");
        assert_eq!(sanitize_line("a\nb"), "a␊b");
    }

    #[test]
    fn the_byte_scan_finds_exactly_what_sanitize_changes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("é{c}€"), format!("{c}\u{2069}")] {
                let by_char = text.chars().any(needs_sanitizing);
                assert_eq!(any_needs_sanitizing(&text), by_char, "{:?}", c as u32);
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("gewoon tekst, één 🙂"), Cow::Borrowed(_)));
    }
}
