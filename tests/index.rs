//! The prebuilt bundled index and the on-disk cache: opened ready, never trusted when damaged,
//! and never an error for a visitor when the cache cannot be written.

use crate::util::{fixture, plein};
use plein::corpus::{self, Source};
use plein::search::cache::{Origin, open_or_build};
use plein::search::{Filter, SearchIndex};

#[test]
fn the_bundled_corpus_opens_its_embedded_index_with_the_same_answers() {
    let c = corpus::load(&Source::Bundled).expect("bundled").corpus;
    let (embedded, origin) = SearchIndex::for_corpus(&c, &Source::Bundled, None).expect("open");
    assert_eq!(
        origin,
        Origin::Embedded,
        "a current binary never indexes at start"
    );
    let built = SearchIndex::build(&c).expect("build");
    assert_eq!(embedded.len(), built.len());
    for q in [
        "schulden",
        "ik kan de huur niet betalen",
        "eensaamheid",
        "113",
        "gokken",
    ] {
        let a = embedded.search(q, &Filter::default(), 10).expect("search");
        let b = built.search(q, &Filter::default(), 10).expect("search");
        let ids =
            |r: &plein::search::Results| r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        assert_eq!((a.total, ids(&a)), (b.total, ids(&b)), "{q}");
    }
    let id = &c.stories[0].id;
    assert_eq!(
        embedded.related(id, 3).expect("related"),
        built.related(id, 3).expect("related")
    );
}

#[test]
fn the_bundled_table_is_the_parsed_corpus() {
    let fast = corpus::load(&Source::Bundled).expect("bundled");
    let parsed = corpus::load_parsed(&Source::Bundled).expect("bundled");
    assert_eq!(
        format!("{:?}", fast.corpus.stories),
        format!("{:?}", parsed.corpus.stories)
    );
    assert_eq!(fast.corpus.fingerprint, parsed.corpus.fingerprint);
    assert_eq!(fast.diagnostics.len(), parsed.diagnostics.len());
}

#[test]
fn a_cache_damaged_in_place_is_found_by_its_checksums_and_rebuilt() {
    let c = corpus::load(&Source::Dir(fixture("corpus")))
        .expect("fixture")
        .corpus;
    let root = tempfile::tempdir().expect("tempdir");
    let dir = fixture("corpus");
    assert_eq!(
        open_or_build(&c, &dir, root.path()).expect("build").1,
        Origin::Rebuilt
    );
    let index_dir = crate::util::only_index(root.path());
    // Flip one byte in the middle of the stored documents: same size, same names.
    let store = std::fs::read_dir(&index_dir)
        .expect("ls")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .expect("a document store");
    let mut bytes = std::fs::read(&store).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&store, &bytes).expect("damage");
    let (ix, origin) = open_or_build(&c, &dir, root.path()).expect("rebuilt");
    assert_eq!(origin, Origin::Rebuilt);
    assert_eq!(
        ix.search("casino", &Filter::default(), 5)
            .expect("search")
            .total,
        1
    );
    assert_eq!(
        open_or_build(&c, &dir, root.path()).expect("open").1,
        Origin::Cached
    );
}

/// A cached index keeps its vocabulary's table beside it, and answers typos, compounds and
/// "did you mean" as an index built in memory does; without the table it reads the words again.
#[test]
fn a_cached_index_answers_typos_as_a_fresh_one_with_or_without_its_vocabulary_table() {
    let dir = fixture("corpus");
    let c = corpus::load(&Source::Dir(dir.clone()))
        .expect("fixture")
        .corpus;
    let root = tempfile::tempdir().expect("tempdir");
    open_or_build(&c, &dir, root.path()).expect("build");
    let index_dir = crate::util::only_index(root.path());
    let table = index_dir.join("plein-vocabulary.bin");
    assert!(
        table.is_file(),
        "no vocabulary table beside the cached index"
    );
    let built = SearchIndex::build(&c).expect("build");
    let answers = |ix: &SearchIndex| {
        ["casno", "gokkn schulden", "eenzaamhied", "xyzzy"].map(|q| {
            let r = ix.search(q, &Filter::default(), 10).expect("search");
            let ids: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
            (r.total, ids, r.suggestion)
        })
    };
    let fresh = answers(&built);
    let (cached, origin) = open_or_build(&c, &dir, root.path()).expect("open");
    assert_eq!(origin, Origin::Cached);
    assert_eq!(answers(&cached), fresh);
    // A table that does not decode is not trusted: the words come from the index again (its
    // size is checked with the index's files, so it is replaced by one of the same size).
    let len = std::fs::metadata(&table).expect("table").len() as usize;
    std::fs::write(&table, vec![0u8; len]).expect("damage");
    let (cached, _) = open_or_build(&c, &dir, root.path()).expect("open");
    assert_eq!(answers(&cached), fresh);
}

#[test]
fn a_cache_that_cannot_be_written_falls_back_to_memory_without_a_word() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // A file where the cache directory should be: nothing can be created below it (this holds
    // for root too, unlike permissions).
    let blocked = tmp.path().join("cache");
    std::fs::write(&blocked, b"not a directory").expect("write");
    let o = plein()
        .env("PLEIN_CACHE_DIR", blocked.join("index"))
        .arg("--corpus")
        .arg(fixture("corpus"))
        .args(["search", "--json", "casino"])
        .output()
        .expect("run");
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["total"], 1);
}
