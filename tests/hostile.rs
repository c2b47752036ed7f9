//! Hostile corpus folders: a named pipe among the stories, links that loop, a directory named
//! like a story, a dangling link. Every command finishes (each runs in a child process with a
//! time limit, so a regression fails rather than hangs the suite) and reports what it skipped.

use crate::search::copy_dir;
use crate::util::{fixture, plein, stderr, stdout};
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Runs plein with `args`; fails the test if it has not finished within 20 s.
fn run_bounded(args: &[&str], cache: &Path) -> Output {
    let mut child = plein()
        .args(args)
        .env("PLEIN_CACHE_DIR", cache)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("plein {args:?} hung on a hostile corpus");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn hostile_corpus(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    copy_dir(&fixture("corpus"), &corpus);
    let stories = corpus.join("stories");
    let fifo = stories.join("eenzaamheid/x.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for i in 0..6 {
        std::os::unix::fs::symlink(".", stories.join(format!("lus{i}"))).expect("symlink");
    }
    std::fs::create_dir(stories.join("gokverslaving/map.md")).expect("mkdir");
    std::os::unix::fs::symlink("weg.md", stories.join("gokverslaving/kapot.md")).expect("symlink");
    corpus
}

#[test]
fn a_named_pipe_loops_a_directory_named_md_and_a_dangling_link_never_hang_or_multiply() {
    let work = tempfile::tempdir().expect("tempdir");
    let plain = work.path().join("plain");
    copy_dir(&fixture("corpus"), &plain);
    let corpus = hostile_corpus(work.path());
    let dir = corpus.to_str().expect("utf-8 path");
    let cache = work.path().join("cache");

    let o = run_bounded(&["check", dir], &cache);
    assert_eq!(o.status.code(), Some(1), "the pipe is an error");
    let out = stdout(&o);
    assert!(
        out.contains("eenzaamheid/x.md") && out.contains("geen gewoon bestand"),
        "the pipe is named: {out}"
    );
    assert!(
        out.contains("kapot.md") && out.contains("snelkoppeling naar niets"),
        "{out}"
    );
    assert!(
        !out.contains("lus0"),
        "links to a directory already read are not walked: {out}"
    );

    let expected = stdout(&run_bounded(
        &["--corpus", plain.to_str().expect("path"), "themes"],
        &cache,
    ));
    let start = Instant::now();
    let o = run_bounded(&["--corpus", dir, "themes"], &cache);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        expected,
        "six links to . do not multiply the stories"
    );
    assert!(stderr(&o).contains("overgeslagen"), "{}", stderr(&o));

    let o = run_bounded(&["--corpus", dir, "search", "--json", "zondag"], &cache);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let ids: Vec<&str> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "every story once");
    let o = run_bounded(&["--corpus", dir, "show", "stille-zondagen"], &cache);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
