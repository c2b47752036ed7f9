//! Crisis first, and queries written the way people write: the crisis card for every phrasing
//! of the independent tuning set (and never for its ordinary queries), the card in text, JSON
//! and the app, no dead ends, flags anywhere, snippets that fit.

use crate::util::{run, stdout};
use plein::corpus::{self, Source};
use plein::search::{Filter, SearchIndex, eval};
use std::sync::OnceLock;

fn bundled() -> &'static SearchIndex {
    static IX: OnceLock<SearchIndex> = OnceLock::new();
    IX.get_or_init(|| {
        let c = corpus::load(&Source::Bundled).expect("bundled").corpus;
        SearchIndex::build(&c).expect("index")
    })
}

fn card(q: &str) -> Option<String> {
    bundled()
        .search(q, &Filter::default(), 10)
        .expect("search")
        .crisis
        .map(|c| c.kind)
}

/// Ordinary queries of our own (besides the tuning set's), near crisis words but no crisis.
const ORDINARY: &[&str] = &[
    "ik wil stoppen met gokken",
    "de was ophangen",
    "hang out with friends",
    "ik heb last van mijn knie",
    "de wc is verstopt in de badkamer",
    "ik kan vannacht niet slapen",
    "waar moet ik heen met mijn klacht",
    "ik ga dood van de kou",
    "een dooie boel hier",
    "schulden bij de bank",
    "eenzaam op zondag",
    "gokken op voetbal",
    "geen geld voor de huur",
    "dakloos sinds vorig jaar",
    "vroeger sloeg mijn ex me",
    "ik heb een poging gedaan om te stoppen met gokken",
    "ik wil voorgoed stoppen met gokken",
    "ik wil voorgoed weg uit deze stad",
    "mijn laatste dag op mijn werk",
    "morgen is mijn laatste dag bij de opvang",
    "de dierenarts zegt dat mijn kat doodgaat",
    "als ik er niet meer ben wat gebeurt er met mijn schulden",
    "wie erft mijn schulden als ik er morgen niet meer ben",
];

/// Ordinary queries of the tuning sets that get a card on purpose: a threat to kill from
/// someone at home, said in these words, may be meant (honour-related violence); a card with 112
/// and Veilig Thuis does no harm to someone who meant it as a figure of speech.
/// The same holds for a wish to die told as past: the words that follow ("maar nu gaat het
/// beter") would cancel the card for someone who writes "en nu weer".
const CARD_ON_PURPOSE: &[&str] = &[
    "mijn moeder vermoordt me als ze dit hoort",
    "vroeger wilde ik dood maar nu gaat het beter",
    "tien jaar geleden dacht ik aan zelfmoord, nu gaat het goed en wil ik mijn verhaal delen",
    "ik heb vroeger een poging gedaan, hoe vertel ik dat aan mijn kinderen",
    "vroeger had ik gedachten aan zelfdoding maar het gaat al jaren goed",
    "als kind werd ik geslagen hoe vertel ik dat nu aan mijn partner",
    "ik heb vroeger aan zelfmoord gedacht maar het gaat nu goed, ik wil anderen helpen",
];

