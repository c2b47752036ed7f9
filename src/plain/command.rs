//! What a line typed in plain mode asks for: a number, a short command word, or words to
//! search for. The Dutch words always work; their English aliases only with the English UI,
//! so a Dutch visitor can still search for "help" or "back".

use crate::i18n::Lang;

/// One answer at the plain-mode prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// An empty line: read on (the next page, past the content notes), or show the screen again.
    More,
    /// Open item N (1-based) of the list or the links on screen.
    Number(usize),
    /// Search for these words.
    Search(String),
    /// Back to the previous place.
    Back,
    /// To the start (Home).
    Home,
    /// *Hulp nu*: the crisis numbers.
    Crisis,
    /// Bookmark the story or resource being read (or remove its bookmark).
    Save,
    /// The Bladwijzers screen.
    Bookmarks,
    /// The list of commands.
    Commands,
    /// Leave plein (in kiosk mode: wipe the session instead, unless quitting is allowed).
    Quit,
}

/// The command words: (Dutch, English alias, command).
const WORDS: &[(&[&str], &[&str], Command)] = &[
    (&["terug"], &["back"], Command::Back),
    (&["start", "begin"], &["home"], Command::Home),
    (&["hulp", "hulp nu"], &["help", "help now"], Command::Crisis),
    (&["bewaar"], &["save"], Command::Save),
    (&["bladwijzers"], &["bookmarks"], Command::Bookmarks),
    (&["verder"], &["more", "next"], Command::More),
    (&["stop", "stoppen"], &["quit", "exit"], Command::Quit),
];

/// Reads one typed line (without its line ending).
pub fn parse(line: &str, lang: Lang) -> Command {
    let text = line.trim();
    if text.is_empty() {
        return Command::More;
    }
    if text == "?" {
        return Command::Commands;
    }
    if let Ok(n) = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text)
        .trim_end_matches('.')
        .parse::<usize>()
    {
        return Command::Number(n);
    }
    let lower = text.to_lowercase();
    let english = lang.is_english();
    for (nl, en, cmd) in WORDS {
        if nl.contains(&lower.as_str()) || (english && en.contains(&lower.as_str())) {
            return cmd.clone();
        }
    }
    let search = |w: &str| {
        let head = text.get(..w.len())?;
        let rest = text.get(w.len()..)?;
        (head.eq_ignore_ascii_case(w) && rest.starts_with(' ')).then(|| rest.trim().to_owned())
    };
    if let Some(words) = search("zoek").or_else(|| english.then(|| search("search")).flatten()) {
        return Command::Search(words);
    }
    Command::Search(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_and_searches() {
        assert_eq!(parse("", Lang::Nl), Command::More);
        assert_eq!(parse("  3 ", Lang::Nl), Command::Number(3));
        assert_eq!(parse("[2]", Lang::Nl), Command::Number(2));
        assert_eq!(parse("Terug", Lang::Nl), Command::Back);
        assert_eq!(parse("?", Lang::En), Command::Commands);
        assert_eq!(parse("back", Lang::En), Command::Back);
        assert_eq!(parse("back", Lang::Nl), Command::Search("back".into()));
        assert_eq!(parse("terug", Lang::En), Command::Back);
        assert_eq!(
            parse("zoek hulp bij schulden", Lang::Nl),
            Command::Search("hulp bij schulden".into())
        );
        assert_eq!(parse("zoek 113", Lang::Nl), Command::Search("113".into()));
        assert_eq!(parse("zoeken", Lang::Nl), Command::Search("zoeken".into()));
        assert_eq!(
            parse("schulden", Lang::Nl),
            Command::Search("schulden".into())
        );
        // A look-alike capital (Kelvin sign) never splits a character.
        assert_eq!(
            parse("zoe\u{212a} x", Lang::Nl),
            Command::Search("zoe\u{212a} x".into())
        );
    }
}
