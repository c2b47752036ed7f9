//! A resource file: a helpline, organisation, website or arrangement, with its checked facts.

use super::Vocabulary;
use super::model::{Date, RESOURCE_KINDS, Resource};
use super::parse::{self, Fields};
use crate::diag::{Diagnostic, Pos, msg};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResource {
    id: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    themes: Vec<Spanned<String>>,
    #[serde(default)]
    crisis: bool,
    summary: Option<Spanned<String>>,
    #[serde(default)]
    phone: Vec<Spanned<String>>,
    url: Option<Spanned<String>>,
    hours: Option<Spanned<String>>,
    opening_hours: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    address: Option<Spanned<String>>,
    walk_in: Option<Spanned<String>>,
    #[serde(default)]
    stories: Vec<Spanned<String>>,
    #[serde(default)]
    search_words: Vec<Spanned<String>>,
    #[serde(default)]
    example: bool,
    source: Option<Spanned<String>>,
    checked: Option<Spanned<toml::Value>>,
    lang: Option<Spanned<String>>,
}

/// Parses a resource file.
pub(crate) fn parse(
    path: &str,
    rel: &str,
    text: &str,
    vocab: &Vocabulary,
    diags: &mut Vec<Diagnostic>,
) -> Option<Parsed> {
    let doc = parse::split(path, text, diags)?;
    let raw: RawResource = parse::parse_toml(path, text, doc.toml, doc.toml_offset, diags)?;
    let mut f = Fields::new(path, text, doc.toml_offset, diags);

    let id_pos = raw.id.as_ref().map(|s| f.pos(s)).unwrap_or(Pos::FILE);
    let id = f.slug("id", raw.id);
    let name = f.required("name", raw.name);
    let kind = match raw.kind {
        None => {
            f.missing("kind");
            None
        }
        Some(k) => f
            .vocabulary(
                vec![k],
                &RESOURCE_KINDS,
                "diag.what.resource-kind",
                "unknown-kind",
            )
            .pop(),
    };
    let themes = f.vocabulary(
        raw.themes,
        &vocab.theme_slugs(),
        "diag.what.theme",
        "unknown-theme",
    );
    let summary = f.required("summary", raw.summary);
    let mut phone = Vec::new();
    for p in raw.phone {
        let pos = f.pos(&p);
        let p = f.text(p);
        if is_phone(&p) {
            phone.push(p);
        } else {
            f.error(
                pos,
                "bad-phone",
                msg("diag.bad-phone").arg("value", p),
                Some(msg("diag.bad-phone_hint")),
            );
        }
    }
    let url = match raw.url {
        None => None,
        Some(u) => {
            let pos = f.pos(&u);
            let u = f.text(u);
            if is_web_address(&u) {
                Some(u)
            } else {
                f.error(
                    pos,
                    "bad-url",
                    msg("diag.bad-url").arg("value", u),
                    Some(msg("diag.bad-url_hint")),
                );
                None
            }
        }
    };
    let hours = f.optional(raw.hours);
    let opening_hours = match raw.opening_hours {
        None => None,
        Some(h) => {
            let pos = f.pos(&h);
            let text = f.text(h);
            match crate::hours::Hours::parse(&text) {
                Ok(h) => Some(h),
                Err(e) => {
                    f.warning(
                        pos,
                        "bad-hours",
                        msg("diag.bad-hours").arg("value", &text).arg("detail", e),
                        Some(msg("diag.bad-hours_hint")),
                    );
                    None
                }
            }
        }
    };
    let place = f.optional(raw.place);
    let address = match raw.address {
        None => None,
        Some(a) => {
            let pos = f.pos(&a);
            let a = f.text(a);
            if !is_address(&a) {
                f.warning(
                    pos,
                    "bad-address",
                    msg("diag.bad-address").arg("value", &a),
                    Some(msg("diag.bad-address_hint")),
                );
            }
            Some(a)
        }
    };
    let walk_in = f.optional(raw.walk_in);
    let story_refs: Vec<(String, Pos)> = raw
        .stories
        .into_iter()
        .map(|s| {
            let pos = f.pos(&s);
            (f.text(s), pos)
        })
        .collect();
    let search_words: Vec<String> = raw
        .search_words
        .into_iter()
        .filter_map(|w| {
            let pos = f.pos(&w);
            let w = f.text(w);
            if w.trim().is_empty() {
                f.error(
                    pos,
                    "empty-search-word",
                    msg("diag.empty-search-word"),
                    None,
                );
                return None;
            }
            Some(w.trim().to_owned())
        })
        .collect();
    let source = f.required("source", raw.source);
    let mut checked_line = 0;
    let checked = match raw.checked {
        None => {
            f.missing("checked");
            None
        }
        Some(c) => {
            let pos = f.pos(&c);
            checked_line = pos.line;
            let date = match c.get_ref() {
                toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => {
                    d.date.and_then(|d| Date::new(d.year, d.month, d.day))
                }
                toml::Value::String(s) => Date::parse(s.trim()),
                _ => None,
            };
            if date.is_none() {
                f.error(
                    pos,
                    "bad-date",
                    msg("diag.bad-date").arg("value", c.get_ref()),
                    Some(msg("diag.bad-date_hint")),
                );
            }
            date
        }
    };
    let _lang = f.optional(raw.lang);
    let body = doc.body.trim();
    if body.is_empty() {
        f.error(
            Pos::at(text, doc.body_offset),
            "empty-body",
            msg("diag.empty-resource-body"),
            None,
        );
    }
    if let Some(id) = &id
        && rel != format!("resources/{id}.md")
    {
        f.warning(
            id_pos,
            "misplaced-file",
            msg("diag.misplaced-resource").arg("expected", format!("resources/{id}.md")),
            None,
        );
    }
    let had_errors = f.errors() > 0;
    let resource = Resource {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        kind: kind.unwrap_or_default(),
        themes,
        crisis: raw.crisis,
        summary: summary.unwrap_or_default(),
        phone,
        url,
        hours,
        opening_hours,
        place,
        address,
        walk_in,
        stories: story_refs.iter().map(|(s, _)| s.clone()).collect(),
        search_words,
        example: raw.example,
        local: false,
        source: source.unwrap_or_default(),
        checked: checked.unwrap_or(Date {
            year: 1900,
            month: 1,
            day: 1,
        }),
        checked_line,
        body: body.to_owned().into(),
        path: path.to_owned(),
    };
    Some(Parsed {
        resource,
        id_pos,
        had_errors,
        story_refs,
    })
}

