//! Drawing: `render` draws the app from its state and never changes it. One file per screen;
//! overlays (help) are drawn last. [`hit_test`] maps a mouse click to an action with the same
//! layout functions, so what is drawn and what is clicked always agree.
//!
//! Every view returns its focus, and `render` puts the terminal cursor there: the first cell of
//! the selected row (list item, hit, link, option) or the caret of an input. Screen readers and
//! braille displays follow the cursor, so they follow the focus; tests read it from the backend.

pub mod background;
mod crisis_card;
mod footer;
mod lists;
pub mod note;
pub mod qr;
mod reader;
mod search;
mod share;
mod slip;
pub mod style;

pub use footer::footer_items;
pub use style::{Palette, Role, ThemeName};

use crate::app::{Action, App, View, keymap::display_key};
use crate::i18n::Catalog;
use crate::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The smallest window plein draws in.
pub const MIN_SIZE: (u16, u16) = (30, 8);

/// The parts of the screen.
#[derive(Debug, Clone, Copy)]
pub struct Areas {
    /// Top bar.
    pub header: Rect,
    /// The screen's content.
    pub body: Rect,
    /// A notice line above the footer, when there is a notice.
    pub notice: Option<Rect>,
    /// The status line just above the footer, while it answers what was just done.
    pub status: Option<Rect>,
    /// Key hints.
    pub footer: Rect,
}

/// Splits the window into header, body, notice and footer.
pub fn areas(app: &App, area: Rect) -> Areas {
    let notice_h = u16::from(app.notice.is_some());
    let status_h = u16::from(app.status_text().is_some());
    let body_h = area.height.saturating_sub(2 + notice_h + status_h);
    Areas {
        header: Rect {
            height: 1.min(area.height),
            ..area
        },
        body: Rect {
            y: area.y + 1,
            height: body_h,
            ..area
        },
        notice: app.notice.as_ref().map(|_| Rect {
            y: area.y + 1 + body_h,
            height: 1,
            ..area
        }),
        status: app.status_text().map(|_| Rect {
            y: area.y + 1 + body_h + notice_h,
            height: 1,
            ..area
        }),
        footer: Rect {
            y: area.y + area.height.saturating_sub(1),
            height: 1.min(area.height),
            ..area
        },
    }
}

/// Draws the whole screen.
pub fn render(app: &App, palette: Palette, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    frame.buffer_mut().set_style(area, palette.base());
    let cat = Catalog::get(app.lang);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let need = cat.f(
            "ui.too_small_need",
            &[
                ("w", &MIN_SIZE.0),
                ("h", &MIN_SIZE.1),
                ("now_w", &area.width),
                ("now_h", &area.height),
            ],
        );
        let lines: Vec<Line> = [cat.t("ui.too_small"), need.as_str()]
            .iter()
            .flat_map(|t| crate::text::wrap_plain(t, area.width as usize))
            .map(|t| Line::styled(t, palette.style(Role::Warning)))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        frame.set_cursor_position(Position::new(area.x, area.y));
        return;
    }
    let a = areas(app, area);
    header(app, palette, frame, a.header);
    // Each view says where its focus is: the start of the selected row, or the caret.
    let focus = match app.view() {
        View::Home { .. } => lists::home(app, palette, frame, a.body),
        View::Theme { .. } | View::Crisis { .. } => lists::list(app, palette, frame, a.body),
        View::Search { .. } => search::search(app, palette, frame, a.body),
        View::Gate { id } => reader::gate(app, id, palette, frame, a.body),
        View::Reader { .. } => reader::reader(app, palette, frame, a.body),
        View::Bookmarks { .. } => lists::list(app, palette, frame, a.body),
        View::Note { id, editor } => note::note(app, id, editor, palette, frame, a.body),
        View::Qr { id, target } => qr::qr(app, id, *target, palette, frame, a.body),
        View::Slip { ids, scroll } => slip::slip(app, ids, *scroll, palette, frame, a.body),
        View::Share { step } => share::share(app, *step, palette, frame, a.body),
    };
    if let (Some(r), Some(n)) = (a.notice, &app.notice) {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(n, r.width as usize),
                palette.style(Role::Warning),
            )),
            r,
        );
    }
    if let (Some(r), Some(t)) = (a.status, app.status_text()) {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {}", truncate(t, (r.width as usize).saturating_sub(1))),
                palette.style(Role::Title),
            )),
            r,
        );
    }
    footer::footer(app, palette, frame, a.footer);
    let focus = if app.help {
        help(app, palette, frame, a.body)
    } else {
        focus
    };
    // The terminal cursor stands on the focus, so a screen reader or braille display follows it.
    if let Some(p) = focus.filter(|p| a.body.contains(*p)) {
        frame.set_cursor_position(p);
    } else {
        frame.set_cursor_position(Position::new(a.body.x, a.body.y));
    }
}

