//! Reading a story or resource: its text laid out as lines once per width (cached), the links
//! below it, and scrolling.

use super::{App, Effect, View, open_doc};
use crate::corpus::{Doc, Resource, Story};
use crate::i18n::Catalog;
use crate::text::{Block, Emphasis, Span, markdown, wrap_plain, wrap_spans};

/// What a piece of a line means; the theme turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// The title.
    Title,
    /// Who, which theme, which tags.
    Meta,
    /// Secondary text (source, checked date).
    Muted,
    /// Content notes and cautions.
    Warning,
    /// Body text.
    Plain,
    /// *Emphasis*.
    Em,
    /// **Strong**.
    Strong,
    /// A heading inside the text.
    Heading,
    /// Link number N (0-based) below the text.
    Link(usize),
    /// A phone number or web address, to take along.
    Contact,
}

/// One laid-out line: runs of text with their role.
pub type DocLine = Vec<(String, LineRole)>;

/// Where a link below the text goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A resource.
    Resource(String),
    /// A related story.
    Story(String),
}

/// A document laid out at a width.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The lines.
    pub lines: Vec<DocLine>,
    /// The links, in order, and the line each starts on.
    pub links: Vec<(Link, usize)>,
    /// What is read aloud, block by block (the title, each paragraph, heading and list item):
    /// its lines, each with the byte offset where its words start (after a list marker or an
    /// indent).
    pub spoken: Vec<Vec<(usize, usize)>>,
}

fn plain_line(text: &str, role: LineRole) -> DocLine {
    vec![(text.to_owned(), role)]
}

fn wrapped(out: &mut Vec<DocLine>, text: &str, width: usize, role: LineRole) {
    out.extend(
        wrap_plain(text, width)
            .into_iter()
            .map(|l| plain_line(&l, role)),
    );
}

/// Lays out Markdown text; returns its blocks as [`Layout::spoken`] counts them.
fn body(out: &mut Vec<DocLine>, md: &str, width: usize) -> Vec<Vec<(usize, usize)>> {
    let mut spoken = Vec::new();
    for block in markdown::parse(md) {
        let (spans, indent, prefix, heading) = match block {
            Block::Paragraph(s) => (s, 0, String::new(), false),
            Block::Heading(s) => (s, 0, String::new(), true),
            Block::Item {
                marker,
                depth,
                spans,
            } => (
                spans,
                2 * depth + marker.chars().count() + 1,
                format!("{}{marker} ", "  ".repeat(depth)),
                false,
            ),
        };
        if prefix.is_empty() && out.last().is_some_and(|l| !l.is_empty()) {
            out.push(Vec::new());
        }
        let marker = !prefix.is_empty();
        let mut all = vec![Span {
            text: prefix,
            emphasis: Emphasis::None,
        }];
        all.extend(spans);
        let mut lines = Vec::new();
        for (i, line) in wrap_spans(&all, width, indent).into_iter().enumerate() {
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            let words = text.len() - text.trim_start().len();
            let offset = match text[words..].split_once(' ') {
                // The first line of a list item starts with its marker ("-", "1."): not read.
                Some((first, _)) if i == 0 && marker => words + first.len() + 1,
                _ => words,
            };
            lines.push((out.len(), offset));
            out.push(
                line.into_iter()
                    .map(|s| {
                        let role = match (heading, s.emphasis) {
                            (true, _) => LineRole::Heading,
                            (_, Emphasis::Em) => LineRole::Em,
                            (_, Emphasis::Strong) => LineRole::Strong,
                            _ => LineRole::Plain,
                        };
                        (s.text, role)
                    })
                    .collect(),
            );
        }
        spoken.push(lines);
    }
    spoken
}

/// Lays out a document for reading at `width` columns.
pub fn layout(app: &App, id: &str, width: usize) -> Layout {
    let cat = Catalog::get(app.lang);
    match app.corpus.get(id) {
        Some(Doc::Story(s)) => story(app, s, cat, width),
        Some(Doc::Resource(r)) => resource(app, r, cat, width),
        None => Layout::default(),
    }
}

