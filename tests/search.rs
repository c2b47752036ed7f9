//! Search finds what people mean: Dutch stems, accents, compounds, typos, synonyms, numbers;
//! facets, filters, snippets, did-you-mean and related stories; any input is safe.

use crate::util::{fixture, plein, stderr};
use plein::corpus::{self, Corpus, Perspective, Source};
use plein::search::{Filter, Kind, SearchIndex};
use proptest::prelude::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn fixture_corpus() -> &'static (Corpus, SearchIndex) {
    static C: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    C.get_or_init(|| {
        let c = corpus::load(&Source::Dir(fixture("corpus")))
            .expect("fixture corpus")
            .corpus;
        let ix = SearchIndex::build(&c).expect("index");
        (c, ix)
    })
}

fn ids(q: &str, filter: &Filter) -> Vec<String> {
    let (_, ix) = fixture_corpus();
    ix.search(q, filter, 10)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn top(q: &str) -> Option<String> {
    ids(q, &Filter::default()).into_iter().next()
}

#[test]
fn dutch_stems_accents_and_compounds() {
    assert_eq!(
        top("schuld").as_deref(),
        Some("brieven-bleven-dicht"),
        "schuld finds schulden"
    );
    assert_eq!(
        top("geisoleerd").as_deref(),
        Some("stille-zondagen"),
        "no diaeresis needed"
    );
    assert_eq!(
        top("verslaving").as_deref(),
        Some("de-app-op-mijn-telefoon"),
        "a part finds the compound"
    );
    assert!(ids("schuld", &Filter::default()).contains(&"brieven-bleven-dicht".to_owned()));
}

#[test]
fn typos_synonyms_and_numbers() {
    assert_eq!(
        top("eensaam").as_deref(),
        Some("stille-zondagen"),
        "a typo still finds"
    );
    assert_eq!(
        top("kansspelen").as_deref(),
        Some("de-app-op-mijn-telefoon"),
        "synonym of gokken"
    );
    assert_eq!(
        top("0800-1234").as_deref(),
        Some("hulplijn"),
        "a resource by its number"
    );
    assert_eq!(
        top("ik kan de huur niet betalen").as_deref(),
        Some("geen-geld-voor-de-huur")
    );
}

#[test]
fn phrases_and_exclusions() {
    assert_eq!(
        ids("\"online casino\"", &Filter::default()),
        vec!["de-app-op-mijn-telefoon"]
    );
    assert!(
        ids("\"casino online\"", &Filter::default()).is_empty(),
        "word order matters in a phrase"
    );
    let without = ids("schulden -gokken", &Filter::default());
    assert!(
        without.contains(&"brieven-bleven-dicht".to_owned())
            && !without.contains(&"de-app-op-mijn-telefoon".to_owned())
    );
}

#[test]
fn filters_and_facets() {
    let (_, ix) = fixture_corpus();
    let all = ix
        .search("schulden", &Filter::default(), 10)
        .expect("search");
    assert_eq!(all.facets.themes["gokverslaving"], 1);
    assert!(all.facets.themes["armoede-en-schulden"] >= 2);
    assert_eq!(
        all.facets.themes.len(),
        5,
        "every theme listed, zero included"
    );
    let gok = Filter {
        themes: vec!["gokverslaving".into()],
        ..Filter::default()
    };
    let r = ix.search("schulden", &gok, 10).expect("search");
    assert_eq!(r.hits.len(), 1);
    assert_eq!(
        r.facets.themes, all.facets.themes,
        "facets ignore the theme filter"
    );
    assert_eq!(
        ids(
            "bellen",
            &Filter {
                kind: Some(Kind::Resource),
                ..Filter::default()
            }
        ),
        vec!["hulplijn"]
    );
    assert_eq!(
        ids(
            "schulden",
            &Filter {
                perspective: Some(Perspective::Naaste),
                ..Filter::default()
            }
        ),
        vec!["de-app-op-mijn-telefoon"]
    );
    assert_eq!(
        ids(
            "schulden",
            &Filter {
                tags: vec!["incasso".into()],
                ..Filter::default()
            }
        ),
        vec!["brieven-bleven-dicht"]
    );
}

#[test]
fn snippets_mark_matches_and_did_you_mean_helps() {
    let (_, ix) = fixture_corpus();
    let r = ix
        .search("deurwaarder", &Filter::default(), 10)
        .expect("search");
    let s = &r.hits[0].snippet;
    assert_eq!(&s.text[s.highlights[0].clone()], "deurwaarder");
    assert!(s.marked("*", "*").contains("*deurwaarder*"));
    let r = ix
        .search("deurwaardr stille", &Filter::default(), 10)
        .expect("search");
    assert_eq!(
        r.suggestion.as_deref(),
        Some("deurwaarder stille"),
        "only the unknown word is replaced"
    );
    let r = ix.search("schuld", &Filter::default(), 10).expect("search");
    assert_eq!(
        r.suggestion, None,
        "a word found by its stem needs no suggestion"
    );
}

#[test]
fn related_stories_share_terms_and_tags() {
    let (_, ix) = fixture_corpus();
    let related = ix.related("de-app-op-mijn-telefoon", 3).expect("related");
    assert!(!related.contains(&"de-app-op-mijn-telefoon".to_owned()));
    assert_eq!(
        related.first().map(String::as_str),
        Some("brieven-bleven-dicht"),
        "{related:?}"
    );
}

#[test]
fn equal_scores_keep_corpus_order_on_every_run() {
    // Sixty identical stories score the same; indexing spreads them over threads at random,
    // and the hits must still come in corpus order, the same every time.
    let (base, _) = fixture_corpus();
    let mut c = base.clone();
    let story = c.stories[0].clone();
    c.stories = (0..60)
        .map(|i| {
            let mut s = story.clone();
            s.id = format!("kopie-{i:02}");
            s
        })
        .collect();
    let word = story.title.split_whitespace().last().expect("a title word");
    let expected: Vec<String> = (0..10).map(|i| format!("kopie-{i:02}")).collect();
    for _ in 0..3 {
        let ix = SearchIndex::build(&c).expect("index");
        let hits = ix.search(word, &Filter::default(), 10).expect("search");
        assert_eq!(hits.total, 60, "{word}");
        let got: Vec<String> = hits.hits.into_iter().map(|h| h.id).collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn the_cli_contract_in_json() {
    let cache = tempfile::tempdir().expect("tempdir");
    let o = plein()
        .env("PLEIN_CACHE_DIR", cache.path())
        .args([
            "--corpus",
            fixture("corpus").to_str().expect("utf-8"),
            "search",
            "--json",
            "--limit",
            "2",
            "schulden",
        ])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["query"], "schulden");
    assert!(v["total"].as_u64() >= Some(3));
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 2);
    for h in hits {
        for key in ["id", "kind", "title", "theme", "themes", "score", "snippet"] {
            assert!(!h[key].is_null(), "hit lacks {key}: {h}");
        }
    }
    assert!(v["facets"]["themes"]["gokverslaving"].is_u64());
    assert!(v["suggestion"].is_null());
    let o = plein()
        .args(["search", "--theme", "onbekend", "x"])
        .output()
        .expect("run");
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown theme is a usage error"
    );
}

