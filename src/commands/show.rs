//! `plein show ID`: a story or resource as plain, wrapped text (for pipes and screen readers).

use super::{EXIT_OK, EXIT_PROBLEM, Io};
use crate::corpus::{Body, Corpus, Doc, Resource, Story};
use crate::i18n::Catalog;
use crate::present::{byline, origin_label, resource_contact};
use crate::text::{Block, markdown, wrap_plain};
use std::io;

pub(super) fn run(
    corpus: &Corpus,
    id: &str,
    json: bool,
    width: usize,
    io: &mut Io<'_>,
) -> io::Result<u8> {
    let Some(doc) = corpus.get(id) else {
        let id = crate::sanitize::sanitize_line(id);
        writeln!(
            io.err,
            "plein: {}",
            io.cat().f("cli.not_found", &[("id", &id)])
        )?;
        return Ok(EXIT_PROBLEM);
    };
    // A story left in its file is read now, once; a file gone or broken since loading is said.
    let held;
    let doc = match doc {
        Doc::Story(s) if matches!(s.body, Body::File(_)) => match s.text() {
            Ok(text) => {
                held = Story {
                    body: text.into_owned().into(),
                    ..s.clone()
                };
                Doc::Story(&held)
            }
            Err(problem) => {
                writeln!(io.err, "{}", problem.render(io.cat()))?;
                return Ok(EXIT_PROBLEM);
            }
        },
        doc => doc,
    };
    if json {
        let value = match doc {
            Doc::Story(s) => serde_json::json!({ "kind": "story", "story": s }),
            Doc::Resource(r) => serde_json::json!({
                "kind": "resource",
                "resource": r,
                "open_now": r
                    .opening_hours
                    .as_ref()
                    .and_then(|h| h.status(io.now).render(io.cat())),
                "open": r.opening_hours.as_ref().map(|h| h.status(io.now).is_open()),
                "stale": crate::present::stale_text(r, io.now, io.cat()),
            }),
        };
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(io::Error::other)?
        )?;
        return Ok(EXIT_OK);
    }
    let lines = match doc {
        Doc::Story(s) => story_lines(corpus, s, io.cat(), io.lang.is_english(), width),
        Doc::Resource(r) => {
            let mut lines = resource_lines(r, io.now, io.cat(), width);
            let stories: Vec<&Story> = r
                .stories
                .iter()
                .filter_map(|id| match corpus.get(id) {
                    Some(Doc::Story(s)) => Some(s),
                    _ => None,
                })
                .collect();
            if !stories.is_empty() {
                lines.push(String::new());
                lines.push(format!("{}:", io.cat().t("doc.stories")));
                for s in stories {
                    lines.extend(wrap_item(&format!("{} ({})", s.title, s.id), width));
                }
            }
            lines
        }
    };
    for line in lines {
        writeln!(io.out, "{}", line.trim_end())?;
    }
    Ok(EXIT_OK)
}

/// A story as plain lines: title, who and what, content notes, text, linked help.
pub fn story_lines(
    corpus: &Corpus,
    s: &Story,
    cat: &Catalog,
    en: bool,
    width: usize,
) -> Vec<String> {
    let mut out = wrap_plain(&s.title, width);
    out.extend(wrap_plain(&byline(corpus, s, cat, en), width));
    let origin = origin_label(cat, &s.origin);
    out.extend(wrap_plain(&format!("({origin})"), width));
    if !s.tags.is_empty() {
        out.extend(wrap_plain(
            &format!("{}: {}", cat.t("doc.tags"), s.tags.join(", ")),
            width,
        ));
    }
    if !s.content_notes.is_empty() {
        let notes: Vec<String> = s
            .content_notes
            .iter()
            .map(|n| corpus.content_note_label(n, en))
            .collect();
        out.push(String::new());
        out.extend(wrap_plain(
            &format!("{}: {}.", cat.t("doc.content_notes"), notes.join(", ")),
            width,
        ));
    }
    out.push(String::new());
    out.extend(body_lines(&s.text().unwrap_or_default(), width));
    let links: Vec<&Resource> = s
        .resources
        .iter()
        .filter_map(|id| corpus.resource(id))
        .collect();
    if !links.is_empty() {
        out.push(String::new());
        out.push(format!("{}:", cat.t("doc.help")));
        for r in links {
            out.extend(wrap_item(&resource_contact(r), width));
        }
    }
    out
}

/// A resource as plain lines: name, what it offers, how to reach it, when it was checked.
pub fn resource_lines(
    r: &Resource,
    now: crate::hours::Now,
    cat: &Catalog,
    width: usize,
) -> Vec<String> {
    let kind_key = format!("kind.{}", r.kind);
    let mut out = wrap_plain(&format!("{} ({})", r.name, cat.t(&kind_key)), width);
    let marks = crate::present::local_marks(r, cat);
    if !marks.is_empty() {
        out.extend(wrap_plain(&marks.join(" · "), width));
    }
    out.push(String::new());
    out.extend(wrap_plain(&r.summary, width));
    out.push(String::new());
    if !r.phone.is_empty() {
        out.extend(wrap_plain(
            &format!("{}: {}", cat.t("doc.phone"), r.phone.join(" / ")),
            width,
        ));
    }
    if let Some(u) = &r.url {
        out.extend(wrap_plain(&format!("{}: {u}", cat.t("doc.website")), width));
    }
    for (label, text) in crate::present::visit_lines(r, now, cat) {
        out.extend(wrap_plain(&format!("{}: {text}", cat.t(label)), width));
    }
    out.push(String::new());
    out.extend(body_lines(&r.body, width));
    out.push(String::new());
    if let Some(stale) = crate::present::stale_text(r, now, cat) {
        out.extend(wrap_plain(&stale, width));
    }
    out.extend(wrap_plain(
        &cat.f("doc.checked", &[("date", &r.checked)]),
        width,
    ));
    out.extend(wrap_plain(
        &format!("{}: {}", cat.t("doc.source"), r.source),
        width,
    ));
    out
}

fn body_lines(md: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for block in markdown::parse(md) {
        if !out.is_empty() && !matches!(block, Block::Item { .. }) {
            out.push(String::new());
        }
        match block {
            Block::Paragraph(spans) | Block::Heading(spans) => {
                out.extend(wrap_plain(&markdown::plain(&spans), width));
            }
            Block::Item {
                marker,
                depth,
                spans,
            } => {
                let indent = "  ".repeat(depth);
                out.extend(wrap_item(
                    &format!("{indent}{marker} {}", markdown::plain(&spans)),
                    width,
                ));
            }
        }
    }
    out
}

fn wrap_item(text: &str, width: usize) -> Vec<String> {
    let spans = [markdown::Span {
        text: format!("- {text}"),
        emphasis: markdown::Emphasis::None,
    }];
    crate::text::wrap_spans(&spans, width, 2)
        .into_iter()
        .map(|l| l.into_iter().map(|s| s.text).collect())
        .collect()
}
