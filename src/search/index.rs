//! The tantivy index of a corpus: schema and building (its words: [`super::vocabulary`]).

use super::analysis::{self, NL, NL_PLAIN, phone_tokens};
use crate::corpus::{Body, Corpus};
use crate::text::markdown;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, TopDocs};
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::{DocAddress, Document, Index, IndexWriter, Order, Score, TantivyDocument, doc};

/// The index fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub kind: Field,
    pub theme: Field,
    pub perspective: Field,
    pub tag: Field,
    pub phase: Field,
    pub themes: Field,
    pub title: Field,
    pub summary: Field,
    pub tags_text: Field,
    pub body: Field,
    pub plain: Field,
    pub phone: Field,
    /// Position in the corpus: the tie-breaker between equal scores.
    pub rank: Field,
    /// The document's file relative to the corpus root, and its stamp when indexed (corpus
    /// directories only): a cached hit whose file changed since is not trusted.
    pub file: Field,
    pub stamp: Field,
}

/// Memory budget of one index writer thread (tantivy's minimum is 15 MB).
const WRITER_BUDGET: usize = 20_000_000;

/// How many segments one merge joins (tantivy's default merge policy joins eight alike).
const MERGE_WIDTH: usize = 8;

/// Name of the rank field.
const RANK: &str = "rank";

pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str, positions: bool, stored: bool| {
        let option = if positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(option),
        );
        if stored { o.set_stored() } else { o }
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        theme: b.add_facet_field("theme", FacetOptions::default()),
        perspective: b.add_text_field("perspective", STRING),
        tag: b.add_text_field("tag", STRING | STORED),
        phase: b.add_text_field("phase", STRING),
        themes: b.add_text_field("themes", STORED),
        title: b.add_text_field("title", text(NL, true, true)),
        summary: b.add_text_field("summary", text(NL, true, true)),
        tags_text: b.add_text_field("tags_text", text(NL, false, false)),
        body: b.add_text_field("body", text(NL, true, true)),
        plain: b.add_text_field("plain", text(NL_PLAIN, false, false)),
        phone: b.add_text_field("phone", text("whitespace", false, false)),
        rank: b.add_u64_field(RANK, FAST),
        file: b.add_text_field("file", STRING | STORED),
        stamp: b.add_u64_field("stamp", STORED),
    };
    (b.build(), fields)
}

