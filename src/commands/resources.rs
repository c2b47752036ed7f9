//! `plein hulp` and `plein resources`: the help lines and organisations, as text or JSON.
//!
//! `plein hulp` lists what the app's *Hulp nu* screen lists, in the same order
//! ([`crate::app::crisis_resources`]); every fact (name, number, hours) comes from the resource
//! files, none is written here.
//!
//! The JSON of a resource is a contract: `id`, `name`, `kind`, `themes`, `crisis`, `summary`,
//! `phone` (a list), `url`, `hours` (null when unknown), `checked` (YYYY-MM-DD), `source`;
//! and for help nearby `local`, `example`, `place`, `address`, `walk_in`, `opening_hours` (the
//! OSM expression) and `open_now` ("nu open tot 17:00", null without `opening_hours`), all null
//! or false when not given.

use super::{EXIT_OK, EXIT_USAGE, Io};
use crate::corpus::{Corpus, Resource};
use crate::text::wrap_plain;
use serde_json::{Value, json};
use std::io;

/// A resource as its stable JSON object.
pub(super) fn resource_json(r: &Resource, io: &Io<'_>) -> Value {
    let open_now = r
        .opening_hours
        .as_ref()
        .and_then(|h| h.status(io.now).render(io.cat()));
    json!({
        "id": r.id,
        "name": r.name,
        "kind": r.kind,
        "themes": r.themes,
        "crisis": r.crisis,
        "summary": r.summary,
        "phone": r.phone,
        "url": r.url,
        "hours": r.hours,
        "checked": r.checked.to_string(),
        "source": r.source,
        "local": r.local,
        "example": r.example,
        "place": r.place,
        "address": r.address,
        "walk_in": r.walk_in,
        "opening_hours": r.opening_hours,
        "open_now": open_now,
    })
}

/// The theme a `--theme` or `themes THEME` argument names (by slug, any case), or the error
/// naming the known themes (exit 2).
pub(super) fn known_theme<'c>(
    corpus: &'c Corpus,
    asked: &str,
    io: &mut Io<'_>,
) -> io::Result<Option<&'c crate::corpus::Theme>> {
    let wanted = asked.trim().to_lowercase();
    if let Some(t) = corpus.themes.iter().find(|t| t.slug == wanted) {
        return Ok(Some(t));
    }
    let shown = crate::sanitize::sanitize_line(asked);
    let list: Vec<&str> = corpus.themes.iter().map(|t| t.slug.as_str()).collect();
    let list = list.join(", ");
    writeln!(
        io.err,
        "plein: {}",
        io.cat().f(
            "search.unknown_theme",
            &[("theme", &shown), ("themes", &list)]
        )
    )?;
    Ok(None)
}

/// `plein hulp`: the crisis lines, most urgent first, with numbers and hours.
pub(super) fn hulp(corpus: &Corpus, json: bool, width: usize, io: &mut Io<'_>) -> io::Result<u8> {
    let list: Vec<&Resource> = crate::app::crisis_resources(corpus)
        .into_iter()
        .map(|i| &corpus.resources[i])
        .collect();
    if json {
        return print_json(&list, io);
    }
    let cat = io.cat();
    writeln!(io.out, "{}", cat.t("ui.crisis_title"))?;
    for l in wrap_plain(cat.t("ui.crisis_intro"), width) {
        writeln!(io.out, "{l}")?;
    }
    writeln!(io.out)?;
    print_list(&list, width, io)
}

/// `plein resources [--theme T]`: every resource, or those serving a theme.
pub(super) fn resources(
    corpus: &Corpus,
    theme: Option<&str>,
    json: bool,
    width: usize,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    let mut list: Vec<&Resource> = match theme {
        Some(asked) => match known_theme(corpus, asked, io)? {
            Some(t) => corpus.resources_in(&t.slug).collect(),
            None => return Ok(EXIT_USAGE),
        },
        None => corpus.resources.iter().collect(),
    };
    // Help nearby first, as in the app's theme lists.
    list.sort_by_key(|r| !r.local);
    if json {
        return print_json(&list, io);
    }
    print_list(&list, width, io)
}

fn print_json(list: &[&Resource], io: &mut Io<'_>) -> io::Result<u8> {
    let values: Vec<Value> = list.iter().map(|r| resource_json(r, io)).collect();
    writeln!(
        io.out,
        "{}",
        serde_json::to_string_pretty(&values).map_err(io::Error::other)?
    )?;
    Ok(EXIT_OK)
}

/// Numbered resources: name, number and hours on the first line, then what it offers and its id.
pub(super) fn print_list(list: &[&Resource], width: usize, io: &mut Io<'_>) -> io::Result<u8> {
    let cat = io.cat();
    for (n, r) in list.iter().enumerate() {
        let contact = crate::present::resource_help_line(r, io.now, cat);
        for l in crate::text::wrap_hanging(&format!("{}. {contact}", n + 1), width, 3) {
            writeln!(io.out, "{l}")?;
        }
        let marks = crate::present::local_marks(r, cat);
        if !marks.is_empty() {
            writeln!(io.out, "   {}", marks.join(" · "))?;
        }
        for l in wrap_plain(&r.summary, width.saturating_sub(3).max(10)) {
            writeln!(io.out, "   {l}")?;
        }
        if let Some(u) = &r.url {
            writeln!(io.out, "   {}: {u}", cat.t("doc.website"))?;
        }
        // Where to go and when to walk in (the hours are on the first line already), and an
        // old check date: what a visitor takes along.
        let text_width = width.saturating_sub(3).max(10);
        for (label, text) in crate::present::visit_lines(r, io.now, cat)
            .into_iter()
            .filter(|(label, _)| *label != "doc.hours")
        {
            for l in wrap_plain(&format!("{}: {text}", cat.t(label)), text_width) {
                writeln!(io.out, "   {l}")?;
            }
        }
        if let Some(stale) = crate::present::stale_text(r, io.now, cat) {
            for l in wrap_plain(&stale, text_width) {
                writeln!(io.out, "   {l}")?;
            }
        }
        writeln!(io.out, "   id: {}", r.id)?;
        writeln!(io.out)?;
    }
    Ok(EXIT_OK)
}
