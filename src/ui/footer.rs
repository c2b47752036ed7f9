//! The footer: the screen's own keys that apply now, by importance (from the keymap, as help
//! and dispatch read it), then *Hulp nu* and *snel weg*, always kept at the right.

use super::{Palette, Role};
use crate::app::{Action, App, View, keymap::display_key};
use crate::i18n::Catalog;
use crate::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The footer's hints with their column ranges and actions: the screen's own keys that apply
/// now, most important first, then the global ones (*Hulp nu*, *snel weg*), always kept, at the
/// right. When the window is narrow the least important keys go first; before any goes, the
/// hints move closer together and take nano-style key names (^Q).
pub fn footer_items(app: &App, w: u16) -> Vec<(u16, u16, String, Action)> {
    let cat = Catalog::get(app.lang);
    let mut hints = app.keymap.hints(app.context());
    hints.retain(|b| applies(app, &b.action));
    let (global, own): (Vec<_>, Vec<_>) = hints
        .into_iter()
        .partition(|b| b.screen == crate::app::Context::Global);
    let label = |b: &crate::app::keymap::Binding, compact: bool| {
        let key = b.keys.first().map(|k| display_key(k)).unwrap_or_default();
        let key = if compact {
            key.replace("Ctrl-", "^")
        } else {
            key
        };
        format!("{key} {}", cat.t(&format!("{}_short", b.desc)))
    };
    let w = w as usize;
    // (gap, compact names): the first layout that shows as many of the screen's keys as the
    // tightest one does.
    let layouts = [(2, false), (2, true), (1, true)];
    let fitting = |gap: usize, compact: bool| {
        let fixed_w: usize = global.iter().map(|b| width(&label(b, compact)) + gap).sum();
        let mut x = 1;
        let mut n = 0;
        for b in &own {
            let lw = width(&label(b, compact));
            if x + lw + 2 + fixed_w > (w + gap).saturating_sub(1) {
                break;
            }
            x += lw + gap;
            n += 1;
        }
        n
    };
    let most = layouts
        .iter()
        .map(|(g, c)| fitting(*g, *c))
        .max()
        .unwrap_or(0);
    let (gap, compact) = layouts
        .into_iter()
        .find(|(g, c)| fitting(*g, *c) == most)
        .unwrap_or((1, true));
    let compact = compact || w < 60;
    let mut out = Vec::new();
    let mut x = 1usize;
    for b in own.iter().take(most) {
        let l = label(b, compact);
        out.push((
            x as u16,
            (x + width(&l)) as u16,
            l.clone(),
            b.action.clone(),
        ));
        x += width(&l) + gap;
    }
    let fixed: Vec<(String, Action)> = global
        .iter()
        .map(|b| (label(b, compact), b.action.clone()))
        .collect();
    let fixed_w: usize = fixed.iter().map(|(l, _)| width(l) + gap).sum::<usize>();
    let mut rx = (w + gap).saturating_sub(fixed_w + 1).max(x);
    for (l, a) in fixed {
        let l = truncate(&l, w.saturating_sub(rx));
        out.push((rx as u16, (rx + width(&l)) as u16, l.clone(), a));
        rx += width(&l) + gap;
    }
    out
}

/// Whether a footer key does something here and now (Enter in the reader only with a link
/// chosen, the QR code only on a resource, undo only after a removal…).
fn applies(app: &App, action: &Action) -> bool {
    let results = app.search.results.as_ref();
    match (app.view(), action) {
        (_, Action::Quit) => !app.quit_locked(),
        (View::Reader { id, .. }, Action::ShowQr) => {
            matches!(app.corpus.get(id), Some(crate::corpus::Doc::Resource(_)))
        }
        (_, Action::ShowQr) => false,
        // Voorlezen: stories only, and only where espeak-ng was found.
        (View::Reader { id, .. }, Action::ReadAloud) => {
            app.speech.available && matches!(app.corpus.get(id), Some(crate::corpus::Doc::Story(_)))
        }
        (_, Action::ReadAloud) => false,
        (View::Reader { link, .. }, Action::Open) => link.is_some(),
        (View::Reader { id, .. }, Action::NextLink) => !app.layout(id).links.is_empty(),
        (View::Search { .. }, Action::Open | Action::FocusResults) => {
            results.is_some_and(|r| !r.hits.is_empty())
        }
        (View::Search { .. }, Action::OpenCrisisCard) => {
            results.is_some_and(|r| r.crisis.is_some())
        }
        (View::Search { .. }, Action::AcceptSuggestion) => {
            results.is_some_and(|r| r.suggestion.is_some())
        }
        (View::Bookmarks { .. }, Action::Undo) => app.bookmarks.removed.is_some(),
        _ => true,
    }
}

pub(super) fn footer(app: &App, palette: Palette, frame: &mut Frame, r: Rect) {
    let mut spans = Vec::new();
    let mut x = 0u16;
    for (start, _, label, _) in footer_items(app, r.width) {
        if start > x {
            spans.push(Span::raw(" ".repeat((start - x) as usize)));
        }
        let (key, rest) = label.split_once(' ').unwrap_or((label.as_str(), ""));
        spans.push(Span::styled(key.to_owned(), palette.style(Role::Key)));
        spans.push(Span::raw(format!(" {rest}")));
        x = start + width(&label) as u16;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), r);
}
