//! The command line: clap definitions, the source of `--help` (in the UI language, see
//! [`command`]), the man page and the shell completions.

use crate::i18n::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod help;
pub use help::{command, keys as help_keys, lang_flag, names_search, raw_value, texts};

/// plein: lived-experience stories and help resources, offline, in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "plein",
    version,
    about = "Lived-experience stories and help resources, offline, in the terminal",
    long_about = "plein brings lived-experience knowledge (ervaringskennis) to the people who need it: \
first-person stories of people who lived through poverty and debt, loneliness, homelessness, partner \
violence and gambling addiction, together with the helplines and organisations that help. The corpus \
ships inside the binary; plein needs no network.\n\nWithout a command, plein opens the terminal app: browse the themes, search, read \
stories and resources, and reach the crisis numbers from every screen with F1. Ctrl-Q leaves at once (snel weg)."
)]
pub struct Cli {
    /// Load the corpus in DIR instead of the bundled one (same format; see data/README.md).
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Lay the local overlay in DIR over the corpus: resources (and stories) of the
    /// neighbourhood, shown first (also the `local` setting).
    #[arg(long, global = true, value_name = "DIR")]
    pub local: Option<PathBuf>,

    /// Language of the interface: nl (default) or en. Without it, the settings, then LC_ALL,
    /// LC_MESSAGES or LANG decide (en* is English).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Colours of the app: auto (by the terminal's background), dark, light, high-contrast or
    /// monochrome. Wins over NO_COLOR, which (monochrome) wins over the settings.
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub colors: Option<crate::present::ThemeName>,

    /// Kiosk mode for public computers: a guest session that cannot be left for anything else
    /// (no export, no quitting unless the configuration allows it), wiped after 3 idle minutes
    /// and by Ctrl-Q.
    #[arg(long, global = true)]
    pub kiosk: bool,

    /// Guest session: nothing is written to disk. Bookmarks last until plein closes; no
    /// search index is cached.
    #[arg(long, global = true)]
    pub guest: bool,

    /// Where personal data (bookmarks) is kept, e.g. a USB stick for a portable install
    /// (also PLEIN_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read settings from FILE instead of the user's config.toml (also PLEIN_CONFIG); a FILE
    /// that cannot be read stops plein with exit 2.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Plain mode: the app as numbered lines of text, answered with a number, a word to search
    /// for or a short command (terug, hulp, bewaar, ?, stop); for screen readers, braille
    /// displays and slow links. Also without this flag when the output is not a terminal or
    /// TERM=dumb.
    #[arg(long)]
    pub plain: bool,

