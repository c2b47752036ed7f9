//! `plein check` speaks one language: every diagnostic message, hint, level word and summary in
//! Dutch or English, never a mix. The message keys are found in the source, not kept by hand.

use crate::util::{fixture, run, stdout};
use plein::corpus::{self, Source};
use plein::i18n::{Catalog, Lang};
use std::collections::BTreeSet;
use std::path::Path;

/// Every `"diag.…"` string literal in `src/`: the keys the diagnostics are built with.
fn keys_in_source() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                for (i, _) in text.match_indices("\"diag.") {
                    let rest = &text[i + 1..];
                    let end = rest.find('"').expect("closed literal");
                    let key = &rest[..end];
                    if key.len() > "diag.".len()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
                    {
                        out.insert(key.to_owned());
                    }
                }
            }
        }
    }
    let mut keys = BTreeSet::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut keys,
    );
    keys
}

/// Words that are the same in Dutch and English.
const SAME_IN_BOTH: [&str; 2] = ["diag.what.tag", "diag.pii.postcode"];

#[test]
fn every_diagnostic_key_in_the_source_has_a_dutch_and_an_english_text() {
    let keys = keys_in_source();
    assert!(
        keys.len() > 80,
        "the scan finds the diagnostic keys: {keys:?}"
    );
    let (nl, en) = (Catalog::get(Lang::Nl), Catalog::get(Lang::En));
    for key in &keys {
        let (a, b) = (nl.lookup(key), en.lookup(key));
        assert!(
            a.is_some_and(|t| !t.trim().is_empty()),
            "{key} has no Dutch text"
        );
        assert!(
            b.is_some_and(|t| !t.trim().is_empty()),
            "{key} has no English text"
        );
        if !SAME_IN_BOTH.contains(&key.as_str()) {
            assert_ne!(a, b, "{key}: the Dutch text is the English one");
        }
    }
    // And no catalog text is left over from a message that no longer exists.
    for cat in [nl, en] {
        for key in cat.keys().into_iter().filter(|k| k.starts_with("diag.")) {
            let base = key.strip_suffix("_one").unwrap_or(key);
            assert!(keys.contains(base), "{key} is in a catalog but not used");
        }
    }
}

/// All diagnostics the test corpora produce: the bad corpus and the stale local overlay.
fn sample_diagnostics() -> Vec<plein::diag::Diagnostic> {
    let bad = corpus::load(&Source::Dir(fixture("bad-corpus"))).expect("bad corpus loads");
    let (local, problem) = corpus::load_with(
        &Source::Dir(fixture("corpus")),
        Some(&fixture("local-stale")),
    )
    .expect("overlay loads");
    assert!(problem.is_none());
    let mut all = bad.diagnostics;
    all.extend(local.diagnostics);
    all
}

#[test]
fn every_produced_diagnostic_renders_with_all_its_placeholders_filled_in_both_languages() {
    let diags = sample_diagnostics();
    assert!(diags.len() >= 18, "{diags:?}");
    for lang in [Lang::Nl, Lang::En] {
        let cat = Catalog::get(lang);
        for d in &diags {
            let text = d.render(cat);
            assert!(
                !text.contains("diag."),
                "{lang:?}: a key shows instead of a text: {text}"
            );
            for (name, _) in d.message.args.iter() {
                assert!(
                    !text.contains(&format!("{{{name}}}")),
                    "{lang:?}: {{{name}}} left open: {text}"
                );
            }
            assert!(
                !text.contains("{value}") && !text.contains("{field}") && !text.contains("{id}"),
                "{lang:?}: a placeholder without a value: {text}"
            );
        }
    }
}

/// The text of each output line without the file name (file names such as `unknown-tag.md`
/// are the user's, in any language).
fn texts(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| match l.find(".md:") {
            Some(i) => l[i + 4..].to_owned(),
            None => l.to_owned(),
        })
        .collect()
}

