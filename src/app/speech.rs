//! *Voorlezen*: reading a story aloud, sentence by sentence. This is the pure half: which
//! sentences the story has (taken from the reader's layout, so the highlight sits exactly on
//! the words drawn), which one is being read, and the effects that start and stop the speech
//! program. The edge (`tui::speech`) runs one speech process per sentence and answers
//! [`Action::SpeechDone`] when it exits, so the highlight follows the voice exactly.
//!
//! Reading stops with `v` or Esc, and by itself on leaving the story, on *snel weg*, on the
//! kiosk's idle wipe and when plein quits ([`after`] checks that after every action).

use super::{Action, App, Effect, Layout, View};
use crate::corpus::Doc;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The voice the speech program speaks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Dutch (`nl`).
    Dutch,
    /// English (`en`).
    English,
}

impl Voice {
    /// The voice for a story's language code: English for `en…`, else Dutch.
    pub fn for_lang(code: &str) -> Voice {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Voice::English
        } else {
            Voice::Dutch
        }
    }

    /// The speech program's name for this voice.
    pub fn code(self) -> &'static str {
        match self {
            Voice::Dutch => "nl",
            Voice::English => "en",
        }
    }
}

/// One sentence: the text to speak, and where it is drawn in the reader's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The text, plain and safe (no control characters, no speech-program markup).
    pub text: String,
    /// The pieces on screen: (layout line, byte range within that line's text).
    pub pieces: Vec<(usize, Range<usize>)>,
}

/// A story being read aloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The story.
    pub id: String,
    /// Its sentences from where reading began.
    pub sentences: Vec<Sentence>,
    /// The sentence being spoken.
    pub current: usize,
    /// The request number of the sentence being spoken; answers for another are dropped.
    pub seq: u64,
    /// The voice.
    pub voice: Voice,
    /// The layout width the sentences were taken at (the pieces move when it changes).
    width: usize,
}

/// Read-aloud state.
#[derive(Debug, Clone, Default)]
pub struct Speech {
    /// A speech program was found at start-up and the settings allow it: `v` works and is shown.
    pub available: bool,
    /// What is being read, if anything.
    pub reading: Option<Reading>,
    /// The last request number handed out.
    seq: u64,
}

impl Speech {
    /// The highlighted part of layout line `line`, if the sentence being read is on it.
    pub fn highlight(&self, id: &str, line: usize) -> Option<Range<usize>> {
        let r = self.reading.as_ref().filter(|r| r.id == id)?;
        let s = r.sentences.get(r.current)?;
        s.pieces
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, range)| range.clone())
    }
}

/// The text of a layout line, its runs joined.
fn line_text(layout: &Layout, line: usize) -> String {
    layout.lines.get(line).map_or_else(String::new, |runs| {
        runs.iter().map(|(t, _)| t.as_str()).collect()
    })
}

