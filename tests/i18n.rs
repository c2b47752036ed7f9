//! Both UI catalogs parse and carry the same keys, so no screen falls back to a raw key.

use plein::i18n::{Catalog, Lang, SOURCES};

#[test]
fn catalogs_parse_and_have_the_same_keys() {
    for (name, src) in SOURCES {
        assert!(
            src.parse::<toml::Table>().is_ok(),
            "assets/i18n/{name}.toml does not parse"
        );
    }
    let (nl, en) = (Catalog::get(Lang::Nl), Catalog::get(Lang::En));
    assert!(nl.keys().len() > 10);
    assert_eq!(
        nl.keys(),
        en.keys(),
        "nl.toml and en.toml must have the same keys"
    );
}

/// The tables `build.rs` makes of the catalogs say what the catalogs say.
#[test]
fn the_built_catalogs_match_their_files() {
    for (lang, (name, src)) in [Lang::Nl, Lang::En].into_iter().zip(SOURCES) {
        let (built, parsed) = (Catalog::get(lang), Catalog::parse(src));
        assert_eq!(built.keys(), parsed.keys(), "{name}.toml");
        for key in parsed.keys() {
            assert_eq!(built.lookup(key), parsed.lookup(key), "{name}.toml: {key}");
        }
    }
}

#[test]
fn placeholders_are_filled() {
    let s = Catalog::get(Lang::En).f("cli.stories", &[("n", &3)]);
    assert_eq!(s, "3 stories");
    assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(Lang::from_locale(Some("nl_NL.UTF-8")), Lang::Nl);
    assert_eq!(Lang::from_locale(None), Lang::Nl);
}
