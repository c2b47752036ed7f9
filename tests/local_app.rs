//! Help nearby in the app: local help first (after 112 and 113 on *Hulp nu*), marked "in de
//! buurt" with its place, open now, stale facts, and the crisis card's local shelter.

use crate::app::draw;
use plein::app::{self, Action, App, Keymap, View, crisis_resources};
use plein::corpus::{self, Corpus, Source};
use plein::hours::Now;
use plein::i18n::Lang;
use plein::search::SearchIndex;
use plein::ui::ThemeName;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn overlay(dir: &str) -> Arc<Corpus> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let (loaded, problem) = corpus::load_with(&Source::Bundled, Some(&path)).expect("loads");
    assert!(problem.is_none());
    Arc::new(loaded.corpus)
}

fn example() -> Arc<Corpus> {
    static C: OnceLock<Arc<Corpus>> = OnceLock::new();
    C.get_or_init(|| overlay("examples/lokaal")).clone()
}

/// Thursday 3 December 2026, 23:00 in Amsterdam: the night shelter is open.
fn evening() -> Now {
    Now::utc(2026, 12, 3, 22, 0).expect("date")
}

fn app_on(corpus: Arc<Corpus>, now: Now) -> App {
    let mut app = App::new(corpus, Lang::Nl, Keymap::default());
    app::update(&mut app, Action::Clock(now));
    app::update(&mut app, Action::IndexReady);
    app
}

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (200, 60)];

