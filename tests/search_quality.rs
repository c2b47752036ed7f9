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

/// The tuning sets (written by helpers who saw none of the project; tuning is done on them, the
/// held-out set is judged in BENCHMARKS.md) keep the figures they reached on 2026-12-04, tune-4
/// after tuning on it.
#[test]
fn the_tuning_sets_keep_their_figures() {
    let corpus = corpus::load(&Source::Bundled)
        .expect("bundled corpus")
        .corpus;
    let index = SearchIndex::build(&corpus).expect("index");
    for (name, text, top1, p5, res) in [
        (
            "users-tune",
            include_str!("eval/users-tune.toml"),
            0.99,
            0.98,
            0.93,
        ),
        (
            "second-tune",
            include_str!("eval/second-tune.toml"),
            0.98,
            0.96,
            0.81,
        ),
        (
            "third-tune",
            include_str!("eval/third-tune.toml"),
            0.97,
            0.95,
            0.83,
        ),
        (
            "fourth-tune",
            include_str!("eval/fourth-tune.toml"),
            0.97,
            0.96,
            0.92,
        ),
        (
            "fifth-tune",
            include_str!("eval/fifth-tune.toml"),
            0.98,
            0.96,
            0.75,
        ),
        (
            "sixth-tune",
            include_str!("eval/sixth-tune.toml"),
            0.96,
            0.95,
            0.93,
        ),
        (
            "seventh-tune",
            include_str!("eval/seventh-tune.toml"),
            0.97,
            0.94,
            0.98,
        ),
        (
            "ninth-tune",
            include_str!("eval/ninth-tune.toml"),
            0.97,
            0.96,
            0.94,
        ),
        (
            "tenth-tune",
            include_str!("eval/tenth-tune.toml"),
            0.95,
            0.95,
            0.88,
        ),
    ] {
        let u = eval::evaluate_users(&index, &eval::parse_users(text).expect("set parses"));
        let got = (u.top1_rate(), u.p5(), u.resource_rate());
        assert!(
            got.0 >= top1 && got.1 >= p5 && got.2 >= res && u.zero_hits == 0,
            "{name}: top-1 {:.3} (≥ {top1}), P@5 {:.3} (≥ {p5}), resource {:.3} (≥ {res}), \
             zero hits {}; misses:\n{}",
            got.0,
            got.1,
            got.2,
            u.zero_hits,
            u.failures.join("\n")
        );
    }
    // An expression whose words are all common ("kijkt in mijn telefoon") brings its theme's
    // stories, not stories that happen to share the words.
    let r = index
        .search(
            "mijn vriend kijkt altijd in mijn telefoon en ik mag niet alleen weg",
            &plein::search::Filter::default(),
            5,
        )
        .expect("search");
    let partner = r
        .hits
        .iter()
        .filter(|h| h.themes.iter().any(|t| t == "partnergeweld"))
        .count();
    assert!(
        partner >= 4,
        "{:?}",
        r.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}
