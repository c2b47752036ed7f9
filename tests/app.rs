//! The terminal app without a terminal: key-string flows through the keymap and `update`,
//! effects performed against a real index, and screens drawn into ratatui's TestBackend.

use crate::util::fixture;
use plein::app::{self, Action, App, Effect, Focus, Keymap, View};
use plein::corpus::{self, Corpus, Source};
use plein::i18n::Lang;
use plein::search::SearchIndex;
use plein::ui::{self, Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::{Arc, OnceLock};

fn fixture_corpus() -> Arc<Corpus> {
    static C: OnceLock<Arc<Corpus>> = OnceLock::new();
    C.get_or_init(|| {
        Arc::new(
            corpus::load(&Source::Dir(fixture("corpus")))
                .expect("fixture")
                .corpus,
        )
    })
    .clone()
}

/// An app on the fixture corpus with its index, as the edge would run it.
pub struct Harness {
    pub app: App,
    index: SearchIndex,
    pub store: plein::bookmarks::Store,
    pub exit: Option<Effect>,
    pub export_dir: Option<std::path::PathBuf>,
}

pub fn harness(lang: Lang) -> Harness {
    let corpus = fixture_corpus();
    let index = SearchIndex::build(&corpus).expect("index");
    let mut app = App::new(corpus, lang, Keymap::default());
    app::update(&mut app, Action::IndexReady);
    app.bookmarks.kept = true;
    app.share.keep = true;
    Harness {
        app,
        index,
        store: plein::bookmarks::Store::in_memory(),
        exit: None,
        export_dir: None,
    }
}

impl Harness {
    pub fn act(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(a) = queue.pop() {
            for effect in app::update(&mut self.app, a) {
                match effect {
                    Effect::Search { seq, query, filter } => {
                        let r = self
                            .index
                            .search(&query, &filter, plein::tui::RESULTS)
                            .expect("search");
                        queue.push(Action::Searched(seq, Box::new(r)));
                    }
                    Effect::Related(id) => {
                        let ids = self.index.related(&id, 5).expect("related");
                        queue.push(Action::Related(id, ids));
                    }
                    Effect::ExportStory(story, draft) => {
                        let dir = self.export_dir.as_deref().expect("an export dir");
                        plein::drafts::write_submission(&draft, &self.app.corpus, dir)
                            .expect("export");
                        queue.push(Action::StoryExported(story));
                    }
                    Effect::SaveDraft(story, id, draft) => {
                        let id = self.store.save_draft(id, &draft).expect("save draft");
                        queue.push(Action::DraftSaved(story, id));
                    }
                    e @ (Effect::SaveBookmark(_)
                    | Effect::RemoveBookmark(_)
                    | Effect::RestoreBookmark(_)
                    | Effect::SetNote(..)) => {
                        queue.extend(plein::tui::perform_store(&self.store, e));
                    }
                    e => self.exit = Some(e),
                }
            }
        }
    }
}

/// Presses keys: plain characters, and `<Enter>`, `<Esc>`, `<BS>`, `<Up>`, `<Down>`, `<Tab>`,
/// `<Left>`, `<S-Tab>`, `<F1>`, `<F2>`, `<C-q>`, `<C-e>`.
pub fn press(h: &mut Harness, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let (key, len) = if rest.starts_with('<') {
            let end = rest.find('>').expect("closing >");
            let name = &rest[1..end];
            let key = match name {
                "Enter" => KeyEvent::from(KeyCode::Enter),
                "Esc" => KeyEvent::from(KeyCode::Esc),
                "BS" => KeyEvent::from(KeyCode::Backspace),
                "Up" => KeyEvent::from(KeyCode::Up),
                "Down" => KeyEvent::from(KeyCode::Down),
                "Left" => KeyEvent::from(KeyCode::Left),
                "Tab" => KeyEvent::from(KeyCode::Tab),
                "S-Tab" => KeyEvent::from(KeyCode::BackTab),
                "F1" => KeyEvent::from(KeyCode::F(1)),
                "F2" => KeyEvent::from(KeyCode::F(2)),
                n if n.starts_with("C-") => KeyEvent::new(
                    KeyCode::Char(n.chars().nth(2).expect("key")),
                    KeyModifiers::CONTROL,
                ),
                n => panic!("unknown key <{n}>"),
            };
            (key, end + 1)
        } else {
            let c = rest.chars().next().expect("char");
            (KeyEvent::from(KeyCode::Char(c)), c.len_utf8())
        };
        if let Some(a) = app::key_action(&h.app, &key) {
            h.act(a);
        }
        rest = &rest[len..];
    }
}

