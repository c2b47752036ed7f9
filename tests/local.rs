//! Help nearby: the local overlay (`--local`, the `local` setting), its checks, and that a
//! broken local file never hides the bundled corpus.

use crate::util::{fixture, plein, stderr, stdout};
use plein::corpus::{self, Source};
use std::path::PathBuf;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/lokaal")
}

#[test]
fn the_example_overlay_passes_a_strict_check() {
    let o = plein()
        .args(["check", "--strict", "--local"])
        .arg(example())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("Geen fouten"), "{}", stdout(&o));
}

#[test]
fn local_resources_come_first_marked_local_and_examples() {
    let bundled = corpus::load(&Source::Bundled).expect("bundled");
    let (loaded, problem) = corpus::load_with(&Source::Bundled, Some(&example())).expect("loads");
    assert!(problem.is_none());
    let c = &loaded.corpus;
    assert_eq!(c.resources.len(), bundled.corpus.resources.len() + 3);
    let first: Vec<&str> = c.resources[..3].iter().map(|r| r.id.as_str()).collect();
    assert!(first.contains(&"nachtopvang-voorbeeldstad"), "{first:?}");
    assert!(c.resources[..3].iter().all(|r| r.local && r.example));
    assert!(c.resources[3..].iter().all(|r| !r.local));
    let shelter = c.resource("nachtopvang-voorbeeldstad").expect("shelter");
    assert_eq!(shelter.place.as_deref(), Some("Voorbeeldstad"));
    assert!(shelter.opening_hours.is_some());
    // A local resource may link a bundled story.
    let food = c.resource("voedselbank-voorbeeldstad").expect("food bank");
    assert_eq!(food.stories, vec!["alleen-het-incassobureau-belde-nog"]);
    assert_eq!(
        c.local_dir.as_deref(),
        Some(example().to_string_lossy().as_ref())
    );
}

#[test]
fn a_broken_local_file_is_skipped_with_its_reason_and_hides_nothing() {
    let dir = fixture("local-broken");
    let (loaded, _) = corpus::load_with(&Source::Bundled, Some(&dir)).expect("loads");
    let c = &loaded.corpus;
    // The good local file loads; the bundled Geldfit is the real one, not the local clash.
    assert!(c.resource("inloop-test").is_some_and(|r| r.local));
    let geldfit = c.resource("geldfit").expect("bundled geldfit");
    assert!(!geldfit.local && geldfit.path.starts_with("data/"));
    let skipped: Vec<(&str, &str)> = c
        .local_skipped
        .iter()
        .map(|d| (d.path.rsplit('/').next().unwrap_or(""), d.code))
        .collect();
    assert_eq!(
        skipped,
        vec![
            ("geldfit.md", "duplicate-id"),
            ("kapot.md", "bad-toml"),
            ("verwijst-naar-niets.md", "unknown-resource")
        ]
    );
    // A local story may link local and bundled help.
    let story = c.get("koffie-in-het-inloophuis").expect("local story");
    let plein::corpus::Doc::Story(story) = story else {
        panic!("a story")
    };
    assert_eq!(story.resources, vec!["inloop-test", "de-luisterlijn"]);
    assert_eq!(c.stories.len(), bundled_stories() + 1);

    // The app's commands say so, in the UI language, and still run.
    let o = plein()
        .arg("--local")
        .arg(&dir)
        .arg("themes")
        .output()
        .expect("run");
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("Lokaal bestand overgeslagen: ")
            && err.contains("kapot.md:4: de gegevens bovenaan")
            && err.contains("geldfit.md:2: deze id wordt al gebruikt"),
        "{err}"
    );
    let o = plein()
        .args(["--lang", "en", "--local"])
        .arg(&dir)
        .arg("themes")
        .output()
        .expect("run");
    assert!(
        stderr(&o).contains("Local file skipped: "),
        "{}",
        stderr(&o)
    );
}

fn bundled_stories() -> usize {
    corpus::load(&Source::Bundled)
        .expect("bundled")
        .corpus
        .stories
        .len()
}

