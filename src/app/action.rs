//! The vocabulary of the app: what a key, a click or a finished task asks for. The serde names
//! are what `assets/keymap.toml` says.

use crate::search::{Filter, Results};
use serde::Deserialize;

/// Something to do. Keys map to these through the keymap; the edge sends the rest.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// *Snel weg*: clear the screen and leave at once.
    QuickExit,
    /// Ctrl-C: quit at once, asking nothing (the story being written is saved first); does
    /// nothing in kiosk mode.
    Interrupt,
    /// Open *Hulp nu*, the crisis resources.
    Crisis,
    /// Move the selection (or scroll) up.
    Up,
    /// Move the selection (or scroll) down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first item or the top.
    First,
    /// To the last item or the end.
    Last,
    /// Open the selected item (or continue past content notes).
    Open,
    /// Jump to item N (1-based), from a number key.
    #[serde(skip)]
    JumpTo(usize),
    /// Number keys: the keymap's name for [`Action::JumpTo`].
    Jump,
    /// Go to the search screen.
    Search,
    /// Show the keys of this screen.
    Help,
    /// Close the help overlay.
    CloseHelp,
    /// Leave plein (from Home).
    Quit,
    /// Back to the exact previous place.
    Back,
    /// Cycle the tag filter of a theme list.
    FilterTag,
    /// Cycle the phase filter of a theme list.
    FilterPhase,
    /// Cycle the perspective filter of a theme list.
    FilterPerspective,
    /// Clear the filters of a theme list.
    ClearFilters,
    /// From the search box to the results.
    FocusResults,
    /// From the results to the search box.
    FocusInput,
    /// Search for the "did you mean" suggestion.
    AcceptSuggestion,
    /// Open the first help on the crisis card above the results.
    OpenCrisisCard,
    /// Empty the search box.
    ClearInput,
    /// Narrow the results to the next theme with hits (then to all again).
    NextFacet,
    /// Select the next link below a story.
    NextLink,
    /// Select the previous link.
    PrevLink,
    /// Bookmark the story or resource on screen or selected (or remove its bookmark).
    ToggleBookmark,
    /// Go to the Bladwijzers screen.
    Bookmarks,
    /// Show the resource's web address or phone number as a QR code.
    ShowQr,
    /// Open *Deel je ervaring*, the form for writing one's own story.
    Share,
    /// The next step of the form.
    NextStep,
    /// The previous step of the form.
    PrevStep,
    /// Leave the form (the draft is kept).
    LeaveShare,
    /// Choose or unchoose the highlighted option.
    Toggle,
    /// Replace everything the privacy check found with placeholders.
    ReplaceAll,
    /// Yes, the story may be shared anonymously.
    ConsentYes,
    /// No, the story may not be shared.
    ConsentNo,
    /// A finished story (the form's story token) was handed to the configured place.
    #[serde(skip)]
    StoryExported(u64),
    /// The store saved the draft of the story with this token under this number.
    #[serde(skip)]
    DraftSaved(u64, i64),
    /// Show the *hulpbriefje*: this resource, or the bookmarked ones, in large plain text.
    ShowSlip,
    /// Edit the note of the selected bookmark.
    EditNote,
    /// Remove the selected bookmark (undo brings it back).
    RemoveBookmark,
    /// Bring back the last removed bookmark.
    Undo,
    /// Switch the bookmarks between newest first and by theme.
    SortBookmarks,
    /// Read the story aloud from the paragraph in view, or stop reading (*voorlezen*).
    ReadAloud,
    /// The speech program finished the sentence with this request number.
    #[serde(skip)]
    SpeechDone(u64),
    /// The speech program could not speak the sentence with this request number.
    #[serde(skip)]
    SpeechFailed(u64),
    /// A new line in the note.
    Newline,
    /// Keep the note and go back.
    SaveNote,
    /// Writing a bookmark failed: tell the person.
    #[serde(skip)]
    StoreFailed(String),
    /// The clock: time since start (sent by the edge on every turn of its loop).
    #[serde(skip)]
    Tick(std::time::Duration),
    /// Nobody touched a key for the kiosk's idle time: wipe the session.
    #[serde(skip)]
    Idle,
    /// A short pause in typing: the form saves what is not saved yet, so a crash loses at
    /// most the last second or so.
    #[serde(skip)]
    Pause,
    /// A bookmark as the store keeps it (with its date).
    #[serde(skip)]
    BookmarkStored(crate::bookmarks::Bookmark),
    /// Text typed into the search box.
    #[serde(skip)]
    Type(String),
    /// Delete the character before the cursor.
    #[serde(skip)]
    DeleteBack,
    /// Delete the character under the cursor.
    #[serde(skip)]
    DeleteForward,
    /// Move the cursor left in the search box.
    #[serde(skip)]
    CursorLeft,
    /// Move the cursor right in the search box.
    #[serde(skip)]
    CursorRight,
    /// Cursor to the start of the search box.
    #[serde(skip)]
    CursorHome,
    /// Cursor to the end of the search box.
    #[serde(skip)]
    CursorEnd,
    /// Select item N (0-based) of the current list and open it (a mouse click on it).
    #[serde(skip)]
    Activate(usize),
    /// A mouse click at a cell.
    #[serde(skip)]
    Click(u16, u16),
    /// The mouse wheel: negative is up.
    #[serde(skip)]
    Scroll(i8),
    /// The terminal has a new size.
    #[serde(skip)]
    Resize(u16, u16),
    /// The search index is ready.
    #[serde(skip)]
    IndexReady,
    /// The clock moved on (open-now lines are computed for this time).
    #[serde(skip)]
    Clock(crate::hours::Now),
    /// Search results for request `seq`.
    #[serde(skip)]
    Searched(u64, Box<Results>),
    /// Related stories of a story.
    #[serde(skip)]
    Related(String, Vec<String>),
}

