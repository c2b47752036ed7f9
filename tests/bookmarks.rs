//! Bookmarks never lose a thing: migrations, damaged files, unwritable directories, two writers,
//! kills mid-write, private files, orphans after a corpus change, export and import.

use crate::util::{fixture, plein, stderr, stdout};
use plein::bookmarks::{self, Bookmark, FILE_NAME, Notice, SCHEMA_VERSION, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn bookmark(id: &str, note: &str) -> Bookmark {
    Bookmark {
        id: id.into(),
        kind: "story".into(),
        title: format!("Titel van {id}"),
        theme: "eenzaamheid".into(),
        note: note.into(),
        created: 0,
        updated: 0,
    }
}

/// `plein` on the tiny fixture corpus with its bookmarks in `dir`.
fn cmd(dir: &Path) -> Command {
    let mut c = plein();
    c.args(["--corpus", fixture("corpus").to_str().expect("utf-8")])
        .arg("--data-dir")
        .arg(dir);
    c
}

fn list_json(dir: &Path) -> Vec<Bookmark> {
    let o = cmd(dir)
        .args(["bookmarks", "list", "--json"])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn integrity(db: &Path) -> String {
    let c = Connection::open(db).expect("open");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check")
}

#[test]
fn a_database_of_every_earlier_version_is_migrated_keeping_its_bookmarks() {
    for version in 0..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join(FILE_NAME);
        {
            let c = Connection::open(&db).expect("create");
            bookmarks::migrate_to(&c, version).expect("old schema");
            if version >= 1 {
                c.execute(
                    "INSERT INTO bookmarks (id, kind, title, note, created, updated)
                     VALUES ('oud', 'story', 'Een oud verhaal', 'van vroeger', 1, 1)",
                    [],
                )
                .expect("old row");
            }
        }
        let (store, notice) = Store::open(dir.path());
        assert_eq!(notice, None, "version {version}");
        let v: i64 = Connection::open(&db)
            .expect("open")
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v as usize, SCHEMA_VERSION);
        let list = store.list().expect("list");
        assert_eq!(list.len(), usize::from(version >= 1), "version {version}");
        assert!(store.add(&bookmark("nieuw", "")).expect("add"));
    }
}

#[test]
fn a_database_from_a_newer_plein_is_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join(FILE_NAME);
    Connection::open(&db)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("newer");
    let before = std::fs::read(&db).expect("read");
    let (store, notice) = Store::open(dir.path());
    assert_eq!(notice, Some(Notice::Newer { path: db.clone() }));
    assert!(!store.is_persistent());
    drop(store);
    assert!(
        std::fs::read(&db).expect("read") == before,
        "the file changed"
    );
}

#[test]
fn a_garbled_or_truncated_file_is_moved_aside_and_the_app_goes_on() {
    // Garbled header.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join(FILE_NAME);
    std::fs::write(&db, vec![b'x'; 8192]).expect("garbage");
    let o = cmd(dir.path())
        .args(["bookmarks", "add", "stille-zondagen"])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("beschadigd"), "{}", stderr(&o));
    let moved: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert!(stderr(&o).contains(&*moved[0].to_string_lossy()));
    assert!(std::fs::read(&moved[0]).expect("kept") == vec![b'x'; 8192]);
    assert_eq!(list_json(dir.path()).len(), 1);

    // Truncated: a real database cut in half.
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let (store, _) = Store::open(dir.path());
        for i in 0..300 {
            let note = format!("notitie {i} ").repeat(40);
            store.add(&bookmark(&format!("b-{i}"), &note)).expect("add");
        }
    }
    let db = dir.path().join(FILE_NAME);
    let len = std::fs::metadata(&db).expect("stat").len();
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .expect("open");
    f.set_len(len / 2).expect("truncate");
    drop(f);
    let (store, notice) = Store::open(dir.path());
    assert!(
        matches!(notice, Some(Notice::Quarantined { .. })),
        "{notice:?}"
    );
    assert!(store.is_persistent());
    assert_eq!(store.list().expect("list"), Vec::new());
}

#[test]
fn an_unwritable_directory_keeps_bookmarks_for_the_session_and_says_so() {
    // Below a regular file no directory can exist, even for root (CI runs as root).
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"").expect("file");
    let dir = file.join("plein");
    let (store, notice) = Store::open(&dir);
    assert!(matches!(notice, Some(Notice::SessionOnly { .. })));
    assert!(store.add(&bookmark("alleen-nu", "")).expect("in memory"));
    assert_eq!(store.list().expect("list").len(), 1);

    let o = cmd(&dir)
        .args(["bookmarks", "add", "stille-zondagen"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&*dir.to_string_lossy()),
        "{}",
        stderr(&o)
    );
    let o = cmd(&dir).args(["bookmarks", "list"]).output().expect("run");
    assert!(o.status.success());
    assert!(stderr(&o).contains("niet bewaard"), "{}", stderr(&o));
    let o = cmd(&dir)
        .args(["show", "stille-zondagen"])
        .output()
        .expect("run");
    assert!(o.status.success(), "reading always works");
}

