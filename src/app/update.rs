//! `update`: the one function that changes the app's state, screen by screen, returning the
//! work (effects) the edge must do.

use super::{Action, App, Effect, Focus, View, bookmarks, lists, reader, share, speech};
use crate::corpus::Doc;

/// Applies an action to the state and returns the work the edge must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A sentence that was spoken (or failed) has no process left to stop.
    let was_reading = app.speech.reading.is_some()
        && !matches!(action, Action::SpeechDone(_) | Action::SpeechFailed(_));
    let mut effects = match speech::update(app, &action) {
        Some(effects) => effects,
        None => apply(app, action),
    };
    speech::after(app, was_reading, &mut effects);
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
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
        Action::Tick(now) => {
            app.clock = now;
            if app.status_text().is_none() {
                app.status = None;
            }
            return Vec::new();
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            speech::relayout(app);
            return Vec::new();
        }
        Action::Clock(now) => {
            app.now = now;
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
            app.status = None;
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
pub(super) fn search_effect(app: &mut App) -> Vec<Effect> {
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
pub(super) fn step(selected: usize, len: usize, action: &Action, page: usize) -> usize {
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
