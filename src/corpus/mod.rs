//! The corpus: loading and checking themes, stories and resources from the bundled copy or a
//! directory. [`load`] keeps every document it can and reports every problem it finds.

mod model;
mod overlay;
pub(crate) mod parse;
mod resource;
pub(crate) mod snapshot;
mod source;
mod story;
mod synonyms;
pub(crate) mod table;
mod themes;

pub use model::{
    Body, ContentNote, Corpus, Date, Doc, DocRef, Narrator, PHASES, Perspective, RESOURCE_KINDS,
    Resource, Stamps, Story, Theme,
};
pub use overlay::{apply as apply_overlay, load_with};
pub use parse::{edit_distance, is_slug};
pub use resource::{is_address, is_phone, is_web_address};
pub(crate) use source::Fnv;
pub use source::{
    File, Listing, MAX_FILE_BYTES, Source, SourceError, SourceProblem, stamp, stamp_of,
};
pub use synonyms::{Synonyms, normalise};
pub use themes::THEME_SLUGS;

use crate::diag::{Diagnostic, Pos, msg};
use std::collections::HashMap;

/// A loaded corpus and everything found wrong while loading it.
#[derive(Debug)]
pub struct Loaded {
    /// The documents that loaded.
    pub corpus: Corpus,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// What story and resource fields are checked against: the themes and content notes.
pub(crate) struct Vocabulary {
    themes: Vec<Theme>,
    notes: Vec<ContentNote>,
}

impl Vocabulary {
    fn theme_slugs(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.slug.as_str()).collect()
    }

    fn tags_for(&self, themes: &[String]) -> Vec<&str> {
        let mut tags: Vec<&str> = Vec::new();
        for t in self.themes.iter().filter(|t| themes.contains(&t.slug)) {
            for tag in &t.tags {
                if !tags.contains(&tag.as_str()) {
                    tags.push(tag);
                }
            }
        }
        tags
    }

    fn note_slugs(&self) -> Vec<&str> {
        self.notes.iter().map(|n| n.slug.as_str()).collect()
    }
}

/// Loads a corpus. Fails only when the source cannot be read at all (a missing directory);
/// problems in single files become diagnostics, and those documents are skipped.
///
/// The bundled corpus comes from its prebuilt table when that is current (see `snapshot`):
/// the same corpus, without parsing every file at start.
pub fn load(source: &Source) -> Result<Loaded, SourceError> {
    if *source == Source::Bundled
        && let Some(loaded) = snapshot::bundled()
    {
        return Ok(loaded);
    }
    load_parsed(source)
}

/// Loads a corpus by parsing and checking every file (what [`load`] does but for a current
/// bundled table).
pub fn load_parsed(source: &Source) -> Result<Loaded, SourceError> {
    let loaded = load_listing(source.listing_deferred()?, matches!(source, Source::Dir(_)));
    release_free_memory();
    Ok(loaded)
}

