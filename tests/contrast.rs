//! Readable on any background: the WCAG contrast of every role's colours in every theme, on a
//! black and on a white terminal, with xterm's default 16-colour palette.
//!
//! The rule, per role:
//! - no foreground and no background: the terminal's own colours, readable on both;
//! - a background: then a foreground too (never the terminal's unknown one on a colour plein
//!   chose), and the two at 4.5:1 or more;
//! - a foreground without a background: 4.5:1 or more against every background the theme may
//!   be drawn on. That is both black and white, except for `dark` (chosen for a dark
//!   background: by `auto` when the terminal says it is dark, or by the person) and `light`
//!   (for a light one), which are checked against their own background only.

use clap::ValueEnum;
use plein::ui::background::luminance;
use plein::ui::{Palette, Role, ThemeName};
use ratatui::style::{Color, Modifier, Style};

const BLACK: (u8, u8, u8) = (0, 0, 0);
const WHITE: (u8, u8, u8) = (255, 255, 255);

/// xterm's default palette for the 16 named colours.
fn rgb(c: Color) -> (u8, u8, u8) {
    match c {
        Color::Black => BLACK,
        Color::Red => (0xcd, 0, 0),
        Color::Green => (0, 0xcd, 0),
        Color::Yellow => (0xcd, 0xcd, 0),
        Color::Blue => (0, 0, 0xee),
        Color::Magenta => (0xcd, 0, 0xcd),
        Color::Cyan => (0, 0xcd, 0xcd),
        Color::Gray => (0xe5, 0xe5, 0xe5),
        Color::DarkGray => (0x7f, 0x7f, 0x7f),
        Color::LightRed => (0xff, 0, 0),
        Color::LightGreen => (0, 0xff, 0),
        Color::LightYellow => (0xff, 0xff, 0),
        Color::LightBlue => (0x5c, 0x5c, 0xff),
        Color::LightMagenta => (0xff, 0, 0xff),
        Color::LightCyan => (0, 0xff, 0xff),
        Color::White => WHITE,
        Color::Rgb(r, g, b) => (r, g, b),
        other => panic!("{other:?}: a colour the test cannot judge"),
    }
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let l = |(r, g, b): (u8, u8, u8)| {
        luminance(
            f64::from(r) / 255.0,
            f64::from(g) / 255.0,
            f64::from(b) / 255.0,
        )
    };
    let (x, y) = (l(a), l(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The backgrounds a theme may be drawn on.
fn backgrounds(theme: ThemeName) -> Vec<(u8, u8, u8)> {
    match theme {
        ThemeName::Dark => vec![BLACK],
        ThemeName::Light => vec![WHITE],
        _ => vec![BLACK, WHITE],
    }
}

/// A role's style as the terminal shows it: the screen's base under it, reverse video applied.
fn shown(palette: Palette, role: Role) -> (Option<Color>, Option<Color>) {
    let s: Style = palette.base().patch(palette.style(role));
    let fg = s.fg.filter(|c| *c != Color::Reset);
    let bg = s.bg.filter(|c| *c != Color::Reset);
    if s.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

#[test]
fn every_role_of_every_theme_reads_at_4_5_to_1_on_black_and_on_white() {
    let mut checked = 0;
    for theme in ThemeName::value_variants() {
        let palette = Palette(*theme);
        for role in Role::ALL {
            match shown(palette, role) {
                (None, None) => {}
                (None, Some(bg)) => {
                    panic!("{theme:?} {role:?}: background {bg:?} without a foreground")
                }
                (Some(fg), Some(bg)) => {
                    let c = contrast(rgb(fg), rgb(bg));
                    assert!(c >= 4.5, "{theme:?} {role:?}: {fg:?} on {bg:?} is {c:.2}:1");
                    checked += 1;
                }
                (Some(fg), None) => {
                    for bg in backgrounds(*theme) {
                        let c = contrast(rgb(fg), bg);
                        assert!(c >= 4.5, "{theme:?} {role:?}: {fg:?} on {bg:?} is {c:.2}:1");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(
        checked >= 25,
        "the themes have colours to check ({checked})"
    );
}

#[test]
fn the_measure_agrees_with_wcag() {
    assert!((contrast(BLACK, WHITE) - 21.0).abs() < 0.01);
    // Pale yellow and grey on white: the unreadable text.
    assert!(contrast(rgb(Color::Yellow), WHITE) < 2.0);
    assert!(contrast(rgb(Color::Gray), WHITE) < 1.5);
    assert!(contrast(rgb(Color::Blue), WHITE) > 9.0);
}

#[test]
fn auto_and_monochrome_use_only_the_terminal_s_own_colours() {
    for theme in [ThemeName::Default, ThemeName::Monochrome] {
        for role in Role::ALL {
            assert_eq!(
                shown(Palette(theme), role),
                (None, None),
                "{theme:?} {role:?}"
            );
        }
        let p = Palette(theme);
        assert!(
            p.style(Role::Selected)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(
            p.style(Role::Match)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }
}

#[test]
fn high_contrast_colours_every_cell_on_every_screen() {
    use crate::app::{draw, harness, press};
    for keys in [
        "",
        "1",
        "/schulden<Enter>",
        "1<Enter>",
        "?",
        "<F1>",
        "<F1><Enter>c",
    ] {
        let mut h = harness(plein::i18n::Lang::Nl);
        press(&mut h, keys);
        let t = draw(&h.app, 80, 24, ThemeName::HighContrast);
        for (i, cell) in t.backend().buffer().content().iter().enumerate() {
            assert!(
                cell.fg != Color::Reset && cell.bg != Color::Reset,
                "{keys:?}: cell {i} ({:?}) has the terminal's own colour: white on white on a light terminal",
                cell.symbol()
            );
        }
    }
}

#[test]
fn the_theme_table() {
    let mut table = String::new();
    for theme in ThemeName::value_variants() {
        let name = theme
            .to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default();
        table.push_str(&format!("{name}\n"));
        let palette = Palette(*theme);
        for role in Role::ALL {
            let s = palette.base().patch(palette.style(role));
            let colour = |c: Option<Color>| c.map_or("terminal".to_owned(), |c| format!("{c:?}"));
            let (fg, bg) = shown(palette, role);
            let contrast = match (fg, bg) {
                (Some(f), Some(b)) => format!("{:.1}:1", contrast(rgb(f), rgb(b))),
                (Some(f), None) => backgrounds(*theme)
                    .into_iter()
                    .map(|b| format!("{:.1}:1", contrast(rgb(f), b)))
                    .collect::<Vec<_>>()
                    .join(" / "),
                _ => "-".to_owned(),
            };
            table.push_str(&format!(
                "  {:<9} {} on {} {:?}  {contrast}\n",
                format!("{role:?}"),
                colour(s.fg),
                colour(s.bg),
                s.add_modifier,
            ));
        }
    }
    insta::assert_snapshot!("themes", table);
}
