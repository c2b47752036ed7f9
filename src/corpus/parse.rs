//! Turning a corpus file's bytes into checked text: decoding, front matter, typed fields.
//!
//! Every problem becomes a [`Diagnostic`] with the file, line and column; parsing goes on after a
//! problem wherever it can, so `plein check` reports them all at once.

use super::source::File;
use crate::diag::{Diagnostic, Lines, Message, Pos, msg};
use crate::sanitize::{any_needs_sanitizing, is_forbidden_in_text, sanitize};
use toml::Spanned;

/// Decodes a file to text: UTF-8 checked, BOM dropped, CRLF made LF, control characters reported
/// and neutralised. `None` when the file cannot be used at all.
pub(crate) fn decode(file: File, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let bytes = match file.bytes {
        Ok(b) => b,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let pos = Pos::at(&prefix, prefix.len());
            diags.push(
                Diagnostic::error(&file.display, pos, "invalid-utf8", msg("diag.invalid-utf8"))
                    .with_hint(msg("diag.invalid-utf8_hint")),
            );
            return None;
        }
    };
    // In place where nothing changes: the common case is one scan of the bytes and no copy.
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    if !any_needs_sanitizing(&text) {
        return Some(text);
    }
    for (offset, c) in text
        .char_indices()
        .filter(|(_, c)| is_forbidden_in_text(*c))
    {
        diags.push(
            Diagnostic::error(
                &file.display,
                Pos::at(&text, offset),
                "control-character",
                msg("diag.control-character").arg("char", format!("U+{:04X}", c as u32)),
            )
            .with_hint(msg("diag.control-character_hint")),
        );
    }
    Some(sanitize(&text).into_owned())
}

/// A document split into TOML front matter and Markdown body, with their byte offsets.
pub(crate) struct Document<'a> {
    pub toml: &'a str,
    pub toml_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Splits `+++` front matter from the body.
pub(crate) fn split<'t>(
    path: &str,
    text: &'t str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Document<'t>> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        diags.push(
            Diagnostic::error(
                path,
                Pos::FILE,
                "no-front-matter",
                msg("diag.no-front-matter"),
            )
            .with_hint(msg("diag.no-front-matter_hint")),
        );
        return None;
    };
    let toml_offset = 4;
    let (end, body_offset) = if let Some(i) = rest.find("\n+++\n") {
        (i + 1, i + 5)
    } else if rest.ends_with("\n+++") {
        (rest.len() - 3, rest.len())
    } else if rest.starts_with("+++\n") {
        (0, 4)
    } else {
        diags.push(
            Diagnostic::error(
                path,
                Pos::FILE,
                "unclosed-front-matter",
                msg("diag.unclosed-front-matter"),
            )
            .with_hint(msg("diag.unclosed-front-matter_hint")),
        );
        return None;
    };
    Some(Document {
        toml: &rest[..end],
        toml_offset,
        body: rest.get(body_offset..).unwrap_or(""),
        body_offset: toml_offset + body_offset,
    })
}

/// Parses TOML into `T`, reporting a syntax or type error at its position.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &str,
    full_text: &str,
    toml_text: &str,
    offset: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    match toml::from_str::<T>(toml_text) {
        Ok(v) => Some(v),
        Err(e) => {
            let pos = e
                .span()
                .map_or(Pos::FILE, |s| Pos::at(full_text, offset + s.start));
            let message = e.message().trim().replace('\n', " ");
            diags.push(
                Diagnostic::error(
                    path,
                    pos,
                    "bad-toml",
                    toml_cause(&message)
                        .unwrap_or_else(|| msg("diag.bad-toml").arg("detail", message)),
                )
                .with_hint(msg("diag.bad-toml_hint")),
            );
            None
        }
    }
}

