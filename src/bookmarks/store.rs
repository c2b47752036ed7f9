//! The SQLite bookmark store: durable writes, schema migrations, quarantine of a damaged file,
//! and a session-only fallback when nothing can be written.

use super::{Bookmark, FILE_NAME, MAX_NOTE_CHARS, Notice, StoreError};
use crate::paths::{self, create_private_dir, make_private};
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one migration per version: `MIGRATIONS[n]` takes a database from version `n` to
/// `n + 1`. Never edit a shipped migration; add one.
const MIGRATIONS: &[&str] = &[
    // 1: bookmarks.
    "CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('story', 'resource')),
        title TEXT NOT NULL,
        theme TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL
    ) STRICT;",
    // 2: drafts of stories people write in plein (Deel je ervaring), saved as they type.
    "CREATE TABLE drafts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        data TEXT NOT NULL
    ) STRICT;",
];

/// The schema version this plein writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// How long a write waits for another plein (another SSH session) to finish its own.
const BUSY: Duration = Duration::from_secs(10);

/// The bookmark store: a database file, or memory for a session that keeps nothing.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// A store that lives in memory only (guest sessions, or when nothing can be written).
    pub fn in_memory() -> Store {
        let conn =
            Connection::open_in_memory().and_then(|c| migrate_to(&c, SCHEMA_VERSION).map(|()| c));
        match conn {
            Ok(conn) => Store { conn, path: None },
            // An in-memory database only fails when memory is gone; there is nothing to fall
            // back to, so say so plainly.
            Err(e) => panic!("cannot create an in-memory bookmark store: {e}"),
        }
    }

    /// Opens (or creates) the store in `dir`. Never fails: what went wrong is the notice.
    pub fn open(dir: &Path) -> (Store, Option<Notice>) {
        let path = dir.join(FILE_NAME);
        match open_waiting(dir, &path) {
            Ok(store) => (store, None),
            Err(Failure::Damaged) => {
                let moved_to = quarantine(&path);
                match (moved_to, open_waiting(dir, &path)) {
                    (Ok(moved_to), Ok(store)) => (store, Some(Notice::Quarantined { moved_to })),
                    (Err(e), _) | (_, Err(Failure::Io(e) | Failure::Busy(e))) => {
                        session_only(dir, e)
                    }
                    (_, Err(f)) => session_only(dir, f.to_string()),
                }
            }
            Err(Failure::Newer) => (Store::in_memory(), Some(Notice::Newer { path })),
            Err(Failure::Io(reason) | Failure::Busy(reason)) => session_only(dir, reason),
        }
    }

    /// The database file, or `None` when bookmarks last for this session only.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when bookmarks are kept on disk.
    pub fn is_persistent(&self) -> bool {
        self.path.is_some()
    }

    /// All bookmarks, newest first.
    pub fn list(&self) -> Result<Vec<Bookmark>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, title, theme, note, created, updated FROM bookmarks
             ORDER BY created DESC, rowid DESC",
        )?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One bookmark.
    pub fn get(&self, id: &str) -> Result<Option<Bookmark>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, kind, title, theme, note, created, updated FROM bookmarks WHERE id = ?1",
                [id],
                row,
            )
            .optional()?)
    }

    /// Adds a bookmark; an existing one keeps its date, and its note unless `b.note` has one.
    /// Returns whether it is new. The write is durable when this returns.
    pub fn add(&self, b: &Bookmark) -> Result<bool, StoreError> {
        let note: String = b.note.chars().take(MAX_NOTE_CHARS).collect();
        self.write(|tx| {
            let existed = exists(tx, &b.id)?;
            let now = paths::now();
            let created = if b.created > 0 { b.created } else { now };
            tx.execute(
                "INSERT INTO bookmarks (id, kind, title, theme, note, created, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET kind = ?2, title = ?3, theme = ?4,
                   note = CASE WHEN ?5 = '' THEN note ELSE ?5 END, updated = ?7",
                params![
                    b.id,
                    b.kind,
                    b.title,
                    b.theme,
                    note,
                    created,
                    now.max(b.updated)
                ],
            )?;
            Ok(!existed)
        })
    }

    /// Adds a bookmark only if its id is not there yet (import). Returns whether it was added.
    pub fn insert_new(&self, b: &Bookmark) -> Result<bool, StoreError> {
        let note: String = b.note.chars().take(MAX_NOTE_CHARS).collect();
        self.write(|tx| {
            let now = paths::now();
            let n = tx.execute(
                "INSERT INTO bookmarks (id, kind, title, theme, note, created, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
                params![
                    b.id,
                    b.kind,
                    b.title,
                    b.theme,
                    note,
                    if b.created > 0 { b.created } else { now },
                    if b.updated > 0 { b.updated } else { now },
                ],
            )?;
            Ok(n == 1)
        })
    }

    /// Replaces a bookmark's note. Returns whether the bookmark exists.
    pub fn set_note(&self, id: &str, note: &str) -> Result<bool, StoreError> {
        let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE bookmarks SET note = ?2, updated = ?3 WHERE id = ?1",
                params![id, note, paths::now()],
            )?;
            Ok(n == 1)
        })
    }

    /// Removes a bookmark and returns it (for undo), or `None` if there was none.
    pub fn remove(&self, id: &str) -> Result<Option<Bookmark>, StoreError> {
        let old = self.get(id)?;
        self.write(|tx| {
            tx.execute("DELETE FROM bookmarks WHERE id = ?1", [id])?;
            Ok(())
        })?;
        Ok(old)
    }

    /// Puts back a removed bookmark exactly as it was (undo).
    pub fn restore(&self, b: &Bookmark) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO bookmarks (id, kind, title, theme, note, created, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![b.id, b.kind, b.title, b.theme, b.note, b.created, b.updated],
            )?;
            Ok(())
        })
    }

    /// Saves a draft (a new one when `id` is `None`) and returns its number. Durable when this
    /// returns, like every write.
    pub fn save_draft(
        &self,
        id: Option<i64>,
        draft: &crate::drafts::Draft,
    ) -> Result<i64, StoreError> {
        let data = serde_json::to_string(draft).map_err(|e| StoreError(e.to_string()))?;
        self.write(|tx| {
            let now = paths::now();
            match id {
                Some(id) => {
                    let n = tx.execute(
                        "UPDATE drafts SET data = ?2, updated = ?3 WHERE id = ?1",
                        params![id, data, now],
                    )?;
                    if n == 1 {
                        return Ok(id);
                    }
                    Err(StoreError(format!("no draft {id}")))
                }
                None => {
                    tx.execute(
                        "INSERT INTO drafts (created, updated, data) VALUES (?1, ?1, ?2)",
                        params![now, data],
                    )?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })
    }

    /// All drafts, most recently changed first: (number, last change, draft).
    pub fn drafts(&self) -> Result<Vec<(i64, i64, crate::drafts::Draft)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, updated, data FROM drafts ORDER BY updated DESC, id DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, updated, data) = row?;
            // A draft that no longer parses is shown empty rather than hidden.
            out.push((id, updated, serde_json::from_str(&data).unwrap_or_default()));
        }
        Ok(out)
    }

    /// One draft.
    pub fn draft(&self, id: i64) -> Result<Option<crate::drafts::Draft>, StoreError> {
        Ok(self
            .drafts()?
            .into_iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, _, d)| d))
    }

    /// Deletes a draft. Returns whether there was one.
    pub fn delete_draft(&self, id: i64) -> Result<bool, StoreError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM drafts WHERE id = ?1", [id])? == 1))
    }

    /// Removes every bookmark (a kiosk session being wiped).
    pub fn clear(&self) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute("DELETE FROM bookmarks", [])?;
            Ok(())
        })
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: it waits for other writers instead of
    /// failing, and its changes are on disk when this returns.
    fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let v = f(&tx)?;
        tx.commit()?;
        Ok(v)
    }
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Bookmark> {
    Ok(Bookmark {
        id: r.get(0)?,
        kind: r.get(1)?,
        title: r.get(2)?,
        theme: r.get(3)?,
        note: r.get(4)?,
        created: r.get(5)?,
        updated: r.get(6)?,
    })
}

