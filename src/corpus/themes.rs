//! `themes.toml`: the five fixed themes, their tag vocabularies, and the content notes.

use super::model::{ContentNote, Theme};
use super::parse::{self, Fields};
use crate::diag::{Diagnostic, Pos, msg};
use serde::Deserialize;
use toml::Spanned;

/// The theme slugs, in display order. Fixed: other tools rely on them.
pub const THEME_SLUGS: [&str; 5] = [
    "armoede-en-schulden",
    "eenzaamheid",
    "thuisloosheid",
    "partnergeweld",
    "gokverslaving",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    theme: Vec<Spanned<RawTheme>>,
    #[serde(default)]
    content_note: Vec<Spanned<RawNote>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    slug: Option<Spanned<String>>,
    name_nl: Option<Spanned<String>>,
    name_en: Option<Spanned<String>>,
    tagline_nl: Option<Spanned<String>>,
    tagline_en: Option<Spanned<String>>,
    description_nl: Option<Spanned<String>>,
    description_en: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    #[serde(default)]
    resources: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    slug: Option<Spanned<String>>,
    name_nl: Option<Spanned<String>>,
    name_en: Option<Spanned<String>>,
}

/// Themes and content notes, with the position of each theme's resource links for later checks.
pub(crate) struct Parsed {
    pub themes: Vec<Theme>,
    pub notes: Vec<ContentNote>,
    pub resource_refs: Vec<(String, Pos)>,
}

/// Parses `themes.toml`; `None` when it cannot be used (the caller falls back to the bundled one).
pub(crate) fn parse(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Parsed> {
    let raw: RawFile = parse::parse_toml(path, text, text, 0, diags)?;
    let mut f = Fields::new(path, text, 0, diags);
    let mut themes = Vec::new();
    let mut resource_refs = Vec::new();
    for t in raw.theme {
        let pos = f.pos(&t);
        let t = t.into_inner();
        let slug = f.slug("slug", t.slug);
        let mut field = |name: &str, v| f.required(name, v).unwrap_or_default();
        let theme = Theme {
            slug: slug.clone().unwrap_or_default(),
            name_nl: field("name_nl", t.name_nl),
            name_en: field("name_en", t.name_en),
            tagline_nl: field("tagline_nl", t.tagline_nl),
            tagline_en: field("tagline_en", t.tagline_en),
            description_nl: field("description_nl", t.description_nl),
            description_en: field("description_en", t.description_en),
            tags: Vec::new(),
            resources: Vec::new(),
        };
        let mut theme = theme;
        for tag in t.tags {
            let tpos = f.pos(&tag);
            let tag = f.text(tag);
            if parse::is_slug(&tag) {
                theme.tags.push(tag);
            } else {
                let m = msg("diag.bad-tag-slug").arg("value", tag);
                f.error(tpos, "bad-id", m, None);
            }
        }
        for r in t.resources {
            let rpos = f.pos(&r);
            let r = f.text(r);
            resource_refs.push((r.clone(), rpos));
            theme.resources.push(r);
        }
        if theme.tags.is_empty() {
            f.error(
                pos,
                "empty-field",
                msg("diag.theme-no-tags").arg("theme", &theme.slug),
                None,
            );
        }
        themes.push((pos, theme));
    }
    let found: Vec<&str> = themes.iter().map(|(_, t)| t.slug.as_str()).collect();
    if found != THEME_SLUGS {
        let pos = themes.first().map_or(Pos::FILE, |(p, _)| *p);
        f.error(
            pos,
            "bad-themes",
            msg("diag.bad-themes")
                .arg("expected", THEME_SLUGS.join(", "))
                .arg("found", found.join(", ")),
            Some(msg("diag.bad-themes_hint")),
        );
    }
    let mut notes = Vec::new();
    for n in raw.content_note {
        let n = n.into_inner();
        let slug = f.slug("slug", n.slug);
        let name_nl = f.required("name_nl", n.name_nl);
        let name_en = f.required("name_en", n.name_en);
        if let (Some(slug), Some(name_nl), Some(name_en)) = (slug, name_nl, name_en) {
            notes.push(ContentNote {
                slug,
                name_nl,
                name_en,
            });
        }
    }
    (f.errors() == 0).then(|| Parsed {
        themes: themes.into_iter().map(|(_, t)| t).collect(),
        notes,
        resource_refs,
    })
}
