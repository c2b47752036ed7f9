//! The app's state and its one `update` function: pure, no IO, so tests drive it with actions.
//!
//! ```text
//! key/mouse/resize ─► keymap ─► Action ─► update(&mut App, Action) ─► Vec<Effect> ─► edge
//!                                 ▲                                                   │
//!                                 └──────────── result Action (search, related) ◄─────┘
//! ```

mod action;
mod bookmarks;
pub mod input;
pub mod keymap;
mod lists;
mod reader;
pub mod share;
pub mod textarea;

pub use action::{Action, Effect};
pub use bookmarks::BookmarkState;
pub use keymap::{Context, Keymap};
pub use lists::{HomeItem, ListFilter, crisis_resources, home_items, theme_items};
pub use reader::{DocLine, Layout, LineRole, Link};

use crate::corpus::{Corpus, Doc};
use crate::i18n::Lang;
use crate::search::{Filter, Results};
use input::LineInput;
use std::collections::HashMap;
use std::sync::Arc;

/// A reader layout with what it was made for: document id, width, number of related stories.
type CachedLayout = (String, usize, usize, std::rc::Rc<Layout>);

/// Where the search screen's keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Typing in the search box.
    Input,
    /// Moving through the results.
    Results,
}

/// The search screen's state; it persists while the app runs, so going back finds it as it was.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The search box.
    pub input: LineInput,
    /// The latest results.
    pub results: Option<Results>,
    /// The selected hit.
    pub selected: usize,
    /// The theme the results are narrowed to.
    pub facet: Option<String>,
    /// Number of the latest request; older answers are dropped.
    pub seq: u64,
    /// A search waits for the index.
    pub waiting: bool,
}

/// A screen on the navigation stack, with its own position, so Back returns to it exactly.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// The home menu.
    Home {
        /// Selected item.
        selected: usize,
    },
    /// A theme's stories and resources.
    Theme {
        /// Theme slug.
        slug: String,
        /// Selected item.
        selected: usize,
        /// Active filters.
        filter: ListFilter,
    },
    /// *Hulp nu*: the crisis resources.
    Crisis {
        /// Selected item.
        selected: usize,
    },
    /// Search.
    Search {
        /// Where keys go.
        focus: Focus,
    },
    /// Content notes shown before a story.
    Gate {
        /// Story id.
        id: String,
    },
    /// Reading a story or resource.
    Reader {
        /// Document id.
        id: String,
        /// First visible line.
        scroll: usize,
        /// Selected link below the text.
        link: Option<usize>,
    },
    /// The Bladwijzers screen.
    Bookmarks {
        /// Selected item.
        selected: usize,
    },
    /// The *hulpbriefje*: resources in large, plain text to photograph or copy by hand.
    Slip {
        /// Resource ids.
        ids: Vec<String>,
        /// First visible line.
        scroll: usize,
    },
    /// A resource's web address or phone number as a QR code.
    Qr {
        /// Resource id.
        id: String,
        /// Which of its addresses and numbers is shown.
        target: usize,
    },
    /// *Deel je ervaring*: the form, at a step (an index into [`share::STEPS`]).
    Share {
        /// The step.
        step: usize,
    },
    /// Editing a bookmark's note.
    Note {
        /// The bookmarked document.
        id: String,
        /// The note being written.
        editor: textarea::TextArea,
    },
}

/// Kiosk mode (public computers): what the librarian allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kiosk {
    /// Time without a key after which the session is wiped.
    pub idle: std::time::Duration,
    /// `q` may quit plein.
    pub allow_quit: bool,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk {
            idle: std::time::Duration::from_secs(180),
            allow_quit: false,
        }
    }
}

/// All UI state.
pub struct App {
    /// The corpus.
    pub corpus: Arc<Corpus>,
    /// UI language.
    pub lang: Lang,
    /// The keys.
    pub keymap: Keymap,
    /// Navigation stack; the last is on screen. Never empty.
    pub stack: Vec<View>,
    /// Search state.
    pub search: SearchState,
    /// The help overlay is open.
    pub help: bool,
    /// The search index is ready.
    pub index_ready: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Related stories per story id, once known.
    pub related: HashMap<String, Vec<String>>,
    /// A message shown above the footer (documents skipped, a broken keymap file).
    pub notice: Option<String>,
    /// The person's bookmarks.
    pub bookmarks: BookmarkState,
    /// Kiosk mode, if on.
    pub kiosk: Option<Kiosk>,
    /// The story being written in *Deel je ervaring*.
    pub share: share::ShareState,
    /// The reader's last layout: wrapping a long text every frame is slow, so it is kept per
    /// (document, width, related stories) and reused.
    layout_cache: std::cell::RefCell<Option<CachedLayout>>,
}

impl App {
    /// A new app on Home.
    pub fn new(corpus: Arc<Corpus>, lang: Lang, keymap: Keymap) -> App {
        App {
            corpus,
            lang,
            keymap,
            stack: vec![View::Home { selected: 0 }],
            search: SearchState::default(),
            help: false,
            index_ready: false,
            size: (80, 24),
            related: HashMap::new(),
            notice: None,
            bookmarks: BookmarkState::default(),
            kiosk: None,
            share: share::ShareState::default(),
            layout_cache: std::cell::RefCell::new(None),
        }
    }

