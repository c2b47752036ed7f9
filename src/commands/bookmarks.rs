//! `plein bookmarks`: list, add, remove, export and import personal bookmarks.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Io};
use crate::bookmarks::{self, Bookmark, MarkdownLabels, Notice, Store};
use crate::cli::BookmarksAction;
use crate::corpus::Corpus;
use crate::present::{bookmark_for, kind_and_theme, notice_text, shown_path as shown};
use crate::sanitize::sanitize_line;
use std::io;
use std::path::Path;

/// Where bookmarks are kept.
pub(super) enum Place {
    /// A guest session: nowhere.
    Guest,
    /// The data directory (`None`: there is no home directory).
    Dir(Option<std::path::PathBuf>),
}

/// Runs one bookmarks action against the store of `place`.
pub(super) fn run(
    corpus: &Corpus,
    place: &Place,
    action: &BookmarksAction,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    let cat = io.cat();
    let writes = matches!(
        action,
        BookmarksAction::Add { .. }
            | BookmarksAction::Remove { .. }
            | BookmarksAction::Import { .. }
    );
    let (store, notice) = match place {
        Place::Guest if writes => {
            writeln!(io.err, "plein: {}", cat.t("bookmarks.guest_cannot"))?;
            return Ok(EXIT_PROBLEM);
        }
        Place::Guest => (Store::in_memory(), None),
        // Reading never creates the store (nor its directory); it still says when the
        // directory could never hold one.
        Place::Dir(Some(dir)) if !writes && !dir.join(bookmarks::FILE_NAME).exists() => {
            let blocked = dir
                .ancestors()
                .find(|a| a.exists())
                .is_some_and(|a| !a.is_dir());
            let notice = blocked.then(|| Notice::SessionOnly {
                dir: dir.clone(),
                reason: cat.t("bookmarks.file_in_the_way").to_owned(),
            });
            (Store::in_memory(), notice)
        }
        Place::Dir(Some(dir)) => Store::open(dir),
        Place::Dir(None) => (
            Store::in_memory(),
            Some(Notice::SessionOnly {
                dir: "~".into(),
                reason: cat.t("bookmarks.no_home").to_owned(),
            }),
        ),
    };
    match &notice {
        Some(Notice::SessionOnly { dir, reason }) if writes => {
            let msg = cat.f(
                "bookmarks.cannot_keep",
                &[("dir", &shown(dir)), ("reason", &sanitize_line(reason))],
            );
            writeln!(io.err, "plein: {msg}")?;
            return Ok(EXIT_PROBLEM);
        }
        Some(n) => writeln!(io.err, "{}", notice_text(n, cat))?,
        None => {}
    }
    let failed = |e: bookmarks::StoreError, io: &mut Io<'_>| -> io::Result<u8> {
        writeln!(io.err, "plein: {}", sanitize_line(&e.0))?;
        Ok(EXIT_PROBLEM)
    };
    match action {
        BookmarksAction::List { json } => match store.list() {
            Ok(list) if *json => {
                write!(io.out, "{}", bookmarks::export_json(&list)).map(|()| EXIT_OK)
            }
            Ok(list) => list_text(&list, corpus, io),
            Err(e) => failed(e, io),
        },
        BookmarksAction::Add { id, note } => {
            let Some(doc) = corpus.get(id) else {
                let id = sanitize_line(id);
                writeln!(
                    io.err,
                    "plein: {}",
                    cat.f("bookmarks.unknown_id", &[("id", &id)])
                )?;
                return Ok(EXIT_PROBLEM);
            };
            let b = bookmark_for(doc, note.as_deref().unwrap_or(""));
            match store.add(&b) {
                Ok(new) => {
                    let key = if new {
                        "bookmarks.added"
                    } else {
                        "bookmarks.updated"
                    };
                    writeln!(io.out, "{}", cat.f(key, &[("title", &b.title)]))?;
                    Ok(EXIT_OK)
                }
                Err(e) => failed(e, io),
            }
        }
        BookmarksAction::Remove { id } => match store.remove(id) {
            Ok(Some(b)) => {
                let title = sanitize_line(&b.title);
                writeln!(
                    io.out,
                    "{}",
                    cat.f("bookmarks.removed", &[("title", &title)])
                )?;
                Ok(EXIT_OK)
            }
            Ok(None) => {
                let id = sanitize_line(id);
                writeln!(
                    io.err,
                    "plein: {}",
                    cat.f("bookmarks.not_found", &[("id", &id)])
                )?;
                Ok(EXIT_PROBLEM)
            }
            Err(e) => failed(e, io),
        },
        BookmarksAction::Export {
            format,
            output,
            force,
        } => {
            let list = match store.list() {
                Ok(l) => l,
                Err(e) => return failed(e, io),
            };
            let text = if format == "json" {
                bookmarks::export_json(&list)
            } else {
                let labels = MarkdownLabels {
                    heading: cat.t("bookmarks.heading"),
                    gone: cat.t("bookmarks.gone"),
                    phone: cat.t("doc.phone"),
                    website: cat.t("doc.website"),
                    hours: cat.t("doc.hours"),
                };
                bookmarks::export_markdown(&list, corpus, &labels)
            };
            match super::export_target(output.as_deref()) {
                None => write!(io.out, "{text}").map(|()| EXIT_OK),
                Some(path) => match super::write_export(path, text.as_bytes(), *force, io)? {
                    true => {
                        let args: [(&str, &dyn std::fmt::Display); 1] = [("file", &shown(path))];
                        writeln!(
                            io.err,
                            "{}",
                            cat.nf("bookmarks.exported", list.len(), &args)
                        )?;
                        Ok(EXIT_OK)
                    }
                    false => Ok(EXIT_PROBLEM),
                },
            }
        }
        BookmarksAction::Import { file } => import(&store, file, io),
    }
}

