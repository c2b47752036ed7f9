//! Home, a theme's list and *Hulp nu*: a few header lines, then items of one or two lines,
//! scrolled so the selection stays in view.

use super::{Palette, Role};
use crate::app::{App, HomeItem, View, crisis_resources, home_items, theme_items};
use crate::corpus::DocRef;
use crate::i18n::Catalog;
use crate::present::theme_counts as themes_counts;
use crate::text::{truncate, wrap_plain};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

struct Item {
    first: Vec<(String, Role)>,
    second: Option<(String, Role)>,
}

struct Screen {
    header: Vec<(String, Role)>,
    items: Vec<Item>,
    selected: usize,
}

/// Rows per item, first visible item, and how many fit.
fn geometry(body: Rect, header: usize, items: usize, selected: usize) -> (usize, usize, usize) {
    let room = (body.height as usize).saturating_sub(header);
    let item_h = if room >= items * 2 || room >= 8 { 2 } else { 1 };
    let visible = (room / item_h).max(1);
    let offset = (selected + 1).saturating_sub(visible);
    (item_h, offset, visible)
}

fn screen(app: &App, width: usize) -> Screen {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    let c = &app.corpus;
    match app.view() {
        View::Home { selected } => {
            let mut header = vec![(cat.t("ui.welcome").to_owned(), Role::Title)];
            header.extend(
                wrap_plain(cat.t("ui.intro"), width)
                    .into_iter()
                    .map(|l| (l, Role::Muted)),
            );
            header.push((String::new(), Role::Normal));
            let items = home_items(c)
                .into_iter()
                .map(|item| match item {
                    HomeItem::Theme(i) => {
                        let t = &c.themes[i];
                        let (stories, _) = themes_counts(c, &t.slug);
                        let name = if en { &t.name_en } else { &t.name_nl };
                        Item {
                            first: vec![
                                (format!("{}  {name}", i + 1), Role::Normal),
                                (format!("  {}", cat.n("cli.stories", stories)), Role::Muted),
                            ],
                            second: Some((
                                format!("   {}", if en { &t.tagline_en } else { &t.tagline_nl }),
                                Role::Muted,
                            )),
                        }
                    }
                    HomeItem::Search => Item {
                        first: vec![(format!("/  {}", cat.t("ui.search_title")), Role::Normal)],
                        second: Some((format!("   {}", cat.t("ui.search_tagline")), Role::Muted)),
                    },
                    HomeItem::Bookmarks => Item {
                        first: vec![
                            (format!("b  {}", cat.t("ui.bookmarks_title")), Role::Normal),
                            (
                                format!(
                                    "  {}",
                                    cat.n("ui.bookmarks_count", app.bookmarks.items.len())
                                ),
                                Role::Muted,
                            ),
                        ],
                        second: Some((
                            format!("   {}", cat.t("ui.bookmarks_tagline")),
                            Role::Muted,
                        )),
                    },
                    HomeItem::Share => Item {
                        first: vec![(format!("d  {}", cat.t("ui.share_title")), Role::Normal)],
                        second: Some((format!("   {}", cat.t("ui.share_tagline")), Role::Muted)),
                    },
                    HomeItem::Crisis => Item {
                        first: vec![(format!("F1 {}", cat.t("ui.crisis_title")), Role::Warning)],
                        second: Some((format!("   {}", cat.t("ui.crisis_tagline")), Role::Muted)),
                    },
                })
                .collect();
            Screen {
                header,
                items,
                selected: *selected,
            }
        }
        View::Theme {
            slug,
            selected,
            filter,
        } => {
            let mut header = Vec::new();
            if let Some(t) = c.theme(slug) {
                let desc = if en {
                    &t.description_en
                } else {
                    &t.description_nl
                };
                let lines = wrap_plain(desc, width);
                let keep = if app.size.1 >= 20 {
                    lines.len().min(5)
                } else {
                    0
                };
                header.extend(lines.into_iter().take(keep).map(|l| (l, Role::Muted)));
            }
            let docs = theme_items(c, slug, filter);
            let stories = docs
                .iter()
                .filter(|d| matches!(d, DocRef::Story(_)))
                .count();
            let all = cat.t("ui.filter_all");
            let persp = filter
                .perspective
                .map(|p| cat.t(&format!("ui.perspective_{}", p.slug())).to_owned());
            header.push((
                cat.nf(
                    "ui.filter_line",
                    stories,
                    &[
                        ("tag", &filter.tag.as_deref().unwrap_or(all)),
                        ("phase", &filter.phase.as_deref().unwrap_or(all)),
                        ("perspective", &persp.as_deref().unwrap_or(all)),
                    ],
                ),
                Role::Title,
            ));
            let items = docs
                .into_iter()
                .map(|d| match d {
                    DocRef::Story(i) => {
                        let s = &c.stories[i];
                        Item {
                            first: vec![
                                (mark(app, &s.id), Role::Key),
                                (s.title.clone(), Role::Strong),
                            ],
                            second: Some((format!("  {}", s.summary), Role::Muted)),
                        }
                    }
                    DocRef::Resource(i) => {
                        let r = &c.resources[i];
                        let contact = r
                            .phone
                            .first()
                            .cloned()
                            .or(r.url.clone())
                            .unwrap_or_default();
                        let mut first = vec![
                            (mark(app, &r.id), Role::Key),
                            (format!("{}: ", cat.t("doc.help")), Role::Warning),
                            (r.name.clone(), Role::Strong),
                        ];
                        first.push((format!("  {contact}"), Role::Contact));
                        if r.local
                            && let Some(h) = crate::present::hours_text(r, app.now, cat)
                        {
                            first.push((format!("  ({h})"), Role::Muted));
                        }
                        Item {
                            first,
                            second: Some((second_line(r, cat), Role::Muted)),
                        }
                    }
                })
                .collect();
            Screen {
                header,
                items,
                selected: *selected,
            }
        }
        View::Crisis { selected } => {
            let header = vec![
                (cat.t("ui.crisis_intro").to_owned(), Role::Warning),
                (String::new(), Role::Normal),
            ];
            let items = crisis_resources(c)
                .into_iter()
                .map(|i| {
                    let r = &c.resources[i];
                    let mut first = vec![(r.name.clone(), Role::Strong)];
                    if !r.phone.is_empty() {
                        first.push((format!("  {}", r.phone.join(" / ")), Role::Contact));
                    }
                    if let Some(h) = crate::present::hours_text(r, app.now, cat) {
                        first.push((format!("  ({h})"), Role::Muted));
                    }
                    Item {
                        first,
                        second: Some((second_line(r, cat), Role::Muted)),
                    }
                })
                .collect();
            Screen {
                header,
                items,
                selected: *selected,
            }
        }
        View::Bookmarks { selected } => bookmarks_screen(app, *selected, width),
        _ => Screen {
            header: Vec::new(),
            items: Vec::new(),
            selected: 0,
        },
    }
}

