//! The loader turns each kind of problem into a precise diagnostic and keeps what it can.

use crate::util::fixture;
use plein::corpus::{self, Source};
use plein::diag::{Arg, Severity};
use plein::i18n::{Catalog, Lang};

fn bad() -> corpus::Loaded {
    corpus::load(&Source::Dir(fixture("bad-corpus"))).expect("bad corpus directory loads")
}

/// The single diagnostic of `code` for the file ending in `file`, as (line, column, severity).
fn find(loaded: &corpus::Loaded, file: &str, code: &str) -> (usize, usize, Severity) {
    let hits: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.path.ends_with(file) && d.code == code)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one `{code}` for {file}, got {:#?}",
        loaded.diagnostics
    );
    (hits[0].line, hits[0].column, hits[0].severity)
}

#[test]
fn every_problem_is_reported_at_its_line() {
    let l = bad();
    let cases = [
        ("bad-toml.md", "bad-toml", 13),
        ("missing-title.md", "missing-field", 1),
        ("empty-summary.md", "empty-field", 4),
        ("unknown-theme.md", "unknown-theme", 5),
        ("unknown-tag.md", "unknown-tag", 6),
        ("unknown-perspective.md", "unknown-perspective", 7),
        ("duplicate-b.md", "duplicate-id", 2),
        ("unknown-resource.md", "unknown-resource", 10),
        ("bad-date.md", "bad-date", 8),
        ("empty-body.md", "empty-body", 14),
        ("invalid-utf8.md", "invalid-utf8", 14),
        ("no-front-matter.md", "no-front-matter", 1),
        ("too-large.md", "file-too-large", 1),
        ("symlink-outside.md", "symlink-outside", 1),
    ];
    for (file, code, line) in cases {
        let (l_, _, sev) = find(&l, file, code);
        assert_eq!((l_, sev), (line, Severity::Error), "{file}: {code}");
    }
}

#[test]
fn duplicate_ids_name_both_files() {
    let l = bad();
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.code == "duplicate-id")
        .expect("duplicate reported");
    assert!(
        d.path.ends_with("duplicate-b.md")
            && d.message.key == "diag.duplicate-id"
            && d.message.args.iter().any(|(name, v)| *name == "other"
                && matches!(v, Arg::Text(s) if s.ends_with("duplicate-a.md"))),
        "{d:?}"
    );
}

#[test]
fn control_characters_are_reported_and_neutralised_not_skipped() {
    let l = bad();
    let escapes: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.code == "control-character")
        .collect();
    assert_eq!(escapes.len(), 2, "ESC and BEL each reported");
    assert_eq!((escapes[0].line, escapes[0].column), (14, 22));
    let story = l
        .corpus
        .stories
        .iter()
        .find(|s| s.id == "control-chars")
        .expect("still loaded");
    // Read again from its file when shown: neutralised the same way.
    let body = story.text().expect("story text");
    assert!(body.contains("␛[2J") && body.contains('␇'));
    assert!(!body.contains('\u{1b}') && !body.contains('\u{7}'));
}

#[test]
fn documents_with_errors_are_skipped_and_counted() {
    let l = bad();
    let ids: Vec<&str> = l.corpus.stories.iter().map(|s| s.id.as_str()).collect();
    assert!(ids.contains(&"goed") && ids.contains(&"dubbel"), "{ids:?}");
    assert_eq!(
        l.corpus.stories.len(),
        3,
        "goed, the first dubbel and control-chars: {ids:?}"
    );
    assert_eq!(l.corpus.resources.len(), 1);
    assert_eq!(l.corpus.skipped, 14);
}

#[test]
fn bundled_corpus_is_error_free() {
    let l = corpus::load(&Source::Bundled).expect("bundled corpus loads");
    let en = Catalog::get(Lang::En);
    let problems: Vec<String> = l.diagnostics.iter().map(|d| d.render(en)).collect();
    assert!(
        problems.is_empty(),
        "bundled corpus has problems:\n{}",
        problems.join("\n")
    );
    assert_eq!(l.corpus.themes.len(), 5);
    assert!(l.corpus.resources.len() >= 30);
}

#[test]
fn a_missing_directory_is_one_clear_error() {
    let e = corpus::load(&Source::Dir(fixture("does-not-exist"))).expect_err("fails");
    assert!(e.to_string().contains("does-not-exist") && e.to_string().contains("cannot open"));
}