    /// What to do; without a command, plein opens the app (in plain mode when its input or
    /// output is not a terminal that can draw).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus: print every problem as path:line:col, exit 1 on errors.
    Check {
        /// The corpus directory to check (the bundled corpus without it).
        dir: Option<PathBuf>,
        /// Print the problems and counts as JSON.
        #[arg(long)]
        json: bool,
        /// Fail (exit 1) on warnings too: stale facts, missing or malformed opening hours,
        /// phone numbers and addresses.
        #[arg(long)]
        strict: bool,
    },
    /// List the themes with their number of stories and resources, or one theme's stories
    /// and help.
    Themes {
        /// Show this theme's stories and help (its slug, e.g. armoede-en-schulden).
        #[arg(value_name = "THEME")]
        theme: Option<String>,
        /// Print as JSON: a list of themes (slug, name, name_nl, name_en, stories, main_stories,
        /// resources); with THEME: slug, name, name_nl, name_en, description, stories (id, title,
        /// summary, author, perspective, origin, main_theme, tags, content_notes), resources.
        #[arg(long)]
        json: bool,
    },
    /// Help now: the crisis and help lines with their numbers and hours, most urgent first (as
    /// the app's Hulp nu screen).
    #[command(alias = "crisis")]
    Hulp {
        /// Print as JSON: a list of resources (id, name, kind, themes, crisis, summary, phone,
        /// url, hours, checked, source).
        #[arg(long)]
        json: bool,
    },
    /// List the help resources (helplines, organisations, websites), all or for one theme.
    Resources {
        /// Only the resources that serve this theme (its slug).
        #[arg(long, value_name = "SLUG")]
        theme: Option<String>,
        /// Print as JSON: a list of resources (id, name, kind, themes, crisis, summary, phone,
        /// url, hours, checked, source).
        #[arg(long)]
        json: bool,
    },
    /// Search stories and resources (Dutch stemming, typos, accents, synonyms).
    Search {
        /// Only in this theme (repeat for several).
        #[arg(long = "theme", value_name = "SLUG")]
        themes: Vec<String>,
        /// Only stories or only resources.
        #[arg(long, value_parser = ["story", "resource"])]
        kind: Option<String>,
        /// How many hits to show.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1000))]
        limit: u16,
        /// Print as JSON: query, total, hits (id, kind, title, theme, themes, score, snippet, open_now), facets.themes, suggestion, nearest_theme, crisis (kind, resources, numbers).
        #[arg(long)]
        json: bool,
        /// Width of the text output in columns (snippets are cut to fit around the match).
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: u16,
        /// What to look for: words, "a phrase", -excluded. Flags may come before or after it;
        /// a query that starts with `-` goes after `--` (plein search -- -gokken schulden).
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Your bookmarks: list, add, remove, export and import them.
    Bookmarks {
        #[command(subcommand)]
        action: BookmarksAction,
    },
    /// Stories written in plein (Deel je ervaring): list, show, export for a curator, delete.
    Drafts {
        #[command(subcommand)]
        action: DraftsAction,
    },
    /// Help nearby (the local overlay): write a template for a local resource.
    Local {
        #[command(subcommand)]
        action: LocalAction,
    },
    /// The settings: check the files, or show every value and where it came from.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print a story or resource as plain, wrapped text.
    Show {
        /// The id of the story or resource (see `plein themes`, `plein search`).
        id: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
        /// Wrap at this many columns (default: the terminal width, at most 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=400))]
        width: Option<u16>,
    },
    /// Print a completion script for a shell.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

/// What to do with the settings.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print every problem in the settings files as file:line; exit 1 if there is any.
    Check,
    /// Print every setting in force and where it came from (default, system file, your file,
    /// environment, flag), and which keys the system file locks.
    Show,
}

impl Cli {
    /// What the command line asks of the settings.
    pub fn flags(&self) -> crate::config::Flags {
        crate::config::Flags {
            lang: self.lang,
            colors: self.colors,
            kiosk: self.kiosk,
            guest: self.guest,
            local: self.local.clone(),
        }
    }
}

/// What to do with bookmarks.
#[derive(Debug, Subcommand)]
pub enum BookmarksAction {
    /// List your bookmarks, newest first.
    List {
        /// Print JSON (the import format).
        #[arg(long)]
        json: bool,
    },
    /// Bookmark a story or resource by its id.
    Add {
        /// The id (as `plein search` and `plein show` print it).
        id: String,
        /// A note to keep with it, e.g. "bellen op maandag".
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove a bookmark.
    Remove {
        /// The id of the bookmarked story or resource.
        id: String,
    },
    /// Write your bookmarks to a file or to standard output.
    Export {
        /// md for people (titles, notes, phone numbers), json for machines and `import`.
        #[arg(long, value_parser = ["md", "json"], default_value = "md")]
        format: String,
        /// The file to write (private to you); standard output when left out or `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists (without it, an existing file is left alone).
        #[arg(long)]
        force: bool,
    },
    /// Add the bookmarks from a JSON export; ones you already have are left as they are.
    Import {
        /// A file written by `plein bookmarks export --format json`.
        file: PathBuf,
    },
}

/// What to do with the local overlay.
#[derive(Debug, Subcommand)]
pub enum LocalAction {
    /// Write a commented template for one local resource (then fill it in, and run
    /// `plein check --local DIR`).
    New {
        /// The file to write, e.g. DIR/resources/<id>.md; standard output when left out or `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists (without it, an existing file is left alone).
        #[arg(long)]
        force: bool,
    },
}

/// What to do with drafts.
#[derive(Debug, Subcommand)]
pub enum DraftsAction {
    /// List the drafts, most recently changed first.
    List,
    /// Print a draft with the privacy warnings for it.
    Show {
        /// The draft's number (from `plein drafts list`).
        id: i64,
    },
    /// Write a draft as a corpus story file (origin = "ingezonden"), only with the writer's
    /// consent; `plein check` then reviews it.
    Export {
        /// The draft's number.
        id: i64,
        /// The file to write (private to you); standard output when left out or `-`.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists (without it, an existing file is left alone).
        #[arg(long)]
        force: bool,
    },
    /// Delete a draft (for good: the database overwrites deleted text).
    Delete {
        /// The draft's number.
        id: i64,
    },
}