#[test]
fn every_crisis_phrasing_of_the_tuning_sets_gets_its_card_and_ordinary_queries_never() {
    let mut set = eval::parse_crisis(include_str!("eval/crisis-tune.toml")).expect("crisis set");
    for more in [
        include_str!("eval/second-tune.toml"),
        include_str!("eval/third-tune.toml"),
        include_str!("eval/fourth-tune.toml"),
        include_str!("eval/fifth-tune.toml"),
        include_str!("eval/sixth-tune.toml"),
        include_str!("eval/seventh-tune.toml"),
        include_str!("eval/eighth-tune.toml"),
        include_str!("eval/ninth-tune.toml"),
        include_str!("eval/tenth-tune.toml"),
    ] {
        let more = eval::parse_crisis(more).expect("tuning set");
        set.crisis.extend(more.crisis);
        set.ordinary.extend(more.ordinary);
    }
    assert!(set.crisis.len() >= 200 && set.ordinary.len() + ORDINARY.len() >= 300);
    let mut wrong = Vec::new();
    for c in &set.crisis {
        let got = card(&c.query);
        if got.as_deref() != Some(c.kind.as_str()) {
            wrong.push(format!("{:?}: want {}, got {got:?}", c.query, c.kind));
        }
    }
    let ordinary = set
        .ordinary
        .iter()
        .map(|o| o.query.as_str())
        .filter(|q| !CARD_ON_PURPOSE.contains(q))
        .chain(ORDINARY.iter().copied());
    for q in ordinary {
        if let Some(k) = card(q) {
            wrong.push(format!("{q:?}: ordinary, got a {k} card"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_held_out_crisis_set_stays_where_it_was_measured() {
    // The test part is judged by its figures only (see BENCHMARKS.md); this keeps them from
    // sliding back. It prints nothing of the queries.
    let set = eval::parse_crisis(include_str!("eval/crisis-test.toml")).expect("crisis set");
    let r = eval::evaluate_crisis(bundled(), &set);
    assert!(r.phrasings >= 40);
    assert!(
        r.recalled * 40 >= r.phrasings * 38 && r.false_positives == 0,
        "recall {}/{}, false cards {}/{}",
        r.recalled,
        r.phrasings,
        r.false_positives,
        r.ordinary
    );
}

#[test]
fn the_card_names_the_help_for_the_kind_and_its_resources_come_first() {
    let r = bundled()
        .search("ik wil niet meer leven", &Filter::default(), 10)
        .expect("search");
    let c = r.crisis.expect("a card");
    assert_eq!(c.kind, "suicide");
    assert_eq!(c.resources, vec!["zelfmoordpreventie-113"]);
    assert_eq!(c.numbers, vec!["113", "0800-0113"]);
    assert_eq!(r.hits[0].id, "zelfmoordpreventie-113");
    let r = bundled()
        .search("hij slaat me nu", &Filter::default(), 10)
        .expect("search");
    // The card names 112 first; the list under it starts with the theme's help, 112 next.
    let ids: Vec<&str> = r.hits.iter().take(2).map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["veilig-thuis", "alarmnummer-112"]);
    let card = r.crisis.expect("card");
    assert_eq!(card.resources, ["alarmnummer-112", "veilig-thuis"]);
    assert_eq!(card.numbers, ["112", "0800-2000"]);
}

#[test]
fn the_card_is_the_first_lines_of_plein_search_and_an_object_in_json() {
    let out = stdout(&run(&["search", "ik", "wil", "dood"]));
    let first: Vec<&str> = out.lines().take(3).collect();
    assert!(first[0].contains("zelfdoding"), "{out}");
    assert!(
        first
            .iter()
            .any(|l| l.contains("113 / 0800-0113") && l.contains("dag en nacht"))
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["search", "--json", "ik wil dood"]))).expect("json");
    assert_eq!(json["crisis"]["kind"], "suicide");
    assert_eq!(json["crisis"]["numbers"][1], "0800-0113");
    let calm: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["search", "--json", "schulden"]))).expect("json");
    assert!(calm["crisis"].is_null());
}

#[test]
fn flags_may_follow_the_query_and_a_leading_dash_goes_after_double_dash() {
    let a = stdout(&run(&["search", "schulden", "--json", "--limit", "3"]));
    let b = stdout(&run(&["search", "--json", "--limit", "3", "schulden"]));
    assert_eq!(a, b);
    assert!(a.contains("\"query\": \"schulden\""));
    let excl = stdout(&run(&["search", "--json", "--", "-gokken", "schulden"]));
    let v: serde_json::Value = serde_json::from_str(&excl).expect("json");
    assert!(v["hits"].as_array().is_some_and(|h| !h.is_empty()));
}

#[test]
fn no_query_ends_in_a_bare_zero() {
    // Close to a corpus word: did you mean.
    let r = bundled()
        .search("deurwaardr", &Filter::default(), 10)
        .expect("search");
    assert!(r.suggestion.is_some() || !r.hits.is_empty());
    // Nothing found: the themes and Hulp nu, with numbers from the resource files.
    let out = stdout(&run(&["search", "xqzvbn"]));
    assert!(out.contains("--theme eenzaamheid"), "{out}");
    assert!(
        out.contains("Hulp nu nodig?") && out.contains("113 / 0800-0113"),
        "{out}"
    );
}

