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
    now: crate::hours::Now,
    cat: &Catalog,
    width: usize,
) -> Vec<String> {
    let key = format!("search.crisis_{}", card.kind.replace('-', "_"));
    let mut out = crate::text::wrap_plain(cat.t(&key), width);
    for h in &card.help {
        out.extend(help_item(&card_help_line(h, now, cat), width));
    }
    out
}

/// A resource's help line in a list: "name: numbers (nu open tot 17:00)", the hours in words
/// when it has no structured ones.
pub fn resource_help_line(r: &Resource, now: crate::hours::Now, cat: &Catalog) -> String {
    help_line(&r.name, &r.phone, hours_text(r, now, cat).as_deref())
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

/// When a resource can be reached, for `now`: "nu open tot 17:00" from its structured opening
/// hours, else its hours in words; `None` when it has neither.
pub fn hours_text(r: &Resource, now: crate::hours::Now, cat: &Catalog) -> Option<String> {
    r.opening_hours
        .as_ref()
        .and_then(|h| h.status(now).render(cat))
        .or_else(|| r.hours.clone())
}

/// What marks a resource in a list: "in de buurt: Voorbeeldstad" for local ones, "voorbeeld"
/// for examples; empty for the others.
pub fn local_marks(r: &Resource, cat: &Catalog) -> Vec<String> {
    let mut marks = Vec::new();
    if r.local {
        marks.push(match &r.place {
            Some(place) => cat.f("local.nearby_in", &[("place", place)]),
            None => cat.t("local.nearby").to_owned(),
        });
    }
    if r.example {
        marks.push(cat.t("local.example").to_owned());
    }
    marks
}

/// "laatst gecontroleerd: november 2025 — bel even om het te checken" when the resource's facts
/// were checked more than 12 months before `now`.
pub fn stale_text(r: &Resource, now: crate::hours::Now, cat: &Catalog) -> Option<String> {
    r.is_stale(now.date()).then(|| {
        let key = format!("month.{}", r.checked.month);
        let date = format!("{} {}", cat.t(&key), r.checked.year);
        cat.f("local.stale", &[("date", &date)])
    })
}

/// A crisis card's help line: "name: numbers (nu open tot 9:00) · in de buurt: plaats" (the
/// number before the place, so a narrow screen keeps it).
pub fn card_help_line(
    h: &crate::search::crisis::CardResource,
    now: crate::hours::Now,
    cat: &Catalog,
) -> String {
    let mut line = h.name.clone();
    if !h.phone.is_empty() {
        line.push_str(": ");
        line.push_str(&h.phone.join(" / "));
    }
    let hours = h
        .opening_hours
        .as_ref()
        .and_then(|o| o.status(now).render(cat))
        .or_else(|| h.hours.clone());
    if let Some(hours) = hours {
        line.push_str(&format!(" ({hours})"));
    }
    if h.local {
        let mark = match &h.place {
            Some(place) => cat.f("local.nearby_in", &[("place", place)]),
            None => cat.t("local.nearby").to_owned(),
        };
        line.push_str(&format!(" · {mark}"));
    }
    if h.example {
        line.push_str(&format!(" · {}", cat.t("local.example")));
    }
    line
}

/// The visit lines of a resource after its phone and web address, as (label, text): address,
/// walk-in hours, and when it can be reached (open now, or the hours in words).
pub fn visit_lines(
    r: &Resource,
    now: crate::hours::Now,
    cat: &Catalog,
) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(a) = &r.address {
        out.push(("local.address", a.clone()));
    }
    if let Some(w) = &r.walk_in {
        out.push(("local.walk_in", w.clone()));
    }
    if let Some(h) = hours_text(r, now, cat) {
        out.push(("doc.hours", h));
    }
    out
}
