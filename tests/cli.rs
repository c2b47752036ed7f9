//! The CLI verbs through the real binary.

use crate::util::{fixture, plein, run, stderr, stdout};
use std::io::Read;
use std::process::Stdio;

#[test]
fn check_passes_on_the_bundled_corpus() {
    let o = run(&["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("Geen fouten"), "{}", stdout(&o));
}

#[test]
fn check_lists_every_problem_of_the_bad_corpus_and_fails() {
    let dir = fixture("bad-corpus");
    let o = run(&["check", dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let files = [
        "bad-toml.md",
        "missing-title.md",
        "empty-summary.md",
        "unknown-theme.md",
        "unknown-tag.md",
        "unknown-perspective.md",
        "duplicate-b.md",
        "unknown-resource.md",
        "bad-date.md",
        "empty-body.md",
        "invalid-utf8.md",
        "control-chars.md",
        "no-front-matter.md",
        "too-large.md",
        "symlink-outside.md",
    ];
    for f in files {
        let found = out.lines().any(|l| {
            let mut parts = l.splitn(4, ':');
            let (path, line, col) = (parts.next(), parts.next(), parts.next());
            path.is_some_and(|p| p.ends_with(f))
                && line.is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n >= 1))
                && col.is_some_and(|n| n.parse::<usize>().is_ok())
                && l.contains(": fout: ")
        });
        assert!(found, "no path:line:col error for {f} in:\n{out}");
    }
    assert!(out.contains("16 fouten"), "summary count:\n{out}");
    assert!(
        !out.contains('\u{1b}'),
        "control characters never reach the terminal"
    );
}

#[test]
fn check_json_has_the_same_problems() {
    let dir = fixture("bad-corpus");
    let o = run(&["check", "--json", dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["errors"], 16);
    let diags = v["diagnostics"].as_array().expect("array");
    assert!(
        diags
            .iter()
            .all(|d| d["path"].is_string() && d["line"].as_u64() >= Some(1))
    );
    assert!(diags.iter().any(|d| d["code"] == "symlink-outside"));
}

#[test]
fn themes_lists_the_five_themes_with_counts() {
    let o = run(&["themes", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let slugs: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|t| t["slug"].as_str())
        .collect();
    assert_eq!(slugs, plein::corpus::THEME_SLUGS);
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .all(|t| t["resources"].as_u64() >= Some(1))
    );
    let plain = stdout(&run(&["themes"]));
    assert!(
        plain.contains("Armoede en schulden") && plain.contains("hulpbronnen"),
        "{plain}"
    );
    let english = stdout(&run(&["--lang", "en", "themes"]));
    assert!(
        english.contains("Poverty and debt") && english.contains("resources"),
        "{english}"
    );
}

#[test]
fn show_prints_a_resource_as_wrapped_text() {
    let o = run(&["show", "veilig-thuis", "--width", "40"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("0800-2000") && out.contains("Gecontroleerd op 2026-11-22"),
        "{out}"
    );
    assert!(out.lines().all(|l| plein::text::width(l) <= 40), "{out}");
}

#[test]
fn show_json_and_unknown_ids() {
    let o = run(&["show", "zelfmoordpreventie-113", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["resource"]["phone"][0], "113");
    let o = run(&["show", "bestaat-\u{1b}[2J-niet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("plein check") || stderr(&o).contains("plein search"));
    assert!(!stderr(&o).contains('\u{1b}'), "the id is echoed inert");
}

#[test]
fn the_binary_runs_from_an_empty_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = plein()
        .arg("themes")
        .current_dir(dir.path())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Gokverslaving"));
}

#[test]
fn a_skipped_document_is_announced_with_a_pointer_to_check() {
    let dir = fixture("bad-corpus");
    let o = run(&["--corpus", dir.to_str().expect("utf-8 path"), "themes"]);
    assert!(o.status.success(), "the app loads what it can");
    assert!(
        stderr(&o).contains("14 documenten") && stderr(&o).contains("plein check"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_unreadable_corpus_directory_exits_2_with_its_name() {
    let o = run(&["--corpus", "/nonexistent/plein-corpus", "themes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/plein-corpus"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = plein()
        .args(["show", "veilig-thuis"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    assert!(status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_config_file_sets_the_language_and_options_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "lang = \"en\"\n").expect("write");
    let o = plein()
        .env("PLEIN_CONFIG", &cfg)
        .arg("themes")
        .output()
        .expect("run");
    assert!(stdout(&o).contains("Poverty and debt"), "{}", stdout(&o));
    let o = plein()
        .env("PLEIN_CONFIG", &cfg)
        .args(["--lang", "nl", "themes"])
        .output()
        .expect("run");
    assert!(stdout(&o).contains("Armoede en schulden"));
    let o = plein()
        .env("PLEIN_CONFIG", &cfg)
        .env("LANG", "nl_NL.UTF-8")
        .arg("themes")
        .output()
        .expect("run");
    assert!(
        stdout(&o).contains("Poverty and debt"),
        "the file wins over LANG"
    );
    std::fs::write(&cfg, "taal = \"en\"\n").expect("write");
    let o = plein()
        .env("PLEIN_CONFIG", &cfg)
        .arg("themes")
        .output()
        .expect("run");
    assert!(o.status.success(), "a broken config file is not fatal");
    assert!(
        stderr(&o).contains("config.toml") && stderr(&o).contains("taal"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn hulp_lists_the_crisis_lines_in_the_order_of_hulp_nu() {
    let corpus = plein::corpus::load(&plein::corpus::Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    let expected: Vec<String> = plein::app::crisis_resources(&corpus)
        .into_iter()
        .map(|i| corpus.resources[i].id.clone())
        .collect();
    let o = run(&["hulp", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(v[0]["phone"][0], "112", "112 comes first");
    assert_eq!(v[1]["phone"][0], "113");
    for r in v.as_array().expect("array") {
        for field in ["name", "kind", "summary", "checked", "source"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
        assert!(r["phone"].is_array() && r["themes"].is_array());
        assert_eq!(r["crisis"], true);
    }
    // The text gives every number with its hours, from the resource files.
    let text = stdout(&run(&["hulp"]));
    // Lines are wrapped: compare with the whitespace folded.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = text.find("1. ").expect("numbered");
    assert!(text[..first].contains("Hulp nu"), "{text}");
    for id in &expected {
        let r = corpus.resource(id).expect("resource");
        for p in &r.phone {
            assert!(text.contains(p.as_str()), "{p} missing in {text}");
        }
        if let Some(h) = &r.hours {
            assert!(text.contains(&format!("({h})")), "{h} missing in {text}");
        }
    }
    assert!(text.find("112").expect("112") < text.find("113").expect("113"));
    let english = stdout(&run(&["--lang", "en", "hulp"]));
    assert!(english.starts_with("Help now"), "{english}");
}

#[test]
fn themes_theme_lists_that_themes_stories_and_help() {
    let o = run(&["themes", "gokverslaving", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["slug"], "gokverslaving");
    assert_eq!(v["name"], "Gokverslaving");
    let stories = v["stories"].as_array().expect("stories");
    assert!(stories.len() >= 3, "{v}");
    assert!(stories.iter().all(|s| s["id"].is_string()
        && s["title"].is_string()
        && s["summary"].is_string()
        && s["perspective"].is_string()));
    let resources = v["resources"].as_array().expect("resources");
    assert!(resources.iter().all(|r| {
        r["themes"]
            .as_array()
            .expect("themes")
            .iter()
            .any(|t| t == "gokverslaving")
    }));
    // Every story listed really names the theme, and the text shows the same titles.
    let text = stdout(&run(&["themes", "gokverslaving"]));
    for s in stories {
        let id = s["id"].as_str().expect("id");
        assert!(text.contains(&format!("id: {id}")), "{id} missing");
    }
    assert!(text.starts_with("Gokverslaving (gokverslaving)"), "{text}");
    // Without an argument, the list of themes stays as it was.
    assert!(stdout(&run(&["themes"])).contains("eenzaamheid"));
    // English names with --lang en.
    let english = stdout(&run(&["--lang", "en", "themes", "gokverslaving"]));
    assert!(english.starts_with("Gambling addiction"), "{english}");
}

#[test]
fn an_unknown_theme_names_the_known_ones_and_exits_2() {
    for args in [
        &["themes", "geluk"][..],
        &["resources", "--theme", "geluk"][..],
        &["themes", "gel\u{1b}[2Juk", "--json"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        for slug in plein::corpus::THEME_SLUGS {
            assert!(err.contains(slug), "{slug} missing in {err}");
        }
        assert!(!err.contains('\u{1b}'), "the theme is echoed inert");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn resources_lists_all_or_one_themes_help() {
    let all: serde_json::Value =
        serde_json::from_slice(&run(&["resources", "--json"]).stdout).expect("valid JSON");
    let all = all.as_array().expect("array");
    assert!(all.len() >= 10);
    let o = run(&["resources", "--theme", "thuisloosheid", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let some: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let some = some.as_array().expect("array");
    assert!(!some.is_empty() && some.len() < all.len());
    assert!(some.iter().all(|r| {
        r["themes"]
            .as_array()
            .expect("themes")
            .iter()
            .any(|t| t == "thuisloosheid")
    }));
    let text = stdout(&run(&["resources", "--theme", "Thuisloosheid"]));
    for r in some {
        assert!(text.contains(r["name"].as_str().expect("name")), "{text}");
    }
    assert!(
        text.lines().all(|l| plein::text::width(l) <= 80),
        "wrapped at 80: {text}"
    );
}

#[test]
fn hulp_and_resources_show_help_nearby_first_with_its_opening_state() {
    let local = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/lokaal");
    // Thursday 11:00 in Amsterdam: the night shelter is closed until the evening.
    let o = run(&["hulp", "--local", local]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    let shelter = text
        .find("Nachtopvang De Lantaarn")
        .expect("local shelter listed");
    assert!(
        text.find("113").expect("113") < shelter,
        "112 and 113 stay first"
    );
    assert!(
        text[shelter..].starts_with(
            "Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (gesloten, opent 20:00) in de buurt: Voorbeeldstad"
        ),
        "{text}"
    );
    assert!(text.contains("Adres: Stationsweg 1"), "{text}");
    // A theme's resources: the local walk-in hour first, open now, in text and JSON.
    let text = stdout(&run(&[
        "resources",
        "--theme",
        "armoede-en-schulden",
        "--local",
        local,
    ]));
    assert!(
        text.starts_with(
            "1. Inloopspreekuur geldzorgen (voorbeeld): 0000-000003 (nu open tot 12:00)"
        ),
        "{text}"
    );
    let o = run(&[
        "resources",
        "--theme",
        "armoede-en-schulden",
        "--local",
        local,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v[0]["id"], "inloop-schuldhulp-voorbeeldstad");
    assert_eq!(v[0]["local"], true);
    assert_eq!(v[0]["open_now"], "nu open tot 12:00");
    assert_eq!(v[0]["place"], "Voorbeeldstad");
    let national = v
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["local"] == false)
        .expect("national help too");
    assert!(national["open_now"].is_null() && national["place"].is_null());
}

#[test]
fn the_crisis_card_names_each_help_once_with_the_local_shelter_and_its_hours() {
    let local = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/lokaal");
    let o = run(&[
        "search",
        "--local",
        local,
        "--",
        "ik slaap vannacht op straat",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let card: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    let helps: Vec<&str> = card
        .iter()
        .copied()
        .filter(|l| l.starts_with("  » "))
        .collect();
    let mut unique = helps.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        helps.len(),
        "a help twice on the card: {card:?}"
    );
    let joined = card
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.contains("Nachtopvang De Lantaarn (voorbeeld): 0000-000001 (gesloten, opent 20:00) · in de buurt: Voorbeeldstad"),
        "{joined}"
    );
}

#[test]
fn search_results_say_whether_a_local_resource_is_open_now() {
    let local = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/lokaal");
    // Thursday 11:00: the walk-in hour (Tu, Th 10–12) is open.
    let args = [
        "search",
        "--local",
        local,
        "--json",
        "--",
        "inloopspreekuur geldzorgen",
    ];
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits[0]["id"], "inloop-schuldhulp-voorbeeldstad");
    assert_eq!(hits[0]["open_now"], "nu open tot 12:00");
    assert!(
        hits.iter().skip(1).all(|h| h["open_now"].is_null()),
        "stories and resources without opening hours: null"
    );
    let text = stdout(&run(&[
        "search",
        "--local",
        local,
        "--",
        "inloopspreekuur geldzorgen",
    ]));
    let first = text
        .lines()
        .skip_while(|l| !l.starts_with("1. "))
        .take(2)
        .collect::<Vec<_>>();
    assert_eq!(first[1], "   nu open tot 12:00", "{text}");
}
