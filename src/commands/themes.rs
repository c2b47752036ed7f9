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

/// `plein themes THEME`: the theme's stories (as its list in the app: every story that names the
/// theme), then the help that serves it. JSON: `slug`, `name`, `name_nl`, `name_en`,
/// `description`, `stories` (`id`, `title`, `summary`, `author`, `perspective`, `origin`,
/// `main_theme`, `tags`, `content_notes`), `resources` (as `plein resources --json`).
pub(super) fn one(
    corpus: &Corpus,
    asked: &str,
    json: bool,
    width: usize,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    use crate::corpus::DocRef;
    let Some(theme) = super::resources::known_theme(corpus, asked, io)? else {
        return Ok(super::EXIT_USAGE);
    };
    let en = io.lang.is_english();
    let items = crate::app::theme_items(corpus, &theme.slug, &Default::default());
    let stories: Vec<&crate::corpus::Story> = items
        .iter()
        .filter_map(|d| match d {
            DocRef::Story(i) => Some(&corpus.stories[*i]),
            DocRef::Resource(_) => None,
        })
        .collect();
    let resources: Vec<&crate::corpus::Resource> = items
        .iter()
        .filter_map(|d| match d {
            DocRef::Resource(i) => Some(&corpus.resources[*i]),
            DocRef::Story(_) => None,
        })
        .collect();
    let description = if en {
        &theme.description_en
    } else {
        &theme.description_nl
    };
    if json {
        let value = json!({
            "slug": theme.slug,
            "name": theme.name(en),
            "name_nl": theme.name_nl,
            "name_en": theme.name_en,
            "description": description,
            "stories": stories.iter().map(|s| json!({
                "id": s.id,
                "title": s.title,
                "summary": s.summary,
                "author": s.author,
                "perspective": s.perspective.slug(),
                "origin": s.origin,
                "main_theme": s.main_theme(),
                "tags": s.tags,
                "content_notes": s.content_notes,
            })).collect::<Vec<_>>(),
            "resources": resources.iter().map(|r| super::resources::resource_json(r, io)).collect::<Vec<_>>(),
        });
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(io::Error::other)?
        )?;
        return Ok(EXIT_OK);
    }
    let cat = io.cat();
    writeln!(io.out, "{} ({})", theme.name(en), theme.slug)?;
    for l in crate::text::wrap_plain(description, width) {
        writeln!(io.out, "{l}")?;
    }
    writeln!(io.out)?;
    writeln!(io.out, "{}:", cat.n("cli.stories", stories.len()))?;
    for (n, s) in stories.iter().enumerate() {
        for l in crate::text::wrap_hanging(&format!("{}. {}", n + 1, s.title), width, 3) {
            writeln!(io.out, "{l}")?;
        }
        for l in crate::text::wrap_plain(&s.summary, width.saturating_sub(3).max(10)) {
            writeln!(io.out, "   {l}")?;
        }
        writeln!(io.out, "   id: {}", s.id)?;
    }
    if !resources.is_empty() {
        writeln!(io.out)?;
        writeln!(io.out, "{}:", cat.n("cli.resources", resources.len()))?;
        super::resources::print_list(&resources, width, io)?;
    }
    Ok(EXIT_OK)
}
