//! Search benchmarks: `cargo bench --bench search` prints the figures for BENCHMARKS.md.
//!
//! - index build time for the bundled corpus and synthetic 10k / 100k story corpora;
//! - query latency p50/p99 (a query with its 10 snippets and facet counts) for short, long
//!   (whole sentence), typo and phone-number queries;
//! - resident memory after indexing;
//! - whole `plein search` processes: on the bundled corpus against `rg -i` over `data/`, and on
//!   a cached index of a 100k-story corpus directory (with the first run's time and peak RSS);
//! - whole `plein themes` processes against the process floor (`true`), paired in one run.
//!
//! `PLEIN_BENCH_QUICK=1` skips the 100k corpus (a quick run for development).

#[path = "synthetic.rs"]
mod synthetic;

use plein::corpus::{self, Source};
use plein::search::{Filter, SearchIndex, cache};
use std::process::Command;
use std::time::{Duration, Instant};

const SHORT: &[&str] = &[
    "schulden", "eenzaam", "gokken", "opvang", "huur", "geweld", "vrienden", "brieven",
];
const LONG: &[&str] = &[
    "ik kan de huur niet betalen",
    "mijn man controleert mijn telefoon en mijn geld",
    "ik voel me zo alleen sinds mijn vrouw is overleden",
    "ik slaap bij vrienden op de bank en heb geen adres",
    "mijn zoon gokt en heeft schulden bij iedereen",
];
const TYPO: &[&str] = &[
    "eensaamheid",
    "schuldn",
    "gokverslavng",
    "dakloss",
    "deurwaader",
    "geisoleerd",
];
const NUMBER: &[&str] = &["113", "0800-2000", "088-0767 000", "0800-8115"];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let v = f();
    (v, start.elapsed())
}

fn rss_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn latencies(ix: &SearchIndex, label: &str, queries: &[&str], rounds: usize) {
    let mut times = Vec::new();
    for _ in 0..rounds {
        for q in queries {
            let (r, t) = time(|| ix.search(q, &Filter::default(), 10).expect("search"));
            std::hint::black_box(r);
            times.push(t);
        }
    }
    times.sort();
    println!(
        "  {label:<8} p50 {:>9}  p99 {:>9}  ({} queries)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        times.len()
    );
}

fn report(name: &str, c: &corpus::Corpus, builds: usize, rounds: usize) -> SearchIndex {
    let mut build_times = Vec::new();
    let mut ix = None;
    for _ in 0..builds {
        let (i, t) = time(|| SearchIndex::build(c).expect("index"));
        build_times.push(t);
        ix = Some(i);
    }
    build_times.sort();
    let ix = ix.expect("built");
    println!(
        "{name}: {} documents; index build median {} (min {}, {} builds); RSS now {:.0} MiB, peak {:.0} MiB",
        ix.len(),
        ms(percentile(&build_times, 0.5)),
        ms(build_times[0]),
        builds,
        rss_mib("VmRSS"),
        rss_mib("VmHWM"),
    );
    latencies(&ix, "short", SHORT, rounds);
    latencies(&ix, "long", LONG, rounds);
    latencies(&ix, "typo", TYPO, rounds);
    latencies(&ix, "number", NUMBER, rounds);
    ix
}

fn process_times(args: &[&str], env: &[(&str, &std::path::Path)], runs: usize) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_plein"));
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let (out, t) = time(|| cmd.output().expect("run plein"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        times.push(t);
    }
    times.sort();
    times
}

fn main() {
    let quick = std::env::var_os("PLEIN_BENCH_QUICK").is_some();
    println!(
        "machine: {} cores; {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model()
    );
    let base = corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    report("bundled corpus", &base, 30, 50);

    let c10k = synthetic::corpus(&base, 10_000, 7);
    report("synthetic 10k", &c10k, 1, 20);
    drop(c10k);
    if !quick {
        let c100k = synthetic::corpus(&base, 100_000, 11);
        let ix = report("synthetic 100k", &c100k, 1, 20);
        drop(ix);
        let dir = tempfile::tempdir().expect("tempdir");
        let (corpus_dir, cache_dir) = (dir.path().join("corpus"), dir.path().join("cache"));
        synthetic::write_dir(&c100k, &corpus_dir).expect("write corpus");
        drop(c100k);
        let corpus_arg = corpus_dir.to_str().expect("utf-8 path");
        let env = [("PLEIN_CACHE_DIR", cache_dir.as_path())];
        let (first, peak) = peak_rss(&["--corpus", corpus_arg, "search", "schulden"], &env);
        let cached = process_times(
            &["--corpus", corpus_arg, "search", "--json", "--", "schulden"],
            &env,
            15,
        );
        println!(
            "plein search on a 100k-story corpus directory: first run (load, index, cache) {}, peak RSS {peak:.0} MiB; cached --json p50 {} max {}",
            ms(first),
            ms(percentile(&cached, 0.5)),
            ms(*cached.last().expect("runs")),
        );
        assert!(cache::open_cached(&cache_dir, &corpus_dir).is_some());
    }
    whole_processes();
}

/// Runs plein once, sampling its peak resident memory (VmHWM) until it exits.
fn peak_rss(args: &[&str], env: &[(&str, &std::path::Path)]) -> (Duration, f64) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plein"));
    cmd.args(args).stdout(std::process::Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("run plein");
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0.0f64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status) {
            let kb = text
                .lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            peak_kb = peak_kb.max(kb);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (start.elapsed(), peak_kb / 1024.0)
}

/// Times one command.
fn run(program: &str, args: &[&str]) -> Option<Duration> {
    let mut cmd = Command::new(program);
    cmd.args(args).stdout(std::process::Stdio::null());
    let (out, t) = time(|| cmd.status());
    out.ok().filter(|s| s.success()).map(|_| t)
}

/// Whole processes on the bundled corpus, paired in one run (each round runs every command
/// once, so load and frequency changes hit all alike): `plein search --json` against `rg -i`
/// over `data/`, and `plein themes` against the process floor (`true`).
fn whole_processes() {
    let word = "schulden";
    let bin = env!("CARGO_BIN_EXE_plein");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let rounds = 41;
    let (mut search, mut rg, mut themes, mut floor) = (vec![], vec![], vec![], vec![]);
    let mut have_rg = true;
    for _ in 0..rounds {
        search.push(run(bin, &["search", "--json", "--", word]).expect("plein search"));
        match run("rg", &["-i", word, data]) {
            Some(t) => rg.push(t),
            None => have_rg = false,
        }
        themes.push(run(bin, &["themes"]).expect("plein themes"));
        floor.push(run("true", &[]).expect("true"));
    }
    for v in [&mut search, &mut rg, &mut themes, &mut floor] {
        v.sort();
    }
    let p50 = |v: &[Duration]| percentile(v, 0.5);
    let ratio = |a: &[Duration], b: &[Duration]| p50(a).as_secs_f64() / p50(b).as_secs_f64();
    if have_rg {
        println!(
            "whole process, bundled corpus, '{word}' ({rounds} paired rounds): plein search --json p50 {} vs rg -i over data/ p50 {} (ratio {:.2})",
            ms(p50(&search)),
            ms(p50(&rg)),
            ratio(&search, &rg)
        );
    } else {
        println!(
            "whole process, bundled corpus: plein search --json p50 {} (rg not installed)",
            ms(p50(&search))
        );
    }
    println!(
        "whole process: plein themes p50 {} vs the process floor (true) p50 {} (ratio {:.2})",
        ms(p50(&themes)),
        ms(p50(&floor)),
        ratio(&themes, &floor)
    );
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