    /// The reader layout of a document at the current width (cached).
    pub fn layout(&self, id: &str) -> std::rc::Rc<Layout> {
        let width = self.text_width();
        let related = self.related.get(id).map_or(0, Vec::len);
        if let Some((i, w, r, l)) = self.layout_cache.borrow().as_ref() {
            if i == id && *w == width && *r == related {
                return l.clone();
            }
        }
        let l = std::rc::Rc::new(reader::layout(self, id, width));
        *self.layout_cache.borrow_mut() = Some((id.to_owned(), width, related, l.clone()));
        l
    }

    /// The screen on top.
    pub fn view(&self) -> &View {
        self.stack.last().unwrap_or(&View::Home { selected: 0 })
    }

    fn view_mut(&mut self) -> &mut View {
        if self.stack.is_empty() {
            self.stack.push(View::Home { selected: 0 });
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// The keymap context of the current screen.
    pub fn context(&self) -> Context {
        if self.help {
            return Context::Help;
        }
        App::context_of(self.view())
    }

    /// The context of the screen itself, ignoring the help overlay (whose keys help lists).
    pub fn screen_context(&self) -> Context {
        App::context_of(self.view())
    }

    fn context_of(view: &View) -> Context {
        match view {
            View::Home { .. } => Context::Home,
            View::Theme { .. } | View::Crisis { .. } => Context::List,
            View::Search {
                focus: Focus::Input,
            } => Context::Search,
            View::Search {
                focus: Focus::Results,
            } => Context::Results,
            View::Gate { .. } => Context::Gate,
            View::Reader { .. } => Context::Reader,
            View::Bookmarks { .. } => Context::Bookmarks,
            View::Note { .. } => Context::Note,
            View::Qr { .. } => Context::Qr,
            View::Slip { .. } => Context::Slip,
            View::Share { .. } => match share::step_of(view) {
                Some(s) if s.is_text() => Context::ShareText,
                _ => Context::ShareChoose,
            },
        }
    }

    /// True when `q` must not quit (kiosk mode without the librarian's permission).
    pub fn quit_locked(&self) -> bool {
        self.kiosk.is_some_and(|k| !k.allow_quit)
    }

    /// Forgets everything of this session (kiosk): back to a neutral Home with no query,
    /// results, bookmarks, notes or positions. Messages from start-up stay.
    pub fn wipe(&mut self) {
        self.stack = vec![View::Home { selected: 0 }];
        self.search = SearchState::default();
        self.help = false;
        self.related.clear();
        self.share = share::ShareState::default();
        let notice = self.bookmarks.notice.take();
        self.bookmarks = BookmarkState {
            notice,
            ..BookmarkState::default()
        };
        self.layout_cache.replace(None);
    }

    /// Rows of text the body of the screen has (for paging).
    pub fn page(&self) -> usize {
        usize::from(self.size.1).saturating_sub(6).max(1)
    }

    /// Width the reader wraps text to: the window, at most 80 columns.
    pub fn text_width(&self) -> usize {
        usize::from(self.size.0).saturating_sub(4).clamp(10, 80)
    }

    /// The filter the search screen applies.
    pub fn search_filter(&self) -> Filter {
        Filter {
            themes: self.search.facet.iter().cloned().collect(),
            ..Filter::default()
        }
    }
}

/// The action a key asks for on the current screen: the keymap first; in the search box,
/// printable keys type and the arrows edit.
pub fn key_action(app: &App, key: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
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

/// Applies an action to the state and returns the work the edge must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::QuickExit if app.kiosk.is_some() => {
            app.wipe();
            return vec![Effect::ClearScreen];
        }
        Action::QuickExit => return vec![Effect::QuickExit],
        Action::Interrupt if app.kiosk.is_some() => return Vec::new(),
        Action::Interrupt => {
            let mut effects = share::flush(app);
            effects.push(Effect::Quit);
            return effects;
        }
        Action::Idle => {
            if app.kiosk.is_none() {
                return Vec::new();
            }
            app.wipe();
            return vec![Effect::ClearScreen];
        }
        Action::Crisis => {
            app.help = false;
            if !matches!(app.view(), View::Crisis { .. }) {
                app.stack.push(View::Crisis { selected: 0 });
            }
            return Vec::new();
        }
        Action::Help => {
            app.help = true;
            return Vec::new();
        }
        Action::CloseHelp => {
            app.help = false;
            return Vec::new();
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            return Vec::new();
        }
        Action::IndexReady => {
            app.index_ready = true;
            return if app.search.waiting {
                search_effect(app)
            } else {
                Vec::new()
            };
        }
        Action::Searched(seq, results) => {
            if seq == app.search.seq {
                app.search.results = Some(*results);
                app.search.selected = 0;
                app.search.waiting = false;
            }
            return Vec::new();
        }
        Action::Related(id, ids) => {
            app.related.insert(id, ids);
            return Vec::new();
        }
        Action::StoreFailed(message) => {
            app.notice = Some(crate::sanitize::sanitize_line(&message).into_owned());
            return Vec::new();
        }
        Action::BookmarkStored(b) => {
            if let Some(mine) = app.bookmarks.items.iter_mut().find(|x| x.id == b.id) {
                *mine = b;
            }
            return Vec::new();
        }
        Action::ToggleBookmark => {
            return match bookmarks::current_doc(app) {
                Some(id) => bookmarks::toggle(app, &id),
                None => Vec::new(),
            };
        }
        Action::ShowSlip => {
            let ids = match app.view() {
                View::Reader { id, .. } if matches!(app.corpus.get(id), Some(Doc::Resource(_))) => {
                    vec![id.clone()]
                }
                _ => app
                    .bookmarks
                    .items
                    .iter()
                    .filter(|b| matches!(app.corpus.get(&b.id), Some(Doc::Resource(_))))
                    .map(|b| b.id.clone())
                    .collect(),
            };
            app.stack.push(View::Slip { ids, scroll: 0 });
            return Vec::new();
        }
        Action::ShowQr => {
            if let Some(View::Reader { id, .. }) = app.stack.last()
                && matches!(app.corpus.get(id), Some(Doc::Resource(_)))
            {
                let id = id.clone();
                app.stack.push(View::Qr { id, target: 0 });
            }
            return Vec::new();
        }
        Action::Bookmarks => {
            app.stack.push(View::Bookmarks { selected: 0 });
            return Vec::new();
        }
        Action::StoryExported(story) => {
            share::exported(app, story);
            return Vec::new();
        }
        Action::DraftSaved(story, id) => {
            share::saved(app, story, id);
            return Vec::new();
        }
        Action::Share => {
            share::open(app);
            return Vec::new();
        }
        Action::Back if !matches!(app.view(), View::Note { .. } | View::Share { .. }) => {
            if app.stack.len() > 1 {
                app.stack.pop();
            }
            return Vec::new();
        }
        Action::Search => {
            app.stack.push(View::Search {
                focus: Focus::Input,
            });
            return Vec::new();
        }
        _ => {}
    }
    match app.view().clone() {
        View::Home { selected } => lists::update_home(app, selected, action),
        View::Theme { .. } | View::Crisis { .. } => lists::update_list(app, action),
        View::Search { focus } => lists::update_search(app, focus, action),
        View::Gate { id } => match action {
            Action::Open => {
                *app.view_mut() = View::Reader {
                    id: id.clone(),
                    scroll: 0,
                    link: None,
                };
                vec![Effect::Related(id)]
            }
            _ => Vec::new(),
        },
        View::Reader { .. } => reader::update(app, action),
        View::Bookmarks { selected } => bookmarks::update_list(app, selected, action),
        View::Note { .. } => bookmarks::update_note(app, action),
        View::Share { step } => share::update(app, step, action),
        View::Slip { .. } => {
            let page = app.page();
            if let Some(View::Slip { scroll, .. }) = app.stack.last_mut() {
                *scroll = match action {
                    Action::Down | Action::Scroll(1..) => *scroll + 1,
                    Action::Up | Action::Scroll(..=-1) => scroll.saturating_sub(1),
                    Action::PageDown => *scroll + page,
                    Action::PageUp => scroll.saturating_sub(page),
                    Action::First => 0,
                    _ => *scroll,
                };
            }
            Vec::new()
        }
        View::Qr { .. } => {
            if let (Action::NextLink, Some(View::Qr { target, .. })) =
                (&action, app.stack.last_mut())
            {
                *target += 1;
            }
            Vec::new()
        }
    }
}