#[test]
fn snippets_fit_the_width_and_keep_the_match() {
    for width in [40, 60, 100] {
        let out = stdout(&run(&[
            "search",
            "--width",
            &width.to_string(),
            "deurwaarder",
        ]));
        for l in out
            .lines()
            .filter(|l| l.starts_with("   ") && !l.contains("id: "))
        {
            assert!(l.chars().count() <= width, "{width}: {l:?}");
        }
        assert!(out.contains("*deurwaarder"), "{out}");
    }
}

#[test]
fn people_s_words_find_their_theme() {
    let first = |q: &str| {
        let r = bundled().search(q, &Filter::default(), 5).expect("search");
        r.hits.first().map(|h| h.themes.clone()).unwrap_or_default()
    };
    for (q, theme) in [
        ("hij sloeg me", "partnergeweld"),
        ("mijn vriend heeft me geschopt", "partnergeweld"),
        ("platzak", "armoede-en-schulden"),
        ("broke", "armoede-en-schulden"),
        ("eenzaamheidsgevoelens", "eenzaamheid"),
        ("homeless", "thuisloosheid"),
        ("ik heb alles vergokt", "gokverslaving"),
        ("sports betting", "gokverslaving"),
    ] {
        assert!(first(q).iter().any(|t| t == theme), "{q}: {:?}", first(q));
    }
}

#[test]
fn help_seeking_queries_put_resources_first() {
    let r = bundled()
        .search("veilig thuis nummer", &Filter::default(), 10)
        .expect("search");
    assert!(r.hits.iter().take(3).any(|h| h.id == "veilig-thuis"));
    let r = bundled()
        .search("hulplijn eenzaamheid bellen", &Filter::default(), 10)
        .expect("search");
    assert_eq!(r.hits[0].kind, plein::search::Kind::Resource);
    // Someone who is homeless finds help for the whole country first, not a group that speaks
    // up for homeless people in one city.
    for q in ["homeless", "ik ben dakloos", "daklozen"] {
        let r = bundled().search(q, &Filter::default(), 10).expect("search");
        let first = r.hits.first().map(|h| h.id.as_str());
        assert!(
            matches!(first, Some("leger-des-heils" | "daklozenvakbond")),
            "{q}: {first:?}"
        );
    }
}

#[test]
fn odd_input_never_panics_and_never_cards_by_accident() {
    let long = "schulden ".repeat(12_000);
    for q in [
        "",
        "de het een",
        "\u{1b}[2J\u{7}",
        "\"ik wil",
        "((( ]]]",
        long.as_str(),
    ] {
        let r = bundled().search(q, &Filter::default(), 10).expect("search");
        assert!(r.crisis.is_none(), "{q:?}");
    }
}

#[test]
fn the_lexicons_pass_plein_check() {
    let c = corpus::load(&Source::Bundled).expect("bundled").corpus;
    let themes: Vec<&str> = c.themes.iter().map(|t| t.slug.as_str()).collect();
    let ids: Vec<&str> = c.resources.iter().map(|r| r.id.as_str()).collect();
    let d = plein::search::lexicon::check(&themes, &ids);
    assert!(d.is_empty(), "{d:?}");
    // A crisis file naming an unknown resource fails with file:line.
    let lines = crisis_diags(
        "[[kind]]\nslug = \"suicide\"\nresources = [\"nope\"]\n\n[[kind]]\nslug = \"x\"\nresources = []\n",
        &ids,
    );
    assert_eq!(lines, [(3, "unknown-resource"), (6, "unknown-crisis-kind")]);
    // A word class twice, and a signal naming a class nobody declared.
    let lines = crisis_diags(
        "[[kind]]\nslug = \"suicide\"\nresources = []\n\n[[class]]\nname = \"a\"\nwords = \"x\"\n\n\
         [[class]]\nname = \"a\"\nwords = \"y\"\n\n[[signal]]\nkind = \"suicide\"\nwords = \"$b z\"\n",
        &ids,
    );
    assert_eq!(
        lines,
        [(10, "duplicate-crisis-class"), (15, "unknown-crisis-class")]
    );
}