fn import_file(dir: &Path, prefix: &str, n: usize) -> PathBuf {
    let list: Vec<Bookmark> = (0..n)
        .map(|i| bookmark(&format!("{prefix}-{i}"), "bellen op maandag"))
        .collect();
    let path = dir.join(format!("{prefix}.json"));
    std::fs::write(&path, bookmarks::export_json(&list)).expect("write");
    path
}

#[test]
fn two_processes_adding_a_thousand_bookmarks_each_store_all_two_thousand() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let files = [
        import_file(work.path(), "een", 1000),
        import_file(work.path(), "twee", 1000),
    ];
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            cmd(&data)
                .args(["bookmarks", "import"])
                .arg(f)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().expect("wait");
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(!stderr(&o).contains("locked"), "{}", stderr(&o));
    }
    assert_eq!(list_json(&data).len(), 2000);
    assert_eq!(integrity(&data.join(FILE_NAME)), "ok");
}

#[test]
fn killing_a_writer_at_any_moment_loses_no_acknowledged_bookmark() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let db = data.join(FILE_NAME);
    // How long one whole import takes on this machine now (CI may be busy): kills are spread
    // over that time, so they land in start-up, opening and the writes alike.
    let calibrate = import_file(work.path(), "kalibratie", 60);
    let started = std::time::Instant::now();
    let o = cmd(&work.path().join("calibration-data"))
        .args(["bookmarks", "import"])
        .arg(&calibrate)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    let life = started.elapsed().as_micros().max(1000) as u64;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut acknowledged = Vec::new();
    let mut cut_mid_import = 0;
    // PLEIN_KILL_ROUNDS=2000 for the longer run recorded in RELIABILITY.md.
    let rounds: usize = std::env::var("PLEIN_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    for round in 0..rounds {
        let file = import_file(work.path(), &format!("r{round}"), 60);
        let mut child = cmd(&data)
            .args(["bookmarks", "import"])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // Somewhere in the process's life: start-up, opening, or amid the writes.
        std::thread::sleep(Duration::from_micros((seed >> 33) % life));
        let _ = child.kill();
        let o = child.wait_with_output().expect("wait");
        // A line `+ id` is printed only after its transaction committed.
        let before = acknowledged.len();
        acknowledged.extend(
            stdout(&o)
                .lines()
                .filter_map(|l| l.strip_prefix("+ "))
                .map(str::to_owned),
        );
        if (1..60).contains(&(acknowledged.len() - before)) {
            cut_mid_import += 1;
        }
        if db.exists() {
            assert_eq!(integrity(&db), "ok", "round {round}");
        }
    }
    let stored: std::collections::HashSet<String> =
        list_json(&data).into_iter().map(|b| b.id).collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|id| !stored.contains(*id))
        .collect();
    assert!(lost.is_empty(), "lost {lost:?}");
    eprintln!(
        "{rounds} kills: {cut_mid_import} amid the writes, {} bookmarks acknowledged, none lost",
        acknowledged.len()
    );
    assert!(cut_mid_import > rounds / 10, "kills land amid the writes");
}

#[cfg(unix)]
#[test]
fn files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    let add = |id: &str| {
        let o = Command::new("sh")
            .arg("-c")
            .arg(r#"umask 022; exec "$@""#)
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_plein"))
            .args(["--corpus", fixture("corpus").to_str().expect("utf-8")])
            .arg("--data-dir")
            .arg(&data)
            .args(["bookmarks", "add", id])
            .output()
            .expect("run");
        assert!(o.status.success(), "{}", stderr(&o));
    };
    add("stille-zondagen");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(FILE_NAME)), 0o600);
    // Keep a connection open so the side files stay, then write from plein again.
    let c = Connection::open(data.join(FILE_NAME)).expect("open");
    let _: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    add("brieven-bleven-dicht");
    for side in ["-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{side}", data.join(FILE_NAME).display()));
        assert_eq!(mode(&p), 0o600, "{side}");
    }
}

#[test]
fn a_removed_note_does_not_linger_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let (store, _) = Store::open(dir.path());
        store
            .add(&bookmark("geheim", "GEHEIME-NOTITIE-7731"))
            .expect("add");
        store.remove("geheim").expect("remove");
    }
    let bytes = std::fs::read(dir.path().join(FILE_NAME)).expect("read");
    let needle = b"GEHEIME-NOTITIE-7731";
    assert!(!bytes.windows(needle.len()).any(|w| w == needle));
}

