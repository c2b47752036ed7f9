//! The screens on the navigation stack and the state they keep: where keys go, the search
//! screen's box and results, and what kiosk mode allows.

use super::input::LineInput;
use super::{ListFilter, textarea};
use crate::search::Results;

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
    /// *Deel je ervaring*: the form, at a step (an index into [`share::STEPS`](super::share::STEPS)).
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
