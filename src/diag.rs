//! Diagnostics: what is wrong in a corpus file, where, and what to do about it.
//!
//! A diagnostic holds no language: its message and hint are catalog keys (`diag.…` in
//! `assets/i18n/*.toml`) with their arguments, rendered at the edge with [`Diagnostic::render`].

use crate::i18n::Catalog;
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

/// One argument of a message: text as it is, or another catalog key rendered in the same
/// language (a word such as "tag" or "fase").
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as it is (an id, a file name, a number).
    Text(String),
    /// A catalog key, translated.
    Key(&'static str),
    /// A number with one decimal, written with the language's decimal mark (12,5 or 12.5).
    Decimal(f64),
}

/// A message in no language yet: a catalog key (`diag.…`) with named `{placeholders}`, and an
/// optional count that picks the `_one` form for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The catalog key, e.g. `diag.empty-field`.
    pub key: &'static str,
    /// The values for the placeholders.
    pub args: Vec<(&'static str, Arg)>,
    /// For plurals: `{n}`, and the `_one` form when it is 1.
    pub count: Option<u32>,
}

/// A message for catalog key `key` (always a literal `"diag.…"`: a test finds them all in the
/// source and checks both catalogs have them).
pub fn msg(key: &'static str) -> Message {
    Message {
        key,
        args: Vec::new(),
        count: None,
    }
}

// `Arg` holds an `f64` (never NaN: a mean of counted words), so equality is total enough.
impl Eq for Arg {}

impl Message {
    /// Fills placeholder `{name}` with `value`, shown as it is.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Fills placeholder `{name}` with a number shown with one decimal.
    pub fn arg_decimal(mut self, name: &'static str, value: f64) -> Self {
        self.args.push((name, Arg::Decimal(value)));
        self
    }

    /// Fills placeholder `{name}` with the text of catalog key `key`.
    pub fn arg_key(mut self, name: &'static str, key: &'static str) -> Self {
        self.args.push((name, Arg::Key(key)));
        self
    }

    /// Sets the count `{n}` (and the plural form).
    pub fn count(mut self, n: usize) -> Self {
        self.count = Some(u32::try_from(n).unwrap_or(u32::MAX));
        self
    }

    /// The message in the catalog's language (not yet sanitised).
    pub fn render(&self, cat: &Catalog) -> String {
        let values: Vec<String> = self
            .args
            .iter()
            .map(|(_, a)| match a {
                Arg::Text(s) => s.clone(),
                Arg::Key(k) => cat.t(k).to_owned(),
                Arg::Decimal(x) => format!("{x:.1}").replace('.', cat.t("diag.decimal_mark")),
            })
            .collect();
        let args: Vec<(&str, &dyn fmt::Display)> = self
            .args
            .iter()
            .zip(&values)
            .map(|((name, _), v)| (*name, v as &dyn fmt::Display))
            .collect();
        match self.count {
            Some(n) => cat.nf(self.key, n as usize, &args),
            None => cat.f(self.key, &args),
        }
    }

    /// True when the message has text argument `name` equal to `value` (for tests and for
    /// callers that look for a file or id in a message).
    pub fn has_arg(&self, name: &str, value: &str) -> bool {
        self.args
            .iter()
            .any(|(n, a)| *n == name && matches!(a, Arg::Text(s) if s == value))
    }
}

/// One problem found in a corpus file, with its position (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub message: Message,
    /// What to do about it, when there is something useful to say (boxed: most have none,
    /// and a diagnostic travels in `Result`s).
    pub hint: Option<Box<Message>>,
}

impl Diagnostic {
    /// An error at a position in a file.
    pub fn error(path: &str, pos: Pos, code: &'static str, message: Message) -> Self {
        Self {
            path: path.to_owned(),
            line: pos.line,
            column: pos.column,
            severity: Severity::Error,
            code,
            message,
            hint: None,
        }
    }