fn snap(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        app::update(app, Action::Resize(w, h));
        let t = draw(app, w, h, ThemeName::Default);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn hulp_nu_keeps_112_and_113_first_then_local_help() {
    let c = example();
    let ids: Vec<&str> = crisis_resources(&c)
        .into_iter()
        .map(|i| c.resources[i].id.as_str())
        .collect();
    assert_eq!(
        &ids[..3],
        [
            "alarmnummer-112",
            "zelfmoordpreventie-113",
            "nachtopvang-voorbeeldstad"
        ]
    );
    let mut app = app_on(c, evening());
    app::update(&mut app, Action::Crisis);
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(screen.contains("in de buurt: Voorbeeldstad"), "{screen}");
    assert!(screen.contains("nu open tot vr 9:00"), "{screen}");
    snap("local_hulp_nu", &mut app);
}

#[test]
fn a_theme_lists_local_help_before_national_help() {
    let c = example();
    let mut app = app_on(c.clone(), evening());
    app.stack.push(View::Theme {
        slug: "armoede-en-schulden".into(),
        selected: 0,
        filter: Default::default(),
    });
    let items = app::theme_items(&c, "armoede-en-schulden", &Default::default());
    let resources: Vec<&str> = items
        .iter()
        .filter_map(|d| match d {
            corpus::DocRef::Resource(i) => Some(c.resources[*i].id.as_str()),
            corpus::DocRef::Story(_) => None,
        })
        .collect();
    assert_eq!(
        &resources[..2],
        [
            "inloop-schuldhulp-voorbeeldstad",
            "voedselbank-voorbeeldstad"
        ]
    );
    assert!(
        c.resources
            .iter()
            .filter(|r| resources.contains(&r.id.as_str()))
            .skip(2)
            .all(|r| !r.local)
    );
    // The resources follow the stories: show the list scrolled to them.
    let first_resource = items
        .iter()
        .position(|d| matches!(d, corpus::DocRef::Resource(_)))
        .expect("resources");
    if let Some(View::Theme { selected, .. }) = app.stack.last_mut() {
        *selected = first_resource;
    }
    snap("local_theme", &mut app);
}

#[test]
fn the_reader_shows_place_address_walk_in_and_open_now() {
    let mut app = app_on(example(), evening());
    app::open_doc(&mut app, "nachtopvang-voorbeeldstad");
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    for want in [
        "in de buurt: Voorbeeldstad · voorbeeld",
        "Adres: Stationsweg 1, 9999 ZZ Voorbeeldstad",
        "Zonder afspraak: elke avond vanaf 20:00",
        "Bereikbaar: nu open tot vr 9:00",
    ] {
        assert!(screen.contains(want), "{want} in\n{screen}");
    }
    snap("local_reader", &mut app);
    // At noon it is closed, and says when it opens.
    app::update(
        &mut app,
        Action::Clock(Now::utc(2026, 12, 3, 11, 0).expect("date")),
    );
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(
        screen.contains("Bereikbaar: gesloten, opent 20:00"),
        "{screen}"
    );
}

#[test]
fn a_local_resource_links_bundled_stories_in_the_reader() {
    let mut app = app_on(example(), evening());
    app::open_doc(&mut app, "voedselbank-voorbeeldstad");
    app::update(&mut app, Action::Resize(80, 40));
    let screen = draw(&app, 80, 40, ThemeName::Default).backend().to_string();
    assert!(screen.contains("Verhalen hierover"), "{screen}");
    assert!(
        screen.contains("[1] Alleen het incassobureau belde nog"),
        "{screen}"
    );
    // Tuesday and Thursday afternoons; on Thursday evening it opens next Tuesday.
    assert!(
        screen.contains("Bereikbaar: gesloten, opent di 13:00"),
        "{screen}"
    );
}

#[test]
fn stale_facts_ask_people_to_call_and_check() {
    let mut app = app_on(overlay("tests/fixtures/local-stale"), evening());
    app::open_doc(&mut app, "oud-spreekuur");
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(
        screen.contains("laatst gecontroleerd: juni 2025 — bel even om het te checken"),
        "{screen}"
    );
    snap("local_stale_reader", &mut app);
    // Within 12 months nothing is said.
    app::update(
        &mut app,
        Action::Clock(Now::utc(2026, 6, 1, 10, 0).expect("date")),
    );
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(!screen.contains("laatst gecontroleerd"));
}

#[test]
fn the_crisis_card_adds_the_local_shelter_after_the_national_help() {
    let c = example();
    let index = SearchIndex::build(&c).expect("index");
    let r = index
        .search("ik heb geen slaapplek vannacht", &Default::default(), 10)
        .expect("search");
    let card = r.crisis.expect("a crisis card");
    assert_eq!(card.kind, "no-shelter");
    assert_eq!(
        card.resources.last().map(String::as_str),
        Some("nachtopvang-voorbeeldstad")
    );
    assert!(
        card.resources.len() > 1,
        "national help stays first: {:?}",
        card.resources
    );
    assert!(card.numbers.contains(&"0000-000001".to_owned()));
    // Not wanting to live keeps the national lines only.
    let r = index
        .search("ik wil niet meer leven", &Default::default(), 10)
        .expect("search");
    let card = r.crisis.expect("a crisis card");
    assert!(!card.resources.iter().any(|id| id.contains("voorbeeldstad")));
    // On the app's card the local line says it is open now.
    let cat = plein::i18n::Catalog::get(Lang::Nl);
    let c2 = example();
    let index2 = SearchIndex::build(&c2).expect("index");
    let card = index2
        .search("ik heb geen slaapplek vannacht", &Default::default(), 10)
        .expect("search")
        .crisis
        .expect("card");
    let local = card.help.last().expect("local help");
    assert_eq!(
        plein::present::card_help_line(local, evening(), cat),
        "Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (nu open tot vr 9:00) · in de buurt: Voorbeeldstad · voorbeeld"
    );
}

#[test]
fn plein_show_says_open_now_in_text_and_json() {
    use crate::util::{plein, stdout};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/lokaal");
    let o = plein()
        .env("PLEIN_NOW", "2026-12-03T22:00Z")
        .arg("--local")
        .arg(&dir)
        .args(["show", "nachtopvang-voorbeeldstad"])
        .output()
        .expect("run");
    let out = stdout(&o);
    assert!(out.contains("Bereikbaar: nu open tot vr 9:00"), "{out}");
    assert!(
        out.contains("in de buurt: Voorbeeldstad · voorbeeld"),
        "{out}"
    );
    let o = plein()
        .arg("--local")
        .arg(&dir)
        .args(["show", "voedselbank-voorbeeldstad"])
        .output()
        .expect("run");
    let out = stdout(&o);
    assert!(
        out.contains("Verhalen hierover:\n- Alleen het incassobureau belde nog (alleen-het-incassobureau-belde-nog)"),
        "{out}"
    );
    let o = plein()
        .env("PLEIN_NOW", "2026-12-03T11:00Z")
        .arg("--local")
        .arg(&dir)
        .args(["show", "--json", "nachtopvang-voorbeeldstad"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["open_now"], "gesloten, opent 20:00");
    assert_eq!(v["open"], false);
    assert_eq!(v["resource"]["opening_hours"], "Mo-Su 20:00-09:00");
    assert_eq!(v["resource"]["local"], true);
}

#[test]
fn the_qr_code_and_the_hulpbriefje_say_when_it_is_open() {
    let mut app = app_on(example(), evening());
    app.stack.push(View::Qr {
        id: "nachtopvang-voorbeeldstad".into(),
        target: 0,
    });
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(screen.contains("nu open tot vr 9:00"), "{screen}");
    snap("local_qr", &mut app);
    let mut app = app_on(example(), evening());
    app.stack.push(View::Slip {
        ids: vec![
            "nachtopvang-voorbeeldstad".into(),
            "voedselbank-voorbeeldstad".into(),
        ],
        scroll: 0,
    });
    let screen = draw(&app, 80, 40, ThemeName::Default).backend().to_string();
    for want in [
        "Adres: Stationsweg 1, 9999 ZZ Voorbeeldstad",
        "Bereikbaar: nu open tot vr 9:00",
        "Bereikbaar: gesloten, opent di 13:00",
    ] {
        assert!(screen.contains(want), "{want} in {screen}");
    }
    snap("local_slip", &mut app);
}

#[test]
fn the_search_screen_shows_the_card_with_the_local_shelter_open_now() {
    let c = example();
    let index = SearchIndex::build(&c).expect("index");
    let mut app = app_on(c, evening());
    app.stack.push(View::Search {
        focus: plein::app::Focus::Results,
    });
    app.search.input.set("ik heb geen slaapplek vannacht");
    app.search.results = Some(
        index
            .search("ik heb geen slaapplek vannacht", &Default::default(), 20)
            .expect("search"),
    );
    let screen = draw(&app, 200, 60, ThemeName::Default)
        .backend()
        .to_string();
    assert!(
        screen.contains("Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (nu open tot vr 9:00) · in de buurt: Voorbeeldstad · voorbeeld"),
        "{screen}"
    );
    snap("local_search_card", &mut app);
}

#[test]
fn home_says_which_local_file_was_skipped_and_why() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/local-broken");
    let (loaded, problem) = corpus::load_with(&Source::Bundled, Some(&path)).expect("loads");
    let nl = plein::commands::local_notices(
        &loaded.corpus,
        problem.as_ref(),
        plein::i18n::Catalog::get(Lang::Nl),
    );
    assert_eq!(nl.len(), 4);
    assert!(
        nl[0].starts_with("Hulp in de buurt: 3 lokale bestanden overgeslagen."),
        "{nl:?}"
    );
    assert!(nl[2].starts_with("Lokaal bestand overgeslagen: "), "{nl:?}");
    assert!(
        nl[2].ends_with("kapot.md:4: de gegevens bovenaan (tussen de regels +++) kloppen niet.")
    );
    let en =
        plein::commands::local_notices(&loaded.corpus, None, plein::i18n::Catalog::get(Lang::En));
    assert!(
        en[3].ends_with("verwijst-naar-niets.md:8: it links help that does not exist."),
        "{en:?}"
    );
    let mut app = app_on(Arc::new(loaded.corpus), evening());
    // As the app shows it: relative paths keep the snapshot the same on every machine.
    app.notice = Some(
        nl.iter()
            .map(|l| l.replace(&format!("{}/", path.display()), ""))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let screen = draw(&app, 80, 24, ThemeName::Default).backend().to_string();
    assert!(
        screen.contains("Hulp in de buurt: 3 lokale bestanden overgeslagen"),
        "{screen}"
    );
    snap("local_home_notice", &mut app);
}

#[test]
fn plein_hulp_and_resources_put_local_help_after_112_and_113_with_open_now() {
    use crate::util::{plein, stdout};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/lokaal");
    let o = plein()
        .env("PLEIN_NOW", "2026-12-03T22:00Z")
        .arg("--local")
        .arg(&dir)
        .arg("hulp")
        .output()
        .expect("run");
    let out = stdout(&o);
    let third = out
        .lines()
        .find(|l| l.starts_with("3. "))
        .expect("a third line");
    assert_eq!(
        third,
        "3. Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (nu open tot vr 9:00)"
    );
    assert!(
        out.contains("   in de buurt: Voorbeeldstad · voorbeeld"),
        "{out}"
    );
    let o = plein()
        .env("PLEIN_NOW", "2026-12-03T22:00Z")
        .arg("--local")
        .arg(&dir)
        .args(["resources", "--json", "--theme", "armoede-en-schulden"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["id"], "inloop-schuldhulp-voorbeeldstad");
    assert_eq!(v[0]["local"], true);
    assert_eq!(v[0]["open_now"], "gesloten, opent di 10:00");
    assert_eq!(v[0]["place"], "Voorbeeldstad");
}
