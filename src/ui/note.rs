//! The note editor: the bookmark's title, then the note, wrapped to the window with the cursor
//! shown where the next character goes.

use super::{Palette, Role};
use crate::app::App;
use crate::app::textarea::TextArea;
use crate::i18n::Catalog;
use crate::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

/// Wraps `text` at `w` columns by grapheme (a long word is cut), and finds the cursor's row and
/// column.
pub fn wrap_with_cursor(text: &str, cursor: usize, w: usize) -> (Vec<String>, (usize, usize)) {
    let w = w.max(1);
    let mut rows = vec![String::new()];
    let mut at = (0, 0);
    let mut col = 0;
    for (i, g) in text.grapheme_indices(true) {
        if i == cursor {
            at = (rows.len() - 1, col);
        }
        if g == "\n" {
            rows.push(String::new());
            col = 0;
            continue;
        }
        let gw = width(g);
        if col + gw > w {
            rows.push(String::new());
            col = 0;
        }
        if let Some(last) = rows.last_mut() {
            last.push_str(g);
        }
        col += gw;
    }
    if cursor >= text.len() {
        if col >= w {
            rows.push(String::new());
            col = 0;
        }
        at = (rows.len() - 1, col);
    }
    (rows, at)
}

pub(super) fn note(
    app: &App,
    id: &str,
    editor: &TextArea,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let w = body.width.saturating_sub(2) as usize;
    let title = app
        .bookmarks
        .items
        .iter()
        .find(|b| b.id == id)
        .map(|b| b.title.clone())
        .unwrap_or_default();
    let mut lines = vec![
        Line::styled(
            format!(
                " {}",
                truncate(&cat.f("ui.note_title", &[("title", &title)]), w)
            ),
            palette.style(Role::Title),
        ),
        Line::styled(
            format!(" {}", truncate(cat.t("ui.note_help"), w)),
            palette.style(Role::Muted),
        ),
        Line::raw(""),
    ];
    let top = lines.len();
    let (rows, (row, col)) = wrap_with_cursor(editor.text(), editor.cursor(), w);
    let room = (body.height as usize).saturating_sub(top + 1).max(1);
    let offset = (row + 1).saturating_sub(room);
    lines.extend(
        rows.iter()
            .skip(offset)
            .take(room)
            .map(|r| Line::raw(format!(" {r}"))),
    );
    let words = editor.text().split_whitespace().count();
    lines.push(Line::styled(
        format!(" {}", cat.n("ui.note_words", words)),
        palette.style(Role::Muted),
    ));
    frame.render_widget(Paragraph::new(lines), body);
    Some(Position::new(
        body.x + 1 + col as u16,
        body.y + (top + row - offset) as u16,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_follows_wrapping_and_newlines() {
        let (rows, at) = wrap_with_cursor("abcdef\ngh", 9, 4);
        assert_eq!(rows, vec!["abcd", "ef", "gh"]);
        assert_eq!(at, (2, 2));
        let (_, at) = wrap_with_cursor("abcdef\ngh", 2, 4);
        assert_eq!(at, (0, 2));
        let (rows, at) = wrap_with_cursor("abcd", 4, 4);
        assert_eq!((rows.len(), at), (2, (1, 0)));
    }
}
