//! Dutch full-text search over the corpus, on tantivy: stemming, accent folding, compounds,
//! typos, synonyms, weighted fields, snippets, theme facets and related stories.
//!
//! Queries are built from what people type by [`input::Input`] and `plan`, never by a query
//! parser, so any text is safe and bounded. The index stores what a hit shows (title, themes,
//! text), so a cached index answers without reading the corpus.

mod analysis;
pub mod cache;
mod card;
mod compiled;
mod compound;
pub mod crisis;
pub mod embedded;
pub mod eval;
mod index;
pub mod input;
pub mod lexicon;
mod plan;
mod rank;
mod results;
mod stem;
mod understand;
mod vocabulary;

pub use results::{Hit, Kind, Results, Snippet};

use crate::corpus::{Corpus, Perspective, Source};
use analysis::Analyzers;
use index::Fields;
use plan::{Builder, FoldedSynonyms, Plan};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, TantivyDocument, Term};
use vocabulary::Vocabulary;

/// Below this many hits, typo corrections are tried and "did you mean" is offered.
const FEW_HITS: usize = 3;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 160;

/// What to narrow a search to. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Theme slugs (any of them).
    pub themes: Vec<String>,
    /// Stories or resources only.
    pub kind: Option<Kind>,
    /// Stories told from this perspective.
    pub perspective: Option<Perspective>,
    /// Tags (all of them).
    pub tags: Vec<String>,
    /// Phases (all of them).
    pub phases: Vec<String>,
}

/// A search index over one corpus.
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    vocab: Vocabulary,
    synonyms: FoldedSynonyms,
    analyzers: Analyzers,
    themes: Vec<String>,
    /// Facts of the resources a crisis card can name, from the corpus this index was built
    /// from (a cached index takes them from the bundled resources).
    help: Vec<crisis::CardResource>,
}

/// The words to search for: what was typed without the words about the asking itself (*ik zoek
/// iets voor een bezoeker die…*): a volunteer's visitor and the searching are not the topic.
/// A query of only such words keeps them. (The lexicons and crisis signals read every word:
/// *hij zoekt me* is a threat.)
fn searched(mut input: input::Input) -> input::Input {
    let lex = understand::Lex::bundled();
    if input.words.iter().any(|w| !lex.is_asking(w)) {
        input.words.retain(|w| !lex.is_asking(w));
    }
    input
}

/// The search index could not be built or read.
#[derive(Debug)]
pub struct SearchError(pub String);

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "search index: {}", self.0)
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError(e.to_string())
    }
}

impl SearchIndex {
    /// The facts (numbers, hours, opening hours) of the resources among `hits`, for the "nu
    /// open tot 17:00" lines a list of results shows.
    pub fn hit_facts(&self, hits: &[Hit]) -> Vec<crisis::CardResource> {
        hits.iter()
            .filter(|h| h.kind == Kind::Resource)
            .filter_map(|h| self.help.iter().find(|c| c.id == h.id).cloned())
            .collect()
    }

    /// Indexes a corpus in memory.
    pub fn build(corpus: &Corpus) -> Result<SearchIndex, SearchError> {
        let (index, fields) = index::build_in_ram(corpus)?;
        let synonyms = FoldedSynonyms::new(&corpus.synonyms, &mut Analyzers::default());
        let mut ix = Self::open(
            index,
            fields,
            synonyms,
            corpus.themes.iter().map(|t| t.slug.clone()).collect(),
            None,
        )?;
        ix.help = crisis::facts(&corpus.resources);
        Ok(ix)
    }

    /// Opens an index; its vocabulary from `vocabulary` (a table made with it) when that is
    /// sound, else from its term dictionaries.
    fn open(
        index: Index,
        fields: Fields,
        synonyms: FoldedSynonyms,
        themes: Vec<String>,
        vocabulary: Option<&[u8]>,
    ) -> Result<SearchIndex, SearchError> {
        let reader = reader(&index)?;
        let vocab = Vocabulary::with_table(&reader, &fields, vocabulary)?;
        Ok(Self::with(reader, fields, vocab, synonyms, themes))
    }