/// The toml parser's English message as a sentence of our own, in the UI language, for the
/// mistakes curators make; `None` for the rest (then the parser's text is quoted, in English only).
fn toml_cause(message: &str) -> Option<Message> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, rest) = rest.split_once('`')?;
        let allowed = rest
            .split_once("expected one of ")
            .map_or(String::new(), |(_, list)| list.replace('`', ""));
        return Some(
            msg("diag.toml-unknown-field")
                .arg("field", field)
                .arg("allowed", allowed),
        );
    }
    if message.starts_with("invalid type:") {
        let key = if message.ends_with("expected a string") {
            "diag.toml-want-text"
        } else if message.ends_with("expected a sequence") {
            "diag.toml-want-list"
        } else {
            "diag.toml-wrong-type"
        };
        return Some(msg(key));
    }
    let key = match message {
        m if m.starts_with("duplicate key") => "diag.toml-duplicate-key",
        m if m.starts_with("invalid basic string") => "diag.toml-unclosed-string",
        m if m.starts_with("key with no value") => "diag.toml-no-value",
        m if m.starts_with("unclosed array") => "diag.toml-unclosed-list",
        m if m.starts_with("string values must be quoted") => "diag.toml-unquoted",
        _ => return None,
    };
    Some(msg(key))
}

/// Checks the fields of one document, collecting diagnostics with positions.
pub(crate) struct Fields<'a> {
    pub path: &'a str,
    /// The lines of the whole text, indexed on the first position asked for.
    lines: std::cell::OnceCell<Lines<'a>>,
    text: &'a str,
    offset: usize,
    pub diags: &'a mut Vec<Diagnostic>,
    errors: usize,
}

impl<'a> Fields<'a> {
    pub fn new(
        path: &'a str,
        text: &'a str,
        offset: usize,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Fields {
            path,
            lines: std::cell::OnceCell::new(),
            text,
            offset,
            diags,
            errors: 0,
        }
    }

    /// Errors reported through this checker (control characters excepted: they do not skip).
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// The position of a span of the front matter.
    pub fn pos<T>(&self, s: &Spanned<T>) -> Pos {
        self.lines
            .get_or_init(|| Lines::new(self.text))
            .pos(self.offset + s.span().start)
    }

    /// Reports an error that skips the document.
    pub fn error(&mut self, pos: Pos, code: &'static str, message: Message, hint: Option<Message>) {
        self.errors += 1;
        let mut d = Diagnostic::error(self.path, pos, code, message);
        d.hint = hint.map(Box::new);
        self.diags.push(d);
    }

    /// Reports a warning.
    pub fn warning(
        &mut self,
        pos: Pos,
        code: &'static str,
        message: Message,
        hint: Option<Message>,
    ) {
        let mut d = Diagnostic::warning(self.path, pos, code, message);
        d.hint = hint.map(Box::new);
        self.diags.push(d);
    }

    /// A string field, sanitized; TOML escapes that make control characters are reported.
    pub fn text(&mut self, s: Spanned<String>) -> String {
        let pos = self.pos(&s);
        let value = s.into_inner();
        if let Some(c) = value.chars().find(|c| is_forbidden_in_text(*c)) {
            self.diags.push(
                Diagnostic::error(
                    self.path,
                    pos,
                    "control-character",
                    msg("diag.control-character").arg("char", format!("U+{:04X}", c as u32)),
                )
                .with_hint(msg("diag.control-character-escape_hint")),
            );
        }
        sanitize(&value).into_owned()
    }

    /// A required, non-empty string field.
    pub fn required(&mut self, name: &str, v: Option<Spanned<String>>) -> Option<String> {
        match v {
            None => {
                self.missing(name);
                None
            }
            Some(s) if s.get_ref().trim().is_empty() => {
                let pos = self.pos(&s);
                let m = msg("diag.empty-field").arg("field", name);
                self.error(pos, "empty-field", m, None);
                None
            }
            Some(s) => Some(self.text(s).trim().to_owned()),
        }
    }

    /// An optional string field; an empty value counts as absent.
    pub fn optional(&mut self, v: Option<Spanned<String>>) -> Option<String> {
        let s = self.text(v?);
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    }

    /// Reports a missing required field.
    pub fn missing(&mut self, name: &str) {
        self.error(
            Pos::FILE,
            "missing-field",
            msg("diag.missing-field").arg("field", name),
            Some(msg("diag.missing-field_hint").arg("field", name)),
        );
    }

