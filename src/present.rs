//! Presentation shared by the command line and the terminal app: how a story's byline, its
//! origin, a resource's contact line, a bookmark record and a theme's counts read. Both
//! `commands` and `app`/`ui` import this module, and it imports neither, so they cannot drift
//! apart and the module graph stays a tree.

use crate::bookmarks::{Bookmark, Notice};
use crate::corpus::{Corpus, Doc, Perspective, Resource, Story};
use crate::i18n::{Catalog, Lang};
use crate::sanitize::{sanitize, sanitize_line};
use std::path::Path;

/// The colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// `auto`: chosen by the terminal's background when the terminal tells it (`COLORFGBG`, or
    /// its answer to an OSC 11 query at start-up): `dark` or `light`. When it cannot be told,
    /// the terminal's own colours, with bold, reverse video and underline for emphasis. (The
    /// old name `default` still works.)
    #[default]
    #[value(name = "auto", alias = "default")]
    #[serde(rename = "auto", alias = "default")]
    Default,
    /// Colours for a dark background.
    Dark,
    /// Colours for a light (white) background.
    Light,
    /// Strong contrast on any background: white on black, black on yellow for the selection.
    HighContrast,
    /// No colour at all (selected by `NO_COLOR`).
    Monochrome,
}

/// "Author · themes · told by someone close": the line under a story's title.
pub fn byline(corpus: &Corpus, s: &Story, cat: &Catalog, en: bool) -> String {
    let mut meta: Vec<String> = s.author.iter().cloned().collect();
    let themes: Vec<&str> = s
        .themes
        .iter()
        .filter_map(|t| corpus.theme(t))
        .map(|t| t.name(en))
        .collect();
    meta.push(themes.join(", "));
    if s.perspective == Perspective::Naaste {
        meta.push(cat.t("doc.told_by_naaste").to_owned());
    }
    meta.join(" · ")
}

/// What a story's origin means for a reader ("illustrative story: composed from …").
pub fn origin_label(cat: &Catalog, origin: &str) -> String {
    match origin {
        "illustratief" => cat.t("doc.illustrative").to_owned(),
        "ingezonden" => cat.t("doc.submitted").to_owned(),
        other => other.to_owned(),
    }
}

/// "Name: phone / url" for lists of linked help.
pub fn resource_contact(r: &Resource) -> String {
    let mut parts = vec![r.name.clone()];
    parts.extend(r.phone.iter().cloned());
    parts.extend(r.url.iter().cloned());
    parts.join(" · ")
}

/// "Name: 113 / 0800-0113 (dag en nacht)": a help line with its numbers and hours, as the
/// crisis card, *Hulp nu* and `plein hulp` show it.
pub fn help_line(name: &str, phone: &[String], hours: Option<&str>) -> String {
    let mut line = name.to_owned();
    if !phone.is_empty() {
        line.push_str(": ");
        line.push_str(&phone.join(" / "));
    }
    if let Some(h) = hours {
        line.push_str(&format!(" ({h})"));
    }
    line
}

/// The crisis card as lines of text: the calm sentence for its kind (wrapped to `width`), then
/// each help with its numbers and hours (`  » 113 Zelfmoordpreventie: 113 (dag en nacht)`).
pub fn crisis_card_lines(
    card: &crate::search::crisis::Card,
    cat: &Catalog,
    width: usize,
) -> Vec<String> {
    let key = format!("search.crisis_{}", card.kind.replace('-', "_"));
    let mut out = crate::text::wrap_plain(cat.t(&key), width);
    for h in &card.help {
        out.extend(help_item(
            &help_line(&h.name, &h.phone, h.hours.as_deref()),
            width,
        ));
    }
    out
}

/// "  » line", wrapped to `width` with the rest under the text (a help line in a list).
pub fn help_item(line: &str, width: usize) -> Vec<String> {
    crate::text::wrap_hanging(&format!("» {line}"), width.saturating_sub(2).max(10), 2)
        .into_iter()
        .map(|l| format!("  {l}"))
        .collect()
}

/// Stories that list the theme (main or not), and resources that serve it.
pub fn theme_counts(corpus: &Corpus, slug: &str) -> (usize, usize) {
    let stories = corpus
        .stories
        .iter()
        .filter(|s| s.themes.iter().any(|t| t == slug))
        .count();
    (stories, corpus.resources_in(slug).count())
}

/// A new bookmark for a corpus document, with a snapshot of its title and theme.
pub fn bookmark_for(doc: Doc<'_>, note: &str) -> Bookmark {
    let (id, kind, title, theme) = match doc {
        Doc::Story(s) => (&s.id, "story", &s.title, s.main_theme()),
        Doc::Resource(r) => (
            &r.id,
            "resource",
            &r.name,
            r.themes.first().map_or("", String::as_str),
        ),
    };
    Bookmark {
        id: id.clone(),
        kind: kind.into(),
        title: title.clone(),
        theme: theme.into(),
        note: sanitize(note).into_owned(),
        created: 0,
        updated: 0,
    }
}

/// "verhaal · Armoede en schulden": what a bookmark is and its theme, in the UI language.
pub fn kind_and_theme(b: &Bookmark, corpus: &Corpus, lang: Lang) -> String {
    let cat = Catalog::get(lang);
    let kind = cat.t(if b.kind == "story" {
        "kind.story"
    } else {
        "kind.resource"
    });
    let theme = corpus
        .theme(&b.theme)
        .map(|t| t.name(lang.is_english()))
        .unwrap_or_default();
    [kind, theme]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The words for a bookmark store notice, in the UI language.
pub fn notice_text(notice: &Notice, cat: &Catalog) -> String {
    match notice {
        Notice::SessionOnly { dir, reason } => cat.f(
            "bookmarks.session_only",
            &[
                ("dir", &shown_path(dir)),
                ("reason", &sanitize_line(reason)),
            ],
        ),
        Notice::Quarantined { moved_to } => {
            cat.f("bookmarks.quarantined", &[("path", &shown_path(moved_to))])
        }
        Notice::Newer { path } => cat.f("bookmarks.newer", &[("path", &shown_path(path))]),
    }
}

/// A path as one inert line, for messages.
pub fn shown_path(p: &Path) -> String {
    sanitize_line(&p.display().to_string()).into_owned()
}
