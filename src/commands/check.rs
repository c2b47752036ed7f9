//! `plein check`: every problem in a corpus, as `path:line:col: message` or JSON.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Io};
use crate::corpus::{self, Source};
use crate::diag::{Diagnostic, Message, Pos, msg};
use serde_json::json;
use std::io;

/// How `plein check` runs: on which overlay, and whether warnings fail.
pub(super) struct Args<'a> {
    pub local: Option<&'a std::path::Path>,
    pub json: bool,
    pub strict: bool,
}

pub(super) fn run(source: &Source, args: &Args<'_>, io: &mut Io<'_>) -> io::Result<u8> {
    let json = args.json;
    let loaded = match corpus::load_with(source, args.local) {
        Ok((_, Some(e))) => {
            let cat = io.cat();
            writeln!(
                io.err,
                "plein: {}",
                cat.f("local.dir_error", &[("error", &e.render(cat))])
            )?;
            return Ok(EXIT_USAGE);
        }
        Ok((l, None)) => l,
        Err(e) => {
            let cat = io.cat();
            writeln!(
                io.err,
                "plein: {}: {}",
                cat.t("cli.corpus_error"),
                e.render(cat)
            )?;
            return Ok(EXIT_USAGE);
        }
    };
    let mut loaded = loaded;
    if matches!(source, Source::Bundled) {
        // The search lexicons ship with plein (data/verbs.toml, lexicon.toml, crisis.toml):
        // their themes and the resources the crisis card names must exist.
        let c = &loaded.corpus;
        let themes: Vec<&str> = c.themes.iter().map(|t| t.slug.as_str()).collect();
        let ids: Vec<&str> = c.resources.iter().map(|r| r.id.as_str()).collect();
        let found = crate::search::lexicon::check(&themes, &ids);
        loaded.diagnostics.extend(found);
    }
    let found = fact_warnings(&loaded.corpus, io.now.date());
    loaded.diagnostics.extend(found);
    loaded
        .diagnostics
        .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    let c = &loaded.corpus;
    let documents = c.stories.len() + c.resources.len() + c.skipped;
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    if json {
        let cat = io.cat();
        let diagnostics: Vec<serde_json::Value> =
            loaded.diagnostics.iter().map(|d| d.to_json(cat)).collect();
        let report = json!({
            "source": source.dir_display(),
            "local": c.local_dir,
            "documents": documents,
            "stories": c.stories.len(),
            "resources": c.resources.len(),
            "skipped": c.skipped,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics,
        });
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&report).map_err(io::Error::other)?
        )?;
    } else {
        let cat = io.cat();
        for d in &loaded.diagnostics {
            writeln!(io.out, "{}", d.render(cat))?;
        }
        let mut source = source
            .dir_display()
            .unwrap_or_else(|| cat.t("cli.bundled").to_owned());
        if let Some(dir) = &c.local_dir {
            source = format!("{source} + {dir}");
        }
        if errors == 0 && warnings == 0 {
            let args: [(&str, &dyn std::fmt::Display); 3] = [
                ("source", &source),
                ("stories", &cat.n("cli.stories", c.stories.len())),
                ("resources", &cat.n("cli.resources", c.resources.len())),
            ];
            writeln!(io.out, "{}", cat.f("cli.check_clean", &args))?;
        } else {
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("errors", &cat.n("cli.errors", errors)),
                ("warnings", &cat.n("cli.warnings", warnings)),
                ("files", &cat.n("cli.documents", documents)),
                ("source", &source),
            ];
            writeln!(io.out, "{}", cat.f("cli.check_summary", &args))?;
        }
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed { EXIT_PROBLEM } else { EXIT_OK })
}

/// Facts that may have gone wrong since: a `checked` date over 12 months ago; for a local
/// resource also no opening hours, no phone number, or (for a place people visit) no address.
fn fact_warnings(c: &corpus::Corpus, today: (i32, u32, u32)) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for r in &c.resources {
        if r.is_stale(today) {
            let pos = Pos {
                line: r.checked_line.max(1),
                column: 1,
            };
            found.push(
                Diagnostic::warning(
                    &r.path,
                    pos,
                    "stale",
                    msg("diag.stale").arg("checked", r.checked),
                )
                .with_hint(msg("diag.stale_hint")),
            );
        }
        if !r.local {
            continue;
        }
        let mut missing = |code: &'static str, what: Message, hint: Message| {
            found.push(Diagnostic::warning(&r.path, Pos::FILE, code, what).with_hint(hint));
        };
        if r.opening_hours.is_none() && r.hours.is_none() {
            missing(
                "missing-hours",
                msg("diag.missing-hours"),
                msg("diag.missing-hours_hint"),
            );
        }
        if r.phone.is_empty() {
            missing(
                "missing-phone",
                msg("diag.missing-phone"),
                msg("diag.missing-phone_hint"),
            );
        }
        if r.address.is_none() && r.kind == "organisatie" {
            missing(
                "missing-address",
                msg("diag.missing-address"),
                msg("diag.missing-address_hint"),
            );
        }
    }
    found
}
