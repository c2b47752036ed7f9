//! Search quality: `cargo bench --bench eval` prints the evaluation figures for BENCHMARKS.md
//! (the same set and scoring as the `search_quality` test).

use plein::corpus::{self, Source};
use plein::search::{SearchIndex, eval};

fn main() {
    let corpus = corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    let index = SearchIndex::build(&corpus).expect("index");
    let cases = eval::parse(include_str!("../tests/eval/queries.toml")).expect("evaluation set");
    let report = eval::evaluate(&index, &cases);
    println!(
        "search evaluation: {} queries, {:.1}% pass (top-1 theme or top-3 document)",
        report.cases,
        report.score() * 100.0
    );
    for (kind, (passed, total)) in &report.by_kind {
        println!("  {kind:<11} {passed:>2}/{total:<2}");
    }
    for f in &report.failures {
        println!("  failed: {f}");
    }
}
