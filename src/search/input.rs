//! What a person typed, read as words, "phrases" and -exclusions. Any input is safe: it is cut
//! to a bounded size, and nothing of it reaches a query parser (tantivy's can hang on odd input).

/// Longest query text considered, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 300;
/// Most words (in groups, phrases and exclusions together) a query uses.
pub const MAX_WORDS: usize = 24;

/// A query split into its parts; each part is the raw words, not yet analyzed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    /// Words to search for, in order.
    pub words: Vec<String>,
    /// Phrases (between balanced double quotes), each a list of words.
    pub phrases: Vec<Vec<String>>,
    /// Words that must not appear (`-woord`).
    pub excluded: Vec<String>,
}

impl Input {
    /// Reads a query. Unbalanced quotes, brackets, field syntax and control characters are just
    /// separators; only letters, digits and in-word hyphens or apostrophes make words.
    pub fn parse(query: &str) -> Input {
        let text: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let quotes = text.matches('"').count();
        let balanced_until = if quotes.is_multiple_of(2) {
            text.len()
        } else {
            text.rfind('"').unwrap_or(text.len())
        };
        let mut input = Input::default();
        let mut in_phrase = false;
        let mut phrase: Vec<String> = Vec::new();
        let mut count = 0;
        for (i, part) in split_keep_quotes(&text) {
            if part == "\"" {
                if i >= balanced_until {
                    continue;
                }
                if in_phrase && !phrase.is_empty() {
                    input.phrases.push(std::mem::take(&mut phrase));
                }
                in_phrase = !in_phrase;
                continue;
            }
            let excluded = !in_phrase && part.starts_with('-');
            for w in words_of(part) {
                if count >= MAX_WORDS {
                    break;
                }
                count += 1;
                if in_phrase {
                    phrase.push(w);
                } else if excluded {
                    input.excluded.push(w);
                } else {
                    input.words.push(w);
                }
            }
        }
        input.words.extend(phrase);
        input
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }
}

/// Splits on white space, keeping every `"` as its own part, with byte offsets.
fn split_keep_quotes(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '"' {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
            if c == '"' {
                out.push((i, &text[i..i + 1]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// The words in a white-space-free part: letters and digits, joined by inner `-` or `'`.
fn words_of(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = part.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joiner = (c == '-' || c == '\'' || c == '’')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if joiner && c == '’' {
            // The typographic apostrophe (zo’n) reads as the plain one (zo'n).
            cur.push('\'');
        } else if c.is_alphanumeric() || joiner {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_exclusions() {
        let i = Input::parse("\"huiselijk geweld\" hulp -gokken 0800-2000");
        assert_eq!(
            i.phrases,
            vec![vec!["huiselijk".to_owned(), "geweld".to_owned()]]
        );
        assert_eq!(i.words, vec!["hulp", "0800-2000"]);
        assert_eq!(i.excluded, vec!["gokken"]);
    }

    #[test]
    fn a_typographic_apostrophe_reads_as_the_plain_one() {
        assert_eq!(Input::parse("zo’n 𐳺’a").words, vec!["zo'n", "𐳺'a"]);
    }

    #[test]
    fn odd_input_is_just_words() {
        assert_eq!(Input::parse("a:(^").words, vec!["a"]);
        assert_eq!(
            Input::parse("\"open quote schuld").words,
            vec!["open", "quote", "schuld"]
        );
        assert_eq!(
            Input::parse("title:(x OR y]]").words,
            vec!["title", "x", "OR", "y"]
        );
        assert_eq!(Input::parse("\u{1b}[2J ((( ]]] \"\"").words, vec!["2J"]);
        assert!(Input::parse("((( ]]] \"\" -").is_empty());
        assert_eq!(
            Input::parse(&"woord ".repeat(20_000)).words.len(),
            MAX_WORDS
        );
    }
}
