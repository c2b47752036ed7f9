//! The keymap: rows of (screen, keys, action, description) read from `assets/keymap.toml`,
//! optionally overridden by a user file. Dispatch, help and footer all read it.

use super::App;
use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere, also while typing.
    Global,
    /// The home menu.
    Home,
    /// A theme's list, *Hulp nu*.
    List,
    /// Typing in the search box.
    Search,
    /// Moving through search results.
    Results,
    /// Content notes before a story.
    Gate,
    /// Reading a story or resource.
    Reader,
    /// The help overlay.
    Help,
    /// The Bladwijzers screen.
    Bookmarks,
    /// Writing a bookmark's note.
    Note,
    /// A QR code.
    Qr,
    /// The *hulpbriefje*.
    Slip,
    /// Typing in *Deel je ervaring*.
    ShareText,
    /// Choosing in *Deel je ervaring* (themes, perspective, privacy, consent).
    ShareChoose,
}

/// One keymap row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// Where it applies.
    pub screen: Context,
    /// Key names (`"q"`, `"ctrl-q"`, `"enter"`).
    pub keys: Vec<String>,
    /// What it does.
    pub action: Action,
    /// Catalog key of its description.
    pub desc: String,
    /// How important the key is on its screen (1 = most): the footer shows keys in this
    /// order and drops the least important first; help lists them in this order. Rows without
    /// one are listed only in help. (`hint` is the old name.)
    #[serde(alias = "hint")]
    pub importance: Option<u8>,
}

#[derive(Deserialize)]
struct File {
    key: Vec<Binding>,
}

/// The key table.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<Binding>,
}

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

impl Default for Keymap {
    fn default() -> Self {
        let rows = toml::from_str::<File>(DEFAULT)
            .map(|f| f.key)
            .unwrap_or_default();
        Keymap { rows }
    }
}

impl Keymap {
    /// The default keymap with a user's rows applied: a row with the same screen and action
    /// replaces the keys; a new one is added. A broken user file is an error naming the problem.
    pub fn with_user(user: &str) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        let file: File = toml::from_str(user).map_err(|e| e.to_string())?;
        for row in file.key {
            if let Some(bad) = row.keys.iter().find(|k| !valid_key(k)) {
                return Err(format!("unknown key name `{bad}`"));
            }
            match map.rows.iter_mut().find(|r| {
                r.screen == row.screen
                    && std::mem::discriminant(&r.action) == std::mem::discriminant(&row.action)
            }) {
                Some(existing) => existing.keys = row.keys,
                None => map.rows.push(row),
            }
        }
        Ok(map)
    }

    /// The action a key asks for in a context (the global rows apply everywhere).
    pub fn action(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        let name = key_name(key)?;
        for c in [ctx, Context::Global] {
            if let Some(row) = self
                .rows
                .iter()
                .find(|r| r.screen == c && r.keys.contains(&name))
            {
                return Some(match row.action {
                    Action::Jump => Action::JumpTo(name.parse().ok()?),
                    ref a => a.clone(),
                });
            }
        }
        None
    }

    /// All rows of a context, most important first, then the global ones (for the help
    /// overlay).
    pub fn rows(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        let by_importance = |screen: Context| {
            let mut rows: Vec<&Binding> = self.rows.iter().filter(|r| r.screen == screen).collect();
            rows.sort_by_key(|r| r.importance.unwrap_or(u8::MAX));
            rows
        };
        by_importance(ctx)
            .into_iter()
            .chain(by_importance(Context::Global))
    }

    /// The footer hints of a context, most important first: the context's own, then the
    /// global ones.
    pub fn hints(&self, ctx: Context) -> Vec<&Binding> {
        let mut own: Vec<&Binding> = self
            .rows
            .iter()
            .filter(|r| r.screen == ctx && r.importance.is_some())
            .collect();
        own.sort_by_key(|r| r.importance);
        let mut global: Vec<&Binding> = self
            .rows
            .iter()
            .filter(|r| r.screen == Context::Global && r.importance.is_some())
            .collect();
        global.sort_by_key(|r| r.importance);
        own.extend(global);
        own
    }
}

/// The keymap name of a key event (`"ctrl-q"`, `"enter"`, `"G"`).
pub fn key_name(key: &KeyEvent) -> Option<String> {
    let base = match key.code {
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            return Some(format!("ctrl-{}", c.to_ascii_lowercase()));
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "backtab".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::F(n) => format!("f{n}"),
        _ => return None,
    };
    Some(base)
}

fn valid_key(k: &str) -> bool {
    let named = [
        "enter",
        "esc",
        "backspace",
        "up",
        "down",
        "left",
        "right",
        "pageup",
        "pagedown",
        "home",
        "end",
        "tab",
        "backtab",
        "delete",
    ];
    named.contains(&k)
        || k.chars().count() == 1
        || k.strip_prefix("ctrl-")
            .is_some_and(|c| c.chars().count() == 1)
        || k.strip_prefix('f')
            .is_some_and(|n| n.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)))
}

/// How a key name is shown in the footer and help ("Ctrl-Q", "Enter", "↑").
pub fn display_key(k: &str) -> String {
    match k {
        "up" => "↑".into(),
        "down" => "↓".into(),
        "left" => "←".into(),
        "right" => "→".into(),
        "enter" => "Enter".into(),
        "esc" => "Esc".into(),
        "backspace" => "Backspace".into(),
        "pageup" => "PgUp".into(),
        "pagedown" => "PgDn".into(),
        "home" => "Home".into(),
        "end" => "End".into(),
        "tab" => "Tab".into(),
        "backtab" => "Shift-Tab".into(),
        " " => "Spatie".into(),
        k if k.starts_with("ctrl-") => format!("Ctrl-{}", k[5..].to_uppercase()),
        k if k.starts_with('f') && k.len() > 1 => k.to_uppercase(),
        k => k.to_owned(),
    }
}

/// The action a key asks for on the current screen: the keymap first; in the search box,
/// printable keys type and the arrows edit.
pub fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctx = app.context();
    if let Some(a) = app.keymap.action(ctx, key) {
        return Some(a);
    }
    let typing = matches!(
        ctx,
        Context::Search | Context::Results | Context::Note | Context::ShareText
    );
    let editing = matches!(ctx, Context::Search | Context::Note | Context::ShareText);
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if typing && plain => Some(Action::Type(c.to_string())),
        KeyCode::Backspace if editing => Some(Action::DeleteBack),
        KeyCode::Delete if editing => Some(Action::DeleteForward),
        KeyCode::Left if editing => Some(Action::CursorLeft),
        KeyCode::Right if editing => Some(Action::CursorRight),
        KeyCode::Home if editing => Some(Action::CursorHome),
        KeyCode::End if editing => Some(Action::CursorEnd),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_on_one_screen() {
        let map = Keymap::default();
        let mut seen = std::collections::HashMap::new();
        for r in &map.rows {
            for k in &r.keys {
                if let Some(other) = seen.insert((r.screen, k.clone()), r.desc.clone()) {
                    panic!("{:?} key {k:?}: {other} and {}", r.screen, r.desc);
                }
            }
        }
        assert!(seen.len() > 50);
    }
}
