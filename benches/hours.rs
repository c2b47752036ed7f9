//! Opening-hours benchmark: `cargo bench --bench hours` prints the figures for BENCHMARKS.md.
//!
//! The limit (issue 18): evaluating a resource's hours, "nu open tot 17:00", in at most 50 µs.
//! Measured per expression over a week of instants (every 7 minutes, so opening and closing
//! times, nights and the weekend all come by), p50 and p99 of one evaluation and render; and
//! the parse, which happens once when a resource loads.

use plein::hours::{Hours, Now};
use plein::i18n::{Catalog, Lang};
use std::time::{Duration, Instant};

const EXPRESSIONS: [&str; 5] = [
    "Mo-Fr 09:00-17:00; PH off",
    "Tu,Th 13:00-16:00; PH off",
    "Mo-Su 20:00-09:00",
    "Mo-Fr 08:30-12:00,13:00-17:00; Sa 10:00-12:00; PH off",
    "24/7",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let cat = Catalog::get(Lang::Nl);
    let start = Now::utc(2026, 12, 7, 0, 0).expect("a Monday").0;
    let instants: Vec<Now> = (0..(7 * 24 * 60 / 7))
        .map(|i| Now(start + i * 7 * 60))
        .collect();
    let mut worst = Duration::ZERO;
    println!("expression | parse | status+render p50 | p99 | max");
    for expr in EXPRESSIONS {
        let t = Instant::now();
        let h = Hours::parse(expr).expect("valid");
        let parse = t.elapsed();
        let mut times = Vec::with_capacity(instants.len());
        let mut open = 0;
        for now in &instants {
            let t = Instant::now();
            let s = h.status(*now);
            let text = s.render(cat);
            times.push(t.elapsed());
            open += usize::from(s.is_open());
            std::hint::black_box(text);
        }
        times.sort();
        let max = *times.last().expect("times");
        worst = worst.max(percentile(&times, 0.99));
        println!(
            "`{expr}` | {parse:.1?} | {:.1?} | {:.1?} | {max:.1?} ({open}/{} open)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.len()
        );
    }
    let limit = Duration::from_micros(50);
    println!(
        "worst p99 {worst:.1?}: {} the 50 µs limit",
        if worst <= limit { "within" } else { "OVER" }
    );
}