pub fn draw(app: &App, w: u16, h: u16, theme: ThemeName) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ui::render(app, Palette(theme), f))
        .expect("draw");
    t
}

/// The drawn screen and, below it, where the terminal cursor (the focus) stands and the text
/// from there to the end of its row.
pub fn with_cursor(mut t: Terminal<TestBackend>) -> String {
    let p = t.get_cursor_position().expect("cursor");
    let screen = t.backend().to_string();
    let row = screen.lines().nth(usize::from(p.y)).unwrap_or_default();
    let from: String = row
        .trim_matches('"')
        .chars()
        .skip(usize::from(p.x))
        .collect();
    format!("{screen}cursor ({}, {}): {:?}\n", p.x, p.y, from.trim_end())
}

pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    draw(app, w, h, ThemeName::Default).backend().to_string()
}

#[test]
fn search_open_and_back_to_the_same_results() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "/schulden");
    assert!(
        h.app.search.results.as_ref().is_some_and(|r| r.total >= 2),
        "results update as you type"
    );
    press(&mut h, "<Enter><Down>");
    assert_eq!(
        h.app.view(),
        &View::Search {
            focus: Focus::Results
        }
    );
    let selected = h.app.search.selected;
    press(&mut h, "<Enter>");
    assert!(matches!(
        h.app.view(),
        View::Reader { .. } | View::Gate { .. }
    ));
    press(&mut h, "<Esc>");
    assert_eq!(
        h.app.view(),
        &View::Search {
            focus: Focus::Results
        }
    );
    assert_eq!(
        h.app.search.selected, selected,
        "back returns to the exact place"
    );
    assert_eq!(h.app.search.input.text(), "schulden");
}

#[test]
fn content_notes_come_first_and_the_reader_may_go_back() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "2<Enter>");
    assert!(matches!(h.app.view(), View::Gate { id } if id == "stille-zondagen"));
    assert!(screen_text(&h.app, 80, 24).contains("overlijden van een naaste"));
    press(&mut h, "<Esc>");
    assert!(
        matches!(h.app.view(), View::Theme { .. }),
        "going back from the notes"
    );
    press(&mut h, "<Enter><Enter>");
    assert!(matches!(h.app.view(), View::Reader { id, .. } if id == "stille-zondagen"));
}

#[test]
fn scroll_position_survives_following_a_link_and_coming_back() {
    let mut h = harness(Lang::Nl);
    h.act(Action::Resize(40, 12));
    press(&mut h, "1<Enter>jjj");
    let View::Reader { scroll, .. } = h.app.view().clone() else {
        panic!("reader")
    };
    assert_eq!(scroll, 3);
    press(&mut h, "<Tab>");
    let before = h.app.view().clone();
    press(&mut h, "<Enter>");
    assert!(
        matches!(h.app.view(), View::Reader { id, .. } if id == "hulplijn"),
        "followed the resource link"
    );
    press(&mut h, "<Esc>");
    assert_eq!(
        h.app.view(),
        &before,
        "same story, scroll position and selected link"
    );
}