fn header(app: &App, palette: Palette, frame: &mut Frame, r: Rect) {
    let cat = Catalog::get(app.lang);
    let en = app.lang.is_english();
    let place = match app.view() {
        View::Home { .. } => cat.t("ui.home").to_owned(),
        View::Theme { slug, .. } => app.corpus.theme(slug).map_or(String::new(), |t| {
            if en {
                t.name_en.clone()
            } else {
                t.name_nl.clone()
            }
        }),
        View::Crisis { .. } => cat.t("ui.crisis_title").to_owned(),
        View::Search { .. } => cat.t("ui.search_title").to_owned(),
        View::Gate { .. } | View::Reader { .. } | View::Qr { .. } => cat.t("ui.reading").to_owned(),
        View::Slip { .. } => cat.t("ui.slip_title").to_owned(),
        View::Share { .. } => cat.t("ui.share_title").to_owned(),
        View::Bookmarks { .. } | View::Note { .. } => cat.t("ui.bookmarks_title").to_owned(),
    };
    let left = format!(" plein › {place}");
    let right = if app.index_ready || !matches!(app.view(), View::Search { .. }) {
        String::new()
    } else {
        format!("{} ", cat.t("ui.index_loading"))
    };
    let w = r.width as usize;
    let left = truncate(&left, w.saturating_sub(width(&right)));
    let pad = " ".repeat(w.saturating_sub(width(&left) + width(&right)));
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{left}{pad}{right}"),
            palette.style(Role::Header),
        )),
        r,
    );
}

fn help(app: &App, palette: Palette, frame: &mut Frame, body: Rect) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let ctx = app.screen_context();
    let mut lines = Vec::new();
    let rows: Vec<(String, &str)> = app
        .keymap
        .rows(ctx)
        .filter(|b| app.speech.available || !matches!(b.action, Action::ReadAloud))
        .map(|b| {
            (
                b.keys
                    .iter()
                    .map(|k| display_key(k))
                    .collect::<Vec<_>>()
                    .join(" "),
                cat.t(&b.desc),
            )
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(body.width as usize / 3)
        + 1;
    for (keys, desc) in rows {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<key_w$}", truncate(&keys, key_w - 1)),
                palette.style(Role::Key),
            ),
            Span::raw(desc.to_owned()),
        ]));
    }
    if ctx == crate::app::Context::Search {
        lines.push(Line::raw(cat.t("ui.help_typing").to_owned()));
    }
    let w = (body.width.saturating_sub(2)).min(72);
    let h = (lines.len() as u16 + 2).min(body.height);
    let r = Rect {
        x: body.x + (body.width - w) / 2,
        y: body.y + (body.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let block = Block::default()
        .style(palette.base())
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(" {} ", cat.t("ui.help_title")),
            palette.style(Role::Title),
        ));
    frame.render_widget(Paragraph::new(lines).block(block), r);
    Some(Position::new(r.x + 1, r.y + 1))
}

/// The action a mouse click at (x, y) asks for, if any.
pub fn hit_test(app: &App, size: Rect, x: u16, y: u16) -> Option<Action> {
    if app.help {
        return Some(Action::CloseHelp);
    }
    let a = areas(app, size);
    if y == a.footer.y {
        return footer_items(app, a.footer.width)
            .into_iter()
            .find(|(s, e, _, _)| (*s..*e).contains(&x))
            .map(|(_, _, _, act)| act);
    }
    if y < a.body.y || y >= a.body.y + a.body.height {
        return None;
    }
    let row = y - a.body.y;
    match app.view() {
        View::Home { .. } | View::Theme { .. } | View::Crisis { .. } | View::Bookmarks { .. } => {
            lists::item_at(app, a.body, row).map(Action::Activate)
        }
        View::Search { .. } => search::item_at(app, a.body, row).map(Action::Activate),
        View::Reader { .. } => reader::link_at(app, a.body, row).map(Action::Activate),
        View::Gate { .. }
        | View::Note { .. }
        | View::Qr { .. }
        | View::Slip { .. }
        | View::Share { .. } => None,
    }
}
