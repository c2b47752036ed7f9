//! Plain mode: the app as numbered lines of text, the session driven with strings through the
//! library, with the same effects the edge performs (the real binary: `plain_binary`).

use plein::app::{self, Action, App, Effect, Keymap};
use plein::bookmarks::Store;
use plein::corpus::{Corpus, Doc, Source};
use plein::i18n::{Catalog, Lang};
use plein::plain::Session;
use plein::search::SearchIndex;
use std::sync::Arc;

fn bundled() -> Arc<Corpus> {
    Arc::new(
        plein::corpus::load(&Source::Bundled)
            .expect("bundled")
            .corpus,
    )
}

/// A session on the bundled corpus with its index and a store, as the plain edge runs it.
struct Run {
    session: Session,
    index: SearchIndex,
    store: Store,
}

impl Run {
    fn new(lang: Lang) -> Run {
        let corpus = bundled();
        let index = SearchIndex::bundled(&corpus).expect("embedded index");
        let mut app = App::new(corpus, lang, Keymap::default());
        app::update(&mut app, Action::IndexReady);
        app.bookmarks.kept = true;
        Run {
            session: Session::new(app),
            index,
            store: Store::in_memory(),
        }
    }

    /// Types one line; returns what plein prints and whether it ended.
    fn line(&mut self, line: &str) -> (String, bool) {
        let (index, store) = (&self.index, &self.store);
        let mut perform = |e: Effect| match e {
            Effect::Search { seq, query, filter } => index
                .search(&query, &filter, plein::tui::RESULTS)
                .ok()
                .map(|r| Action::Searched(seq, Box::new(r))),
            Effect::Related(id) => index
                .related(&id, 5)
                .ok()
                .map(|ids| Action::Related(id, ids)),
            Effect::ClearScreen => {
                store.clear().expect("clear");
                None
            }
            e => plein::tui::perform_store(store, e),
        };
        let reply = self.session.input(line, &mut perform);
        assert!(
            !reply.text.contains('\u{1b}'),
            "an ESC byte in {}",
            reply.text
        );
        (reply.text, reply.quit)
    }

    fn say(&mut self, line: &str) -> String {
        self.line(line).0
    }
}

pub fn t(lang: Lang, key: &str) -> String {
    Catalog::get(lang).t(key).to_owned()
}

#[test]
fn a_scripted_session_searches_opens_goes_back_shows_help_saves_and_quits() {
    let mut r = Run::new(Lang::Nl);
    let start = r.session.start();
    assert!(start.contains("Welkom bij plein"), "{start}");
    assert!(start.contains("1. Armoede en schulden"), "{start}");
    assert!(start.contains("8. Hulp nu"), "Hulp nu is on Home: {start}");
    assert!(start.ends_with("> "), "a prompt ends the screen");

    let results = r.say("schulden");
    assert!(results.contains("Gevonden voor \"schulden\""), "{results}");
    let first = r.session.app.search.results.as_ref().expect("results").hits[0].clone();
    assert!(
        results.contains(&format!("1. {} (", first.title)),
        "{results}"
    );
    assert!(
        results.contains('*'),
        "the match is marked in the snippet: {results}"
    );
    assert!(results.contains("\n10. "), "ten numbered hits: {results}");

    let story = r.say("1");
    let corpus = r.session.app.corpus.clone();
    let title = match corpus.get(&first.id) {
        Some(Doc::Story(s)) if !s.content_notes.is_empty() => {
            // A story with content notes shows them first, and Enter goes on to the text.
            assert!(story.contains("Let op: dit verhaal gaat over"), "{story}");
            let text = r.say("");
            assert!(text.contains(&s.title), "{text}");
            s.title.clone()
        }
        Some(Doc::Story(s)) => {
            assert!(story.contains(&s.title), "{story}");
            s.title.clone()
        }
        Some(Doc::Resource(res)) => res.name.clone(),
        None => panic!("hit {} is not in the corpus", first.id),
    };

    let saved = r.say("bewaar");
    assert!(saved.contains(&format!("Bewaard: {title}")), "{saved}");
    assert_eq!(
        r.store.list().expect("list").len(),
        1,
        "written to the store"
    );

    let back = r.say("terug");
    assert!(
        back.contains("Gevonden voor \"schulden\""),
        "back to the results: {back}"
    );
    assert!(
        back.contains("(bewaard)"),
        "the saved hit is marked: {back}"
    );

    let help = r.say("hulp");
    assert!(help.contains(&t(Lang::Nl, "ui.crisis_intro")), "{help}");
    let one = help.find("1. 112").expect("112 first");
    let two = help.find("2. 113").expect("113 second");
    assert!(one < two, "{help}");

    let marks = r.say("bladwijzers");
    assert!(marks.contains(&format!("1. {title}")), "{marks}");

    let (bye, quit) = r.line("stop");
    assert!(quit, "stop ends plein");
    assert!(bye.contains("Tot ziens"), "{bye}");
}

#[test]
fn a_crisis_query_shows_the_crisis_card_as_the_first_lines() {
    let mut r = Run::new(Lang::Nl);
    r.session.start();
    let out = r.say("ik wil niet meer leven");
    let first = out.lines().find(|l| !l.trim().is_empty()).expect("text");
    let sentence = t(Lang::Nl, "search.crisis_suicide");
    assert!(first.len() > 20 && sentence.starts_with(first), "{out}");
    let card_end = out.find("Zoeken").expect("the screen follows the card");
    assert!(out[..card_end].contains("113"), "the card has 113: {out}");
    // And the same in English.
    let mut r = Run::new(Lang::En);
    let out = r.say("i want to die");
    assert!(
        out.trim_start()
            .starts_with(&t(Lang::En, "search.crisis_suicide")[..20]),
        "{out}"
    );
}

