//! Each screen of the app as numbered lines of plain text: what the full-screen views draw,
//! from the same state and the same presentation (`present`, the reader's layout), without
//! colour, cursor moves or redraws.

use crate::app::{App, HomeItem, View, crisis_resources, home_items, theme_items};
use crate::corpus::DocRef;
use crate::i18n::Catalog;
use crate::search::Kind;
use crate::text::{wrap_hanging, wrap_plain};

/// Home's items in plain mode: the menu without *Deel je ervaring* (a form that needs the
/// full-screen app), so the numbers shown are these, in order.
pub fn home_menu(app: &App) -> Vec<(usize, HomeItem)> {
    home_items(&app.corpus)
        .into_iter()
        .enumerate()
        .filter(|(_, i)| *i != HomeItem::Share)
        .collect()
}

/// The place a screen is, as its header line names it.
pub fn place(app: &App) -> String {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    match app.view() {
        View::Home { .. } => cat.t("ui.home").to_owned(),
        View::Theme { slug, .. } => app
            .corpus
            .theme(slug)
            .map_or(String::new(), |t| t.name(en).to_owned()),
        View::Crisis { .. } => cat.t("ui.crisis_title").to_owned(),
        View::Search { .. } => cat.t("ui.search_title").to_owned(),
        View::Bookmarks { .. } | View::Note { .. } => cat.t("ui.bookmarks_title").to_owned(),
        View::Slip { .. } => cat.t("ui.slip_title").to_owned(),
        View::Share { .. } => cat.t("ui.share_title").to_owned(),
        View::Gate { .. } | View::Reader { .. } | View::Qr { .. } => cat.t("ui.reading").to_owned(),
    }
}

/// An item: "N. first line", the rest under it, and an indented second line.
fn item(out: &mut Vec<String>, n: usize, first: &str, second: Option<&str>, width: usize) {
    let head = format!("{n}. ");
    let indent = head.chars().count();
    out.extend(wrap_hanging(&format!("{head}{first}"), width, indent));
    if let Some(s) = second.filter(|s| !s.is_empty()) {
        let pad = " ".repeat(indent);
        out.extend(
            wrap_plain(s, width.saturating_sub(indent).max(10))
                .into_iter()
                .map(|l| format!("{pad}{l}")),
        );
    }
}

/// " (bewaard)" after a bookmarked item, so it is heard, not only seen as a star.
fn mark(app: &App, id: &str) -> String {
    if app.bookmarks.contains(id) {
        format!(" {}", Catalog::get(app.lang).t("plain.saved_mark"))
    } else {
        String::new()
    }
}

/// The lines of the screen on top (the reader excepted, which is paged: see `doc_lines`).
pub fn screen(app: &App, width: usize) -> Vec<String> {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    let c = &app.corpus;
    let mut out = Vec::new();
    match app.view() {
        View::Home { .. } => {
            out.push(cat.t("ui.welcome").to_owned());
            out.extend(wrap_plain(cat.t("ui.intro"), width));
            out.push(String::new());
            for (n, (_, it)) in home_menu(app).into_iter().enumerate() {
                let (first, second) = match it {
                    HomeItem::Theme(i) => {
                        let t = &c.themes[i];
                        let (stories, _) = crate::present::theme_counts(c, &t.slug);
                        let tagline = if en { &t.tagline_en } else { &t.tagline_nl };
                        let first = format!("{} ({})", t.name(en), cat.n("cli.stories", stories));
                        (first, tagline.clone())
                    }
                    HomeItem::Search => (
                        cat.t("ui.search_title").to_owned(),
                        cat.t("ui.search_tagline").to_owned(),
                    ),
                    HomeItem::Bookmarks => (
                        format!(
                            "{} ({})",
                            cat.t("ui.bookmarks_title"),
                            cat.n("ui.bookmarks_count", app.bookmarks.items.len())
                        ),
                        cat.t("ui.bookmarks_tagline").to_owned(),
                    ),
                    HomeItem::Share => continue,
                    HomeItem::Crisis => (
                        cat.t("ui.crisis_title").to_owned(),
                        cat.t("ui.crisis_tagline").to_owned(),
                    ),
                };
                item(&mut out, n + 1, &first, Some(&second), width);
            }
        }
        View::Theme { slug, filter, .. } => {
            out.push(place(app));
            if let Some(t) = c.theme(slug) {
                let desc = if en {
                    &t.description_en
                } else {
                    &t.description_nl
                };
                out.extend(wrap_plain(desc, width));
            }
            out.push(String::new());
            for (n, d) in theme_items(c, slug, filter).into_iter().enumerate() {
                match d {
                    DocRef::Story(i) => {
                        let s = &c.stories[i];
                        let first = format!("{}{}", s.title, mark(app, &s.id));
                        item(&mut out, n + 1, &first, Some(&s.summary), width);
                    }
                    DocRef::Resource(i) => {
                        let r = &c.resources[i];
                        let line = crate::present::resource_help_line(r, app.now, cat);
                        let first = format!("{}: {line}{}", cat.t("doc.help"), mark(app, &r.id));
                        let second = local_summary(r, cat);
                        item(&mut out, n + 1, &first, Some(&second), width);
                    }
                }
            }
        }
        View::Crisis { .. } => {
            out.push(place(app));
            out.extend(wrap_plain(cat.t("ui.crisis_intro"), width));
            out.push(String::new());
            for (n, i) in crisis_resources(c).into_iter().enumerate() {
                let r = &c.resources[i];
                let first = crate::present::resource_help_line(r, app.now, cat);
                let second = local_summary(r, cat);
                item(&mut out, n + 1, &first, Some(&second), width);
            }
        }
        View::Search { .. } => search(app, width, &mut out),
        View::Gate { id } => {
            out.push(place(app));
            if let Some(crate::corpus::Doc::Story(s)) = c.get(id) {
                out.extend(wrap_plain(&s.title, width));
                let notes: Vec<String> = s
                    .content_notes
                    .iter()
                    .map(|n| c.content_note_label(n, en))
                    .collect();
                out.push(String::new());
                let text = cat.f("ui.gate_notes", &[("notes", &notes.join(", "))]);
                out.extend(wrap_plain(&text, width));
                out.extend(wrap_plain(cat.t("plain.gate_question"), width));
            }
        }
        View::Bookmarks { .. } => bookmarks(app, width, &mut out),
        _ => {
            out.push(place(app));
            out.extend(wrap_plain(cat.t("plain.not_here"), width));
        }
    }
    out
}

