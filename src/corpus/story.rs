//! A story file: front matter fields checked against the themes, then the Markdown body.

use super::Vocabulary;
use super::model::{Narrator, PHASES, Perspective, Story};
use super::parse::{self, Fields};
use super::source::{File, read_limited};
use crate::diag::{Diagnostic, Pos, msg};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    themes: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    perspective: Option<Spanned<String>>,
    #[serde(default)]
    phases: Vec<Spanned<String>>,
    content_notes: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    resources: Vec<Spanned<String>>,
    origin: Option<Spanned<String>>,
    consent: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    author: Option<Spanned<String>>,
    narrator: Option<RawNarrator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNarrator {
    age: Option<Spanned<i64>>,
    gender: Option<Spanned<String>>,
    setting: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
    migration: Option<bool>,
}

/// A story's body read again from its file (see [`super::Body::File`]): decoded, sanitized and
/// trimmed as when the corpus was loaded. The error says why when the file can no longer be
/// read, has lost its front matter or its text.
pub(crate) fn read_body(file: &Path, display: &str) -> Result<String, Diagnostic> {
    let mut diags = Vec::new();
    let file = File {
        rel: String::new(),
        display: display.to_owned(),
        bytes: read_limited(file, 0, display),
        stamp: 0,
        deferred: None,
    };
    let first_error = |diags: Vec<Diagnostic>| {
        let fallback =
            || Diagnostic::error(display, Pos::FILE, "empty-body", msg("diag.empty-body"));
        diags
            .into_iter()
            .find(Diagnostic::is_error)
            .unwrap_or_else(fallback)
    };
    let Some(text) = parse::decode(file, &mut diags) else {
        return Err(first_error(diags));
    };
    let Some(doc) = parse::split(display, &text, &mut diags) else {
        return Err(first_error(diags));
    };
    let body = doc.body.trim();
    if body.is_empty() {
        return Err(first_error(Vec::new()));
    }
    Ok(body.to_owned())
}

/// The curator's review aid for a story someone wrote in plein: what could identify someone,
/// and what the corpus quality checks would ask, as warnings (the curator edits, then ships).
fn review_submitted(f: &mut Fields<'_>, text: &str, body_offset: usize, body: &str) {
    let lead = text[body_offset..].len() - text[body_offset..].trim_start().len();
    for found in crate::privacy::scan(body, &std::collections::HashSet::new()) {
        f.warning(
            Pos::at(text, body_offset + lead + found.range.start),
            "privacy",
            msg("diag.privacy")
                .arg("text", &found.text)
                .arg_key("kind", pii_word(found.kind)),
            Some(msg("diag.privacy_hint").arg("placeholder", found.kind.placeholder())),
        );
    }
    let r = crate::quality::readability(body);
    if r.mean_sentence > 14.0 || r.longest_sentence > 30 {
        f.warning(
            Pos::at(text, body_offset + lead),
            "readability",
            msg("diag.readability")
                .arg_decimal("mean", r.mean_sentence)
                .arg("longest", r.longest_sentence),
            Some(msg("diag.readability_hint")),
        );
    }
    for (note, word) in crate::quality::triggered_notes(body) {
        f.warning(
            Pos::at(text, body_offset + lead),
            "content-note",
            msg("diag.content-note").arg("note", note).arg("word", word),
            Some(msg("diag.content-note_hint").arg("note", note)),
        );
    }
}

/// The word for what the privacy scan found, as a catalog key.
fn pii_word(kind: crate::privacy::Kind) -> &'static str {
    use crate::privacy::Kind;
    match kind {
        Kind::Email => "diag.pii.email",
        Kind::Phone => "diag.pii.phone",
        Kind::Iban => "diag.pii.iban",
        Kind::Postcode => "diag.pii.postcode",
        Kind::Address => "diag.pii.address",
        Kind::Bsn => "diag.pii.bsn",
        Kind::Date => "diag.pii.date",
        Kind::Name => "diag.pii.name",
    }
}

/// A parsed story plus what the corpus-wide checks need: its resource links with positions.
pub(crate) struct Parsed {
    pub story: Story,
    pub id_pos: Pos,
    pub resource_refs: Vec<(String, Pos)>,
}

