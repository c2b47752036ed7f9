//! Styles by meaning. Views ask for `Title` or `Selected`, never for a colour, so a theme is
//! one table here. The monochrome theme (also for `NO_COLOR`) keeps selection and matches
//! visible with reverse video, bold and underline.

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

/// A theme: a style per role.
#[derive(Debug, Clone, Copy)]
pub struct Palette(pub ThemeName);

impl Palette {
    /// The style of a role.
    pub fn style(self, role: Role) -> Style {
        let s = Style::default();
        let bold = Modifier::BOLD;
        match (self.0, role) {
            (_, Role::Normal) => s,
            (_, Role::Em) => s.add_modifier(Modifier::ITALIC),
            (_, Role::Strong) => s.add_modifier(bold),
            (ThemeName::Monochrome, Role::Title | Role::Key | Role::Warning | Role::Contact) => {
                s.add_modifier(bold)
            }
            (ThemeName::Monochrome, Role::Muted) => s,
            (ThemeName::Monochrome, Role::Selected | Role::Header) => {
                s.add_modifier(Modifier::REVERSED)
            }
            (ThemeName::Monochrome, Role::Match) => s.add_modifier(bold | Modifier::UNDERLINED),
            (ThemeName::Monochrome, Role::Link) => s.add_modifier(Modifier::UNDERLINED),
            (ThemeName::Default, Role::Title) => s.fg(Color::Cyan).add_modifier(bold),
            (ThemeName::Default, Role::Muted) => s.fg(Color::Gray),
            (ThemeName::Default, Role::Selected) => {
                s.fg(Color::Black).bg(Color::Cyan).add_modifier(bold)
            }
            (ThemeName::Default, Role::Match) => s
                .fg(Color::Yellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            (ThemeName::Default, Role::Warning) => s.fg(Color::Yellow).add_modifier(bold),
            (ThemeName::Default, Role::Link) => {
                s.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED)
            }
            (ThemeName::Default, Role::Contact) => s.fg(Color::Green).add_modifier(bold),
            (ThemeName::Default, Role::Key) => s.fg(Color::Cyan).add_modifier(bold),
            (ThemeName::Default, Role::Header) => s.fg(Color::Black).bg(Color::Cyan),
            (ThemeName::HighContrast, Role::Selected | Role::Header) => {
                s.fg(Color::Black).bg(Color::Yellow).add_modifier(bold)
            }
            (ThemeName::HighContrast, Role::Match) => s
                .fg(Color::Yellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            (ThemeName::HighContrast, Role::Link) => {
                s.fg(Color::White).add_modifier(bold | Modifier::UNDERLINED)
            }
            (ThemeName::HighContrast, Role::Muted) => s.fg(Color::White),
            (ThemeName::HighContrast, _) => s.fg(Color::White).add_modifier(bold),
        }
    }
}
