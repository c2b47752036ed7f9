//! Diagnostics: what is wrong in a corpus file, where, and what to do about it.

use serde::Serialize;
use std::fmt;

/// How serious a problem is. Errors make `plein check` fail; warnings only inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The corpus is wrong; the document is skipped (control characters excepted: neutralised).
    Error,
    /// Worth a look, but the document loads as it is.
    Warning,
}

/// One problem found in a corpus file, with its position (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it (the corpus directory joined with its relative path).
    pub path: String,
    /// Line, 1-based (1 when the problem concerns the whole file).
    pub line: usize,
    /// Column in characters, 1-based.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// A stable short name for the kind of problem (`bad-toml`, `unknown-tag`, …).
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a position in a file.
    pub fn error(path: &str, pos: Pos, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            line: pos.line,
            column: pos.column,
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at a position in a file.
    pub fn warning(path: &str, pos: Pos, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, pos, code, message)
        }
    }

    /// Adds a hint: what the user can do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = crate::sanitize::sanitize_line(&self.path);
        let message = crate::sanitize::sanitize_line(&self.message);
        write!(
            f,
            "{path}:{}:{}: {level}: {message}",
            self.line, self.column
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", crate::sanitize::sanitize_line(hint))?;
        }
        Ok(())
    }
}

/// A position in a file: line and column, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, 1-based.
    pub line: usize,
    /// Column in characters, 1-based.
    pub column: usize,
}

impl Pos {
    /// A problem with the whole file, reported at its start.
    pub const FILE: Pos = Pos { line: 1, column: 1 };

    /// The position of byte `offset` in `text`.
    pub fn at(text: &str, offset: usize) -> Pos {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Pos { line, column }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\ncdé\nf";
        assert_eq!(Pos::at(text, 0), Pos { line: 1, column: 1 });
        assert_eq!(Pos::at(text, 3), Pos { line: 2, column: 1 });
        assert_eq!(Pos::at(text, 7), Pos { line: 2, column: 4 });
        assert_eq!(Pos::at(text, 99), Pos { line: 3, column: 2 });
    }

    #[test]
    fn display_is_path_line_column_message() {
        let d = Diagnostic::error("x.md", Pos { line: 3, column: 5 }, "bad", "oops\u{1b}")
            .with_hint("fix it");
        assert_eq!(d.to_string(), "x.md:3:5: error: oops␛\n  hint: fix it");
    }
}