fn exists(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<bool> {
    tx.query_row("SELECT 1 FROM bookmarks WHERE id = ?1", [id], |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
}

/// Brings a database to schema `version`, each step in its own IMMEDIATE transaction. Public so
/// tests can make a database of every earlier version.
pub fn migrate_to(conn: &Connection, version: usize) -> rusqlite::Result<()> {
    loop {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        if current >= version {
            return tx.commit();
        }
        tx.execute_batch(MIGRATIONS[current])?;
        tx.pragma_update(None, "user_version", current as i64 + 1)?;
        tx.commit()?;
    }
}

/// The schema version of a database (a negative one, never written by plein, counts as newer).
fn user_version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(usize::MAX))
}

/// Why a database file could not be used.
enum Failure {
    /// Not a database, or it fails its integrity check: move it aside.
    Damaged,
    /// Written by a newer plein: leave it alone.
    Newer,
    /// The directory or file cannot be created or written.
    Io(String),
    /// Another plein holds a lock that SQLite's busy handler did not wait for (seen when two
    /// pleins set up a new database file at the same moment): try again shortly.
    Busy(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Damaged => f.write_str("the database is damaged"),
            Failure::Newer => f.write_str("the database is from a newer plein"),
            Failure::Io(e) | Failure::Busy(e) => f.write_str(e),
        }
    }
}