#[test]
fn word_classes_and_the_end_of_the_query_shape_a_signal() {
    let ids = ["hulp"];
    let mut d = Vec::new();
    let signals = plein::search::crisis::parse(
        "t.toml",
        "[[kind]]\nslug = \"suicide\"\nresources = [\"hulp\"]\n\n\
         [[class]]\nname = \"want\"\nwords = \"wil|wou want\"\n\n\
         [[signal]]\nkind = \"suicide\"\nwords = \"$want|hoef niet meer\"\norder = true\nlast = true\n",
        Some(&ids),
        &mut d,
    );
    assert!(d.is_empty(), "{d:?}");
    let fires = |q: &str| signals.detect_text(q).is_some();
    // The class stands for each of its words; a word beside it in the slot still counts.
    assert!(fires("ik wil niet meer"));
    assert!(fires("nu wou ik ook niet meer"));
    assert!(fires("het hoef voor mij niet meer"));
    // `last`: only stop words may follow the last slot.
    assert!(!fires("ik wil niet meer gokken"));
    assert!(!fires("ik wil niet meer naar mijn werk"));
    // `order`: the slots in this order.
    assert!(!fires("niet meer wil ik"));
}

#[test]
fn unless_on_a_kind_cancels_each_of_its_signals() {
    let ids = ["hulp"];
    let mut d = Vec::new();
    let signals = plein::search::crisis::parse(
        "t.toml",
        "[[kind]]\nslug = \"child\"\nresources = [\"hulp\"]\nunless = \"$fiction\"\n\n\
         [[kind]]\nslug = \"danger-now\"\nresources = [\"hulp\"]\n\n\
         [[class]]\nname = \"fiction\"\nwords = \"film|boek\"\n\n\
         [[signal]]\nkind = \"child\"\nwords = \"kind slaan\"\n\n\
         [[signal]]\nkind = \"child\"\nwords = \"kind schoppen\"\nunless = \"voetbal\"\n\n\
         [[signal]]\nkind = \"danger-now\"\nwords = \"mes\"\n",
        Some(&ids),
        &mut d,
    );
    assert!(d.is_empty(), "{d:?}");
    let kind = |q: &str| signals.detect_text(q);
    assert_eq!(kind("ze slaan het kind"), Some("child"));
    // The kind's `unless` cancels every signal of the kind, with the signal's own `unless`.
    assert_eq!(kind("een film waarin ze het kind slaan"), None);
    assert_eq!(kind("in het boek schoppen ze een kind"), None);
    assert_eq!(kind("bij voetbal schoppen ze een kind"), None);
    // Other kinds are not touched by it.
    assert_eq!(kind("in de film heeft hij een mes"), Some("danger-now"));
    // A kind naming a class nobody declared fails with its line.
    let lines = crisis_diags(
        "[[kind]]\nslug = \"child\"\nresources = []\nunless = \"$nope\"\n",
        &ids,
    );
    assert_eq!(lines, [(4, "unknown-crisis-class")]);
}

#[test]
fn signals_catch_how_danger_is_said_without_its_usual_words() {
    let text = include_str!("../data/crisis.toml");
    let mut d = Vec::new();
    let s = plein::search::crisis::parse("data/crisis.toml", text, None, &mut d);
    assert!(d.is_empty(), "{d:?}");
    for (q, kind) in [
        ("straks spring ik van de flat", "suicide"),
        ("ik denk steeds aan sterven", "suicide"),
        ("niemand gaat me missen", "suicide"),
        ("ik snij mezelf weer", "suicide"),
        ("ik wil het zo graag niet meer wakker worden", "suicide"),
        ("papa schopt mama", "child"),
        ("de baby heeft brandplekken op zijn rug", "child"),
        ("hij zei: morgen maak ik je af", "danger-now"),
        ("hij schreeuwt dat hij me vermoordt", "danger-now"),
        ("er is net iemand binnengedrongen", "danger-now"),
        ("de winteropvang is vol", "no-shelter"),
        ("ik slaap al weken onder een viaduct", "no-shelter"),
    ] {
        assert_eq!(s.detect_text(q), Some(kind), "{q}");
    }
    for q in [
        // A stop word is not another word with the same stem: "kan" is not "kant".
        "hij duwde me van de fiets en ik kan niet meer lopen",
        // Getting through, a goodbye at work, a door locked to study: no card.
        "als ervaringsdeskundige vertel ik over mijn zelfmoordpoging",
        "een afscheidsbrief voor de juf van school",
        "ik heb mezelf opgesloten om te leren",
        "ik wil dat de schulden er niet meer zijn",
    ] {
        assert_eq!(s.detect_text(q), None, "{q}");
    }
}