#[test]
fn quick_exit_and_crisis_work_while_typing() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "/geld<F1>");
    assert!(
        matches!(h.app.view(), View::Crisis { .. }),
        "Hulp nu from the search box"
    );
    assert!(screen_text(&h.app, 80, 24).contains("0800-1234"));
    press(&mut h, "<Esc>");
    assert_eq!(h.app.search.input.text(), "geld", "nothing lost");
    press(&mut h, "<C-q>");
    assert_eq!(h.exit, Some(Effect::QuickExit));
    let mut h = harness(Lang::Nl);
    press(&mut h, "q");
    assert_eq!(h.exit, Some(Effect::Quit), "q quits from Home");
}

#[test]
fn theme_filters_narrow_the_list_and_show_the_count() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "1");
    assert!(
        screen_text(&h.app, 80, 24).contains("3 verhalen"),
        "two stories and one that crosses themes"
    );
    press(&mut h, "tt");
    let View::Theme { filter, .. } = h.app.view() else {
        panic!("theme")
    };
    assert_eq!(filter.tag.as_deref(), Some("beslag"));
    assert!(screen_text(&h.app, 80, 24).contains("0 verhalen"));
    press(&mut h, "x");
    assert!(screen_text(&h.app, 80, 24).contains("3 verhalen"));
}

#[test]
fn did_you_mean_and_an_empty_result_help_further() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "/deurwaardr");
    let text = screen_text(&h.app, 80, 24);
    assert!(text.contains("Bedoelde je: deurwaarder?"), "{text}");
    press(&mut h, "<C-e>");
    assert_eq!(h.app.search.input.text(), "deurwaarder");
    press(&mut h, "<C-u>qqqzzz");
    let text = screen_text(&h.app, 80, 24);
    assert!(
        text.contains("Niets gevonden") && text.contains("Armoede en schulden"),
        "{text}"
    );
}

#[test]
fn help_lists_every_key_of_the_screen_from_the_keymap() {
    let mut h = harness(Lang::En);
    press(&mut h, "?");
    let text = screen_text(&h.app, 80, 24);
    for desc in ["Open", "Search", "Quit", "Quick exit"] {
        assert!(text.contains(desc), "help lacks {desc}:\n{text}");
    }
    press(&mut h, "<Esc>");
    assert!(!h.app.help);
}

#[test]
fn footer_hints_come_from_the_keymap_and_keep_quick_exit() {
    let mut h = harness(Lang::Nl);
    for keys in ["", "1", "/x", "/x<Enter>", "1<Enter>"] {
        let mut h2 = harness(Lang::Nl);
        press(&mut h2, keys);
        for w in [30u16, 40, 80] {
            let text = screen_text(&h2.app, w, 12);
            let footer = text.lines().nth(11).unwrap_or_default();
            assert!(
                footer.contains("Ctrl-Q snel weg") || footer.contains("^Q snel weg"),
                "{keys:?} at {w}: {footer}"
            );
        }
    }
    press(&mut h, "");
    let footer = screen_text(&h.app, 80, 24)
        .lines()
        .nth(23)
        .unwrap_or_default()
        .to_owned();
    assert!(
        footer.contains("Enter openen")
            && footer.contains("q stoppen")
            && footer.contains("F1 Hulp nu"),
        "{footer}"
    );
}

#[test]
fn mouse_clicks_open_items_and_footer_hints() {
    let mut h = harness(Lang::Nl);
    let size = ratatui::layout::Rect::new(0, 0, 80, 24);
    let text = screen_text(&h.app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("Eenzaamheid"))
        .expect("theme row") as u16;
    let action = ui::hit_test(&h.app, size, 5, row).expect("a click on a theme");
    h.act(action);
    assert!(matches!(h.app.view(), View::Theme { slug, .. } if slug == "eenzaamheid"));
    let footer = screen_text(&h.app, 80, 24)
        .lines()
        .nth(23)
        .unwrap_or_default()
        .to_owned();
    let col = footer.find("terug").expect("back hint") as u16;
    let back = ui::hit_test(&h.app, size, col, 23).expect("a click on the back hint");
    h.act(back);
    assert!(matches!(h.app.view(), View::Home { .. }));
}

