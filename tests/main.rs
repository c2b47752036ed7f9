//! The one integration-test crate: every layer of plein, from the loader to the real binary.

mod app;
mod bookmarks;
mod cli;
mod corpus_quality;
mod drafts;
mod i18n;
mod loader;
mod man;
mod search;
mod search_crisis;
mod search_quality;
mod terminal_safety;
mod util;
