//! *Deel je ervaring*: one step of the form at a time, with where you are, the question, and
//! the text or the choices; the privacy step explains each finding in plain words.

use super::{Palette, Role, note::wrap_with_cursor};
use crate::app::App;
use crate::app::share::{STEPS, Step, findings, theme_options};
use crate::drafts::QUESTIONS;
use crate::i18n::Catalog;
use crate::text::{truncate, wrap_plain};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Draws a step of the form; the focus is the caret, the highlighted option, or the question.
pub(super) fn share(
    app: &App,
    index: usize,
    palette: Palette,
    frame: &mut Frame,
    body: Rect,
) -> Option<Position> {
    let cat = Catalog::get(app.lang);
    let w = body.width.saturating_sub(2) as usize;
    let step = STEPS.get(index).copied()?;
    let mut lines: Vec<Line> = Vec::new();
    let push = |text: &str, role: Role, lines: &mut Vec<Line>| {
        for l in wrap_plain(text, w) {
            lines.push(Line::styled(format!(" {l}"), palette.style(role)));
        }
    };
    let progress = cat.f(
        "ui.share_step",
        &[("n", &(index + 1)), ("total", &STEPS.len())],
    );
    push(&progress, Role::Muted, &mut lines);
    if index == 0 {
        push(cat.t("ui.share_intro"), Role::Muted, &mut lines);
        if !app.share.keep {
            push(cat.t("ui.share_not_kept"), Role::Warning, &mut lines);
        }
    }
    let question = match step {
        Step::Question(i) => cat.t(QUESTIONS[i]).to_owned(),
        Step::Title => cat.t("ui.share_q_title").to_owned(),
        Step::Themes => cat.t("ui.share_q_themes").to_owned(),
        Step::Perspective => cat.t("ui.share_q_perspective").to_owned(),
        Step::Name => cat.t("ui.share_q_name").to_owned(),
        Step::Age => cat.t("ui.share_q_age").to_owned(),
        Step::Privacy => cat.t("ui.share_q_privacy").to_owned(),
        Step::Consent => cat.t("ui.share_q_consent").to_owned(),
        Step::Done => match (app.share.keep, app.share.id, app.share.exported) {
            (true, Some(id), _) => cat.f("ui.share_done", &[("id", &id)]),
            (false, _, true) => cat.t("ui.share_done_exported").to_owned(),
            _ => cat.t("ui.share_done_not_kept").to_owned(),
        },
    };
    lines.push(Line::raw(""));
    let question_row = lines.len();
    push(&question, Role::Title, &mut lines);
    lines.push(Line::raw(""));
    let options_row = lines.len();
    if step.is_text() {
        // In a small window the text being written and its caret must stay in view: the
        // explanation above the question gives way first.
        let cut = (lines.len() + 3)
            .saturating_sub(body.height as usize)
            .min(question_row);
        lines.drain(..cut);
        let top = lines.len();
        let ed = &app.share.editor;
        let (rows, (row, col)) = wrap_with_cursor(ed.text(), ed.cursor(), w);
        let room = (body.height as usize).saturating_sub(top + 1).max(1);
        let offset = (row + 1).saturating_sub(room);
        lines.extend(
            rows.iter()
                .skip(offset)
                .take(room)
                .map(|r| Line::raw(format!(" {r}"))),
        );
        if step.is_multiline() {
            let words = ed.text().split_whitespace().count();
            lines.push(Line::styled(
                format!(" {}", cat.n("ui.note_words", words)),
                palette.style(Role::Muted),
            ));
        }
        frame.render_widget(Paragraph::new(lines), body);
        return Some(Position::new(
            body.x + 1 + col as u16,
            body.y + (top + row - offset) as u16,
        ));
    }
    let choice = app.share.choice;
    let focus = match step {
        Step::Themes | Step::Perspective => {
            Position::new(body.x, (body.y as usize + options_row + choice) as u16)
        }
        _ => Position::new(body.x + 1, body.y + question_row as u16),
    };
    let option = |i: usize, mark: &str, text: &str| {
        let sel = if i == choice { "›" } else { " " };
        format!("{sel}{mark} {text}")
    };
    match step {
        Step::Themes => {
            for (i, slug) in theme_options(app).iter().enumerate() {
                let name = app
                    .corpus
                    .theme(slug)
                    .map_or(slug.as_str(), |t| t.name(app.lang.is_english()));
                let on = app.share.draft.themes.contains(slug);
                let role = if i == choice {
                    Role::Selected
                } else {
                    Role::Normal
                };
                lines.push(Line::styled(
                    option(i, if on { "[x]" } else { "[ ]" }, name),
                    palette.style(role),
                ));
            }
        }
        Step::Perspective => {
            let naaste = app.share.draft.perspective == "naaste";
            for (i, (key, on)) in [
                ("ui.perspective_zelf", !naaste),
                ("ui.perspective_naaste", naaste),
            ]
            .into_iter()
            .enumerate()
            {
                let role = if i == choice {
                    Role::Selected
                } else {
                    Role::Normal
                };
                lines.push(Line::styled(
                    option(i, if on { "(•)" } else { "( )" }, cat.t(key)),
                    palette.style(role),
                ));
            }
        }
        Step::Privacy => {
            let found = findings(app);
            if found.is_empty() {
                push(cat.t("ui.share_privacy_none"), Role::Normal, &mut lines);
            }
            let all = app.share.draft.all_text();
            for f in found {
                // The sentence it is in, so the writer sees where.
                let start = all[..f.range.start]
                    .rfind(['.', '!', '?', '\n'])
                    .map_or(0, |i| i + 1);
                let end = all[f.range.end..]
                    .find(['.', '!', '?', '\n'])
                    .map_or(all.len(), |i| f.range.end + i + 1);
                push(
                    &format!("“{}”", all[start..end].trim()),
                    Role::Muted,
                    &mut lines,
                );
                let why = cat.f(
                    f.kind.why_key(),
                    &[("text", &f.text), ("with", &f.kind.placeholder())],
                );
                push(&format!("  {why}"), Role::Warning, &mut lines);
            }
        }
        Step::Consent => {
            let key = match app.share.draft.consent {
                Some(_) => "ui.share_consent_given",
                None => "ui.share_consent_open",
            };
            push(cat.t(key), Role::Contact, &mut lines);
        }
        _ => {}
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let t: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(truncate(&t, w + 1), l.style)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
    Some(focus)
}
