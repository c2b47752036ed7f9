//! Reading: the content-note gate, and the text with its links, scrolled, position shown.

use super::{Palette, Role};
use crate::app::{App, LineRole, View};
use crate::corpus::Doc;
use crate::i18n::Catalog;
use crate::text::{truncate, wrap_plain};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the content notes; the focus is the question they ask (Enter answers it).
pub(super) fn gate(
    app: &App,
    id: &str,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let w = body.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::raw("")];
    let mut question = 0;
    if let Some(Doc::Story(s)) = app.corpus.get(id) {
        lines.push(Line::styled(
            format!(" {}", truncate(&s.title, w)),
            palette.style(Role::Title),
        ));
        lines.push(Line::raw(""));
        let notes: Vec<String> = s
            .content_notes
            .iter()
            .map(|n| app.corpus.content_note_label(n, app.lang.is_english()))
            .collect();
        let text = cat.f("ui.gate_notes", &[("notes", &notes.join(", "))]);
        lines.extend(
            wrap_plain(&text, w)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), palette.style(Role::Warning))),
        );
        lines.push(Line::raw(""));
        question = lines.len();
        lines.extend(
            wrap_plain(cat.t("ui.gate_question"), w)
                .into_iter()
                .map(|l| Line::raw(format!(" {l}"))),
        );
        lines.push(Line::raw(""));
        lines.extend(
            wrap_plain(cat.t("ui.gate_help"), w)
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), palette.style(Role::Muted))),
        );
    }
    frame.render_widget(Paragraph::new(lines), body);
    Some(Position::new(body.x + 1, body.y + question as u16))
}

fn left_margin(body: Rect, text_width: usize) -> u16 {
    (body.width.saturating_sub(text_width as u16) / 2).clamp(1, 8)
}

/// Draws the text; the focus is the selected link when it is in view, else the first line.
pub(super) fn reader(
    app: &App,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let View::Reader { id, scroll, link } = app.view() else {
        return None;
    };
    let layout = app.layout(id);
    let margin = " ".repeat(left_margin(body, app.text_width()) as usize);
    let room = body.height.saturating_sub(1) as usize;
    let role_of = |r: &LineRole| match r {
        LineRole::Title => Role::Title,
        LineRole::Meta | LineRole::Muted => Role::Muted,
        LineRole::Warning => Role::Warning,
        LineRole::Plain => Role::Normal,
        LineRole::Em => Role::Em,
        LineRole::Strong | LineRole::Heading => Role::Strong,
        LineRole::Link(n) if Some(*n) == *link => Role::Selected,
        LineRole::Link(_) => Role::Link,
        LineRole::Contact => Role::Contact,
    };
    let mut lines: Vec<Line> = layout
        .lines
        .iter()
        .enumerate()
        .skip(*scroll)
        .take(room)
        .map(|(i, l)| {
            let mut spans = vec![Span::raw(margin.clone())];
            let spoken = app.speech.highlight(id, i);
            let mut at = 0;
            for (t, r) in l {
                let style = palette.style(role_of(r));
                let range = at..at + t.len();
                at = range.end;
                // The sentence being read aloud stands out as the selected text.
                match spoken.as_ref() {
                    Some(h) if h.start < range.end && h.end > range.start => {
                        let from = h.start.max(range.start) - range.start;
                        let to = h.end.min(range.end) - range.start;
                        let (Some(before), Some(inside), Some(after)) =
                            (t.get(..from), t.get(from..to), t.get(to..))
                        else {
                            spans.push(Span::styled(t.clone(), style));
                            continue;
                        };
                        for (part, st) in [
                            (before, style),
                            (inside, palette.style(Role::Selected)),
                            (after, style),
                        ] {
                            if !part.is_empty() {
                                spans.push(Span::styled(part.to_owned(), st));
                            }
                        }
                    }
                    _ => spans.push(Span::styled(t.clone(), style)),
                }
            }
            Line::from(spans)
        })
        .collect();
    while lines.len() < room {
        lines.push(Line::raw(""));
    }
    let total = layout.lines.len();
    let end = (*scroll + room).min(total);
    let cat = Catalog::get(app.lang);
    let pct = if total <= room {
        100
    } else {
        end * 100 / total
    };
    let pos = cat.f(
        "ui.position",
        &[
            ("from", &(*scroll + 1).min(total)),
            ("to", &end),
            ("total", &total),
            ("pct", &pct),
        ],
    );
    let pos = match app.speech.reading.as_ref().filter(|r| r.id == *id) {
        Some(r) => cat.f(
            "ui.reading_aloud",
            &[("at", &(r.current + 1)), ("total", &r.sentences.len())],
        ),
        None => pos,
    };
    lines.push(Line::styled(
        format!("{margin}{}", truncate(&pos, body.width as usize)),
        palette.style(Role::Muted),
    ));
    frame.render_widget(Paragraph::new(lines), body);
    let x = body.x + margin.len() as u16;
    let row = link
        .and_then(|n| layout.links.get(n))
        .map(|(_, line)| *line)
        .filter(|line| (*scroll..*scroll + room).contains(line))
        .map_or(0, |line| line - *scroll);
    Some(Position::new(x, body.y + row as u16))
}

/// The link under body row `row`, if any.
pub(super) fn link_at(app: &App, _body: Rect, row: u16) -> Option<usize> {
    let View::Reader { id, scroll, .. } = app.view() else {
        return None;
    };
    let layout = app.layout(id);
    let line = scroll + row as usize;
    layout.lines.get(line)?.iter().find_map(|(_, r)| match r {
        LineRole::Link(n) => Some(*n),
        _ => None,
    })
}
