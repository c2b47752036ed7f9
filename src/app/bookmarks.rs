//! Bookmarks in the app: `b` toggles one from a list or the reader, and the Bladwijzers screen
//! lists, opens, edits the note of and removes them (with undo). The app keeps a copy of the
//! list; every change is also an [`Effect`] the edge writes to the store.

use super::{Action, App, Effect, View, open_doc, step, textarea::TextArea};
use crate::bookmarks::Bookmark;

/// The person's bookmarks as the app shows them.
#[derive(Debug, Clone, Default)]
pub struct BookmarkState {
    /// Newest first.
    pub items: Vec<Bookmark>,
    /// Bookmarks are kept on disk (else for this session only).
    pub kept: bool,
    /// Grouped by theme instead of newest first.
    pub by_theme: bool,
    /// The last removed bookmark, for undo.
    pub removed: Option<Bookmark>,
    /// What the store said when it opened (a damaged file moved aside…), shown in full here.
    pub notice: Option<String>,
}

impl BookmarkState {
    /// True when `id` is bookmarked.
    pub fn contains(&self, id: &str) -> bool {
        self.items.iter().any(|b| b.id == id)
    }

    /// The list in the order shown: newest first, or by theme in `theme_order` (then newest).
    pub fn shown(&self, theme_order: &[String]) -> Vec<&Bookmark> {
        let mut list: Vec<&Bookmark> = self.items.iter().collect();
        if self.by_theme {
            let rank = |b: &Bookmark| {
                theme_order
                    .iter()
                    .position(|t| *t == b.theme)
                    .unwrap_or(theme_order.len())
            };
            list.sort_by_key(|b| rank(b));
        }
        list
    }
}

/// Toggles the bookmark of a corpus document.
pub(super) fn toggle(app: &mut App, id: &str) -> Vec<Effect> {
    if let Some(i) = app.bookmarks.items.iter().position(|b| b.id == id) {
        let b = app.bookmarks.items.remove(i);
        app.bookmarks.removed = Some(b);
        app.say("ui.status_unsaved");
        return vec![Effect::RemoveBookmark(id.to_owned())];
    }
    let Some(doc) = app.corpus.get(id) else {
        return Vec::new();
    };
    let b = crate::present::bookmark_for(doc, "");
    app.bookmarks.items.insert(0, b.clone());
    app.say("ui.status_saved");
    vec![Effect::SaveBookmark(b)]
}

fn theme_order(app: &App) -> Vec<String> {
    app.corpus.themes.iter().map(|t| t.slug.clone()).collect()
}

fn selected_id(app: &App, selected: usize) -> Option<String> {
    let order = theme_order(app);
    app.bookmarks
        .shown(&order)
        .get(selected)
        .map(|b| b.id.clone())
}

/// Keys on the Bladwijzers screen.
pub(super) fn update_list(app: &mut App, selected: usize, action: Action) -> Vec<Effect> {
    let len = app.bookmarks.items.len();
    let set = |app: &mut App, i: usize| {
        if let Some(View::Bookmarks { selected }) = app.stack.last_mut() {
            *selected = i;
        }
    };
    match action {
        Action::Open | Action::Activate(_) => {
            let i = match action {
                Action::Activate(i) => i,
                _ => selected,
            };
            set(app, i.min(len.saturating_sub(1)));
            match selected_id(app, i) {
                // A bookmark whose document left the corpus stays on this screen.
                Some(id) if app.corpus.get(&id).is_some() => open_doc(app, &id),
                _ => Vec::new(),
            }
        }
        Action::EditNote => {
            let Some(id) = selected_id(app, selected) else {
                return Vec::new();
            };
            let note = app
                .bookmarks
                .items
                .iter()
                .find(|b| b.id == id)
                .map(|b| b.note.clone())
                .unwrap_or_default();
            app.stack.push(View::Note {
                id,
                editor: TextArea::new(&note),
            });
            Vec::new()
        }
        Action::RemoveBookmark => {
            let Some(id) = selected_id(app, selected) else {
                return Vec::new();
            };
            let effects = toggle(app, &id);
            set(app, selected.min(len.saturating_sub(2)));
            effects
        }
        Action::Undo => match app.bookmarks.removed.take() {
            Some(b) => {
                let pos = app
                    .bookmarks
                    .items
                    .iter()
                    .position(|x| x.created < b.created)
                    .unwrap_or(app.bookmarks.items.len());
                app.bookmarks.items.insert(pos, b.clone());
                vec![Effect::RestoreBookmark(b)]
            }
            None => Vec::new(),
        },
        Action::SortBookmarks => {
            app.bookmarks.by_theme = !app.bookmarks.by_theme;
            set(app, 0);
            Vec::new()
        }
        ref a => {
            let page = app.page() / 2;
            set(app, step(selected, len, a, page.max(1)));
            Vec::new()
        }
    }
}

/// Keys in the note editor. Leaving it (Esc or Ctrl-S) keeps the note: nothing typed is lost.
pub(super) fn update_note(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(View::Note { id, editor }) = app.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::Type(s) => editor.insert(&s),
        Action::Newline => editor.newline(),
        Action::DeleteBack => editor.delete_back(),
        Action::DeleteForward => editor.delete_forward(),
        Action::CursorLeft => editor.left(),
        Action::CursorRight => editor.right(),
        Action::CursorHome => editor.home(),
        Action::CursorEnd => editor.end(),
        Action::Up => editor.up(),
        Action::Down => editor.down(),
        Action::SaveNote | Action::Back => {
            let (id, note) = (id.clone(), editor.text().to_owned());
            app.stack.pop();
            if let Some(b) = app.bookmarks.items.iter_mut().find(|b| b.id == id) {
                if b.note == note {
                    return Vec::new();
                }
                b.note.clone_from(&note);
            }
            return vec![Effect::SetNote(id, note)];
        }
        _ => {}
    }
    Vec::new()
}

/// The id of the document on screen or selected in a list, for `b`.
pub(super) fn current_doc(app: &App) -> Option<String> {
    match app.view() {
        View::Reader { id, .. } | View::Gate { id } => Some(id.clone()),
        View::Theme {
            slug,
            selected,
            filter,
        } => super::theme_items(&app.corpus, slug, filter)
            .get(*selected)
            .map(|d| super::lists::doc_id(&app.corpus, *d)),
        View::Crisis { selected } => super::crisis_resources(&app.corpus)
            .get(*selected)
            .map(|i| app.corpus.resources[*i].id.clone()),
        View::Search { .. } => app
            .search
            .results
            .as_ref()
            .and_then(|r| r.hits.get(app.search.selected))
            .map(|h| h.id.clone()),
        _ => None,
    }
}
