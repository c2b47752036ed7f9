//! The order of the hits after scoring: the query's theme first, help first for people who ask
//! for it.
//!
//! BM25 alone lets one story of another theme that shares a word (*alleen*, *geld*) slip in
//! between. The query's theme is read from the lexicon words it uses and from the themes of
//! the best-scoring hits; hits of that theme come first (general resources count as in every
//! theme). A query that asks for help gets the theme's resources first; one that states a
//! problem in a sentence gets its best resource among the first three.

use super::understand::Understood;
use std::collections::HashMap;

/// Hits fetched before reordering, so the theme's hits further down can come up.
pub(crate) const CANDIDATES: usize = 40;
/// How many of the best hits vote for the theme.
const VOTERS: usize = 10;
/// Resources put first for a query that asks for help.
const HELP_FIRST: usize = 3;
/// How a resource outside the query's theme (or for every theme) weighs against one of the
/// theme when help is asked for: it can come second or third, when it matches much better.
const OTHER_HELP: f32 = 0.8;
/// At most this many of those among the first: the theme's own hits stay in front.
const OUTSIDE_HELP: usize = 1;

/// What ordering needs of a hit.
pub(crate) struct Candidate {
    pub score: f32,
    pub resource: bool,
    /// A resource of the local overlay: help nearby goes before the national help.
    pub local: bool,
    pub themes: Vec<String>,
}

/// The theme a query is about: lexicon votes and the themes of the best hits, half each.
pub(crate) fn theme(cands: &[Candidate], u: &Understood) -> Option<String> {
    let mut share: HashMap<&str, f32> = HashMap::new();
    let top = cands.first().map_or(0.0, |c| c.score);
    if top > 0.0 {
        let mut total = 0.0;
        for c in cands.iter().take(VOTERS) {
            let w = c.score / top;
            // A story votes for its main theme; a resource for its themes unless it serves all.
            let themes: &[String] = if c.resource {
                if c.themes.len() > 2 { &[] } else { &c.themes }
            } else {
                &c.themes[..c.themes.len().min(1)]
            };
            for t in themes {
                *share.entry(t).or_default() += w / themes.len() as f32;
                total += w / themes.len() as f32;
            }
        }
        if total > 0.0 {
            share.values_mut().for_each(|v| *v /= total);
        }
    }
    let votes: f32 = u.votes.values().sum();
    if votes > 0.0 {
        for (t, v) in &u.votes {
            *share.entry(t).or_default() += v / votes;
        }
    }
    share
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(t, _)| t.to_owned())
}

/// The order of the candidates (indexes), best first.
pub(crate) fn order(cands: &[Candidate], u: &Understood) -> Vec<usize> {
    let Some(theme) = theme(cands, u) else {
        return (0..cands.len()).collect();
    };
    // A general resource (no theme) keeps the first place only when it stands far above the
    // rest (its number or name was asked for); otherwise the theme's hits go before it.
    let clear_first = cands.len() == 1
        || cands
            .get(1)
            .is_some_and(|second| cands[0].score >= 1.5 * second.score);
    let fits = |i: usize| {
        let c = &cands[i];
        c.themes.contains(&theme) || (c.themes.is_empty() && i == 0 && clear_first)
    };
    let (mut order, mut rest): (Vec<usize>, Vec<usize>) = (0..cands.len()).partition(|&i| fits(i));
    let resources: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| cands[i].resource && !cands[i].themes.is_empty())
        .collect();
    if u.help || u.crisis.is_some() {
        let first = help_first(cands, &resources);
        order.retain(|i| !first.contains(i));
        rest.retain(|i| !first.contains(i));
        order.splice(0..0, first);
    } else if u.sentence
        && let Some(&best) = resources.first()
        && order.iter().position(|&i| i == best).is_some_and(|p| p > 2)
    {
        order.retain(|&i| i != best);
        order.insert(1.min(order.len()), best);
    }
    order.extend(rest);
    order
}

/// The resources a query that asks for help sees first: the theme's best resource, then the
/// best of all resources that matched, those of other themes or of none weighing less.
fn help_first(cands: &[Candidate], theme_resources: &[usize]) -> Vec<usize> {
    let mut first: Vec<usize> = theme_resources
        .iter()
        .copied()
        .find(|&i| cands[i].local)
        .or(theme_resources.first().copied())
        .into_iter()
        .collect();
    let mut others: Vec<(f32, usize)> = (0..cands.len())
        .filter(|&i| cands[i].resource && !first.contains(&i))
        .map(|i| {
            let weight = if theme_resources.contains(&i) {
                1.0
            } else {
                OTHER_HELP
            };
            (cands[i].score * weight, i)
        })
        .collect();
    others.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut outside = 0;
    // One from outside only when it matches better than the theme's best resource.
    let bar = first.first().map_or(0.0, |&i| cands[i].score);
    for (weighted, i) in others {
        if first.len() == HELP_FIRST {
            break;
        }
        let theirs = theme_resources.contains(&i);
        if theirs || (outside < OUTSIDE_HELP && weighted >= bar) {
            outside += usize::from(!theirs);
            first.push(i);
        }
    }
    first
}