fn session_only(dir: &Path, reason: String) -> (Store, Option<Notice>) {
    let notice = Notice::SessionOnly {
        dir: dir.to_owned(),
        reason,
    };
    (Store::in_memory(), Some(notice))
}

/// Opens the file, trying again while another plein that starts at the same moment holds a lock
/// the busy timeout does not cover; gives up after [`BUSY`] like a write does.
fn open_waiting(dir: &Path, path: &Path) -> Result<Store, Failure> {
    let deadline = std::time::Instant::now() + BUSY;
    let mut pause = Duration::from_millis(5);
    loop {
        match open_file(dir, path) {
            Err(Failure::Busy(_)) if std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

fn open_file(dir: &Path, path: &Path) -> Result<Store, Failure> {
    let io = |e: std::io::Error| Failure::Io(e.to_string());
    create_private_dir(dir).map_err(io)?;
    // Create the file 0600 before SQLite opens it: its -wal and -shm files take that mode.
    if !path.exists() {
        paths::write_private_file(path, b"").map_err(io)?;
    }
    make_private(path).map_err(io)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(classify)?;
    conn.busy_timeout(BUSY).map_err(classify)?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(classify)?;
    if check != "ok" {
        return Err(Failure::Damaged);
    }
    // Before anything writes: a newer plein's file is left exactly as it is.
    if user_version(&conn).map_err(classify)? > SCHEMA_VERSION {
        return Err(Failure::Newer);
    }
    let journal = if on_network_fs(dir) { "DELETE" } else { "WAL" };
    let set: rusqlite::Result<()> = (|| {
        conn.pragma_update_and_check(None, "journal_mode", journal, |r| r.get::<_, String>(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        Ok(())
    })();
    set.map_err(classify)?;
    migrate_to(&conn, SCHEMA_VERSION).map_err(classify)?;
    for side in ["-wal", "-shm", "-journal"] {
        make_private(&side_file(path, side)).map_err(io)?;
    }
    Ok(Store {
        conn,
        path: Some(path.to_owned()),
    })
}

/// Sorts SQLite's errors into "the file is damaged" and "cannot write here".
fn classify(e: rusqlite::Error) -> Failure {
    use rusqlite::ErrorCode::{DatabaseBusy, DatabaseCorrupt, DatabaseLocked, NotADatabase};
    match e.sqlite_error_code() {
        Some(DatabaseCorrupt | NotADatabase) => Failure::Damaged,
        Some(DatabaseBusy | DatabaseLocked) => Failure::Busy(e.to_string()),
        _ => Failure::Io(e.to_string()),
    }
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Moves a damaged database and its side files aside (never deletes them). The side files go
/// too: a stale `-wal` beside a new database must never be replayed into it.
fn quarantine(path: &Path) -> Result<PathBuf, String> {
    let stamp = paths::file_time(paths::now());
    let mut target = side_file(path, &format!(".corrupt-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = side_file(path, &format!(".corrupt-{stamp}-{n}"));
    }
    std::fs::rename(path, &target).map_err(|e| e.to_string())?;
    for side in ["-wal", "-shm", "-journal"] {
        let from = side_file(path, side);
        if from.exists() {
            let _ = std::fs::rename(&from, side_file(&target, side));
        }
    }
    Ok(target)
}

/// True on file systems where SQLite's WAL mode is unsafe (it needs shared memory that works
/// across machines): NFS, SMB/CIFS, and FUSE mounts such as sshfs.
fn on_network_fs(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        const NETWORK: &[i64] = &[
            0x6969,                 // NFS
            0x517b,                 // SMB
            0xff53_4d42_u32 as i64, // CIFS
            0xfe53_4d42_u32 as i64, // SMB2
            0x6573_5546,            // FUSE (sshfs, …)
            0x0102_1997,            // 9P
            0x00c3_6400,            // Ceph
            0x5346_414f,            // AFS
        ];
        // `f_type`'s integer type differs between platforms, hence the cast.
        #[allow(clippy::unnecessary_cast)]
        let network = |s: rustix::fs::StatFs| NETWORK.contains(&(s.f_type as i64));
        rustix::fs::statfs(dir).is_ok_and(network)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = dir;
        false
    }
}