    fn with(
        reader: IndexReader,
        fields: Fields,
        vocab: Vocabulary,
        synonyms: FoldedSynonyms,
        themes: Vec<String>,
    ) -> SearchIndex {
        SearchIndex {
            reader,
            fields,
            vocab,
            synonyms,
            analyzers: Analyzers::default(),
            themes,
            help: Vec::new(),
        }
    }

    /// Starts compiling the lexicons and crisis signals on threads of their own, so that a
    /// short process about to search (`plein search`) has them by the time it needs them (the
    /// first search waits for them if not). Call as early as the process knows it will search.
    pub fn prepare() {
        let _ = std::thread::Builder::new()
            .name("plein-lexicons".into())
            .spawn(|| {
                understand::Lex::bundled_in_parallel();
            });
    }

    /// Compiles the lexicons and crisis signals here, if not yet done: the app calls it once its
    /// first frame is on screen, so that the first keystroke does not wait for them.
    pub fn prepare_here() {
        understand::Lex::bundled();
    }

    /// The prebuilt index embedded in the binary, for the bundled corpus; `None` when the
    /// binary's prebuilt index is stale or does not open (see [`embedded`]).
    pub fn bundled(corpus: &Corpus) -> Option<SearchIndex> {
        let index = embedded::open()?;
        let synonyms = FoldedSynonyms::new(&corpus.synonyms, &mut Analyzers::default());
        let themes = corpus.themes.iter().map(|t| t.slug.clone()).collect();
        let fields = index::schema().1;
        let reader = reader(&index).ok()?;
        let vocab = Vocabulary::bundled(&reader, &fields).ok()?;
        let mut ix = Self::with(reader, fields, vocab, synonyms, themes);
        // The resources' facts from the corpus at hand: a card would otherwise load the
        // bundled corpus a second time to name its numbers.
        ix.help = crisis::facts(&corpus.resources);
        Some(ix)
    }

    /// The index for a corpus: the embedded one for the bundled corpus; in memory when `cache`
    /// is `None` (guest sessions write nothing) or a local overlay is laid over the corpus
    /// (an overlay is small, and indexing it with the corpus keeps one ranking); else opened
    /// from or stored in the cache directory. Without an overlay nothing more is done.
    pub fn for_corpus(
        corpus: &Corpus,
        source: &Source,
        cache: Option<&std::path::Path>,
    ) -> Result<(SearchIndex, cache::Origin), SearchError> {
        match (source, cache) {
            _ if corpus.local_dir.is_some() => Ok((Self::build(corpus)?, cache::Origin::Memory)),
            (Source::Bundled, _) => match Self::bundled(corpus) {
                Some(ix) => Ok((ix, cache::Origin::Embedded)),
                None => Ok((Self::build(corpus)?, cache::Origin::Memory)),
            },
            (Source::Dir(dir), Some(root)) => cache::open_or_build(corpus, dir, root),
            _ => Ok((Self::build(corpus)?, cache::Origin::Memory)),
        }
    }

    /// Number of indexed documents.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the query says, read against the lexicons and the crisis signals.
    fn understand(&self, input: &input::Input, an: &mut Analyzers) -> understand::Understood {
        let words: Vec<String> = input
            .words
            .iter()
            .chain(input.phrases.iter().flatten())
            .flat_map(|w| an.words(w))
            .collect();
        understand::understand(&words, &self.vocab, understand::Lex::bundled())
    }

    /// The line of data/crisis.toml whose signal gives a query its card (for tuning reports).
    pub(crate) fn crisis_line(&self, text: &str) -> Option<usize> {
        let mut an = self.analyzers.clone();
        self.understand(&input::Input::parse(text), &mut an)
            .crisis_line
    }