#[test]
fn any_size_draws_without_panic() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "/schulden<Enter><Enter>");
    for (w, ht) in [
        (0, 0),
        (1, 1),
        (5, 2),
        (29, 7),
        (30, 8),
        (33, 9),
        (300, 100),
    ] {
        h.act(Action::Resize(w, ht));
        let t = draw(&h.app, w, ht, ThemeName::Default);
        if w == 0 || ht == 0 {
            continue; // drawn without panic; TestBackend cannot print an empty buffer
        }
        let text = t.backend().to_string();
        if w < 30 || ht < 8 {
            assert!(
                w < 10 || ht < 1 || text.contains("Venster"),
                "{w}x{ht}: {text}"
            );
        }
    }
}

#[test]
fn typing_is_grapheme_aware_and_inert() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "/café");
    h.act(Action::Type("\u{1b}[2J👩‍👩‍👧".into()));
    press(&mut h, "<BS>");
    assert_eq!(h.app.search.input.text(), "café␛[2J");
    assert!(!screen_text(&h.app, 80, 24).contains('\u{1b}'));
}

mod snapshots {
    use super::*;

    fn snap(name: &str, keys: &str, lang: Lang, theme: ThemeName, sizes: &[(u16, u16)]) {
        let mut h = harness(lang);
        for (w, ht) in sizes {
            h.act(Action::Resize(*w, *ht));
            press(&mut h, keys);
            if !name.ends_with("_status") {
                // A status answer ("Bewaard") has gone by the time the screen is looked at.
                h.act(Action::Tick(plein::app::App::STATUS_TIME));
            }
            let t = draw(&h.app, *w, *ht, theme);
            insta::assert_snapshot!(format!("{name}_{w}x{ht}"), with_cursor(t));
            h = harness(lang);
        }
    }

    const ALL: &[(u16, u16)] = &[(80, 24), (40, 12), (200, 60)];

    #[test]
    fn home() {
        snap("home", "", Lang::Nl, ThemeName::Default, ALL);
        snap("home_en", "", Lang::En, ThemeName::Default, &[(80, 24)]);
    }

    #[test]
    fn theme() {
        snap("theme", "1", Lang::Nl, ThemeName::Default, ALL);
    }