#[test]
fn crlf_files_and_a_byte_order_mark_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let res = dir.path().join("resources");
    std::fs::create_dir_all(&res).expect("mkdir");
    let text = "\u{feff}+++\r\nid = \"r\"\r\nname = \"R\"\r\nkind = \"website\"\r\nsummary = \"S\"\r\nurl = \"r.nl\"\r\nsource = \"s\"\r\nchecked = 2026-01-31\r\n+++\r\nTekst.\r\n";
    std::fs::write(res.join("r.md"), text).expect("write");
    let l = corpus::load(&Source::Dir(dir.path().to_owned())).expect("loads");
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.corpus.resources[0].body, "Tekst.");
}

/// A large corpus directory is parsed on several threads, a chunk of files at a time: the stories,
/// the skipped files and the diagnostics come out in file order, as when one thread parses them.
#[test]
fn a_large_directory_loads_in_file_order_with_its_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let src = fixture("corpus");
    for sub in ["resources", "stories/eenzaamheid"] {
        std::fs::create_dir_all(root.join(sub)).expect("mkdir");
    }
    for e in std::fs::read_dir(src.join("resources"))
        .expect("ls")
        .flatten()
    {
        std::fs::copy(e.path(), root.join("resources").join(e.file_name())).expect("copy");
    }
    let story = std::fs::read_to_string(src.join("stories/eenzaamheid/stille-zondagen.md"))
        .expect("fixture story");
    let n = 700;
    for i in 0..n {
        let mut text = story.replace(
            "id = \"stille-zondagen\"",
            &format!("id = \"kopie-{i:04}\""),
        );
        if i % 97 == 5 {
            // A broken front matter: this file is skipped with a diagnostic.
            text = text.replace("title = \"Stille zondagen\"", "title = Stille zondagen");
        }
        let name = format!("stories/eenzaamheid/kopie-{i:04}.md");
        std::fs::write(root.join(name), text).expect("write");
    }
    let l = corpus::load(&Source::Dir(root.to_owned())).expect("loads");
    let broken: Vec<usize> = (0..n).filter(|i| i % 97 == 5).collect();
    let want: Vec<String> = (0..n)
        .filter(|i| !broken.contains(i))
        .map(|i| format!("kopie-{i:04}"))
        .collect();
    let got: Vec<&str> = l.corpus.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(got, want);
    assert_eq!(l.corpus.skipped, broken.len());
    let errors: Vec<&str> = l
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.path.as_str())
        .collect();
    let want_errors: Vec<String> = broken.iter().map(|i| format!("kopie-{i:04}.md")).collect();
    assert_eq!(errors.len(), want_errors.len(), "{errors:?}");
    for (path, want) in errors.iter().zip(&want_errors) {
        assert!(path.ends_with(want.as_str()), "{path} is not {want}");
    }
}

/// A story of a corpus directory keeps its text in its file (100,000 stories' text is not held
/// in memory): it is read when shown, so an edit since loading shows, and a file gone since is
/// said in the reader, never a panic or an empty page.
#[test]
fn a_directory_story_is_read_from_its_file_when_shown() {
    use plein::app::{App, Keymap};
    use plein::corpus::Body;
    let dir = tempfile::tempdir().expect("tempdir");
    crate::search::copy_dir(&fixture("corpus"), dir.path());
    let corpus = corpus::load(&Source::Dir(dir.path().to_owned()))
        .expect("loads")
        .corpus;
    let story = corpus.stories.first().expect("a story");
    let Body::File(file) = &story.body else {
        panic!("a directory's story text stays in its file");
    };
    let text = std::fs::read_to_string(file).expect("story file");
    let body = text.splitn(3, "+++\n").nth(2).expect("a body").trim();
    assert_eq!(story.text().expect("readable"), body);
    std::fs::write(file, text.replace(body, "Nieuwe tekst.")).expect("edit");
    assert_eq!(story.text().expect("readable"), "Nieuwe tekst.");

    std::fs::remove_file(file).expect("remove");
    assert_eq!(story.text().expect_err("gone").code, "unreadable");
    let id = story.id.clone();
    let app = App::new(std::sync::Arc::new(corpus), Lang::Nl, Keymap::default());
    let shown: Vec<String> = app
        .layout(&id)
        .lines
        .iter()
        .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
        .collect();
    let shown = shown.join(" ");
    assert!(
        shown.contains("plein kan de tekst van dit verhaal nu niet lezen")
            && shown.contains(&format!("{id}.md")),
        "{shown}"
    );
}
