//! The one integration-test crate: every layer of plein, from the loader to the real binary.

mod app;
mod architecture;
mod bookmarks;
mod cli;
mod cli_help;
mod config;
mod contrast;
mod conventions;
mod corpus_quality;
mod drafts;
mod focus;
mod footer;
mod hostile;
mod i18n;
mod index;
mod loader;
mod man;
mod messages;
mod metadata;
mod parsers;
mod search;
mod search_crisis;
mod search_quality;
mod sessions;
mod terminal_safety;
mod util;