/// A resource's second line in a list: "in de buurt: Voorbeeldstad · voorbeeld — summary" for
/// local help, the summary for the rest.
fn second_line(r: &crate::corpus::Resource, cat: &Catalog) -> String {
    let marks = crate::present::local_marks(r, cat);
    if marks.is_empty() {
        format!("  {}", r.summary)
    } else {
        format!("  {} — {}", marks.join(" · "), r.summary)
    }
}

/// The mark of a bookmarked document in a list ("★ "), or nothing.
pub(super) fn mark(app: &App, id: &str) -> String {
    if app.bookmarks.contains(id) {
        "★ ".into()
    } else {
        String::new()
    }
}

fn bookmarks_screen(app: &App, selected: usize, width: usize) -> Screen {
    let cat = Catalog::get(app.lang);
    let c = &app.corpus;
    let b = &app.bookmarks;
    let mut header = Vec::new();
    if let Some(n) = &b.notice {
        header.extend(wrap_plain(n, width).into_iter().map(|l| (l, Role::Warning)));
    } else if !b.kept {
        header.extend(
            wrap_plain(cat.t("ui.bookmarks_session_only"), width)
                .into_iter()
                .map(|l| (l, Role::Warning)),
        );
    }
    if let Some(r) = &b.removed {
        let line = cat.f("ui.bookmark_removed", &[("title", &r.title)]);
        header.extend(
            wrap_plain(&line, width)
                .into_iter()
                .map(|l| (l, Role::Muted)),
        );
    }
    if b.items.is_empty() {
        header.extend(
            wrap_plain(cat.t("ui.bookmarks_empty"), width)
                .into_iter()
                .map(|l| (l, Role::Muted)),
        );
    } else {
        let order = if b.by_theme {
            "ui.bookmarks_by_theme"
        } else {
            "ui.bookmarks_newest"
        };
        header.push((
            format!(
                "{} · {}",
                cat.n("ui.bookmarks_count", b.items.len()),
                cat.t(order)
            ),
            Role::Title,
        ));
    }
    let themes: Vec<String> = c.themes.iter().map(|t| t.slug.clone()).collect();
    let items = b
        .shown(&themes)
        .into_iter()
        .map(|bm| {
            let what = crate::present::kind_and_theme(bm, c, app.lang);
            let mut first = vec![
                ("★ ".to_owned(), Role::Key),
                (bm.title.clone(), Role::Strong),
                (format!("  {what}"), Role::Muted),
            ];
            let doc = c.get(&bm.id);
            if doc.is_none() {
                first.push((format!("  {}", cat.t("bookmarks.gone")), Role::Warning));
            }
            let contact = match doc {
                Some(crate::corpus::Doc::Resource(r)) => r.phone.first().cloned().or(r.url.clone()),
                _ => None,
            };
            let second = match bm.note.lines().next() {
                Some(line) if !line.trim().is_empty() => {
                    Some((format!("  ✎ {line}"), Role::Normal))
                }
                _ => contact.map(|c| (format!("  {c}"), Role::Contact)),
            };
            Item { first, second }
        })
        .collect();
    Screen {
        header,
        items,
        selected,
    }
}

