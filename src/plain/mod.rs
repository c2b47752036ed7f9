//! Plain mode: the same app as numbered lines of text, for screen readers, braille displays,
//! slow links and `script` logs. Each screen's content is printed once, then a prompt; the
//! person answers with a number, a word to search for, or a short command (see [`command`]).
//! Nothing is redrawn, the cursor is never moved, and no colour or control character is
//! written: every line passes through [`sanitize_line`](crate::sanitize::sanitize_line).
//!
//! ```text
//! line ─► command::parse ─► Action(s) ─► app::update ─► Effects ─► perform (the edge) ─► …
//!                                              │
//!                                  render::screen(&App) ─► text
//! ```
//! This module is pure: [`Session::input`] takes a line and a function that performs effects
//! (search, the bookmark store) and returns the text to print, so tests drive it with strings.
//! The edge (`tui::lines`) reads standard input and writes standard output.

pub mod command;
pub mod render;

use crate::app::{Action, App, Effect, View, update};
use crate::i18n::Catalog;
use crate::sanitize::sanitize_line;
use crate::text::wrap_plain;
pub use command::{Command, parse};
use std::collections::VecDeque;

/// Lines of a document printed before "Enter = verder".
pub const PAGE: usize = 20;

/// Columns text is wrapped to when the output's width is not known (and at most).
pub const WIDTH: usize = 80;

/// What one answer gave: the text to print, and whether plein ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    /// Lines to print, each ending in a newline; the prompt is the last, without one.
    pub text: String,
    /// The person left.
    pub quit: bool,
}

/// A plain-mode session: the app and how far the document on screen was read.
pub struct Session {
    /// The app's state, as in the full-screen app.
    pub app: App,
    /// Lines of a document per page.
    pub page: usize,
    /// Columns text is wrapped to.
    width: usize,
    /// The document being read and how many of its lines were printed.
    read: Option<(String, usize)>,
}

/// Performs an effect at the edge, answering with an action when it has one.
pub type Perform<'a> = dyn FnMut(Effect) -> Option<Action> + 'a;

impl Session {
    /// A session on the app, wrapping at [`WIDTH`] columns.
    pub fn new(app: App) -> Session {
        Session::with_width(app, WIDTH)
    }

    /// A session wrapping at `width` columns (20 to [`WIDTH`]): a terminal's own width.
    pub fn with_width(mut app: App, width: usize) -> Session {
        let width = width.clamp(20, WIDTH);
        // The reader lays text out at the window's width less its margins.
        update(&mut app, Action::Resize(width as u16 + 4, PAGE as u16 + 6));
        Session {
            app,
            page: PAGE,
            width,
            read: None,
        }
    }