fn search(app: &App, width: usize, out: &mut Vec<String>) {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    let Some(results) = &app.search.results else {
        out.push(place(app));
        out.extend(wrap_plain(cat.t("ui.search_hint"), width));
        return;
    };
    // The crisis card stands first, before anything else on the screen.
    if let Some(card) = &results.crisis {
        out.extend(crate::present::crisis_card_lines(card, app.now, cat, width));
        out.extend(wrap_plain(cat.t("plain.card_more"), width));
        out.push(String::new());
    }
    out.push(place(app));
    if results.hits.is_empty() {
        out.extend(wrap_plain(
            &cat.f("search.no_hits", &[("query", &results.query)]),
            width,
        ));
    } else {
        let a: [(&str, &dyn std::fmt::Display); 2] =
            [("total", &results.total), ("query", &results.query)];
        out.extend(wrap_plain(&cat.f("search.hits", &a), width));
    }
    out.push(String::new());
    for (n, hit) in results.hits.iter().enumerate() {
        let kind = cat.t(if hit.kind == Kind::Story {
            "kind.story"
        } else {
            "kind.resource"
        });
        let mut meta = match app.corpus.theme(&hit.theme) {
            Some(t) => format!("{kind} · {}", t.name(en)),
            None => kind.to_owned(),
        };
        // A resource's place and whether it is open now, as on the full screen.
        if let Some(r) = app.corpus.resource(&hit.id) {
            if let Some(h) = r.opening_hours.as_ref() {
                meta.extend(h.status(app.now).render(cat).map(|s| format!(" · {s}")));
            }
            for m in crate::present::local_marks(r, cat) {
                meta.push_str(&format!(" · {m}"));
            }
        }
        let first = format!("{} ({meta}){}", hit.title, mark(app, &hit.id));
        let indent = format!("{}. ", n + 1).chars().count();
        let room = width.saturating_sub(indent).max(10);
        let snippet = hit.snippet.window(2 * room - 2).marked("*", "*");
        item(out, n + 1, &first, Some(&snippet), width);
    }
    if let Some(s) = &results.suggestion {
        out.extend(wrap_plain(
            &cat.f("search.did_you_mean", &[("suggestion", s)]),
            width,
        ));
    }
    if results.hits.is_empty() {
        out.extend(wrap_plain(cat.t("plain.try"), width));
        out.push(String::new());
        out.push(cat.t("search.help_now").to_owned());
        for h in crate::search::crisis::help_now() {
            let line = crate::present::card_help_line(&h, app.now, cat);
            out.extend(crate::present::help_item(&line, width));
        }
    }
}

fn bookmarks(app: &App, width: usize, out: &mut Vec<String>) {
    let cat = Catalog::get(app.lang);
    let c = &app.corpus;
    let b = &app.bookmarks;
    out.push(place(app));
    if let Some(n) = &b.notice {
        out.extend(wrap_plain(n, width));
    } else if !b.kept {
        out.extend(wrap_plain(cat.t("ui.bookmarks_session_only"), width));
    }
    if b.items.is_empty() {
        out.extend(wrap_plain(cat.t("plain.bookmarks_empty"), width));
        return;
    }
    out.push(cat.n("ui.bookmarks_count", b.items.len()));
    out.push(String::new());
    let themes: Vec<String> = c.themes.iter().map(|t| t.slug.clone()).collect();
    for (n, bm) in b.shown(&themes).into_iter().enumerate() {
        let what = crate::present::kind_and_theme(bm, c, app.lang);
        let mut first = format!("{} ({what})", bm.title);
        if c.get(&bm.id).is_none() {
            first.push_str(&format!(", {}", cat.t("bookmarks.gone")));
        }
        let note = bm.note.lines().next().unwrap_or_default().trim().to_owned();
        item(out, n + 1, &first, Some(&note), width);
    }
}

/// A document as the reader lays it out (title, byline, text, links), as plain lines.
pub fn doc_lines(app: &App, id: &str) -> Vec<String> {
    app.layout(id)
        .lines
        .iter()
        .map(|l| {
            let text: String = l.iter().map(|(t, _)| t.as_str()).collect();
            text.trim_end().to_owned()
        })
        .collect()
}

/// A resource's summary, after "in de buurt: plaats · voorbeeld" for local help.
fn local_summary(r: &crate::corpus::Resource, cat: &Catalog) -> String {
    let marks = crate::present::local_marks(r, cat);
    if marks.is_empty() {
        r.summary.clone()
    } else {
        format!("{} — {}", marks.join(" · "), r.summary)
    }
}
