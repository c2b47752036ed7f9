//! `plein drafts`: the stories people wrote in plein, for a curator to review and export.

use super::{EXIT_OK, EXIT_PROBLEM, Io};
use crate::bookmarks::Store;
use crate::cli::DraftsAction;
use crate::corpus::Corpus;
use crate::drafts::{self, NotReady};
use crate::sanitize::{sanitize, sanitize_line};
use std::collections::HashSet;
use std::io;

/// Runs one drafts action against `store`.
pub(super) fn run(
    corpus: &Corpus,
    store: &Store,
    action: &DraftsAction,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    let cat = io.cat();
    let missing = |id: i64, io: &mut Io<'_>| -> io::Result<u8> {
        writeln!(io.err, "plein: {}", cat.f("share.no_draft", &[("id", &id)]))?;
        Ok(EXIT_PROBLEM)
    };
    let failed = |e: crate::bookmarks::StoreError, io: &mut Io<'_>| -> io::Result<u8> {
        writeln!(io.err, "plein: {}", sanitize_line(&e.0))?;
        Ok(EXIT_PROBLEM)
    };
    match action {
        DraftsAction::List => {
            let list = match store.drafts() {
                Ok(l) => l,
                Err(e) => return failed(e, io),
            };
            if list.is_empty() {
                writeln!(io.out, "{}", cat.t("share.no_drafts"))?;
            }
            for (id, updated, d) in list {
                let title = if d.title.trim().is_empty() {
                    cat.t("share.untitled").to_owned()
                } else {
                    sanitize_line(&d.title).into_owned()
                };
                let consent = cat.t(if d.consent.is_some() {
                    "share.consent_yes"
                } else {
                    "share.consent_no"
                });
                writeln!(
                    io.out,
                    "{id}  {title}  ({}; {consent}; {})",
                    cat.n("share.words", d.words()),
                    crate::paths::file_time(updated)
                )?;
            }
            Ok(EXIT_OK)
        }
        DraftsAction::Show { id } => {
            let Some(d) = store.draft(*id).ok().flatten() else {
                return missing(*id, io);
            };
            writeln!(io.out, "{}\n", sanitize_line(&d.title))?;
            for (i, q) in drafts::QUESTIONS.iter().enumerate() {
                writeln!(io.out, "{}\n{}\n", cat.t(q), sanitize(d.answer(i)))?;
            }
            for f in crate::privacy::scan(&d.all_text(), &HashSet::new()) {
                writeln!(
                    io.err,
                    "{}: {}",
                    cat.t("share.privacy_warning"),
                    cat.f(
                        f.kind.why_key(),
                        &[
                            ("text", &sanitize_line(&f.text)),
                            ("with", &f.kind.placeholder())
                        ]
                    )
                )?;
            }
            Ok(EXIT_OK)
        }
        DraftsAction::Export { id, output, force } => {
            let Some(d) = store.draft(*id).ok().flatten() else {
                return missing(*id, io);
            };
            let today = crate::paths::file_time(crate::paths::now())[..8].to_owned();
            let today = format!("{}-{}-{}", &today[..4], &today[4..6], &today[6..8]);
            match drafts::story_file(&d, corpus, &today) {
                Ok((story_id, text)) => match super::export_target(output.as_deref()) {
                    None => write!(io.out, "{text}").map(|()| EXIT_OK),
                    Some(path) => {
                        if !super::write_export(path, text.as_bytes(), *force, io)? {
                            return Ok(EXIT_PROBLEM);
                        }
                        let shown = sanitize_line(&path.display().to_string()).into_owned();
                        writeln!(
                            io.err,
                            "{}",
                            cat.f("share.exported", &[("id", &story_id), ("file", &shown)])
                        )?;
                        Ok(EXIT_OK)
                    }
                },
                Err(NotReady::NoConsent) => {
                    writeln!(io.err, "plein: {}", cat.t("share.no_consent"))?;
                    Ok(EXIT_PROBLEM)
                }
                Err(NotReady::Missing(field)) => {
                    writeln!(
                        io.err,
                        "plein: {}",
                        cat.f("share.missing", &[("field", &field)])
                    )?;
                    Ok(EXIT_PROBLEM)
                }
            }
        }
        DraftsAction::Delete { id } => match store.delete_draft(*id) {
            Ok(true) => {
                writeln!(io.out, "{}", cat.f("share.deleted", &[("id", id)]))?;
                Ok(EXIT_OK)
            }
            Ok(false) => missing(*id, io),
            Err(e) => failed(e, io),
        },
    }
}
