//! "Take it with you": a resource's web address or phone number as a QR code a phone can scan
//! from the screen, drawn with half blocks (two modules per cell), always dark on light.

use super::{Palette, Role};
use crate::app::App;
use crate::corpus::{Doc, Resource};
use crate::i18n::Catalog;
use crate::text::{truncate, width};
use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Light modules around the code, as the QR standard asks.
const QUIET: usize = 4;

/// What a resource's code can hold: its web address, then each phone number (`tel:`).
pub fn targets(r: &Resource) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(url) = &r.url {
        let link = if url.contains("://") {
            url.clone()
        } else {
            format!("https://{url}")
        };
        out.push((link, url.clone()));
    }
    for p in &r.phone {
        let digits: String = p.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            out.push((format!("tel:{digits}"), p.clone()));
        }
    }
    out
}

/// The rows of a QR code for `data`, quiet zone included: each character is one module wide
/// and two tall (`█ ▀ ▄` or a space). `None` if the text does not fit in a QR code.
pub fn rows(data: &str) -> Option<Vec<String>> {
    let code = QrCode::with_error_correction_level(data, EcLevel::L).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let size = n + 2 * QUIET;
    let dark = |x: usize, y: usize| {
        x >= QUIET
            && y >= QUIET
            && x < QUIET + n
            && y < QUIET + n
            && colors[(y - QUIET) * n + (x - QUIET)] == Module::Dark
    };
    Some(
        (0..size.div_ceil(2))
            .map(|row| {
                (0..size)
                    .map(|x| match (dark(x, 2 * row), dark(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect(),
    )
}

pub(super) fn qr(
    app: &App,
    id: &str,
    target: usize,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let Some(Doc::Resource(r)) = app.corpus.get(id) else {
        return None;
    };
    let w = body.width as usize;
    let all = targets(r);
    let mut lines = vec![Line::styled(
        format!(" {}", truncate(&r.name, w.saturating_sub(1))),
        palette.style(Role::Title),
    )];
    if let Some(h) = crate::present::hours_text(r, app.now, cat) {
        lines.push(Line::styled(
            format!(" {}", truncate(&h, w.saturating_sub(1))),
            palette.style(Role::Muted),
        ));
    }
    let Some((data, shown)) = all.get(target % all.len().max(1)) else {
        lines.push(Line::raw(format!(" {}", cat.t("ui.qr_nothing"))));
        frame.render_widget(Paragraph::new(lines), body);
        return Some(Position::new(body.x + 1, body.y + 1));
    };
    // The focus is the line saying what the code holds (Tab shows the next one).
    let focus = Some(Position::new(body.x + 1, body.y + 1));
    lines.push(Line::styled(
        format!(
            " {}",
            truncate(
                &cat.f("ui.qr_scan", &[("what", shown)]),
                w.saturating_sub(1)
            )
        ),
        palette.style(Role::Contact),
    ));
    let code = rows(data).unwrap_or_default();
    let fits = code.len() + lines.len() <= body.height as usize
        && code.first().is_some_and(|r| width(r) <= w);
    if !fits {
        lines.push(Line::styled(
            format!(" {}", cat.t("ui.qr_too_small")),
            palette.style(Role::Warning),
        ));
        frame.render_widget(Paragraph::new(lines), body);
        return focus;
    }
    let pad = (w - code.first().map_or(0, |r| width(r))) / 2;
    // Dark on light whatever the theme: phones read a light code on a dark screen badly.
    let ink = Style::default().fg(Color::Black).bg(Color::White);
    for row in &code {
        lines.push(Line::from(vec![
            ratatui::text::Span::raw(" ".repeat(pad)),
            ratatui::text::Span::styled(row.clone(), ink),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), body);
    focus
}
