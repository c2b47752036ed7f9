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

#[test]
fn placeholders_are_filled() {
    let s = Catalog::get(Lang::En).f("cli.stories", &[("n", &3)]);
    assert_eq!(s, "3 stories");
    assert_eq!(Lang::from_locale(Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(Lang::from_locale(Some("nl_NL.UTF-8")), Lang::Nl);
    assert_eq!(Lang::from_locale(None), Lang::Nl);
}
