//! Styles by meaning. Views ask for `Title` or `Selected`, never for a colour, so a theme is
//! one table here.
//!
//! - `auto` (the default) becomes `dark` or `light` when the terminal says what its background
//!   is (see [`background`](super::background)); when it cannot tell, it uses no colour at all:
//!   the terminal's own foreground on its own background, with bold, reverse video and
//!   underline for emphasis, which is readable on every background. The monochrome theme (also
//!   for `NO_COLOR`) is the same.
//! - `dark` and `light` give text a colour only where it reads at 4.5:1 or more (WCAG AA) on a
//!   black or a white background respectively (xterm's palette).
//! - `high-contrast` sets foreground *and* background on every cell, so it reads the same on a
//!   white terminal as on a black one.
//!
//! `tests/contrast.rs` checks every role of every theme against both backgrounds.

use ratatui::style::{Color, Modifier, Style};

pub use crate::present::ThemeName;

/// What a piece of screen means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text.
    Normal,
    /// Titles and headings.
    Title,
    /// Secondary text.
    Muted,
    /// The selected item.
    Selected,
    /// Matched words in snippets.
    Match,
    /// Cautions: content notes, "details can change".
    Warning,
    /// Links below a story.
    Link,
    /// Phone numbers and web addresses.
    Contact,
    /// Key names in the footer and help.
    Key,
    /// The top bar.
    Header,
    /// *Emphasis* in text.
    Em,
    /// **Strong** text.
    Strong,
}

impl Role {
    /// Every role, for tests that check them all.
    pub const ALL: [Role; 12] = [
        Role::Normal,
        Role::Title,
        Role::Muted,
        Role::Selected,
        Role::Match,
        Role::Warning,
        Role::Link,
        Role::Contact,
        Role::Key,
        Role::Header,
        Role::Em,
        Role::Strong,
    ];
}

/// A theme: a style per role.
#[derive(Debug, Clone, Copy)]
pub struct Palette(pub ThemeName);

impl Palette {
    /// The style every cell starts with, before a view draws: high contrast paints the whole
    /// screen white on black; the other themes keep the terminal's own colours.
    pub fn base(self) -> Style {
        match self.0 {
            ThemeName::HighContrast => Style::default().fg(Color::White).bg(Color::Black),
            _ => Style::default(),
        }
    }

    /// The style of a role.
    pub fn style(self, role: Role) -> Style {
        match self.0 {
            ThemeName::Default | ThemeName::Monochrome => plain(role),
            ThemeName::Dark => dark(role),
            ThemeName::Light => light(role),
            ThemeName::HighContrast => high_contrast(role),
        }
    }
}

const BOLD: Modifier = Modifier::BOLD;
const UNDERLINED: Modifier = Modifier::UNDERLINED;

/// Modifiers every theme shares.
fn common(role: Role) -> Style {
    let s = Style::default();
    match role {
        Role::Em => s.add_modifier(Modifier::ITALIC),
        Role::Strong => s.add_modifier(BOLD),
        _ => s,
    }
}

/// No colour: the terminal's own, with bold, reverse video and underline.
fn plain(role: Role) -> Style {
    let s = common(role);
    match role {
        Role::Title | Role::Key | Role::Warning | Role::Contact => s.add_modifier(BOLD),
        Role::Selected | Role::Header => s.add_modifier(Modifier::REVERSED),
        Role::Match => s.add_modifier(BOLD | UNDERLINED),
        Role::Link => s.add_modifier(UNDERLINED),
        Role::Normal | Role::Muted | Role::Em | Role::Strong => s,
    }
}

/// For a dark background.
fn dark(role: Role) -> Style {
    let s = common(role);
    match role {
        Role::Title | Role::Key => s.fg(Color::Cyan).add_modifier(BOLD),
        Role::Muted => s.fg(Color::Gray),
        Role::Selected => s.fg(Color::Black).bg(Color::Cyan).add_modifier(BOLD),
        Role::Match => s.fg(Color::Yellow).add_modifier(BOLD | UNDERLINED),
        Role::Warning => s.fg(Color::Yellow).add_modifier(BOLD),
        Role::Link => s.fg(Color::Cyan).add_modifier(UNDERLINED),
        Role::Contact => s.fg(Color::Green).add_modifier(BOLD),
        Role::Header => s.fg(Color::Black).bg(Color::Cyan),
        Role::Normal | Role::Em | Role::Strong => s,
    }
}

/// For a light background: dark blue, red and magenta (green and yellow are pale on white).
fn light(role: Role) -> Style {
    let s = common(role);
    match role {
        Role::Title | Role::Key => s.fg(Color::Blue).add_modifier(BOLD),
        Role::Selected => s.fg(Color::White).bg(Color::Blue).add_modifier(BOLD),
        Role::Match => s.fg(Color::Blue).add_modifier(BOLD | UNDERLINED),
        Role::Warning => s.fg(Color::Red).add_modifier(BOLD),
        Role::Link => s.fg(Color::Blue).add_modifier(UNDERLINED),
        Role::Contact => s.fg(Color::Magenta).add_modifier(BOLD),
        Role::Header => s.fg(Color::White).bg(Color::Blue),
        Role::Normal | Role::Muted | Role::Em | Role::Strong => s,
    }
}

/// White on black everywhere, black on yellow for the selection and the top bar.
fn high_contrast(role: Role) -> Style {
    let s = common(role).fg(Color::White).bg(Color::Black);
    match role {
        Role::Selected | Role::Header => s.fg(Color::Black).bg(Color::Yellow).add_modifier(BOLD),
        Role::Match => s.fg(Color::Yellow).add_modifier(BOLD | UNDERLINED),
        Role::Link => s.add_modifier(BOLD | UNDERLINED),
        Role::Normal | Role::Muted | Role::Em | Role::Strong => s,
        Role::Title | Role::Warning | Role::Contact | Role::Key => s.add_modifier(BOLD),
    }
}
