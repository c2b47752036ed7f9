//! `data/lexicon.toml`: the words people use, by theme (street words, English, everyday
//! compounds), with the corpus words each also finds; and the words that ask for help.

use crate::corpus::parse::{self, Fields};
use crate::diag::{Diagnostic, msg};
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

/// A group of words for one theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The theme slug the words point to.
    pub theme: String,
    /// Corpus words the words also search for (may be empty: the theme alone is then the hint).
    pub finds: Vec<String>,
    /// What people type: one to six words each, lower case.
    pub words: Vec<String>,
}

/// The parsed file. A word appears once among the help words and once among the theme words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// Theme groups, in file order.
    pub entries: Vec<Entry>,
    /// Words and phrases that ask for help (*nummer, bellen, waar kan ik*).
    pub help: Vec<String>,
    /// Words about the asking, not its topic: whom a search is for (*bezoeker, cliënt*: a
    /// volunteer searching for a visitor) and the searching itself (*zoek*).
    pub asking: Vec<String>,
    /// A person, a violence verb and *me*: the theme that points to.
    pub person: Option<Person>,
    /// A stated age (*ik ben 13*, *82 jaar*) and the corpus words each range of ages finds.
    pub age: Option<Age>,
}

/// *ik ben 13*, *ik ben 82 jaar*: a number said as one's age.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Age {
    /// Words right before the number that make it an age (*ben*, *am*).
    pub before: Vec<String>,
    /// Words right after it (*jaar*, *years*).
    pub after: Vec<String>,
    /// Ranges of ages (inclusive) with the corpus words each also finds.
    pub groups: Vec<(u32, u32, Vec<String>)>,
}

