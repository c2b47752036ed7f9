//! The corpus as the app sees it: themes, stories and resources, already checked and sanitized.

use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// One of the five fixed themes, with its tag vocabulary.
#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    /// Fixed slug (`armoede-en-schulden`, …).
    pub slug: String,
    /// Dutch name.
    pub name_nl: String,
    /// English name.
    pub name_en: String,
    /// One line for menus, Dutch.
    pub tagline_nl: String,
    /// One line for menus, English.
    pub tagline_en: String,
    /// One B1 paragraph, Dutch; names where to turn first.
    pub description_nl: String,
    /// The same paragraph in English.
    pub description_en: String,
    /// The tags stories of this theme may carry.
    pub tags: Vec<String>,
    /// Resources to turn to first, by id.
    pub resources: Vec<String>,
}

impl Theme {
    /// The theme's name in the UI language.
    pub fn name(&self, english: bool) -> &str {
        if english {
            &self.name_en
        } else {
            &self.name_nl
        }
    }
}

/// A content note a story may carry (shown before the story opens).
#[derive(Debug, Clone, Serialize)]
pub struct ContentNote {
    /// Slug used in story front matter.
    pub slug: String,
    /// Dutch label.
    pub name_nl: String,
    /// English label.
    pub name_en: String,
}

/// Who tells a story: the person it happened to, or someone close to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// It happened to me (`zelf`).
    Zelf,
    /// It happened to someone close to me (`naaste`).
    Naaste,
}

impl Perspective {
    /// All perspectives, in display order.
    pub const ALL: [Perspective; 2] = [Perspective::Zelf, Perspective::Naaste];

    /// The slug used in front matter.
    pub fn slug(self) -> &'static str {
        match self {
            Perspective::Zelf => "zelf",
            Perspective::Naaste => "naaste",
        }
    }

    /// Parses a front-matter slug.
    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// The phases of a story's arc a reader can filter on.
pub const PHASES: [&str; 5] = ["begin", "dieptepunt", "hulp-vragen", "herstel", "terugval"];

/// Optional facts about the narrator, for curators (spread of voices); not shown as identity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Narrator {
    /// Age in years.
    pub age: Option<u8>,
    /// `vrouw`, `man` or `non-binair`.
    pub gender: Option<String>,
    /// `stad` or `dorp`.
    pub setting: Option<String>,
    /// A region or province, never a town.
    pub region: Option<String>,
    /// Whether the narrator has a migration background.
    pub migration: Option<bool>,
}

/// The file stamps of a corpus directory (see [`crate::corpus::stamp`]): what lets a cached
/// index see that the corpus changed without reading it. Empty for the bundled corpus.
#[derive(Debug, Clone, Default)]
pub struct Stamps {
    /// Display path of each corpus file → its path relative to the root, and its stamp.
    pub files: HashMap<String, (String, u64)>,
    /// Every corpus directory relative to the root (`""` is the root), with its stamp.
    pub dirs: Vec<(String, u64)>,
}

/// A lived-experience story.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Stable slug.
    pub id: String,
    /// Title.
    pub title: String,
    /// One or two sentences for lists.
    pub summary: String,
    /// Theme slugs; the first is the main theme.
    pub themes: Vec<String>,
    /// Tags from the themes' vocabularies.
    pub tags: Vec<String>,
    /// Who tells it.
    pub perspective: Perspective,
    /// Phase slugs.
    pub phases: Vec<String>,
    /// Content-note slugs, shown before the text.
    pub content_notes: Vec<String>,
    /// Linked resource ids.
    pub resources: Vec<String>,
    /// `illustratief` for the bundled stories, `ingezonden` for submitted ones.
    pub origin: String,
    /// For a submitted story: the date the writer agreed to sharing it.
    pub consent: Option<String>,
    /// Language code (`nl`).
    pub lang: String,
    /// Author line ("Fatima, 42"), if any.
    pub author: Option<String>,
    /// Facts about the narrator, if given.
    pub narrator: Narrator,
    /// The story in Markdown, held or left in its file: see [`Story::text`].
    pub body: Body,
    /// The file it came from.
    pub path: String,
}

