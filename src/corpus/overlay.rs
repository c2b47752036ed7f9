//! The local overlay: a directory of resource (and story) files in the corpus format, laid
//! over a corpus (a drop-in centre's night shelter, food bank, walk-in hours).
//!
//! The overlay's files are checked against the corpus's themes and content notes, and may link
//! to its stories and resources. What is wrong in a local file leaves that file out and says
//! why (the corpus underneath is never touched): an id the corpus already has, a broken front
//! matter, a link to nothing. Local resources come first in the corpus and carry `local`, so
//! every list shows them first.

use super::model::{Corpus, Resource, Story};
use super::source::{Fnv, Source, SourceError};
use super::{Loaded, Vocabulary, parse, resource, story};
use crate::diag::{Diagnostic, Pos, Severity, msg};
use std::collections::HashSet;
use std::path::Path;

/// Lays the overlay in `dir` over a loaded corpus. Fails only when `dir` cannot be used at all
/// (missing, not a directory, no `resources/` or `stories/`); then `loaded` is as it was.
pub fn apply(loaded: &mut Loaded, dir: &Path) -> Result<(), SourceError> {
    let source = Source::Dir(dir.to_owned());
    let listing = source.listing_deferred()?;
    let base = &loaded.corpus;
    let vocab = Vocabulary {
        themes: base.themes.clone(),
        notes: base.content_notes.clone(),
    };
    let mut diags = Vec::new();
    let mut resources: Vec<resource::Parsed> = Vec::new();
    let mut stories: Vec<story::Parsed> = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    for file in listing.files {
        let (rel, display) = (file.rel.clone(), file.display.clone());
        if !rel.ends_with(".md") {
            diags.push(
                Diagnostic::warning(
                    &display,
                    Pos::FILE,
                    "ignored-file",
                    msg("diag.overlay-ignored-file"),
                )
                .with_hint(msg("diag.overlay-ignored-file_hint")),
            );
            continue;
        }
        let Some(text) = parse::decode(file.read(), &mut diags) else {
            failed.push(display);
            continue;
        };
        if rel.starts_with("stories/") {
            match story::parse(&display, &rel, &text, &vocab, &mut diags) {
                Some((s, false)) => stories.push(s),
                _ => failed.push(display),
            }
        } else {
            match resource::parse(&display, &rel, &text, &vocab, &mut diags) {
                Some(p) if !p.had_errors => resources.push(p),
                _ => failed.push(display),
            }
        }
    }

    // An id is one namespace across the corpus and the overlay; the corpus keeps its own.
    let mut seen: HashSet<String> = HashSet::new();
    let mut unique = |id: &str, path: &str, pos: Pos, diags: &mut Vec<Diagnostic>| {
        let taken = match base.get(id) {
            Some(super::Doc::Story(s)) => Some(s.path.clone()),
            Some(super::Doc::Resource(r)) => Some(r.path.clone()),
            None => (!seen.insert(id.to_owned())).then(|| "another local file".to_owned()),
        };
        if let Some(other) = &taken {
            diags.push(
                Diagnostic::error(
                    path,
                    pos,
                    "duplicate-id",
                    msg("diag.duplicate-id").arg("id", id).arg("other", other),
                )
                .with_hint(msg("diag.overlay-duplicate-id_hint")),
            );
        }
        taken.is_none()
    };
    resources.retain(|p| {
        let keep = unique(&p.resource.id, &p.resource.path, p.id_pos, &mut diags);
        if !keep {
            failed.push(p.resource.path.clone());
        }
        keep
    });
    stories.retain(|s| {
        let keep = unique(&s.story.id, &s.story.path, s.id_pos, &mut diags);
        if !keep {
            failed.push(s.story.path.clone());
        }
        keep
    });

    let mut resource_ids: Vec<&str> = base.resources.iter().map(|r| r.id.as_str()).collect();
    resource_ids.extend(resources.iter().map(|p| p.resource.id.as_str()));
    let mut kept_stories: Vec<Story> = Vec::new();
    for s in stories {
        let missing: Vec<&(String, Pos)> = s
            .resource_refs
            .iter()
            .filter(|(id, _)| !resource_ids.contains(&id.as_str()))
            .collect();
        for (id, pos) in &missing {
            diags.push(Diagnostic::error(
                &s.story.path,
                *pos,
                "unknown-resource",
                msg("diag.unknown-resource").arg("id", id),
            ));
        }
        if missing.is_empty() {
            kept_stories.push(s.story);
        } else {
            failed.push(s.story.path.clone());
        }
    }
    let mut story_ids: Vec<&str> = base.stories.iter().map(|s| s.id.as_str()).collect();
    story_ids.extend(kept_stories.iter().map(|s| s.id.as_str()));
    let mut local: Vec<Resource> = Vec::new();
    for mut p in resources {
        super::unknown_stories(&mut p, &story_ids, &mut diags);
        p.resource.local = true;
        local.push(p.resource);
    }

    diags.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    failed.sort();
    failed.dedup();
    let skipped_why: Vec<Diagnostic> = failed
        .iter()
        .filter_map(|path| {
            diags
                .iter()
                .find(|d| &d.path == path && d.severity == Severity::Error)
                .cloned()
        })
        .collect();

    let base = std::mem::take(&mut loaded.corpus);
    let mut all_resources = local;
    all_resources.extend(base.resources);
    let mut all_stories = base.stories;
    all_stories.extend(kept_stories);
    let mut corpus = Corpus::new(
        base.themes,
        base.content_notes,
        all_stories,
        all_resources,
        base.skipped + failed.len(),
    );
    corpus.synonyms = base.synonyms;
    corpus.stamps = base.stamps;
    let mut h = Fnv(base.fingerprint);
    h.eat(&listing.fingerprint.to_le_bytes());
    corpus.fingerprint = h.0;
    corpus.local_dir = source.dir_display();
    corpus.local_skipped = skipped_why;
    loaded.corpus = corpus;
    loaded.diagnostics.extend(diags);
    Ok(())
}

/// Loads a corpus with the overlay in `local`, if any. A local directory that cannot be used
/// is returned beside the corpus, which then loads without it.
pub fn load_with(
    source: &Source,
    local: Option<&Path>,
) -> Result<(Loaded, Option<SourceError>), SourceError> {
    let mut loaded = super::load(source)?;
    let problem = local.and_then(|dir| apply(&mut loaded, dir).err());
    Ok((loaded, problem))
}
