//! Deel je ervaring over a whole session: every story keeps its own draft, and a save or a
//! hand-over that arrives late never retargets another story.

use crate::app::{Harness, harness, press};
use plein::app::{self, Action, Effect};
use plein::i18n::Lang;

/// Writes one whole story with consent and leaves the form.
fn write_story(h: &mut Harness, title: &str) {
    press(h, "d");
    press(
        h,
        &format!("Het begon bij {title}.<Tab>Twee.<Tab>Drie.<Tab>Vier.<Tab>Vijf.<Tab>"),
    );
    press(
        h,
        &format!("{title}<Enter> <Enter><Enter>Sanne<Enter>44<Enter><Enter>j<Enter>"),
    );
}

fn titles(h: &Harness) -> Vec<(String, String)> {
    let mut t: Vec<(String, String)> = h
        .store
        .drafts()
        .expect("drafts")
        .into_iter()
        .map(|(_, _, d)| (d.title.clone(), d.answer(0).to_owned()))
        .collect();
    t.sort();
    t
}

#[test]
fn two_and_three_stories_in_one_session_each_keep_their_own_draft() {
    let mut h = harness(Lang::Nl);
    write_story(&mut h, "Eerste");
    write_story(&mut h, "Tweede");
    assert_eq!(
        titles(&h),
        vec![
            ("Eerste".into(), "Het begon bij Eerste.".into()),
            ("Tweede".into(), "Het begon bij Tweede.".into()),
        ]
    );
    write_story(&mut h, "Derde");
    let t = titles(&h);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t.iter()
            .all(|(title, a)| a == &format!("Het begon bij {title}."))
    );
}

#[test]
fn a_save_that_answers_late_never_retargets_the_next_story() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "d");
    press(&mut h, "Eerste verhaal<Tab>");
    let first = h.app.share.id.expect("the first story was saved");
    // Leave the form at its last step; hold back the store's answer.
    let mut late = Vec::new();
    if let Some(plein::app::View::Share { step }) = h.app.stack.last_mut() {
        *step = plein::app::share::STEPS.len() - 1;
    }
    for e in app::update(&mut h.app, Action::NextStep) {
        if let Effect::SaveDraft(story, id, draft) = e {
            let id = h.store.save_draft(id, &draft).expect("save");
            late.push(Action::DraftSaved(story, id));
        }
    }
    assert_eq!(late.len(), 1);
    // The next story starts; only then does the old answer arrive.
    press(&mut h, "d");
    for a in late {
        app::update(&mut h.app, a);
    }
    assert_eq!(h.app.share.id, None, "the new story has no draft yet");
    press(&mut h, "Tweede verhaal<Tab>");
    let second = h.app.share.id.expect("saved");
    assert_ne!(first, second);
    let t = titles(&h);
    let answers: Vec<&str> = t.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(answers, vec!["Eerste verhaal", "Tweede verhaal"]);
}

#[test]
fn a_guest_session_hands_over_each_story_once_and_keeps_no_draft() {
    let work = tempfile::tempdir().expect("tempdir");
    let mut h = harness(Lang::Nl);
    h.app.share.keep = false;
    h.app.share.export = true;
    h.export_dir = Some(work.path().to_owned());
    write_story(&mut h, "Eerste");
    assert!(
        !h.app.share.exported,
        "the next story is not handed over yet"
    );
    write_story(&mut h, "Tweede");
    let mut files: Vec<String> = std::fs::read_dir(work.path())
        .expect("ls")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    assert!(files.iter().any(|f| f.contains("Het begon bij Eerste.")));
    assert!(files.iter().any(|f| f.contains("Het begon bij Tweede.")));
    assert!(h.store.drafts().expect("drafts").is_empty());
}

#[test]
fn a_pause_in_typing_saves_and_ctrl_c_saves_then_quits() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "dHalverwege een zin");
    assert!(
        h.store.drafts().expect("drafts").is_empty(),
        "not yet saved"
    );
    h.act(Action::Pause);
    assert_eq!(titles(&h)[0].1, "Halverwege een zin");
    press(&mut h, " en verder");
    press(&mut h, "<C-c>");
    assert!(matches!(h.exit, Some(Effect::Quit)), "{:?}", h.exit);
    assert_eq!(titles(&h)[0].1, "Halverwege een zin en verder");
}
