//! `plein search`: ranked hits with snippets, as text or JSON (a contract other tools rely on).
//!
//! For a corpus directory, a sound cached index answers without reading the corpus; for the
//! bundled corpus, its prebuilt index with the corpus's table read without its stories;
//! otherwise the corpus is loaded and indexed (and cached for next time).

use super::{EXIT_OK, EXIT_USAGE, Io, with_corpus};
use crate::corpus::{self, Source, THEME_SLUGS};
use crate::search::crisis::{Card, CardResource};
use crate::search::{Filter, Kind, Results, SearchError, SearchIndex, cache};
use crate::text::wrap_plain;
use std::io;

pub(super) struct Args<'a> {
    pub themes: &'a [String],
    pub kind: Option<&'a str>,
    pub limit: usize,
    pub json: bool,
    pub width: usize,
    pub query: &'a str,
    /// The local overlay, if any (its items are indexed with the corpus, in memory).
    pub local: Option<&'a std::path::Path>,
}

pub(super) fn run(
    source: &Source,
    args: &Args<'_>,
    cache_root: Option<&std::path::Path>,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    let cat = io.cat();
    if let Some(t) = args
        .themes
        .iter()
        .find(|t| !THEME_SLUGS.contains(&t.as_str()))
    {
        let t = crate::sanitize::sanitize_line(t);
        let list = THEME_SLUGS.join(", ");
        writeln!(
            io.err,
            "plein: {}",
            cat.f("search.unknown_theme", &[("theme", &t), ("themes", &list)])
        )?;
        return Ok(EXIT_USAGE);
    }
    let filter = Filter {
        themes: args.themes.to_vec(),
        kind: args.kind.and_then(Kind::from_slug),
        ..Filter::default()
    };
    // The fast paths: a cached index whose directories and hit files are unchanged answers
    // without reading the corpus; the bundled corpus's prebuilt index answers with the corpus
    // table read without its stories (the index holds them). Each gives the results and the
    // number of skipped files to report.
    let cached = match (source, cache_root) {
        (Source::Dir(dir), Some(root)) if args.local.is_none() => cache::open_cached(root, dir)
            .and_then(
                |(ix, meta)| match ix.search(args.query, &filter, args.limit) {
                    Ok(r) if cache::hits_current(dir, &r.hits) => {
                        let facts = ix.hit_facts(&r.hits);
                        Some(((r, facts), meta.skipped))
                    }
                    _ => None,
                },
            ),
        (Source::Bundled, _) if args.local.is_none() => corpus::snapshot::bundled_without_stories()
            .and_then(|loaded| SearchIndex::bundled(&loaded.corpus))
            .and_then(|ix| {
                let r = ix.search(args.query, &filter, args.limit).ok()?;
                let facts = ix.hit_facts(&r.hits);
                Some(((r, facts), 0))
            }),
        _ => None,
    };
    let outcome = match cached {
        Some((results, skipped)) => {
            if skipped > 0 {
                writeln!(io.err, "{}", cat.n("cli.skipped", skipped))?;
            }
            Some(Ok(results))
        }
        None => {
            let mut outcome = None;
            let code = with_corpus(source, args.local, io, |loaded, _| {
                let c = &loaded.corpus;
                let index = SearchIndex::for_corpus(c, source, cache_root)
                    .map(|(ix, _)| ix)
                    .or_else(|_| SearchIndex::build(c));
                outcome = Some(index.and_then(|ix| {
                    ix.search(args.query, &filter, args.limit).map(|r| {
                        let facts = ix.hit_facts(&r.hits);
                        (r, facts)
                    })
                }));
                Ok(EXIT_OK)
            })?;
            if code != EXIT_OK {
                return Ok(code);
            }
            outcome
        }
    };
    match outcome {
        Some(Ok((results, facts))) => print(&results, &facts, args, io),
        Some(Err(e)) => fail(&e, io),
        None => Ok(EXIT_USAGE),
    }
}

fn fail(e: &SearchError, io: &mut Io<'_>) -> io::Result<u8> {
    writeln!(io.err, "plein: {}: {e}", io.cat().t("search.search_failed"))?;
    Ok(EXIT_USAGE)
}