pub(super) fn home(app: &App, palette: Palette, frame: &mut Frame, body: Rect) -> Option<Position> {
    list(app, palette, frame, body)
}

/// Draws a list; the focus is the selected item's first cell (or the first line when the
/// list is empty).
pub(super) fn list(app: &App, palette: Palette, frame: &mut Frame, body: Rect) -> Option<Position> {
    let w = body.width.saturating_sub(2) as usize;
    let s = screen(app, w);
    let (item_h, offset, visible) = geometry(body, s.header.len(), s.items.len(), s.selected);
    let mut lines: Vec<Line> = s
        .header
        .iter()
        .map(|(t, r)| Line::styled(format!(" {}", truncate(t, w)), palette.style(*r)))
        .collect();
    for (i, item) in s.items.iter().enumerate().skip(offset).take(visible) {
        let selected = i == s.selected;
        let marker = if selected { "›" } else { " " };
        let mut spans = vec![Span::styled(
            marker,
            palette.style(if selected {
                Role::Selected
            } else {
                Role::Normal
            }),
        )];
        let mut used = 1;
        for (t, r) in &item.first {
            let t = truncate(t, w.saturating_sub(used));
            used += crate::text::width(&t);
            let style = if selected {
                palette.style(Role::Selected)
            } else {
                palette.style(*r)
            };
            spans.push(Span::styled(t, style));
        }
        if selected {
            spans.push(Span::styled(
                " ".repeat(w.saturating_sub(used) + 1),
                palette.style(Role::Selected),
            ));
        }
        lines.push(Line::from(spans));
        if item_h == 2 {
            let (t, r) = item.second.clone().unwrap_or((String::new(), Role::Normal));
            lines.push(Line::styled(
                format!(" {}", truncate(&t, w)),
                palette.style(r),
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
    if s.items.is_empty() {
        return Some(Position::new(body.x + 1, body.y));
    }
    let row = s.header.len() + s.selected.min(s.items.len() - 1).saturating_sub(offset) * item_h;
    Some(Position::new(body.x, body.y + row as u16))
}

/// The item under body row `row`, if any.
pub(super) fn item_at(app: &App, body: Rect, row: u16) -> Option<usize> {
    let s = screen(app, body.width.saturating_sub(2) as usize);
    let (item_h, offset, visible) = geometry(body, s.header.len(), s.items.len(), s.selected);
    let row = (row as usize).checked_sub(s.header.len())?;
    let i = offset + row / item_h;
    (row / item_h < visible && i < s.items.len()).then_some(i)
}