/// A parsed resource: the position of its id, whether it had errors, and the stories it links
/// (checked once all stories are known).
pub(crate) struct Parsed {
    pub resource: Resource,
    pub id_pos: Pos,
    pub had_errors: bool,
    pub story_refs: Vec<(String, Pos)>,
}

/// An address as people write it: a street with a house number (`Dorpsstraat 12`), and a
/// Dutch postcode, if one is given, as four digits and two letters (`1234 AB`).
pub fn is_address(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let has_street = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    let has_number = words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 6);
    // `1234 ab` and `1234AB` are common slips; `1234 AB` is how the post writes it.
    let postcode_ok = words.windows(2).all(|pair| {
        let four_digits = pair[0].len() == 4 && pair[0].chars().all(|c| c.is_ascii_digit());
        let two_letters = pair[1].len() == 2 && pair[1].chars().all(|c| c.is_ascii_alphabetic());
        !(four_digits && two_letters) || pair[1].chars().all(|c| c.is_ascii_uppercase())
    });
    let glued = words.iter().any(|w| {
        w.len() == 6
            && w.is_ascii()
            && w[..4].chars().all(|c| c.is_ascii_digit())
            && w[4..].chars().all(|c| c.is_ascii_alphabetic())
    });
    has_street && has_number && postcode_ok && !glued && !s.contains(['<', '>', '@'])
}

/// Digits, spaces and hyphens (a leading `+` allowed), with at least three digits.
pub fn is_phone(s: &str) -> bool {
    let s = s.strip_prefix('+').unwrap_or(s);
    s.chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.starts_with(|c: char| c.is_ascii_digit())
}

/// A web address as people type it: `host.tld[/path]`, optionally with `http(s)://`.
pub fn is_web_address(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let host = rest.split('/').next().unwrap_or("");
    !s.contains(char::is_whitespace)
        && !rest.contains("://")
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !host.starts_with('.')
        && !host.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_urls() {
        assert!(is_phone("0800-2000") && is_phone("112") && is_phone("088-0767 000"));
        assert!(!is_phone("bel ons") && !is_phone("12") && !is_phone("-0800"));
        assert!(is_web_address("veiligthuis.nl") && is_web_address("https://113.nl/chat"));
        assert!(is_address("Dorpsstraat 12, 1234 AB Ergens") && is_address("Kerkplein 3a"));
        assert!(!is_address("achter het station") && !is_address("Dorpsstraat 12, 1234 ab Ergens"));
        assert!(!is_address("Dorpsstraat 12, 1234AB Ergens") && !is_address("12"));
        assert!(
            !is_web_address("javascript:alert(1)")
                && !is_web_address("veilig thuis.nl")
                && !is_web_address("localhost")
        );
    }
}