/// Plain text of a Markdown body: paragraphs joined by spaces, emphasis markers gone.
pub(crate) fn plain_text(md: &str) -> String {
    markdown::parse(md)
        .iter()
        .map(|b| match b {
            markdown::Block::Paragraph(s)
            | markdown::Block::Heading(s)
            | markdown::Block::Item { spans: s, .. } => markdown::plain(s),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An index document made by the indexing thread that takes it: the writer's queue (up to
/// 10,000 documents) then holds what a document is made from, not its text twice over (the body
/// and the plain field), and reading a story's file and its Markdown run on the indexing threads.
pub(crate) struct Pending {
    doc: OnceLock<TantivyDocument>,
    make: Mutex<Option<Make>>,
}

type Make = Box<dyn FnOnce() -> TantivyDocument + Send>;

impl Pending {
    fn new(make: impl FnOnce() -> TantivyDocument + Send + 'static) -> Self {
        Pending {
            doc: OnceLock::new(),
            make: Mutex::new(Some(Box::new(make))),
        }
    }

    fn doc(&self) -> &TantivyDocument {
        self.doc.get_or_init(|| {
            let make = self.make.lock().unwrap_or_else(|e| e.into_inner()).take();
            make.map_or_else(TantivyDocument::new, |make| make())
        })
    }
}

impl Document for Pending {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc().iter_fields_and_values()
    }
}

/// The index documents for a corpus: every story and resource, each made when an indexing
/// thread takes it (no copy of the whole corpus, nor of many texts, is held).
pub(crate) fn documents<'a>(
    corpus: &'a Corpus,
    f: &'a Fields,
) -> impl Iterator<Item = Pending> + 'a {
    let f = *f;
    let names: Arc<HashMap<String, String>> = Arc::new(
        corpus
            .themes
            .iter()
            .map(|t| (t.slug.clone(), format!("{} {}", t.name_nl, t.name_en)))
            .collect(),
    );
    let theme_names = |names: &HashMap<String, String>, themes: &[String]| -> String {
        themes
            .iter()
            .filter_map(|t| names.get(t))
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let stamp_of = move |path: &str| corpus.stamps.files.get(path).cloned();
    let stamp = move |d: &mut TantivyDocument, stamp: Option<(String, u64)>| {
        if let Some((rel, stamp)) = stamp {
            d.add_text(f.file, rel);
            d.add_u64(f.stamp, stamp);
        }
    };
    let n_stories = corpus.stories.len() as u64;
    let story_names = Arc::clone(&names);
    let stories = corpus.stories.iter().enumerate().map(move |(i, s)| {
        // What the document is made from, not the whole story: a held text is made plain here
        // (its corpus is in memory anyway), a file is read by the indexing thread.
        let text = match &s.body {
            Body::Held(md) => Ok(plain_text(md)),
            file @ Body::File(_) => Err((file.clone(), s.path.clone())),
        };
        let (id, title, summary) = (s.id.clone(), s.title.clone(), s.summary.clone());
        let (themes, tags, phases) = (s.themes.clone(), s.tags.clone(), s.phases.clone());
        let (perspective, names, file) =
            (s.perspective, Arc::clone(&story_names), stamp_of(&s.path));
        Pending::new(move || {
            let tags_text = format!(
                "{} {}",
                tags.join(" ").replace('-', " "),
                theme_names(&names, &themes)
            );
            // A file gone since loading indexes without its text; the reader says why it is missing.
            let body = text.unwrap_or_else(|(file, display)| {
                plain_text(&file.text(&display).unwrap_or_default())
            });
            let mut d = doc!(
                f.id => id.as_str(),
                f.kind => "story",
                f.themes => themes.join(" "),
                f.perspective => perspective.slug(),
                f.title => title.as_str(),
                f.summary => summary.as_str(),
                f.tags_text => tags_text.as_str(),
                f.body => body.as_str(),
                f.plain => format!("{title} {summary} {tags_text} {body}"),
                f.rank => i as u64 + 1,
            );
            for t in &themes {
                d.add_facet(f.theme, Facet::from_path([t.as_str()]));
            }
            for t in &tags {
                d.add_text(f.tag, t);
            }
            for p in &phases {
                d.add_text(f.phase, p);
            }
            stamp(&mut d, file);
            d
        })
    });
    let resources = corpus.resources.iter().enumerate().map(move |(i, r)| {
        let (r, names, file) = (r.clone(), Arc::clone(&names), stamp_of(&r.path));
        Pending::new(move || {
            let tags_text = format!(
                "{} {} {}",
                r.kind,
                theme_names(&names, &r.themes),
                r.search_words.join(" ")
            );
            let body = format!(
                "{} {}",
                plain_text(&r.body),
                r.hours.clone().unwrap_or_default()
            )
            .trim()
            .to_owned();
            let mut d = doc!(
                f.id => r.id.as_str(),
                f.kind => "resource",
                f.themes => r.themes.join(" "),
                f.title => r.name.as_str(),
                f.summary => r.summary.as_str(),
                f.tags_text => tags_text.as_str(),
                f.body => body.as_str(),
                f.plain => format!("{} {} {} {} {}", r.name, r.summary, tags_text, body, r.url.clone().unwrap_or_default()),
                f.phone => phone_tokens(&r.phone),
                f.rank => n_stories + i as u64 + 1,
            );
            for t in &r.themes {
                d.add_facet(f.theme, Facet::from_path([t.as_str()]));
            }
            stamp(&mut d, file);
            d
        })
    });
    stories.chain(resources)
}

/// Writes documents into an index and commits them, on up to two threads (one per core: the
/// bundled corpus indexes in half the time on two). Which thread takes which document varies,
/// so results never depend on document order: [`by_score`] breaks ties by `rank`.
pub(crate) fn write<D: Document>(
    index: &Index,
    docs: impl Iterator<Item = D>,
) -> tantivy::Result<()> {
    let threads = std::env::var("PLEIN_T")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    write_with(index, docs, threads)
}

/// Writes documents on `threads` threads, with tantivy's smallest budget per thread (the
/// writer flushes a segment whenever it fills): memory stays bounded at any corpus size.
pub(crate) fn write_with<D: Document>(
    index: &Index,
    docs: impl Iterator<Item = D>,
    threads: usize,
) -> tantivy::Result<()> {
    let threads = threads.max(1);
    let mut writer: IndexWriter<D> =
        index.writer_with_num_threads(threads, threads * WRITER_BUDGET)?;
    // Merged once everything is written, not while: a merge maps the segments it reads, and
    // beside the writers' buffers and queue that was the peak of indexing a large corpus.
    writer.set_merge_policy(Box::new(NoMergePolicy));
    for d in docs {
        writer.add_document(d)?;
    }
    writer.commit()?;
    // The writers' buffers and the queue are freed: give their pages back before merging.
    crate::corpus::release_free_memory();
    // Segments in groups of eight, one merge at a time: few segments to search, a bounded
    // peak. Fewer than eight are left as they are (a small corpus: merging would only cost).
    let segments = index.searchable_segment_ids()?;
    for group in segments.chunks_exact(MERGE_WIDTH) {
        writer.merge(group).wait()?;
    }
    writer.wait_merging_threads()
}

/// The top `limit` documents by score; equal scores in corpus order, so a result list is the
/// same on every run whatever segment each document went to.
pub(crate) fn by_score(
    limit: usize,
) -> impl Collector<Fruit = Vec<((Score, Option<u64>), DocAddress)>> {
    TopDocs::with_limit(limit.max(1)).order_by((
        (SortBySimilarityScore, Order::Desc),
        (SortByStaticFastValue::<u64>::for_field(RANK), Order::Asc),
    ))
}

/// Builds an index of the corpus in memory.
pub(crate) fn build_in_ram(corpus: &Corpus) -> tantivy::Result<(Index, Fields)> {
    let (schema, fields) = schema();
    let index = Index::create_in_ram(schema);
    analysis::register(&index);
    write(&index, documents(corpus, &fields))?;
    Ok((index, fields))
}
