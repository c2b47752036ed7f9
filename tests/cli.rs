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
                && l.contains(": error: ")
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
