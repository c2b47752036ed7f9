//! `plein themes`: the themes with their counts.

use super::{EXIT_OK, Io};
use crate::corpus::Corpus;
use crate::present::theme_counts as counts;
use crate::text::width;
use serde_json::json;
use std::io;

pub(super) fn run(corpus: &Corpus, json: bool, io: &mut Io<'_>) -> io::Result<u8> {
    let en = io.lang.is_english();
    if json {
        let themes: Vec<_> = corpus
            .themes
            .iter()
            .map(|t| {
                let (stories, resources) = counts(corpus, &t.slug);
                json!({
                    "slug": t.slug,
                    "name": if en { &t.name_en } else { &t.name_nl },
                    "name_nl": t.name_nl,
                    "name_en": t.name_en,
                    "stories": stories,
                    "main_stories": corpus.stories_in(&t.slug).count(),
                    "resources": resources,
                })
            })
            .collect();
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&themes).map_err(io::Error::other)?
        )?;
        return Ok(EXIT_OK);
    }
    let names: Vec<&str> = corpus
        .themes
        .iter()
        .map(|t| {
            if en {
                t.name_en.as_str()
            } else {
                t.name_nl.as_str()
            }
        })
        .collect();
    let name_w = names.iter().map(|n| width(n)).max().unwrap_or(0);
    let slug_w = corpus
        .themes
        .iter()
        .map(|t| t.slug.len())
        .max()
        .unwrap_or(0);
    let cat = io.cat();
    for (t, name) in corpus.themes.iter().zip(names) {
        let (stories, resources) = counts(corpus, &t.slug);
        let pad = " ".repeat(name_w - width(name));
        writeln!(
            io.out,
            "{name}{pad}  {:slug_w$}  {}, {}",
            t.slug,
            cat.n("cli.stories", stories),
            cat.n("cli.resources", resources),
        )?;
    }
    Ok(EXIT_OK)
}