/// *vriend, man, ex, hij* + a violence verb + *me/mij*.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The theme (partner violence).
    pub theme: String,
    /// Person words.
    pub persons: Vec<String>,
    /// Violence verbs (any form: verb forms are matched by lemma).
    pub verbs: Vec<String>,
    /// *me, mij, mijn*.
    pub objects: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    help: Option<RawHelp>,
    #[serde(default)]
    asking: Option<RawHelp>,
    #[serde(default)]
    theme: Vec<RawEntry>,
    #[serde(default)]
    person: Option<RawPerson>,
    #[serde(default)]
    age: Option<RawAge>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAge {
    before: Vec<String>,
    after: Vec<String>,
    group: Vec<RawAgeGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgeGroup {
    from: Spanned<u32>,
    to: u32,
    finds: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    theme: Spanned<String>,
    persons: Vec<String>,
    verbs: Vec<String>,
    objects: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelp {
    words: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    slug: Spanned<String>,
    #[serde(default)]
    finds: Vec<Spanned<String>>,
    words: Vec<Spanned<String>>,
}

/// The lexicon words of a list, normalised; a bad word, or (with `seen`) a word listed before,
/// becomes a diagnostic and is left out.
fn words(
    f: &mut Fields<'_>,
    mut seen: Option<&mut HashMap<String, usize>>,
    list: Vec<Spanned<String>>,
) -> Vec<String> {
    let mut out = Vec::new();
    for s in list {
        let pos = f.pos(&s);
        let w = crate::corpus::normalise(&f.text(s));
        if w.is_empty() || w.split(' ').count() > 6 {
            f.error(pos, "bad-lexicon-word", msg("diag.bad-lexicon-word"), None);
            continue;
        }
        if let Some(seen) = seen.as_deref_mut()
            && let Some(line) = seen.insert(w.clone(), pos.line)
        {
            f.error(
                pos,
                "duplicate-lexicon-word",
                msg("diag.duplicate-lexicon-word")
                    .arg("value", &w)
                    .arg("line", line),
                Some(msg("diag.duplicate-lexicon-word_hint")),
            );
            continue;
        }
        out.push(w);
    }
    out
}

/// Parses the file against the theme slugs; problems (unknown theme, a word twice, a bad word)
/// become diagnostics with file:line.
pub fn parse(path: &str, text: &str, themes: &[&str], diags: &mut Vec<Diagnostic>) -> Words {
    let mut out = Words::default();
    let Some(raw) = parse::parse_toml::<Raw>(path, text, text, 0, diags) else {
        return out;
    };
    let mut f = Fields::new(path, text, 0, diags);
    let mut seen_help: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    if let Some(h) = raw.help {
        out.help = words(&mut f, Some(&mut seen_help), h.words);
    }
    if let Some(b) = raw.asking {
        out.asking = words(&mut f, Some(&mut seen), b.words);
    }
    if let Some(p) = raw.person {
        let pos = f.pos(&p.theme);
        let theme = p.theme.into_inner();
        if themes.contains(&theme.as_str()) {
            out.person = Some(Person {
                theme,
                persons: p.persons,
                verbs: p.verbs,
                objects: p.objects,
            });
        } else {
            f.error(
                pos,
                "unknown-theme",
                msg("diag.unknown-theme").arg("value", &theme),
                None,
            );
        }
    }
    if let Some(a) = raw.age {
        let mut groups = Vec::new();
        for g in a.group {
            let pos = f.pos(&g.from);
            let from = g.from.into_inner();
            if from > g.to {
                let m = msg("diag.bad-age-range").arg("from", from).arg("to", g.to);
                f.error(pos, "bad-age-range", m, None);
                continue;
            }
            let finds = words(&mut f, None, g.finds);
            groups.push((from, g.to, finds));
        }
        let fold = |list: Vec<String>| -> Vec<String> {
            list.iter().map(|w| crate::corpus::normalise(w)).collect()
        };
        out.age = Some(Age {
            before: fold(a.before),
            after: fold(a.after),
            groups,
        });
    }
    for e in raw.theme {
        let pos = f.pos(&e.slug);
        let slug = e.slug.into_inner();
        if !themes.contains(&slug.as_str()) {
            f.error(
                pos,
                "unknown-theme",
                msg("diag.unknown-theme").arg("value", &slug),
                Some(msg("diag.use-one-of").arg("allowed", themes.join(", "))),
            );
            continue;
        }
        let finds = words(&mut f, None, e.finds);
        let words = words(&mut f, Some(&mut seen), e.words);
        out.entries.push(Entry {
            theme: slug,
            finds,
            words,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_themes_and_duplicates_are_reported_with_their_line() {
        let text = "[help]\nwords = [\"nummer\"]\n\n[[theme]]\nslug = \"gokverslaving\"\n\
                    words = [\"slots\", \"Gokkast\"]\n\n[[theme]]\nslug = \"gokken\"\nwords = [\"x\"]\n\n\
                    [[theme]]\nslug = \"eenzaamheid\"\nwords = [\"gokkast\"]\n";
        let mut d = Vec::new();
        let w = parse(
            "data/lexicon.toml",
            text,
            &["gokverslaving", "eenzaamheid"],
            &mut d,
        );
        assert_eq!(w.help, vec!["nummer"]);
        assert_eq!(w.entries[0].words, vec!["slots", "gokkast"]);
        let found: Vec<(usize, &str)> = d.iter().map(|x| (x.line, x.code)).collect();
        assert_eq!(
            found,
            vec![(9, "unknown-theme"), (14, "duplicate-lexicon-word")]
        );
    }

    #[test]
    fn an_age_range_backwards_is_reported_with_its_line() {
        let text = "[age]\nbefore = [\"ben\"]\nafter = [\"jaar\"]\n\n[[age.group]]\nfrom = 8\n\
                    to = 17\nfinds = [\"kinderen\"]\n\n[[age.group]]\nfrom = 90\nto = 65\n\
                    finds = [\"ouderen\"]\n";
        let mut d = Vec::new();
        let w = parse("data/lexicon.toml", text, &[], &mut d);
        let age = w.age.expect("age");
        assert_eq!(age.groups, vec![(8, 17, vec!["kinderen".to_owned()])]);
        let found: Vec<(usize, &str)> = d.iter().map(|x| (x.line, x.code)).collect();
        assert_eq!(found, vec![(11, "bad-age-range")]);
    }
}