/// Makes text safe to hand to the speech program: one line of words, with control and bidi
/// characters (everything [`crate::sanitize`] would change) and `[`, `]` turned into spaces
/// (espeak-ng reads `[[`…`]]` as phoneme codes, not words).
pub fn speakable(text: &str) -> String {
    text.split(|c: char| {
        c.is_whitespace() || crate::sanitize::needs_sanitizing(c) || c == '[' || c == ']'
    })
    .filter(|w| !w.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// The sentences of a layout's spoken blocks, from block `from` on.
pub fn sentences(layout: &Layout, from: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in layout.spoken.iter().skip(from) {
        // The block's text: its lines (without list markers and indents) joined by a space,
        // remembering where each line's text starts in it.
        let mut text = String::new();
        let mut starts: Vec<(usize, usize, usize)> = Vec::new(); // (line, offset in line, at)
        for &(line, offset) in block {
            let t = line_text(layout, line);
            let offset = if t.is_char_boundary(offset) {
                offset
            } else {
                0
            };
            if !starts.is_empty() {
                text.push(' ');
            }
            starts.push((line, offset, text.len()));
            text.push_str(t.get(offset..).unwrap_or_default());
        }
        for (at, sentence) in text.split_sentence_bound_indices() {
            let spoken = speakable(sentence);
            if !spoken.chars().any(char::is_alphanumeric) {
                continue;
            }
            let end = at + sentence.trim_end().len();
            let pieces = starts
                .iter()
                .enumerate()
                .filter_map(|(i, &(line, offset, line_at))| {
                    let line_end = starts.get(i + 1).map_or(text.len(), |n| n.2 - 1);
                    let from = at.max(line_at);
                    let to = end.min(line_end);
                    (from < to).then(|| (line, from - line_at + offset..to - line_at + offset))
                })
                .collect();
            out.push(Sentence {
                text: spoken,
                pieces,
            });
        }
    }
    out
}

/// The first spoken block that is (partly) in view when the reader is scrolled to `scroll`.
fn block_in_view(layout: &Layout, scroll: usize) -> usize {
    layout
        .spoken
        .iter()
        .position(|b| b.last().is_some_and(|(line, _)| *line >= scroll))
        .unwrap_or(layout.spoken.len())
}

/// Handles the read-aloud actions; `None` when the action is not one of them.
pub(super) fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    match action {
        Action::ReadAloud if app.speech.reading.is_some() => Some(stop(app)),
        Action::ReadAloud => Some(start(app)),
        // Esc (and the other back keys) first stop the voice; the next one leaves the story.
        Action::Back if app.speech.reading.is_some() && !app.help => Some(stop(app)),
        Action::SpeechDone(seq) => Some(next(app, *seq)),
        Action::SpeechFailed(seq) => {
            if app.speech.reading.as_ref().is_some_and(|r| r.seq == *seq) {
                app.speech.reading = None;
                app.notice = Some(
                    crate::i18n::Catalog::get(app.lang)
                        .t("ui.speech_failed")
                        .into(),
                );
            }
            Some(Vec::new())
        }
        _ => None,
    }
}

fn start(app: &mut App) -> Vec<Effect> {
    if !app.speech.available {
        return Vec::new();
    }
    let View::Reader { id, scroll, .. } = app.view().clone() else {
        return Vec::new();
    };
    let voice = match app.corpus.get(&id) {
        Some(Doc::Story(s)) => Voice::for_lang(&s.lang),
        _ => return Vec::new(),
    };
    let layout = app.layout(&id);
    let sentences = sentences(&layout, block_in_view(&layout, scroll));
    if sentences.is_empty() {
        return Vec::new();
    }
    app.speech.seq += 1;
    app.speech.reading = Some(Reading {
        id,
        sentences,
        current: 0,
        seq: app.speech.seq,
        voice,
        width: app.text_width(),
    });
    speak_current(app)
}

fn stop(app: &mut App) -> Vec<Effect> {
    app.speech.reading = None;
    vec![Effect::StopSpeech]
}

fn next(app: &mut App, seq: u64) -> Vec<Effect> {
    let Some(r) = app.speech.reading.as_mut().filter(|r| r.seq == seq) else {
        return Vec::new();
    };
    r.current += 1;
    if r.current >= r.sentences.len() {
        app.speech.reading = None;
        return Vec::new();
    }
    app.speech.seq += 1;
    r.seq = app.speech.seq;
    speak_current(app)
}

/// The effect that speaks the current sentence, with the reader scrolled to show it.
fn speak_current(app: &mut App) -> Vec<Effect> {
    let Some(r) = app.speech.reading.as_ref() else {
        return Vec::new();
    };
    let Some(s) = r.sentences.get(r.current) else {
        return Vec::new();
    };
    let effect = Effect::Speak {
        seq: r.seq,
        text: s.text.clone(),
        voice: r.voice,
    };
    let lines = s
        .pieces
        .first()
        .map(|p| p.0)
        .zip(s.pieces.last().map(|p| p.0));
    let total = app.layout(&r.id).lines.len();
    let page = app.page();
    if let (Some((first, last)), Some(View::Reader { scroll, .. })) = (lines, app.stack.last_mut())
        && (first < *scroll || last >= *scroll + page)
    {
        *scroll = first.saturating_sub(1).min(total.saturating_sub(page));
    }
    vec![effect]
}

/// After every action: the reading must stop when its story is no longer on screen, when the
/// session was wiped, and before plein quits. Adds [`Effect::StopSpeech`] where needed.
pub(super) fn after(app: &mut App, was_reading: bool, effects: &mut Vec<Effect>) {
    let leaving = effects
        .iter()
        .any(|e| matches!(e, Effect::Quit | Effect::QuickExit | Effect::ClearScreen));
    let on_story = match (&app.speech.reading, app.view()) {
        (Some(r), View::Reader { id, .. }) => *id == r.id,
        _ => false,
    };
    if app.speech.reading.is_some() && (leaving || !on_story) {
        app.speech.reading = None;
    }
    let stopped = was_reading && app.speech.reading.is_none();
    if stopped && !effects.contains(&Effect::StopSpeech) {
        effects.insert(0, Effect::StopSpeech);
    }
}

/// A new window width moves the words: take the sentences again at the new width, keeping
/// the place (the sentences are the same; only where they are drawn changes).
pub(super) fn relayout(app: &mut App) {
    let Some(r) = app.speech.reading.as_ref() else {
        return;
    };
    if r.width == app.text_width() {
        return;
    }
    let width = app.text_width();
    let layout = app.layout(&r.id);
    let all = sentences(&layout, 0);
    let Some(r) = app.speech.reading.as_mut() else {
        return;
    };
    // The sentences being read are the last ones of the story: find them by their texts.
    let skip = all.len().saturating_sub(r.sentences.len());
    if all[skip..]
        .iter()
        .map(|s| &s.text)
        .eq(r.sentences.iter().map(|s| &s.text))
    {
        r.sentences = all[skip..].to_vec();
    } else {
        r.sentences.iter_mut().for_each(|s| s.pieces.clear());
    }
    r.width = width;
}
