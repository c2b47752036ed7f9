//! The list screens: Home, a theme's stories and resources, *Hulp nu*, and search results.

use super::{Action, App, Effect, Focus, View, open_doc, search_effect, step};
use crate::corpus::{Corpus, DocRef, PHASES, Perspective};

/// An entry of the home menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeItem {
    /// A theme, by index.
    Theme(usize),
    /// The search screen.
    Search,
    /// The Bladwijzers screen.
    Bookmarks,
    /// *Deel je ervaring*.
    Share,
    /// *Hulp nu*.
    Crisis,
}

/// The home menu: the themes, then Zoeken, Bladwijzers and Hulp nu.
pub fn home_items(corpus: &Corpus) -> Vec<HomeItem> {
    let mut items: Vec<HomeItem> = (0..corpus.themes.len()).map(HomeItem::Theme).collect();
    items.push(HomeItem::Search);
    items.push(HomeItem::Bookmarks);
    items.push(HomeItem::Share);
    items.push(HomeItem::Crisis);
    items
}

/// Filters of a theme list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only stories with this tag.
    pub tag: Option<String>,
    /// Only stories with this phase.
    pub phase: Option<String>,
    /// Only stories told from this perspective.
    pub perspective: Option<Perspective>,
}

impl ListFilter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.tag.is_none() && self.phase.is_none() && self.perspective.is_none()
    }
}

/// A theme's list: its stories (filtered), then its resources.
pub fn theme_items(corpus: &Corpus, slug: &str, filter: &ListFilter) -> Vec<DocRef> {
    let stories = corpus.stories.iter().enumerate().filter(|(_, s)| {
        s.themes.iter().any(|t| t == slug)
            && filter.tag.as_ref().is_none_or(|t| s.tags.contains(t))
            && filter.phase.as_ref().is_none_or(|p| s.phases.contains(p))
            && filter.perspective.is_none_or(|p| s.perspective == p)
    });
    let mut items: Vec<DocRef> = stories.map(|(i, _)| DocRef::Story(i)).collect();
    items.extend(
        corpus
            .resources
            .iter()
            .enumerate()
            .filter(|(_, r)| r.themes.iter().any(|t| t == slug))
            .map(|(i, _)| DocRef::Resource(i)),
    );
    items
}

/// The crisis resources, most urgent first: 112, 113, then the local ones (help in the
/// neighbourhood), then the lines for violence at home and for being heard, then the rest in
/// corpus order.
pub fn crisis_resources(corpus: &Corpus) -> Vec<usize> {
    const FIRST: [&str; 4] = ["112", "113", "0800-2000", "088-0767 000"];
    let rank = |i: &usize| {
        let r = &corpus.resources[*i];
        let national = FIRST
            .iter()
            .position(|n| r.phone.iter().any(|p| p == n))
            .unwrap_or(FIRST.len());
        match national {
            0 | 1 => national,
            _ if r.local => 2,
            n => n + 1,
        }
    };
    let mut list: Vec<usize> = corpus
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| r.crisis)
        .map(|(i, _)| i)
        .collect();
    list.sort_by_key(rank);
    list
}

pub(super) fn doc_id(corpus: &Corpus, d: DocRef) -> String {
    match d {
        DocRef::Story(i) => corpus.stories[i].id.clone(),
        DocRef::Resource(i) => corpus.resources[i].id.clone(),
    }
}

pub(super) fn update_home(app: &mut App, selected: usize, action: Action) -> Vec<Effect> {
    let items = home_items(&app.corpus);
    let target = match action {
        Action::Quit if app.quit_locked() => return Vec::new(),
        Action::Quit => return vec![Effect::Quit],
        Action::JumpTo(n) if (1..=app.corpus.themes.len()).contains(&n) => Some(n - 1),
        Action::Activate(i) => Some(i),
        Action::Open => Some(selected),
        ref a => {
            let page = app.page();
            if let Some(View::Home { selected: s }) = app.stack.last_mut() {
                *s = step(selected, items.len(), a, page);
            }
            None
        }
    };
    let Some(i) = target.filter(|i| *i < items.len()) else {
        return Vec::new();
    };
    if let Some(View::Home { selected: s }) = app.stack.last_mut() {
        *s = i;
    }
    match items[i] {
        HomeItem::Theme(t) => {
            let slug = app.corpus.themes[t].slug.clone();
            app.stack.push(View::Theme {
                slug,
                selected: 0,
                filter: ListFilter::default(),
            });
        }
        HomeItem::Search => app.stack.push(View::Search {
            focus: Focus::Input,
        }),
        HomeItem::Bookmarks => app.stack.push(View::Bookmarks { selected: 0 }),
        HomeItem::Share => super::share::open(app),
        HomeItem::Crisis => app.stack.push(View::Crisis { selected: 0 }),
    }
    Vec::new()
}

fn cycle<T: Clone + PartialEq>(current: &Option<T>, options: &[T]) -> Option<T> {
    match current
        .as_ref()
        .and_then(|c| options.iter().position(|o| o == c))
    {
        None => options.first().cloned(),
        Some(i) => options.get(i + 1).cloned(),
    }
}

