//! The crisis card on the search screen: a fixed, highlighted block above the results when a
//! query says someone is in danger. Calm: one short sentence, the help with its number and
//! hours (from the resource files), and the one key that opens it.

use super::{Palette, Role};
use crate::app::App;
use crate::i18n::Catalog;
use crate::search::crisis::Card;
use crate::text::truncate;
use ratatui::text::Line;

/// The card of the current results, if any.
fn card(app: &App) -> Option<&Card> {
    app.search.results.as_ref().and_then(|r| r.crisis.as_ref())
}

/// Rows the card takes (0 without a card): sentence, one row per help, the key, a gap.
pub(super) fn height(app: &App) -> usize {
    card(app).map_or(0, |c| c.help.len() + 3)
}

/// The card's lines, cut to width `w`.
pub(super) fn lines(app: &App, palette: Palette, w: usize) -> Vec<Line<'static>> {
    let Some(card) = card(app) else {
        return Vec::new();
    };
    let cat = Catalog::get(app.lang);
    let key = format!("search.crisis_{}", card.kind.replace('-', "_"));
    let pad = |s: String| format!("{s:<w$}");
    let mut out = vec![Line::styled(
        pad(truncate(&format!(" {}", cat.t(&key)), w)),
        palette.style(Role::Header),
    )];
    for h in &card.help {
        let text = format!("  {}", crate::present::card_help_line(h, app.now, cat));
        out.push(Line::styled(
            truncate(&text, w),
            palette.style(Role::Contact),
        ));
    }
    out.push(Line::styled(
        truncate(
            &format!("  {}", cat.f("ui.crisis_open_key", &[("key", &"Ctrl-O")])),
            w,
        ),
        palette.style(Role::Key),
    ));
    out.push(Line::raw(""));
    out
}