/// Opens a story or resource: a story with content notes shows them first.
pub fn open_doc(app: &mut App, id: &str) -> Vec<Effect> {
    match app.corpus.get(id) {
        Some(Doc::Story(s)) if !s.content_notes.is_empty() => {
            app.stack.push(View::Gate { id: id.to_owned() });
            Vec::new()
        }
        Some(Doc::Story(_)) => {
            app.stack.push(View::Reader {
                id: id.to_owned(),
                scroll: 0,
                link: None,
            });
            vec![Effect::Related(id.to_owned())]
        }
        Some(Doc::Resource(_)) => {
            app.stack.push(View::Reader {
                id: id.to_owned(),
                scroll: 0,
                link: None,
            });
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// A new search request for what is in the box (or a wait for the index).
fn search_effect(app: &mut App) -> Vec<Effect> {
    app.search.seq += 1;
    let query = app.search.input.text().trim().to_owned();
    if query.is_empty() {
        app.search.results = None;
        app.search.waiting = false;
        return Vec::new();
    }
    if !app.index_ready {
        app.search.waiting = true;
        return Vec::new();
    }
    vec![Effect::Search {
        seq: app.search.seq,
        query,
        filter: app.search_filter(),
    }]
}

/// Moves a selection within `len` items.
fn step(selected: usize, len: usize, action: &Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::First => 0,
        Action::Last => last,
        Action::Scroll(d) if *d < 0 => selected.saturating_sub(3),
        Action::Scroll(_) => (selected + 3).min(last),
        _ => selected.min(last),
    }
}