/// Gives memory freed in bulk back to the system: the allocator otherwise keeps free pages
/// between live ones (20 to 60 MB after loading or indexing a 100,000-story directory).
pub(crate) fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages of the allocator's own arenas to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Parses and checks listed corpus files (`on_disk`: they came from a directory, so their
/// stamps are kept). [`load`] without the reading, for tests and fuzzing of the parsers.
pub fn load_listing(listing: Listing, on_disk: bool) -> Loaded {
    let source::Listing {
        files,
        fingerprint,
        dirs,
    } = listing;
    let mut stamps = Stamps {
        dirs,
        ..Stamps::default()
    };
    if on_disk {
        stamps.files = files
            .iter()
            .map(|f| (f.display.clone(), (f.rel.clone(), f.stamp)))
            .collect();
    }
    let mut diags = Vec::new();
    let mut themes_file = None;
    let mut synonyms_file = None;
    // Collected in place (here and below): a 100,000-file corpus holds one list at a time.
    let docs: Vec<source::File> = files
        .into_iter()
        .filter_map(|file| match file.rel.as_str() {
            "themes.toml" => {
                themes_file = Some(file.read());
                None
            }
            "synonyms.toml" => {
                synonyms_file = Some(file.read());
                None
            }
            rel if rel.ends_with(".md") => Some(file),
            _ => {
                diags.push(
                    Diagnostic::warning(
                        &file.display,
                        Pos::FILE,
                        "ignored-file",
                        msg("diag.ignored-file"),
                    )
                    .with_hint(msg("diag.ignored-file_hint")),
                );
                None
            }
        })
        .collect();
    let (vocab, theme_links) = load_themes(themes_file, &mut diags);

    let mut resources = Vec::new();
    let mut skipped = 0;
    // In file order, whatever thread parsed them: the same corpus and diagnostics as one by one.
    let mut stories: Vec<story::Parsed> = parse_docs(docs, &vocab)
        .into_iter()
        .filter_map(|parsed| {
            let (doc, file_diags) = parsed?;
            diags.extend(file_diags);
            match doc {
                ParsedFile::Story(s) => Some(s),
                ParsedFile::Resource(r) => {
                    resources.push(r);
                    None
                }
                ParsedFile::Skipped => {
                    skipped += 1;
                    None
                }
            }
        })
        .collect();

    // Ids are one namespace across stories and resources; the first file keeps it.
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut keep = |id: &str, path: &str, pos: Pos, diags: &mut Vec<Diagnostic>| match seen.get(id)
    {
        Some(first) => {
            diags.push(
                Diagnostic::error(
                    path,
                    pos,
                    "duplicate-id",
                    msg("diag.duplicate-id").arg("id", id).arg("other", first),
                )
                .with_hint(msg("diag.duplicate-id_hint")),
            );
            false
        }
        None => {
            seen.insert(id.to_owned(), path.to_owned());
            true
        }
    };
    let before = resources.len() + stories.len();
    resources.retain(|p| keep(&p.resource.id, &p.resource.path, p.id_pos, &mut diags));
    stories.retain(|s: &story::Parsed| keep(&s.story.id, &s.story.path, s.id_pos, &mut diags));
    skipped += before - resources.len() - stories.len();

    let resource_ids: Vec<&str> = resources.iter().map(|p| p.resource.id.as_str()).collect();
    if let Some((path, links)) = &theme_links {
        for (id, pos) in links {
            if !resource_ids.contains(&id.as_str()) {
                diags.push(Diagnostic::error(
                    path,
                    *pos,
                    "unknown-resource",
                    msg("diag.theme-unknown-resource").arg("id", id),
                ));
            }
        }
    }
    stories.retain(|s| {
        let mut ok = true;
        for (id, pos) in &s.resource_refs {
            if !resource_ids.contains(&id.as_str()) {
                ok = false;
                let known = &resource_ids;
                let key = (
                    "unknown-resource",
                    "diag.unknown-resource",
                    "diag.unknown-resource_hint",
                );
                diags.push(unknown_link(
                    &s.story.path,
                    *pos,
                    id,
                    known,
                    key,
                    Diagnostic::error,
                ));
            }
        }
        skipped += usize::from(!ok);
        ok
    });
    let mut kept_stories: Vec<Story> = stories.into_iter().map(|s| s.story).collect();
    kept_stories.shrink_to_fit();
    let story_ids: Vec<&str> = kept_stories.iter().map(|s| s.id.as_str()).collect();
    for p in &mut resources {
        unknown_stories(p, &story_ids, &mut diags);
    }
    let resources: Vec<Resource> = resources.into_iter().map(|p| p.resource).collect();
    let mut corpus = Corpus::new(vocab.themes, vocab.notes, kept_stories, resources, skipped);
    corpus.synonyms = load_synonyms(synonyms_file, &mut diags);
    corpus.fingerprint = fingerprint;
    corpus.stamps = stamps;
    diags.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    Loaded {
        corpus,
        diagnostics: diags,
    }
}