    #[test]
    fn search() {
        snap(
            "search_results",
            "/schulden<Enter>",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
        snap(
            "search_empty",
            "/qqqzzz",
            Lang::Nl,
            ThemeName::Default,
            &[(80, 24)],
        );
        snap(
            "search_en",
            "/debts",
            Lang::En,
            ThemeName::Default,
            &[(80, 24)],
        );
    }

    #[test]
    fn reader() {
        snap("story", "1<Enter>", Lang::Nl, ThemeName::Default, ALL);
        snap(
            "resource",
            "2<Down><Enter>",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
        snap("gate", "2<Enter>", Lang::Nl, ThemeName::Default, ALL);
    }

    #[test]
    fn bewaren_answers_in_the_status_line() {
        snap(
            "story_status",
            "1<Enter>b",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
    }

    #[test]
    fn help_while_typing() {
        snap(
            "help_typing",
            "/schul<F2>",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
    }

    #[test]
    fn bookmarks() {
        snap(
            "bookmarks",
            "1b<Down>b<Esc><Esc>bnbellen op maandag<Esc>",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
    }

    #[test]
    fn note_editor() {
        snap(
            "note",
            "1b<Esc>bnbellen op maandag<Enter>om 10 uur",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
    }

    #[test]
    fn qr_code() {
        snap("qr", "<F1><Enter>c", Lang::Nl, ThemeName::Default, ALL);
    }

    #[test]
    fn hulpbriefje() {
        snap("slip", "<F1>b<Esc>bp", Lang::Nl, ThemeName::Default, ALL);
    }

    #[test]
    fn deel_je_ervaring() {
        snap(
            "share",
            "dHet begon met een brief.<Enter>Daarna nog een.",
            Lang::Nl,
            ThemeName::Default,
            ALL,
        );
    }

    #[test]
    fn crisis_and_help() {
        snap("crisis", "<F1>", Lang::Nl, ThemeName::Default, ALL);
        snap("help", "?", Lang::Nl, ThemeName::Default, ALL);
        snap(
            "crisis_en",
            "<F1>",
            Lang::En,
            ThemeName::Default,
            &[(80, 24)],
        );
        snap("too_small", "", Lang::Nl, ThemeName::Default, &[(20, 6)]);
    }

    #[test]
    fn monochrome_keeps_selection_and_matches_visible() {
        let mut h = harness(Lang::Nl);
        press(&mut h, "/schulden<Enter>");
        let t = draw(&h.app, 80, 24, ThemeName::Monochrome);
        let buf = t.backend().buffer();
        let has =
            |m: ratatui::style::Modifier| buf.content().iter().any(|c| c.modifier.contains(m));
        assert!(
            has(ratatui::style::Modifier::REVERSED),
            "selection in reverse video"
        );
        assert!(
            has(ratatui::style::Modifier::UNDERLINED),
            "matches underlined"
        );
        assert!(
            buf.content()
                .iter()
                .all(|c| c.fg == ratatui::style::Color::Reset
                    && c.bg == ratatui::style::Color::Reset),
            "no colour at all"
        );
        insta::assert_snapshot!("search_mono_80x24", with_cursor(t));
    }
}

#[test]
fn a_user_keymap_overrides_rows_and_a_broken_one_is_refused() {
    let user =
        "[[key]]\nscreen = \"home\"\nkeys = [\"x\"]\naction = \"quit\"\ndesc = \"key.quit\"\n";
    let map = Keymap::with_user(user).expect("valid user keymap");
    let x = KeyEvent::from(KeyCode::Char('x'));
    let q = KeyEvent::from(KeyCode::Char('q'));
    assert!(matches!(
        map.action(plein::app::Context::Home, &x),
        Some(Action::Quit)
    ));
    assert!(
        map.action(plein::app::Context::Home, &q).is_none(),
        "the row's keys were replaced"
    );
    assert!(
        Keymap::with_user(
            "[[key]]\nscreen = \"home\"\nkeys = [\"hyperkey\"]\naction = \"quit\"\ndesc = \"d\"\n"
        )
        .is_err()
    );
    assert!(
        Keymap::with_user(
            "[[key]]\nscreen = \"nowhere\"\nkeys = [\"x\"]\naction = \"quit\"\ndesc = \"d\"\n"
        )
        .is_err()
    );
    let default = Keymap::default();
    assert!(
        matches!(
            default.action(
                plein::app::Context::Search,
                &KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)
            ),
            Some(Action::QuickExit)
        ),
        "Ctrl-Q works while typing"
    );
}

#[test]
fn b_keeps_a_story_from_a_list_or_the_reader_and_lists_mark_it() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "1b");
    let id = h.store.list().expect("list")[0].id.clone();
    assert!(h.app.bookmarks.contains(&id));
    assert!(
        screen_text(&h.app, 80, 24).contains("★"),
        "the list marks it"
    );
    press(&mut h, "b");
    assert!(
        h.store.list().expect("list").is_empty(),
        "b again removes it"
    );
    press(&mut h, "<Enter>b");
    assert!(matches!(h.app.view(), View::Reader { .. }));
    assert_eq!(h.store.list().expect("list").len(), 1, "from the reader");
}

#[test]
fn the_bladwijzers_screen_opens_edits_notes_removes_and_undoes() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "1b<Down>b<Esc><Esc>");
    assert!(matches!(h.app.view(), View::Home { .. }));
    press(&mut h, "b");
    assert!(matches!(h.app.view(), View::Bookmarks { .. }));
    let text = screen_text(&h.app, 80, 24);
    assert!(text.contains("2 bewaard"), "{text}");

    // A multi-line note, kept when leaving the editor.
    press(&mut h, "nbellen op maandag<Enter>om 10 uur<Esc>");
    let first = h.store.list().expect("list")[0].clone();
    assert_eq!(first.note, "bellen op maandag\nom 10 uur");
    assert!(screen_text(&h.app, 80, 24).contains("✎ bellen op maandag"));

    // Remove, then undo: back as it was, note and date included.
    press(&mut h, "d");
    assert_eq!(h.store.list().expect("list").len(), 1);
    assert!(screen_text(&h.app, 80, 24).contains("Druk op u"));
    press(&mut h, "u");
    assert_eq!(h.store.get(&first.id).expect("get"), Some(first));

    // Open, and back to the same place.
    press(&mut h, "<Enter>");
    assert!(matches!(
        h.app.view(),
        View::Gate { .. } | View::Reader { .. }
    ));
    press(&mut h, "<Esc>");
    assert!(matches!(h.app.view(), View::Bookmarks { selected: 0 }));
}

#[test]
fn a_bookmark_whose_story_left_the_corpus_is_shown_not_dropped() {
    let mut h = harness(Lang::Nl);
    let gone = plein::bookmarks::Bookmark {
        id: "verdwenen-verhaal".into(),
        kind: "story".into(),
        title: "Een verhaal van vroeger".into(),
        theme: "eenzaamheid".into(),
        note: "voor oma".into(),
        created: 1,
        updated: 1,
    };
    h.app.bookmarks.items.push(gone);
    press(&mut h, "b");
    let text = screen_text(&h.app, 80, 24);
    assert!(text.contains("Een verhaal van vroeger"), "{text}");
    assert!(text.contains("niet meer beschikbaar"), "{text}");
    press(&mut h, "<Enter>");
    assert!(
        matches!(h.app.view(), View::Bookmarks { .. }),
        "nothing to open"
    );
}

#[test]
fn session_only_bookmarks_say_so_on_their_screen() {
    let mut h = harness(Lang::Nl);
    h.app.bookmarks.kept = false;
    press(&mut h, "b");
    assert!(screen_text(&h.app, 80, 24).contains("niet bewaard"));
}

fn kiosk(allow_quit: bool) -> Harness {
    let mut h = harness(Lang::Nl);
    h.app.kiosk = Some(plein::app::Kiosk {
        allow_quit,
        ..plein::app::Kiosk::default()
    });
    h
}

#[test]
fn in_kiosk_mode_q_does_not_quit_unless_allowed() {
    let mut h = kiosk(false);
    press(&mut h, "q");
    assert_eq!(h.exit, None, "q stays in plein");
    assert!(
        !screen_text(&h.app, 120, 24).contains("q stoppen"),
        "and is not offered"
    );
    let mut h = kiosk(true);
    press(&mut h, "q");
    assert_eq!(h.exit, Some(Effect::Quit));
}

#[test]
fn in_kiosk_mode_ctrl_q_and_idle_time_wipe_the_session() {
    for wipe in [Action::QuickExit, Action::Idle] {
        let mut h = kiosk(false);
        press(&mut h, "1b<Enter>");
        press(&mut h, "/casino");
        assert!(h.app.search.results.is_some());
        h.act(wipe.clone());
        assert_eq!(h.exit, Some(Effect::ClearScreen), "{wipe:?}");
        assert!(matches!(
            h.app.stack.as_slice(),
            [View::Home { selected: 0 }]
        ));
        assert_eq!(h.app.search.input.text(), "");
        assert!(h.app.search.results.is_none());
        assert!(h.app.bookmarks.items.is_empty());
        let text = screen_text(&h.app, 80, 24);
        assert!(!text.contains("casino") && !text.contains("★"), "{text}");
    }
    // Outside kiosk mode, idle time changes nothing and Ctrl-Q leaves.
    let mut h = harness(Lang::Nl);
    press(&mut h, "/schulden");
    h.act(Action::Idle);
    assert_eq!(h.app.search.input.text(), "schulden");
    press(&mut h, "<C-q>");
    assert_eq!(h.exit, Some(Effect::QuickExit));
}

/// Reads a QR code back from the cells drawn on screen (its dark-on-light cells), as a phone
/// camera would, and decodes it.
fn scan(t: &Terminal<TestBackend>) -> Option<String> {
    let buf = t.backend().buffer();
    let area = buf.area;
    let ink: Vec<(u16, u16)> = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|(x, y)| buf[(*x, *y)].bg == ratatui::style::Color::White)
        .collect();
    let (x0, y0) = (
        ink.iter().map(|p| p.0).min()?,
        ink.iter().map(|p| p.1).min()?,
    );
    let (x1, y1) = (
        ink.iter().map(|p| p.0).max()?,
        ink.iter().map(|p| p.1).max()?,
    );
    const PX: usize = 4;
    let (w, h) = (usize::from(x1 - x0 + 1), usize::from(y1 - y0 + 1) * 2);
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(w * PX, h * PX, |x, y| {
        let (mx, my) = (x / PX, y / PX);
        let cell = &buf[(x0 + mx as u16, y0 + (my / 2) as u16)];
        matches!((cell.symbol(), my % 2), ("█", _) | ("▀", 0) | ("▄", 1))
    });
    let grids = img.detect_grids();
    grids.first()?.decode().ok().map(|(_, text)| text)
}