#[test]
fn check_in_dutch_says_everything_in_dutch() {
    let dir = fixture("bad-corpus");
    let o = run(&["check", "--corpus", dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "bad-date.md:8:11: fout: `checked` moet een datum zijn zoals 2026-11-22, niet \"2026-02-30\"",
        "  tip: de datum waarop de gegevens voor het laatst zijn nagekeken bij de bron",
        "bad-toml.md:13:19: fout: de tekst tussen aanhalingstekens wordt niet afgesloten met \"",
        "duplicate-a.md:2:6: waarschuwing: dit verhaal hoort op de plek stories/eenzaamheid/dubbel.md",
        "missing-title.md:1:1: fout: het verplichte veld `title` ontbreekt",
        "unknown-theme.md:5:26: fout: er is geen thema `armoede`",
        "unknown-tag.md:6:18: fout: er is geen tag `gokkasten`",
        "16 fouten, 2 waarschuwingen in 18 documenten",
    ] {
        assert!(out.contains(want), "{want}\nin:\n{out}");
    }
    for text in texts(&out) {
        let lower = text.to_lowercase();
        for english in [
            "error", "warning", "hint", "must", "expected", "invalid", "unknown", "missing",
            "is not", "does not", "links ", "file",
        ] {
            assert!(
                !lower.contains(english),
                "English word `{english}` in a Dutch line: {text}"
            );
        }
    }
}

#[test]
fn check_in_english_says_everything_in_english() {
    let dir = fixture("bad-corpus");
    let o = run(&[
        "--lang",
        "en",
        "check",
        "--corpus",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "bad-date.md:8:11: error: `checked` must be a date like 2026-11-22, not \"2026-02-30\"",
        "  hint: the date the facts were last checked against their source",
        "bad-toml.md:13:19: error: the text between quotes is not closed with \"",
        "duplicate-a.md:2:6: warning: expected this story at stories/eenzaamheid/dubbel.md",
        "unknown-theme.md:5:26: error: unknown theme `armoede`",
        "16 errors, 2 warnings in 18 documents",
    ] {
        assert!(out.contains(want), "{want}\nin:\n{out}");
    }
    for text in texts(&out) {
        for dutch in [
            "fout",
            "waarschuwing",
            "tip:",
            " het ",
            " de ",
            "bestaat niet",
            "geen",
            " moet ",
        ] {
            assert!(
                !text.contains(dutch),
                "Dutch word `{dutch}` in an English line: {text}"
            );
        }
    }
}

#[test]
fn check_json_keeps_the_stable_code_and_renders_the_message_in_the_ui_language() {
    let dir = fixture("bad-corpus");
    let dir = dir.to_str().expect("utf-8 path");
    for (lang, message, hint) in [
        (
            "nl",
            "`checked` moet een datum zijn zoals 2026-11-22, niet \"2026-02-30\"",
            "de datum waarop de gegevens voor het laatst zijn nagekeken bij de bron",
        ),
        (
            "en",
            "`checked` must be a date like 2026-11-22, not \"2026-02-30\"",
            "the date the facts were last checked against their source",
        ),
    ] {
        let o = run(&["--lang", lang, "check", "--json", "--corpus", dir]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
        let d = v["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .find(|d| d["code"] == "bad-date")
            .expect("bad-date reported");
        assert_eq!(d["severity"], "error", "{lang}");
        assert_eq!(d["message"], message, "{lang}");
        assert_eq!(d["hint"], hint, "{lang}");
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(8), Some(11))
        );
    }
}

/// A corpus with many kinds of mistakes at once, beyond the bad-corpus fixture.
fn many_mistakes() -> (tempfile::TempDir, Vec<plein::diag::Diagnostic>) {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::search::copy_dir(&fixture("corpus"), dir.path());
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "resources/kapotte-hulp.md",
        "+++\nid = \"Kapotte Hulp\"\nname = \"K\"\nkind = \"hulplijnn\"\nthemes = [\"eenzaamheid\"]\nsummary = \"S\"\nphone = [\"bel ons\"]\nurl = \"geen adres\"\nopening_hours = \"maandag\"\naddress = \"ergens\"\nstories = [\"stille-zondagn\"]\nsource = \"s\"\nchecked = \"gisteren\"\n+++\n",
    );
    write(
        "resources/verkeerde-plek-x.md",
        "+++\nid = \"verkeerde-plek\"\nname = \"V\"\nkind = \"hulplijn\"\nthemes = [\"eenzaamheid\"]\nsummary = \"S\"\nphone = [\"0800-1234\"]\nsource = \"s\"\nchecked = 2020-01-01\n+++\nTekst.\n",
    );
    write(
        "stories/eenzaamheid/ingezonden.md",
        "+++\nid = \"ingezonden\"\ntitle = \"T\"\nsummary = \"S\"\nthemes = []\ntags = []\nperspective = \"zelf\"\nphases = [\"middenin\"]\nresources = [\"hulplijnn\"]\norigin = \"ingezonden\"\nlang = \"nl\"\n[narrator]\nage = 300\ngender = \"vrouww\"\n+++\nIk heet Piet en ik woon op Dorpsstraat 12 en het ging slecht met mij en ik dacht aan de dood en aan schulden en aan alles wat er maar mis kon gaan in een leven dat zo lang duurde als het mijne.\n",
    );
    write("stories/eenzaamheid/leeg.md", "+++\nid = \"leeg\"\n");
    write(
        "stories/eenzaamheid/veld.md",
        "+++\nid = \"veld\"\ntitel = \"T\"\n+++\nTekst.\n",
    );
    write("notities.txt", "geen corpusbestand");
    let loaded = corpus::load(&Source::Dir(dir.path().to_owned())).expect("loads");
    (dir, loaded.diagnostics)
}

#[test]
fn many_kinds_of_mistakes_render_completely_in_both_languages() {
    let (_dir, mut diags) = many_mistakes();
    diags.extend(sample_diagnostics());
    let codes: BTreeSet<&str> = diags.iter().map(|d| d.code).collect();
    assert!(codes.len() >= 25, "{codes:?}");
    let piet = diags
        .iter()
        .find(|d| d.code == "privacy" && d.message.has_arg("text", "Piet"))
        .expect("the name is found");
    assert!(
        piet.render(Catalog::get(Lang::En)).contains(
            "warning: `Piet` may identify someone (name)\n  hint: replace it with [naam]"
        ),
        "{piet:?}"
    );
    assert!(
        piet.render(Catalog::get(Lang::Nl))
            .contains("waarschuwing: `Piet` kan iemand herkenbaar maken (naam)"),
        "{piet:?}"
    );
    let unknown_field = diags
        .iter()
        .find(|d| d.path.ends_with("veld.md"))
        .expect("the unknown field is reported");
    assert_eq!(unknown_field.code, "bad-toml");
    assert!(
        unknown_field
            .render(Catalog::get(Lang::Nl))
            .contains("fout: plein kent het veld `titel` niet; de velden zijn: id, title,"),
        "{unknown_field:?}"
    );
    for lang in [Lang::Nl, Lang::En] {
        let cat = Catalog::get(lang);
        for d in &diags {
            for m in std::iter::once(&d.message).chain(d.hint.as_deref()) {
                let template = cat.lookup(m.key).expect("catalog text");
                let text = m.render(cat);
                for name in template
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n))
                {
                    assert!(
                        !text.contains(&format!("{{{name}}}")),
                        "{lang:?} {}: {{{name}}} has no value: {text}",
                        d.code
                    );
                }
            }
        }
    }
}