/// A link to an id that does not exist: `(code, message key, hint key)`, and "did you mean"
/// the closest known id when there is one.
fn unknown_link(
    path: &str,
    pos: Pos,
    id: &str,
    known: &[&str],
    (code, key, hint): (&'static str, &'static str, &'static str),
    level: fn(&str, Pos, &'static str, crate::diag::Message) -> Diagnostic,
) -> Diagnostic {
    let hint =
        parse::closest(id, known).map_or(msg(hint), |c| msg("diag.did-you-mean").arg("closest", c));
    level(path, pos, code, msg(key).arg("id", id)).with_hint(hint)
}

/// Reports (as warnings: the resource stays) story links of a resource to stories that do not
/// exist.
fn unknown_stories(p: &mut resource::Parsed, story_ids: &[&str], diags: &mut Vec<Diagnostic>) {
    p.resource
        .stories
        .retain(|id| story_ids.contains(&id.as_str()));
    for (id, pos) in &p.story_refs {
        if !story_ids.contains(&id.as_str()) {
            let key = (
                "unknown-story",
                "diag.unknown-story",
                "diag.unknown-story_hint",
            );
            let warning = Diagnostic::warning;
            diags.push(unknown_link(
                &p.resource.path,
                *pos,
                id,
                story_ids,
                key,
                warning,
            ));
        }
    }
}

/// The themes' resource links with their file, checked once the resources are known.
type ThemeLinks = Option<(String, Vec<(String, Pos)>)>;

/// Parses the corpus's `themes.toml`, or the bundled one when the corpus has none or it is broken.
/// One corpus file, parsed.
enum ParsedFile {
    Story(story::Parsed),
    Resource(resource::Parsed),
    Skipped,
}

/// Below this many files one thread parses them all (a thread costs more than it saves).
const PARALLEL_FROM: usize = 512;

/// How many files a parsing thread takes at a time.
const PARSE_CHUNK: usize = 256;

/// Reads and parses the corpus files, each with its own diagnostics, in the order given (every
/// entry is `Some`: the slots the threads fill): for a large corpus directory on one thread
/// more than the cores, at most three (a 100,000-story directory took 4.6 s on one).
fn parse_docs(
    docs: Vec<source::File>,
    vocab: &Vocabulary,
) -> Vec<Option<(ParsedFile, Vec<Diagnostic>)>> {
    let one = |file: source::File| {
        let mut diags = Vec::new();
        let (rel, display) = (file.rel.clone(), file.display.clone());
        // A story of a corpus directory leaves its text in its file (read again when shown).
        let on_disk = file.deferred.as_ref().map(|(path, _)| path.clone());
        let doc = match parse::decode(file.read(), &mut diags) {
            None => ParsedFile::Skipped,
            Some(text) if rel.starts_with("stories/") => {
                match story::parse(&display, &rel, &text, vocab, &mut diags) {
                    Some((mut s, false)) => {
                        if let Some(path) = on_disk {
                            s.story.body = Body::File(path);
                        }
                        ParsedFile::Story(s)
                    }
                    _ => ParsedFile::Skipped,
                }
            }
            Some(text) => match resource::parse(&display, &rel, &text, vocab, &mut diags) {
                Some(p) if !p.had_errors => ParsedFile::Resource(p),
                _ => ParsedFile::Skipped,
            },
        };
        (doc, diags)
    };
    // Slots filled in place, a chunk at a time by whichever thread is free: no second list of
    // parsed files to join, and a thread waiting for a file the disk has not yet given leaves
    // the core to the others (one thread more than the cores; a small corpus on this one).
    let helpers = if docs.len() < PARALLEL_FROM {
        0
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    };
    let mut parsed: Vec<Option<(ParsedFile, Vec<Diagnostic>)>> =
        std::iter::repeat_with(|| None).take(docs.len()).collect();
    let jobs = std::sync::Mutex::new((parsed.chunks_mut(PARSE_CHUNK), docs.into_iter()));
    let work = || {
        loop {
            let job = {
                let mut jobs = jobs.lock().unwrap_or_else(|e| e.into_inner());
                let (slots, files) = &mut *jobs;
                slots.next().map(|s| {
                    let chunk: Vec<source::File> = files.by_ref().take(s.len()).collect();
                    (s, chunk)
                })
            };
            let Some((slots, chunk)) = job else { break };
            for (slot, file) in slots.iter_mut().zip(chunk) {
                *slot = Some(one(file));
            }
        }
    };
    std::thread::scope(|scope| {
        // A thread that cannot start leaves its share to this one.
        let helpers: Vec<_> = (0..helpers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("plein-corpus".into())
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        work();
        for h in helpers {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
    });
    parsed
}

fn load_themes(
    file: Option<source::File>,
    diags: &mut Vec<Diagnostic>,
) -> (Vocabulary, ThemeLinks) {
    if let Some(file) = file {
        let display = file.display.clone();
        if let Some(parsed) =
            parse::decode(file, diags).and_then(|t| themes::parse(&display, &t, diags))
        {
            let vocab = Vocabulary {
                themes: parsed.themes,
                notes: parsed.notes,
            };
            return (vocab, Some((display, parsed.resource_refs)));
        }
    }
    (bundled_themes(), None)
}

/// Parses the corpus's `synonyms.toml`, or the bundled one when the corpus has none or it is broken.
fn load_synonyms(file: Option<source::File>, diags: &mut Vec<Diagnostic>) -> Synonyms {
    if let Some(file) = file {
        let display = file.display.clone();
        if let Some(s) =
            parse::decode(file, diags).and_then(|t| synonyms::parse(&display, &t, diags))
        {
            return s;
        }
    }
    let mut ignored = Vec::new();
    Source::Bundled
        .files()
        .ok()
        .and_then(|fs| fs.into_iter().find(|f| f.rel == "synonyms.toml"))
        .and_then(|f| parse::decode(f, &mut ignored))
        .and_then(|t| synonyms::parse("data/synonyms.toml", &t, &mut ignored))
        .unwrap_or_default()
}

/// The bundled themes (names and vocabularies), without loading the rest of the corpus.
pub fn bundled_theme_list() -> Vec<Theme> {
    bundled_themes().themes
}

fn bundled_themes() -> Vocabulary {
    let mut ignored = Vec::new();
    let parsed = Source::Bundled
        .files()
        .ok()
        .and_then(|fs| fs.into_iter().find(|f| f.rel == "themes.toml"))
        .and_then(|f| parse::decode(f, &mut ignored))
        .and_then(|t| themes::parse("data/themes.toml", &t, &mut ignored));
    match parsed {
        Some(p) => Vocabulary {
            themes: p.themes,
            notes: p.notes,
        },
        None => Vocabulary {
            themes: Vec::new(),
            notes: Vec::new(),
        },
    }
}
