//! Finds what could identify someone in a story people write themselves (*Deel je ervaring*):
//! e-mail addresses, phone numbers, IBANs, postcodes, street addresses, BSN-like numbers, dates
//! of birth and names, sentence by sentence, with a neutral placeholder for each.
//!
//! It warns; the writer and the curator decide. It errs towards warning: a missed name is worse
//! than a question too many.

use std::collections::HashSet;
use std::ops::Range;

/// What kind of detail was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A bank account number (IBAN).
    Iban,
    /// A Dutch postcode (`1234 AB`).
    Postcode,
    /// A street with a house number.
    Address,
    /// A nine-digit number that passes the BSN check.
    Bsn,
    /// A full date (a birthday, a date of birth).
    Date,
    /// A capitalised word inside a sentence: a person's or a place's name.
    Name,
}

impl Kind {
    /// The placeholder that replaces it.
    pub fn placeholder(self) -> &'static str {
        match self {
            Kind::Email => "[e-mail]",
            Kind::Phone => "[telefoonnummer]",
            Kind::Iban => "[rekeningnummer]",
            Kind::Postcode => "[postcode]",
            Kind::Address => "[adres]",
            Kind::Bsn => "[nummer]",
            Kind::Date => "[datum]",
            Kind::Name => "[naam]",
        }
    }

    /// The catalog key of the plain-words explanation.
    pub fn why_key(self) -> &'static str {
        match self {
            Kind::Email => "privacy.email",
            Kind::Phone => "privacy.phone",
            Kind::Iban => "privacy.iban",
            Kind::Postcode => "privacy.postcode",
            Kind::Address => "privacy.address",
            Kind::Bsn => "privacy.bsn",
            Kind::Date => "privacy.date",
            Kind::Name => "privacy.name",
        }
    }
}

/// One detail that could identify someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The text found.
    pub text: String,
}

/// Words that are capitalised inside Dutch sentences without being anyone's name: the help
/// organisations, regions and the like. Callers add the corpus's own names.
const ALLOWED: &[&str] = &[
    "Ik",
    "God",
    "Nederland",
    "Nederlands",
    "Nederlandse",
    "Engels",
    "Drenthe",
    "Friesland",
    "Groningen",
    "Overijssel",
    "Gelderland",
    "Flevoland",
    "Utrecht",
    "Zeeland",
    "Limburg",
    "Brabant",
    "Noord-Brabant",
    "Noord-Holland",
    "Zuid-Holland",
    "Twente",
    "Achterhoek",
    "Randstad",
    "Veluwe",
    "Kerst",
    "Kerstmis",
    "Pasen",
    "Ramadan",
    "Suikerfeest",
    "Sinterklaas",
    "DigiD",
    "WhatsApp",
    "Facebook",
    "Instagram",
    "Google",
    "Marktplaats",
    "UWV",
    "CJIB",
    "GGZ",
    "SVB",
    "Belastingdienst",
    "Toeslagen",
    "Cruks",
    "Veilig",
    "Thuis",
    "Leger",
    "Heils",
    "Luisterlijn",
    "Humanitas",
    "Nibud",
    "Jellinek",
    "AGOG",
    "Voedselbank",
    "Geldfit",
    "SchuldHulpMaatje",
    "Kindertelefoon",
    "Slachtofferhulp",
    "Movisie",
    "Mijn",
    "Mijn tip",
];

/// Finds identifying details in `text`. `known` holds words that are safe though capitalised
/// (organisation and theme names from the corpus).
pub fn scan(text: &str, known: &HashSet<String>) -> Vec<Finding> {
    let mut found = Vec::new();
    let tokens = tokens(text);
    for (i, (range, word)) in tokens.iter().enumerate() {
        let w = word.as_str();
        let kind = if w.contains('@') && w.contains('.') && !w.starts_with('@') {
            Some(Kind::Email)
        } else if is_iban(w) {
            Some(Kind::Iban)
        } else if is_bsn(w) {
            Some(Kind::Bsn)
        } else if is_phone(w) {
            Some(Kind::Phone)
        } else if is_date(w) {
            Some(Kind::Date)
        } else {
            None
        };
        if let Some(kind) = kind {
            found.push(finding(text, kind, range.clone()));
            continue;
        }
        let next = tokens.get(i + 1);
        // Postcode: four digits and two capitals ("1234 AB").
        if w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && next.is_some_and(|(_, n)| n.len() == 2 && n.chars().all(|c| c.is_ascii_uppercase()))
        {
            let end = next.map_or(range.end, |(r, _)| r.end);
            found.push(finding(text, Kind::Postcode, range.start..end));
            continue;
        }
        // A street and a house number ("Dorpsstraat 12").
        if is_street(w) && next.is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit())) {
            let end = next.map_or(range.end, |(r, _)| r.end);
            found.push(finding(text, Kind::Address, range.start..end));
            continue;
        }
        // A date written out: "12 maart 1985".
        if w.chars().all(|c| c.is_ascii_digit())
            && w.len() <= 2
            && next.is_some_and(|(_, n)| MONTHS.contains(&n.to_lowercase().as_str()))
            && tokens
                .get(i + 2)
                .is_some_and(|(_, y)| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        {
            let end = tokens.get(i + 2).map_or(range.end, |(r, _)| r.end);
            found.push(finding(text, Kind::Date, range.start..end));
            continue;
        }
        if is_name(text, range, w, known) {
            found.push(finding(text, Kind::Name, range.clone()));
        }
    }
    found.sort_by_key(|f| f.range.start);
    found.dedup_by(|b, a| b.range.start < a.range.end);
    found
}