fn story(app: &App, s: &Story, cat: &Catalog, width: usize) -> Layout {
    let en = app.lang.is_english();
    let mut out = Vec::new();
    wrapped(&mut out, &s.title, width, LineRole::Title);
    let mut spoken = vec![(0..out.len()).map(|l| (l, 0)).collect::<Vec<_>>()];
    let byline = crate::present::byline(&app.corpus, s, cat, en);
    wrapped(&mut out, &byline, width, LineRole::Meta);
    let origin = crate::present::origin_label(cat, &s.origin);
    wrapped(&mut out, &format!("({origin})"), width, LineRole::Muted);
    if !s.tags.is_empty() {
        wrapped(
            &mut out,
            &format!("{}: {}", cat.t("doc.tags"), s.tags.join(", ")),
            width,
            LineRole::Muted,
        );
    }
    out.push(Vec::new());
    match s.text() {
        Ok(text) => spoken.extend(body(&mut out, &text, width)),
        Err(problem) => {
            let first = out.len();
            wrapped(&mut out, cat.t("doc.unreadable"), width, LineRole::Plain);
            wrapped(&mut out, &problem.render(cat), width, LineRole::Muted);
            spoken.push((first..out.len()).map(|l| (l, 0)).collect());
        }
    }
    let mut links = Vec::new();
    let resources: Vec<&Resource> = s
        .resources
        .iter()
        .filter_map(|r| app.corpus.resource(r))
        .collect();
    if !resources.is_empty() {
        out.push(Vec::new());
        out.push(plain_line(cat.t("doc.help"), LineRole::Heading));
        for r in resources {
            let n = links.len();
            links.push((Link::Resource(r.id.clone()), out.len()));
            let contact = crate::present::resource_contact(r);
            out.extend(
                wrap_plain(&format!("[{}] {contact}", n + 1), width)
                    .into_iter()
                    .map(|l| plain_line(&l, LineRole::Link(n))),
            );
        }
    }
    let related: Vec<&Story> = app
        .related
        .get(&s.id)
        .map(|ids| {
            ids.iter()
                .filter_map(|i| match app.corpus.get(i) {
                    Some(Doc::Story(s)) => Some(s),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    if !related.is_empty() {
        out.push(Vec::new());
        out.push(plain_line(cat.t("doc.related"), LineRole::Heading));
        for r in related {
            let n = links.len();
            links.push((Link::Story(r.id.clone()), out.len()));
            out.extend(
                wrap_plain(&format!("[{}] {}", n + 1, r.title), width)
                    .into_iter()
                    .map(|l| plain_line(&l, LineRole::Link(n))),
            );
        }
    }
    Layout {
        lines: out,
        links,
        spoken,
    }
}

fn resource(app: &App, r: &Resource, cat: &Catalog, width: usize) -> Layout {
    let now = app.now;
    let mut out = Vec::new();
    wrapped(&mut out, &r.name, width, LineRole::Title);
    let mut meta = vec![cat.t(&format!("kind.{}", r.kind)).to_owned()];
    meta.extend(crate::present::local_marks(r, cat));
    wrapped(&mut out, &meta.join(" · "), width, LineRole::Meta);
    out.push(Vec::new());
    wrapped(&mut out, &r.summary, width, LineRole::Plain);
    out.push(Vec::new());
    for p in &r.phone {
        out.push(vec![
            (format!("{}: ", cat.t("doc.phone")), LineRole::Meta),
            (p.clone(), LineRole::Contact),
        ]);
    }
    if let Some(u) = &r.url {
        out.push(vec![
            (format!("{}: ", cat.t("doc.website")), LineRole::Meta),
            (u.clone(), LineRole::Contact),
        ]);
    }
    for (label, text) in crate::present::visit_lines(r, now, cat) {
        wrapped(
            &mut out,
            &format!("{}: {text}", cat.t(label)),
            width,
            LineRole::Meta,
        );
    }
    out.push(Vec::new());
    body(&mut out, &r.body, width);
    // Stories the resource links (a local resource may link bundled ones).
    let mut links = Vec::new();
    let stories: Vec<&Story> = r
        .stories
        .iter()
        .filter_map(|id| match app.corpus.get(id) {
            Some(Doc::Story(s)) => Some(s),
            _ => None,
        })
        .collect();
    if !stories.is_empty() {
        out.push(Vec::new());
        out.push(plain_line(cat.t("doc.stories"), LineRole::Heading));
        for s in stories {
            let n = links.len();
            links.push((Link::Story(s.id.clone()), out.len()));
            out.extend(
                wrap_plain(&format!("[{}] {}", n + 1, s.title), width)
                    .into_iter()
                    .map(|l| plain_line(&l, LineRole::Link(n))),
            );
        }
    }
    out.push(Vec::new());
    if let Some(stale) = crate::present::stale_text(r, now, cat) {
        wrapped(&mut out, &stale, width, LineRole::Warning);
    }
    wrapped(
        &mut out,
        &cat.f("doc.checked", &[("date", &r.checked)]),
        width,
        LineRole::Warning,
    );
    wrapped(
        &mut out,
        &format!("{}: {}", cat.t("doc.source"), r.source),
        width,
        LineRole::Muted,
    );
    Layout {
        lines: out,
        links,
        spoken: Vec::new(),
    }
}

pub(super) fn update(app: &mut App, action: super::Action) -> Vec<Effect> {
    use super::Action as A;
    let View::Reader { id, scroll, link } = app.view().clone() else {
        return Vec::new();
    };
    let layout = app.layout(&id);
    let page = app.page();
    let max_scroll = layout.lines.len().saturating_sub(page);
    let n_links = layout.links.len();
    let (mut scroll, mut link) = (scroll, link);
    let open = |app: &mut App, i: usize| match layout.links.get(i) {
        Some((Link::Resource(r), _)) | Some((Link::Story(r), _)) => {
            let r = r.clone();
            open_doc(app, &r)
        }
        None => Vec::new(),
    };
    match action {
        A::Up => scroll = scroll.saturating_sub(1),
        A::Down => scroll = (scroll + 1).min(max_scroll),
        A::PageUp => scroll = scroll.saturating_sub(page.saturating_sub(1).max(1)),
        A::PageDown => scroll = (scroll + page.saturating_sub(1).max(1)).min(max_scroll),
        A::First => scroll = 0,
        A::Last => scroll = max_scroll,
        A::Scroll(d) => {
            scroll = if d < 0 {
                scroll.saturating_sub(3)
            } else {
                (scroll + 3).min(max_scroll)
            }
        }
        A::NextLink | A::PrevLink if n_links > 0 => {
            let next = match (link, matches!(action, A::NextLink)) {
                (None, true) => 0,
                (None, false) => n_links - 1,
                (Some(i), true) => (i + 1) % n_links,
                (Some(i), false) => (i + n_links - 1) % n_links,
            };
            link = Some(next);
            let line = layout.links[next].1;
            if line < scroll || line >= scroll + page {
                scroll = line.saturating_sub(page / 2).min(max_scroll);
            }
        }
        A::JumpTo(n) if n >= 1 => return open(app, n - 1),
        A::Activate(i) => return open(app, i),
        A::Open => return link.map(|i| open(app, i)).unwrap_or_default(),
        _ => {}
    }
    if let Some(View::Reader {
        scroll: s, link: l, ..
    }) = app.stack.last_mut()
    {
        *s = scroll;
        *l = link;
    }
    Vec::new()
}
