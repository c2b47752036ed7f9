//! The search screen: the box, counts per theme, "did you mean", and the hits with their
//! snippets, matched words marked.

use super::{Palette, Role};
use crate::app::{App, Focus, View};
use crate::i18n::Catalog;
use crate::search::Kind;
use crate::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const HEADER: usize = 3;
const ITEM: usize = 3;

fn visible(app: &App, body: Rect, selected: usize) -> (usize, usize) {
    let header = HEADER + super::crisis_card::height(app);
    let room = ((body.height as usize).saturating_sub(header) / ITEM).max(1);
    ((selected + 1).saturating_sub(room), room)
}

/// Draws the search screen; the focus is the caret in the box, or the selected hit's first cell.
pub(super) fn search(
    app: &App,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    let w = body.width.saturating_sub(2) as usize;
    let focus = match app.view() {
        View::Search { focus } => *focus,
        _ => Focus::Input,
    };
    let prompt = format!(" {}: ", cat.t("ui.search_prompt"));
    let input = app.search.input.text();
    let shown = truncate(input, w.saturating_sub(width(&prompt) + 1));
    let mut lines = vec![Line::from(vec![
        Span::styled(prompt.clone(), palette.style(Role::Title)),
        Span::styled(
            shown.clone(),
            palette.style(if focus == Focus::Input {
                Role::Strong
            } else {
                Role::Normal
            }),
        ),
    ])];
    let results = app.search.results.as_ref();
    let theme_name = |slug: &str| {
        app.corpus.theme(slug).map_or(slug.to_owned(), |t| {
            if en {
                t.name_en.clone()
            } else {
                t.name_nl.clone()
            }
        })
    };
    match results {
        None if app.search.waiting => lines.push(Line::styled(
            format!(" {}", cat.t("ui.index_loading")),
            palette.style(Role::Muted),
        )),
        None => lines.push(Line::styled(
            format!(" {}", truncate(cat.t("ui.search_hint"), w)),
            palette.style(Role::Muted),
        )),
        Some(r) => {
            let mut spans = vec![Span::styled(
                format!(" {}  ", cat.f("ui.found", &[("n", &r.total)])),
                palette.style(Role::Muted),
            )];
            // Chips are never cut mid-word: a chip that does not fit gets its first word
            // ("Armoede… (3)"), and when even that does not fit, a count of the rest.
            let room = body.width as usize;
            let mut used: usize = spans.iter().map(|s| width(&s.content)).sum();
            let chips: Vec<(&String, &u64)> =
                r.facets.themes.iter().filter(|(_, n)| **n > 0).collect();
            for (k, (slug, n)) in chips.iter().enumerate() {
                let active = app.search.facet.as_deref() == Some(slug.as_str());
                let name = theme_name(slug);
                let full = format!("{name} ({n})");
                let short = name
                    .split_whitespace()
                    .next()
                    .filter(|first| *first != name)
                    .map(|first| format!("{first}… ({n})"));
                let Some(label) = std::iter::once(full)
                    .chain(short)
                    .find(|l| used + width(l) <= room)
                else {
                    let more = format!("+{}", chips.len() - k);
                    if used + width(&more) <= room {
                        spans.push(Span::styled(more, palette.style(Role::Muted)));
                    }
                    break;
                };
                used += width(&label) + 1;
                spans.push(Span::styled(
                    label,
                    palette.style(if active { Role::Selected } else { Role::Muted }),
                ));
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.extend(super::crisis_card::lines(app, palette, w));
    if let Some(s) = results.and_then(|r| r.suggestion.as_ref()) {
        lines.push(Line::styled(
            format!(
                " {}",
                truncate(&cat.f("ui.did_you_mean", &[("suggestion", s)]), w)
            ),
            palette.style(Role::Warning),
        ));
    } else {
        lines.push(Line::raw(""));
    }
    match results {
        Some(r) if r.hits.is_empty() => {
            lines.push(Line::styled(
                format!(
                    " {}",
                    truncate(&cat.f("search.no_hits", &[("query", &r.query)]), w)
                ),
                palette.style(Role::Strong),
            ));
            lines.push(Line::styled(
                format!(" {}", truncate(cat.t("search.try"), w)),
                palette.style(Role::Muted),
            ));
            let themes = &app.corpus.themes;
            if let Some((n, t)) = r
                .nearest_theme
                .as_ref()
                .and_then(|slug| themes.iter().enumerate().find(|(_, t)| &t.slug == slug))
            {
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("theme", &theme_name(&t.slug)), ("key", &(n + 1))];
                lines.push(Line::styled(
                    format!(" {}", truncate(&cat.f("ui.nearest_theme", &args), w)),
                    palette.style(Role::Warning),
                ));
            }
            for (i, t) in themes.iter().enumerate() {
                lines.push(Line::raw(format!("   {}  {}", i + 1, theme_name(&t.slug))));
            }
            lines.push(Line::styled(
                format!(" {}", truncate(cat.t("ui.help_now"), w)),
                palette.style(Role::Contact),
            ));
        }
        Some(r) => {
            let (offset, room) = visible(app, body, app.search.selected);
            for (i, hit) in r.hits.iter().enumerate().skip(offset).take(room) {
                let selected = i == app.search.selected && focus == Focus::Results;
                let kind = cat.t(if hit.kind == Kind::Story {
                    "kind.story"
                } else {
                    "kind.resource"
                });
                let mark = super::lists::mark(app, &hit.id);
                let badge = if hit.kind == Kind::Resource {
                    format!("{} ", cat.t("ui.badge_help"))
                } else {
                    String::new()
                };
                let title = truncate(
                    &hit.title,
                    w.saturating_sub(2 + width(&mark) + width(&badge)),
                );
                let style = palette.style(if selected {
                    Role::Selected
                } else {
                    Role::Strong
                });
                lines.push(Line::from(vec![
                    Span::styled(if selected { "›" } else { " " }, style),
                    Span::styled(mark, palette.style(Role::Key)),
                    Span::styled(badge, palette.style(Role::Contact)),
                    Span::styled(title, style),
                ]));
                let mut meta = if hit.theme.is_empty() {
                    kind.to_owned()
                } else {
                    format!("{kind} · {}", theme_name(&hit.theme))
                };
                // A resource's place and whether it is open now, from the corpus.
                if let Some(r) = app.corpus.resource(&hit.id) {
                    if let Some(h) = r.opening_hours.as_ref() {
                        meta.extend(h.status(app.now).render(cat).map(|s| format!(" · {s}")));
                    }
                    for m in crate::present::local_marks(r, cat) {
                        meta.push_str(&format!(" · {m}"));
                    }
                }
                lines.push(Line::styled(
                    format!("  {}", truncate(&meta, w)),
                    palette.style(Role::Muted),
                ));
                let snippet = hit.snippet.window(w.saturating_sub(2));
                lines.push(snippet_line(&snippet, w.saturating_sub(2), palette));
            }
        }
        None => {}
    }
    frame.render_widget(Paragraph::new(lines), body);
    if focus == Focus::Input {
        let before = &input[..app.search.input.cursor()];
        let x = body.x as usize + width(&prompt) + width(before).min(width(&shown));
        return Some(Position::new(
            x.min((body.x + body.width).saturating_sub(1) as usize) as u16,
            body.y,
        ));
    }
    let top = body.y + (HEADER + super::crisis_card::height(app)) as u16;
    match results {
        Some(r) if !r.hits.is_empty() => {
            let (offset, _) = visible(app, body, app.search.selected);
            let row = app.search.selected.saturating_sub(offset) * ITEM;
            Some(Position::new(body.x, top + row as u16))
        }
        Some(_) => Some(Position::new(body.x + 1, top)),
        None => Some(Position::new(body.x + 1, body.y + 1)),
    }
}

/// A snippet on one line, matched words marked, cut at the width.
fn snippet_line(s: &crate::search::Snippet, w: usize, palette: Palette) -> Line<'static> {
    let text = s.text.replace('\n', " ");
    let mut spans = vec![Span::raw("  ")];
    let mut at = 0;
    let mut used = 0;
    let mut push = |t: &str, role: Role, used: &mut usize| {
        let t = truncate(t, w.saturating_sub(*used));
        *used += width(&t);
        spans.push(Span::styled(t, palette.style(role)));
    };
    for r in &s.highlights {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        push(&text[at..r.start], Role::Normal, &mut used);
        push(&text[r.clone()], Role::Match, &mut used);
        at = r.end;
    }
    push(&text[at..], Role::Normal, &mut used);
    Line::from(spans)
}

/// The hit under body row `row`, if any.
pub(super) fn item_at(app: &App, body: Rect, row: u16) -> Option<usize> {
    let r = app.search.results.as_ref()?;
    let row = (row as usize).checked_sub(HEADER + super::crisis_card::height(app))?;
    let (offset, room) = visible(app, body, app.search.selected);
    let i = offset + row / ITEM;
    (row / ITEM < room && i < r.hits.len()).then_some(i)
}