#[test]
fn a_resource_s_qr_code_can_be_scanned_from_an_80x24_screen() {
    let corpus = Arc::new(corpus::load(&Source::Bundled).expect("bundled").corpus);
    let mut scanned = 0;
    for r in &corpus.resources {
        let targets = plein::ui::qr::targets(r);
        if targets.is_empty() {
            continue;
        }
        let mut app = App::new(Arc::clone(&corpus), Lang::Nl, Keymap::default());
        app::open_doc(&mut app, &r.id);
        app::update(&mut app, Action::ShowQr);
        for (data, _) in &targets {
            let t = draw(&app, 80, 24, ThemeName::Monochrome);
            assert_eq!(scan(&t).as_deref(), Some(data.as_str()), "{}", r.id);
            scanned += 1;
            app::update(&mut app, Action::NextLink);
        }
    }
    assert!(scanned >= 30, "{scanned} codes scanned");
}

#[test]
fn the_hulpbriefje_shows_kept_resources_in_plain_large_text() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "bp");
    assert!(screen_text(&h.app, 80, 24).contains("Er staat nog niets op je hulpbriefje"));
    press(&mut h, "<Esc><Esc><F1>b<Esc><Esc>bp");
    let text = screen_text(&h.app, 80, 24);
    assert!(text.contains("HULPBRIEFJE"), "{text}");
    assert!(text.contains("TESTLIJN"), "{text}");
    assert!(text.contains("Telefoon:  0800 1234"), "{text}");
    assert!(text.contains("Website: voorbeeld.nl"), "{text}");
    // From a resource itself.
    let mut h = harness(Lang::Nl);
    press(&mut h, "<F1><Enter>p");
    assert!(screen_text(&h.app, 80, 24).contains("TESTLIJN"));
}

