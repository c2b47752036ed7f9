//! Search quality: `cargo bench --bench eval` prints the evaluation figures for BENCHMARKS.md.
//!
//! - the project's own set (tests/eval/queries.toml, the `search_quality` test);
//! - the independent sets, tuning and test part apart: top-1 theme, P@5, help resource in the
//!   first three, zero-hit rate (`none` queries left out of these), crisis recall and false cards.
//!
//! Failures are listed for the tuning part only: the test part is judged, never read.
//! `PLEIN_EVAL_QUIET=1` leaves the failure lists out.

use plein::corpus::{self, Source};
use plein::search::{SearchIndex, eval};

fn main() {
    let corpus = corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    let index = SearchIndex::build(&corpus).expect("index");
    let quiet = std::env::var_os("PLEIN_EVAL_QUIET").is_some();
    let cases = eval::parse(include_str!("../tests/eval/queries.toml")).expect("evaluation set");
    let report = eval::evaluate(&index, &cases);
    println!(
        "project set (queries.toml): {} queries, {:.1}% pass (top-1 theme or top-3 document)",
        report.cases,
        report.score() * 100.0
    );
    if !quiet {
        for f in &report.failures {
            println!("  failed: {f}");
        }
    }
    let parts = [
        (
            "tune",
            include_str!("../tests/eval/users-tune.toml"),
            include_str!("../tests/eval/crisis-tune.toml"),
        ),
        (
            // A second, larger tuning set by another helper who saw none of the project:
            // queries, crisis phrasings and ordinary queries in one file.
            "tune-2",
            include_str!("../tests/eval/second-tune.toml"),
            include_str!("../tests/eval/second-tune.toml"),
        ),
        (
            // A third, written the same way on 2026-12-04: measured before tuning on it.
            "tune-3",
            include_str!("../tests/eval/third-tune.toml"),
            include_str!("../tests/eval/third-tune.toml"),
        ),
        (
            // A fourth, written the same way on 2026-12-04: measured before tuning on it.
            "tune-4",
            include_str!("../tests/eval/fourth-tune.toml"),
            include_str!("../tests/eval/fourth-tune.toml"),
        ),
        (
            // A fifth, written the same way on 2026-12-04 (resource labels by a second helper
            // who saw only the resources): measured before tuning on it.
            "tune-5",
            include_str!("../tests/eval/fifth-tune.toml"),
            include_str!("../tests/eval/fifth-tune.toml"),
        ),
        (
            // A sixth, written the same way on 2026-12-04: measured before tuning on it.
            "tune-6",
            include_str!("../tests/eval/sixth-tune.toml"),
            include_str!("../tests/eval/sixth-tune.toml"),
        ),
        (
            // A seventh, written the same way on 2026-12-04: measured before tuning on it.
            "tune-7",
            include_str!("../tests/eval/seventh-tune.toml"),
            include_str!("../tests/eval/seventh-tune.toml"),
        ),
        (
            // An eighth, crisis phrasings and near-misses only, written blind on 2026-12-07:
            // measured before tuning on it.
            "tune-8",
            include_str!("../tests/eval/eighth-tune.toml"),
            include_str!("../tests/eval/eighth-tune.toml"),
        ),
        (
            // A ninth, themed queries, crisis phrasings and near-misses, written blind on
            // 2026-12-07 (briefed with the resources' names and summaries): measured before tuning.
            "tune-9",
            include_str!("../tests/eval/ninth-tune.toml"),
            include_str!("../tests/eval/ninth-tune.toml"),
        ),
        (
            // A tenth, written the same way through the people who use plein (older people,
            // newcomers, teenagers, volunteers): measured before tuning on it.
            "tune-10",
            include_str!("../tests/eval/tenth-tune.toml"),
            include_str!("../tests/eval/tenth-tune.toml"),
        ),
        (
            "test",
            include_str!("../tests/eval/users-test.toml"),
            include_str!("../tests/eval/crisis-test.toml"),
        ),
    ];
    for (part, users, crisis) in parts {
        let users = eval::parse_users(users).expect("users set");
        let crisis = eval::parse_crisis(crisis).expect("crisis set");
        let u = eval::evaluate_users(&index, &users);
        let c = eval::evaluate_crisis(&index, &crisis);
        println!(
            "{part}: {} queries ({} with a theme, {} none, {} seeking a resource)",
            users.len(),
            u.themed,
            u.none,
            u.with_resource
        );
        // A set of crisis phrasings only has no theme figures.
        if !users.is_empty() {
            theme_figures(&u);
        }
        println!(
            "  crisis recall      {:.3} ({}/{}), false cards {}/{} ordinary + {}/{} none",
            if c.phrasings == 0 {
                0.0
            } else {
                c.recalled as f64 / c.phrasings as f64
            },
            c.recalled,
            c.phrasings,
            c.false_positives,
            c.ordinary,
            u.none_cards,
            u.none
        );
        if part.starts_with("tune") && !quiet {
            for f in u.failures.iter().chain(&c.failures) {
                println!("  {f}");
            }
        }
    }
}

/// Top-1, P@5, resource in the first three and zero-hit rate of a part.
fn theme_figures(u: &eval::UserReport) {
    println!(
        "  top-1 theme        {:.3} ({}/{})",
        u.top1_rate(),
        u.top1,
        u.themed
    );
    println!("  P@5                {:.3}", u.p5());
    println!(
        "  resource in top 3  {:.3} ({}/{})",
        u.resource_rate(),
        u.resource_top3,
        u.with_resource
    );
    println!(
        "  zero-hit rate      {:.3} ({}/{})",
        u.zero_hit_rate(),
        u.zero_hits,
        u.themed
    );
}