#[test]
fn the_bundled_corpus_finds_a_helpline_by_number() {
    let o = plein()
        .args(["search", "--json", "113"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["hits"][0]["id"], "zelfmoordpreventie-113");
    let o = plein()
        .args(["search", "--json", "0800-2000"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["hits"][0]["id"], "veilig-thuis");
}

#[test]
fn a_damaged_or_stale_cache_is_rebuilt_not_fatal() {
    use plein::search::cache::{Origin, open_or_build};
    let (c, _) = fixture_corpus();
    let root = tempfile::tempdir().expect("tempdir");
    let mut c = c.clone();
    c.fingerprint = 0x5eed;
    let c = &c;
    let dir = fixture("corpus");
    let (_, first) = open_or_build(c, &dir, root.path()).expect("build");
    let (ix, second) = open_or_build(c, &dir, root.path()).expect("open");
    assert_eq!((first, second), (Origin::Rebuilt, Origin::Cached));
    assert_eq!(
        ix.search("casino", &Filter::default(), 5)
            .expect("search")
            .total,
        1
    );
    let index_dir = crate::util::only_index(root.path());
    for f in std::fs::read_dir(&index_dir).expect("ls").flatten() {
        std::fs::write(f.path(), b"garbage").expect("damage");
    }
    let (ix, third) =
        open_or_build(c, &fixture("corpus"), root.path()).expect("rebuilt after damage");
    assert_eq!(third, Origin::Rebuilt);
    assert_eq!(
        ix.search("casino", &Filter::default(), 5)
            .expect("search")
            .total,
        1
    );
    let mut changed = c.clone();
    changed.fingerprint ^= 1;
    assert_eq!(
        open_or_build(&changed, &fixture("corpus"), root.path())
            .expect("changed corpus")
            .1,
        Origin::Rebuilt
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&index_dir)
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "the cache is private");
    }
}