fn import(store: &Store, file: &Path, io: &mut Io<'_>) -> io::Result<u8> {
    let cat = io.cat();
    let text = match std::fs::read(file) {
        Ok(bytes) if bytes.len() as u64 <= crate::corpus::MAX_FILE_BYTES * 16 => {
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Ok(_) => {
            writeln!(
                io.err,
                "plein: {}: {}",
                shown(file),
                cat.t("bookmarks.too_large")
            )?;
            return Ok(EXIT_USAGE);
        }
        Err(e) => {
            writeln!(io.err, "plein: {}: {e}", shown(file))?;
            return Ok(EXIT_USAGE);
        }
    };
    let list = match bookmarks::parse_import(&text) {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "plein: {}: {e}", shown(file))?;
            return Ok(EXIT_PROBLEM);
        }
    };
    // One bookmark per transaction: an interruption keeps what was added, and running the
    // import again adds the rest. Oldest first, so the list keeps its order.
    let (mut added, mut had) = (0usize, 0usize);
    for b in list.iter().rev() {
        match store.insert_new(b) {
            Ok(true) => {
                added += 1;
                // Flushed at once: a printed line means the bookmark is on disk.
                writeln!(io.out, "+ {}", sanitize_line(&b.id))?;
                io.out.flush()?;
            }
            Ok(false) => had += 1,
            Err(e) => {
                writeln!(io.err, "plein: {}", sanitize_line(&e.0))?;
                return Ok(EXIT_PROBLEM);
            }
        }
    }
    let args: [(&str, &dyn std::fmt::Display); 1] = [("had", &had)];
    writeln!(io.err, "{}", cat.nf("bookmarks.imported", added, &args))?;
    Ok(EXIT_OK)
}

fn list_text(list: &[Bookmark], corpus: &Corpus, io: &mut Io<'_>) -> io::Result<u8> {
    let cat = io.cat();
    if list.is_empty() {
        writeln!(io.out, "{}", cat.t("bookmarks.empty"))?;
        return Ok(EXIT_OK);
    }
    for b in list {
        let gone = if corpus.get(&b.id).is_none() {
            format!(" — {}", cat.t("bookmarks.gone"))
        } else {
            String::new()
        };
        let what = kind_and_theme(b, corpus, io.lang);
        writeln!(io.out, "{} ({what}){gone}", sanitize_line(&b.title))?;
        writeln!(io.out, "   id: {}", sanitize_line(&b.id))?;
        for line in b.note.lines() {
            writeln!(io.out, "   > {}", sanitize_line(line))?;
        }
    }
    Ok(EXIT_OK)
}
