//! Text for people: Markdown blocks and width-aware wrapping, shared by every view.

pub mod markdown;
pub mod wrap;

pub use markdown::{Block, Emphasis, Span};
pub use wrap::{truncate, width, wrap_hanging, wrap_plain, wrap_spans};
