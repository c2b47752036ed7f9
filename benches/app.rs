//! Terminal app benchmarks: `cargo bench --bench app` prints the figures for BENCHMARKS.md.
//!
//! - keystroke → frame (update, search, render) in the search screen, bundled corpus and
//!   synthetic 10k- and 100k-story corpora (`PLEIN_BENCH_QUICK=1` skips 100k), p50/p99;
//! - bytes written to the terminal per typed character at 80×24, through the real crossterm
//!   backend into a counting writer: when only the query line changes, and when results change;
//! - the work before the first frame (load the corpus, build the app, draw), which never waits
//!   for the search index; and resident memory.

// Only `corpus` is used here; `write_dir` serves the search bench.
#[allow(dead_code)]
#[path = "synthetic.rs"]
mod synthetic;

use plein::app::{self, Action, App, Effect, Keymap};
use plein::corpus::{self, Corpus, Source};
use plein::i18n::Lang;
use plein::search::SearchIndex;
use plein::ui::{self, Palette, ThemeName};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Counts the bytes a terminal would receive.
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn terminal(count: &Rc<Cell<usize>>) -> Terminal<CrosstermBackend<Counter>> {
    let backend = CrosstermBackend::new(Counter(Rc::clone(count)));
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal")
}

fn act(app: &mut App, index: &SearchIndex, action: Action) {
    let mut queue = vec![action];
    while let Some(a) = queue.pop() {
        for e in app::update(app, a) {
            if let Effect::Search { seq, query, filter } = e {
                let r = index
                    .search(&query, &filter, plein::tui::RESULTS)
                    .expect("search");
                queue.push(Action::Searched(seq, Box::new(r)));
            }
        }
    }
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn median(v: &mut [usize]) -> usize {
    v.sort_unstable();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn typing(name: &str, corpus: Arc<Corpus>) {
    let index = SearchIndex::build(&corpus).expect("index");
    let count = Rc::new(Cell::new(0));
    let mut term = terminal(&count);
    let mut times = Vec::new();
    let (mut results_bytes, mut line_bytes) = (Vec::new(), Vec::new());
    for round in 0..20 {
        let mut app = App::new(Arc::clone(&corpus), Lang::Nl, Keymap::default());
        act(&mut app, &index, Action::IndexReady);
        act(&mut app, &index, Action::Search);
        term.draw(|f| ui::render(&app, Palette(ThemeName::Default), f))
            .expect("draw");
        for c in "ik kan de huur niet betalen".chars() {
            let before = count.get();
            let start = Instant::now();
            act(&mut app, &index, Action::Type(c.to_string()));
            term.draw(|f| ui::render(&app, Palette(ThemeName::Default), f))
                .expect("draw");
            times.push(start.elapsed());
            if round == 0 {
                // A space leaves the trimmed query, and so the results, as they were: only the
                // query line changes. Any other character searches anew.
                if c == ' ' {
                    line_bytes.push(count.get() - before)
                } else {
                    results_bytes.push(count.get() - before)
                }
            }
        }
        for _ in 0..5 {
            let before = count.get();
            act(&mut app, &index, Action::CursorLeft);
            term.draw(|f| ui::render(&app, Palette(ThemeName::Default), f))
                .expect("draw");
            if round == 0 {
                line_bytes.push(count.get() - before);
            }
        }
    }
    println!(
        "{name}: keystroke → frame (update + search + render) p50 {} p99 {} ({} keystrokes)",
        ms(pct(&mut times.clone(), 0.5)),
        ms(pct(&mut times, 0.99)),
        20 * 27
    );
    println!(
        "  bytes to the terminal per key at 80×24: query line only median {} B (max {} B); new results median {} B (max {} B)",
        median(&mut line_bytes.clone()),
        line_bytes.iter().max().copied().unwrap_or(0),
        median(&mut results_bytes.clone()),
        results_bytes.iter().max().copied().unwrap_or(0),
    );
}

fn rss(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let mut first = Vec::new();
    let mut bytes = 0;
    for _ in 0..30 {
        let start = Instant::now();
        let loaded = corpus::load(&Source::Bundled).expect("bundled corpus");
        let app = App::new(Arc::new(loaded.corpus), Lang::Nl, Keymap::default());
        let count = Rc::new(Cell::new(0));
        let mut term = terminal(&count);
        term.draw(|f| ui::render(&app, Palette(ThemeName::Default), f))
            .expect("draw");
        first.push(start.elapsed());
        bytes = count.get();
    }
    println!(
        "start → first frame (load the bundled corpus, build the app, draw; no index): p50 {} max {}; first frame {bytes} B",
        ms(pct(&mut first.clone(), 0.5)),
        ms(*first.iter().max().expect("runs"))
    );
    let base = Arc::new(corpus::load(&Source::Bundled).expect("bundled").corpus);
    let _index = SearchIndex::build(&base).expect("index");
    println!(
        "memory with the bundled corpus and its index: RSS {:.0} MiB, peak {:.0} MiB",
        rss("VmRSS"),
        rss("VmHWM")
    );
    typing("bundled corpus", Arc::clone(&base));
    typing(
        "synthetic 10k",
        Arc::new(synthetic::corpus(&base, 10_000, 3)),
    );
    // #17's budget at 100k stories (an index build of about ten seconds first).
    if std::env::var_os("PLEIN_BENCH_QUICK").is_none() {
        typing(
            "synthetic 100k",
            Arc::new(synthetic::corpus(&base, 100_000, 11)),
        );
    }
}