/// Work for the edge: the app itself does no IO.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search; answer with [`Action::Searched`] carrying `seq`.
    Search {
        /// Request number; older answers are dropped.
        seq: u64,
        /// What was typed.
        query: String,
        /// The filter.
        filter: Filter,
    },
    /// Find stories related to a story; answer with [`Action::Related`].
    Related(String),
    /// Store a new bookmark.
    SaveBookmark(crate::bookmarks::Bookmark),
    /// Remove a bookmark from the store.
    RemoveBookmark(String),
    /// Put a removed bookmark back, as it was (undo).
    RestoreBookmark(crate::bookmarks::Bookmark),
    /// Replace a bookmark's note: (id, note).
    SetNote(String, String),
    /// Save the draft of the story with this token (a new draft when the number is `None`);
    /// answer with [`Action::DraftSaved`] and the same token, so a late answer can never
    /// retarget another story's draft.
    SaveDraft(u64, Option<i64>, Box<crate::drafts::Draft>),
    /// Hand a finished story (with its token) from a session that keeps nothing to the
    /// configured place; answer with [`Action::StoryExported`].
    ExportStory(u64, Box<crate::drafts::Draft>),
    /// Speak one sentence (stopping any sentence still being spoken); answer with
    /// [`Action::SpeechDone`] carrying `seq` when it has been spoken.
    Speak {
        /// Request number; answers for older requests are dropped.
        seq: u64,
        /// Plain, safe text: one sentence.
        text: String,
        /// The voice.
        voice: super::speech::Voice,
    },
    /// Stop speaking now (the speech program is killed and reaped).
    StopSpeech,
    /// Leave normally (restore the terminal).
    Quit,
    /// Clear the whole terminal before the next frame (after a kiosk session was wiped).
    ClearScreen,
    /// Leave at once: clear the screen, restore the terminal, exit.
    QuickExit,
}