/// The (line, code) of each problem `plein check` finds in a crisis file.
fn crisis_diags(text: &str, ids: &[&str]) -> Vec<(usize, &'static str)> {
    let mut d = Vec::new();
    plein::search::crisis::parse("data/crisis.toml", text, Some(ids), &mut d);
    d.iter().map(|x| (x.line, x.code)).collect()
}

#[test]
fn a_stated_age_brings_the_help_for_that_age() {
    let top3 = |q: &str| -> Vec<String> {
        bundled()
            .search(q, &Filter::default(), 10)
            .expect("search")
            .hits
            .iter()
            .take(3)
            .map(|h| h.id.clone())
            .collect()
    };
    let young = top3("ik ben 14 en ik voel me zo alleen, met wie kan ik praten");
    assert!(young.iter().any(|id| id == "kindertelefoon"), "{young:?}");
    let old = top3("ik ben 79 jaar en er belt nooit iemand, wie kan helpen");
    assert!(old.iter().any(|id| id == "zilverlijn"), "{old:?}");
    // A number that is not an age changes nothing of the kind.
    let money = top3("ik heb 14 euro voor de hele week, wie kan helpen");
    assert!(!money.iter().any(|id| id == "kindertelefoon"), "{money:?}");
}

#[test]
fn a_volunteer_s_words_for_the_visitor_are_not_the_topic() {
    let first = |q: &str| -> (String, Vec<String>) {
        let r = bundled().search(q, &Filter::default(), 10).expect("search");
        let h = r.hits.first().expect("a hit");
        (h.id.clone(), h.themes.clone())
    };
    // "bezoeker" is no corpus word; read as a typo it pulled a loneliness site to the top.
    let (id, themes) = first("voor een bezoeker die zijn huur niet meer kan betalen");
    assert!(
        themes.contains(&"armoede-en-schulden".to_owned()),
        "{id} {themes:?}"
    );
    let (id, themes) = first("ik zoek iets voor een cliënte die veel gokt");
    assert!(
        themes.contains(&"gokverslaving".to_owned()),
        "{id} {themes:?}"
    );
    // Alone, the word is still searched: no empty screen.
    assert!(
        bundled()
            .search("bezoeker", &Filter::default(), 10)
            .expect("search")
            .total
            > 0
    );
    // The crisis signals still read every word: "hij zoekt me" is a threat.
    assert_eq!(card("help hij zoekt me nu").as_deref(), Some("danger-now"));
}

#[test]
fn a_compound_of_four_parts_finds_what_its_parts_find() {
    let r = bundled()
        .search("energierekeningachterstandsbrief", &Filter::default(), 10)
        .expect("search");
    assert!(r.total > 0, "no hits");
    assert!(
        r.hits[0].themes.contains(&"armoede-en-schulden".to_owned()),
        "{:?}",
        r.hits[0]
    );
}

#[test]
fn a_compound_of_lexicon_words_points_to_their_theme() {
    // The last: no corpus word is part of it; its lexicon part's corpus words find the stories.
    for (q, theme) in [
        ("fruitautomatenhal", "gokverslaving"),
        ("kansspelproblemen", "gokverslaving"),
        ("uitzettingsprocedurebrief", "thuisloosheid"),
    ] {
        let r = bundled().search(q, &Filter::default(), 10).expect("search");
        let first = r.hits.first().expect("a hit");
        assert!(first.themes.contains(&theme.to_owned()), "{q}: {first:?}");
    }
}