    /// A slug field (`a-z`, `0-9`, `-`).
    pub fn slug(&mut self, name: &str, v: Option<Spanned<String>>) -> Option<String> {
        let pos = v.as_ref().map(|s| self.pos(s));
        let s = self.required(name, v)?;
        if is_slug(&s) {
            Some(s)
        } else {
            self.error(
                pos.unwrap_or(Pos::FILE),
                "bad-id",
                msg("diag.bad-id").arg("value", &s).arg("field", name),
                Some(msg("diag.bad-id_hint").arg("example", slugify(&s))),
            );
            None
        }
    }

    /// A list of values that must each be one of `allowed`; unknown ones are reported.
    pub fn vocabulary(
        &mut self,
        values: Vec<Spanned<String>>,
        allowed: &[&str],
        what: &'static str,
        code: &'static str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for v in values {
            let pos = self.pos(&v);
            let s = self.text(v);
            if allowed.contains(&s.as_str()) {
                if !out.contains(&s) {
                    out.push(s);
                }
            } else {
                let hint = match closest(&s, allowed) {
                    Some(c) => msg("diag.unknown-value_hint_closest").arg("closest", c),
                    None => msg("diag.unknown-value_hint"),
                }
                .arg("allowed", allowed.join(", "));
                let m = msg("diag.unknown-value")
                    .arg_key("what", what)
                    .arg("value", s);
                self.error(pos, code, m, Some(hint));
            }
        }
        out
    }
}

/// True for `a-z0-9` words joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A slug made from any text, for hints.
pub fn slugify(s: &str) -> String {
    let folded: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    folded
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The allowed value nearest to `s` (edit distance ≤ 3), for "did you mean" hints.
pub fn closest<'v>(s: &str, allowed: &[&'v str]) -> Option<&'v str> {
    allowed
        .iter()
        .map(|a| (edit_distance(s, a), *a))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, a)| a)
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_front_matter_and_body_offsets() {
        let text = "+++\nid = \"x\"\n+++\nBody\n";
        let mut d = Vec::new();
        let doc = split("f", text, &mut d).expect("splits");
        assert_eq!(doc.toml, "id = \"x\"\n");
        assert_eq!(doc.body, "Body\n");
        assert_eq!(&text[doc.body_offset..], "Body\n");
        let closed_at_end = split("f", "+++\nid = 1\n+++", &mut d).expect("splits");
        assert_eq!((closed_at_end.toml, closed_at_end.body), ("id = 1\n", ""));
        assert!(d.is_empty());
    }

    #[test]
    fn common_toml_mistakes_become_our_own_sentences() {
        let m = toml_cause("unknown field `foo`, expected one of `id`, `title`").expect("mapped");
        assert_eq!(m.key, "diag.toml-unknown-field");
        assert!(m.has_arg("field", "foo") && m.has_arg("allowed", "id, title"));
        for (text, key) in [
            (
                "invalid type: integer `1`, expected a string",
                "diag.toml-want-text",
            ),
            (
                "invalid type: string \"a\", expected a sequence",
                "diag.toml-want-list",
            ),
            (
                "invalid type: string \"a\", expected a boolean",
                "diag.toml-wrong-type",
            ),
            ("duplicate key", "diag.toml-duplicate-key"),
            (
                "invalid basic string, expected `\"`",
                "diag.toml-unclosed-string",
            ),
            ("key with no value, expected `=`", "diag.toml-no-value"),
            ("unclosed array, expected `]`", "diag.toml-unclosed-list"),
            (
                "string values must be quoted, expected literal string",
                "diag.toml-unquoted",
            ),
        ] {
            assert_eq!(toml_cause(text).map(|m| m.key), Some(key), "{text}");
        }
        assert!(toml_cause("something new").is_none());
    }

    #[test]
    fn slugs_and_distances() {
        assert!(is_slug("veilig-thuis-2"));
        assert!(!is_slug("Veilig thuis") && !is_slug("a--b") && !is_slug("-a"));
        assert_eq!(slugify("Elke envelop, een klap!"), "elke-envelop-een-klap");
        assert_eq!(edit_distance("schaamte", "schamte"), 1);
        assert_eq!(
            closest("eenzaamhied", &["eenzaamheid", "gokverslaving"]),
            Some("eenzaamheid")
        );
    }
}
