//! The *hulpbriefje*: resources in large, plain text — name, phone, hours, web address — for a
//! visitor to photograph or copy by hand, so nothing of them stays on the terminal.

use super::{Palette, Role};
use crate::app::App;
use crate::corpus::Doc;
use crate::i18n::Catalog;
use crate::text::wrap_plain;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The lines of the slip for `ids`, with their roles.
pub fn lines(app: &App, ids: &[String], width: usize) -> Vec<(String, Role)> {
    let cat = Catalog::get(app.lang);
    let mut out = vec![(cat.t("ui.slip_title").to_uppercase(), Role::Title)];
    out.push((String::new(), Role::Normal));
    if ids.is_empty() {
        for l in wrap_plain(cat.t("ui.slip_empty"), width) {
            out.push((l, Role::Muted));
        }
        return out;
    }
    for id in ids {
        let Some(Doc::Resource(r)) = app.corpus.get(id) else {
            continue;
        };
        out.push((r.name.to_uppercase(), Role::Strong));
        for p in &r.phone {
            out.push((
                format!("  {}:  {}", cat.t("doc.phone"), spaced(p)),
                Role::Contact,
            ));
        }
        for (label, text) in crate::present::visit_lines(r, app.now, cat) {
            let text = format!("{}: {text}", cat.t(label));
            for l in wrap_plain(&text, width.saturating_sub(2)) {
                out.push((format!("  {l}"), Role::Normal));
            }
        }
        if let Some(u) = &r.url {
            out.push((format!("  {}: {u}", cat.t("doc.website")), Role::Contact));
        }
        out.push((String::new(), Role::Normal));
    }
    for l in wrap_plain(cat.t("ui.slip_footer"), width) {
        out.push((l, Role::Muted));
    }
    out
}

/// A phone number with its digits spaced in threes and fours, easy to copy by hand.
fn spaced(number: &str) -> String {
    number
        .split(['-', ' '])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn slip(
    app: &App,
    ids: &[String],
    scroll: usize,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let w = body.width.saturating_sub(2) as usize;
    let all = lines(app, ids, w);
    let scroll = scroll.min(all.len().saturating_sub(body.height as usize));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .map(|(t, r)| {
            Line::styled(
                format!(" {}", crate::text::truncate(&t, w)),
                palette.style(r),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
    // The focus is the first line in view: the slip is read from the top.
    Some(Position::new(body.x + 1, body.y))
}
