//! The Markdown that stories use (paragraphs, emphasis, lists, headings), as plain blocks of
//! styled spans that both the terminal reader and `plein show` lay out.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How a run of text is emphasised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Emphasis {
    /// Normal text.
    None,
    /// `*emphasis*`.
    Em,
    /// `**strong**`.
    Strong,
}

/// A run of text with one emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Its emphasis.
    pub emphasis: Emphasis,
}

/// A block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Span>),
    /// A heading.
    Heading(Vec<Span>),
    /// A list item with its marker (`•`, `1.`) and nesting depth (0 = top).
    Item {
        /// `•` or `1.`.
        marker: String,
        /// 0 for a top-level item.
        depth: usize,
        /// The item's text.
        spans: Vec<Span>,
    },
}

/// Parses Markdown into blocks. HTML, links and images are shown as their text only.
pub fn parse(md: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let (mut em, mut strong) = (0usize, 0usize);
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut item_marker: Option<(String, usize)> = None;
    let mut heading = false;
    let flush = |spans: &mut Vec<Span>,
                 blocks: &mut Vec<Block>,
                 item: &mut Option<(String, usize)>,
                 heading: bool| {
        let text: Vec<Span> = std::mem::take(spans);
        if text.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        let text = trim_spans(text);
        if let Some((marker, depth)) = item.take() {
            blocks.push(Block::Item {
                marker,
                depth,
                spans: text,
            });
        } else if heading {
            blocks.push(Block::Heading(text));
        } else {
            blocks.push(Block::Paragraph(text));
        }
    };
    for event in Parser::new_ext(md, Options::empty()) {
        match event {
            Event::Start(Tag::Emphasis) => em += 1,
            Event::End(TagEnd::Emphasis) => em = em.saturating_sub(1),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut spans, &mut blocks, &mut item_marker, true);
                heading = false;
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut spans, &mut blocks, &mut item_marker, heading);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut spans, &mut blocks, &mut item_marker, heading);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut spans, &mut blocks, &mut item_marker, heading);
                let depth = lists.len().saturating_sub(1);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_owned(),
                };
                item_marker = Some((marker, depth));
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) => {
                flush(&mut spans, &mut blocks, &mut item_marker, heading);
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                let emphasis = if strong > 0 {
                    Emphasis::Strong
                } else if em > 0 {
                    Emphasis::Em
                } else {
                    Emphasis::None
                };
                push(&mut spans, &t, emphasis);
            }
            Event::SoftBreak | Event::HardBreak => push(&mut spans, " ", Emphasis::None),
            _ => {}
        }
    }
    flush(&mut spans, &mut blocks, &mut item_marker, heading);
    blocks
}

fn push(spans: &mut Vec<Span>, text: &str, emphasis: Emphasis) {
    match spans.last_mut() {
        Some(last) if last.emphasis == emphasis => last.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_owned(),
            emphasis,
        }),
    }
}

fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans
}

/// The plain text of spans, without emphasis.
pub fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_emphasis_and_lists() {
        let blocks = parse("Een *klein* stap.\nVerder.\n\n- eerst\n- **dan**\n\n1. a\n2. b\n");
        assert_eq!(blocks.len(), 5);
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("paragraph")
        };
        assert_eq!(plain(p), "Een klein stap. Verder.");
        assert_eq!(
            p[1],
            Span {
                text: "klein".into(),
                emphasis: Emphasis::Em
            }
        );
        assert!(matches!(&blocks[2], Block::Item { marker, .. } if marker == "•"));
        assert!(matches!(&blocks[4], Block::Item { marker, .. } if marker == "2."));
    }
}