/// Whether a resource hit is open now ("nu open tot 17:00"), from its structured opening hours.
fn open_now(id: &str, facts: &[CardResource], io: &Io<'_>) -> Option<String> {
    let f = facts.iter().find(|f| f.id == id)?;
    f.opening_hours.as_ref()?.status(io.now).render(io.cat())
}

fn print(
    results: &Results,
    facts: &[CardResource],
    args: &Args<'_>,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    if args.json {
        let mut value = serde_json::to_value(results).map_err(io::Error::other)?;
        // Each hit's `open_now`: "nu open tot 17:00" for a resource with opening hours, else
        // null.
        if let Some(hits) = value["hits"].as_array_mut() {
            for (hit, h) in hits.iter_mut().zip(&results.hits) {
                hit["open_now"] = open_now(&h.id, facts, io).into();
            }
        }
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(io::Error::other)?
        )?;
        return Ok(found(results));
    }
    let cat = io.cat();
    let themes = corpus::bundled_theme_list();
    let en = io.lang.is_english();
    let theme_name = |slug: &str| {
        themes
            .iter()
            .find(|t| t.slug == slug)
            .map_or(String::new(), |t| {
                if en {
                    t.name_en.clone()
                } else {
                    t.name_nl.clone()
                }
            })
    };
    let width = args.width.max(20);
    if let Some(card) = &results.crisis {
        print_card(card, width, io)?;
    }
    if results.hits.is_empty() {
        writeln!(
            io.out,
            "{}",
            cat.f("search.no_hits", &[("query", &results.query)])
        )?;
    } else {
        let a: [(&str, &dyn std::fmt::Display); 2] =
            [("total", &results.total), ("query", &results.query)];
        writeln!(io.out, "{}\n", cat.f("search.hits", &a))?;
    }
    for (n, hit) in results.hits.iter().enumerate() {
        let kind = cat.t(if hit.kind == Kind::Story {
            "kind.story"
        } else {
            "kind.resource"
        });
        let theme = theme_name(&hit.theme);
        let meta = if theme.is_empty() {
            kind.to_owned()
        } else {
            format!("{kind} · {theme}")
        };
        writeln!(io.out, "{}. {} ({meta})", n + 1, hit.title)?;
        if let Some(open) = open_now(&hit.id, facts, io) {
            writeln!(io.out, "   {open}")?;
        }
        writeln!(io.out, "   id: {}", hit.id)?;
        // Two lines of snippet, cut around the first match to fit the width.
        let line = width - 3;
        let snippet = hit.snippet.window(2 * line - 2);
        for l in wrap_plain(&snippet.marked("*", "*"), line) {
            writeln!(io.out, "   {l}")?;
        }
        writeln!(io.out)?;
    }
    if let Some(s) = &results.suggestion {
        writeln!(
            io.out,
            "{}",
            cat.f("search.did_you_mean", &[("suggestion", s)])
        )?;
    }
    if results.hits.is_empty() {
        if let Some(slug) = &results.nearest_theme {
            let name = theme_name(slug);
            writeln!(
                io.out,
                "{}",
                cat.f("search.nearest_theme", &[("theme", &name), ("slug", slug)])
            )?;
        }
        writeln!(io.out, "{}", cat.t("search.try"))?;
        for t in &themes {
            writeln!(
                io.out,
                "  plein search --theme {} …   ({})",
                t.slug,
                theme_name(&t.slug)
            )?;
        }
        writeln!(io.out, "\n{}", cat.t("search.help_now"))?;
        for h in crate::search::crisis::help_now() {
            writeln!(
                io.out,
                "  {}",
                crate::present::card_help_line(&h, io.now, cat)
            )?;
        }
    }
    Ok(found(results))
}

/// Like grep: 0 when something was found, 1 when nothing was.
fn found(results: &Results) -> u8 {
    if results.hits.is_empty() {
        super::EXIT_PROBLEM
    } else {
        EXIT_OK
    }
}

/// The crisis card as the first lines: one calm sentence, the help with number and hours.
fn print_card(card: &Card, width: usize, io: &mut Io<'_>) -> io::Result<()> {
    let cat = io.cat();
    for l in crate::present::crisis_card_lines(card, io.now, cat, width) {
        writeln!(io.out, "{l}")?;
    }
    if let Some(first) = card.resources.first() {
        writeln!(io.out, "{}", cat.f("search.crisis_open", &[("id", first)]))?;
    }
    writeln!(io.out)?;
    Ok(())
}
