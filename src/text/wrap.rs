//! Width-aware wrapping of styled text: wide characters, emoji and combining marks count by
//! their display width, and a word longer than the line is broken between graphemes.

use super::markdown::{Emphasis, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a string in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps styled spans into lines of at most `width` columns. Lines after the first are indented
/// by `indent` spaces (for list items); whitespace runs collapse to one space.
pub fn wrap_spans(spans: &[Span], width_cols: usize, indent: usize) -> Vec<Vec<Span>> {
    let width_cols = width_cols.max(1);
    let indent = if indent + 1 >= width_cols { 0 } else { indent };
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0usize;
    let mut has_content = false;
    let mut words = Vec::new();
    for span in spans {
        for (i, word) in span.text.split_whitespace().enumerate() {
            let glued = i == 0 && !span.text.starts_with(char::is_whitespace);
            words.push((word, span.emphasis, glued));
        }
    }
    let break_line = |lines: &mut Vec<Vec<Span>>, line: &mut Vec<Span>, used: &mut usize| {
        lines.push(std::mem::take(line));
        *used = indent;
        if indent > 0 {
            line.push(Span {
                text: " ".repeat(indent),
                emphasis: Emphasis::None,
            });
        }
    };
    for (word, emphasis, glued) in words {
        let w = width(word);
        let space = usize::from(has_content && !glued);
        if has_content && used + space + w > width_cols {
            break_line(&mut lines, &mut line, &mut used);
            has_content = false;
        } else if space == 1 {
            push(&mut line, " ", Emphasis::None);
            used += 1;
        }
        if used + w <= width_cols {
            push(&mut line, word, emphasis);
            used += w;
            has_content = true;
            continue;
        }
        for g in word.graphemes(true) {
            let gw = width(g);
            if has_content && used + gw > width_cols {
                break_line(&mut lines, &mut line, &mut used);
            }
            push(&mut line, g, emphasis);
            used += gw;
            has_content = true;
        }
    }
    if has_content || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Wraps plain text into lines of at most `width` columns.
pub fn wrap_plain(text: &str, width_cols: usize) -> Vec<String> {
    let spans = [Span {
        text: text.to_owned(),
        emphasis: Emphasis::None,
    }];
    wrap_spans(&spans, width_cols, 0)
        .into_iter()
        .map(|l| l.into_iter().map(|s| s.text).collect())
        .collect()
}

/// Wraps plain text with a hanging indent: the first line as it is, the rest indented by
/// `indent` columns ("1. A long name" with the wrapped rest under "A").
pub fn wrap_hanging(text: &str, width_cols: usize, indent: usize) -> Vec<String> {
    let spans = [Span {
        text: text.to_owned(),
        emphasis: Emphasis::None,
    }];
    wrap_spans(&spans, width_cols, indent)
        .into_iter()
        .map(|l| l.into_iter().map(|s| s.text).collect())
        .collect()
}

/// Cuts `s` to at most `max` columns, ending with `…` when cut; never splits a grapheme.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

fn push(line: &mut Vec<Span>, text: &str, emphasis: Emphasis) {
    match line.last_mut() {
        Some(last) if last.emphasis == emphasis => last.text.push_str(text),
        _ => line.push(Span {
            text: text.to_owned(),
            emphasis,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap_plain("een twee drie vier", 9),
            vec!["een twee", "drie vier"]
        );
        assert_eq!(wrap_plain("", 10), vec![""]);
    }

    #[test]
    fn wide_characters_and_long_words() {
        for line in wrap_plain("日本語のテキスト 🙂🙂🙂 abcdefghijklmnop", 6) {
            assert!(width(&line) <= 6, "{line:?}");
        }
        assert_eq!(wrap_plain("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn truncation_keeps_graphemes_whole() {
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("kort", 10), "kort");
    }
}
