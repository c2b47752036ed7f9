//! The evaluation set (tests/eval/queries.toml) passes on the bundled corpus: at least 90% of
//! realistic queries find the right theme first (or the right document in the top 3).

use plein::corpus::{self, Source};
use plein::search::{SearchIndex, eval};

#[test]
fn evaluation_set_meets_the_threshold() {
    let cases = eval::parse(include_str!("eval/queries.toml")).expect("evaluation set parses");
    assert!(cases.len() >= 60, "at least 60 queries");
    let corpus = corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    let index = SearchIndex::build(&corpus).expect("index");
    let report = eval::evaluate(&index, &cases);
    println!(
        "search evaluation: {:.1}% of {} queries; by kind {:?}",
        report.score() * 100.0,
        report.cases,
        report.by_kind
    );
    assert!(
        report.score() >= 0.9,
        "score {:.2} below 0.90; failures:\n{}",
        report.score(),
        report.failures.join("\n")
    );
}
