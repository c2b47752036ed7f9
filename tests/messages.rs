//! One language per message, with correct plurals: every key of both catalogues is walked.

use plein::config::{Key, Problem, ProblemKind, Reason};
use plein::i18n::{Catalog, Lang};

fn placeholders(s: &str) -> Vec<String> {
    let mut names: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
        .filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Diagnostics whose English text quotes a parser's own (English) words as `{detail}`; the
/// Dutch text says what is wrong in Dutch and leaves the English parser text out.
const DETAIL_IN_ENGLISH_ONLY: [&str; 2] = ["diag.bad-toml", "diag.bad-hours"];

/// Messages with `{n}` that count nothing (a step number, "3 gevonden").
const NOT_PLURAL: [&str; 2] = ["ui.found", "ui.share_step"];

#[test]
fn every_key_exists_in_both_languages_with_the_same_placeholders_and_both_plural_forms() {
    let (nl, en) = (Catalog::get(Lang::Nl), Catalog::get(Lang::En));
    assert_eq!(nl.keys(), en.keys());
    for key in nl.keys() {
        let (a, b) = (nl.lookup(key).unwrap_or(""), en.lookup(key).unwrap_or(""));
        assert!(
            !a.trim().is_empty() && !b.trim().is_empty(),
            "{key} is empty"
        );
        let mut english = placeholders(b);
        if DETAIL_IN_ENGLISH_ONLY.contains(&key) {
            assert!(english.contains(&"detail".to_owned()), "{key}: {{detail}}");
            english.retain(|p| p != "detail");
        }
        assert_eq!(placeholders(a), english, "{key}: placeholders differ");
        if let Some(base) = key.strip_suffix("_one") {
            for cat in [nl, en] {
                let other = cat
                    .lookup(base)
                    .unwrap_or_else(|| panic!("{key} without {base}"));
                assert!(other.contains("{n}"), "{base} has no {{n}}");
                let one = cat.lookup(key).unwrap_or("");
                assert!(!one.contains("{n}") && one.contains('1'), "{key}: {one}");
            }
        } else if a.contains("{n}") && !NOT_PLURAL.contains(&key) {
            assert!(
                nl.lookup(&format!("{key}_one")).is_some(),
                "{key} counts something and needs a {key}_one form"
            );
        }
    }
}

#[test]
fn counted_messages_agree_with_their_number() {
    for (lang, one, many) in [
        (Lang::Nl, "1 fout", "3 fouten"),
        (Lang::En, "1 error", "3 errors"),
    ] {
        let cat = Catalog::get(lang);
        assert_eq!(cat.n("cli.errors", 1), one);
        assert_eq!(cat.n("cli.errors", 3), many);
    }
    let nl = Catalog::get(Lang::Nl);
    assert_eq!(nl.n("cli.documents", 1), "1 document");
    assert_eq!(nl.n("config.problems", 1), "1 probleem in de instellingen.");
    assert_eq!(
        nl.n("config.problems", 2),
        "2 problemen in de instellingen."
    );
    let o = crate::util::run(&[
        "check",
        crate::util::fixture("bad-corpus").to_str().unwrap_or(""),
    ]);
    let out = crate::util::stdout(&o);
    assert!(
        !out.contains("1 fouten") && !out.contains("1 documenten"),
        "{out}"
    );
}

#[test]
fn every_settings_message_is_in_the_ui_language_and_none_falls_back_to_its_key() {
    let mut kinds = vec![
        ProblemKind::Syntax,
        ProblemKind::UnknownKey("taal".into(), Some("lang".into())),
        ProblemKind::UnknownKey("taal".into(), None),
        ProblemKind::LockOutsideSystem,
        ProblemKind::BadLock,
        ProblemKind::NotUtf8,
    ];
    for key in Key::ALL {
        kinds.push(ProblemKind::BadValue(key));
        kinds.push(ProblemKind::Locked(key));
    }
    for r in [
        Reason::Missing,
        Reason::Denied,
        Reason::NotAFile,
        Reason::TooLarge,
        Reason::Failed,
    ] {
        kinds.push(ProblemKind::Unreadable(r));
    }
    for lang in [Lang::Nl, Lang::En] {
        let cat = Catalog::get(lang);
        for kind in &kinds {
            let p = Problem {
                file: "c.toml".into(),
                line: 4,
                kind: kind.clone(),
            };
            let text = p.render(cat);
            assert!(text.starts_with("c.toml:4: "), "{text}");
            assert!(!text.contains("config.") && !text.contains('{'), "{text}");
            // English words in a Dutch message (and the other way round) give it away.
            let foreign = if lang == Lang::Nl {
                [" the ", " is not ", " cannot "]
            } else {
                [" de ", " het ", " niet "]
            };
            assert!(
                !foreign.iter().any(|w| text.contains(w)),
                "{lang:?}: {text}"
            );
        }
    }
}
