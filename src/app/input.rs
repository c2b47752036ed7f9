//! A one-line text input that edits by grapheme: the cursor and deletion never split a
//! character (accents, emoji, combining marks).

use unicode_segmentation::UnicodeSegmentation;

/// Text and a cursor, as a byte offset that is always on a grapheme boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

/// Longest text the input keeps, in characters.
pub const MAX_CHARS: usize = 300;

impl LineInput {
    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text; the cursor goes to the end.
    pub fn set(&mut self, text: &str) {
        self.text = text.chars().take(MAX_CHARS).collect();
        self.cursor = self.text.len();
    }

    /// Inserts text at the cursor (sanitized: no control characters, one line).
    pub fn insert(&mut self, s: &str) {
        let clean = crate::sanitize::sanitize_line(s);
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = clean.chars().take(room).collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        delete_back(&mut self.text, &mut self.cursor);
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete_forward(&mut self) {
        delete_forward(&mut self.text, self.cursor);
    }

    /// One grapheme left.
    pub fn left(&mut self) {
        self.cursor = prev_grapheme(&self.text, self.cursor);
    }

    /// One grapheme right.
    pub fn right(&mut self) {
        self.cursor = next_grapheme(&self.text, self.cursor);
    }

    /// To the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// To the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Empties the input.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

/// The start of the grapheme before byte `at` (or `at` at the start).
pub(crate) fn prev_grapheme(text: &str, at: usize) -> usize {
    text[..at]
        .grapheme_indices(true)
        .next_back()
        .map_or(at, |(i, _)| i)
}

/// The end of the grapheme at byte `at` (or `at` at the end).
pub(crate) fn next_grapheme(text: &str, at: usize) -> usize {
    text[at..]
        .graphemes(true)
        .next()
        .map_or(at, |g| at + g.len())
}

/// Deletes the grapheme before the cursor and moves the cursor back over it.
pub(crate) fn delete_back(text: &mut String, cursor: &mut usize) {
    let start = prev_grapheme(text, *cursor);
    text.replace_range(start..*cursor, "");
    *cursor = start;
}

/// Deletes the grapheme under the cursor.
pub(crate) fn delete_forward(text: &mut String, cursor: usize) {
    let end = next_grapheme(text, cursor);
    text.replace_range(cursor..end, "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_never_splits_a_grapheme() {
        let mut i = LineInput::default();
        i.insert("cafe\u{301} 👩‍👩‍👧");
        i.delete_back();
        assert_eq!(i.text(), "cafe\u{301} ");
        i.left();
        i.left();
        assert_eq!(&i.text()[i.cursor()..], "e\u{301} ");
        i.delete_forward();
        assert_eq!(i.text(), "caf ");
        i.insert("\u{1b}[2J");
        assert_eq!(i.text(), "caf␛[2J ");
    }
}
