//! # plein
//!
//! plein brings lived-experience stories (*ervaringsverhalen*) and help resources to people on any
//! terminal, offline. This crate holds all of its logic; the `plein` binary only parses arguments,
//! opens the services at the edges and maps errors to exit codes.
//!
//! ## Data flow
//! ```text
//! data/ (embedded) or --corpus DIR
//!     │  corpus::Source::files()        bytes per file, size and symlink checks
//!     ▼
//! corpus::load()  ── decode (UTF-8, control characters) → front matter (TOML) → fields
//!     │              (the bundled corpus: a prebuilt table, assets/index/, decoded instead)
//!     │              every problem a Diagnostic with path:line:col; bad documents skipped
//!     ▼
//! Corpus { themes, stories, resources }  ──►  commands (check, themes, show)  ──► stdout
//! ```
//! Untrusted text is neutralised once, on the way in ([`sanitize`]), so nothing downstream can
//! pass an escape sequence to the terminal.
//!
//! ## Module map
//! Layers, top to bottom. A module uses only modules on rows below its own, so the graph has no
//! circles; `tests/architecture.rs` checks every `crate::` import against these rows.
//! ```text
//! commands                          runs the command line; the app through tui   ◄─ main
//! cli                               clap definitions, the language
//! tui                               terminal edge: event loop, signals, effects, speech
//! ui · plain                        draws the app's state; the same app as lines of text
//! app                               pure state: Action, update, keymap
//! config                            the configuration file
//! present                           what the CLI and the app both show
//! bookmarks                         the bookmark store
//! drafts · search                   written stories; the search index
//! paths                             per-user directories
//! corpus                            model, sources, loader
//! diag · quality · hours            diagnostics; text checks; opening hours
//! sanitize · text · i18n · privacy  foundations
//! ```
//!
//! ## Modules
//! - [`app`]: the terminal app's state, actions and keymap; `update` is pure and testable
//!   (also which sentence is being read aloud: `app::speech`).
//! - [`bookmarks`]: personal bookmarks with notes in SQLite: durable, private, never lost.
//! - [`cli`]: the command-line definitions (clap), also the source of `man/plein.1`.
//! - [`commands`]: the non-interactive commands, writing to any `Write`.
//! - [`config`]: the optional configuration file (language, colours).
//! - [`corpus`]: the corpus model, its sources (embedded or a directory) and the checking loader.
//! - [`diag`]: diagnostics: what is wrong, where (`path:line:col`), and what to do.
//! - [`drafts`]: stories people write in plein (Deel je ervaring), as drafts and as corpus files.
//! - [`hours`]: opening hours (OpenStreetMap syntax) and whether a place is open now.
//! - [`i18n`]: UI text per language from the catalogs in `assets/i18n/`.
//! - [`paths`]: per-user directories and private (0700/0600) files.
//! - [`plain`]: plain mode: the app as numbered lines of text, answered by a number, a word or
//!   a short command (screen readers, braille displays, slow links).
//! - [`present`]: what the CLI and the app both show: bylines, origin labels, contact lines,
//!   bookmark records, theme counts, colour theme names.
//! - [`privacy`]: finds what could identify someone in a story people write themselves.
//! - [`quality`]: readability, distinctness and content-note checks for corpus texts.
//! - [`sanitize`]: makes untrusted text inert before it reaches a terminal.
//! - [`search`]: Dutch full-text search on tantivy: the bundled corpus's index prebuilt and
//!   embedded in the binary, a persistent memory-mapped cache for other corpora.
//! - [`tui`]: the terminal edge: event loop, signals, background index, effects, and the
//!   espeak-ng process that reads stories aloud (`tui::speech`).
//! - [`ui`]: drawing every screen from the app state, the focus where the cursor stands;
//!   styles by meaning, themes by the terminal's background.
//! - [`text`]: Markdown blocks and width-aware wrapping shared by every view.

pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod diag;
pub mod drafts;
pub mod hours;
pub mod i18n;
pub mod paths;
pub mod plain;
pub mod present;
pub mod privacy;
pub mod quality;
pub mod sanitize;
pub mod search;
pub mod text;
pub mod tui;
pub mod ui;