#[test]
fn a_missing_local_directory_leaves_the_corpus_but_fails_check() {
    let o = plein()
        .args(["--local", "/nonexistent/plein-lokaal", "themes"])
        .output()
        .expect("run");
    assert!(o.status.success());
    assert!(stdout(&o).contains("Thuisloosheid"));
    assert!(
        stderr(&o).contains("De hulp in de buurt is niet geladen"),
        "{}",
        stderr(&o)
    );
    let o = plein()
        .args(["check", "--local", "/nonexistent/plein-lokaal"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_warns_on_stale_and_malformed_facts_and_strict_fails() {
    let dir = fixture("local-stale");
    let o = plein()
        .args(["check", "--local"])
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "warnings alone pass");
    let out = stdout(&o);
    for want in [
        "oud-spreekuur.md:11:1: waarschuwing: de gegevens zijn voor het laatst nagekeken op 2025-06-30",
        "oud-spreekuur.md:9:17: waarschuwing: `maandag ochtend` is geen geldige opening_hours",
        "oud-spreekuur.md:8:11: waarschuwing: `Dorpsstraat 12, 1234 ab Ergens` lijkt geen adres",
        "oud-spreekuur.md:1:1: waarschuwing: geen telefoonnummer",
    ] {
        assert!(out.contains(want), "{want} in\n{out}");
    }
    let o = plein()
        .args(["check", "--strict", "--local"])
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let o = plein()
        .args(["check", "--json", "--local"])
        .arg(&dir)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["warnings"], 5);
}

#[test]
fn local_items_are_searchable() {
    let o = plein()
        .args(["search", "--json", "--local"])
        .arg(example())
        .arg("nachtopvang")
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["hits"][0]["id"], "nachtopvang-voorbeeldstad", "{v}");
}

#[test]
fn the_system_file_sets_and_locks_the_overlay() {
    use plein::config::{Env, Flags, Key, Origin, parse_layer, resolve};
    let system = parse_layer(
        "/etc/plein/config.toml",
        "local = \"/etc/plein/lokaal\"\nlock = [\"local\"]\n",
        true,
    );
    assert_eq!(system.locks, vec![Key::Local]);
    let flags = Flags {
        local: Some(PathBuf::from("/tmp/elders")),
        ..Flags::default()
    };
    let e = resolve(Some(&system), None, &Env::default(), &flags);
    assert_eq!(e.local.value, Some(PathBuf::from("/etc/plein/lokaal")));
    assert_eq!(e.local.origin, Origin::System(1));
    assert_eq!(e.refused.len(), 1);
    let unlocked = parse_layer("u.toml", "local = \"/home/x/lokaal\"\n", false);
    let e = resolve(None, Some(&unlocked), &Env::default(), &flags);
    assert_eq!(
        (e.local.value, e.local.origin),
        (Some(PathBuf::from("/tmp/elders")), Origin::Flag("--local"))
    );
}

#[test]
fn local_new_writes_a_template_that_checks_and_asks_for_the_missing_facts() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(dir.path().join("resources")).expect("mkdir");
    let file = dir.path().join("resources/nieuwe-hulp.md");
    let o = plein()
        .args(["local", "new", "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(
        text.contains("checked = 2026-12-03"),
        "dated by the clock:\n{text}"
    );
    assert!(text.contains("# opening_hours = \"Mo-Fr 09:00-17:00; PH off\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Not over an existing file without --force.
    let again = plein()
        .args(["local", "new", "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(1));
    // It loads (no errors) and check asks for hours, a phone number and an address.
    let o = plein()
        .args(["check", "--local"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    for code in ["geen openingstijden", "geen telefoonnummer", "geen adres"] {
        assert!(out.contains(code), "{code} in {out}");
    }
    let o = plein()
        .args(["check", "--strict", "--local"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    // To standard output without -o.
    let o = plein().args(["local", "new"]).output().expect("run");
    assert!(stdout(&o).starts_with("+++\n# Hulp in de buurt"));
}