#[test]
fn long_stories_are_paged_and_numbers_open_links() {
    let mut r = Run::new(Lang::Nl);
    let corpus = r.session.app.corpus.clone();
    // The longest story without content notes in the first theme: open it from the list.
    let slug = corpus.themes[0].slug.clone();
    let items = app::theme_items(&corpus, &slug, &Default::default());
    let (n, story) = items
        .iter()
        .enumerate()
        .filter_map(|(n, d)| match d {
            plein::corpus::DocRef::Story(i) => Some((n + 1, &corpus.stories[*i])),
            _ => None,
        })
        .filter(|(_, s)| s.content_notes.is_empty())
        .max_by_key(|(_, s)| s.text().expect("story text").len())
        .expect("a story");
    let list = r.say("1");
    assert!(list.contains(&format!("{n}. {}", story.title)), "{list}");
    let page = r.say(&n.to_string());
    assert!(page.contains(&story.title), "{page}");
    assert!(page.contains("Enter = verder (regel 20 van"), "{page}");
    let next = r.say("");
    assert!(
        next.contains("(regel 40 van") || next.contains("Einde."),
        "{next}"
    );
    assert!(
        !next.contains(&story.title),
        "a page is printed once, not the whole text again"
    );
    let mut last = next;
    for _ in 0..50 {
        if last.contains("Einde.") {
            break;
        }
        last = r.say("");
    }
    assert!(
        last.contains("Einde. Typ het nummer van een link"),
        "{last}"
    );
    // Link 1 below a story is its first help resource.
    let first_help = corpus.resource(&story.resources[0]).expect("resource");
    let opened = r.say("1");
    assert!(opened.contains(&first_help.name), "{opened}");
    // A resource has no links below it: a number gets a clear answer.
    let wrong = r.say("99");
    assert!(wrong.contains(&t(Lang::Nl, "plain.no_numbers")), "{wrong}");
}

#[test]
fn a_wrong_number_and_unknown_places_get_a_clear_answer() {
    let mut r = Run::new(Lang::Nl);
    let out = r.say("42");
    assert!(
        out.contains("Nummer 42 staat hier niet. Kies een nummer van 1 tot en met 8."),
        "{out}"
    );
    let out = r.say("terug");
    assert!(out.contains("Je bent al bij het begin"), "{out}");
    let out = r.say("bewaar");
    assert!(out.contains("Open eerst een verhaal"), "{out}");
    let keys = r.say("?");
    for word in ["terug", "hulp", "bewaar", "stop"] {
        assert!(keys.contains(&format!("  {word}")), "{word} in {keys}");
    }
    // An English UI takes the English words too.
    let mut r = Run::new(Lang::En);
    let out = r.say("help");
    assert!(out.contains("Help now"), "{out}");
    let (_, quit) = r.line("quit");
    assert!(quit);
}

#[test]
fn untrusted_text_typed_in_is_echoed_inert() {
    let mut r = Run::new(Lang::Nl);
    let out = r.say("schul\u{1b}[2Jden\u{9b}31m \u{202e}x");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{202e}'));
}

#[test]
fn in_kiosk_mode_stop_wipes_the_session_and_plein_stays_open() {
    let mut r = Run::new(Lang::Nl);
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: false,
    });
    r.say("schulden");
    r.say("1");
    r.say("bewaar");
    let (out, quit) = r.line("stop");
    assert!(!quit, "a kiosk does not quit");
    assert!(out.contains(&t(Lang::Nl, "plain.kiosk_wiped")), "{out}");
    assert!(
        out.contains("Welkom bij plein"),
        "back at a neutral Home: {out}"
    );
    assert!(r.session.app.bookmarks.items.is_empty());
    assert!(
        r.store.list().expect("list").is_empty(),
        "the store is wiped too"
    );
    assert!(r.session.app.search.results.is_none());
    // When the librarian allows quitting, stop quits.
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: true,
    });
    assert!(r.line("stop").1);
}

#[test]
fn a_kiosks_idle_time_wipes_the_plain_session() {
    let mut r = Run::new(Lang::Nl);
    r.session.app.kiosk = Some(plein::app::Kiosk {
        idle: std::time::Duration::from_secs(180),
        allow_quit: false,
    });
    r.say("schulden");
    let (index, store) = (&r.index, &r.store);
    let mut perform = |e: Effect| match e {
        Effect::ClearScreen => {
            store.clear().expect("clear");
            None
        }
        Effect::Search { seq, query, filter } => index
            .search(&query, &filter, 10)
            .ok()
            .map(|r| Action::Searched(seq, Box::new(r))),
        e => plein::tui::perform_store(store, e),
    };
    let reply = r.session.idle(&mut perform);
    assert!(reply.text.contains(&t(Lang::Nl, "plain.kiosk_wiped")));
    assert!(reply.text.contains("Welkom bij plein"));
    assert!(r.session.app.search.results.is_none(), "the query is gone");
    assert_eq!(r.session.app.stack.len(), 1);
}

#[test]
fn a_narrow_terminal_gets_lines_that_fit() {
    let mut r = Run::new(Lang::Nl);
    let app = std::mem::replace(
        &mut r.session,
        Session::new(App::new(bundled(), Lang::Nl, Keymap::default())),
    )
    .app;
    r.session = Session::with_width(app, 40);
    let mut all = r.session.start();
    for line in ["schulden", "1", "", "", "hulp", "terug", "start", "3", "?"] {
        all.push_str(&r.say(line));
    }
    let wide: Vec<&str> = all.lines().filter(|l| plein::text::width(l) > 40).collect();
    assert!(wide.is_empty(), "wider than 40 columns: {wide:#?}");
}
