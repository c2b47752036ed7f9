//! One line of `data/verbs.toml`. Shared by `build.rs`, which sorts every form into the static
//! table [`super::lemma`] searches and lists the file's problems, and by the tests'
//! `verbs::parse`, which reads the file itself.

/// `lemma = ["form", …]`: the lemma and its forms, or `None` when the line is not of that shape
/// (a trimmed line; comments and section headers are the caller's).
pub fn parse_line(line: &str) -> Option<(&str, Vec<&str>)> {
    let (lemma, rest) = line.split_once(" = ")?;
    let list = rest.strip_prefix('[')?.strip_suffix(']')?;
    let word_ok = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic());
    if !word_ok(lemma) {
        return None;
    }
    let forms = list
        .split(',')
        .map(|item| {
            let w = item.trim().strip_prefix('"')?.strip_suffix('"')?;
            word_ok(w).then_some(w)
        })
        .collect::<Option<Vec<_>>>()?;
    Some((lemma, forms))
}