    /// A warning at a position in a file.
    pub fn warning(path: &str, pos: Pos, code: &'static str, message: Message) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, pos, code, message)
        }
    }

    /// Adds a hint: what the user can do.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(Box::new(hint));
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: level: message`, and an indented hint line, in the catalog's language,
    /// sanitised for the terminal.
    pub fn render(&self, cat: &Catalog) -> String {
        let level = match self.severity {
            Severity::Error => cat.t("diag.level.error"),
            Severity::Warning => cat.t("diag.level.warning"),
        };
        let path = crate::sanitize::sanitize_line(&self.path);
        let message = self.message.render(cat);
        let message = crate::sanitize::sanitize_line(&message);
        let mut out = format!("{path}:{}:{}: {level}: {message}", self.line, self.column);
        if let Some(hint) = &self.hint {
            let hint = hint.render(cat);
            out.push_str(&format!(
                "\n  {}: {}",
                cat.t("diag.level.hint"),
                crate::sanitize::sanitize_line(&hint)
            ));
        }
        out
    }

    /// The diagnostic as JSON: the stable `code` and `severity`, and the message and hint
    /// rendered in the catalog's language (not sanitised: JSON escapes control characters).
    pub fn to_json(&self, cat: &Catalog) -> serde_json::Value {
        let mut v = serde_json::json!({
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message.render(cat),
        });
        if let Some(h) = &self.hint {
            v["hint"] = serde_json::Value::String(h.render(cat));
        }
        v
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

    /// The position of byte `offset` in `text`. For many positions in one text, use
    /// [`Lines`], which finds each line without counting from the start again.
    pub fn at(text: &str, offset: usize) -> Pos {
        Lines::new(text).pos(offset)
    }
}

/// The line starts of a text, found once, so each position is a binary search (a checker
/// reporting the line of every entry in a 1000-line file would otherwise count lines per entry).
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset of each line's first byte, the first line's (0) included.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character boundary).
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        // The last line starting at or before `offset`; `starts[0] == 0` makes it exist.
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
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
    fn render_is_path_line_column_message_in_the_language() {
        use crate::i18n::Lang;
        let d = Diagnostic::error(
            "x.md",
            Pos { line: 3, column: 5 },
            "empty-field",
            msg("diag.empty-field").arg("field", "ti\u{1b}tle"),
        )
        .with_hint(msg("diag.missing-field_hint").arg("field", "title"));
        assert_eq!(
            d.render(Catalog::get(Lang::En)),
            "x.md:3:5: error: field `ti␛tle` is empty\n  hint: add `title = …` to the front matter; see data/README.md"
        );
        assert_eq!(
            d.render(Catalog::get(Lang::Nl)),
            "x.md:3:5: fout: het veld `ti␛tle` is leeg\n  tip: zet `title = …` bij de gegevens bovenaan; zie data/README.md"
        );
    }

    #[test]
    fn a_key_argument_is_translated_and_a_count_picks_the_plural() {
        use crate::i18n::Lang;
        let m = msg("diag.unknown-value")
            .arg_key("what", "diag.what.phase")
            .arg("value", "x");
        assert_eq!(m.render(Catalog::get(Lang::Nl)), "er is geen fase `x`");
        assert_eq!(m.render(Catalog::get(Lang::En)), "unknown phase `x`");
        let m = msg("diag.readability")
            .arg_decimal("mean", 15.25)
            .arg("longest", 31);
        assert!(
            m.render(Catalog::get(Lang::Nl))
                .contains("gemiddeld 15,2 woorden")
        );
        assert!(
            m.render(Catalog::get(Lang::En))
                .contains("average 15.2 words")
        );
        let cat = Catalog::parse("[t]\nk_one = \"one {w}\"\nk = \"{n} {w}s\"\n");
        let m = msg("t.k").arg("w", "file");
        assert_eq!(m.clone().count(1).render(&cat), "one file");
        assert_eq!(m.count(3).render(&cat), "3 files");
    }
}