/// Replaces each finding with its placeholder.
pub fn replace(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        if f.range.start < at {
            continue;
        }
        out.push_str(&text[at..f.range.start]);
        out.push_str(f.kind.placeholder());
        at = f.range.end;
    }
    out.push_str(&text[at..]);
    out
}

const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn finding(text: &str, kind: Kind, range: Range<usize>) -> Finding {
    Finding {
        kind,
        text: text[range.clone()].to_owned(),
        range,
    }
}

/// Whitespace-separated tokens with surrounding punctuation trimmed (`@ . - + /` kept inside).
fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let raw = &text[s..i];
                let lead = raw.len() - raw.trim_start_matches(is_edge).len();
                let word = raw.trim_matches(is_edge);
                if !word.is_empty() {
                    out.push((s + lead..s + lead + word.len(), word.to_owned()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn is_edge(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '*'
            | '_'
    )
}

fn digits(w: &str) -> String {
    w.chars().filter(char::is_ascii_digit).collect()
}

fn is_phone(w: &str) -> bool {
    let d = digits(w);
    let only_phone_chars = w
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '(' | ')'));
    only_phone_chars
        && ((d.len() == 10 && d.starts_with('0')) || (d.len() == 11 && d.starts_with("31")))
}

fn is_iban(w: &str) -> bool {
    let w = w.to_ascii_uppercase();
    w.len() == 18
        && w.starts_with("NL")
        && w[2..4].chars().all(|c| c.is_ascii_digit())
        && w[4..8].chars().all(|c| c.is_ascii_uppercase())
        && w[8..].chars().all(|c| c.is_ascii_digit())
}

/// Nine digits that pass the *elfproef*, as a BSN must.
fn is_bsn(w: &str) -> bool {
    if w.len() != 9 || !w.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let d: Vec<i64> = w.bytes().map(|b| i64::from(b - b'0')).collect();
    let sum: i64 = (0..8).map(|i| d[i] * (9 - i as i64)).sum::<i64>() - d[8];
    sum % 11 == 0 && sum != 0
}

fn is_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && (parts[2].len() == 4 || parts[2].len() == 2)
}

fn is_street(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef",
        "hof", "pad", "markt",
    ];
    w.chars().next().is_some_and(char::is_uppercase)
        && ENDS
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.to_lowercase().ends_with(e))
}

/// A capitalised word that does not start a sentence and is not a known safe word.
fn is_name(text: &str, range: &Range<usize>, w: &str, known: &HashSet<String>) -> bool {
    let capital = w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase);
    if !capital || ALLOWED.contains(&w) || known.contains(w) {
        return false;
    }
    let before = text[..range.start].trim_end();
    let starts_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n', '"', '“', '*', '-', '—'])
        || text[..range.start].ends_with("\n\n");
    !starts_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        scan(text, &HashSet::new())
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn finds_contact_details_and_numbers() {
        assert_eq!(
            kinds("Mail me op jan.jansen@voorbeeld.nl als je wilt."),
            [Kind::Email]
        );
        assert_eq!(
            kinds("Bel me op 06-12345678 of 0201234567."),
            [Kind::Phone, Kind::Phone]
        );
        assert_eq!(
            kinds("Stort het op NL91ABNA0417164300 graag."),
            [Kind::Iban]
        );
        assert_eq!(kinds("We woonden op 1234 AB toen."), [Kind::Postcode]);
        assert_eq!(
            kinds("ik woonde in de Dorpsstraat 12 bij de kerk."),
            [Kind::Address]
        );
        assert_eq!(kinds("mijn nummer was 111222333 toen."), [Kind::Bsn]);
        assert_eq!(
            kinds("ik ben geboren op 12-03-1985 in het oosten."),
            [Kind::Date]
        );
        assert_eq!(kinds("ik ben geboren op 12 maart 1985."), [Kind::Date]);
    }

    #[test]
    fn names_inside_sentences_and_not_ordinary_words() {
        assert_eq!(kinds("Toen belde ik mijn zus Fatima op."), [Kind::Name]);
        assert_eq!(
            kinds("We gingen samen met Kees naar de opvang."),
            [Kind::Name]
        );
        assert!(kinds("Toen ging ik naar de voedselbank.").is_empty());
        assert!(kinds("Daarna belde ik Veilig Thuis.").is_empty());
        assert!(kinds("Ik woonde in Drenthe. Daar was het stil.").is_empty());
        assert!(kinds("Mijn tip: vraag hulp.").is_empty(), "sentence starts");
        assert!(kinds("het kostte 1985 euro en 12 weken").is_empty());
    }

    #[test]
    fn placeholders_replace_what_was_found() {
        let text = "Mail jan@voorbeeld.nl of bel 0612345678, zei Piet.";
        let found = scan(text, &HashSet::new());
        assert_eq!(
            replace(text, &found),
            "Mail [e-mail] of bel [telefoonnummer], zei [naam]."
        );
    }
}
