//! A multi-line text area (bookmark notes) that edits by grapheme: the cursor and deletion never
//! split a character, and up/down keep the column.

use super::input;
use unicode_segmentation::UnicodeSegmentation;

/// Longest text kept, in characters (the bookmark store's limit).
pub const MAX_CHARS: usize = crate::bookmarks::MAX_NOTE_CHARS;

/// Text with newlines and a cursor (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    cursor: usize,
}

impl TextArea {
    /// A text area holding `text`, the cursor at its end.
    pub fn new(text: &str) -> TextArea {
        let mut t = TextArea::default();
        t.insert(text);
        t
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts text at the cursor (pasted text may hold newlines; other controls are made
    /// visible, and `\r\n` becomes `\n`).
    pub fn insert(&mut self, s: &str) {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        let clean = crate::sanitize::sanitize(&s);
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = clean.chars().take(room).collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Starts a new line at the cursor.
    pub fn newline(&mut self) {
        self.insert("\n");
    }

    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        input::delete_back(&mut self.text, &mut self.cursor);
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete_forward(&mut self) {
        input::delete_forward(&mut self.text, self.cursor);
    }

    /// One grapheme left.
    pub fn left(&mut self) {
        self.cursor = input::prev_grapheme(&self.text, self.cursor);
    }

    /// One grapheme right.
    pub fn right(&mut self) {
        self.cursor = input::next_grapheme(&self.text, self.cursor);
    }

    /// To the start of the line.
    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i);
    }

    /// One line up, keeping the column (in graphemes) where the line is long enough.
    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let column = self.text[start..self.cursor].graphemes(true).count();
        let prev = self.line_start(start - 1);
        self.cursor = self.at_column(prev, column);
    }

    /// One line down, keeping the column where the line is long enough.
    pub fn down(&mut self) {
        let start = self.line_start(self.cursor);
        let column = self.text[start..self.cursor].graphemes(true).count();
        match self.text[self.cursor..].find('\n') {
            Some(i) => self.cursor = self.at_column(self.cursor + i + 1, column),
            None => self.cursor = self.text.len(),
        }
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn at_column(&self, line_start: usize, column: usize) -> usize {
        let mut at = line_start;
        for g in self.text[line_start..].graphemes(true).take(column) {
            if g == "\n" {
                break;
            }
            at += g.len();
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme_across_lines() {
        let mut t = TextArea::new("bellen op maandag");
        t.newline();
        t.insert("café 👩‍👩‍👧");
        t.delete_back();
        assert_eq!(t.text(), "bellen op maandag\ncafé ");
        t.left();
        t.left();
        t.delete_back();
        assert_eq!(t.text(), "bellen op maandag\ncaé ");
        t.up();
        assert_eq!(t.cursor(), 2, "column kept");
        t.down();
        t.end();
        t.insert("x\r\ny");
        assert_eq!(t.text(), "bellen op maandag\ncaé x\ny");
        t.insert("\u{1b}[2J");
        assert!(!t.text().contains('\u{1b}'), "controls made inert");
    }
}
