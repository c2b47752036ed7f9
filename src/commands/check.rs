//! `plein check`: every problem in a corpus, as `path:line:col: message` or JSON.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, Io};
use crate::corpus::{self, Source};
use serde_json::json;
use std::io;

pub(super) fn run(source: &Source, json: bool, io: &mut Io<'_>) -> io::Result<u8> {
    let loaded = match corpus::load(source) {
        Ok(l) => l,
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
    let c = &loaded.corpus;
    let documents = c.stories.len() + c.resources.len() + c.skipped;
    let (errors, warnings) = (loaded.errors(), loaded.warnings());
    if json {
        let report = json!({
            "source": source.dir_display(),
            "documents": documents,
            "stories": c.stories.len(),
            "resources": c.resources.len(),
            "skipped": c.skipped,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": loaded.diagnostics,
        });
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&report).map_err(io::Error::other)?
        )?;
    } else {
        for d in &loaded.diagnostics {
            writeln!(io.out, "{d}")?;
        }
        let cat = io.cat();
        let source = source
            .dir_display()
            .unwrap_or_else(|| cat.t("cli.bundled").to_owned());
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
    Ok(if errors > 0 { EXIT_PROBLEM } else { EXIT_OK })
}