    fn cat(&self) -> &'static Catalog {
        Catalog::get(self.app.lang)
    }

    /// The first screen: start-up notices, Home, and the prompt.
    pub fn start(&mut self) -> String {
        let mut out = Vec::new();
        if let Some(n) = &self.app.notice {
            out.extend(wrap_plain(n, self.width));
        }
        out.extend(self.show());
        finish(out, self.cat())
    }

    /// Applies an action and performs its effects; true when the app asked to quit.
    fn act(&mut self, action: Action, perform: &mut Perform<'_>) -> bool {
        let mut queue: VecDeque<Effect> = update(&mut self.app, action).into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Quit | Effect::QuickExit => return true,
                e => {
                    if let Some(a) = perform(e) {
                        queue.extend(update(&mut self.app, a));
                    }
                }
            }
        }
        false
    }

    /// The screen on top, printed in full (a document: its first page).
    fn show(&mut self) -> Vec<String> {
        if let View::Reader { id, .. } = self.app.view() {
            let id = id.clone();
            self.read = Some((id, 0));
            return self.more();
        }
        self.read = None;
        let mut out = vec![String::new()];
        out.extend(render::screen(&self.app, self.width));
        out.push(String::new());
        out.extend(wrap_plain(self.cat().t(self.hint_key()), self.width));
        out
    }

    fn hint_key(&self) -> &'static str {
        match self.app.view() {
            View::Gate { .. } => "plain.hint_gate",
            View::Search { .. } if self.app.search.results.is_none() => "plain.hint_search",
            _ => "plain.hint",
        }
    }

    /// The next page of the document being read.
    fn more(&mut self) -> Vec<String> {
        let Some((id, from)) = self.read.clone() else {
            return self.show();
        };
        let lines = render::doc_lines(&self.app, &id);
        let cat = self.cat();
        let mut out = Vec::new();
        if from == 0 {
            out.push(String::new());
        }
        if from >= lines.len() {
            out.extend(wrap_plain(cat.t(self.end_key(&id)), self.width));
            return out;
        }
        let to = (from + self.page).min(lines.len());
        out.extend(lines[from..to].iter().cloned());
        self.read = Some((id.clone(), to));
        out.push(String::new());
        if to < lines.len() {
            let a: [(&str, &dyn std::fmt::Display); 2] = [("to", &to), ("total", &lines.len())];
            out.push(cat.f("plain.more", &a));
        } else {
            out.extend(wrap_plain(cat.t(self.end_key(&id)), self.width));
        }
        out
    }

    fn end_key(&self, id: &str) -> &'static str {
        if self.app.layout(id).links.is_empty() {
            "plain.end"
        } else {
            "plain.end_links"
        }
    }

    /// Answers one typed line.
    pub fn input(&mut self, line: &str, perform: &mut Perform<'_>) -> Reply {
        let cat = self.cat();
        let before = self.app.stack.clone();
        let notice = self.app.notice.clone();
        let mut out: Vec<String> = Vec::new();
        let mut changed = false;
        match parse(line, self.app.lang) {
            Command::More => match self.app.view() {
                View::Reader { .. } if self.read.is_some() => out.extend(self.more()),
                View::Gate { .. } => {
                    self.act(Action::Open, perform);
                    changed = true;
                }
                _ => changed = true,
            },
            Command::Commands => out.extend(self.commands()),
            Command::Number(n) => match self.number(n) {
                Some(action) if (1..=self.count()).contains(&n) => {
                    self.act(action, perform);
                }
                _ if self.count() == 0 => {
                    out.extend(wrap_plain(cat.t("plain.no_numbers"), self.width))
                }
                _ => {
                    let a: [(&str, &dyn std::fmt::Display); 2] =
                        [("number", &n), ("max", &self.count())];
                    out.extend(wrap_plain(&cat.f("plain.no_number", &a), self.width));
                }
            },
            Command::Search(words) => {
                self.search(&words, perform);
                changed = true;
            }
            Command::Back => {
                if self.app.stack.len() > 1 {
                    self.act(Action::Back, perform);
                } else {
                    out.extend(wrap_plain(cat.t("plain.at_home"), self.width));
                }
            }
            Command::Home => {
                // Back, step by step, as far as it goes (a form's own screens keep their Esc).
                while self.app.stack.len() > 1 {
                    let depth = self.app.stack.len();
                    self.act(Action::Back, perform);
                    if self.app.stack.len() == depth {
                        break;
                    }
                }
                changed = true;
            }
            Command::Crisis => {
                self.act(Action::Crisis, perform);
                changed = true;
            }
            Command::Bookmarks => {
                if !matches!(self.app.view(), View::Bookmarks { .. }) {
                    self.act(Action::Bookmarks, perform);
                }
                changed = true;
            }
            Command::Save => out.extend(self.save(perform)),
            Command::Quit if self.app.quit_locked() => {
                // A public computer stays open for the next visitor: `stop` wipes the session.
                self.act(Action::QuickExit, perform);
                out.extend(wrap_plain(cat.t("plain.kiosk_wiped"), self.width));
                changed = true;
            }
            Command::Quit => {
                return Reply {
                    text: clean(&[cat.t("plain.bye").to_owned()]),
                    quit: true,
                };
            }
        }
        if self.app.notice != notice
            && let Some(n) = &self.app.notice
        {
            out.extend(wrap_plain(n, self.width));
        }
        if changed || self.app.stack != before {
            out.extend(self.show());
        }
        Reply {
            text: finish(out, cat),
            quit: false,
        }
    }

    /// The kiosk's idle time passed: the session is wiped and Home shown.
    pub fn idle(&mut self, perform: &mut Perform<'_>) -> Reply {
        self.act(Action::Idle, perform);
        let mut out = wrap_plain(self.cat().t("plain.kiosk_wiped"), self.width);
        out.extend(self.show());
        Reply {
            text: finish(out, self.cat()),
            quit: false,
        }
    }

    /// The action a number asks for on this screen.
    fn number(&self, n: usize) -> Option<Action> {
        let i = n.checked_sub(1)?;
        match self.app.view() {
            View::Home { .. } => render::home_menu(&self.app)
                .get(i)
                .map(|(index, _)| Action::Activate(*index)),
            View::Theme { .. } | View::Crisis { .. } | View::Bookmarks { .. } => {
                Some(Action::Activate(i))
            }
            View::Search { .. } => Some(Action::Activate(i)),
            View::Reader { .. } => Some(Action::JumpTo(n)),
            _ => None,
        }
    }

    /// How many numbered items the screen has.
    fn count(&self) -> usize {
        let c = &self.app.corpus;
        match self.app.view() {
            View::Home { .. } => render::home_menu(&self.app).len(),
            View::Theme { slug, filter, .. } => crate::app::theme_items(c, slug, filter).len(),
            View::Crisis { .. } => crate::app::crisis_resources(c).len(),
            View::Bookmarks { .. } => self.app.bookmarks.items.len(),
            View::Search { .. } => self.app.search.results.as_ref().map_or(0, |r| r.hits.len()),
            View::Reader { id, .. } => self.app.layout(id).links.len(),
            _ => 0,
        }
    }

    fn search(&mut self, words: &str, perform: &mut Perform<'_>) {
        if !matches!(self.app.view(), View::Search { .. }) {
            self.act(Action::Search, perform);
        }
        self.act(Action::FocusInput, perform);
        self.act(Action::ClearInput, perform);
        if !words.trim().is_empty() {
            self.act(Action::Type(words.trim().to_owned()), perform);
        }
    }

    fn save(&mut self, perform: &mut Perform<'_>) -> Vec<String> {
        let cat = self.cat();
        let id = match self.app.view() {
            View::Reader { id, .. } | View::Gate { id } => id.clone(),
            _ => return wrap_plain(cat.t("plain.save_where"), self.width),
        };
        let title = match self.app.corpus.get(&id) {
            Some(crate::corpus::Doc::Story(s)) => s.title.clone(),
            Some(crate::corpus::Doc::Resource(r)) => r.name.clone(),
            None => return Vec::new(),
        };
        self.act(Action::ToggleBookmark, perform);
        let key = if self.app.bookmarks.contains(&id) {
            if self.app.bookmarks.kept {
                "plain.saved"
            } else {
                "plain.saved_session"
            }
        } else {
            "plain.unsaved"
        };
        wrap_plain(&cat.f(key, &[("title", &title)]), self.width)
    }

    fn commands(&self) -> Vec<String> {
        let cat = self.cat();
        let mut out = vec![String::new(), cat.t("plain.commands").to_owned()];
        let quit = if self.app.quit_locked() {
            "plain.cmd_quit_kiosk"
        } else {
            "plain.cmd_quit"
        };
        for key in [
            "plain.cmd_number",
            "plain.cmd_word",
            "plain.cmd_enter",
            "plain.cmd_back",
            "plain.cmd_home",
            "plain.cmd_help",
            "plain.cmd_save",
            "plain.cmd_bookmarks",
            quit,
        ] {
            out.extend(column(cat.t(key), 15, self.width));
        }
        out
    }
}

/// A two-column line ("  terug        terug naar waar je was"): kept as written, its second
/// column wrapped under itself when the line is wider than `width`.
fn column(line: &str, at: usize, width: usize) -> Vec<String> {
    let split = line.char_indices().nth(at).map_or(line.len(), |(i, _)| i);
    let (head, rest) = line.split_at(split);
    let pad = " ".repeat(at);
    wrap_plain(rest, width.saturating_sub(at).max(10))
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { head } else { &pad }))
        .collect()
}

/// The lines as inert text, then the prompt.
fn finish(lines: Vec<String>, cat: &Catalog) -> String {
    let mut text = clean(&lines);
    text.push_str(cat.t("plain.prompt"));
    text
}

/// Every line through the sanitiser: nothing can reach the terminal as a control sequence.
fn clean(lines: &[String]) -> String {
    let mut text = String::new();
    for l in lines {
        text.push_str(&sanitize_line(l));
        text.push('\n');
    }
    text
}
