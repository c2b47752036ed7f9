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
pub mod speech;
pub mod textarea;
mod update;
mod view;

pub use action::{Action, Effect};
pub use bookmarks::BookmarkState;
pub use keymap::{Context, Keymap, key_action};
pub use lists::{HomeItem, ListFilter, crisis_resources, home_items, theme_items};
pub use reader::{DocLine, Layout, LineRole, Link};
pub use update::{open_doc, update};
pub use view::{Focus, Kiosk, SearchState, View};

use crate::corpus::Corpus;
use crate::i18n::Lang;
use crate::search::Filter;
use std::collections::HashMap;
use std::sync::Arc;
use update::{search_effect, step};

/// A reader layout with what it was made for: document id, width, number of related stories,
/// and the minute (a resource's open-now line changes with the clock).
type CachedLayout = (String, usize, usize, i64, std::rc::Rc<Layout>);

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
    /// The time the open-now lines are computed for (the edge sets it, every minute).
    pub now: crate::hours::Now,
    /// Reading aloud (*voorlezen*).
    pub speech: speech::Speech,
    /// Time since start, as the edge's last [`Action::Tick`] said: pure state, so tests set it.
    pub clock: std::time::Duration,
    /// A short answer to what was just done ("Bewaard") and the clock time it goes away.
    pub status: Option<(String, std::time::Duration)>,
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
            now: crate::hours::Now(0),
            speech: speech::Speech::default(),
            clock: std::time::Duration::ZERO,
            status: None,
            layout_cache: std::cell::RefCell::new(None),
        }
    }

    /// How long a status answer stays on screen.
    pub const STATUS_TIME: std::time::Duration = std::time::Duration::from_secs(3);

    /// Shows a short answer (a catalog key) in the status line for [`App::STATUS_TIME`].
    pub fn say(&mut self, key: &str) {
        let text = crate::i18n::Catalog::get(self.lang).t(key).to_owned();
        self.status = Some((text, self.clock + App::STATUS_TIME));
    }

    /// The status answer, while it lasts.
    pub fn status_text(&self) -> Option<&str> {
        self.status
            .as_ref()
            .filter(|(_, until)| self.clock < *until)
            .map(|(t, _)| t.as_str())
    }

    /// The reader layout of a document at the current width (cached).
    pub fn layout(&self, id: &str) -> std::rc::Rc<Layout> {
        let width = self.text_width();
        let related = self.related.get(id).map_or(0, Vec::len);
        let minute = self.now.0.div_euclid(60);
        if let Some((i, w, r, m, l)) = self.layout_cache.borrow().as_ref()
            && i == id
            && *w == width
            && *r == related
            && *m == minute
        {
            return l.clone();
        }
        let l = std::rc::Rc::new(reader::layout(self, id, width));
        *self.layout_cache.borrow_mut() = Some((id.to_owned(), width, related, minute, l.clone()));
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
        self.speech.reading = None;
        self.status = None;
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