#[test]
fn a_bookmark_whose_story_left_the_corpus_stays_with_its_title_and_note() {
    let work = tempfile::tempdir().expect("tempdir");
    let corpus = work.path().join("corpus");
    crate::search::copy_dir(&fixture("corpus"), &corpus);
    let data = work.path().join("data");
    let run = |args: &[&str]| {
        plein()
            .arg("--corpus")
            .arg(&corpus)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .expect("run")
    };
    let o = run(&["bookmarks", "add", "stille-zondagen", "--note", "voor oma"]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::remove_file(corpus.join("stories/eenzaamheid/stille-zondagen.md")).expect("rm");
    let o = run(&["bookmarks", "list"]);
    let out = stdout(&o);
    assert!(out.contains("Stille zondagen"), "{out}");
    assert!(out.contains("niet meer beschikbaar"), "{out}");
    assert!(out.contains("voor oma"), "{out}");
    let o = run(&["bookmarks", "export"]);
    assert!(stdout(&o).contains("niet meer beschikbaar"));
}

#[test]
fn export_and_import_round_trip_and_import_is_idempotent() {
    let work = tempfile::tempdir().expect("tempdir");
    let (a, b) = (work.path().join("a"), work.path().join("b"));
    for (id, note) in [
        ("stille-zondagen", "bellen op maandag\nmet Ans"),
        ("hulplijn", ""),
    ] {
        let mut c = cmd(&a);
        c.args(["bookmarks", "add", id]);
        if !note.is_empty() {
            c.args(["--note", note]);
        }
        assert!(c.output().expect("run").status.success());
    }
    let file = work.path().join("export.json");
    let o = cmd(&a)
        .args(["bookmarks", "export", "--format", "json", "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    for expected_added in ["2 bladwijzers toegevoegd", "0 bladwijzers toegevoegd"] {
        let o = cmd(&b)
            .args(["bookmarks", "import"])
            .arg(&file)
            .output()
            .expect("run");
        assert!(stderr(&o).contains(expected_added), "{}", stderr(&o));
    }
    assert_eq!(list_json(&a), list_json(&b));
    let md = stdout(&cmd(&b).args(["bookmarks", "export"]).output().expect("run"));
    assert!(md.contains("> bellen op maandag\n> met Ans"), "{md}");
}

#[test]
fn a_bad_import_file_says_where_and_what() {
    let work = tempfile::tempdir().expect("tempdir");
    let file = work.path().join("bad.json");
    std::fs::write(
        &file,
        r#"[{"id": "goed", "kind": "story", "title": "Goed"}, {"id": "Slecht Id!", "kind": "story", "title": "x"}]"#,
    )
    .expect("write");
    let o = cmd(&work.path().join("data"))
        .args(["bookmarks", "import"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bookmark 2"), "{}", stderr(&o));
    assert!(
        list_json(&work.path().join("data")).is_empty(),
        "nothing added"
    );
    std::fs::write(&file, "{ niet af").expect("write");
    let o = cmd(&work.path().join("data"))
        .args(["bookmarks", "import"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
}

#[test]
fn a_guest_session_writes_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    let (data, cache) = (work.path().join("data"), work.path().join("cache"));
    let o = cmd(&data)
        .args(["--guest", "bookmarks", "add", "stille-zondagen"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("gastsessie"), "{}", stderr(&o));
    let o = cmd(&data)
        .env("PLEIN_CACHE_DIR", &cache)
        .args(["--guest", "search", "casino"])
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("De app op mijn telefoon"));
    assert!(!data.exists(), "no bookmark database");
    assert!(!cache.exists(), "no search index cache");
}

#[test]
fn kiosk_mode_writes_and_reads_no_files() {
    let work = tempfile::tempdir().expect("tempdir");
    let out = work.path().join("export.md");
    let o = cmd(&work.path().join("data"))
        .args(["--kiosk", "bookmarks", "export", "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kioskmodus"), "{}", stderr(&o));
    assert!(!out.exists());
    let file = import_file(work.path(), "k", 2);
    let o = cmd(&work.path().join("data"))
        .args(["--kiosk", "bookmarks", "import"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(!work.path().join("data").exists());
}

#[test]
fn each_ssh_key_on_a_shared_account_keeps_its_own_bookmarks() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let auth = |name: &str, text: &str| {
        let p = work.path().join(name);
        std::fs::write(&p, text).expect("auth file");
        p
    };
    let (one, two, password) = (
        auth(
            "one",
            "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEen\n",
        ),
        auth(
            "two",
            "publickey ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItwee\n",
        ),
        auth("pw", "password\n"),
    );
    let as_person = |auth: &Path, args: &[&str]| {
        cmd(&data)
            .env("SSH_USER_AUTH", auth)
            .args(args)
            .output()
            .expect("run")
    };
    assert!(
        as_person(&one, &["bookmarks", "add", "stille-zondagen"])
            .status
            .success()
    );
    assert!(
        as_person(&two, &["bookmarks", "add", "hulplijn"])
            .status
            .success()
    );
    let list = |auth: &Path| stdout(&as_person(auth, &["bookmarks", "list", "--json"]));
    assert!(list(&one).contains("stille-zondagen") && !list(&one).contains("hulplijn"));
    assert!(list(&two).contains("hulplijn") && !list(&two).contains("stille-zondagen"));
    let o = as_person(&password, &["bookmarks", "add", "hulplijn"]);
    assert_eq!(o.status.code(), Some(1), "without a key: a guest session");
    // The key itself is never written anywhere.
    for e in walk(&data) {
        let bytes = std::fs::read(&e).expect("read");
        assert!(
            !bytes.windows(8).any(|w| w == b"AAAAC3Nz"),
            "{}",
            e.display()
        );
        assert!(!e.to_string_lossy().contains("AAAA"));
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}