/// Parses and checks one story file. Returns the story and whether it had errors.
pub(crate) fn parse(
    path: &str,
    rel: &str,
    text: &str,
    vocab: &Vocabulary,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Parsed, bool)> {
    let doc = parse::split(path, text, diags)?;
    let raw: RawStory = parse::parse_toml(path, text, doc.toml, doc.toml_offset, diags)?;
    let mut f = Fields::new(path, text, doc.toml_offset, diags);

    let id_pos = raw.id.as_ref().map(|s| f.pos(s)).unwrap_or(Pos::FILE);
    let id = f.slug("id", raw.id);
    let title = f.required("title", raw.title);
    let summary = f.required("summary", raw.summary);

    let themes = match raw.themes {
        None => {
            f.missing("themes");
            Vec::new()
        }
        Some(list) => {
            let pos = f.pos(&list);
            let themes = f.vocabulary(
                list.into_inner(),
                &vocab.theme_slugs(),
                "diag.what.theme",
                "unknown-theme",
            );
            if themes.is_empty() {
                f.error(pos, "empty-field", msg("diag.empty-themes"), None);
            }
            themes
        }
    };
    let allowed_tags = vocab.tags_for(&themes);
    let tags = f.vocabulary(raw.tags, &allowed_tags, "diag.what.tag", "unknown-tag");

    let perspective = match raw.perspective {
        None => {
            f.missing("perspective");
            None
        }
        Some(p) => {
            let pos = f.pos(&p);
            let s = f.text(p);
            let found = Perspective::from_slug(&s);
            if found.is_none() {
                f.error(
                    pos,
                    "unknown-perspective",
                    msg("diag.unknown-perspective").arg("value", s),
                    Some(msg("diag.unknown-perspective_hint")),
                );
            }
            found
        }
    };
    let phases = f.vocabulary(raw.phases, &PHASES, "diag.what.phase", "unknown-phase");
    let content_notes = match raw.content_notes {
        Some(list) => f.vocabulary(
            list,
            &vocab.note_slugs(),
            "diag.what.content-note",
            "unknown-content-note",
        ),
        None => {
            f.error(
                Pos::FILE,
                "missing-field",
                msg("diag.missing-field").arg("field", "content_notes"),
                Some(msg("diag.missing-content-notes_hint")),
            );
            Vec::new()
        }
    };
    let mut resource_refs = Vec::new();
    let mut resources = Vec::new();
    for r in raw.resources {
        let pos = f.pos(&r);
        let r = f.text(r);
        resource_refs.push((r.clone(), pos));
        resources.push(r);
    }
    let origin_pos = raw.origin.as_ref().map(|o| f.pos(o));
    let origin = f.required("origin", raw.origin);
    let consent = f.optional(raw.consent);
    if origin.as_deref() == Some("ingezonden")
        && consent.is_none()
        && let Some(pos) = origin_pos
    {
        f.error(
            pos,
            "no-consent",
            msg("diag.no-consent"),
            Some(msg("diag.no-consent_hint")),
        );
    }
    let lang = f.required("lang", raw.lang);
    let author = f.optional(raw.author);
    let narrator = raw
        .narrator
        .map(|n| narrator(&mut f, n))
        .unwrap_or_default();

    let body = doc.body.trim();
    if body.is_empty() {
        f.error(
            Pos::at(text, doc.body_offset),
            "empty-body",
            msg("diag.empty-body"),
            None,
        );
    }
    if origin.as_deref() == Some("ingezonden") {
        review_submitted(&mut f, text, doc.body_offset, body);
    }
    if let (Some(id), Some(main)) = (&id, themes.first()) {
        let expected = format!("stories/{main}/{id}.md");
        if rel != expected {
            f.warning(
                id_pos,
                "misplaced-file",
                msg("diag.misplaced-file").arg("expected", expected),
                Some(msg("diag.misplaced-file_hint")),
            );
        }
    }
    let had_errors = f.errors() > 0;
    let story = Story {
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        themes,
        tags,
        perspective: perspective.unwrap_or(Perspective::Zelf),
        phases,
        content_notes,
        resources,
        origin: origin.unwrap_or_default(),
        consent,
        lang: lang.unwrap_or_default(),
        author,
        narrator,
        body: body.to_owned().into(),
        path: path.to_owned(),
    };
    Some((
        Parsed {
            story,
            id_pos,
            resource_refs,
        },
        had_errors,
    ))
}

fn narrator(f: &mut Fields<'_>, n: RawNarrator) -> Narrator {
    let age = n.age.and_then(|a| {
        let pos = f.pos(&a);
        match u8::try_from(*a.get_ref()) {
            Ok(v) if (1..=120).contains(&v) => Some(v),
            _ => {
                f.error(
                    pos,
                    "bad-value",
                    msg("diag.bad-age").arg("value", a.get_ref()),
                    None,
                );
                None
            }
        }
    });
    let mut choice = |v: Option<Spanned<String>>, allowed: &[&str], what: &'static str| {
        let v = v?;
        f.vocabulary(vec![v], allowed, what, "bad-value").pop()
    };
    let gender = choice(
        n.gender,
        &["vrouw", "man", "non-binair"],
        "diag.what.narrator-gender",
    );
    let setting = choice(n.setting, &["stad", "dorp"], "diag.what.narrator-setting");
    let region = f.optional(n.region);
    Narrator {
        age,
        gender,
        setting,
        region,
        migration: n.migration,
    }
}