/// Debug builds are several times slower than release; the 50 ms budget is for release.
const BUDGET: Duration = if cfg!(debug_assertions) {
    Duration::from_millis(250)
} else {
    Duration::from_millis(50)
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_text_searches_without_panic_within_budget(q in any::<String>()) {
        let (_, ix) = fixture_corpus();
        let start = Instant::now();
        let r = ix.search(&q, &Filter::default(), 10).expect("never an error");
        prop_assert!(start.elapsed() < BUDGET, "{:?} for {q:?}", start.elapsed());
        prop_assert!(!r.query.chars().any(plein::sanitize::needs_sanitizing));
    }

    #[test]
    fn query_syntax_is_just_words(q in "[a-z \"()\\[\\]:^~*+\\-!{}\\\\/]{0,200}") {
        let (_, ix) = fixture_corpus();
        let start = Instant::now();
        ix.search(&q, &Filter::default(), 10).expect("never an error");
        prop_assert!(start.elapsed() < BUDGET);
    }
}

#[test]
fn huge_and_hostile_queries_are_bounded() {
    let (_, ix) = fixture_corpus();
    for q in [
        "a:(^".to_owned(),
        "\u{1b}[2J\u{202e}schulden".to_owned(),
        "schuld ".repeat(20_000),
        "\"".repeat(50_000),
        "((((".repeat(25_000),
    ] {
        let start = Instant::now();
        ix.search(&q, &Filter::default(), 10)
            .expect("never an error");
        assert!(start.elapsed() < BUDGET, "{:?}", start.elapsed());
    }
}

pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("ls").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

fn search_json(corpus: &std::path::Path, cache: &std::path::Path, q: &str) -> serde_json::Value {
    let o = plein()
        .env("PLEIN_CACHE_DIR", cache)
        .args([
            "--corpus",
            corpus.to_str().expect("utf-8"),
            "search",
            "--json",
            q,
        ])
        .output()
        .expect("run");
    // 0 with hits, 1 without (like grep); 2 would be a failure.
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn a_cached_index_answers_without_reading_the_corpus_and_follows_changes() {
    let work = tempfile::tempdir().expect("tempdir");
    let (corpus, cache) = (work.path().join("corpus"), work.path().join("cache"));
    copy_dir(&fixture("corpus"), &corpus);
    assert_eq!(search_json(&corpus, &cache, "casino")["total"], 1);
    // Same size and modification time, other bytes: the fingerprint cannot see it, so only the
    // cached index can still answer "casino".
    let story = corpus.join("stories/gokverslaving/de-app-op-mijn-telefoon.md");
    let before = std::fs::metadata(&story).expect("stat");
    let garbled = vec![b'x'; before.len() as usize];
    std::fs::write(&story, garbled).expect("write");
    let f = std::fs::File::options()
        .write(true)
        .open(&story)
        .expect("open");
    f.set_modified(before.modified().expect("mtime"))
        .expect("set mtime");
    drop(f);
    assert_eq!(
        search_json(&corpus, &cache, "casino")["total"],
        1,
        "answered from the cache"
    );
    // A real edit changes the modification time: the index is rebuilt and the garbled story
    // is left out (and announced).
    std::fs::write(&story, b"not a story").expect("write");
    assert_eq!(
        search_json(&corpus, &cache, "casino")["total"],
        0,
        "rebuilt after an edit"
    );
    // A new file changes its directory's stamp: found at once, without reading every file.
    let lonely = std::fs::read_to_string(corpus.join("stories/eenzaamheid/stille-zondagen.md"))
        .expect("read")
        .replace("stille-zondagen", "stille-maandagen")
        .replace("Een vrijwilliger", "Een mandolinespeler");
    std::fs::write(
        corpus.join("stories/eenzaamheid/stille-maandagen.md"),
        lonely,
    )
    .expect("add");
    let found = search_json(&corpus, &cache, "mandolinespeler");
    assert_eq!(found["hits"][0]["id"], "stille-maandagen", "{found}");
    // Removing it is seen the same way.
    std::fs::remove_file(corpus.join("stories/eenzaamheid/stille-maandagen.md")).expect("rm");
    assert_eq!(search_json(&corpus, &cache, "mandolinespeler")["total"], 0);
}