const STORY_KEYS: &str = "Het begon met een brief van Piet.<Tab>De deurwaarder kwam.<Enter>Ik was bang.<Tab>\
Het wijkteam hielp.<Tab>Nu gaat het beter.<Tab>Open je post.<Tab>";

#[test]
fn deel_je_ervaring_walks_through_the_form_and_keeps_the_draft() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "d");
    assert!(screen_text(&h.app, 80, 24).contains("Hoe begon het?"));
    press(&mut h, STORY_KEYS);
    press(
        &mut h,
        "Mijn brief<Enter> <Enter><Down><Enter>Sanne<Enter>44<Enter>",
    );
    let text = screen_text(&h.app, 100, 30);
    assert!(text.contains("\"Piet\" lijkt een naam"), "{text}");
    assert!(
        text.contains("“Het begon met een brief van Piet.”"),
        "the sentence is shown: {text}"
    );
    press(&mut h, "r");
    assert!(!screen_text(&h.app, 100, 30).contains("\"Piet\""));
    press(&mut h, "<Enter>j");
    let text = screen_text(&h.app, 100, 30);
    assert!(text.contains("concept nummer 1"), "{text}");
    press(&mut h, "<Enter>");
    assert!(matches!(h.app.view(), View::Home { .. }));
    let drafts = h.store.drafts().expect("drafts");
    assert_eq!(drafts.len(), 1, "one draft, saved as it went");
    let d = &drafts[0].2;
    assert_eq!(d.answer(0), "Het begon met een brief van [naam].");
    assert_eq!(d.answer(1), "De deurwaarder kwam.\nIk was bang.");
    assert_eq!(d.title, "Mijn brief");
    assert_eq!(d.themes, vec!["armoede-en-schulden".to_owned()]);
    assert_eq!(
        (d.perspective.as_str(), d.name.as_str(), d.age),
        ("naaste", "Sanne", Some(44))
    );
    assert!(d.consent.is_some());
}