pub(super) fn update_list(app: &mut App, action: Action) -> Vec<Effect> {
    let corpus = app.corpus.clone();
    let page = app.page();
    let ids: Vec<String> = match app.view() {
        View::Theme { slug, filter, .. } => theme_items(&corpus, slug, filter)
            .into_iter()
            .map(|d| doc_id(&corpus, d))
            .collect(),
        _ => crisis_resources(&corpus)
            .into_iter()
            .map(|i| corpus.resources[i].id.clone())
            .collect(),
    };
    let Some(view) = app.stack.last_mut() else {
        return Vec::new();
    };
    let (selected, filter, slug) = match view {
        View::Theme {
            selected,
            filter,
            slug,
        } => (selected, Some(filter), Some(slug.clone())),
        View::Crisis { selected } => (selected, None, None),
        _ => return Vec::new(),
    };
    let open = match action {
        Action::Open => Some(*selected),
        Action::Activate(i) => Some(i),
        Action::JumpTo(n) => Some(n.saturating_sub(1)),
        Action::FilterTag
        | Action::FilterPhase
        | Action::FilterPerspective
        | Action::ClearFilters => {
            if let (Some(f), Some(slug)) = (filter, slug) {
                let tags = corpus
                    .theme(&slug)
                    .map(|t| t.tags.clone())
                    .unwrap_or_default();
                let phases: Vec<String> = PHASES.iter().map(|p| (*p).to_owned()).collect();
                match action {
                    Action::FilterTag => f.tag = cycle(&f.tag, &tags),
                    Action::FilterPhase => f.phase = cycle(&f.phase, &phases),
                    Action::FilterPerspective => {
                        f.perspective = cycle(&f.perspective, &Perspective::ALL)
                    }
                    _ => *f = super::ListFilter::default(),
                }
                *selected = 0;
            }
            None
        }
        ref a => {
            *selected = step(*selected, ids.len(), a, page);
            None
        }
    };
    match open.and_then(|i| ids.get(i).cloned()) {
        Some(id) => {
            if let Some(View::Theme { selected, .. } | View::Crisis { selected }) =
                app.stack.last_mut()
            {
                *selected = open.unwrap_or(0);
            }
            open_doc(app, &id)
        }
        None => Vec::new(),
    }
}

pub(super) fn update_search(app: &mut App, focus: Focus, action: Action) -> Vec<Effect> {
    let set_focus = |app: &mut App, f: Focus| {
        if let Some(View::Search { focus }) = app.stack.last_mut() {
            *focus = f;
        }
    };
    let hits = app.search.results.as_ref().map_or(0, |r| r.hits.len());
    match (focus, action) {
        (_, Action::Type(s)) => {
            set_focus(app, Focus::Input);
            app.search.input.insert(&s);
            return search_effect(app);
        }
        (Focus::Input, Action::DeleteBack) => app.search.input.delete_back(),
        (Focus::Input, Action::DeleteForward) => app.search.input.delete_forward(),
        (Focus::Input, Action::CursorLeft) => app.search.input.left(),
        (Focus::Input, Action::CursorRight) => app.search.input.right(),
        (Focus::Input, Action::CursorHome) => app.search.input.home(),
        (Focus::Input, Action::CursorEnd) => app.search.input.end(),
        (Focus::Input, Action::ClearInput) => {
            app.search.input.clear();
            return search_effect(app);
        }
        (Focus::Input, Action::AcceptSuggestion) => {
            if let Some(s) = app
                .search
                .results
                .as_ref()
                .and_then(|r| r.suggestion.clone())
            {
                app.search.input.set(&s);
                return search_effect(app);
            }
            return Vec::new();
        }
        (Focus::Input, Action::FocusResults) if hits > 0 => set_focus(app, Focus::Results),
        (Focus::Results, Action::FocusInput) => set_focus(app, Focus::Input),
        (Focus::Results, Action::NextFacet) => {
            let counts = app
                .search
                .results
                .as_ref()
                .map(|r| r.facets.themes.clone())
                .unwrap_or_default();
            let with_hits: Vec<String> = app
                .corpus
                .themes
                .iter()
                .map(|t| t.slug.clone())
                .filter(|s| counts.get(s).copied().unwrap_or(0) > 0)
                .collect();
            app.search.facet = cycle(&app.search.facet, &with_hits);
            return search_effect(app);
        }
        (_, Action::OpenCrisisCard) => {
            let id = app
                .search
                .results
                .as_ref()
                .and_then(|r| r.crisis.as_ref())
                .and_then(|c| c.resources.first().cloned());
            return id.map(|id| open_doc(app, &id)).unwrap_or_default();
        }
        (_, Action::Activate(i)) if i < hits => {
            app.search.selected = i;
            return open_hit(app);
        }
        (Focus::Results, Action::Open) => return open_hit(app),
        (Focus::Results, ref a) => {
            app.search.selected = step(app.search.selected, hits, a, app.page() / 3)
        }
        _ => {}
    }
    Vec::new()
}

fn open_hit(app: &mut App) -> Vec<Effect> {
    let id = app
        .search
        .results
        .as_ref()
        .and_then(|r| r.hits.get(app.search.selected))
        .map(|h| h.id.clone());
    id.map(|id| open_doc(app, &id)).unwrap_or_default()
}