impl Story {
    /// The main theme's slug.
    pub fn main_theme(&self) -> &str {
        self.themes.first().map_or("", String::as_str)
    }

    /// The story's Markdown text: the held text, or its file read again and checked as when the
    /// corpus was loaded. Fails (saying why, for the file) when the file was removed or broken
    /// since.
    pub fn text(&self) -> Result<Cow<'_, str>, crate::diag::Diagnostic> {
        self.body.text(&self.path)
    }
}

/// Where a story's Markdown text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// In memory: borrowed from the binary for the bundled corpus (no copy in each process),
    /// owned for a file of a local overlay or one made in memory.
    Held(Cow<'static, str>),
    /// Left in its file in a corpus directory, which is read again when the story is shown or
    /// indexed: a directory of 100,000 stories would otherwise hold 400 MB of text.
    File(std::path::PathBuf),
}

impl Body {
    /// The text, read from its file when it was left there (`display`: the file as shown in a
    /// diagnostic); see [`Story::text`].
    pub fn text(&self, display: &str) -> Result<Cow<'_, str>, crate::diag::Diagnostic> {
        match self {
            Body::Held(text) => Ok(Cow::Borrowed(text)),
            Body::File(file) => super::story::read_body(file, display).map(Cow::Owned),
        }
    }
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Body::Held(Cow::Owned(text))
    }
}

impl From<&'static str> for Body {
    fn from(text: &'static str) -> Self {
        Body::Held(Cow::Borrowed(text))
    }
}

/// A story serializes with its text (read from its file when it was left there).
impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let display = match self {
            Body::File(file) => file.display().to_string(),
            Body::Held(_) => String::new(),
        };
        match self.text(&display) {
            Ok(text) => s.serialize_str(&text),
            Err(d) => Err(serde::ser::Error::custom(format!("{display}: {}", d.code))),
        }
    }
}

/// A calendar date (`checked` dates of resources).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` for impossible ones (2026-02-30).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1900 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A help resource: helpline, organisation, website or arrangement.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    /// Stable slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// `hulplijn`, `organisatie`, `website`, `regeling` or `zelfhulp`.
    pub kind: String,
    /// Theme slugs it serves (may be empty for general resources).
    pub themes: Vec<String>,
    /// Shown on the *Hulp nu* screen.
    pub crisis: bool,
    /// What it offers, in one or two sentences.
    pub summary: String,
    /// Phone numbers as people dial them.
    pub phone: Vec<String>,
    /// Web address, without scheme as a rule (`veiligthuis.nl`).
    pub url: Option<String>,
    /// Opening hours, in words.
    pub hours: Option<String>,
    /// Opening hours in OpenStreetMap `opening_hours` syntax, parsed: what "nu open tot 17:00"
    /// is computed from (see [`crate::hours`]).
    pub opening_hours: Option<crate::hours::Hours>,
    /// The town or municipality it is in (local resources).
    pub place: Option<String>,
    /// Street address, as people find the door.
    pub address: Option<String>,
    /// When people can walk in without an appointment, in words.
    pub walk_in: Option<String>,
    /// Stories it links to, by id.
    pub stories: Vec<String>,
    /// The words people use when they look for this help (Dutch and English): searched,
    /// never shown.
    pub search_words: Vec<String>,
    /// An example resource (invented, as in `examples/lokaal/`): shown with "voorbeeld".
    pub example: bool,
    /// It comes from the local overlay (`--local`, the `local` setting): shown first, "in de
    /// buurt".
    pub local: bool,
    /// Where the facts come from, with the source's date.
    pub source: String,
    /// When the facts were last checked.
    pub checked: Date,
    /// The line of `checked` in the file (0 when unknown), for `plein check`'s stale warning.
    #[serde(skip)]
    pub checked_line: usize,
    /// Longer description in Markdown (borrowed or owned, as a story's).
    pub body: Cow<'static, str>,
    /// The file it came from.
    pub path: String,
}