#[test]
fn leaving_the_form_keeps_the_text_and_a_guest_keeps_nothing() {
    let mut h = harness(Lang::Nl);
    press(&mut h, "dHalverwege<Esc>");
    assert!(matches!(h.app.view(), View::Home { .. }));
    assert_eq!(
        h.store.drafts().expect("drafts")[0].2.answer(0),
        "Halverwege"
    );
    press(&mut h, "d");
    assert!(
        screen_text(&h.app, 80, 24).contains("Halverwege"),
        "back where it was"
    );

    let mut guest = harness(Lang::Nl);
    guest.app.share.keep = false;
    press(&mut guest, "d");
    assert!(screen_text(&guest.app, 100, 30).contains("wordt niets bewaard"));
    press(&mut guest, STORY_KEYS);
    press(&mut guest, "<Esc>");
    assert!(guest.store.drafts().expect("drafts").is_empty());
}

#[test]
fn a_guest_s_finished_story_goes_only_to_the_allowed_place_and_passes_check() {
    let work = tempfile::tempdir().expect("tempdir");
    let corpus = work.path().join("corpus");
    crate::search::copy_dir(&fixture("corpus"), &corpus);
    let inbox = corpus.join("stories/armoede-en-schulden");
    let mut h = harness(Lang::Nl);
    h.app.share.keep = false;
    h.app.share.export = true;
    h.export_dir = Some(inbox.clone());
    press(&mut h, "d");
    press(&mut h, STORY_KEYS);
    press(
        &mut h,
        "Mijn brief<Enter> <Enter><Enter>Sanne<Enter><Enter>r<Enter>j",
    );
    assert!(screen_text(&h.app, 100, 30).contains("klaargezet voor een medewerker"));
    assert!(
        h.store.drafts().expect("drafts").is_empty(),
        "no draft kept"
    );
    let files: Vec<_> = std::fs::read_dir(&inbox)
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("ingezonden-"))
        .collect();
    assert_eq!(files.len(), 1);
    let o = crate::util::plein()
        .arg("check")
        .arg(&corpus)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", crate::util::stdout(&o));
    // Without consent nothing is handed over.
    let mut h = harness(Lang::Nl);
    h.app.share.keep = false;
    h.app.share.export = true;
    h.export_dir = Some(work.path().join("nowhere"));
    press(&mut h, "d");
    press(&mut h, STORY_KEYS);
    press(&mut h, "Titel<Enter> <Enter><Enter><Enter><Enter><Enter>n");
    assert!(!work.path().join("nowhere").exists());
}