    /// Searches. Query text is never an error: odd input simply searches as words.
    pub fn search(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Results, SearchError> {
        let mut an = self.analyzers.clone();
        let input = input::Input::parse(text);
        let u = self.understand(&input, &mut an);
        let mut plan = Plan::new(&searched(input), &self.synonyms, &mut an);
        plan.finds.clone_from(&u.finds);
        let mut results = self.run(&plan, filter, limit, false, &u)?;
        if results.total < FEW_HITS {
            let with_typos = self.run(&plan, filter, limit, true, &u)?;
            if with_typos.total > results.total {
                results = with_typos;
            }
        }
        if results.total < FEW_HITS || u.unknown {
            results.suggestion = plan::suggestion(&plan, &self.vocab, &mut an);
        }
        if let Some((kind, ids)) = &u.crisis {
            self.crisis_first(&mut results, kind, ids, filter, limit)?;
        }
        if results.hits.is_empty() {
            results.nearest_theme = u.theme().map(str::to_owned);
        }
        results.query = crate::sanitize::sanitize_line(text)
            .chars()
            .take(input::MAX_QUERY_CHARS)
            .collect();
        Ok(results)
    }

    fn run(
        &self,
        plan: &Plan,
        filter: &Filter,
        limit: usize,
        typos: bool,
        u: &understand::Understood,
    ) -> Result<Results, SearchError> {
        let mut b = Builder {
            f: &self.fields,
            vocab: &self.vocab,
            an: self.analyzers.clone(),
            highlight: Vec::new(),
        };
        let mut results = Results::empty(&self.themes);
        let Some(mut text_clauses) = b.text_query(plan, typos) else {
            return Ok(results);
        };
        if u.crisis.is_some() {
            // After a crisis card, stories of getting through come first (safe messaging).
            let herstel = Term::from_field_text(self.fields.phase, "herstel");
            let q = TermQuery::new(herstel, IndexRecordOption::Basic);
            text_clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 3.0))));
        }
        let searcher = self.reader.searcher();
        let query = self.with_filter(&text_clauses, filter);
        let top = index::by_score(limit.max(rank::CANDIDATES));
        let mut facets = FacetCollector::for_field("theme");
        facets.add_facet(Facet::root());
        let (top, total, facet_counts) = if filter.themes.is_empty() {
            searcher.search(&query, &(top, Count, facets))?
        } else {
            let (top, total) = searcher.search(&query, &(top, Count))?;
            let unthemed = Filter {
                themes: Vec::new(),
                ..filter.clone()
            };
            (
                top,
                total,
                searcher.search(&self.with_filter(&text_clauses, &unthemed), &facets)?,
            )
        };
        let highlight = BooleanQuery::new(
            b.highlight
                .iter()
                .map(|t| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic))
                            as Box<dyn Query>,
                    )
                })
                .collect(),
        );
        let mut snippets = SnippetGenerator::create(&searcher, &highlight, self.fields.body)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut docs = Vec::with_capacity(top.len());
        let mut cands = Vec::with_capacity(top.len());
        for ((score, _), addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let id = results::first_str(&doc, self.fields.id).unwrap_or_default();
            cands.push(rank::Candidate {
                score,
                resource: results::first_str(&doc, self.fields.kind).as_deref() == Some("resource"),
                local: self.help.iter().any(|h| h.local && h.id == id),
                themes: results::first_str(&doc, self.fields.themes)
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            });
            docs.push((score, doc));
        }
        for i in rank::order(&cands, u).into_iter().take(limit) {
            let (score, doc) = &docs[i];
            results
                .hits
                .extend(Hit::from_doc(doc, &self.fields, *score, &snippets));
        }
        results.total = total;
        for (facet, count) in facet_counts.get("/") {
            let slug = facet.to_path_string().trim_start_matches('/').to_owned();
            if let Some(c) = results.facets.themes.get_mut(&slug) {
                *c = count;
            }
        }
        Ok(results)
    }

    /// Puts the crisis card on the results and its resources first (fetched when the query
    /// itself did not find them; a filter that leaves them out is respected).
    fn crisis_first(
        &self,
        results: &mut Results,
        kind: &str,
        ids: &[String],
        filter: &Filter,
        limit: usize,
    ) -> Result<(), SearchError> {
        let bundled;
        let facts = if self.help.is_empty() {
            bundled = crisis::bundled_facts();
            &bundled
        } else {
            &self.help
        };
        let card = crisis::card(kind, ids, facts);
        let ids = card.resources.clone();
        results.crisis = Some(card);
        let searcher = self.reader.searcher();
        let none =
            SnippetGenerator::create(&searcher, &BooleanQuery::new(Vec::new()), self.fields.body)?;
        for id in ids.iter().rev() {
            let hit = match results.hits.iter().position(|h| &h.id == id) {
                Some(p) => results.hits.remove(p),
                None => {
                    let q = TermQuery::new(
                        Term::from_field_text(self.fields.id, id),
                        IndexRecordOption::Basic,
                    );
                    let q =
                        self.with_filter(&[(Occur::Must, Box::new(q) as Box<dyn Query>)], filter);
                    let found = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
                    let Some((score, addr)) = found.first() else {
                        continue;
                    };
                    let doc: TantivyDocument = searcher.doc(*addr)?;
                    let Some(hit) = Hit::from_doc(&doc, &self.fields, *score, &none) else {
                        continue;
                    };
                    results.total += 1;
                    hit
                }
            };
            results.hits.insert(0, hit);
        }
        // The card above the list names its help in its own order (112 first when there is
        // danger now); the list starts with the help of a theme (Veilig Thuis), the general
        // number right after it, instead of repeating the card's first line.
        let n = ids.len().min(results.hits.len());
        results.hits[..n].sort_by_key(|h| h.themes.is_empty());
        results.hits.truncate(limit.max(ids.len()));
        Ok(())
    }

    fn with_filter(&self, text: &[(Occur, Box<dyn Query>)], filter: &Filter) -> BooleanQuery {
        let f = &self.fields;
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            text.iter().map(|(o, q)| (*o, q.box_clone())).collect();
        if !filter.themes.is_empty() {
            let any = filter
                .themes
                .iter()
                .map(|t| (Occur::Should, self.theme_query(t)))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(k) = filter.kind {
            clauses.push((Occur::Must, term(f.kind, k.slug())));
        }
        if let Some(p) = filter.perspective {
            clauses.push((Occur::Must, term(f.perspective, p.slug())));
        }
        for t in &filter.tags {
            clauses.push((Occur::Must, term(f.tag, t)));
        }
        for p in &filter.phases {
            clauses.push((Occur::Must, term(f.phase, p)));
        }
        BooleanQuery::new(clauses)
    }

    fn theme_query(&self, slug: &str) -> Box<dyn Query> {
        let t = Term::from_facet(self.fields.theme, &Facet::from_path([slug]));
        Box::new(TermQuery::new(t, IndexRecordOption::Basic))
    }

    /// The stories most related to story `id`: shared terms (more-like-this), shared tags and
    /// the same main theme.
    pub fn related(&self, id: &str, limit: usize) -> Result<Vec<String>, SearchError> {
        let searcher = self.reader.searcher();
        let f = &self.fields;
        let id_term = Term::from_field_text(f.id, id);
        let found = searcher.search(
            &TermQuery::new(id_term.clone(), IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        let Some((_, addr)) = found.first() else {
            return Ok(Vec::new());
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        if results::first_str(&doc, f.kind).as_deref() != Some("story") {
            return Ok(Vec::new());
        }
        let stories = searcher.search(
            &TermQuery::new(
                Term::from_field_text(f.kind, "story"),
                IndexRecordOption::Basic,
            ),
            &Count,
        )?;
        let mlt = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_max_doc_frequency(stories as u64 / 4 + 1)
            .with_min_term_frequency(1)
            .with_min_word_length(4)
            .with_max_query_terms(30)
            .with_document(*addr);
        let mut like: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(mlt))];
        for t in results::all_str(&doc, f.tag) {
            let q = TermQuery::new(Term::from_field_text(f.tag, &t), IndexRecordOption::Basic);
            like.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 2.0))));
        }
        if let Some(main) =
            results::first_str(&doc, f.themes).and_then(|t| t.split(' ').next().map(str::to_owned))
        {
            like.push((
                Occur::Should,
                Box::new(BoostQuery::new(self.theme_query(&main), 1.5)),
            ));
        }
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(BooleanQuery::new(like)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, "story"),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(id_term, IndexRecordOption::Basic)),
            ),
        ]);
        let top = searcher.search(&query, &index::by_score(limit))?;
        let mut ids = Vec::new();
        for (_, addr) in top.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            ids.extend(results::first_str(&doc, f.id));
        }
        Ok(ids)
    }
}

/// A reader that never reloads by itself (the index does not change while it is open), and
/// keeps no decompressed blocks of stored documents between searches: a session on a shared
/// host would otherwise hold up to a hundred of them. A block decompresses in microseconds.
fn reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .doc_store_cache_num_blocks(0)
        .try_into()
}