impl Resource {
    /// True when the facts were last checked more than 12 months before `today` (year, month,
    /// day): plein then asks people to call and check.
    pub fn is_stale(&self, today: (i32, u32, u32)) -> bool {
        let c = self.checked;
        let checked = (i32::from(c.year) + 1, u32::from(c.month), u32::from(c.day));
        checked < today
    }
}

/// Resource kinds a corpus may use.
pub const RESOURCE_KINDS: [&str; 5] =
    ["hulplijn", "organisatie", "website", "regeling", "zelfhulp"];

/// Everything plein shows: themes, stories, resources, and how many files were skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The five themes, in display order.
    pub themes: Vec<Theme>,
    /// Content notes stories may carry.
    pub content_notes: Vec<ContentNote>,
    /// Stories, in file order.
    pub stories: Vec<Story>,
    /// Resources, in file order.
    pub resources: Vec<Resource>,
    /// Documents left out because they had errors (see `plein check`).
    pub skipped: usize,
    /// The local overlay's directory (shown), when one is layered over the corpus.
    pub local_dir: Option<String>,
    /// Why each skipped file of the local overlay was skipped: its first error.
    pub local_skipped: Vec<crate::diag::Diagnostic>,
    /// Search synonyms from `synonyms.toml`.
    pub synonyms: super::Synonyms,
    /// A hash of every corpus file: it changes whenever the corpus does (keys the index cache).
    pub fingerprint: u64,
    /// Where each document came from and the directories read (for the index cache).
    pub stamps: Stamps,
    by_id: HashMap<String, DocRef>,
}

/// A document of the corpus, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocRef {
    /// Index into [`Corpus::stories`].
    Story(usize),
    /// Index into [`Corpus::resources`].
    Resource(usize),
}

/// A borrowed document: story or resource.
#[derive(Debug, Clone, Copy)]
pub enum Doc<'a> {
    /// A story.
    Story(&'a Story),
    /// A resource.
    Resource(&'a Resource),
}

impl Corpus {
    /// Builds a corpus and its id index.
    pub fn new(
        themes: Vec<Theme>,
        content_notes: Vec<ContentNote>,
        stories: Vec<Story>,
        resources: Vec<Resource>,
        skipped: usize,
    ) -> Self {
        let mut by_id = HashMap::new();
        for (i, r) in resources.iter().enumerate() {
            by_id.insert(r.id.clone(), DocRef::Resource(i));
        }
        for (i, s) in stories.iter().enumerate() {
            by_id.insert(s.id.clone(), DocRef::Story(i));
        }
        Corpus {
            themes,
            content_notes,
            stories,
            resources,
            skipped,
            local_dir: None,
            local_skipped: Vec::new(),
            synonyms: Default::default(),
            fingerprint: 0,
            stamps: Stamps::default(),
            by_id,
        }
    }

    /// Finds a story or resource by id.
    pub fn get(&self, id: &str) -> Option<Doc<'_>> {
        match *self.by_id.get(id)? {
            DocRef::Story(i) => self.stories.get(i).map(Doc::Story),
            DocRef::Resource(i) => self.resources.get(i).map(Doc::Resource),
        }
    }

    /// Finds a resource by id.
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        match self.get(id)? {
            Doc::Resource(r) => Some(r),
            Doc::Story(_) => None,
        }
    }

    /// Finds a theme by slug.
    pub fn theme(&self, slug: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.slug == slug)
    }

    /// Stories whose main theme is `slug`.
    pub fn stories_in<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a Story> + 'a {
        self.stories.iter().filter(move |s| s.main_theme() == slug)
    }

    /// Resources that serve theme `slug`.
    pub fn resources_in<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.resources
            .iter()
            .filter(move |r| r.themes.iter().any(|t| t == slug))
    }

    /// The label of a content note in the given language (the slug when unknown).
    pub fn content_note_label(&self, slug: &str, english: bool) -> String {
        self.content_notes
            .iter()
            .find(|c| c.slug == slug)
            .map(|c| {
                if english {
                    c.name_en.clone()
                } else {
                    c.name_nl.clone()
                }
            })
            .unwrap_or_else(|| slug.to_owned())
    }
}
