//! The one integration-test crate: every layer of plein, from the loader to the real binary.

mod app;
mod architecture;
mod bookmarks;
mod cli;
mod cli_help;
mod corpus_quality;
mod drafts;
mod i18n;
mod loader;
mod man;
mod metadata;
mod search;
mod search_quality;
mod terminal_safety;
mod util;
