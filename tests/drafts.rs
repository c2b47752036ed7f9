//! Deel je ervaring, the curator's side: a draft with consent exports to a story file that
//! `plein check` validates (with privacy and quality warnings) and `--corpus` loads.

use crate::util::{fixture, plein, stderr, stdout};
use plein::bookmarks::Store;
use plein::drafts::Draft;

fn draft(consent: bool) -> Draft {
    Draft {
        answers: vec![
            "Het begon toen ik mijn baan verloor. De rekeningen bleven komen.".into(),
            "Het moeilijkste was de brief van de deurwaarder. Mijn buurman Piet zag het.".into(),
            "Het sociaal wijkteam hielp mij. Bel me gerust op 0612345678.".into(),
            "Nu heb ik een regeling en slaap ik weer.".into(),
            "Maak die ene envelop open.".into(),
        ],
        title: "De brief op de mat".into(),
        themes: vec!["armoede-en-schulden".into()],
        tags: vec!["deurwaarder".into()],
        perspective: "zelf".into(),
        name: "Sanne".into(),
        age: Some(44),
        consent: consent.then_some(1_795_000_000),
    }
}

#[test]
fn a_draft_with_consent_becomes_a_story_that_check_reviews_and_the_app_loads() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let (store, _) = Store::open(&data);
    let with = store.save_draft(None, &draft(true)).expect("save");
    let without = store.save_draft(None, &draft(false)).expect("save");
    drop(store);
    let corpus = work.path().join("corpus");
    crate::search::copy_dir(&fixture("corpus"), &corpus);
    let dir = corpus.join("stories/armoede-en-schulden");
    let file = dir.join("ingezonden-de-brief-op-de-mat.md");

    let o = plein()
        .arg("--data-dir")
        .arg(&data)
        .args(["drafts", "export", &without.to_string(), "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1), "no consent, no export");
    assert!(stderr(&o).contains("toestemming"), "{}", stderr(&o));
    assert!(!file.exists());

    let o = plein()
        .arg("--data-dir")
        .arg(&data)
        .arg("--corpus")
        .arg(&corpus)
        .args(["drafts", "export", &with.to_string(), "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).expect("exported");
    assert!(text.contains("origin = \"ingezonden\""), "{text}");
    assert!(text.contains("consent = \"20"), "{text}");
    assert!(
        text.contains("**Mijn tip:** Maak die ene envelop open."),
        "{text}"
    );

    let o = plein().arg("check").arg(&corpus).output().expect("run");
    let report = format!("{}{}", stdout(&o), stderr(&o));
    assert!(o.status.success(), "warnings only: {report}");
    assert!(
        report.contains("waarschuwing: `Piet` kan iemand herkenbaar maken (naam)"),
        "{report}"
    );
    assert!(
        report.contains("`0612345678` kan iemand herkenbaar maken"),
        "{report}"
    );

    let o = plein()
        .arg("--corpus")
        .arg(&corpus)
        .args(["show", "ingezonden-de-brief-op-de-mat"])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("ingezonden verhaal"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Sanne, 44"));
}

#[test]
fn a_submitted_story_without_consent_is_an_error() {
    let work = tempfile::tempdir().expect("tempdir");
    let corpus = work.path().join("corpus");
    crate::search::copy_dir(&fixture("corpus"), &corpus);
    let path = corpus.join("stories/eenzaamheid/stille-zondagen.md");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("origin = \"illustratief\"", "origin = \"ingezonden\"");
    std::fs::write(&path, text).expect("write");
    let o = plein().arg("check").arg(&corpus).output().expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(
            "fout: een ingezonden verhaal (origin = \"ingezonden\") heeft `consent` nodig"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn drafts_list_and_delete_and_guests_keep_none() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let (store, _) = Store::open(&data);
    let id = store.save_draft(None, &draft(true)).expect("save");
    let mut changed = draft(true);
    changed.title = "Een nieuwe titel".into();
    assert_eq!(store.save_draft(Some(id), &changed).expect("update"), id);
    drop(store);
    let run = |args: &[&str]| {
        plein()
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .expect("run")
    };
    let list = stdout(&run(&["drafts", "list"]));
    assert!(
        list.contains("Een nieuwe titel") && list.contains("toestemming gegeven"),
        "{list}"
    );
    assert!(run(&["drafts", "delete", &id.to_string()]).status.success());
    assert!(stdout(&run(&["drafts", "list"])).contains("nog geen verhalen"));
    let guest_data = work.path().join("guest");
    let o = plein()
        .arg("--data-dir")
        .arg(&guest_data)
        .args(["--guest", "drafts", "list"])
        .output()
        .expect("run");
    assert!(o.status.success());
    assert!(!guest_data.exists(), "a guest session keeps no drafts");
}
